"""Symmetric decision trees: the learned models' form, evaluated for a whole page at once.

A symmetric ("oblivious") tree asks the same question at every node of a level: is feature
``f`` above ``border``? The answers of its ``depth`` levels, read as the bits of a number, pick
its leaf. So a forest of ``T`` such trees is evaluated for ``N`` lines with four array
operations (compare, weigh the bits, pick the leaves, sum), whatever ``T`` and ``N`` are: no
Python loop over lines, trees or nodes. The models are trained by ``benchmarks/train_models.py``
(CatBoost builds symmetric trees) and kept as plain JSON in ``newsclean/data/``.

>>> import numpy as np
>>> forest = Forest.from_json({"features": [[0, 1]], "borders": [[0.5, 2.0]],
...                            "leaves": [[-1.0, 1.0, -2.0, 2.0]], "bias": [0.0], "scale": 1.0,
...                            "feature_names": ["a", "b"]})
>>> forest.raw(np.array([[0.0, 0.0], [1.0, 0.0], [1.0, 3.0]]))[:, 0].tolist()
[-1.0, 1.0, 2.0]
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any

import numpy as np
import numpy.typing as npt

__all__ = ["FAVOR_LOG_ODDS", "Forest", "load_forest", "sigmoid", "softmax"]

FloatArray = npt.NDArray[np.float64]
#: How ``Document.favor`` moves a learned model's log-odds before its lines are chosen: a line
#: needs more for precision, less for recall.
FAVOR_LOG_ODDS = {"balanced": 0.0, "precision": -0.5, "recall": 0.5}


@dataclass(frozen=True, eq=False)
class Forest:
    """``T`` symmetric trees of one depth ``D`` over ``F`` features, with ``K`` outputs (1 for a
    yes/no question, one per class otherwise).

    ``features`` and ``borders`` are ``(T, D)``: level ``d`` of tree ``t`` asks whether feature
    ``features[t, d]`` is above ``borders[t, d]``, and its answer is bit ``d`` of the leaf's
    number. ``leaves`` is ``(T, 2**D, K)``. A tree grown less deep is padded with levels that
    always answer no (an infinite border).
    """

    features: npt.NDArray[np.intp]
    borders: FloatArray
    leaves: FloatArray
    bias: FloatArray
    scale: float = 1.0
    feature_names: tuple[str, ...] = ()
    about: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if self.features.shape != self.borders.shape or self.features.ndim != 2:
            raise ValueError("features and borders must both be (trees, depth)")
        trees, depth = self.features.shape
        if self.leaves.shape[:2] != (trees, 1 << depth) or self.leaves.ndim != 3:
            raise ValueError(f"leaves must be ({trees}, {1 << depth}, outputs), not {self.leaves.shape}")
        if self.bias.shape != (self.leaves.shape[2],):
            raise ValueError("one bias per output")
        if self.feature_names and len(self.feature_names) <= int(self.features.max(initial=-1)):
            raise ValueError("a split reads a feature the model does not name")
        object.__setattr__(self, "_powers", (1 << np.arange(depth)).astype(np.intp))
        object.__setattr__(self, "_rows", np.arange(trees)[None, :])

    @property
    def outputs(self) -> int:
        return int(self.leaves.shape[2])

    def raw(self, x: FloatArray) -> FloatArray:
        """The forest's sum for each row of ``x`` (``N`` rows of ``F`` features): ``(N, K)``."""
        if x.ndim != 2:
            raise ValueError("x must be (rows, features)")
        if self.feature_names and x.shape[1] != len(self.feature_names):
            raise ValueError(f"the model reads {len(self.feature_names)} features, got {x.shape[1]}")
        if not len(x):
            return np.zeros((0, self.outputs))
        answers = x[:, self.features] > self.borders          # (N, T, D)
        leaf = answers @ self._powers                           # type: ignore[attr-defined]
        picked = self.leaves[self._rows, leaf]                  # type: ignore[attr-defined]
        total: FloatArray = picked.sum(axis=1) * self.scale + self.bias
        return total

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Forest:
        features = [list(map(int, f)) for f in data["features"]]
        borders = [list(map(float, b)) for b in data["borders"]]
        depth = max((len(f) for f in features), default=0)
        bias = np.asarray(data["bias"], dtype=float).reshape(-1)
        outputs = len(bias)
        leaves = np.zeros((len(features), 1 << depth, outputs))
        for t, (values, levels) in enumerate(zip(data["leaves"], features, strict=True)):
            grown = np.asarray(values, dtype=float).reshape(1 << len(levels), outputs)
            leaves[t, : len(grown)] = grown
            pad = depth - len(levels)
            features[t] = levels + [0] * pad
            borders[t] = borders[t] + [float("inf")] * pad
        names = tuple(data.get("feature_names", ()))
        about = {k: v for k, v in data.items()
                 if k not in ("features", "borders", "leaves", "bias", "scale", "feature_names")}
        return cls(np.asarray(features, dtype=np.intp).reshape(len(features), depth),
                   np.asarray(borders, dtype=float).reshape(len(features), depth),
                   leaves, bias, float(data.get("scale", 1.0)), names, about)

    def to_json(self) -> dict[str, Any]:
        return {**self.about, "feature_names": list(self.feature_names), "scale": self.scale,
                "bias": self.bias.tolist(), "features": self.features.tolist(),
                "borders": self.borders.tolist(),
                "leaves": self.leaves.reshape(len(self.leaves), -1).tolist()}


def sigmoid(z: FloatArray) -> FloatArray:
    """The logistic function, for any input.

    >>> sigmoid(np.array([0.0, -1000.0, 1000.0])).tolist()
    [0.5, 0.0, 1.0]
    """
    out: FloatArray = np.exp(-np.logaddexp(0.0, -z))
    return out


def softmax(z: FloatArray) -> FloatArray:
    """Each row's scores as probabilities that sum to 1.

    >>> softmax(np.array([[0.0, 0.0], [1000.0, 0.0]])).round(3).tolist()
    [[0.5, 0.5], [1.0, 0.0]]
    """
    e = np.exp(z - z.max(axis=1, keepdims=True))
    out: FloatArray = e / e.sum(axis=1, keepdims=True)
    return out


@lru_cache(maxsize=8)
def load_forest(name: str) -> Forest:
    """A packaged model (``newsclean/data/NAME.json``), read once per process."""
    text = resources.files("newsclean").joinpath(f"data/{name}.json").read_text(encoding="utf-8")
    return Forest.from_json(json.loads(text))
