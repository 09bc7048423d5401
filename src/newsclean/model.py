"""A small learned model of one question: is this line of a page the article's?

The region stage asks it of every line it weighs. A line is described by a handful of cheap,
language-independent measures (:data:`LINE_FEATURES`), taken from the raw text with string
methods, and so are the lines just before and after it (jusText's context pass, learned). The
model is a logistic regression: its answer is a plain dot product, the line's log-odds. The
weights live in ``data/region_model.json`` beside this module, written by
``benchmarks/train_region.py`` with the training split and the held-out scores
(``docs/evaluation-model.md``).

>>> from newsclean.document import Document
>>> from newsclean.features import stopwords
>>> prose = [
...     "The storm reached the coast on Monday, officials said, and more rain is expected this week.",
...     "Emergency crews worked through the night to clear roads and restore power to thousands of homes.",
...     "Schools in the worst-hit districts will stay closed until Wednesday, the education ministry said.",
... ]
>>> doc = Document.from_text("\\n".join(["Home", "World", "Storm floods the coast", *prose, "Contact us"]))
>>> rows, labels = describe_page(doc.open_lines(), stopwords("en"))
>>> p = [probability(z) for z in load_model().log_odds(rows, labels)]
>>> p[4] > 0.5 > p[1]
True
"""

from __future__ import annotations

import json
import math
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from operator import mul
from pathlib import Path
from typing import Any

import numpy as np

from newsclean.document import Label, Line
from newsclean.features import has_cjk, symbol_count
from newsclean.normalize import INVISIBLE, TERMINAL_PUNCTUATION

__all__ = [
    "FEATURE_NAMES", "LINE_FEATURES", "NEIGHBOUR_FLAGS", "LineModel", "describe_page",
    "feature_vector", "iter_rows", "load_model", "measure", "probability",
]

#: What is measured of every line the region weighs, its own and its neighbours'. Left out, as
#: cross-validation on the training pages found them no help (characters, commas per word) or a
#: hindrance (the line's place on the page): each costs time on every line of every page.
LINE_FEATURES: tuple[str, ...] = (
    "log_words",        # log(1 + words)
    "terminal",         # ends with a sentence mark (Arabic ؟ ؛ and the like included)
    "stop_density",     # share of words in jusText's stoplist for the page's language (5+ words)
    "symbol_ratio",     # share of characters that are digits or common symbols
    "repeated",         # the same text stands on another line of the page
    "short",            # fewer than 5 words
    "title_case",       # share of words that open with a capital: titles, teasers, menus
    "ellipsis",         # ends with .. or …: a teaser cut short
    "starts_digit",     # opens with a figure: a time, a date, a list number
)
#: What earlier stages said of a neighbour: ``chrome`` found by its shape (the line itself is
#: still open). The first line stands for its own missing neighbour before it, the last line for
#: the one after it: every page of a whole-page corpus opens with chrome, and a model told where
#: the text starts would cut the first paragraph of article-only input.
NEIGHBOUR_FLAGS: tuple[str, ...] = ("chrome",)
#: The model's inputs, in the order of its weights.
FEATURE_NAMES: tuple[str, ...] = (
    LINE_FEATURES
    + tuple(f"prev_{n}" for n in LINE_FEATURES + NEIGHBOUR_FLAGS)
    + tuple(f"next_{n}" for n in LINE_FEATURES + NEIGHBOUR_FLAGS)
)

Row = tuple[float, ...]
_SHORT_WORDS = 5
_SHORT_CHARS = 60
_LONG_WORDS = 30  # from here on a line is prose or a blob: its symbols are not counted
_KNOWN_ROWS = 20_000  # how many short rows' dot products a model keeps
_SHORT_INDEX = LINE_FEATURES.index("short")
_SAMPLE = 120  # a long line's ratios are measured on its start: a 10 MB line costs as a paragraph
_LOG = [math.log1p(n) for n in range(_SHORT_WORDS)]
_ELLIPSIS = ("..", "…")
_CLOSERS = "\"'»”’)]」』）"


