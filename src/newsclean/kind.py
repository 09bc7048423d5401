"""What kind of page this is: an article, a discussion, a listing, a product, documentation or other.

A page's kind decides what its content is: an article's paragraphs, a thread's posts, a
listing's items, a product's description and specifications. It is read from measures of the
whole page (:func:`page_measures`): how long its lines are and how many end a sentence, how
many hold prices, dates, code or a forum's words, and, for HTML, what the page says it is
(schema.org and Open Graph types) and which elements it is built of. A small model of
symmetric trees (:mod:`newsclean.trees`), trained on the WCXB pages' types with sites kept
apart (``benchmarks/train_models.py``), turns them into a probability for each of WCXB's seven
types; :data:`KIND_OF_TYPE` folds those into the six kinds an :class:`~newsclean.Article` reports.

>>> from newsclean.document import Document
>>> doc = Document.from_text("\\n".join(["Buy now", "$19.99", "Add to cart", "In stock",
...                                      "A soft cotton shirt for every day."]))
>>> [name for name, _ in zip(PAGE_MEASURES, page_measures(doc)) if name.startswith("price")]
['price_rate']
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from statistics import median
from typing import Any, Literal

import numpy as np

from newsclean.document import Document
from newsclean.normalize import TERMINAL_PUNCTUATION
from newsclean.trees import FloatArray, Forest, load_forest, softmax

__all__ = ["HTML_MEASURES", "KINDS", "KIND_OF_TYPE", "LEARNED_CHARS", "LEARNED_LINES", "PAGE_MEASURES",
           "TYPES", "Kind", "decide_kind", "kind_vector", "learned_size", "page_measures"]

Kind = Literal["article", "discussion", "listing", "product", "documentation", "other"]
KINDS: tuple[Kind, ...] = ("article", "discussion", "listing", "product", "documentation", "other")
#: The page types the model was trained on (WCXB's), in the order of its outputs.
TYPES: tuple[str, ...] = ("article", "service", "forum", "listing", "product", "documentation", "collection")
KIND_OF_TYPE: dict[str, Kind] = {
    "article": "article", "forum": "discussion", "listing": "listing", "collection": "listing",
    "product": "product", "documentation": "documentation", "service": "other",
}

# Figures a page of each kind is full of. Prices and dates are written alike in most languages;
# the words are the conventions of the software such pages run on (forums, shops), in the
# languages most pages are in.
# They are matched against the page's text in lower case (cheaper than a case-blind pattern).
_PRICE = re.compile(r"[$€£¥₹]\s?\d|\d(?:[.,]\d\d)?\s?(?:€|£|\$|usd|eur|gbp|sar|aed|egp|ر\.س|درهم|جنيه)(?!\w)")
_DATE = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)|(?<!\d)\d{1,2}:\d\d(?!\d)|\bago\b|منذ")
_FORUM = re.compile(r"\b(?:reply|replies|quote|posted|joined|posts|thread|members?|views|likes?|report|"
                    r"antworten|beiträge|réponses|respuestas|risposte)\b|رد|مشاركات")
_SHOP = re.compile(r"add to (?:cart|bag|basket)|buy now|in stock|out of stock|free shipping|\bsku\b|"
                   r"in den warenkorb|ajouter au panier|añadir al carrito|أضف إلى السلة")
_CODE = re.compile(r"[{}();=<>]|\b(?:def|function|return|import|class|const|var|npm|pip)\b")
_DIGIT = re.compile(r"\d")

#: The measures of any page, text or HTML, in order.
PAGE_MEASURES: tuple[str, ...] = (
    "log_lines", "log_words", "mean_words", "median_words", "terminal_share", "long_share", "short_share",
    "price_rate", "date_rate", "forum_rate", "code_rate", "shop_rate", "unique_share", "digit_share",
    "question_share", "title_share",
)
# What a page may say it is (schema.org, Open Graph), by the kind it points to.
_TYPE_WORDS: dict[str, frozenset[str]] = {
    "says_article": frozenset({"article", "newsarticle", "blogposting", "reportage", "og:article",
                               "analysisnewsarticle", "opinionnewsarticle", "liveblogposting", "review"}),
    "says_product": frozenset({"product", "offer", "aggregateoffer", "og:product", "productgroup",
                               "aggregaterating", "og:product.item"}),
    "says_discussion": frozenset({"discussionforumposting", "qapage", "question", "answer", "comment",
                                  "socialmediaposting", "conversation"}),
    "says_listing": frozenset({"itemlist", "collectionpage", "searchresultspage", "listitem",
                               "offercatalog"}),
    "says_documentation": frozenset({"techarticle", "apireference", "softwaresourcecode", "howto"}),
    "says_other": frozenset({"organization", "localbusiness", "service", "faqpage", "softwareapplication",
                             "og:website", "corporation", "contactpage", "aboutpage"}),
}
_SHARE_TAGS: tuple[str, ...] = ("li", "td", "pre", "h2", "h3", "p", "dt", "button", "article", "a")
#: The measures only an HTML page has, after :data:`PAGE_MEASURES`.
HTML_MEASURES: tuple[str, ...] = (
    *_TYPE_WORDS, *(f"{t}_share" for t in _SHARE_TAGS), "link_share", "comments_found", "forms",
)


def page_measures(doc: Document) -> list[float]:
    """The :data:`PAGE_MEASURES` of a page, and for an HTML page the :data:`HTML_MEASURES` after them."""
    texts = [line.text for line in doc.lines if line.label != "blank"]
    n = len(texts) or 1
    words = [line.words for line in doc.lines if line.label != "blank"] or [0]
    joined = "\n".join(texts)
    lower = joined.lower()
    chars = len(joined) or 1
    terminal = long_ = short = question = title = digits = 0
    for text, count in zip(texts, words, strict=False):
        end = text.rstrip()[-1:]
        terminal += end in TERMINAL_PUNCTUATION
        question += end in "?؟"
        long_ += count >= 20
        short += count <= 3
        title += text.istitle()
        digits += _DIGIT.search(text) is not None
    out = [
        math.log1p(len(texts)), math.log1p(sum(words)), sum(words) / n, float(median(words)),
        terminal / n, long_ / n, short / n,
        len(_PRICE.findall(lower)) / n, len(_DATE.findall(lower)) / n, len(_FORUM.findall(lower)) / n,
        100.0 * len(_CODE.findall(joined)) / chars, len(_SHOP.findall(lower)) / n, len(set(texts)) / n,
        digits / n, question / n, title / n,
    ]
    page: Any = doc.meta.get("html")
    if page is not None:
        out.extend(_html_measures(page, n))
    return out


def _html_measures(page: Any, n: int) -> list[float]:
    said = set(page.head.types)
    out = [float(bool(said & words)) for words in _TYPE_WORDS.values()]
    tags = [block.tag for block in page.blocks]
    out.extend(sum(1 for t in tags if t == tag) / n for tag in _SHARE_TAGS)
    chars = sum(page.chars) or 1
    out.append(sum(page.link_chars) / chars)
    out.append(math.log1p(len(page.comments)))
    out.append(math.log1p(sum(1 for _ in page.root.iter("form"))))
    return out


#: The fewest and the most lines (not counting blank ones) of a page that the learned models
#: decide on. A twentieth of the pages they were trained on (WCXB's and ScrapingHub's) have fewer
#: than 40, and none more than 2,641: a text of a few paragraphs (an article's body cleaned again,
#: a snippet) or a dump of a million lines is outside what they learned, and the stages fall back
#: to their hand-set rules and the small linear model there.
LEARNED_LINES = (40, 3000)
#: The most characters of a page that the learned models decide on: the largest training page's
#: text has 108,593; a page of megabytes (a dump, a hostile input) goes the hand-set way, whose
#: passes are built for any size.
LEARNED_CHARS = 500_000


def learned_size(doc: Document) -> bool:
    """True when the page's size is within :data:`LEARNED_LINES` and :data:`LEARNED_CHARS`.

    >>> learned_size(Document.from_text("Storm hits coast\\nThe storm reached the coast."))
    False
    """
    return doc.derived("learned_size", lambda: _learned_size(doc))


def _learned_size(doc: Document) -> bool:
    # Blank lines are labelled when the document is built and never relabelled: asked once.
    if len(doc.text) > LEARNED_CHARS:
        return False
    fewest, most = LEARNED_LINES
    blank = doc.blank_kinds()
    seen = 0
    for kind in doc.verdict_ids:
        if kind not in blank:
            seen += 1
            if seen > most:
                return False
    return seen >= fewest


def decide_kind(doc: Document, *, model: Forest | None = None) -> tuple[Kind, dict[str, float]]:
    """The page's kind, and the probability of each of :data:`TYPES` (WCXB's page types).

    ``model`` defaults to the packaged one for the document's input (``kind_html`` or
    ``kind_text``).
    """
    if model is None:
        model = load_forest("kind_html" if doc.meta.get("html") is not None else "kind_text")
    x = np.asarray([page_measures(doc)], dtype=float)
    p: FloatArray = softmax(model.raw(x))[0]
    scores = dict(zip(TYPES, map(float, p), strict=True))
    kinds: dict[Kind, float] = {}
    for name, value in scores.items():
        kinds[KIND_OF_TYPE[name]] = kinds.get(KIND_OF_TYPE[name], 0.0) + value
    return max(kinds, key=kinds.__getitem__), scores


def kind_vector(scores: dict[str, float] | None) -> Sequence[float]:
    """The type probabilities in :data:`TYPES` order (zeros when none were decided)."""
    return [scores.get(t, 0.0) for t in TYPES] if scores else [0.0] * len(TYPES)
