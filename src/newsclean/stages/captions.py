"""Image captions and photo credits inside the article.

>>> from newsclean.normalize import key
>>> match_caption(key("© REUTERS / SHOKRY HUSSIEN")), match_caption(key("Photo: Jane Doe/AFP"))
('photo-credit', 'photo-credit')
"""

from __future__ import annotations

from newsclean.document import Document
from newsclean.hints import page_hints
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
        family = caption_family(lexicon)
        hints = page_hints(doc)
        # Only the lines holding a credit's literals ("©", "Photo", an agency) can be one.
        candidates = hints.lines(*(f"captions:{reason}" for reason in family.reasons()
                                   if f"captions:{reason}" in hints)) if family.hint is not None else None
        lines = range(max(0, start - 3), end + 1)
        relabel = doc.kinds_where(lambda v: v is None or v.label in ("chrome", "body"))
        ids, words = doc.verdict_ids, doc.words
        for i in (lines if candidates is None else [i for i in candidates if lines.start <= i < lines.stop]):
            if ids[i] in relabel and words[i] <= 26:
                reason = match_caption(doc.key_of(i), lexicon=lexicon)
                if reason is not None:
                    doc.label(i, "caption", reason, "image caption or credit")
