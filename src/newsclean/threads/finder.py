"""Threads found by their repeated shape: runs of headers of one layout, with text between them.

Each layout is a way of writing a record's header:

========== ============================================================== ===========
layout     header                                                         evidence
========== ============================================================== ===========
says+date  "Anna says:" over a date line (WordPress)                      strong
date+says  a date line over "Anna says:"                                  strong
name-date  "Anna March 3, 2024 at 9:15 am Reply" on one line              strong
name/date  [initial] name [rank, join date, counts] date (blogs, forums)  strong
avatar/name an initial over a name, no date (review widgets)              strong
says       "Anna says:" alone                                             medium
by-date    "by Anna on March 3, 2024"                                     medium
dash       [title] ``AUTHOR -TEXT``                                       medium
name       a name over a text (Disqus as text)                            weak
========== ============================================================== ===========

A layout with reply buttons under most records counts as strong. A record whose layout shows
dates may come without a name (an anonymous comment shows only its date).
"""

from __future__ import annotations

from array import array
from bisect import bisect_left
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Literal, overload

import numpy as np

from newsclean.document import Document, Line, Lines
from newsclean.hints import page_hints
from newsclean.lang import Lexicon
from newsclean.threads.lines import (
    ALL_HINTS,
    DATE_HINT,
    END_HINT,
    HEADING_HINT,
    TERMINAL,
    LineShape,
    ThreadWords,
    line_shape,
)
from newsclean.threads.stamps import HeaderDate, Stamp

__all__ = ["Evidence", "Record", "Role", "Thread", "find_threads"]

#: What a line does in a record.
Role = Literal["avatar", "author", "date", "meta", "title", "text", "action", "pingback"]
#: How sure the shape alone makes a thread: ``strong`` (dated headers, avatars, reply buttons),
#: ``medium`` ("X says:" alone, ``AUTHOR -TEXT``, "by X on DATE"), ``weak`` (a name over a text).
Evidence = Literal["strong", "medium", "weak"]


@dataclass(frozen=True, slots=True)
class Record:
    """One record of a thread: who wrote it, when, its title and text lines, and the role of
    each of its lines (by :attr:`~newsclean.document.Line.index`), in order. ``text`` holds one
    item per ``text`` line, in order (an ``AUTHOR -TEXT`` line gives the text after its dash)."""

    author: str | None
    date: date | datetime | None
    title: str | None
    text: tuple[str, ...]
    lines: tuple[tuple[int, Role], ...]
    #: The date as the page shows it, to resolve against another clock (:meth:`Stamp.resolve`).
    stamp: Stamp | None = None


@dataclass(frozen=True, slots=True)
class Thread:
    """A run of records with one header layout, and the heading line above it (if any)."""

    records: tuple[Record, ...]
    layout: str
    evidence: Evidence
    heading: int | None
    #: Records with a reply button: the mark of a thread one can answer in.
    replies: int

    @property
    def start(self) -> int:
        """The index of the thread's first line (its heading not included)."""
        return self.records[0].lines[0][0]

    @property
    def end(self) -> int:
        """The index of the thread's last line."""
        return self.records[-1].lines[-1][0]


_LAYOUTS = ("says+date", "date+says", "name-date", "name/date", "avatar/name", "says", "by-date", "dash",
            "name")
_STRONG = frozenset({"says+date", "date+says", "name-date", "name/date", "avatar/name"})
_MEDIUM = frozenset({"says", "dash", "by-date"})
# Layouts whose records may come with a date and no name.
_ANONYMOUS = frozenset({"name-date", "name/date"})
_RANK: dict[str, int] = {"strong": 3, "medium": 2, "weak": 1}
_MAX_GAP = 40            # lines from one header to the next
# A title and AUTHOR -TEXT: two lines at most; a bare name over a text: a few short paragraphs
# (a name over a long run of paragraphs is a heading over an article's part).
_GAPS = {"dash": 2, "name": 8}
_SEEN = 10_000           # distinct texts whose shapes a page keeps (a huge page's are read again)
_MAX_META = 7            # short lines between a forum post's author and its date
_HEADING_REACH = 12      # lines a heading may stand above the first record
_LAST_SINGLE = 12        # lines a lone record's text may run to without a button or form to end it
_TEXT_KINDS = frozenset({"text", "name", "dash"})
# The kinds of line a header of each layout opens with (a date: an anonymous record's).
_FIRST_KINDS: dict[str, frozenset[str]] = {
    "says+date": frozenset({"says"}), "says": frozenset({"says"}), "date+says": frozenset({"date"}),
    "name-date": frozenset({"name-date", "date"}), "by-date": frozenset({"name-date"}),
    "name/date": frozenset({"avatar", "name", "date"}), "avatar/name": frozenset({"avatar"}),
    "dash": frozenset({"dash"}), "name": frozenset({"name"}),
}

