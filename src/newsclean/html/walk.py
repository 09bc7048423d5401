"""One pass over the tree: the page's lines, one per block, and the elements worth remembering."""

from __future__ import annotations

import itertools
import re
from typing import Any

from lxml import etree

from newsclean.html.context import element_bits
from newsclean.html.page import Span
from newsclean.html.parse import BLOCK_TAGS, SKIP_TAGS, parse_html, stream_lines

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
COMMENT_ID = re.compile(r"^(?:li-|div-|dsq-|article-)?comment-?\d+$")
COMMENT_AREA = re.compile(r"comment|disqus|discussion|respons|reactions|reviews")
# Widgets named after comments: "add-comment", "post-comment", "comment-form", "no-comment"...
_NOT_A_COMMENT = re.compile(r"form|respond|reply|count|button|link|icon|nav|share|policy|rules|closed|meta|"
                            r"author|date|content|text|body|header|footer|avatar|^(?:add|post|new|write|"
                            r"leave|load|more|show|view|open|toggle|no|submit|edit|cancel|close|report|like|"
                            r"has|with|fb|facebook|disqus|go|to|jump|scroll)-")
ITEM_TAGS = frozenset({"li", "article", "div", "dd", "dt", "section", "tr", "blockquote"})
# The tags inside a comment item that carry one of its parts (see comments._part_role).
PART_TAGS = {"cite": "comment-author", "time": "comment-date", "h3": "comment-title", "h4": "comment-title",
              "h5": "comment-title", "footer": "comment-widget", "header": "comment-widget",
              "button": "comment-widget", "form": "comment-widget", "b": "", "strong": ""}
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
    if tag not in ITEM_TAGS:
        return False
    if ident and COMMENT_ID.match(ident):
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


def element_text(el: Any) -> str:
    return " ".join(el.text_content().split())


# --- the walk -----------------------------------------------------------------------------------


class Walk:
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
        # Where each line stands (see newsclean.html.context): the bits of every element around
        # it, of its three nearest elements, how deep it lies, and how many of its characters
        # are a link's.
        self.around: list[int] = []
        self.near: list[int] = []
        self.depth: list[int] = []
        self.link_chars: list[int] = []
        self.chars: list[int] = []
        self._own: list[int] = [0]  # the bits of each open element, the body's first
        self._around: list[int] = [0]  # the union of the open elements' bits
        self._links = 0  # characters of link text waiting in the buffer

    def flush(self) -> None:
        if not self.buf:
            return
        raw = "".join(self.buf)
        text = raw.replace("\u00ad", "") if "\u00ad" in raw else raw  # soft hyphens split words
        text = " ".join(text.split())
        if text:
            self.lines.append(text)
            self.line_blocks.append(self.blocks[-1])
            own = self._own
            self.around.append(self._around[-1])
            self.near.append(own[-1] | own[-2] | own[-3] if len(own) > 2 else own[-1] | own[0])
            self.depth.append(len(own))
            self.link_chars.append(min(self._links, len(raw)))
            self.chars.append(len(raw))
        self._links = 0
        self.buf.clear()

    def pending(self) -> int:
        """1 when text waits in the buffer (an inline element's line is the next one), else 0."""
        return 1 if any(s.strip() for s in self.buf) else 0

    def run(self, body: Any) -> None:
        lines, buf, spans = self.lines, self.buf, self.spans
        own, around = self._own, self._around
        starts: dict[Any, int] = {}
        skipped: set[Any] = set()
        in_item = in_area = in_link = 0
        self.blocks.append(body)
        # iterwalk steps through the tree in C, without recursion, whatever its depth.
        walker = etree.iterwalk(body, events=("start", "end"))
        for event, el in walker:
            tag = el.tag
            if event == "end":
                if el in skipped:
                    skipped.discard(el)
                else:
                    if tag in BLOCK_TAGS:
                        self.flush()
                        self.blocks.pop()
                        if el in starts:
                            spans[el] = (starts.pop(el), len(lines))
                    elif el in starts:
                        spans[el] = (starts.pop(el), len(lines) + self.pending())
                    if el is not body:
                        own.pop()
                        around.pop()
                        if tag == "a":
                            in_link -= 1
                if el in self.item_set:
                    in_item -= 1
                elif el in self.area_set:
                    in_area -= 1
                if el.tail:
                    buf.append(el.tail)
                    if in_link:
                        self._links += len(el.tail)
                continue
            attrib = el.attrib
            if (not isinstance(tag, str) or (tag in SKIP_TAGS and not _page_in_noscript(el, tag))
                    or (attrib and ("hidden" in attrib or _hidden_style(attrib.get("style"))))):
                walker.skip_subtree()
                skipped.add(el)
                continue
            if tag in BLOCK_TAGS:
                self.flush()
                self.blocks.append(el)
            if el is not body:
                bits = element_bits(tag, attrib.get("class"), attrib.get("id")) if attrib else element_bits(
                    tag, None, None)
                own.append(bits)
                around.append(around[-1] | bits)
                if tag == "a":
                    in_link += 1
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
                if in_link:
                    self._links += len(el.text)
        self.flush()

    def _watch(self, el: Any, tag: str, attrib: Any, in_item: int) -> bool:
        """File ``el`` under what it is; True when its lines are worth remembering."""
        if in_item and (tag in PART_TAGS or tag in _WATCH_TAGS):
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
        elif COMMENT_AREA.search(ident) or any(COMMENT_AREA.search(t) for t in tokens):
            self.areas.append(el)
            self.area_set.add(el)
        else:
            return False
        return True

    def found(self, elements: list[Any]) -> list[Span]:
        """The spans of those of ``elements`` that hold text."""
        spans = self.spans
        return [spans[el] for el in elements if el in spans and spans[el][1] > spans[el][0]]


def walk_tree(root: Any) -> Walk:
    walk = Walk()
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
    return walk_tree(root).lines
