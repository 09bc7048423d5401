"""Line rules as data: a reason code, a pattern on the matching key, a length limit, and the
literals a match must contain.

The literals are a pre-check: one search for a handful of literals skips a line several
times faster than a pattern with many alternatives, and most lines hold none of them. A rule
whose ``needles`` are empty always runs its pattern (anchored patterns fail fast anyway).

>>> rule = Rule("footer", r"جميع الحقوق محفوظه|all rights reserved", 30, ("محفوظه", "reserved"))
>>> first_match((rule,), "جميع الحقوق محفوظه 2024", 4)
'footer'
>>> first_match((rule,), "نص طويل عن شيء آخر", 5) is None
True
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Rule:
    reason: str
    pattern: str
    max_words: int
    needles: tuple[str, ...] = ()
    compiled: re.Pattern[str] = field(init=False, repr=False, compare=False)
    prefilter: re.Pattern[str] | None = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "compiled", re.compile(self.pattern))
        needles = "|".join(map(re.escape, self.needles)) if self.needles else None
        object.__setattr__(self, "prefilter", re.compile(needles) if needles else None)

    def matches(self, text_key: str, words: int) -> bool:
        if words > self.max_words:
            return False
        if self.prefilter is not None and self.prefilter.search(text_key) is None:
            return False
        return self.compiled.search(text_key) is not None


def first_match(rules: Iterable[Rule], text_key: str, words: int) -> str | None:
    """The reason of the first rule that matches ``text_key`` (a line of ``words`` words)."""
    for rule in rules:
        if rule.matches(text_key, words):
            return rule.reason
    return None


def max_words(rules: Iterable[Rule]) -> int:
    return max(rule.max_words for rule in rules)