Body = list[tuple[int, Role]]


@dataclass(frozen=True, slots=True)
class _Header:
    start: int
    length: int
    roles: tuple[Role, ...]
    author: str | None
    when: HeaderDate | None
    reply: bool


def _next_of(where: list[int], n: int) -> array[int]:
    """For each k of 0..n: the first of the sorted positions ``where`` at or after k, else n."""
    found = np.asarray(where, dtype=np.int64)
    # A sentinel at the end: a k after the last position finds n.
    found = np.append(found, n)
    out = array("q")
    out.frombytes(found[np.searchsorted(found, np.arange(n + 1), side="left")].tobytes())
    return out


class _Page:
    """The lines (blank ones left out: their document ``index``, ``text``, ``words``) and their
    shapes, with what is asked of them often."""

    def __init__(self, rows: Iterable[tuple[int, str, int, str, int]],
                 is_end: Callable[[str, int], bool] | None, lexicon: Lexicon | None = None,
                 text_of: Callable[[int], str] | None = None) -> None:
        words = ThreadWords.of(lexicon)
        # Arrays, not lists: a page of a million lines holds no million Python objects here.
        self.index = array("q")
        self.words = array("q")
        texts: list[str] = []
        # Menus and widgets repeat their lines on a page: each text is read once.
        seen: dict[str, LineShape] = {}
        self.shapes: list[LineShape] = []
        for index, text, count, folded, hints in rows:
            if not text.strip():
                continue
            shape = seen.get(text)
            if shape is None:
                if len(seen) > _SEEN:
                    seen.clear()
                shape = seen[text] = line_shape(text, count, folded, is_end, words, hints)
            self.index.append(index)
            if text_of is None:
                texts.append(text)
            self.words.append(count)
            self.shapes.append(shape)
        #: The text of each line (read from the document again when it gave ``text_of``).
        self.text: Sequence[str] = texts if text_of is None else _Texts(text_of, self.index)
        n = len(self.index)
        # Where each kind of line stands other than text (most lines are): the layouts' first
        # lines, the dates and the stops are read from these, not from a scan of every line.
        self._at: dict[str, list[int]] = {}
        for k, shape in enumerate(self.shapes):
            if shape.kind != "text":
                self._at.setdefault(shape.kind, []).append(k)
        #: next_date[k]: the first date line at or after k (n: none).
        self.next_date = _next_of(self._at.get("date", []), n)
        #: next_stop[k]: the first heading or end line at or after k.
        self.next_stop = _next_of(sorted(self._at.get("heading", []) + self._at.get("end", [])), n)
        self._starts: dict[str, list[int]] = {}
        #: texts[k]: how many lines before k can be a record's text.
        textual = np.ones(n, dtype=np.int64)
        for kind, where in self._at.items():
            if kind not in _TEXT_KINDS:
                textual[where] = 0
        self.texts = array("q", bytes(8))
        self.texts.frombytes(np.cumsum(textual).tobytes())

    def starts(self, layout: str) -> list[int]:
        """The lines a header of ``layout`` can start at, by the kind of its first line."""
        if layout not in self._starts:
            self._starts[layout] = sorted(k for kind in _FIRST_KINDS[layout] for k in self._at.get(kind, ()))
        return self._starts[layout]

    def kind(self, k: int) -> str:
        return self.shapes[k].kind if 0 <= k < len(self.shapes) else ""

    def header(self, k: int, layout: str) -> _Header | None:
        """The header of ``layout`` that starts at line ``k``, or None."""
        s, nxt = self.shapes[k], self.kind(k + 1)
        if layout == "says+date" and s.kind == "says" and nxt == "date":
            dated = self.shapes[k + 1]
            return _Header(k, 2, ("author", "date"), s.author, dated.when, dated.reply)
        if layout == "date+says" and s.kind == "date" and nxt == "says":
            return _Header(k, 2, ("date", "author"), self.shapes[k + 1].author, s.when, False)
        if layout == "says" and s.kind == "says" and nxt != "date":
            return _Header(k, 1, ("author",), s.author, None, False)
        if layout in ("name-date", "by-date") and s.kind == "name-date" and s.when is not None \
                and s.when.by == (layout == "by-date"):
            return _Header(k, 1, ("author",), s.author, s.when, s.reply)
        if layout in _ANONYMOUS and s.kind == "date" and nxt != "says":
            return _Header(k, 1, ("date",), None, s.when, s.reply)
        if layout in ("name/date", "avatar/name"):
            return self._named_header(k, layout)
        if layout == "dash" and s.kind == "dash":
            return _Header(k, 0, (), s.author, None, False)
        if layout == "name" and s.kind == "name" and nxt == "text":
            return _Header(k, 1, ("author",), s.author, None, False)
        return None

    def _named_header(self, k: int, layout: str) -> _Header | None:
        """A name line, after the avatar's initial when it shows one ("S" over "S. Meyer")."""
        s = self.shapes[k]
        roles: tuple[Role, ...] = ()
        j = k
        if s.kind == "avatar" and s.author and self.kind(k + 1) == "name" \
                and (self.shapes[k + 1].author or " ")[0].casefold() == s.author[0].casefold():
            roles, j = ("avatar",), k + 1
        elif layout == "avatar/name" or s.kind != "name":
            return None
        author = self.shapes[j].author
        if layout == "name/date" and self.next_date[j] > j + _MAX_META:
            return None  # no date close enough under the name
        if layout == "avatar/name":
            if not roles or self.kind(j + 1) == "date":
                return None
            return _Header(k, 2, (*roles, "author"), author, None, False)
        return self._forum_header(k, j, (*roles, "author"), author)

    def _forum_header(self, k: int, j: int, roles: tuple[Role, ...], author: str | None) -> _Header | None:
        """The header of a record whose author's line (``j``) may be followed by a rank, a join
        date and counts before the record's own date: the last date of the run is the record's.
        Before a date only buttons and lines of three words or with a figure may stand; once a
        date is found, a line without a figure ends the run (it is the text)."""
        last = None
        for m in range(j + 1, min(j + 1 + _MAX_META, len(self.shapes))):
            t = self.shapes[m]
            if t.kind == "date":
                last = m
            elif t.kind == "action" and t.reply:
                break  # a reply button closes a record: it never stands inside a header
            elif last is None and t.kind != "action" and not (
                    t.figure or (t.short and self.words[m] < 4)):
                return None  # a member's rank or post count, not a headline or a byline
            elif last is not None and not (t.kind == "action" or t.figure):
                break
        if last is None:
            return None
        dated = self.shapes[last]
        meta: tuple[Role, ...] = tuple("meta" for _ in range(last - j - 1))
        return _Header(k, last - k + 1, (*roles, *meta, "date"), author, dated.when, dated.reply)


