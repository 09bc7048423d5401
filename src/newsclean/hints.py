"""The literals rules look for, found in all of a page's matching keys in one pass.

Most rules name literals one of which every line they match holds (a rule's ``needles``, a
comments heading's stem, a month's name). A :class:`Hints` holds every such literal of a
lexicon, grouped, in one Aho–Corasick automaton (``ahocorasick_rs``, a deterministic automaton:
a few nanoseconds a character, whatever the number of literals); :meth:`Hints.scan` runs it
once over a page's keys and tells, for each line, which groups it holds a literal of. A rule's
own pattern then runs only on those lines.

>>> hints = Hints({"follow": ["follow", "تابع"], "year": ["2023", "2024"]})
>>> from newsclean.document import Document
>>> page = hints.scan(Document.from_text("Home\\nFollow us\\nتابعونا\\n12 May 2024").key_table())
>>> page.lines("follow"), page.lines("year"), page.holds(3, "year")
([1, 2], [3], True)
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Mapping, Sequence
from typing import Protocol

import ahocorasick_rs

from newsclean.document import Document
from newsclean.lang import Lexicon

__all__ = ["FAMILIES", "Hints", "PageHints", "lexicon_hints", "page_hints"]

# A page's keys are searched this many characters at a time (at line ends), so that a page of
# a million lines never holds a list of all its literals' places.
_BLOCK = 1 << 20


class _Keys(Protocol):
    @property
    def text(self) -> str: ...

    @property
    def starts(self) -> Sequence[int]: ...


class Hints:
    """Groups of literals (matching keys) and one automaton that finds them all."""

    __slots__ = ("_automaton", "_bits", "_groups")

    def __init__(self, groups: Mapping[str, Iterable[str]]) -> None:
        self._groups = {name: 1 << n for n, name in enumerate(groups)}
        bits: dict[str, int] = {}
        for name, words in groups.items():
            for word in words:
                if word:
                    bits[word] = bits.get(word, 0) | self._groups[name]
        literals = list(bits)
        self._bits = [bits[w] for w in literals]
        self._automaton = ahocorasick_rs.AhoCorasick(
            literals, implementation=ahocorasick_rs.Implementation.DFA) if literals else None

    def __contains__(self, name: str) -> bool:
        return name in self._groups

    def scan(self, keys: _Keys) -> PageHints:
        """Which groups each line of a page holds a literal of (lines hold no line break)."""
        found: dict[int, int] = {}
        automaton = self._automaton
        if automaton is not None:
            text, starts, bits = keys.text, keys.starts, self._bits
            start = 0
            while start < len(text):
                end = text.find("\n", start + _BLOCK)
                end = len(text) if end == -1 else end
                block = text[start:end] if start or end < len(text) else text
                for literal, at, _ in automaton.find_matches_as_indexes(block, overlapping=True):
                    line = bisect_right(starts, start + at) - 1
                    found[line] = found.get(line, 0) | bits[literal]
                start = end + 1
        return PageHints(self._groups, found)


class PageHints:
    """The groups each line of one page holds a literal of (:meth:`Hints.scan`)."""

    __slots__ = ("_found", "_groups", "_lines")

    def __contains__(self, name: str) -> bool:
        return name in self._groups

    def __init__(self, groups: Mapping[str, int], found: Mapping[int, int]) -> None:
        self._groups = groups
        self._found = found
        self._lines: dict[str, list[int]] = {}

    def lines(self, *names: str) -> list[int]:
        """The lines (in order) holding a literal of any of the groups ``names``."""
        key = ",".join(names)
        found = self._lines.get(key)
        if found is None:
            mask = 0
            for name in names:
                mask |= self._groups[name]
            found = self._lines[key] = sorted(i for i, bits in self._found.items() if bits & mask)
        return found

    def holds(self, line: int, name: str) -> bool:
        """True when ``line`` holds a literal of the group ``name``."""
        return bool(self._found.get(line, 0) & self._groups[name])

    def bits(self, line: int, *names: str) -> int:
        """Which of the groups ``names`` ``line`` holds a literal of, as the bits of their positions."""
        held = self._found.get(line, 0)
        return sum(1 << n for n, name in enumerate(names) if held & self._groups[name])


# --- the hints of a lexicon, and of a document ------------------------------------------------

#: The rule families whose phrases' literals are searched for at once.
FAMILIES = ("promos", "chrome", "comment_widgets", "captions")
# What a clock time or a date in figures holds: a colon before a figure ("9:15"), or a figure
# before a date's separator ("17.03", "3/4", "2020-").
_CLOCK_LITERALS = tuple(f":{d}" for d in "0123456789") + tuple(f"{d}{s}" for d in "0123456789" for s in "./-")


def lexicon_hints(lexicon: Lexicon) -> Hints:
    """The hints of a lexicon's packs, built once per lexicon: each rule family's literals by
    reason (``promos:subscribe``...), a comments heading's stems (``heading``), date and time
    words (``time``), clock times (``clock``), and what any date holds (``date``: a year, a
    month's name, a relative time's words, in every installed language)."""
    return lexicon.compiled("hints", lambda: Hints(_groups(lexicon)))


def _groups(lexicon: Lexicon) -> dict[str, tuple[str, ...]]:
    from newsclean.dates import date_literals

    groups: dict[str, tuple[str, ...]] = {}
    for family in FAMILIES:
        for reason, needles in lexicon.needles(family).items():
            groups[f"{family}:{reason}"] = needles
    groups["heading"] = lexicon.words("heading_stems")
    groups["time"] = tuple(lexicon.keys("time_words"))
    groups["clock"] = _CLOCK_LITERALS
    groups["date"] = date_literals()
    return groups


def page_hints(doc: Document) -> PageHints:
    """The hints of ``doc``'s lexicon found in its keys, once per document."""
    lexicon = doc.lexicon
    return doc.derived(f"hints:{','.join(lexicon.codes)}",
                       lambda: lexicon_hints(lexicon).scan(doc.key_table()))
