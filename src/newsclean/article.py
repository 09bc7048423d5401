"""The typed result: one frozen :class:`Article` per input, built from a finished document.

>>> from newsclean import clean_article
>>> article = clean_article("Markets fall in London\\nLONDON (Reuters) - Shares fell on Monday.")
>>> article.dateline.place, article.dateline.agency
('LONDON', 'Reuters')
>>> article.to_dict()["lines"][0]["label"]
'headline'
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, overload

from newsclean.document import Document, Label, Verdict


@dataclass(frozen=True, slots=True)
class Dateline:
    """The place (and agency) that opens the story, e.g. ``القاهرة - (أ ف ب):``.

    ``text`` is the dateline as written; it also stays at the start of the first body paragraph.
    """

    text: str
    place: str | None
    agency: str | None = None
    date: date | None = None


@dataclass(frozen=True, slots=True)
class Comment:
    """One reader comment."""

    author: str | None
    title: str | None
    text: str
    date: date | datetime | None = None


@dataclass(frozen=True, slots=True)
class LineRecord:
    """The fate of one input line: the part it ended in, the stage that put it there, and why."""

    index: int
    text: str
    label: Label
    stage: str
    reason: str
    detail: str = ""


#: The fate of a line no stage labelled: the body, as the pipeline finishes.
UNLABELLED = Verdict("body", "finish", "unlabelled", "")


class LineRecords(Sequence[LineRecord]):
    """Every input line's fate, kept as the document kept it (the input, the lines' offsets, a
    verdict id a line) and made into :class:`LineRecord` objects only when asked for: a page of
    a million lines costs a few arrays until its records are read. Slices are tuples.
    """

    __slots__ = ("_ids", "_kinds", "_starts", "_text")

    def __init__(self, text: str, starts: Sequence[int], ids: Sequence[int],
                 kinds: Sequence[Verdict | None]) -> None:
        self._text = text
        self._starts = starts
        self._ids = ids
        self._kinds: tuple[Verdict, ...] = tuple(k if k is not None else UNLABELLED for k in kinds)

    @classmethod
    def of(cls, doc: Document) -> LineRecords:
        """The records of a finished document's lines (sharing its arrays)."""
        return cls(doc.text, doc.starts, doc.verdict_ids, doc.kinds())

    def __len__(self) -> int:
        return len(self._ids)

    def _record(self, i: int) -> LineRecord:
        v = self._kinds[self._ids[i]]
        starts = self._starts
        return LineRecord(i, self._text[starts[i]:starts[i + 1] - 1], v.label, v.stage, v.reason, v.detail)

    @overload
    def __getitem__(self, index: int) -> LineRecord: ...

    @overload
    def __getitem__(self, index: slice) -> tuple[LineRecord, ...]: ...

    def __getitem__(self, index: int | slice) -> LineRecord | tuple[LineRecord, ...]:
        if isinstance(index, slice):
            return tuple(self._record(i) for i in range(*index.indices(len(self))))
        if index < 0:
            index += len(self)
        if not 0 <= index < len(self):
            raise IndexError("line index out of range")
        return self._record(index)

    def __iter__(self) -> Iterator[LineRecord]:
        return (self._record(i) for i in range(len(self)))

    def rows(self) -> Iterator[tuple[int, str, tuple[str, str, str, str]]]:
        """``(index, text, (label, stage, reason, detail))`` of every line; the verdict tuples
        are shared by the lines that got the same verdict."""
        kinds = [(v.label, v.stage, v.reason, v.detail) for v in self._kinds]
        text, starts = self._text, self._starts
        for i, k in enumerate(self._ids):
            yield i, text[starts[i]:starts[i + 1] - 1], kinds[k]

    def verdicts(self) -> Iterator[tuple[int, Verdict]]:
        """``(index, verdict)`` of every line, without its text."""
        kinds = self._kinds
        return ((i, kinds[k]) for i, k in enumerate(self._ids))

    def texts(self) -> Iterator[str]:
        text, starts = self._text, self._starts
        return (text[starts[i]:starts[i + 1] - 1] for i in range(len(self)))

    def dicts(self) -> Iterator[dict[str, Any]]:
        """Each line's record as the dict :meth:`Article.to_dict` gives, one at a time."""
        for (i, v), text in zip(self.verdicts(), self.texts(), strict=True):
            yield {"index": i, "text": text, "label": v.label, "stage": v.stage, "reason": v.reason,
                   "detail": v.detail}

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Sequence) or isinstance(other, str):
            return NotImplemented
        return len(self) == len(other) and all(a == b for a, b in zip(self, other, strict=True))

    def __hash__(self) -> int:
        return hash(tuple(self))

    def __reduce__(self) -> tuple[Any, ...]:
        return (LineRecords, (self._text, self._starts, self._ids, self._kinds))

    def __repr__(self) -> str:
        return f"<{len(self)} line records>"