def find_threads(lines: Sequence[Line], *, reference: date | datetime | None = None,
                 is_end: Callable[[str, int], bool] | None = None, lexicon: Lexicon | None = None,
                 end_hints: tuple[str, ...] | None = None) -> list[Thread]:
    """The threads among ``lines`` (a whole page, or any run of a document's lines), in order.

    ``reference`` resolves relative dates ("vor 3 Tagen") and days without a year (see
    :meth:`Stamp.resolve`). ``is_end(key, words)`` names lines that end a thread wherever they
    stand; the comments stage passes its comment-form matcher ("Leave a Reply", "Name *").
    The words of buttons, headings and headers are ``lexicon``'s (the page's languages; every
    pack's when None). ``end_hints``, when given, name the hint groups
    (:func:`newsclean.hints.page_hints`) one of whose literals every line ``is_end`` names holds:
    a document's lines are then searched for them all at once.

    A thread of strong evidence needs two records, or one under a heading; a medium one three
    records, or two (or one right under it) under a heading; a weak one three right under a
    heading. A run whose items each stand under a title-shaped line or carry a "Read more" link
    is a list of articles, and a run whose texts hold no sentence a list of links, unless a
    heading says otherwise (a weak thread needs both tests passed in any case).

    >>> from newsclean.document import Document
    >>> page = Document.from_text("\\n".join([
    ...     "Related", "Storm hits the coast", "by Anna Berg on March 3, 2024", "Read more",
    ...     "Floods close schools", "by Ben Hale on March 2, 2024", "Read more"]))
    >>> find_threads(page.lines)
    []
    """
    text_of = lines.document.text_of if isinstance(lines, Lines) else None
    page = _Page(_rows(lines, end_hints), is_end, lexicon, text_of)
    index = page.index
    found: list[tuple[int, int, int, int, Thread]] = []
    for layout in _LAYOUTS:
        for chain in _chains(page, layout):
            thread = _thread(page, layout, chain, reference)
            if thread is not None:
                first, last = bisect_left(index, thread.start), bisect_left(index, thread.end)
                found.append((-_RANK[thread.evidence], -len(thread.records), first, last, thread))
    # The strongest, longest threads first; a weaker reading of the same lines gives way.
    found.sort(key=lambda x: x[:3])
    taken: list[tuple[int, int, Thread]] = []
    for _, _, first, last, thread in found:
        if all(last < a or first > b for a, b, _ in taken):
            taken.append((first, last, thread))
    return [thread for _, _, thread in sorted(taken, key=lambda x: x[0])]


