"""Which lines of an HTML page are its content: a learned answer from every opinion at hand.

No one signal finds the content of every page: trafilatura's main text latches onto a small box
on some pages, a page's class names lie on others, and a listing's content looks like a menu.
So each line is described by all of them (:data:`HTML_LINE_FEATURES`) — its own shape (the
text measures of :func:`newsclean.model.measure`), where it stands in the DOM
(:mod:`newsclean.html.context`: the elements around it, its link text), whether trafilatura's
main text or its comments hold it, what the DOM reader found it to be (a caption, a deck, a
comment, a box of related links), the same of its neighbours, and the page's kind — and a model
of symmetric trees trained on WCXB's and ScrapingHub's pages with sites kept apart
(``benchmarks/train_models.py``) gives the probability that the line is content.

:func:`choose` then takes the lines that maximise the page's expected F1 rather than those
above a fixed threshold: on a page where every line is doubtful it keeps the likeliest ones,
on a clear page it keeps the clear ones.

>>> import numpy as np
>>> sorted(choose(np.array([0.9, 0.8, 0.2, 0.05]), np.array([10, 10, 10, 10])))
[0, 1]
"""

from __future__ import annotations

import math
from collections.abc import Collection, Sequence
from typing import Any

import numpy as np

from newsclean.columns import features, shifted
from newsclean.document import Document
from newsclean.html.context import CONTEXT_BITS, GROUPS
from newsclean.html.page import HtmlPage, Span
from newsclean.model import LINE_FEATURES
from newsclean.trees import FloatArray

__all__ = ["BLOCK_TAGS", "HTML_LINE_FEATURES", "choose", "line_matrix"]

#: The innermost block a line stands in, one column each ("other" for the rest).
BLOCK_TAGS: tuple[str, ...] = ("p", "li", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6", "div", "dd", "dt",
                               "blockquote", "pre", "figcaption", "section", "article", "body", "other")
_NEAR_GROUPS = tuple(f"name:{g}" for g in GROUPS)
_FLAGS: tuple[str, ...] = ("deck", "lead", "caption", "comment_area", "hidden", "box", "entity_text", "h1",
                           "dom_comment", "time")
_CONTEXT = ("log_words", "terminal", "stop_density", "symbol_ratio", "main", "link_share")
_OFFSETS = (-2, -1, 1, 2)
_WINDOW = 5
#: The model's inputs, in order.
HTML_LINE_FEATURES: tuple[str, ...] = (
    *LINE_FEATURES, "main", "main_comment", "position", "main_before", "log_depth", "link_share",
    *(f"around:{name}" for name in CONTEXT_BITS), *(f"near:{name}" for name in _NEAR_GROUPS),
    *(f"block:{tag}" for tag in BLOCK_TAGS), *(f"is:{flag}" for flag in _FLAGS),
    *(f"{'prev' if k < 0 else 'next'}{abs(k)}:{name}" for k in _OFFSETS for name in _CONTEXT),
    "main_nearby", "page_main_words", "page_main_lines", "page_log_lines", "page_log_words",
)
_TEXT_COLUMNS = len(LINE_FEATURES)
_LOG_WORDS = LINE_FEATURES.index("log_words")
_BITS = np.array(list(CONTEXT_BITS.values()), dtype=np.int64)
_NEAR_BITS = np.array([CONTEXT_BITS[name] for name in _NEAR_GROUPS], dtype=np.int64)
_BLOCK_INDEX = {tag: i for i, tag in enumerate(BLOCK_TAGS)}


def _spans(spans: Sequence[Span], n: int) -> FloatArray:
    out = np.zeros(n)
    for a, b in spans:
        out[a:b] = 1.0
    return out


