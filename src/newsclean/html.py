"""HTML input: the page flattened to one line per block, plus what its DOM says about the lines.

:func:`html_to_document` parses the page once (lxml; no network, no DTD and so no external
entities, libxml2's depth and size limits kept), walks the tree without recursion to make one
line per block, and stores an :class:`HtmlPage` in ``doc.meta["html"]``: the parsed tree and
which lines stand in ``h1`` headings, lead paragraphs, ``figcaption``\\ s, ``time`` elements,
dialogs, related-links boxes and reader comments (one :class:`HtmlComment` each). The
``html-hints`` stage then asks trafilatura for the main text and metadata (:func:`extract_main`,
on the same tree), aligns its text with the lines (:func:`match_lines`) and labels them; the
text stages run after it as usual.

>>> doc = html_to_document(
...     "<html lang=en><body><h1>Storm hits coast</h1><p>The storm reached the coast.</p>"
...     "<figure><img src=a.jpg><figcaption>Waves on Monday</figcaption></figure></body></html>")
>>> [line.text for line in doc.lines]
['Storm hits coast', 'The storm reached the coast.', 'Waves on Monday']
>>> page = doc.meta["html"]
>>> [(h.tag, h.lines) for h in page.headings], page.captions, doc.lang
([('h1', (0, 1))], [(2, 3)], 'en')
"""

from __future__ import annotations

import bisect
import itertools
import json
import re
import threading
from dataclasses import dataclass, field
from datetime import date, datetime
from html.parser import HTMLParser
from typing import Any

import lxml.html
from lxml import etree

from newsclean.dates import parse_date, parse_iso_datetime
from newsclean.document import Document
from newsclean.normalize import key

__all__ = [
    "Heading", "HtmlComment", "HtmlPage", "MainText", "extract_main", "flatten", "html_to_document",
    "match_lines", "parse_html", "stream_lines",
]

Span = tuple[int, int]
"""The lines ``[start, end)`` an element's text landed on."""

_BLOCK = frozenset("""address article aside blockquote br caption dd details dialog div dl dt fieldset
figcaption figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr li main nav ol p pre section summary
table tbody td tfoot th thead tr ul option button label legend select textarea""".split())
# Never shown as text (rt/rp: ruby pronunciation guides over the characters they annotate).
_SKIP = frozenset("""script style noscript template svg head title meta link iframe object embed canvas
map audio video source picture rt rp""".split())


# --- parsing ------------------------------------------------------------------------------------

# The HTML parser loads no DTD, so there are no external entities to resolve and no entity
# declarations to expand; no_network and huge_tree=False keep libxml2's fetch ban and its limits
# on depth (256) and text size (10 MB). Elements are lxml.html's HtmlElement (trafilatura takes
# only those) but looked up in C: lxml.html's own lookup calls Python for every element touched.
_LOOKUP = etree.ElementDefaultClassLookup(
    element=lxml.html.HtmlElement, comment=lxml.html.HtmlComment, pi=lxml.html.HtmlProcessingInstruction,
    entity=lxml.html.HtmlEntity)


def _parser(encoding: str | None = None) -> etree.HTMLParser:
    parser = etree.HTMLParser(encoding=encoding, no_network=True, huge_tree=False, remove_comments=True,
                              remove_pis=True, collect_ids=False, default_doctype=False)
    parser.set_element_class_lookup(_LOOKUP)
    return parser


# One pair of parsers per thread: lxml advises against sharing one, and each parse's error log
# is read after it.
_LOCAL = threading.local()


def _parsers() -> tuple[etree.HTMLParser, etree.HTMLParser]:
    pair: tuple[etree.HTMLParser, etree.HTMLParser] | None = getattr(_LOCAL, "parsers", None)
    if pair is None:
        pair = _LOCAL.parsers = (_parser(), _parser("utf-8"))
    return pair

# Characters XML forbids; libxml2 stops at some of them.
_UNFINISHED_TAG = re.compile(r"<[A-Za-z!/?]")
_INVALID = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
# A doctype with a slash on the first line trips libxml2 (trafilatura's note: lxml bug 1955915).
_DOCTYPE = re.compile(r"^< ?! ?DOCTYPE[^>]*/[^<>]*>", re.IGNORECASE)


def parse_html(html: str) -> Any | None:
    """Parse a page with the safe parser; None when nothing can be made of it, or when the page
    passes libxml2's limits (nesting deeper than 256, a text node over 10 MB): the tree would
    silently lose what lies past them, so :func:`stream_lines` reads such a page instead.

    >>> parse_html("<html><body><p>Hi</p></body></html>").tag
    'html'
    >>> parse_html("<div>" * 300 + "deep" + "</div>" * 300) is None
    True
    """
    if _INVALID.search(html):
        html = _INVALID.sub("", html)
    if "doctype" in html[:50].lower():
        first, newline, rest = html.partition("\n")
        html = _DOCTYPE.sub("", first, count=1) + newline + rest
    parser, parser_utf8 = _parsers()
    try:
        try:
            root = etree.fromstring(html, parser)
        except ValueError:  # a str that declares its encoding (<?xml encoding=...?>)
            parser = parser_utf8
            root = etree.fromstring(html.encode("utf-8", "surrogatepass"), parser)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError):
        return None
    if root is None or any(error.type_name == "ERR_RESOURCE_LIMIT" for error in parser.error_log):
        return None
    return root


