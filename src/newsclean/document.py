"""The working document: the input's lines, and the one place where their labels are written.

Stages never set a label directly; they call :meth:`Document.label`, which records the stage,
a stable reason code and a human detail, and keeps every earlier verdict in the line's history.

The document is kept in columns (docs/document.md): the input as one string and each line as an
offset into it, its word count in an array, and its verdict as a small integer naming one of the
page's few kinds of verdict; a line relabelled keeps its earlier verdicts in a small trail. A
:class:`Line` is a view made when asked for (``doc.lines[i]``), so a page of a million lines
holds a few arrays, not a million objects; stages that read every line use the columns
(:meth:`Document.open_indices`, :attr:`Document.words`, :meth:`Document.text_of`).

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
from array import array
from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from itertools import accumulate, islice
from typing import Any, Literal, TypeVar, get_args, overload

from newsclean.lang import Lexicon, lexicon
from newsclean.normalize import INVISIBLE, key, keys_of_lines

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
T = TypeVar("T")


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


def block_keys(texts: Sequence[str]) -> list[str]:
    """:func:`line_key` of each of ``texts`` (lines: no line break in them), folded as one
    text (:func:`~newsclean.normalize.keys_of_lines`): a page of short lines costs a few calls,
    not a few a line.

    >>> lines = ["الأَخبـــار", "ـ Reuters", "", "Home  Page", "word " * 200]
    >>> block_keys(lines) == [line_key(t) for t in lines]
    True
    """
    limit = _KEY_HEAD + _KEY_TAIL
    return keys_of_lines("\n".join(t if len(t) <= limit else t[:_KEY_HEAD] + " " + t[-_KEY_TAIL:]
                                    for t in texts))


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
    """One input line as a view on its document: its text, its matching key, its word count and
    the verdicts stages gave it (the last one wins). Made when asked for; two views of the same
    line are equal.
    """

    __slots__ = ("_doc", "index")

    def __init__(self, doc: Document, index: int) -> None:
        self._doc = doc
        self.index = index

    @property
    def text(self) -> str:
        return self._doc.text_of(self.index)

    @property
    def words(self) -> int:
        """Whitespace-separated words of the raw text (CJK text counts as few words)."""
        return self._doc.words[self.index]

    @property
    def key(self) -> str:
        """The line's matching key (:func:`line_key`), computed once."""
        return self._doc.key_of(self.index)

    @property
    def history(self) -> tuple[Verdict, ...]:
        """Every verdict given to the line, in order."""
        return self._doc.history_of(self.index)

    @property
    def verdict(self) -> Verdict | None:
        """The last verdict, or None while the line is open."""
        return self._doc.verdict_of(self.index)

    @property
    def label(self) -> Label | None:
        v = self._doc.verdict_of(self.index)
        return v.label if v is not None else None

    @property
    def stage(self) -> str | None:
        v = self._doc.verdict_of(self.index)
        return v.stage if v is not None else None

    @property
    def reason(self) -> str | None:
        v = self._doc.verdict_of(self.index)
        return v.reason if v is not None else None

    @property
    def detail(self) -> str:
        v = self._doc.verdict_of(self.index)
        return v.detail if v is not None else ""

    @property
    def is_open(self) -> bool:
        """True while no stage has decided what this line is."""
        return not self._doc.verdict_ids[self.index]

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Line) and other._doc is self._doc and other.index == self.index

    def __hash__(self) -> int:
        return hash((id(self._doc), self.index))

    def __repr__(self) -> str:
        return f"Line({self.index}, {self.text[:40]!r}, label={self.label!r}, reason={self.reason!r})"


class Lines(Sequence[Line]):
    """A document's lines as a sequence of :class:`Line` views (a slice gives a list)."""

    __slots__ = ("_doc",)

    def __init__(self, doc: Document) -> None:
        self._doc = doc

    @property
    def document(self) -> Document:
        return self._doc

    def __len__(self) -> int:
        return self._doc.size

    @overload
    def __getitem__(self, index: int) -> Line: ...

    @overload
    def __getitem__(self, index: slice) -> list[Line]: ...

    def __getitem__(self, index: int | slice) -> Line | list[Line]:
        doc = self._doc
        if isinstance(index, slice):
            return [Line(doc, i) for i in range(*index.indices(doc.size))]
        if index < 0:
            index += doc.size
        if not 0 <= index < doc.size:
            raise IndexError("line index out of range")
        return Line(doc, index)

    def __iter__(self) -> Iterator[Line]:
        doc = self._doc
        return (Line(doc, i) for i in range(doc.size))

    def __repr__(self) -> str:
        return f"<{self._doc.size} lines>"


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


#: The verdict every blank line gets when the document is built (its id is always 1; 0 is "open").
BLANK = Verdict("blank", "input", "blank", "no visible characters")
_BLANK_ID = 1
# Lines are read from a long text this many characters at a time, so that reading never holds
# a list of all its lines.
_CHUNK = 1 << 20


