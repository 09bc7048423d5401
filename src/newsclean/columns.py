"""What is measured of every line once, as columns: the document's own (text offsets, words,
verdicts; :mod:`newsclean.document`), its matching keys, and the region model's measures as a
numeric matrix, for the stages and for a model to read.

``features(doc)`` (a :class:`LineFeatures`, kept with the document) computes each column the
first time it is asked for, for all lines at once, and keeps it: a stage never measures a line
another stage measured.

>>> from newsclean.document import Document
>>> doc = Document.from_text("Home\\n\\nThe minister said on Monday that talks would resume.", lang="en")
>>> m = features(doc).matrix()
>>> m.shape, features(doc).names[:3]
((3, 9), ('log_words', 'terminal', 'stop_density'))
>>> features(doc).column("terminal").tolist(), features(doc).column("short").tolist()
([0.0, 0.0, 1.0], [1.0, 0.0, 0.0])
"""

from __future__ import annotations

from array import array
from collections.abc import Sequence

import numpy as np

from newsclean.document import Document
from newsclean.features import stopwords
from newsclean.model import LINE_FEATURES, measure

__all__ = ["LineFeatures", "features", "shifted"]

#: Rows are filled this many lines at a time, so a page of a million lines never holds a
#: million Python tuples.
_BLOCK = 8192
_REPEATED = LINE_FEATURES.index("repeated")


class LineFeatures:
    """The per-line measures of one document, each computed once, for every line at once.

    :meth:`matrix` is the region model's :data:`~newsclean.model.LINE_FEATURES` of every line
    (``float64``, one row a line, blank lines zero), measured as :func:`newsclean.model.measure`
    measures them with the stop words of the document's language; ``repeated`` is left 0 there,
    since it depends on which lines are compared (:meth:`repeated`).
    """

    __slots__ = ("_doc", "_matrix", "_stop")

    #: The names of :meth:`matrix`'s columns.
    names: tuple[str, ...] = LINE_FEATURES

    def __init__(self, doc: Document) -> None:
        self._doc = doc
        self._matrix: np.ndarray | None = None
        self._stop: frozenset[str] | None = None

    @property
    def words(self) -> np.ndarray:
        """Each line's words (:attr:`Document.words`), as an ``int32`` array sharing its memory."""
        return np.frombuffer(self._doc.words, dtype=np.int32)

    def matrix(self) -> np.ndarray:
        """The model's measures of every line (see the class docstring), computed once."""
        doc = self._doc
        stop = stopwords(doc.lang)
        if self._matrix is not None and self._stop is stop:
            return self._matrix
        out = np.zeros((doc.size, len(LINE_FEATURES)), dtype=np.float64)
        ids, words, blank = doc.verdict_ids, doc.words, doc.blank_kinds()
        # A text the page repeats (menus, tickers) is measured once.
        seen: dict[str, tuple[float, ...]] = {}
        block: list[tuple[float, ...]] = []
        rows: list[int] = []
        for first in range(0, doc.size, _BLOCK):
            for i, text in enumerate(doc.texts(first, first + _BLOCK), first):
                if ids[i] in blank:
                    continue
                row = seen.get(text)
                if row is None:
                    row = seen[text] = measure(text, words[i], stop)
                block.append(row)
                rows.append(i)
            if block:
                out[rows] = block
                block, rows = [], []
            if len(seen) > _BLOCK:
                seen.clear()
        self._matrix, self._stop = out, stop
        return out

    def column(self, name: str) -> np.ndarray:
        """One column of :meth:`matrix` by its name (a view)."""
        return self.matrix()[:, LINE_FEATURES.index(name)]

    def repeated(self, indices: Sequence[int]) -> np.ndarray:
        """For each of the lines ``indices``: 1.0 when its text (stripped) stands on another of
        them, else 0.0. Texts are compared by their hashes first, and only those whose hash
        stands twice are compared whole: a page of distinct lines holds no dict of its texts."""
        doc = self._doc
        n = len(indices)
        hashes = np.fromiter((hash(doc.text_of(i).strip()) for i in indices), dtype=np.int64, count=n)
        out = np.zeros(n, dtype=np.float64)
        if n < 2:
            return out
        _, inverse, counts = np.unique(hashes, return_inverse=True, return_counts=True)
        maybe = np.flatnonzero(counts[inverse] > 1)
        # The texts are read twice rather than held: a page of one line repeated a million
        # times keeps one text here, not a million.
        seen: dict[str, int] = {}
        for start in range(0, len(maybe), _BLOCK):
            for k in maybe[start:start + _BLOCK].tolist():
                text = doc.text_of(indices[k]).strip()
                seen[text] = seen.get(text, 0) + 1
        for start in range(0, len(maybe), _BLOCK):
            block = maybe[start:start + _BLOCK].tolist()
            out[[k for k in block if seen[doc.text_of(indices[k]).strip()] > 1]] = 1.0
        return out

    def every_line(self) -> np.ndarray:
        """:func:`newsclean.model.measure` of every line as it stands alone, blank lines included,
        with ``repeated`` among all the page's lines: the learned line models' first columns.
        The non-blank rows are :meth:`matrix`'s; blank lines (which may hold invisible marks) are
        measured here, each distinct text once."""
        doc = self._doc
        out: np.ndarray = self.matrix().copy()
        ids, blank, words = doc.verdict_ids, doc.blank_kinds(), doc.words
        stop = stopwords(doc.lang)
        seen: dict[tuple[str, int], tuple[float, ...]] = {}
        for i in range(doc.size):
            if ids[i] in blank:
                at = (doc.text_of(i), words[i])
                row = seen.get(at)
                if row is None:
                    row = seen[at] = measure(at[0], at[1], stop)
                out[i] = row
        out[:, _REPEATED] = self.repeated(range(doc.size))
        return out

    def columns(self, indices: Sequence[int]) -> list[np.ndarray]:
        """The columns of the model's full :data:`~newsclean.model.LINE_FEATURES` rows of the
        lines ``indices`` read together (``repeated`` among them): one new array a column, so
        that no copy of the whole matrix is made."""
        matrix = self.matrix()
        at = np.frombuffer(indices, dtype=np.int64) if isinstance(indices, array) else np.asarray(indices)
        out = [matrix[:, j][at] for j in range(matrix.shape[1])]
        out[_REPEATED] = self.repeated(indices)
        return out

    def rows(self, indices: Sequence[int]) -> np.ndarray:
        """The model's full :data:`~newsclean.model.LINE_FEATURES` rows of the lines ``indices``
        read together (``repeated`` among them), a new array."""
        return np.column_stack(self.columns(indices)) if len(indices) else self.matrix()[[]]


def features(doc: Document) -> LineFeatures:
    """The per-line measures of ``doc``, made once and kept with it."""
    return doc.derived("features", lambda: LineFeatures(doc))


def shifted(column: np.ndarray, k: int) -> np.ndarray:
    """``column`` moved by ``k`` lines (the value of line ``i + k`` at ``i``), zeros past the ends.

    >>> shifted(np.array([1.0, 2.0, 3.0]), 1).tolist(), shifted(np.array([1.0, 2.0, 3.0]), -1).tolist()
    ([2.0, 3.0, 0.0], [0.0, 1.0, 2.0])
    """
    out = np.zeros_like(column)
    if k > 0:
        out[:-k] = column[k:]
    elif k < 0:
        out[-k:] = column[:k]
    return out