class _Stream(HTMLParser):
    """A tag-by-tag reader for pages the tree parser cannot hold: it keeps no tree, so it has no
    depth or size limit and never recurses; it knows the HTML entities and no others."""

    _VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
                       "source", "track", "wbr"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[str] = []
        self.buf: list[str] = []
        self.skip = 0

    def flush(self) -> None:
        text = " ".join("".join(self.buf).replace("\u00ad", "").split())
        if text:
            self.lines.append(text)
        self.buf.clear()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP and tag not in self._VOID:
            self.skip += 1
        elif tag in _BLOCK:
            self.flush()

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP and tag not in self._VOID:
            self.skip = max(0, self.skip - 1)
        elif tag in _BLOCK:
            self.flush()

    def handle_data(self, data: str) -> None:
        if not self.skip:
            self.buf.append(data)


def stream_lines(html: str) -> list[str]:
    """Text lines of a page read tag by tag, without a tree (for pages past libxml2's limits).

    >>> stream_lines("<p>one &amp; <b>two</b></p>" + "<div>" * 1000 + "deep" + "</div>" * 1000)
    ['one & two', 'deep']
    """
    # A page cut off inside a run of unfinished tags or comments ("<a <a <a ...", "<!--<!--...")
    # makes the standard library's tokenizer quadratic before Python 3.11.13 / 3.12.11: the
    # unfinished tail shows nothing, so it is dropped.
    # A "<" that opens no tag ("< 5") is text and stays.
    tail = _UNFINISHED_TAG.search(html, html.rfind(">") + 1)
    if tail is not None:
        html = html[: tail.start()]
    reader = _Stream()
    reader.feed(html)
    reader.close()
    reader.flush()
    return reader.lines


# --- what the DOM says ----------------------------------------------------------------------------


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
    #: The publication date the head's meta tags or JSON-LD give (``article:published_time``...).
    meta_published: date | datetime | None = None
    #: The title and description the page gives itself (meta tags, JSON-LD, ``<title>``).
    meta_title: str | None = None
    meta_description: str | None = None
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


# Class and id names, matched on lower-cased class tokens. Every word the patterns below look
# for is in _INTEREST: an element whose names have none of them costs one search.
_INTEREST = re.compile(r"comment|disqus|discussion|respons|reaction|review|caption|credit|deck|standfirst|"
                       r"dek|subtitle|sub-title|subheadline|sub-headline|strapline|kicker|summary|teaser|"
                       r"lede|lead|intro|chapo|chapeau|preface|entradilla|entradinha|occhiello|vorspann|"
                       r"modal|popup|pop-up|overlay|lightbox|dialog|related|read|more|see|recommend|"
                       r"recirc|outbrain|taboola|paywall|newsletter|shar")
_CAPTION_CLASS = re.compile(r"(?:^|[-_])caption(?:$|[-_])|^wp-caption-text$|^credit$")
_DECK_CLASS = re.compile(r"(?:^|[-_])(?:deck|standfirst|dek|subtitle|sub-title|subheadline|sub-headline|"
                         r"strapline|kicker|summary|teaser-text|article-summary)(?:$|[-_])")
_LEAD_CLASS = re.compile(r"(?:^|[-_])(?:lead|lede|intro|chapo|chapeau|preface|entradilla|entradinha|"
                         r"occhiello|vorspann)(?:$|[-_])")
# Shown only when asked for: dialogs, pop-ups, overlays.
_HIDDEN_CLASS = re.compile(r"^(?:\w+[-_])?(?:modal|popup|pop-up|overlay|lightbox|dialog)"
                           r"(?:[-_]?window|[-_]?box)?$|^modalwindow$")
# Boxes named for what they hold when that is not the article...
_BOX_CLASS = re.compile(r"(?:^|[-_])(?:related|read-?more|readmore|more-?stories|see-?also|recommended|"
                        r"recirculation|outbrain|taboola|paywall|newsletter|share|sharing|social-?share|"
                        r"share-?bar|sharebar)(?:$|[-_]|s$)")
# ...though the page's own containers may carry such a name ("f_share_tools_on" on a body).
_CONTAINER_TAGS = frozenset({"html", "body", "main", "article"})
# One comment (not its list, form or area): a class token "comment", "…-comment",
# "comment-item"; an id "comment-123", "li-comment-123", "div-comment-123", "dsq-comment-123".
_COMMENT_TOKEN = re.compile(r"^(?:\w+-)?comment$|^(?:[\w-]+-)?comments?-item$|^dsq-comment$")
_COMMENT_ID = re.compile(r"^(?:li-|div-|dsq-|article-)?comment-?\d+$")
_COMMENT_AREA = re.compile(r"comment|disqus|discussion|respons|reactions|reviews")
# Areas that hold reader comments (or reviews) themselves, where items may go by any class
# name; not forms, "recent comments" link lists, counters or buttons.
_THREAD_AREA = re.compile(r"comment|disqus|discussion|reviews")
_NOT_A_THREAD = re.compile(r"form|respond|recent|latest|count|widget-area|sidebar|button|link|policy|rules")
# Widgets named after comments: "add-comment", "post-comment", "comment-form", "no-comment"...
_NOT_A_COMMENT = re.compile(r"form|respond|reply|count|button|link|icon|nav|share|policy|rules|closed|meta|"
                            r"author|date|content|text|body|header|footer|avatar|^(?:add|post|new|write|"
                            r"leave|load|more|show|view|open|toggle|no|submit|edit|cancel|close|report|like|"
                            r"has|with|fb|facebook|disqus|go|to|jump|scroll)-")