@dataclass(frozen=True, slots=True)
class Article:
    """A cleaned article. Every non-blank input line is in exactly one part; ``lines`` says which."""

    headline: str | None = None
    subheadlines: tuple[str, ...] = ()
    byline: str | None = None
    dateline: Dateline | None = None
    published: date | datetime | None = None
    body: tuple[str, ...] = ()
    captions: tuple[str, ...] = ()
    promos: tuple[str, ...] = ()
    chrome: tuple[str, ...] = ()
    comments: tuple[Comment, ...] = ()
    #: One record per input line, in order (:class:`LineRecords`: made when read).
    lines: Sequence[LineRecord] = ()
    lang: str | None = None
    #: Stages that failed under ``Pipeline(on_error="skip")``, as ``"name: Error: message"``.
    skipped_stages: tuple[str, ...] = ()
    #: What the page is: ``article``, ``discussion`` (a forum or Q&A thread), ``listing`` (a
    #: section front, search results, a category), ``product``, ``documentation`` or ``other``
    #: (None when no stage decided it). On a discussion page the posts are the content: the body
    #: carries them, and :attr:`posts` has one record each.
    kind: str | None = None
    #: A discussion page's posts, one record each (author, title, text, date), in page order.
    posts: tuple[Comment, ...] = ()

    @property
    def text(self) -> str:
        """The body as one string, paragraphs separated by a newline."""
        return "\n".join(self.body)

    def to_dict(self, *, lines: bool = True) -> dict[str, Any]:
        """A JSON-safe dict (dates as ISO strings); ``lines=False`` leaves the per-line trail out.
        :func:`newsclean.formats.write_json` writes the same JSON without building it."""
        dateline = None
        if self.dateline is not None:
            dateline = {
                "text": self.dateline.text,
                "place": self.dateline.place,
                "agency": self.dateline.agency,
                "date": _iso(self.dateline.date),
            }
        return {
            "headline": self.headline,
            "subheadlines": list(self.subheadlines),
            "byline": self.byline,
            "dateline": dateline,
            "published": _iso(self.published),
            "lang": self.lang,
            "body": list(self.body),
            "captions": list(self.captions),
            "promos": list(self.promos),
            "chrome": list(self.chrome),
            "comments": [_comment(c) for c in self.comments],
            "kind": self.kind,
            "posts": [_comment(c) for c in self.posts],
            **({"lines": list(self.line_dicts())} if lines else {}),
            "skipped_stages": list(self.skipped_stages),
        }

    def line_dicts(self) -> Iterator[dict[str, Any]]:
        """The per-line trail as :meth:`to_dict` gives it, one dict at a time."""
        if isinstance(self.lines, LineRecords):
            return self.lines.dicts()
        return ({"index": r.index, "text": r.text, "label": r.label, "stage": r.stage, "reason": r.reason,
                 "detail": r.detail} for r in self.lines)

    def explain(self, *, width: int = 60, blank: bool = False) -> str:
        """One row per line: index, label, stage, reason and the start of its text."""
        return "\n".join(self.explain_rows(width=width, blank=blank))

    def explain_rows(self, *, width: int = 60, blank: bool = False) -> Iterator[str]:
        """:meth:`explain`'s rows, one at a time (the header first)."""
        yield f"{'#':>4}  {'label':<11} {'stage':<10} {'reason':<22} text"
        for r in self.lines:
            if r.label == "blank" and not blank:
                continue
            text = r.text if len(r.text) <= width else r.text[: width - 1] + "…"
            yield f"{r.index:>4}  {r.label:<11} {r.stage:<10} {r.reason:<22} {text}"


def _comment(c: Comment) -> dict[str, Any]:
    return {"author": c.author, "title": c.title, "text": c.text, "date": _iso(c.date)}


def _iso(value: date | datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def build_article(doc: Document) -> Article:
    """Gather a finished document's labelled lines into an :class:`Article`."""
    kinds = doc.kinds()
    label_of = [v.label if v is not None else "body" for v in kinds]
    parts: dict[str, list[str]] = {}
    wanted = {"headline", "subheadline", "byline", "body", "caption", "promo", "chrome"}
    text_of = doc.text_of
    for i, k in enumerate(doc.verdict_ids):
        label = label_of[k]
        if label in wanted:
            parts.setdefault(label, []).append(text_of(i))
    headlines = parts.get("headline", [])
    bylines = parts.get("byline", [])
    dl = doc.dateline
    return Article(
        # A headline broken over two lines is still one headline.
        headline=" ".join(headlines) if headlines else None,
        subheadlines=tuple(parts.get("subheadline", [])),
        byline=" ".join(bylines) if bylines else None,
        dateline=Dateline(dl.text, dl.place, dl.agency, dl.date) if dl else None,
        published=doc.published,
        body=tuple(parts.get("body", [])),
        captions=tuple(parts.get("caption", [])),
        promos=tuple(parts.get("promo", [])),
        chrome=tuple(parts.get("chrome", [])),
        comments=tuple(Comment(c.author, c.title, c.text, c.date) for c in doc.comments),
        kind=doc.meta.get("kind"),
        posts=tuple(Comment(c.author, c.title, c.text, c.date) for c in doc.meta.get("posts", ())),
        lines=LineRecords.of(doc),
        lang=doc.lang,
        skipped_stages=tuple(f"{s['stage']}: {s['error']}" for s in doc.meta.get("skipped_stages", ())),
    )
