#!/usr/bin/env python3
"""Train the region stage's line model and write ``src/newsclean/data/region_model.json``.

The split is fixed by the case folder's name, never by score:

* **training**: ``bench/scrapinghub`` cases whose folder name starts with a hex digit 0-7;
* **held out**: ``bench/scrapinghub`` cases 8-f, and all of ``bench/trafilatura`` and ``ar``
  (those two are never read here; check them with ``../shared/tools/score.py``).

Each training page runs through the default pipeline's stages before ``region``, so its lines
are measured exactly as at run time (:func:`newsclean.model.describe_page`). Only lines still
open then are examples. A line's target is 1 when it belongs to the gold body: at least half of
its 4-word shingles (``score.py``'s ``shingles``) occur in the gold body; a line of fewer than
four words, when its words stand together in the gold body and it lies between the first and
the last longer line that matched. The model is an L2-regularised logistic regression fitted by
Newton's method, each line weighted by log(1 + words) (numpy, needed here only). The threshold
the region stage applies to its probabilities is chosen by 5-fold cross-validation over the
training pages, repeated three times (body F1 of the whole pipeline); the held-out pages play
no part in any choice.

usage:
  python benchmarks/train_region.py              # train, report every split, write the model
  python benchmarks/train_region.py --evaluate   # only report the packaged model and the hand-set
                                                 # scores on every split
"""

from __future__ import annotations

import argparse
import datetime
import hashlib
import importlib.util
import json
import statistics
import sys
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from newsclean import Document, Pipeline, Stage, clean_article  # noqa: E402
from newsclean.features import stopwords  # noqa: E402
from newsclean.model import FEATURE_NAMES, LineModel, describe_page, feature_vector  # noqa: E402
from newsclean.pipeline import create  # noqa: E402
from newsclean.stages.region import Region, page_language, weighed_lines  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus"
MODEL_PATH = ROOT / "src" / "newsclean" / "data" / "region_model.json"
SPLIT = ("bench/scrapinghub cases whose folder name starts with 0-7 train; 8-f, bench/trafilatura "
         "and ar are held out")
L2 = 1.0
FOLDS = 5
SEEDS = (0, 1, 2)
THRESHOLDS = (0.2, 0.25, 0.3, 0.35, 0.4, 0.5)
METRICS = ("body_f1", "body_p", "body_r")


def is_training(case: str) -> bool:
    """The documented split: a scrapinghub case trains when its folder name starts with 0-7."""
    return case[0] in "01234567"


