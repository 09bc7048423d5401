"""One output record per page: the article's parts flattened for JSON lines and Parquet.

A record holds the page's ``id`` and ``url``, the parts of its :class:`~newsclean.Article`
(taken from ``Article.to_dict()``, so a record says exactly what ``clean_article`` returns), the
body as one ``text``, how many lines ended in each label and for each reason, and ``error``:
``None``, or why the page could not be cleaned (then every part is empty). ``lines=True`` adds
the per-line trail. docs/batch.md documents each field.

>>> from newsclean import clean_article
>>> article = clean_article("Storm hits coast\\nFollow us on Telegram\\n"
...                         "The storm reached the coast on Monday, officials said.")
>>> record = article_record("p1", "https://example.com/storm", article)
>>> record["headline"], record["promos"], record["labels"]
('Storm hits coast', ['Follow us on Telegram'], {'headline': 1, 'promo': 1, 'body': 1})
>>> failed_record("p2", None, "InputTooLarge: too long")["error"]
'InputTooLarge: too long'
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from newsclean.article import Article

#: The record's fields in order, each with its JSON type (docs/batch.md explains them).
FIELDS: tuple[tuple[str, str], ...] = (
    ("id", "string"),
    ("url", "string or null"),
    ("kind", "string or null"),
    ("lang", "string or null"),
    ("headline", "string or null"),
    ("subheadlines", "list of strings"),
    ("byline", "string or null"),
    ("dateline", "object {text, place, agency, date} or null"),
    ("published", "ISO date or date-time, or null"),
    ("text", "string: the body, paragraphs joined by a newline"),
    ("captions", "list of strings"),
    ("promos", "list of strings"),
    ("comments", "list of objects {author, title, text, date}"),
    ("labels", "object: label -> number of lines"),
    ("reasons", "object: reason code -> number of lines"),
    ("error", "string or null"),
)
#: Added by ``lines=True``: one object per input line.
LINES_FIELD = ("lines", "list of objects {index, text, label, stage, reason, detail}")


def article_record(page_id: str, url: str | None, article: Article, *, lines: bool = False) -> dict[str, Any]:
    """The record of a cleaned page."""
    parts = article.to_dict()
    labels: Counter[str] = Counter()
    reasons: Counter[str] = Counter()
    for line in article.lines:
        labels[line.label] += 1
        reasons[line.reason] += 1
    record: dict[str, Any] = {
        "id": page_id,
        "url": url,
        # The page's kind comes with the region rewrite; until then a record says it is unknown.
        "kind": getattr(article, "kind", None),
        "lang": parts["lang"],
        "headline": parts["headline"],
        "subheadlines": parts["subheadlines"],
        "byline": parts["byline"],
        "dateline": parts["dateline"],
        "published": parts["published"],
        "text": article.text,
        "captions": parts["captions"],
        "promos": parts["promos"],
        "comments": parts["comments"],
        "labels": dict(labels),
        "reasons": dict(reasons),
        "error": None,
    }
    if lines:
        record["lines"] = parts["lines"]
    return record


def failed_record(page_id: str, url: str | None, error: str, *, lines: bool = False) -> dict[str, Any]:
    """The record of a page that could not be read or cleaned: the same fields, empty, and ``error``."""
    record: dict[str, Any] = {
        "id": page_id, "url": url, "kind": None, "lang": None, "headline": None, "subheadlines": [],
        "byline": None, "dateline": None, "published": None, "text": "", "captions": [], "promos": [],
        "comments": [], "labels": {}, "reasons": {}, "error": error,
    }
    if lines:
        record["lines"] = []
    return record
