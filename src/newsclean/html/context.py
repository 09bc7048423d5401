"""Where a line stands in the page: the elements around it, as bits a model can read.

Each element the walk enters gets the bits of what it is (``nav``, ``footer``, ``li``...) and of
the words of its class and id names (``sidebar``, ``related``, ``comment``, ``content``...). A
line carries the union of its ancestors' bits (*around*: it stands somewhere inside a
``footer``) and of its three nearest elements' bits (*near*: its own box is named
``related-posts``). The words are grouped by what they usually name, in every site's
vocabulary; no group is a site's.

>>> bits = element_bits("aside", "widget related-posts", "")
>>> [name for name, bit in CONTEXT_BITS.items() if bits & bit]
['tag:aside', 'name:sidebar', 'name:related']
"""

from __future__ import annotations

import re

__all__ = ["CONTEXT_BITS", "GROUPS", "STRUCTURE_TAGS", "element_bits"]

#: Elements whose presence around a line says something about it.
STRUCTURE_TAGS: tuple[str, ...] = (
    "nav", "header", "footer", "aside", "form", "article", "main", "table", "ul", "ol", "li", "figure",
    "blockquote", "h1", "h2", "h3", "h4", "h5", "h6", "p", "td", "th", "dd", "dt", "pre", "button",
    "label", "section", "a", "summary", "details", "address", "code", "select", "option",
)
#: Words of class and id names, grouped by what they name. A name is split at every non-letter
#: ("post-content__body" -> post, content, body) and each word looked up whole.
GROUPS: dict[str, tuple[str, ...]] = {
    "nav": ("nav", "menu", "breadcrumb", "breadcrumbs", "pagination", "pager", "toolbar", "topbar", "navbar",
            "navigation", "menubar", "submenu", "dropdown"),
    "footer": ("footer", "copyright", "bottom", "colophon"),
    "header": ("header", "masthead", "banner", "topnav"),
    "sidebar": ("sidebar", "side", "widget", "widgets", "aside", "rail", "secondary"),
    "related": ("related", "recommend", "recommended", "popular", "trending", "more", "next", "prev",
                "previous", "also", "latest", "recent"),
    "share": ("share", "social", "follow", "sharing", "sharebar"),
    "comment": ("comment", "comments", "disqus", "reply", "replies", "respond", "discussion"),
    "ad": ("ad", "ads", "advert", "advertisement", "sponsor", "sponsored", "promo", "dfp", "gpt"),
    "meta": ("meta", "byline", "author", "date", "time", "tags", "tag", "category", "categories", "posted",
             "dateline"),
    "content": ("content", "article", "post", "entry", "body", "text", "story", "main", "blog", "single",
                "page"),
    "product": ("product", "description", "price", "detail", "details", "spec", "specs", "specifications",
                "cart", "buy"),
    "thread": ("thread", "message", "messages", "forum", "topic", "question", "answer", "answers",
               "postbody"),
    "modal": ("cookie", "consent", "gdpr", "modal", "popup", "newsletter", "subscribe", "signup", "login",
              "signin", "register"),
    "hidden": ("hidden", "sr", "screen", "reader", "visually", "only"),
    "title": ("title", "headline", "heading"),
    "card": ("card", "cards", "grid", "tile", "tiles", "item", "items", "list", "teaser"),
}
#: One bit per structural tag (``tag:nav``), then one per group of names (``name:nav``).
CONTEXT_BITS: dict[str, int] = {
    name: 1 << i
    for i, name in enumerate((*(f"tag:{t}" for t in STRUCTURE_TAGS), *(f"name:{g}" for g in GROUPS)))
}
_TAG_BIT = {tag: CONTEXT_BITS[f"tag:{tag}"] for tag in STRUCTURE_TAGS}
_WORD_BITS: dict[str, int] = {}
for _group, _words in GROUPS.items():
    for _word in _words:
        _WORD_BITS[_word] = _WORD_BITS.get(_word, 0) | CONTEXT_BITS[f"name:{_group}"]
_WORD = re.compile(r"[a-z]+")
# Class and id strings repeat across a page (every item of a list carries the same): each is
# split once.
_NAMED: dict[str, int] = {}
_NAMED_LIMIT = 50_000


def element_bits(tag: str, cls: str | None, ident: str | None) -> int:
    """The bits of one element: its tag's, and its class and id words' groups."""
    bits = _TAG_BIT.get(tag, 0)
    if not cls and not ident:
        return bits
    names = f"{cls or ''} {ident or ''}"
    found = _NAMED.get(names)
    if found is None:
        found = 0
        for word in _WORD.findall(names.lower()):
            found |= _WORD_BITS.get(word, 0)
        if len(_NAMED) > _NAMED_LIMIT:
            _NAMED.clear()
        _NAMED[names] = found
    return bits | found
