"""The working document: the input's lines, and the one place where their labels are written.

Stages never set a label directly; they call :meth:`Document.label`, which records the stage,
a stable reason code and a human detail, and keeps every earlier verdict in the line's history.

>>> doc = Document.from_text("Title\\n\\nFirst paragraph.")
>>> doc.stage = "demo"
>>> doc.label(0, "headline", "first-line", "the first line")
>>> doc.lines[0].label, doc.lines[0].stage, doc.lines[0].reason
('headline', 'demo', 'first-line')
>>> doc.lines[1].label
'blank'
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, Literal, get_args

from newsclean.lang import Lexicon, lexicon
from newsclean.normalize import INVISIBLE, key

Label = Literal[
    "headline", "subheadline", "byline", "body", "caption", "promo", "comment", "chrome", "blank"
]
LABELS: tuple[str, ...] = get_args(Label)
#: What a caller favours where a stage weighs a threshold: ``clean_article(favor=...)``.
Favor = Literal["balanced", "precision", "recall"]
FAVORS: tuple[str, ...] = get_args(Favor)

# What ends a line: \n, \r\n and a lone \r (old Mac files and some CMS exports).
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_DROP_INVISIBLE = dict.fromkeys(map(ord, INVISIBLE))


# Rules read a line's opening and closing words; folding the middle of a long line (a 10 MB
# line, in the worst case) would cost time and decide nothing.
_KEY_HEAD, _KEY_TAIL = 300, 100


def line_key(text: str) -> str:
    """The matching key of a line: of all of it, or of its head and tail when it is long.

    >>> len(line_key("word " * 10_000)) < 1000
    True
    """
    if len(text) <= _KEY_HEAD + _KEY_TAIL:
        return key(text)
    return key(text[:_KEY_HEAD] + " " + text[-_KEY_TAIL:])


def is_blank(text: str) -> bool:
    """True when ``text`` shows nothing: only white space and invisible marks.

    >>> is_blank(" \u200f\t"), is_blank("\u200fأ")
    (True, False)
    """
    stripped = text.strip()
    if not stripped:
        return True
    if stripped[0] not in INVISIBLE:
        return False
    return not stripped.translate(_DROP_INVISIBLE).strip()


@dataclass(frozen=True, slots=True)
class Verdict:
    """One decision a stage took about a line (shared between lines: a page holds few kinds)."""

    label: Label
    stage: str
    reason: str
    detail: str = ""


class Line:
    """One input line, its matching key and the verdicts stages gave it (the last one wins).

    ``key`` is computed on first use: most rules look only at short lines, and a page's long
    paragraphs never need folding.
    """

    __slots__ = ("_key", "history", "index", "text", "words")

    def __init__(self, index: int, text: str) -> None:
        self.index = index
        self.text = text
        #: Whitespace-separated words of the raw text (CJK text counts as few words). Counting
        #: single spaces is exact for ordinary text and far cheaper than splitting it.
        self.words = text.count(" ") + 1 if "  " not in text and "\t" not in text else len(text.split())
        # A tuple: most lines get one verdict, and a one-item tuple is half a list's size.
        self.history: tuple[Verdict, ...] = ()
        self._key: str | None = None

    @property
    def key(self) -> str:
        if self._key is None:
            self._key = line_key(self.text)
        return self._key

    @property
    def label(self) -> Label | None:
        return self.history[-1].label if self.history else None

    @property
    def stage(self) -> str | None:
        return self.history[-1].stage if self.history else None

    @property
    def reason(self) -> str | None:
        return self.history[-1].reason if self.history else None

    @property
    def detail(self) -> str:
        return self.history[-1].detail if self.history else ""

    @property
    def is_open(self) -> bool:
        """True while no stage has decided what this line is."""
        return not self.history

    def __repr__(self) -> str:
        return f"Line({self.index}, {self.text[:40]!r}, label={self.label!r}, reason={self.reason!r})"


@dataclass(slots=True)
class CommentRecord:
    """A reader comment as stages find it: the lines it spans and its parts."""

    lines: list[int]
    author: str | None = None
    title: str | None = None
    text: str = ""
    date: date | datetime | None = None


@dataclass(slots=True)
class DatelineRecord:
    text: str
    place: str | None
    agency: str | None
    line: int
    date: date | None = None


class Document:
    """The input's lines plus what stages found about the article as a whole."""

    __slots__ = ("_lexicon", "_verdicts", "comments", "dateline", "favor", "lang", "languages", "lines",
                 "meta", "published", "stage")

    def __init__(self, texts: list[str], *, lang: str | None = None) -> None:
        self.lines: list[Line] = [Line(i, t) for i, t in enumerate(texts)]
        self.lang = lang
        #: What the caller favours: stages with a threshold (the region's model, trafilatura's
        #: focus in ``html-hints``) read it here, so one pipeline serves every setting.
        self.favor: Favor = "balanced"
        self.stage = "input"
        self.published: date | datetime | None = None
        self.dateline: DatelineRecord | None = None
        self.comments: list[CommentRecord] = []
        #: Free-form findings stages share (e.g. the article region); plugins may add keys.
        self.meta: dict[str, Any] = {}
        self._verdicts: dict[tuple[str, str, str, str], Verdict] = {}
        #: The languages whose packs the rule stages read (:mod:`newsclean.lang`): ``lang``, and
        #: the language of the text when an HTML page states another (set by
        #: :func:`newsclean.language.page_language`). Empty: ``lang``'s alone.
        self.languages: tuple[str, ...] = ()
        self._lexicon: tuple[tuple[str | None, ...], Lexicon] | None = None
        for line in self.lines:
            if is_blank(line.text):
                self.label(line.index, "blank", "blank", "no visible characters")

    @classmethod
    def from_text(cls, text: str, *, lang: str | None = None) -> Document:
        # str.split runs at C speed; the regex (for \r\n and a lone \r) a character at a time.
        return cls(_LINE_BREAK.split(text) if "\r" in text else text.split("\n"), lang=lang)

    @property
    def lexicon(self) -> Lexicon:
        """What the page's language packs know (:func:`newsclean.lang.lexicon` of ``languages``,
        else of ``lang``)."""
        langs: tuple[str | None, ...] = self.languages or (self.lang,)
        found = self._lexicon
        if found is None or found[0] != langs:
            found = self._lexicon = (langs, lexicon(*langs))
        return found[1]

    def label(self, index: int, label: Label, reason: str, detail: str = "") -> None:
        """Record that the current stage puts line ``index`` in part ``label`` for ``reason``."""
        if label not in LABELS:
            raise ValueError(f"unknown label {label!r}; labels are: {', '.join(LABELS)}")
        line = self.lines[index]
        if line.history and line.history[-1].label == "blank":
            return  # a blank line has nothing to give any part
        # One Verdict per distinct decision, shared by the lines it was taken for: a page of a
        # million lines holds a few dozen kinds of verdict, not a million.
        found = (label, self.stage, reason, detail)
        verdict = self._verdicts.get(found)
        if verdict is None:
            verdict = self._verdicts[found] = Verdict(label, self.stage, reason, detail)
        line.history = (*line.history, verdict)

    def open_lines(self) -> list[Line]:
        """Lines no stage has labelled yet, in order."""
        return [line for line in self.lines if not line.history]

    def labelled(self, label: Label) -> list[Line]:
        return [line for line in self.lines if line.label == label]
