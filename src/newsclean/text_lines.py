"""Which lines of a page's scraped text are its content: a learned answer from the lines' shapes.

Plain text keeps no DOM: what is left is each line's own shape (the measures of
:func:`newsclean.model.measure`: length, a closing sentence mark, stopwords, symbols,
repetition, capitals), what the rule stages before the region said of it (a promo, a timestamp,
a share row, a comments heading), the same of the lines around it, how the page's long lines
run together, and the page's kind. :data:`TEXT_LINE_FEATURES` lists them; a model of symmetric
trees trained on WCXB's and ScrapingHub's scraped texts with sites kept apart
(``benchmarks/train_models.py``) gives each line the probability that it is content.

>>> from newsclean.document import Document
>>> doc = Document.from_text("Home\\nNews\\nThe council approved the plan on Monday, officials said.")
>>> line_matrix(doc).shape == (3, len(TEXT_LINE_FEATURES))
True
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np

from newsclean.columns import features, shifted
from newsclean.document import Document
from newsclean.model import LINE_FEATURES
from newsclean.trees import FloatArray

__all__ = ["TEXT_LINE_FEATURES", "line_matrix"]

#: What earlier stages said of a line, one column each.
_SAID: tuple[tuple[str, str | None], ...] = (
    ("chrome", None), ("promo", None), ("comment", None), ("chrome", "timestamp"), ("chrome", "share-row"),
    ("chrome", "footer"), ("chrome", "comments-marker"), ("chrome", "comment-form"),
)
_NEIGHBOUR = ("log_words", "terminal", "stop_density", "symbol_ratio", "short", "repeated", "said")
_OFFSETS = (-3, -2, -1, 1, 2, 3)
_WINDOWS = (5, 15)
_LONG = 12  # words from which a line reads as a paragraph
#: The model's inputs, in order (the page-type probabilities follow them).
TEXT_LINE_FEATURES: tuple[str, ...] = (
    *LINE_FEATURES, *(f"said:{label}" + (f":{reason}" if reason else "") for label, reason in _SAID),
    "position", "words_before",
    *(f"{'prev' if k < 0 else 'next'}{abs(k)}:{name}" for k in _OFFSETS for name in _NEIGHBOUR),
    *(f"window{w}:{name}" for w in _WINDOWS for name in ("log_words", "terminal", "long")),
    "log_long_run", "log_distance_to_long",
    "page_log_lines", "page_log_words", "page_long_share", "page_terminal_share",
)
_COLUMN = {name: i for i, name in enumerate(LINE_FEATURES)}


def _window_mean(column: FloatArray, half: int) -> FloatArray:
    n = len(column)
    total = np.concatenate([[0.0], np.cumsum(column)])
    lo = np.clip(np.arange(n) - half, 0, n)
    hi = np.clip(np.arange(n) + half + 1, 0, n)
    out: FloatArray = (total[hi] - total[lo]) / (hi - lo)
    return out


def _runs(long: FloatArray) -> tuple[FloatArray, FloatArray]:
    """For each line, the length of the run of long lines it stands in (0 outside one), and how
    many lines away the nearest long line is."""
    n = len(long)
    run = np.zeros(n)
    distance = np.full(n, float(n))
    start = None
    for i in range(n + 1):
        if i < n and long[i]:
            if start is None:
                start = i
        elif start is not None:
            run[start:i] = i - start
            start = None
    last = -n
    for i in range(n):
        if long[i]:
            last = i
        distance[i] = i - last
    last = 2 * n
    for i in range(n - 1, -1, -1):
        if long[i]:
            last = i
        distance[i] = min(distance[i], last - i)
    return run, distance


def line_matrix(doc: Document, kind: Sequence[float] = ()) -> FloatArray:
    """The :data:`TEXT_LINE_FEATURES` of every line of ``doc``, with ``kind`` appended. The lines'
    own measures are the document's (:func:`newsclean.columns.features`), shared with the linear
    model, with the stop words of ``doc.lang``."""
    lines = doc.lines
    n = len(lines)
    width = len(TEXT_LINE_FEATURES) + len(kind)
    if not n:
        return np.zeros((0, width))
    rows = features(doc).every_line()
    blank = np.array([line.label == "blank" for line in lines])
    words = np.array([0 if b else line.words for line, b in zip(lines, blank, strict=True)], dtype=float)
    said = np.zeros((n, len(_SAID)))
    for i, line in enumerate(lines):
        label = line.label
        if label is None or label == "blank":
            continue
        for j, (want, reason) in enumerate(_SAID):
            if label == want and (reason is None or line.reason == reason):
                said[i, j] = 1.0
    labelled = said[:, :3].max(axis=1)
    neighbour = np.column_stack([rows[:, _COLUMN[c]] for c in _NEIGHBOUR[:-1]] + [labelled])
    neighbour[blank] = 0.0
    long = (words >= _LONG).astype(float)
    terminal = rows[:, _COLUMN["terminal"]] * (~blank)
    log_words = np.log1p(words)
    windows = [w for half in _WINDOWS for w in (_window_mean(log_words, half), _window_mean(terminal, half),
                                                 _window_mean(long, half))]
    run, distance = _runs(long)
    total = words.sum()
    visible = max(1, int((~blank).sum()))
    page = [math.log1p(visible), math.log1p(total), long.sum() / visible, terminal.sum() / visible]
    x = np.column_stack([
        rows, said, np.arange(n) / max(1, n - 1), np.cumsum(words) / total if total else np.zeros(n),
        *(shifted(neighbour, k) for k in _OFFSETS), *windows, np.log1p(run), np.log1p(distance),
        np.tile(page, (n, 1)), np.tile(np.asarray(kind, dtype=float), (n, 1)),
    ])
    out: FloatArray = x.astype(float)
    return out
