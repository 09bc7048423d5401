"""What the DOM says about the flattened lines: headings, comments and the page as a whole."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

Span = tuple[int, int]
"""The lines ``[start, end)`` an element's text landed on."""


@dataclass(slots=True)
class Heading:
    """An ``h1`` or ``h2``: its tag, its text and the lines it covers."""

    tag: str
    text: str
    lines: Span


@dataclass(slots=True)
class HtmlComment:
    """A reader comment found in the DOM: the role of each of its lines (``comment-author``,
    ``comment-date``, ``comment-title``, ``comment-text``, ``comment-widget``) and its parts."""

    roles: list[tuple[int, str]] = field(default_factory=list)
    author: str | None = None
    title: str | None = None
    date: date | datetime | None = None


@dataclass(slots=True)
class HeadMeta:
    """What the page says of itself in its head: meta tags, ``<title>`` and JSON-LD."""

    published: date | datetime | None = None
    title: str | None = None
    description: str | None = None
    #: What the page says it is: its JSON-LD ``@type`` values and ``og:type`` (as ``og:article``),
    #: lower case, in page order.
    types: list[str] = field(default_factory=list)


@dataclass(slots=True)
class HtmlPage:
    """What the DOM tells about the flattened lines; ``doc.meta["html"]`` holds one."""

    #: The parsed tree (trafilatura reads it rather than parsing the page again).
    root: Any
    url: str | None = None
    #: The primary language subtag of ``<html lang>``.
    lang: str | None = None
    headings: list[Heading] = field(default_factory=list)
    #: Decks (``.deck``, ``.standfirst``, ``.subtitle``...).
    decks: list[Span] = field(default_factory=list)
    #: Lead paragraphs (``.lead``, ``.intro``, ``.chapo``): the article's first paragraph.
    leads: list[Span] = field(default_factory=list)
    captions: list[Span] = field(default_factory=list)
    #: ``(line, value)`` of ``time`` elements and ``datePublished`` properties, in page order.
    times: list[tuple[int, date | datetime]] = field(default_factory=list)
    #: ``time`` elements that state no date: durations ("15 – 30 Min").
    durations: list[Span] = field(default_factory=list)
    #: The title, description and publication date the page gives itself in its head.
    head: HeadMeta = field(default_factory=HeadMeta)
    comments: list[HtmlComment] = field(default_factory=list)
    #: Areas named for comments (``#comments``, ``.comment-list``): counters, forms, rules.
    comment_areas: list[Span] = field(default_factory=list)
    #: Dialogs and pop-ups (``dialog``, ``.modal``, ``.popup``...): hidden until opened.
    hidden: list[Span] = field(default_factory=list)
    #: Boxes named for what is not the article: related links, paywalls, newsletters, share bars.
    boxes: list[Span] = field(default_factory=list)
    #: The text of the page's main schema.org item (``itemprop="articleBody"`` or ``"text"`` of an
    #: item that is no other item's property): the article, or a Q&A page's question.
    entity_text: list[Span] = field(default_factory=list)
    #: The innermost block element each line stands in.
    blocks: list[Any] = field(default_factory=list)
    #: Where each line stands (:mod:`newsclean.html.context`): the bits of the elements around
    #: it and of its three nearest elements, its depth, and its characters and link characters.
    around: list[int] = field(default_factory=list)
    near: list[int] = field(default_factory=list)
    depth: list[int] = field(default_factory=list)
    chars: list[int] = field(default_factory=list)
    link_chars: list[int] = field(default_factory=list)