def load_score(corpus: Path) -> ModuleType:
    """The corpus's own scorer (``../shared/tools/score.py``), so targets and scores match it."""
    path = corpus.parent / "tools" / "score.py"
    spec = importlib.util.spec_from_file_location("score", path)
    if spec is None or spec.loader is None or not path.exists():
        raise SystemExit(f"no scorer at {path}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@dataclass
class Case:
    name: str
    text: str
    gold: dict[str, Any]


@dataclass
class Examples:
    """One page's training examples: a feature vector, a target and a word count per open line."""

    x: list[list[float]]
    y: list[int]
    words: list[int]


def read_cases(corpus: Path) -> list[Case]:
    out = []
    for exp in sorted((corpus / "bench" / "scrapinghub").glob("*/expected.json")):
        gold = json.loads(exp.read_text(encoding="utf-8"))
        text = (exp.parent / gold.get("input", "input.txt")).read_text(encoding="utf-8")
        out.append(Case(exp.parent.name, text, gold))
    return out


def pipeline(region: Region | None) -> Pipeline:
    """The default pipeline with ``region`` in the region stage's place; without one, the
    stages before it only. (Built stage by stage, so no packaged model is needed to train one.)"""
    import newsclean.stages  # noqa: F401  (registers the built-in stages)

    names = Pipeline.DEFAULT_STAGES
    cut = names.index("region")
    steps: list[tuple[str, Stage]] = [(n, create(n)) for n in names[:cut]]
    if region is not None:
        steps += [("region", region), *((n, create(n)) for n in names[cut + 1:])]
    return Pipeline(steps)


def before_region(text: str) -> Document:
    """The document as the default pipeline hands it to the region stage."""
    doc = pipeline(None).run(Document.from_text(text))
    doc.stage = "region"
    return doc


def examples(case: Case, score: ModuleType) -> Examples:
    doc = before_region(case.text)
    stop = stopwords(page_language(doc))
    visible = weighed_lines(doc)
    rows, flags = describe_page(visible, stop)
    gold = "\n".join(case.gold.get("body") or [])
    gold_shingles = set(score.shingles(gold))
    gold_words = " " + " ".join(score.WORD.findall(score._norm(gold).lower())) + " "
    out = Examples([], [], [])
    shorts: list[tuple[int, bool]] = []
    for i, line in enumerate(visible):
        if not line.is_open:
            continue
        tokens = score.WORD.findall(score._norm(line.text).lower())
        if len(tokens) >= 4:
            sh = score.shingles(line.text)
            out.y.append(int(sum(s in gold_shingles for s in sh) >= 0.5 * len(sh)))
        else:
            shorts.append((len(out.y), bool(tokens) and f" {' '.join(tokens)} " in gold_words))
            out.y.append(0)
        out.x.append(feature_vector(rows, flags, i))
        out.words.append(line.words)
    matched = [k for k, y in enumerate(out.y) if y]
    if matched:
        for k, found in shorts:
            out.y[k] = int(found and matched[0] < k < matched[-1])
    return out


def fit(pages: list[Examples], l2: float = L2) -> tuple[list[float], float]:
    """Weighted L2 logistic regression by Newton's method on standardised columns; returns the
    weights and bias for the raw columns."""
    import numpy as np

    x = np.array([v for p in pages for v in p.x], dtype=float)
    y = np.array([v for p in pages for v in p.y], dtype=float)
    w = np.log1p(np.array([v for p in pages for v in p.words], dtype=float))
    w /= w.mean()
    mu, sd = x.mean(axis=0), x.std(axis=0)
    sd[sd == 0] = 1.0
    z = np.hstack([(x - mu) / sd, np.ones((len(x), 1))])
    reg = np.full(z.shape[1], l2)
    reg[-1] = 0.0
    beta = np.zeros(z.shape[1])
    for _ in range(50):
        p = 1.0 / (1.0 + np.exp(-(z @ beta)))
        grad = z.T @ (w * (p - y)) + reg * beta
        hess = (z * (w * p * (1 - p))[:, None]).T @ z + np.diag(reg)
        step = np.linalg.solve(hess, grad)
        beta -= step
        if np.abs(step).max() < 1e-9:
            break
    raw = beta[:-1] / sd
    return [round(float(v), 6) for v in raw], round(float(beta[-1] - (raw * mu).sum()), 6)


def page_scores(cases: list[Case], region: Region, score: ModuleType) -> list[dict[str, float]]:
    pipe = pipeline(region)
    return [score.score_case(score.Gold(c.gold), score.as_dict(clean_article(c.text, pipeline=pipe)))
            for c in cases]


def mean(rows: list[dict[str, float]]) -> dict[str, float]:
    return {k: round(statistics.mean(r[k] for r in rows), 4) for k in METRICS}


def cross_validate(train: list[Case], data: dict[str, Examples], score: ModuleType,
                   thresholds: tuple[float, ...] = THRESHOLDS) -> dict[float, dict[str, float]]:
    """Mean body scores of the whole pipeline over the training pages, each page scored by a
    model fitted without its fold, for each candidate threshold; repeated over ``SEEDS`` ways of
    dealing the pages into folds, because a page's score jumps when its window moves."""
    rows: dict[float, list[dict[str, float]]] = {t: [] for t in thresholds}
    for seed in SEEDS:
        order = sorted(train, key=lambda c: hashlib.sha1(f"{seed}:{c.name}".encode()).hexdigest())
        for fold in range(FOLDS):
            held = [c for i, c in enumerate(order) if i % FOLDS == fold]
            weights, bias = fit([data[c.name] for i, c in enumerate(order) if i % FOLDS != fold])
            model = LineModel(tuple(weights), bias)
            for t in thresholds:
                rows[t] += page_scores(held, Region(model=model, threshold=t), score)
    return {t: mean(r) for t, r in rows.items()}


def report(parts: dict[str, list[Case]], regions: dict[str, Region], score: ModuleType) -> dict[str, Any]:
    out: dict[str, Any] = {}
    print(f"{'':8s} {'split':9s} {'pages':>5s}  " + "  ".join(f"{m:>7s}" for m in METRICS))
    for label, region in regions.items():
        out[label] = {}
        for part, cases in parts.items():
            m = mean(page_scores(cases, region, score))
            out[label][part] = {"pages": len(cases), **m}
            print(f"{label:8s} {part:9s} {len(cases):5d}  " + "  ".join(f"{m[k]:7.3f}" for k in METRICS))
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument("--out", type=Path, default=MODEL_PATH)
    ap.add_argument("--evaluate", action="store_true", help="only report the packaged model per split")
    a = ap.parse_args(argv)
    score = load_score(a.corpus)
    cases = read_cases(a.corpus)
    train = [c for c in cases if is_training(c.name)]
    parts = {"training": train, "held-out": [c for c in cases if not is_training(c.name)], "all": cases}
    if a.evaluate:
        report(parts, {"hand-set": Region(model=None), "model": Region(model=LineModel.load(a.out))}, score)
        return 0

    data = {c.name: examples(c, score) for c in train}
    lines = sum(len(d.y) for d in data.values())
    print(f"{len(train)} training pages, {lines} open lines, {len(parts['held-out'])} pages held out")
    cv = cross_validate(train, data, score)
    for t, m in cv.items():
        print(f"  cross-validated threshold {t:.2f}: " + "  ".join(f"{k} {v:.3f}" for k, v in m.items()))
    threshold = max(cv, key=lambda t: cv[t]["body_f1"])
    weights, bias = fit(list(data.values()))
    model = LineModel(tuple(weights), bias, threshold)
    scores = report(parts, {"hand-set": Region(model=None), "model": Region(model=model)}, score)
    about = {
        "what": "newsclean region stage: logistic model of 'this open line belongs to the article'",
        "trained": datetime.date.today().isoformat(),
        "training_split": SPLIT,
        "training": {"pages": len(train), "lines": lines, "l2": L2, "sample_weight": "log(1 + words)",
                     "target": ">= 50% of the line's 4-word shingles in the gold body (short lines: "
                               "its words in the gold body, between matched lines)"},
        "cross_validation": {"folds": FOLDS, "repeats": len(SEEDS),
                             "by_threshold": {str(t): m for t, m in cv.items()}},
        "scores": scores,
    }
    model = LineModel(model.weights, model.bias, model.threshold, about)
    a.out.parent.mkdir(parents=True, exist_ok=True)
    a.out.write_text(json.dumps(model.to_json(), indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {a.out} ({len(FEATURE_NAMES)} features, threshold {threshold})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