_ITEM_TAGS = frozenset({"li", "article", "div", "dd", "dt", "section", "tr", "blockquote"})
_LIST_TAGS = frozenset({"ol", "ul", "dl"})
_WATCH_TAGS = frozenset({"h1", "h2", "time", "figcaption", "dialog"})
_TEXT_PROPS = frozenset({"articleBody", "text"})
# An item that is the page's own: a top-level one, or the page's main entity. An answer
# (suggestedAnswer), a comment or a review is a property of another item.
_MAIN_ITEM_PROPS = frozenset({"mainEntity", "mainEntityOfPage"})


def _main_entity_text(el: Any) -> bool:
    """True when ``el`` (an ``itemprop="text"`` or ``"articleBody"``) is the text of the page's
    own item rather than of an answer, a comment or a review nested in it."""
    for parent in el.iterancestors():
        if "itemscope" in parent.attrib:
            prop = parent.get("itemprop")
            return not prop or prop in _MAIN_ITEM_PROPS
    return True  # microdata without a scope: the page's text


def _is_comment_item(tag: str, tokens: list[str], ident: str) -> bool:
    if tag not in _ITEM_TAGS:
        return False
    if ident and _COMMENT_ID.match(ident):
        return True
    return any(_COMMENT_TOKEN.match(t) and not _NOT_A_COMMENT.search(t.replace("comment", ""))
               for t in tokens)


def _page_in_noscript(el: Any, tag: str) -> bool:
    """True for a ``noscript`` that holds the page: an unclosed tag in it made the parser put
    everything after it inside (a tracking pixel's ``noscript`` holds one element)."""
    return tag == "noscript" and next(itertools.islice(el.iterdescendants(), 20, None), None) is not None


def _hidden_style(style: str | None) -> bool:
    if not style or ("none" not in style and "hidden" not in style):
        return False
    compact = style.replace(" ", "").lower()
    return "display:none" in compact or "visibility:hidden" in compact


def _text(el: Any) -> str:
    return " ".join(el.text_content().split())


# --- the walk -----------------------------------------------------------------------------------


