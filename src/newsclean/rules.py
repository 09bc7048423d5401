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
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol


class HintedLines(Protocol):
    """The lines of a page holding a literal of each group (:class:`newsclean.hints.PageHints`)."""

    def __contains__(self, name: str) -> bool: ...

    def lines(self, *names: str) -> list[int]: ...


class KeyText(Protocol):
    """A page's matching keys as one text (:class:`newsclean.document.KeyTable`)."""

    @property
    def text(self) -> str: ...

    @property
    def starts(self) -> Sequence[int]: ...

    def lines_matching(self, pattern: re.Pattern[str], most: int | None = None) -> list[int]: ...


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


def trie_pattern(words: Iterable[str]) -> str:
    """An alternation of ``words`` written as a character trie, so that where no word starts it
    fails after one character-set test instead of trying every word in turn.

    >>> trie_pattern(["mar", "march", "may"])
    'ma(?:r(?:ch)?|y)'
    """
    trie: dict[str, Any] = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def emit(node: dict[str, Any]) -> str:
        branches = [re.escape(char) + emit(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        # A word ends here: the longer ones are optional, tried first (greedy).
        return f"(?:{body})?" if "" in node else body

    return emit(trie)


def _alternation(patterns: Sequence[str]) -> re.Pattern[str] | None:
    """One pattern that matches wherever one of ``patterns`` does, or None when they cannot be
    joined (a pattern's own flags or group references would change meaning in one)."""
    if any(re.search(r"\(\?[aiLmsux]+\)|\\[1-9]|\(\?P=", p) for p in patterns):
        return None
    try:
        return re.compile("|".join(f"(?:{p})" for p in patterns))
    except re.error:
        return None


class RuleFamily:
    """Rules tried in order, as one matcher: a line longer than every rule allows is passed over
    at once, and one search for all the rules' literals (a character trie) rules out most of the
    rest before any rule's own pattern runs. The answer is :func:`first_match`'s.

    >>> family = RuleFamily([Rule("footer", r"all rights reserved", 15, ("reserved",)),
    ...                      Rule("url", r"^https?://\\S+$", 3)])
    >>> family.match("all rights reserved 2024"), family.match("https://example.com"), family.match("hello")
    ('footer', 'url', None)
    """

    __slots__ = ("_bare", "_bare_words", "_hint", "_needled", "max_words", "name", "rules")

    def __init__(self, rules: Sequence[Rule], *, name: str = "") -> None:
        self.rules: tuple[Rule, ...] = tuple(rules)
        #: The family's name: its rules' literals are the hints ``name:reason`` (:mod:`newsclean.hints`).
        self.name = name
        self.max_words = max((rule.max_words for rule in self.rules), default=0)
        needles = {needle for rule in self.rules for needle in rule.needles}
        self._hint = re.compile(trie_pattern(sorted(needles))) if needles else None
        #: Whether every rule names literals: then a line without any of them matches none.
        self._needled = all(rule.needles for rule in self.rules)
        # The rules that name no literal run on every line short enough: :meth:`scan` runs their
        # patterns as one alternation first, so a line costs one search, not one a rule.
        bare = [rule for rule in self.rules if rule.prefilter is None]
        self._bare = _alternation([rule.pattern for rule in bare]) if len(bare) > 1 else None
        self._bare_words = max((rule.max_words for rule in bare), default=0)

    def match(self, text_key: str, words: int | None = None) -> str | None:
        """The reason of the first rule ``text_key`` (a line of ``words`` words) matches, or None."""
        if words is None:
            words = text_key.count(" ") + 1
        if words > self.max_words:
            return None
        hinted = self._hint is not None and self._hint.search(text_key) is not None
        if not hinted and self._needled:
            return None
        for rule in self.rules:
            if rule.needles and not hinted:
                continue
            if rule.matches(text_key, words):
                return rule.reason
        return None

    def scan(self, keys: KeyText, words: Sequence[int], verdicts: Sequence[int] | None = None,
             limit: int | None = None, hints: HintedLines | None = None) -> dict[int, str]:
        """:meth:`match` of every line of a page at once: ``{line: reason}`` for the lines whose
        key (line ``i``'s is ``keys.text[keys.starts[i]:keys.starts[i + 1] - 1]``) a rule matches,
        skipping lines whose ``verdicts`` entry is not 0 (labelled already) and, with ``limit``,
        lines of more words than that.

        Each rule's literals are searched for in the page's keys in one pass (the page's
        ``hints`` when given, :class:`newsclean.hints.PageHints`, else
        :meth:`KeyText.lines_matching`), so a rule's pattern runs only on the lines that hold
        one; a rule without literals runs on every line short enough for it. Rules are tried in
        order and a line keeps the first that matches, as :meth:`match` does.
        """
        found: dict[int, str] = {}
        text, starts = keys.text, keys.starts
        everything: Sequence[int] | None = None
        for rule in self.rules:
            most, pattern = rule.max_words if limit is None else min(rule.max_words, limit), rule.compiled
            group = f"{self.name}:{rule.reason}"
            if rule.prefilter is not None and hints is not None and group in hints:
                lines: Iterable[int] = hints.lines(group)
            elif rule.prefilter is not None:
                lines = keys.lines_matching(rule.prefilter, most)
            elif everything is not None:
                lines = everything
            elif self._bare is not None:
                # Every line one of these rules matches holds a match of their alternation.
                reach = self._bare_words if limit is None else min(self._bare_words, limit)
                bare = self._bare
                lines = everything = [
                    i for i in range(len(words)) if words[i] <= reach
                    and not (verdicts is not None and verdicts[i])
                    and bare.search(text[starts[i]:starts[i + 1] - 1]) is not None]
            else:
                lines = everything = range(len(words))
            for i in lines:
                if words[i] > most or i in found or (verdicts is not None and verdicts[i]):
                    continue
                if pattern.search(text[starts[i]:starts[i + 1] - 1]) is not None:
                    found[i] = rule.reason
        return found

    @property
    def hint(self) -> re.Pattern[str] | None:
        """Literals one of which every line a rule matches holds (None when a rule names none)."""
        return self._hint if self._needled else None

    def reasons(self) -> tuple[str, ...]:
        return tuple(rule.reason for rule in self.rules)

    def __repr__(self) -> str:
        return f"RuleFamily({', '.join(self.reasons())})"
