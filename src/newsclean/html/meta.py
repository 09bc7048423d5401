"""What the page says of itself in its head: meta tags, ``<title>``, JSON-LD and ``<html lang>``."""

from __future__ import annotations

import json
from typing import Any

from lxml import etree

from newsclean.dates import parse_iso_datetime
from newsclean.html.page import HeadMeta

_META_DATE_NAMES = frozenset({
    "article:published_time", "og:published_time", "datepublished", "pubdate", "publishdate",
    "publish-date", "publish_date", "date", "dc.date.issued", "dc.date", "dcterms.created",
    "sailthru.date", "parsely-pub-date", "article.published", "published_time", "publication_date",
})


_META_TITLE_NAMES = ("og:title", "twitter:title", "headline", "title", "dc.title")
_META_DESCRIPTION_NAMES = ("og:description", "description", "twitter:description", "dc.description")
_JSON_LD_TYPES = ("article", "newsarticle", "blogposting", "reportage", "report", "webpage", "review",
                  "analysisnewsarticle", "opinionnewsarticle", "liveblogposting", "creativework")


def head_meta(root: Any) -> HeadMeta:
    """Read the page's own title, description and publication date, in one pass over the
    head's meta tags and the JSON-LD blocks (trafilatura's metadata search does far more, at
    about a sixth of the time of the whole HTML path, for fields newsclean does not return).

    >>> from newsclean.html.parse import parse_html
    >>> meta = head_meta(parse_html(
    ...     '<html><head><title>Storm | Daily</title><meta property="og:title" content="Storm hits">'
    ...     '<meta name="description" content="Winds of 120 km/h.">'
    ...     '<meta property="article:published_time" content="2024-03-17T08:00:00Z"></head>'
    ...     '<body><p>Text.</p></body></html>'))
    >>> meta.title, meta.description, meta.published.date().isoformat()
    ('Storm hits', 'Winds of 120 km/h.', '2024-03-17')
    >>> head_meta(parse_html('<html><head><meta property="og:type" content="product"><script '
    ...     'type="application/ld+json">{"@type": ["Product", "Thing"]}</script></head>'
    ...     '<body itemscope itemtype="https://schema.org/WebPage"></body></html>')).types
    ['og:product', 'product', 'thing', 'webpage']
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
    og_type = named.get("og:type")
    if og_type:
        meta.types.append("og:" + og_type.lower())
    for item in _json_ld(root):
        kind = item.get("@type")
        kinds = [k.lower() for k in (kind if isinstance(kind, list) else [kind]) if isinstance(k, str)]
        meta.types.extend(kinds)
        if not any(k in _JSON_LD_TYPES for k in kinds):
            continue
        for field_name in ("headline", "description"):
            value = item.get(field_name)
            if isinstance(value, str) and value.strip():
                named.setdefault(f"ld:{field_name}", " ".join(value.split()))
        if meta.published is None and isinstance(item.get("datePublished"), str):
            meta.published = parse_iso_datetime(item["datePublished"])
    # Microdata says it too: itemtype="https://schema.org/Product".
    for value in _ITEMTYPES(root)[:50]:
        meta.types.extend(t.rstrip("/").rsplit("/", 1)[-1].lower() for t in str(value).split())
    meta.title = _first(named, (*_META_TITLE_NAMES, "ld:headline", "<title>"))
    meta.description = _first(named, (*_META_DESCRIPTION_NAMES, "ld:description"))
    return meta


_ITEMTYPES = etree.XPath("//@itemtype")


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


def page_lang(root: Any) -> str | None:
    value = (root.get("lang") or root.get("xml:lang") or "").strip().lower()
    primary = value.replace("_", "-").split("-")[0]
    return primary if 2 <= len(primary) <= 3 and primary.isalpha() else None
