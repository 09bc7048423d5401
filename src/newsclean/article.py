"""The typed result: one frozen :class:`Article` per input, built from a finished document.

>>> from newsclean import clean_article
>>> article = clean_article("Markets fall in London\\nLONDON (Reuters) - Shares fell on Monday.")
>>> article.dateline.place, article.dateline.agency
('LONDON', 'Reuters')
>>> article.to_dict()["lines"][0]["label"]
'headline'
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from newsclean.document import Document, Label


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
    lines: tuple[LineRecord, ...] = ()
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

    def to_dict(self) -> dict[str, Any]:
        """A JSON-safe dict (dates as ISO strings)."""
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
            "lines": [
                {"index": r.index, "text": r.text, "label": r.label, "stage": r.stage,
                 "reason": r.reason, "detail": r.detail}
                for r in self.lines
            ],
            "skipped_stages": list(self.skipped_stages),
        }

    def explain(self, *, width: int = 60, blank: bool = False) -> str:
        """One row per line: index, label, stage, reason and the start of its text."""
        rows = [f"{'#':>4}  {'label':<11} {'stage':<10} {'reason':<22} text"]
        for r in self.lines:
            if r.label == "blank" and not blank:
                continue
            text = r.text if len(r.text) <= width else r.text[: width - 1] + "…"
            rows.append(f"{r.index:>4}  {r.label:<11} {r.stage:<10} {r.reason:<22} {text}")
        return "\n".join(rows)


def _comment(c: Comment) -> dict[str, Any]:
    return {"author": c.author, "title": c.title, "text": c.text, "date": _iso(c.date)}


def _iso(value: date | datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def build_article(doc: Document) -> Article:
    """Gather a finished document's labelled lines into an :class:`Article`."""
    parts: dict[str, list[str]] = {}
    records = []
    for line in doc.lines:
        label = line.label or "body"
        verdict = line.history[-1] if line.history else None
        records.append(LineRecord(
            line.index, line.text, label,
            verdict.stage if verdict else "finish",
            verdict.reason if verdict else "unlabelled",
            verdict.detail if verdict else "",
        ))
        parts.setdefault(label, []).append(line.text)
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
        lines=tuple(records),
        lang=doc.lang,
        skipped_stages=tuple(f"{s['stage']}: {s['error']}" for s in doc.meta.get("skipped_stages", ())),
    )