class _Texts(Sequence[str]):
    """The texts of a page's lines, read from their document when asked for."""

    __slots__ = ("_index", "_text_of")

    def __init__(self, text_of: Callable[[int], str], index: Sequence[int]) -> None:
        self._text_of = text_of
        self._index = index

    def __len__(self) -> int:
        return len(self._index)

    @overload
    def __getitem__(self, k: int) -> str: ...

    @overload
    def __getitem__(self, k: slice) -> list[str]: ...

    def __getitem__(self, k: int | slice) -> str | list[str]:
        if isinstance(k, slice):
            return [self._text_of(i) for i in self._index[k]]
        return self._text_of(self._index[k])


def _rows(lines: Sequence[Line],
          end_hints: tuple[str, ...] | None) -> Iterator[tuple[int, str, int, str, int]]:
    """``(index, text, words, key, hints)`` of the lines that are not blank. A document's own
    lines are read from its columns, with the hints found in its keys at once (what a heading,
    an ending line, a date holds; :func:`newsclean.hints.page_hints`): a line's shape is only
    sought where its hint is."""
    if not isinstance(lines, Lines):
        return ((line.index, line.text, line.words, line.key, ALL_HINTS) for line in lines
                if line.label != "blank")
    doc = lines.document
    found = page_hints(doc)
    hints: dict[int, int] = {}
    for bit, names in ((HEADING_HINT, ("heading",)), (DATE_HINT, ("date",)), (END_HINT, end_hints)):
        for i in found.lines(*names) if names else ():
            hints[i] = hints.get(i, 0) | bit
    missing = 0 if end_hints else END_HINT
    return _document_rows(doc, hints, missing)


def _document_rows(doc: Document, hints: dict[int, int],
                   missing: int) -> Iterator[tuple[int, str, int, str, int]]:
    """:func:`_rows` of a document's own lines, their texts and keys sliced a block at a time."""
    ids, words, blank, keys = doc.verdict_ids, doc.words, doc.blank_kinds(), doc.key_table()
    for first in range(0, doc.size, _ROW_BLOCK):
        last = min(first + _ROW_BLOCK, doc.size)
        folded = keys.text[keys.starts[first]:keys.starts[last] - 1].split("\n")
        for i, text, key in zip(range(first, last), doc.texts(first, last), folded, strict=True):
            if ids[i] not in blank:
                yield i, text, words[i], key, hints.get(i, 0) | missing


