"""Image captions and photo credits inside the article.

>>> from newsclean.normalize import key
>>> match_caption(key("© REUTERS / SHOKRY HUSSIEN")), match_caption(key("Photo: Jane Doe/AFP"))
('photo-credit', 'photo-credit')
"""

from __future__ import annotations

from newsclean.document import Document
from newsclean.lang import Lexicon, every_pack
from newsclean.registry import stage
from newsclean.rules import RuleFamily

#: The captions' reasons and the most words a line holding one may have. The phrases are the
#: language packs' (``captions``, with their ``photo_labels`` and ``photo_agencies``).
CAPTION_REASONS: tuple[tuple[str, int], ...] = (("photo-credit", 26),)


def caption_family(lexicon: Lexicon) -> RuleFamily:
    """The caption phrases of ``lexicon``'s packs, compiled once per lexicon."""
    return lexicon.family("captions", CAPTION_REASONS)


def match_caption(k: str, *, lexicon: Lexicon | None = None) -> str | None:
    """The reason code of the caption rule the matching key ``k`` matches, or None (every
    pack's rules unless a ``lexicon`` is given)."""
    if k.count(" ") > 25:
        return None
    family = caption_family(lexicon if lexicon is not None else every_pack())
    return next((rule.reason for rule in family.rules if rule.compiled.search(k)), None)


@stage("captions")
class Captions:
    """Relabel photo credits and captions inside the article region as captions."""

    def __call__(self, doc: Document) -> None:
        region = doc.meta.get("region")
        if region is None:
            return
        start, end = region
        lexicon = doc.lexicon
        for line in doc.lines[max(0, start - 3): end + 1]:
            if line.label in (None, "chrome", "body") and line.words <= 26:
                reason = match_caption(line.key, lexicon=lexicon)
                if reason is not None:
                    doc.label(line.index, "caption", reason, "image caption or credit")
