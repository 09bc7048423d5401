"""Bylines: the author line next to the headline or at the article's edges.

>>> match_byline("كتبت اسماء نصار"), match_byline("by jane doe"), match_byline("by the way, it rained.")
('kataba', 'by', None)
"""

from __future__ import annotations

from itertools import islice

from newsclean.document import Document
from newsclean.lang import Lexicon, every_pack
from newsclean.registry import stage
from newsclean.rules import RuleFamily

#: The bylines' reasons, in the order they are tried. The phrases are the language packs'
#: (``bylines``, with their ``by_words``, ``and_words`` and ``author_labels``). A byline is short:
#: these apply to lines of at most 10 words.
BYLINE_REASONS: tuple[tuple[str, int], ...] = (
    ("kataba", 10), ("bi-qalam", 10), ("interview", 10), ("credit", 10), ("by", 10), ("author-label", 10),
)


def byline_family(lexicon: Lexicon) -> RuleFamily:
    """The byline phrases of ``lexicon``'s packs, compiled once per lexicon."""
    return lexicon.family("bylines", BYLINE_REASONS)


def match_byline(text_key: str, *, lexicon: Lexicon | None = None) -> str | None:
    """The reason code of the byline rule ``text_key`` matches, or None (every pack's rules
    unless a ``lexicon`` is given)."""
    if text_key.count(" ") >= 10:
        return None
    family = byline_family(lexicon if lexicon is not None else every_pack())
    for rule in family.rules:
        if rule.compiled.search(text_key):
            return rule.reason
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
        body = doc.kinds_where(lambda v: v is not None and v.label == "body")
        ids = doc.verdict_ids
        # The region's first two and last two body lines (the same ones, on a short article).
        first = list(islice((i for i in range(start, end + 1) if ids[i] in body), 2))
        last = list(islice((i for i in range(end, start - 1, -1) if ids[i] in body), 2))[::-1]
        lines = doc.lines
        after = [line for line in doc.lines[end + 1:end + 4] if line.is_open]
        zone += [lines[i] for i in first] + [lines[i] for i in last] + after
        lexicon = doc.lexicon
        for line in zone:
            if line.words > 10:
                continue
            reason = match_byline(line.key, lexicon=lexicon)
            if reason is not None and line.label != "byline":
                doc.label(line.index, "byline", reason, "author line")
                return