_ROW_BLOCK = 1 << 14


def _chains(page: _Page, layout: str) -> list[list[_Header]]:
    """Runs of headers of one layout, each close enough to the next, with text between them and
    no heading or end line."""
    chains: list[list[_Header]] = []
    current: list[_Header] = []
    k = 0
    for start in page.starts(layout):
        if start < k:
            continue
        head = page.header(start, layout)
        if head is None:
            continue
        if current and _posted_after(page, current[-1], head):
            current[-1] = _with_post_date(current[-1], head)
            k = head.start + 1
            continue
        if current:
            prev = current[-1]
            body = prev.start + prev.length
            near = head.start - prev.start <= _GAPS.get(layout, _MAX_GAP)
            clear = page.next_stop[body] >= head.start
            texted = layout == "dash" or page.texts[head.start] > page.texts[body]
            if near and clear and not texted and page.shapes[head.start].kind == "name":
                continue  # a name right under a header is the record's text ("Super Rezepte")
            if not (near and clear):
                chains.append(current)
                current = []
        current.append(head)
        k = head.start + max(head.length, 1)
    if current:
        chains.append(current)
    return chains


def _posted_after(page: _Page, prev: _Header, head: _Header) -> bool:
    """True when ``head``, a date alone, is ``prev``'s post date: forum software shows a member's
    join date in the author's block and the post's own date a line or three below it, past a
    location or the post's "Re: subject" line."""
    if head.author is not None or prev.author is None or prev.roles[-1:] != ("date",):
        return False
    end = prev.start + prev.length
    return head.start - end <= 3 and all(
        page.words[k] <= 10 and not _closed(page.text[k]) for k in range(end, head.start))


def _with_post_date(prev: _Header, head: _Header) -> _Header:
    meta: tuple[Role, ...] = tuple("meta" for _ in range(head.start - prev.start - len(prev.roles) + 1))
    return _Header(prev.start, head.start - prev.start + 1, (*prev.roles[:-1], *meta, "date"), prev.author,
                   head.when, head.reply or prev.reply)


def _heading_above(page: _Page, start: int) -> tuple[int, int] | None:
    """The heading line above line ``start`` and how many lines stand between, when only short
    lines (counters, sort options, a "Write a review" link) stand between."""
    for k in range(start - 1, max(-1, start - 1 - _HEADING_REACH), -1):
        s = page.shapes[k]
        if s.kind == "heading":
            return k, start - 1 - k
        words = page.words[k]
        if s.kind in ("text", "name") and (words > 8 or (_closed(page.text[k]) and words > 3)):
            return None
    return None


def _closed(text: str) -> bool:
    return text.rstrip()[-1:] in TERMINAL


def _thread(page: _Page, layout: str, heads: list[_Header],
            reference: date | datetime | None) -> Thread | None:
    """The thread a chain of headers makes, or None when its evidence does not suffice."""
    shapes = page.shapes
    first = heads[0].start
    if layout == "dash" and first > 0 and page.words[first - 1] <= 12 and (
            shapes[first - 1].kind in ("text", "name")
            # A first comment titled "Comment" under the section's own heading.
            or (shapes[first - 1].kind == "heading" and _heading_above(page, first - 1) is not None)):
        first -= 1  # the first record's title
    above = _heading_above(page, first)
    heading = above[0] if above is not None else None
    bodies = _bodies(page, layout, heads)
    replies = sum(1 for h, body in zip(heads, bodies, strict=True)
                  if h.reply or any(shapes[k].reply for k, role in body if role == "action"))
    evidence: Evidence = "strong" if layout in _STRONG else "medium" if layout in _MEDIUM else "weak"
    if replies * 2 >= len(heads) and replies:
        evidence = "strong"
    if not _enough(page, layout, heads, bodies, evidence, above):
        return None
    titles = layout != "dash" and _has_titles(page, bodies)
    records = [_record(page, layout, heads, bodies, i, first, titles, reference) for i in range(len(heads))]
    kept = tuple(r for r in records if r is not None)
    seen = {(r.author, r.stamp.text if r.stamp else None, r.title, r.text[:1]) for r in kept}
    if len(seen) < len(kept):
        return None  # one box shown twice (an author box over and under an article), not two comments
    return Thread(kept, layout, evidence, heading, replies) if kept else None


