"""Parsing a page safely: lxml's HTML parser without network, DTD or entity expansion, and a
tag-by-tag reader for pages past libxml2's limits."""

from __future__ import annotations

import re
import threading
from html.parser import HTMLParser
from typing import Any

import lxml.html
from lxml import etree

BLOCK_TAGS = frozenset("""address article aside blockquote br caption dd details dialog div dl dt fieldset
figcaption figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr li main nav ol p pre section summary
table tbody td tfoot th thead tr ul option button label legend select textarea""".split())
# Never shown as text (rt/rp: ruby pronunciation guides over the characters they annotate).
SKIP_TAGS = frozenset("""script style noscript template svg head title meta link iframe object embed canvas
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
        if tag in SKIP_TAGS and tag not in self._VOID:
            self.skip += 1
        elif tag in BLOCK_TAGS:
            self.flush()

    def handle_endtag(self, tag: str) -> None:
        if tag in SKIP_TAGS and tag not in self._VOID:
            self.skip = max(0, self.skip - 1)
        elif tag in BLOCK_TAGS:
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
