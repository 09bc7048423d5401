"""Image captions and photo credits inside the article.

>>> from newsclean.normalize import key
>>> match_caption(key("© REUTERS / SHOKRY HUSSIEN")), match_caption(key("Photo: Jane Doe/AFP"))
('photo-credit', 'photo-credit')
"""

from __future__ import annotations

import re

from newsclean.document import Document
from newsclean.registry import stage

CAPTION_RULES: tuple[tuple[str, str], ...] = (
    ("photo-credit", r"^©\s*\S.{0,60}$|"
                     r"^(?:photo|image|picture|foto|credit|صوره|الصوره|تصوير|مصدر الصوره)\s*[:：]|"
                     r"\((?:getty images|afp|reuters|ap|epa|shutterstock)[^)]*\)$|"
                     r"(?:/|via )(?:getty images|afp|reuters|ap|epa)$"),
)
_COMPILED = tuple((r, re.compile(p)) for r, p in CAPTION_RULES)


def match_caption(k: str) -> str | None:
    """The reason code of the caption rule the matching key ``k`` matches, or None."""
    if k.count(" ") > 25:
        return None
    return next((r for r, p in _COMPILED if p.search(k)), None)


@stage("captions")
class Captions:
    """Relabel photo credits and captions inside the article region as captions."""

    def __call__(self, doc: Document) -> None:
        region = doc.meta.get("region")
        if region is None:
            return
        start, end = region
        for line in doc.lines[max(0, start - 3): end + 1]:
            if line.label in (None, "chrome", "body") and line.words <= 26:
                reason = match_caption(line.key)
                if reason is not None:
                    doc.label(line.index, "caption", reason, "image caption or credit")