class _Walk:
    """One pass over the body: its lines, and the lines of the elements worth remembering."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.buf: list[str] = []
        self.spans: dict[Any, Span] = {}
        self.headings: list[Any] = []
        self.decks: list[Any] = []
        self.leads: list[Any] = []
        self.captions: list[Any] = []
        self.times: list[Any] = []
        self.items: list[Any] = []  # comment records, and elements inside them named like one
        self.item_set: set[Any] = set()
        self.parts: list[Any] = []  # descendants of comment items, for their roles
        self.areas: list[Any] = []
        self.area_set: set[Any] = set()
        self.area_parts: list[Any] = []  # classed elements inside comment areas, outside items
        self.hidden: list[Any] = []
        self.boxes: list[Any] = []
        self.entity_text: list[Any] = []
        self.blocks: list[Any] = []  # the block elements open where the walk stands
        self.line_blocks: list[Any] = []  # the innermost block element of each line

    def flush(self) -> None:
        if not self.buf:
            return
        text = "".join(self.buf)
        if "\u00ad" in text:
            text = text.replace("\u00ad", "")  # soft hyphens: invisible, and they split words
        text = " ".join(text.split())
        if text:
            self.lines.append(text)
            self.line_blocks.append(self.blocks[-1])
        self.buf.clear()

    def pending(self) -> int:
        """1 when text waits in the buffer (an inline element's line is the next one), else 0."""
        return 1 if any(s.strip() for s in self.buf) else 0

    def run(self, body: Any) -> None:
        lines, buf, spans = self.lines, self.buf, self.spans
        starts: dict[Any, int] = {}
        skipped: set[Any] = set()
        in_item = in_area = 0
        self.blocks.append(body)
        # iterwalk steps through the tree in C, without recursion, whatever its depth.
        walker = etree.iterwalk(body, events=("start", "end"))
        for event, el in walker:
            tag = el.tag
            if event == "end":
                if el in skipped:
                    skipped.discard(el)
                elif tag in _BLOCK:
                    self.flush()
                    self.blocks.pop()
                    if el in starts:
                        spans[el] = (starts.pop(el), len(lines))
                elif el in starts:
                    spans[el] = (starts.pop(el), len(lines) + self.pending())
                if el in self.item_set:
                    in_item -= 1
                elif el in self.area_set:
                    in_area -= 1
                if el.tail:
                    buf.append(el.tail)
                continue
            attrib = el.attrib
            if (not isinstance(tag, str) or (tag in _SKIP and not _page_in_noscript(el, tag))
                    or (attrib and ("hidden" in attrib or _hidden_style(attrib.get("style"))))):
                walker.skip_subtree()
                skipped.add(el)
                continue
            if tag in _BLOCK:
                self.flush()
                self.blocks.append(el)
            if (tag in _WATCH_TAGS or attrib or in_item) and self._watch(el, tag, attrib, in_item):
                starts[el] = len(lines)
                if el in self.item_set:
                    in_item += 1
                elif el in self.area_set:
                    in_area += 1
            elif in_area and not in_item and attrib and "class" in attrib:
                # A comment system whose items no name betrays: :func:`_repeated_items` looks
                # for them among these once the walk is done.
                starts[el] = len(lines)
                self.area_parts.append(el)
            if el.text:
                buf.append(el.text)
        self.flush()

    def _watch(self, el: Any, tag: str, attrib: Any, in_item: int) -> bool:
        """File ``el`` under what it is; True when its lines are worth remembering."""
        if in_item and (tag in _PART_TAGS or tag in _WATCH_TAGS):
            self.parts.append(el)
            return True
        if tag in ("h1", "h2"):
            self.headings.append(el)
            return True
        if tag == "time" or (attrib and attrib.get("itemprop") == "datePublished"):
            self.times.append(el)
            return True
        if tag == "figcaption":
            self.captions.append(el)
            return True
        if tag == "dialog":
            self.hidden.append(el)
            return True
        if not attrib:
            return False
        if not in_item and attrib.get("itemprop") in _TEXT_PROPS and _main_entity_text(el):
            self.entity_text.append(el)
            return True
        cls, ident = attrib.get("class"), attrib.get("id")
        if not cls and not ident:
            if in_item and attrib.get("itemprop"):
                self.parts.append(el)
                return True
            return False
        if in_item:
            self.parts.append(el)
        hidden = attrib.get("aria-hidden") == "true" or attrib.get("role") == "dialog"
        if not hidden and not _INTEREST.search(f"{cls or ''} {ident or ''}".lower()):
            return bool(in_item)
        tokens = cls.lower().split() if cls else []
        ident = ident.lower() if ident else ""
        if _is_comment_item(tag, tokens, ident):
            if in_item:
                self.parts.pop()
            self.items.append(el)
            self.item_set.add(el)
            return True
        if in_item:
            return True
        if hidden or any(_HIDDEN_CLASS.match(t) for t in tokens):
            self.hidden.append(el)
        elif tag not in _CONTAINER_TAGS and any(_BOX_CLASS.search(t) for t in (*tokens, ident)):
            self.boxes.append(el)
        elif any(_CAPTION_CLASS.search(t) for t in tokens):
            self.captions.append(el)
        elif any(_LEAD_CLASS.search(t) for t in tokens):
            self.leads.append(el)
        elif any(_DECK_CLASS.search(t) for t in tokens):
            self.decks.append(el)
        elif _COMMENT_AREA.search(ident) or any(_COMMENT_AREA.search(t) for t in tokens):
            self.areas.append(el)
            self.area_set.add(el)
        else:
            return False
        return True

    def found(self, elements: list[Any]) -> list[Span]:
        """The spans of those of ``elements`` that hold text."""
        spans = self.spans
        return [spans[el] for el in elements if el in spans and spans[el][1] > spans[el][0]]


def _walk(root: Any) -> _Walk:
    walk = _Walk()
    body = root.find("body")
    if body is None:
        body = root.find(".//body")
    walk.run(body if body is not None else root)
    return walk


def flatten(html: str) -> list[str]:
    """Text lines of an HTML page: block elements end a line, inline ones run together.

    >>> flatten("<html><body><p>One <b>two</b></p><ul><li>three</li></ul></body></html>")
    ['One two', 'three']
    """
    root = parse_html(html)
    if root is None:
        return stream_lines(html)
    return _walk(root).lines


# --- comments -----------------------------------------------------------------------------------

# What a part of a comment is, from the words of its class names ("comment-author" -> author).
# Checked in this order: "datetime secondary-text" is a date, "comment-body js-edit-hide" a text.
_PART_WORDS: tuple[tuple[str, frozenset[str]], ...] = (
    ("comment-author", frozenset({"author", "fn", "username", "user", "nickname", "commenter", "name",
                                  "cite"})),
    ("comment-date", frozenset({"date", "time", "published", "posted", "ago", "timestamp", "datetime",
                                "relativetime"})),
    ("comment-title", frozenset({"title", "subject", "headline"})),
    ("comment-text", frozenset({"text", "body", "content", "message", "copy", "entry", "contenttext"})),
    ("comment-widget", frozenset({
        "meta", "metadata", "reply", "avatar", "action", "actions", "vote", "votes", "rating", "like",
        "likes", "permalink", "edit", "report", "flag", "share", "says", "header", "footer", "tools",
        "controls", "link", "links", "button", "buttons", "menu", "count", "badge", "badges", "signature",
        "vcard", "byline", "details", "stats", "score", "karma", "reputation", "flair", "form", "respond"})),
)
_PART_TAGS = {"cite": "comment-author", "time": "comment-date", "h3": "comment-title", "h4": "comment-title",
              "h5": "comment-title", "footer": "comment-widget", "header": "comment-widget",
              "button": "comment-widget", "form": "comment-widget", "b": "", "strong": ""}
_WORD_SPLIT = re.compile(r"[-_\s]+")
# "says:", "sagt:", "dit :" after an author's name.
# (?<!\s): only the start of a run of white space opens a match, so a long run is scanned once.
_SAYS = re.compile(r"(?<!\s)\s+(?:says|said|sagt|schreibt|dit|dice|disse|writes|wrote|kommentierte|a écrit)"
                   r"\s*:?\s*$", re.IGNORECASE)
# A header written as text: "Catherine (GiveWell) on September 13, 2018 at 5:23 pm said:".
_TEXT_HEADER = re.compile(r"^(?:by |par |von )?(?P<author>[^\d:]{1,60}?)\s+(?:on|le|am|el|em|il|·|\||-|–)\s+"
                          r"(?P<date>.{6,60}?)\s*(?:said|says|wrote|sagt|schreibt|dit|a écrit|escribió)?"
                          r"\s*:?$", re.IGNORECASE)
_HEADER_NOISE = re.compile(r"[\W_]+")
_HEADER_ROLES = frozenset({"comment-author", "comment-date", "comment-title"})
_DIGITS = re.compile(r"\d+")


def _part_role(part: Any) -> str:
    """The role a comment's descendant plays (``comment-author``, ``comment-date``...), or ``""``."""
    prop = part.get("itemprop")
    if prop in ("author", "name", "creator"):
        return "comment-author"
    if prop in ("datePublished", "dateCreated"):
        return "comment-date"
    if prop in ("text", "articleBody", "commentText"):
        return "comment-text"
    words = set(_WORD_SPLIT.split((part.get("class") or "").lower())) - {""}
    for role, vocabulary in _PART_WORDS:
        if words & vocabulary:
            return role
    return _PART_TAGS.get(part.tag, "")


def _date_of(el: Any) -> date | datetime | None:
    """The date an element states: its machine-readable attribute, else its text."""
    for attr in ("datetime", "content", "title"):
        value = el.get(attr)
        if value:
            found = parse_iso_datetime(value) or parse_date(value)
            if found is not None:
                return found
    return parse_date(_text(el)) if len(el) < 20 else None


def _names_comments(el: Any) -> bool:
    """True for an element whose id or class names a comments area (``#comments``,
    ``.comment-list``, ``#disqus_thread``)."""
    names = f"{el.get('id') or ''} {el.get('class') or ''}".lower()
    return _COMMENT_AREA.search(names) is not None


def _other_number(el: Any, parent: Any) -> bool:
    a, b = _DIGITS.findall(el.get("id") or ""), _DIGITS.findall(parent.get("id") or "")
    return bool(a and b and a != b)


def _is_thread(el: Any) -> bool:
    """True for an area that holds the comments themselves (``#comments``, ``.reviews``)."""
    names = f"{el.get('id') or ''} {el.get('class') or ''}".lower()
    return _THREAD_AREA.search(names) is not None and _NOT_A_THREAD.search(names) is None


_FORM_TAGS = ("form", "textarea", "input", "select")


def _link_share(el: Any) -> float:
    text = len(el.text_content().strip())
    links = sum(len(a.text_content().strip()) for a in el.iter("a"))
    return links / text if text else 1.0


def _repeated_items(walk: _Walk) -> None:
    """Comment items in areas where no element is named like one (a review widget's
    ``div.xyz-rev``): the wordiest group of two or more siblings of one class, each with lines
    of its own and not mostly links, inside an area that holds comments. They join ``walk.items``, and the
    named elements inside them ``walk.parts``, as if the walk had found them."""
    spans, item_set = walk.spans, walk.item_set
    groups: dict[tuple[Any, str], list[Any]] = {}
    for el in walk.area_parts + walk.areas:
        span = spans.get(el)
        if span is not None and span[1] > span[0] and el.tag in _ITEM_TAGS:
            groups.setdefault((el.getparent(), el.get("class") or ""), []).append(el)
    found: list[Any] = []
    best = 0
    for (parent, _), members in groups.items():
        if len(members) < 2 or parent is None:
            continue
        around = itertools.chain((parent,), parent.iterancestors())
        thread = next((a for a in around if a in walk.area_set), None)
        if thread is None or not _is_thread(thread) or any(a in item_set for a in parent.iterancestors()):
            continue
        if any(i in item_set for i in parent.iter()):
            continue  # the area has named items: they are the comments
        # Not a form ("Name", "Email", "Comment") nor a link list; the same text twice is a
        # widget repeated ("Log in to comment"), not two comments.
        members = [m for m in members if _link_share(m) < 0.5 and next(m.iter(*_FORM_TAGS), None) is None]
        if len({_text(m) for m in members}) < len(members):
            continue
        # The group with the most words: a rating histogram repeats its rows too.
        words = sum(len(walk.lines[i].split()) for m in members for i in range(*spans[m]))
        if len(members) >= 2 and words > best:
            found, best = members, words
    if not found:
        return
    inside = set(found)
    walk.items.extend(found)
    item_set.update(found)
    walk.items.sort(key=lambda el: spans[el][0])
    for el in walk.area_parts:
        if el not in inside and any(a in inside for a in el.iterancestors()):
            walk.parts.append(el)


def _comments(walk: _Walk) -> list[HtmlComment]:
    """One record per comment item: its own lines (less its replies'), each with its role."""
    _repeated_items(walk)
    spans, items, item_set = walk.spans, walk.items, walk.item_set
    # An item inside another with no list between them and no other number in its id is the
    # same comment (WordPress puts article#div-comment-9 in li#comment-9); a reply sits in a
    # nested list, or has an id of its own.
    owner: dict[Any, Any] = {}
    top: list[Any] = []
    for el in items:
        parent, crossed, area = el.getparent(), False, False
        while parent is not None and parent not in item_set:
            crossed = crossed or parent.tag in _LIST_TAGS
            area = area or _names_comments(parent)
            parent = parent.getparent()
        if parent is not None and not crossed and not _other_number(el, parent):
            owner[el] = owner.get(parent, parent)
        # A class "comment" alone also names op-ed teasers ("Comment: ..."): a comment has an
        # id of its own, or stands in a comments area or in another comment.
        elif el in spans and (area or parent is not None or _COMMENT_ID.match((el.get("id") or "").lower())):
            top.append(el)
    replies: dict[Any, list[Span]] = {el: [] for el in top}
    for el in top:
        parent = el.getparent()
        while parent is not None:
            record = owner.get(parent, parent)
            if record in replies:
                replies[record].append(spans[el])
                break
            parent = parent.getparent()
    parts_of: dict[Any, list[Any]] = {el: [] for el in top}
    for el in walk.parts:
        parent = el.getparent()
        while parent is not None and parent not in item_set:
            parent = parent.getparent()
        record = owner.get(parent, parent)
        if record in parts_of and el in spans:
            parts_of[record].append(el)
    for el, record in owner.items():  # a merged inner item is a part too: its class says what
        if record in parts_of and el in spans:
            parts_of[record].append(el)
    out: list[HtmlComment] = []
    header: HtmlComment | None = None
    for el in top:
        # A definition list pairs a header (dt: name, date) with its comment (dd).
        if el.tag == "dt":
            header = _comment(el, spans, replies[el], parts_of[el], walk.lines, header_only=True)
            continue
        comment = _comment(el, spans, replies[el], parts_of[el], walk.lines)
        if comment is not None and header is not None and el.tag == "dd":
            comment.roles = header.roles + comment.roles
            comment.author = comment.author or header.author
            comment.date = comment.date or header.date
            comment.title = comment.title or header.title
        header = None
        if comment is not None:
            out.append(comment)
    return out


def _header_line(line: str, value: str) -> bool:
    """True when ``line`` is a comment header around ``value`` (a name or a date): what is left
    is a "says", a date, a time or a few words, not a sentence."""
    rest = _SAYS.sub("", line.replace(value, " ", 1)) if value else line
    if not _HEADER_NOISE.sub("", rest):
        return True
    words = rest.split()
    return len(words) <= 3 or (len(words) <= 12 and parse_date(rest) is not None)


def _read_header(line: str, comment: HtmlComment) -> bool:
    """Take the author and date from a header written as text; True when ``line`` is one."""
    m = _TEXT_HEADER.match(line) if len(line) <= 120 else None
    found = parse_date(m["date"]) if m is not None else None
    if m is None or found is None:
        return False
    comment.author = comment.author or m["author"].strip()
    comment.date = comment.date or found
    return True


def _comment(el: Any, spans: dict[Any, Span], replies: list[Span], parts: list[Any], lines: list[str], *,
             header_only: bool = False) -> HtmlComment | None:
    start, end = spans[el]
    own = [i for i in range(start, end) if not any(a <= i < b for a, b in replies)]
    own_set = set(own)
    roles: dict[int, str] = {}
    comment = HtmlComment()

    def claim(part: Any, role: str, value: str) -> bool:
        a, b = spans[part]
        mine = [i for i in range(a, b) if i in own_set]
        taken = [i for i in mine if i not in roles]
        if not taken:
            # A header line another part of the header took ("Ann 3 May 2020"): the value holds,
            # and the line is named for its author.
            if not mine or role not in _HEADER_ROLES or any(roles[i] not in _HEADER_ROLES for i in mine):
                return False
            if role == "comment-author":
                roles.update(dict.fromkeys(mine, role))
            return True
        # An inline name or date shares its line with the rest of a header ("Ann 3 May 2020",
        # "Ann says:"), or stands inside a sentence, which leaves the line to the text; an
        # inline button or "says" takes a line only when it is all the line holds.
        if b - a == 1 and role == "comment-widget":
            if _HEADER_NOISE.sub("", lines[a].replace(value, " ", 1)):
                return False
        elif b - a == 1 and role != "comment-text" and not _header_line(lines[a], value):
            return False
        for i in taken:
            roles[i] = role
        return True

    # The smallest parts first, so that a name or a date claims its line before the header
    # around it, and a text before a wrapper named "meta" or "edit"; of two parts on the same
    # lines the later one is the inner one (descendants follow their ancestors).
    order = sorted(range(len(parts)), key=lambda n: (spans[parts[n]][1] - spans[parts[n]][0], -n))
    for part in (parts[n] for n in order):
        role = _part_role(part)
        if role == "comment-author" and comment.author is None:
            fn = part.find(".//*[@class='fn']")
            name = _text(fn) if fn is not None else _SAYS.sub("", _text(part)).strip(" :–-")
            if _read_header(name, comment):
                name = comment.author or ""
            if name and len(name.split()) <= 8:
                comment.author = name  # even when its line is a sentence, which stays text
                claim(part, role, _text(part))
        elif role == "comment-date" and comment.date is None:
            found = _date_of(part)
            if found is not None and claim(part, role, _text(part)):
                comment.date = found
        elif role == "comment-title" and comment.title is None:
            title = _text(part)
            if title and claim(part, role, title):
                comment.title = title
        elif role in ("comment-text", "comment-widget"):
            claim(part, role, _text(part))
    text = [i for i in own if roles.get(i, "comment-text") == "comment-text"]
    for i in text:
        if not any(c.isalpha() for c in lines[i]):
            roles[i] = "comment-widget"  # vote counts, "+3", "|"
    text = [i for i in text if i not in roles or roles[i] == "comment-text"]
    if text and (comment.author is None or comment.date is None) and _read_header(lines[text[0]], comment):
        roles[text.pop(0)] = "comment-author"
    comment.roles = [(i, roles.get(i, "comment-text")) for i in own]
    if header_only:
        return comment
    words = sum(lines[i].count(" ") + 1 for i in text)
    if not text or (comment.author is None and comment.date is None and words <= 2):
        return None  # no text, or "(0)", "Comments": a counter or a heading named like a comment
    return comment


# --- the document -------------------------------------------------------------------------------

_META_DATE_NAMES = frozenset({
    "article:published_time", "og:published_time", "datepublished", "pubdate", "publishdate",
    "publish-date", "publish_date", "date", "dc.date.issued", "dc.date", "dcterms.created",
    "sailthru.date", "parsely-pub-date", "article.published", "published_time", "publication_date",
})


_META_TITLE_NAMES = ("og:title", "twitter:title", "headline", "title", "dc.title")
_META_DESCRIPTION_NAMES = ("og:description", "description", "twitter:description", "dc.description")
_JSON_LD_TYPES = ("article", "newsarticle", "blogposting", "reportage", "report", "webpage", "review",
                  "analysisnewsarticle", "opinionnewsarticle", "liveblogposting", "creativework")


@dataclass(slots=True)
class HeadMeta:
    """What the page says of itself in its head: meta tags, ``<title>`` and JSON-LD."""

    published: date | datetime | None = None
    title: str | None = None
    description: str | None = None


def _head_meta(root: Any) -> HeadMeta:
    """Read the page's own title, description and publication date, in one pass over the
    head's meta tags and the JSON-LD blocks (trafilatura's metadata search does far more, at
    about a sixth of the time of the whole HTML path, for fields newsclean does not return).

    >>> meta = _head_meta(parse_html(
    ...     '<html><head><title>Storm | Daily</title><meta property="og:title" content="Storm hits">'
    ...     '<meta name="description" content="Winds of 120 km/h.">'
    ...     '<meta property="article:published_time" content="2024-03-17T08:00:00Z"></head>'
    ...     '<body><p>Text.</p></body></html>'))
    >>> meta.title, meta.description, meta.published.date().isoformat()
    ('Storm hits', 'Winds of 120 km/h.', '2024-03-17')
    """
    meta = HeadMeta()
    named: dict[str, str] = {}
    head = root.find("head")
    if head is not None:
        for tag in head.iter("meta"):
            name = (tag.get("property") or tag.get("name") or tag.get("itemprop") or "").lower()
            content = " ".join((tag.get("content") or "").split())
            if not name or not content:
                continue
            named.setdefault(name, content)
            if meta.published is None and name in _META_DATE_NAMES:
                meta.published = parse_iso_datetime(content)
        title = head.find("title")
        if title is not None and title.text:
            named.setdefault("<title>", " ".join(title.text.split()))
    for item in _json_ld(root):
        kind = item.get("@type")
        kinds = [k.lower() for k in (kind if isinstance(kind, list) else [kind]) if isinstance(k, str)]
        if not any(k in _JSON_LD_TYPES for k in kinds):
            continue
        for field_name in ("headline", "description"):
            value = item.get(field_name)
            if isinstance(value, str) and value.strip():
                named.setdefault(f"ld:{field_name}", " ".join(value.split()))
        if meta.published is None and isinstance(item.get("datePublished"), str):
            meta.published = parse_iso_datetime(item["datePublished"])
    meta.title = _first(named, (*_META_TITLE_NAMES, "ld:headline", "<title>"))
    meta.description = _first(named, (*_META_DESCRIPTION_NAMES, "ld:description"))
    return meta


def _first(named: dict[str, str], names: tuple[str, ...]) -> str | None:
    return next((named[n] for n in names if n in named), None)


def _json_ld(root: Any) -> list[dict[str, Any]]:
    """The objects of the page's ``application/ld+json`` blocks (``@graph`` lists opened)."""
    found: list[dict[str, Any]] = []
    for script in root.iter("script"):
        if "ld+json" not in (script.get("type") or "") or not script.text:
            continue
        try:
            data = json.loads(script.text)
        except ValueError:
            continue  # a block the page got wrong says nothing
        stack = [data]
        while stack and len(found) < 50:
            item = stack.pop()
            if isinstance(item, list):
                stack.extend(reversed(item))
            elif isinstance(item, dict):
                found.append(item)
                if isinstance(item.get("@graph"), list):
                    stack.extend(reversed(item["@graph"]))
    return found


def _lang(root: Any) -> str | None:
    value = (root.get("lang") or root.get("xml:lang") or "").strip().lower()
    primary = value.replace("_", "-").split("-")[0]
    return primary if 2 <= len(primary) <= 3 and primary.isalpha() else None


def html_to_document(html: str, *, lang: str | None = None, url: str | None = None) -> Document:
    """The page as a :class:`Document` of its flattened lines, with an :class:`HtmlPage` in
    ``doc.meta["html"]``. A page the tree parser cannot hold is read tag by tag
    (:func:`stream_lines`) and left to the text stages. ``lang`` defaults to ``<html lang>``.

    >>> doc = html_to_document("<div>" * 300 + "<p>Deep inside.</p>" + "</div>" * 300)
    >>> [line.text for line in doc.lines], "html" in doc.meta
    (['Deep inside.'], False)
    """
    root = parse_html(html)
    if root is None:
        return Document(stream_lines(html), lang=lang)
    walk = _walk(root)
    page = HtmlPage(root=root, url=url, lang=_lang(root), blocks=walk.line_blocks)
    doc = Document(walk.lines, lang=lang or page.lang)
    for el in walk.headings:
        span = walk.spans.get(el)
        if span and span[1] > span[0]:
            page.headings.append(Heading(el.tag, _text(el), span))
    page.decks = walk.found(walk.decks)
    page.leads = walk.found(walk.leads)
    page.captions = walk.found(walk.captions)
    page.comment_areas = walk.found(walk.areas)
    page.hidden = walk.found(walk.hidden)
    page.boxes = walk.found(walk.boxes)
    page.entity_text = walk.found(walk.entity_text)
    for el in walk.times:
        found = _date_of(el)
        if found is not None and el in walk.spans:
            page.times.append((walk.spans[el][0], found))
        elif found is None and el.tag == "time" and el in walk.spans:
            page.durations.append(walk.spans[el])
    head = _head_meta(root)
    page.meta_published, page.meta_title, page.meta_description = head.published, head.title, head.description
    page.comments = _comments(walk)
    doc.meta["html"] = page
    return doc


# --- trafilatura --------------------------------------------------------------------------------


@dataclass(slots=True)
class MainText:
    """What trafilatura makes of a page (its main text and comments, as lines), with the title
    and description the page's head gives."""

    lines: list[str]
    comments: list[str]
    title: str | None = None
    description: str | None = None


# trafilatura marks list items "- " in plain text, and writes table rows "| a | b |".
_LIST_MARK = re.compile(r"^\s*- ")


def _text_lines(text: str | None) -> list[str]:
    out: list[str] = []
    for line in (text or "").split("\n"):
        line = line.strip()
        if not line:
            continue
        if line.startswith("|"):
            cells = line.strip("| ").split(" | ")
            out.extend(cell.strip().replace("\\|", "|") for cell in cells if cell.strip())
        else:
            out.append(_LIST_MARK.sub("", line) if line.startswith("- ") else line)
    return out


def extract_main(page: HtmlPage, *, focus: str = "balanced", comments: bool = True) -> MainText | None:
    """Ask trafilatura for the page's main text, comments and metadata, on the tree already
    parsed (trafilatura copies it, and does not parse the page again). ``focus`` is
    ``"balanced"``, ``"precision"`` or ``"recall"``; None when trafilatura finds nothing.
    """
    import trafilatura

    # The metadata comes from the page's head (:func:`_head_meta`, read with the tree): asking
    # trafilatura for it too would cost a sixth of the whole HTML path. ``fast`` skips its
    # readability/jusText second opinion: the stages after this one cover what it would add
    # (measured: the same body F1 on ScrapingHub, fewer must-not snippets on the trafilatura
    # benchmark), at a sixth of trafilatura's time.
    result = trafilatura.bare_extraction(
        page.root, url=page.url, include_comments=comments, with_metadata=False, fast=True,
        favor_precision=focus == "precision", favor_recall=focus == "recall",
    )
    if result is None:
        return None
    data: dict[str, Any] = result if isinstance(result, dict) else result.as_dict()
    return MainText(
        lines=_text_lines(data.get("text")), comments=_text_lines(data.get("comments")),
        title=page.meta_title, description=page.meta_description,
    )


def match_lines(keys: list[str], wanted: list[str], *, short: int = 25, ahead: int = 3) -> set[int]:
    """Indices of ``keys`` (line keys, in page order) that ``wanted`` (another extraction's
    lines, in order) covers.

    The two are aligned with a cursor in the extraction's text. A long line is covered when it
    occurs after the cursor (or anywhere, when the extraction moved it). A short line (fewer
    than ``short`` characters) only where the cursor stands, or as one of the ``ahead`` next
    lines: "Home", "Share" or a name occur by chance further on.

    >>> keys = ["kyle busch", "a long first paragraph here", "share", "and the second one", "kyle busch"]
    >>> sorted(match_lines(keys, ["a long first paragraph here", "and the second one", "kyle busch"]))
    [1, 3, 4]
    """
    if not wanted:
        return set()
    lines = [key(w) for w in wanted]
    starts: list[int] = []
    offset = 0
    for line in lines:
        starts.append(offset)
        offset += len(line) + 1
    # One string, lines joined by spaces: trafilatura keeps a paragraph's source line breaks,
    # so one line of ours may span several of its lines (and a row of cells, several of ours).
    flat = " ".join(lines)
    covered: set[int] = set()
    cursor = 0
    for i, k in enumerate(keys):
        if not k:
            continue
        if k[0] in "-*•" and k[1:2] == " ":
            k = k[2:]  # a bullet written in the text; the extraction's own markers are gone
        if len(k) >= short:
            pos = flat.find(k, cursor)
            if pos >= 0:
                covered.add(i)
                cursor = pos + len(k)
            elif k in flat:  # out of order (the extraction moved it): covered, the cursor stays
                covered.add(i)
            continue
        while cursor < len(flat) and flat[cursor] == " ":
            cursor += 1
        end = cursor + len(k)
        if covered and flat.startswith(k, cursor) and (end >= len(flat) or flat[end] == " "
                                                       or not k[-1].isalnum()):
            covered.add(i)
            cursor = end
            continue
        # Before anything matched, only the extraction's first line: menus come first.
        j = bisect.bisect_left(starts, cursor)
        for n in range(j, min(j + (ahead if covered else 1), len(lines))):
            if lines[n] == k:
                covered.add(i)
                cursor = starts[n] + len(k)
                break
    return covered