def _count_words(text: str) -> int:
    # Counting single spaces is exact for ordinary text and far cheaper than splitting it.
    return text.count(" ") + 1 if "  " not in text and "\t" not in text else len(text.split())


class Document:
    """The input's lines plus what stages found about the article as a whole.

    ``Document(texts)`` takes the lines as a list; :meth:`from_text` splits a text at its line
    breaks (``\\n``, ``\\r\\n``, a lone ``\\r``).
    """

    __slots__ = (
        "_features",
        "_keys",
        "_kind_ids",
        "_kinds",
        "_lexicon",
        "_starts",
        "_sticky",
        "_text",
        "_trail",
        "comments",
        "dateline",
        "favor",
        "lang",
        "languages",
        "meta",
        "published",
        "stage",
        "verdict_ids",
        "words",
    )

    def __init__(self, texts: Iterable[str] = (), *, lang: str | None = None) -> None:
        texts = texts if isinstance(texts, list) else list(texts)
        starts = array("q", [0])
        starts.extend(accumulate(len(t) + 1 for t in texts))
        words: array[int] = array("i")
        blank: array[int] = array("q")
        _count(texts, 0, words, blank)
        self._setup("\n".join(texts), starts, words, blank, lang)

    @classmethod
    def from_text(cls, text: str, *, lang: str | None = None) -> Document:
        """The document of ``text``'s lines (read a megabyte at a time, so that no list of all
        of them is ever held)."""
        if "\r" in text:
            # One kind of line break: the lines are the same, and offsets point into one text.
            text = text.replace("\r\n", "\n").replace("\r", "\n")
        starts = array("q", [0])
        words: array[int] = array("i")
        blank: array[int] = array("q")
        size, pos = len(text), 0
        while True:
            end = text.find("\n", pos + _CHUNK) if pos + _CHUNK < size else -1
            if end == -1:
                end = size
            parts = text[pos:end].split("\n")
            # Where each line after the chunk's first starts, and where the next chunk does (after
            # the last chunk: one past the end, where every line's end is read from).
            starts.extend(islice(accumulate((len(p) + 1 for p in parts), initial=pos), 1, None))
            _count(parts, len(words), words, blank)
            if end >= size:
                break
            pos = end + 1
        doc = cls.__new__(cls)
        doc._setup(text, starts, words, blank, lang)
        return doc

    def _setup(self, text: str, starts: array[int], words: array[int], blank: array[int],
               lang: str | None) -> None:
        self._text = text
        #: ``_starts[i]``: where line ``i`` starts in the text; one more entry past the last line.
        self._starts = starts
        #: Whitespace-separated words of each line's raw text (CJK text counts as few words).
        self.words = words
        #: Each line's verdict, as an index into the page's kinds of verdict (0: open).
        self.verdict_ids = array("I", bytes(4 * len(words)))
        for i in blank:
            self.verdict_ids[i] = _BLANK_ID
        self.lang = lang
        #: The languages whose packs the rule stages read (:mod:`newsclean.lang`): ``lang``, and
        #: the language of the text when an HTML page states another (set by
        #: :func:`newsclean.language.page_language`). Empty: ``lang``'s alone.
        self.languages: tuple[str, ...] = ()
        #: What the caller favours: stages with a threshold (the region's model, trafilatura's
        #: focus in ``html-hints``) read it here, so one pipeline serves every setting.
        self.favor: Favor = "balanced"
        self.stage = "input"
        self.published: date | datetime | None = None
        self.dateline: DatelineRecord | None = None
        self.comments: list[CommentRecord] = []
        #: Free-form findings stages share (e.g. the article region); plugins may add keys.
        self.meta: dict[str, Any] = {}
        # One Verdict per distinct decision, shared by the lines it was taken for: a page of a
        # million lines holds a few dozen kinds of verdict, not a million.
        self._kinds: list[Verdict | None] = [None, BLANK]
        self._kind_ids: dict[tuple[str, str, str, str], int] = {}
        #: Kinds of verdict no later label replaces: a blank line has nothing to give any part.
        self._sticky = {_BLANK_ID}
        #: The earlier verdicts of lines labelled more than once.
        self._trail: dict[int, tuple[int, ...]] = {}
        self._keys: KeyTable | None = None
        self._features: dict[str, Any] | None = None
        self._lexicon: tuple[tuple[str | None, ...], Lexicon] | None = None

    # --- the columns ---------------------------------------------------------------------------

    @property
    def size(self) -> int:
        """How many lines the document has."""
        return len(self.words)

    @property
    def lines(self) -> Lines:
        """The lines, as :class:`Line` views."""
        return Lines(self)

    @property
    def starts(self) -> array[int]:
        """Where each line starts in :attr:`text`, and one entry more: line ``i`` is
        ``text[starts[i]:starts[i + 1] - 1]``."""
        return self._starts

    @property
    def text(self) -> str:
        """The input: the lines joined by ``\\n``."""
        return self._text

    def text_of(self, index: int) -> str:
        """The text of line ``index``."""
        starts = self._starts
        return self._text[starts[index]:starts[index + 1] - 1]

    def tail_of(self, index: int, chars: int) -> str:
        """The last ``chars`` characters of line ``index`` (without copying the rest of it)."""
        starts = self._starts
        end = starts[index + 1] - 1
        return self._text[max(starts[index], end - chars):end]

    def lines_holding(self, pattern: re.Pattern[str]) -> list[int]:
        """The lines (in order, each once) whose text holds a match of ``pattern``, found in one
        pass over the input; a match must not hold a line break."""
        found: list[int] = []
        starts, end = self._starts, -1
        for match in pattern.finditer(self._text):
            at = match.start()
            if at < end:
                continue
            line = bisect_right(starts, at) - 1
            found.append(line)
            end = starts[line + 1]
        return found

    def texts(self, start: int = 0, end: int | None = None) -> list[str]:
        """The texts of lines ``start`` to ``end`` (excluded)."""
        end = self.size if end is None else min(end, self.size)
        text, starts = self._text, self._starts
        return [text[starts[i]:starts[i + 1] - 1] for i in range(start, end)]

    def key_of(self, index: int) -> str:
        """The matching key of line ``index`` (:func:`line_key`)."""
        keys = self.key_table()
        return keys.text[keys.starts[index]:keys.starts[index + 1] - 1]

    def keys(self) -> list[str]:
        """The matching keys of every line, as a list."""
        return self.key_table().text.split("\n")

    def key_table(self) -> KeyTable:
        """The matching keys of every line as one text, computed once (:class:`KeyTable`)."""
        if self._keys is None:
            self._keys = KeyTable.of(self)
        return self._keys

    def verdict_of(self, index: int) -> Verdict | None:
        """The last verdict given to line ``index``, or None while it is open."""
        return self._kinds[self.verdict_ids[index]]

    def history_of(self, index: int) -> tuple[Verdict, ...]:
        """Every verdict given to line ``index``, in order."""
        last = self.verdict_ids[index]
        if not last:
            return ()
        kinds = self._kinds
        earlier = self._trail.get(index, ())
        return tuple(kinds[k] for k in (*earlier, last))  # type: ignore[misc]

    def label_of(self, index: int) -> Label | None:
        found = self._kinds[self.verdict_ids[index]]
        return found.label if found is not None else None

    def is_open(self, index: int) -> bool:
        return not self.verdict_ids[index]

    def open_indices(self, start: int = 0, end: int | None = None) -> list[int]:
        """The indices of the lines no stage has labelled yet, in order."""
        ids = self.verdict_ids
        end = self.size if end is None else end
        return [i for i in range(start, end) if not ids[i]]

    @property
    def lexicon(self) -> Lexicon:
        """What the page's language packs know (:func:`newsclean.lang.lexicon` of ``languages``,
        else of ``lang``)."""
        langs: tuple[str | None, ...] = self.languages or (self.lang,)
        found = self._lexicon
        if found is None or found[0] != langs:
            found = self._lexicon = (langs, lexicon(*langs))
        return found[1]

    # --- labels ----------------------------------------------------------------------------------

    def label(self, index: int, label: Label, reason: str, detail: str = "") -> None:
        """Record that the current stage puts line ``index`` in part ``label`` for ``reason``."""
        ids = self.verdict_ids
        last = ids[index]
        if last in self._sticky:
            return  # a blank line has nothing to give any part
        found = (label, self.stage, reason, detail)
        kind = self._kind_ids.get(found)
        if kind is None:
            if label not in LABELS:
                raise ValueError(f"unknown label {label!r}; labels are: {', '.join(LABELS)}")
            kind = self._kind_ids[found] = len(self._kinds)
            self._kinds.append(Verdict(label, self.stage, reason, detail))
            if label == "blank":
                self._sticky.add(kind)
        if last:
            if index < 0:
                index += self.size
            self._trail[index] = (*self._trail.get(index, ()), last)
        ids[index] = kind

    def open_lines(self) -> list[Line]:
        """Lines no stage has labelled yet, in order."""
        return [Line(self, i) for i in self.open_indices()]

    def labelled(self, label: Label) -> list[Line]:
        """Lines whose last verdict puts them in ``label``, in order."""
        kinds = {k for k, v in enumerate(self._kinds) if v is not None and v.label == label}
        ids = self.verdict_ids
        return [Line(self, i) for i in range(self.size) if ids[i] in kinds]

    def kinds(self) -> list[Verdict | None]:
        """The page's kinds of verdict, indexed by :attr:`verdict_ids` (0: open)."""
        return self._kinds

    def blank_kinds(self) -> frozenset[int]:
        """The ids of the kinds of verdict that make a line blank."""
        return frozenset(self._sticky)

    def kinds_where(self, test: Callable[[Verdict | None], bool]) -> frozenset[int]:
        """The ids of the kinds of verdict ``test`` holds for (None stands for "open")."""
        return frozenset(k for k, v in enumerate(self._kinds) if test(v))

    def derived(self, name: str, build: Callable[[], T]) -> T:
        """What is derived from the lines once and kept with the document: ``build()`` the first
        time ``name`` is asked for (the per-line measures, :func:`newsclean.columns.features`)."""
        cache = self._features
        if cache is None:
            cache = self._features = {}
        if name not in cache:
            cache[name] = build()
        found: T = cache[name]
        return found