def _enough(page: _Page, layout: str, heads: list[_Header], bodies: list[Body], evidence: Evidence,
            above: tuple[int, int] | None) -> bool:
    """True when a chain's records, its heading and its evidence make a thread."""
    count = len(heads)
    heading = above is not None
    right_under = above is not None and above[1] <= 3
    if evidence == "strong":
        ok = count >= 2 or heading
    elif evidence == "medium":
        ok = count >= 3 or (heading and (count >= 2 or right_under))
    else:
        ok = count >= 3 and right_under
    if not ok or (layout != "dash" and not any(role == "text" for body in bodies for _, role in body)):
        return False
    named = sum(1 for h in heads if h.author is not None)
    if named < count and (count < 3 or named * 4 < count * 3):
        return False  # dates over texts with few names: a list of dated items, not comments
    # Headers of every shape: an article's author boxes and dates, not a thread. Forum members'
    # blocks show a location or a title or not, so a long run is compared on its roles alone.
    shapes = Counter(h.roles if count < 4 else tuple(dict.fromkeys(h.roles)) for h in heads)
    if count >= 3 and shapes.most_common(1)[0][1] * 2 < count:
        return False
    if not heading or evidence == "weak":
        return not _listing(page, heads, bodies) and _prose(page, bodies, strict=evidence == "weak")
    return True


def _record(page: _Page, layout: str, heads: list[_Header], bodies: list[Body], i: int, first: int,
            titles: bool, reference: date | datetime | None) -> Record | None:
    shapes, index, text = page.shapes, page.index, page.text
    head, body = heads[i], bodies[i]
    roles: list[tuple[int, Role]] = [(index[head.start + j], role) for j, role in enumerate(head.roles)]
    when = head.when
    title = None
    texts: list[str] = []
    if layout == "dash":
        k = head.start - 1  # the title line, unless the previous record ends there
        previous_end = bodies[i - 1][-1][0] if i > 0 and bodies[i - 1] else heads[i - 1].start if i else -1
        if k > previous_end and k >= first and page.words[k] <= 12 \
                and (shapes[k].kind in ("text", "name") or k == first):
            title = text[k].strip()
            roles.append((index[k], "title"))
        roles.append((index[head.start], "text"))
        texts.append(shapes[head.start].text or "")
    for k, role in body:
        if role == "meta" and shapes[k].kind == "date":
            when = shapes[k].when  # a forum post's own date comes after its author's join date
        if role == "text" and titles and not texts and title is None and _titled(page, k, body):
            title, role = text[k].strip(), "title"
        elif role == "text":
            texts.append(text[k].strip())
        roles.append((index[k], role))
    if not texts:
        return None
    stamp = when.stamp if when is not None else None
    return Record(head.author, stamp.resolve(reference) if stamp else None, title, tuple(texts),
                  tuple(sorted(roles)), stamp)


def _bodies(page: _Page, layout: str, heads: list[_Header]) -> list[Body]:
    """Each record's lines after its header, with their roles; the last record's end is guessed
    from the others (see :func:`_last_body`)."""
    shapes = page.shapes
    bodies: list[Body] = []
    for i, head in enumerate(heads):
        start = head.start + max(head.length, 1)
        if i + 1 < len(heads):
            end = heads[i + 1].start
            if layout == "dash" and end - 1 >= start:
                end -= 1  # the next record's title
        else:
            end = min(page.next_stop[start], start + _MAX_GAP, len(shapes))
        body: Body = []
        lead = True  # dates and counters right under a header are still the header's
        for k in range(start, end):
            kind = shapes[k].kind
            if kind in ("action", "teaser") or (lead and kind == "date"):
                body.append((k, "meta" if kind == "date" else "action"))
            elif kind == "pingback":
                body.append((k, "pingback"))
            else:
                lead = False
                body.append((k, "text"))
        bodies.append(body)
    bodies[-1] = [] if layout == "dash" else _last_body(page, bodies)
    return bodies


