"""HTML input: the page flattened to one line per block, then the same text stages.

Parsing never resolves external entities nor fetches anything (lxml with ``resolve_entities``,
``no_network`` and ``huge_tree`` off).
"""

from __future__ import annotations

import lxml.html
from lxml import etree

from newsclean.document import Document

_BLOCK = frozenset("""address article aside blockquote br caption dd details dialog div dl dt fieldset
figcaption figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr li main nav ol p pre section summary
table tbody td tfoot th thead tr ul option button label legend select textarea""".split())
_SKIP = frozenset("""script style noscript template svg head title meta link iframe object embed canvas
map audio video source picture""".split())

_PARSER = lxml.html.HTMLParser(no_network=True, huge_tree=False,
                               remove_comments=True, remove_pis=True)


def flatten(html: str) -> list[str]:
    """Text lines of an HTML page: block elements end a line, inline ones run together."""
    try:
        root = lxml.html.fromstring(html, parser=_PARSER)
    except (etree.ParserError, ValueError):
        return html.splitlines()
    body = root.find(".//body")
    if body is None:
        body = root
    lines: list[str] = []
    buf: list[str] = []

    def flush() -> None:
        text = " ".join("".join(buf).split())
        if text:
            lines.append(text)
        buf.clear()

    # Iterative walk: pages nest deeper than Python's recursion limit.
    stack: list[tuple[etree._Element, bool]] = [(body, False)]
    while stack:
        el, closing = stack.pop()
        tag = el.tag.lower() if isinstance(el.tag, str) else ""
        if closing:
            if tag in _BLOCK:
                flush()
            if el.tail:
                buf.append(el.tail)
            continue
        if not tag or tag in _SKIP or el.get("hidden") is not None \
                or "display:none" in (el.get("style") or "").replace(" ", "").lower():
            if el.tail:
                buf.append(el.tail)
            continue
        if tag in _BLOCK:
            flush()
        if el.text:
            buf.append(el.text)
        stack.append((el, True))
        stack.extend((child, False) for child in reversed(el))
    flush()
    return lines


def html_to_document(html: str, *, lang: str | None = None) -> Document:
    return Document(flatten(html), lang=lang)