class KeyTable:
    """The matching keys of a document's lines as one text, line ``i``'s key being
    ``text[starts[i]:starts[i + 1] - 1]`` (keys hold no line break): the page's keys are searched
    in one pass (:meth:`lines_matching`), at C speed, instead of a line at a time.

    >>> keys = KeyTable.of(Document.from_text("Home\\nFollow us on X\\n\\nأخبار"))
    >>> keys.text.split("\\n")
    ['home', 'follow us on x', '', 'اخبار']
    >>> keys.lines_matching(re.compile("follow|home"))
    [0, 1]
    """

    __slots__ = ("_short", "starts", "text", "words")

    def __init__(self, text: str, starts: array[int], words: Sequence[int] = ()) -> None:
        self.text = text
        self.starts = starts
        #: Each line's words (:attr:`Document.words`): a search for lines of few words reads
        #: only their keys, not a page's long paragraphs.
        self.words = words
        self._short: tuple[str, list[int], array[int]] | None = None

    @classmethod
    def of(cls, doc: Document) -> KeyTable:
        """The keys of ``doc``'s lines (blank lines have an empty key), made a block at a time."""
        ids = doc.verdict_ids
        chunks: list[str] = []
        starts = array("q", [0])
        for first in range(0, doc.size, _KEY_BLOCK):
            last = min(first + _KEY_BLOCK, doc.size)
            # A blank line's key is empty: nothing of it is left once white space and marks go.
            keys = block_keys([text if ids[i] != _BLANK_ID else ""
                               for i, text in enumerate(doc.texts(first, last), first)])
            starts.extend(islice(accumulate((len(k) + 1 for k in keys), initial=starts[-1]), 1, None))
            chunks.append("\n".join(keys))
        return cls("\n".join(chunks), starts, doc.words)

    def line_of(self, offset: int) -> int:
        """The line whose key holds ``offset`` of :attr:`text`."""
        return bisect_right(self.starts, offset) - 1

    def lines_matching(self, pattern: re.Pattern[str], most: int | None = None) -> list[int]:
        """The lines (in order, each once) whose key holds a match of ``pattern``; a match must
        not hold a line break (a literal alternation, a trie of needles). With ``most``, only
        lines of at most that many words (and, past :data:`SHORT_WORDS`, any line) are sought."""
        if most is not None and most <= SHORT_WORDS and self.words:
            text, lines, starts = self._short_keys()
        else:
            text, lines, starts = self.text, None, self.starts
        found: list[int] = []
        end = -1
        for match in pattern.finditer(text):
            at = match.start()
            if at < end:
                continue  # a line already found
            k = bisect_right(starts, at) - 1
            found.append(lines[k] if lines is not None else k)
            end = starts[k + 1]
        return found

    def _short_keys(self) -> tuple[str, list[int], array[int]]:
        """The keys of the lines of at most :data:`SHORT_WORDS` words, joined: the text, which
        line each is, and where each starts."""
        if self._short is None:
            words, text, starts = self.words, self.text, self.starts
            lines = [i for i in range(len(words)) if words[i] <= SHORT_WORDS]
            keys = [text[starts[i]:starts[i + 1] - 1] for i in lines]
            offsets = array("q", [0])
            offsets.extend(accumulate(len(k) + 1 for k in keys))
            self._short = ("\n".join(keys), lines, offsets)
        return self._short


_KEY_BLOCK = 1 << 16
#: The most words of a line the rules that look for calls, labels and widgets read (a comment
#: widget's rules: 45); longer lines are prose, and a search for their phrases passes them over.
SHORT_WORDS = 45


def _count(texts: list[str], first: int, words: array[int], blank: array[int]) -> None:
    """Append the word counts of ``texts`` (lines ``first`` on) to ``words``; the blank ones' indices
    to ``blank``."""
    words.extend(map(_count_words, texts))
    blank.extend(i for i, text in enumerate(texts, first) if is_blank(text))