def _last_body(page: _Page, bodies: list[Body]) -> Body:
    """The last record's lines. Nothing but a heading or a form marks where it ends, so it ends
    as the others do: at its buttons when they have buttons, at a counter when they have none,
    and at most as long as the longest of them (a lone record: at a form soon after it, else
    after one text line)."""
    last, others = bodies[-1], bodies[:-1]
    buttoned = sum(1 for b in others if b and b[-1][1] in ("action", "pingback"))
    if (others and buttoned * 2 >= len(others)) or (not others and any(r == "action" for _, r in last)):
        cut: Body = []
        for k, role in last:
            if cut and role != "action" and cut[-1][1] == "action" and any(r == "text" for _, r in cut):
                break
            cut.append((k, role))
        return cut
    stop_soon = bool(last) and page.next_stop[last[0][0]] <= last[0][0] + _LAST_SINGLE
    if not others:
        return last if stop_soon else _first_texts(last, 1)
    if not any(role == "action" for body in others for _, role in body):
        for j, (_, role) in enumerate(last):
            if role == "action" and any(r == "text" for _, r in last[:j]):
                last = last[:j]
                break
    longest = max(sum(1 for _, r in b if r == "text") for b in others)
    if stop_soon and sum(1 for _, r in last if r == "text") <= 2 * longest:
        return last
    return _first_texts(last, longest)


def _first_texts(body: Body, count: int) -> Body:
    """``body`` up to its ``count``-th text line."""
    out: Body = []
    for k, role in body:
        if role == "text":
            if count == 0:
                break
            count -= 1
        out.append((k, role))
    return out


def _listing(page: _Page, heads: list[_Header], bodies: list[Body]) -> bool:
    """True for a list of articles: most items under a title-shaped line, or with a "Read more"."""
    shapes = page.shapes
    teasers = sum(1 for body in bodies if any(shapes[k].kind == "teaser" for k, _ in body))
    if teasers * 2 >= len(bodies):
        return True
    titled = sum(1 for h in heads if h.start > 0 and _title_like(page, h.start - 1))
    return len(heads) >= 2 and titled * 3 >= len(heads) * 2


def _title_like(page: _Page, k: int) -> bool:
    """Line ``k`` is shaped like an article's title: a few words, no closing sentence mark."""
    text = page.text[k].strip().rstrip("\"'”’»)")
    return page.shapes[k].kind in ("text", "name") and 4 <= page.words[k] <= 20 and text[-1:] not in TERMINAL


def _prose(page: _Page, bodies: list[Body], *, strict: bool) -> bool:
    """True when most records hold a sentence: a line closed by a sentence mark or an emoji, or
    (unless ``strict``) a long one. Names or dates over titles and labels are a list of links."""
    said = 0
    for body in bodies:
        for k, role in body:
            end = page.text[k].rstrip()[-1:]
            if role == "text" and (end in TERMINAL or end == ")" or ord(end or " ") >= 0x2600
                                   or (not strict and page.words[k] >= 12)):
                said += 1
                break
    return said * 2 >= len(bodies)


def _has_titles(page: _Page, bodies: list[Body]) -> bool:
    """True when most records open with a title line (reviews do): a short first line with no
    closing full stop, over more text."""
    titled = 0
    for body in bodies:
        texts = [k for k, role in body if role == "text"]
        if len(texts) >= 2 and _titled(page, texts[0], body):
            titled += 1
    return titled >= 2 and titled * 3 >= len(bodies) * 2


def _titled(page: _Page, k: int, body: Body) -> bool:
    """Line ``k`` can be its record's title: at most ten words, no closing full stop, question
    mark or colon, and text after it."""
    text = page.text[k].strip()
    more = any(role == "text" and j > k for j, role in body)
    return more and page.words[k] <= 10 and text[-1:] not in ".?:;,…،؟" and not text[-1:].isdigit()
