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

from newsclean.document import Document
from newsclean.html.comments import date_of, find_comments
from newsclean.html.main_text import MainText, extract_main, match_lines
from newsclean.html.meta import head_meta, page_lang
from newsclean.html.page import Heading, HeadMeta, HtmlComment, HtmlPage, Span
from newsclean.html.parse import parse_html, stream_lines
from newsclean.html.walk import element_text, flatten, walk_tree

__all__ = [
    "HeadMeta", "Heading", "HtmlComment", "HtmlPage", "MainText", "Span", "extract_main", "flatten",
    "html_to_document", "match_lines", "parse_html", "stream_lines",
]


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
    walk = walk_tree(root)
    page = HtmlPage(root=root, url=url, lang=page_lang(root), blocks=walk.line_blocks, around=walk.around,
                    near=walk.near, depth=walk.depth, chars=walk.chars, link_chars=walk.link_chars)
    doc = Document(walk.lines, lang=lang or page.lang)
    for el in walk.headings:
        span = walk.spans.get(el)
        if span and span[1] > span[0]:
            page.headings.append(Heading(el.tag, element_text(el), span))
    page.decks = walk.found(walk.decks)
    page.leads = walk.found(walk.leads)
    page.captions = walk.found(walk.captions)
    page.comment_areas = walk.found(walk.areas)
    page.hidden = walk.found(walk.hidden)
    page.boxes = walk.found(walk.boxes)
    page.entity_text = walk.found(walk.entity_text)
    for el in walk.times:
        found = date_of(el)
        if found is not None and el in walk.spans:
            page.times.append((walk.spans[el][0], found))
        elif found is None and el.tag == "time" and el in walk.spans:
            page.durations.append(walk.spans[el])
    page.head = head_meta(root)
    page.comments = find_comments(walk)
    doc.meta["html"] = page
    return doc