def measure(text: str, words: int, stop: frozenset[str], *, repeated: bool = False) -> Row:
    """The :data:`LINE_FEATURES` of one line; ``words`` as :class:`~newsclean.document.Line` counts them.

    Every measure is a handful of string methods on the line, or on the start of a long one.

    >>> row = dict(zip(LINE_FEATURES, measure("Latin America", 2, frozenset())))
    >>> row["short"], row["title_case"], row["terminal"], row["symbol_ratio"]
    (1.0, 1.0, 0.0, 0.0)
    >>> row = dict(zip(LINE_FEATURES, measure("Nov 20, 2019", 3, frozenset())))
    >>> row["starts_digit"], round(row["symbol_ratio"], 2)
    (0.0, 0.7)
    """
    # Right-to-left text often ends with a direction mark after its full stop.
    stripped = text.rstrip().rstrip(INVISIBLE).rstrip()
    ellipsis = 1.0 if stripped.endswith(_ELLIPSIS) else 0.0
    digit = 1.0 if text[:1].isdigit() else 0.0
    if words < _SHORT_WORDS and len(text) < _SHORT_CHARS:
        # Most lines of a page are menu items and labels: a few calls each. Their stopwords are
        # not counted (one or two words say little), and they are title-cased or not as a whole.
        compact = text.replace(" ", "")
        symbols = 0.0 if compact.isalpha() or not compact else symbol_count(compact) / len(compact)
        return (_LOG[words], 1.0 if stripped[-1:] in TERMINAL_PUNCTUATION else 0.0, 0.0, symbols,
                1.0 if repeated else 0.0, 1.0, 1.0 if text.istitle() else 0.0, ellipsis, digit)
    sample = text[:_SAMPLE]
    tokens = sample.split()
    lowered = sample.lower().split()
    if len(text) > _SAMPLE and len(tokens) > 1:
        tokens.pop()  # the sample may cut the last word in half
        lowered.pop()
    n = len(tokens) or 1
    stop_hits = len([1 for w in lowered if w in stop]) if stop else 0
    if not sample.isascii() and has_cjk(sample, 60):
        words = max(words, len(stripped) // 2)  # written without spaces: a word is about two characters
    # A closing quote or bracket ends a sentence only when a sentence mark stands before it.
    while len(stripped) > 1 and stripped[-1] in _CLOSERS:
        stripped = stripped[:-1].rstrip()
    symbols = 0.0
    if words < _LONG_WORDS:
        visible = len(sample) - sample.count(" ")
        symbols = symbol_count(sample) / visible if visible else 0.0
    return (math.log1p(words), 1.0 if stripped[-1:] in TERMINAL_PUNCTUATION else 0.0, stop_hits / n, symbols,
            1.0 if repeated else 0.0, 1.0 if words < _SHORT_WORDS else 0.0, sum(map(str.istitle, tokens)) / n,
            ellipsis, digit)


def describe_page(lines: Sequence[Line], stop: frozenset[str]) -> tuple[list[Row], list[Label | None]]:
    """The measures of the lines the region stage weighs (open lines and chrome, in order; see
    :func:`newsclean.stages.region.weighed_lines`), and their labels (``None``: still open).

    >>> from newsclean.document import Document
    >>> doc = Document.from_text("Home\\n\\nHome\\nA line of text.")
    >>> rows, flags = describe_page([x for x in doc.lines if x.is_open], frozenset())
    >>> [r[LINE_FEATURES.index("repeated")] for r in rows], flags
    ([1.0, 1.0, 0.0], [None, None, None])
    """
    return list(iter_rows(lines, stop)), [line.label for line in lines]


def iter_rows(lines: Sequence[Line], stop: frozenset[str]) -> Iterator[Row]:
    """The measures of ``lines``, one row at a time; a text the page repeats is measured once."""
    texts = [line.text.strip() for line in lines]
    repeats = Counter(texts)
    seen: dict[str, Row] = {}
    for line, text in zip(lines, texts, strict=True):
        count = repeats[text]
        row = seen.get(text) if count > 1 else None
        if row is None:
            row = measure(line.text, line.words, stop, repeated=count > 1)
            if count > 1:
                seen[text] = row
        yield row


def _one_hot(flag: str | None) -> Row:
    return tuple(float(flag == name) for name in NEIGHBOUR_FLAGS)


def feature_vector(rows: Sequence[Row], flags: Sequence[Label | None], i: int) -> list[float]:
    """The full input of line ``i`` of a page, named by :data:`FEATURE_NAMES`: its own measures,
    and its neighbours' measures and flags. Training builds these; run time never does (see
    :meth:`LineModel.log_odds`)."""
    before = i - 1 if i > 0 else i
    after = i + 1 if i + 1 < len(rows) else i
    return [*rows[i], *rows[before], *_one_hot(flags[before]), *rows[after], *_one_hot(flags[after])]


@dataclass(frozen=True)
class LineModel:
    """Logistic-regression weights over :data:`FEATURE_NAMES`, and the probability from which a
    line counts as the article's (chosen with the weights, by cross-validation)."""

    weights: tuple[float, ...]
    bias: float
    threshold: float = 0.5
    about: dict[str, Any] = field(default_factory=dict, compare=False)
    #: The three dot products of short lines' rows met before: menu items and labels take few
    #: distinct rows, so this stays small (it is emptied if it ever grows large).
    _known: dict[Row, tuple[float, float, float]] = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        if len(self.weights) != len(FEATURE_NAMES):
            raise ValueError(f"a line model needs {len(FEATURE_NAMES)} weights, got {len(self.weights)}")

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> LineModel:
        """Read the JSON form: ``weights`` maps each of :data:`FEATURE_NAMES` to its weight."""
        weights: dict[str, float] = data["weights"]
        if tuple(weights) != FEATURE_NAMES:
            raise ValueError("the model's features are not this version's: "
                             f"missing {sorted(set(FEATURE_NAMES) - set(weights))}, "
                             f"unknown {sorted(set(weights) - set(FEATURE_NAMES))}")
        about = {k: v for k, v in data.items() if k not in ("weights", "bias", "threshold")}
        return cls(tuple(float(w) for w in weights.values()), float(data["bias"]),
                   float(data.get("threshold", 0.5)), about)

    def to_json(self) -> dict[str, Any]:
        return {**self.about, "threshold": self.threshold, "bias": self.bias,
                "weights": dict(zip(FEATURE_NAMES, self.weights, strict=True))}

    @classmethod
    def load(cls, path: str | Path) -> LineModel:
        return cls.from_json(json.loads(Path(path).read_text(encoding="utf-8")))

    def log_odds(self, rows: Iterable[Row], flags: Sequence[Label | None]) -> list[float]:
        """The log-odds of each line of a page, from :func:`describe_page`'s measures and labels.

        Equal to the dot product of the weights with :func:`feature_vector`, but the weights
        are split into the line's own part and its neighbours' parts, so each line's measures
        meet each part once (three short dot products a line) and no vector is built. ``rows``
        may be an iterator: only the three parts of each line are kept.
        """
        k, m = len(LINE_FEATURES), len(NEIGHBOUR_FLAGS)
        w = self.weights
        own, prev, nxt = w[:k], w[k:2 * k], w[2 * k + m:3 * k + m]
        prev_flags = dict(zip(NEIGHBOUR_FLAGS, w[2 * k:2 * k + m], strict=True))
        next_flags = dict(zip(NEIGHBOUR_FLAGS, w[3 * k + m:], strict=True))
        # Menu items and labels share their measures: a short line's parts are kept for the
        # next line and the next page (they take few distinct values).
        known = self._known
        if len(known) > _KNOWN_ROWS:
            known.clear()
        own_part: list[float] = []
        # as_prev[i]: what line i says of the line after it; as_next[i], of the line before it.
        as_prev: list[float] = []
        as_next: list[float] = []
        for row, flag in zip(rows, flags, strict=True):
            got = known.get(row)
            if got is None:
                got = (sum(map(mul, own, row)), sum(map(mul, prev, row)), sum(map(mul, nxt, row)))
                if row[_SHORT_INDEX]:
                    known[row] = got
            a, b, c = got
            if flag is not None:
                b += prev_flags.get(flag, 0.0)
                c += next_flags.get(flag, 0.0)
            own_part.append(a)
            as_prev.append(b)
            as_next.append(c)
        if not own_part:
            return []
        as_prev.append(as_prev[0])  # as_prev[-1]: the first line stands for the one before it
        as_next.append(as_next[-1])  # as_next[n]: the last line stands for the one after it
        bias = self.bias
        return [bias + x + as_prev[i - 1] + as_next[i + 1] for i, x in enumerate(own_part)]

    def log_odds_matrix(self, rows: np.ndarray | Sequence[np.ndarray],
                        flags: Sequence[Label | None]) -> np.ndarray:
        """:meth:`log_odds` of a page from its rows as a matrix (one row of
        :data:`LINE_FEATURES` a line, as :meth:`newsclean.columns.LineFeatures.rows` gives them;
        or its columns, as :meth:`~newsclean.columns.LineFeatures.columns` does) and its lines'
        labels. The same numbers, to the last bit: each dot product is summed in the same order,
        column by column, over all lines at once.
        """
        n, k = len(flags), len(LINE_FEATURES)
        if n == 0:
            return np.zeros(0)
        columns = [rows[:, j] for j in range(k)] if isinstance(rows, np.ndarray) else list(rows)
        w = self.weights
        m = len(NEIGHBOUR_FLAGS)

        def dot(weights: Sequence[float]) -> np.ndarray:
            total = columns[0] * weights[0]
            for j in range(1, k):
                total = total + columns[j] * weights[j]
            return total

        own, as_prev, as_next = dot(w[:k]), dot(w[k:2 * k]), dot(w[2 * k + m:3 * k + m])
        for j, name in enumerate(NEIGHBOUR_FLAGS):
            marked = np.fromiter((flag == name for flag in flags), dtype=bool, count=n)
            if marked.any():
                as_prev = np.where(marked, as_prev + w[2 * k + j], as_prev)
                as_next = np.where(marked, as_next + w[3 * k + m + j], as_next)
        # The first line stands for the one before it, the last for the one after it.
        before = np.concatenate((as_prev[:1], as_prev[:-1]))
        after = np.concatenate((as_next[1:], as_next[-1:]))
        found: np.ndarray = self.bias + own + before + after
        return found

    def page_log_odds(self, lines: Sequence[Line], stop: frozenset[str]) -> list[float]:
        """``log_odds(*describe_page(lines, stop))`` without keeping the page's measures: on a
        page of a million lines, three floats a line where the rows would take nine."""
        return self.log_odds(iter_rows(lines, stop), [line.label for line in lines])


def probability(log_odds: float) -> float:
    """The logistic function, for any input.

    >>> probability(0.0), probability(-1000.0)
    (0.5, 0.0)
    """
    if log_odds >= 0:
        return 1.0 / (1.0 + math.exp(-log_odds))
    z = math.exp(log_odds)
    return z / (1.0 + z)


@lru_cache(maxsize=1)
def load_model() -> LineModel:
    """The packaged model (``newsclean/data/region_model.json``), read once per process."""
    text = resources.files("newsclean").joinpath("data/region_model.json").read_text(encoding="utf-8")
    return LineModel.from_json(json.loads(text))
