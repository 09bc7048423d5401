"""Bylines: the author line next to the headline or at the article's edges.

>>> match_byline("كتبت اسماء نصار"), match_byline("by jane doe"), match_byline("by the way, it rained.")
('kataba', 'by', None)
"""

from __future__ import annotations

import re

from newsclean.document import Document
from newsclean.registry import stage

#: (reason, pattern on the key). A byline is short: these apply to lines of at most 10 words.
BYLINE_RULES: tuple[tuple[str, str], ...] = (
    # "كتبت أسماء نصار", "كتب: فلان": a name (at most five words), not a sentence.
    ("kataba", r"^(?:كتب|كتبت|كتبه|كتبها)\s*[:：-]?\s*[^\s.!?]+(?: [^\s.!?]+){0,4}$"),
    ("bi-qalam", r"^بقلم\s*[:：-]?\s*[^\s.!?]+(?: [^\s.!?]+){0,4}$"),
    ("interview", r"^(?:حوار|حاوره|حاورته|اعداد|اعدته|اعده|تقرير|تحرير|ترجمه|"
                  r"نقلته الي العربيه|نقله الي العربيه)\s*[:：-]\s*\S"),
    ("credit", r"^\((?:[^()]{2,30}) [-–ـ] (?:[^()]{2,30})\)$"),
    # "By Jane Doe", "By Jane Doe and John Roe": at most 5 words a name, joined by and/&/,.
    ("by", r"^(?:by|par|por|von|di|door|av) [^\s,.]+(?: [^\s,.]+){0,4}"
           r"(?:(?:,| and| &| und| y| et) [^\s,.]+(?: [^\s,.]+){0,3}){0,3}$"),
    ("author-label", r"^(?:author|written by|reporter|auteur|autor)\s*[:：]\s*\S"),
)
_COMPILED = tuple((reason, re.compile(p)) for reason, p in BYLINE_RULES)


def match_byline(text_key: str) -> str | None:
    """The reason code of the byline rule ``text_key`` matches, or None."""
    if text_key.count(" ") >= 10:
        return None
    for reason, pattern in _COMPILED:
        if pattern.search(text_key):
            return reason
    return None


@stage("byline")
class Byline:
    """Label author lines in the header zone above the article and at its first and last lines."""

    def __init__(self, *, window: int = 15) -> None:
        self.window = window

    def __call__(self, doc: Document) -> None:
        region = doc.meta.get("region")
        if region is None:
            return
        start, end = region
        zone = [line for line in doc.lines[max(0, start - self.window):start] if line.is_open]
        body = [line for line in doc.lines[start:end + 1] if line.label == "body"]
        after = [line for line in doc.lines[end + 1:end + 4] if line.is_open]
        zone += body[:2] + body[-2:] + after
        for line in zone:
            if line.words > 10:
                continue
            reason = match_byline(line.key)
            if reason is not None and line.label != "byline":
                doc.label(line.index, "byline", reason, "author line")
                return