def line_matrix(doc: Document, page: HtmlPage, main: Collection[int], main_comments: Collection[int],
                kind: Sequence[float] = ()) -> FloatArray:
    """The :data:`HTML_LINE_FEATURES` of every line of ``doc`` (one row a line), with ``kind``
    (the page-type probabilities of :func:`newsclean.kind.decide_kind`) appended."""
    lines = doc.lines
    n = len(lines)
    rows = features(doc).every_line()  # the lines' own measures, shared with the text stages
    words = np.array([line.words if line.label != "blank" else 0 for line in lines], dtype=float)
    in_main = np.zeros(n)
    in_main[list(main)] = 1.0
    in_comments = np.zeros(n)
    in_comments[list(main_comments)] = 1.0
    main_words = words * in_main
    total_main = main_words.sum()
    before = np.cumsum(main_words) / total_main if total_main else np.zeros(n)
    around = np.asarray(page.around, dtype=np.int64)
    near = np.asarray(page.near, dtype=np.int64)
    chars = np.maximum(np.asarray(page.chars, dtype=float), 1.0)
    link = np.asarray(page.link_chars, dtype=float) / chars
    blocks = np.zeros((n, len(BLOCK_TAGS)))
    other = _BLOCK_INDEX["other"]
    for i, block in enumerate(page.blocks):
        blocks[i, _BLOCK_INDEX.get(block.tag, other)] = 1.0
    flags = np.column_stack([
        _spans(page.decks, n), _spans(page.leads, n), _spans(page.captions, n), _spans(page.comment_areas, n),
        _spans(page.hidden, n), _spans(page.boxes, n), _spans(page.entity_text, n),
        _spans([h.lines for h in page.headings if h.tag == "h1"], n),
        _spans([(i, i + 1) for c in page.comments for i, _ in c.roles], n),
        _spans([(i, i + 1) for i, _ in page.times], n),
    ]) if n else np.zeros((0, len(_FLAGS)))
    context = np.column_stack([rows[:, _LOG_WORDS:_LOG_WORDS + 4], in_main, link]) if n else np.zeros((0, 6))
    neighbours = [shifted(context, k) for k in _OFFSETS]
    width = 2 * _WINDOW + 1
    nearby = np.convolve(in_main, np.ones(width), "same")[:n] / width if n else np.zeros(0)
    total_words = words.sum()
    page_columns = np.tile([total_main / total_words if total_words else 0.0,
                            in_main.mean() if n else 0.0, math.log1p(n), math.log1p(total_words)], (n, 1))
    depth = np.log1p(np.asarray(page.depth, dtype=float))
    around_bits = ((around[:, None] & _BITS) != 0).astype(float)
    near_bits = ((near[:, None] & _NEAR_BITS) != 0).astype(float)
    x = np.column_stack([
        rows, in_main, in_comments, np.arange(n) / max(1, n - 1), before, depth, link, around_bits, near_bits,
        blocks, flags, *neighbours, nearby, page_columns,
        np.tile(np.asarray(kind, dtype=float), (n, 1)),
    ]) if n else np.zeros((0, len(HTML_LINE_FEATURES) + len(kind)))
    out: FloatArray = x.astype(float)
    return out


def choose(p: FloatArray, words: Any, *, floor: float = 0.1) -> set[int]:
    """The lines whose choice maximises the page's expected F1 over words.

    With ``p`` the probability that each line is content and ``words`` its length, taking the
    ``k`` likeliest lines is expected to find ``sum(p*w)`` of them right out of ``sum(w)``, of
    an expected ``sum(p*w)`` over the page: the ``k`` with the best ``2*hits/(taken + expected)``
    wins (a standard approximation of expected F1). Lines under ``floor``, and lines of no
    words, are never taken.
    """
    w = np.asarray(words, dtype=float)
    if not len(p):
        return set()
    order = np.argsort(-p, kind="stable")
    hits = np.cumsum(p[order] * w[order])
    taken = np.cumsum(w[order])
    expected = float((p * w).sum())
    denominator = taken + expected
    f1 = np.divide(2 * hits, denominator, out=np.zeros_like(hits), where=denominator > 0)
    k = int(np.argmax(f1)) + 1
    return {int(i) for i in order[:k] if p[i] >= floor and w[i] > 0}
