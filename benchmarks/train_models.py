#!/usr/bin/env python3
"""Train newsclean's learned models on many sites, with sites kept apart, and report held-out scores.

The models (symmetric trees, :mod:`newsclean.trees`; written to ``src/newsclean/data/``):

* ``kind_html`` / ``kind_text``: the page's type (WCXB's seven) from :func:`newsclean.kind.page_measures`;
* ``html_lines``: whether a line of an HTML page is content (:mod:`newsclean.html.lines`);
* ``text_lines``: whether a line of a page's scraped text is content (:mod:`newsclean.text_lines`);
* ``headline``: which line of a scraped text is the headline (:mod:`newsclean.headline_model`).

Pages: ``bench/wcxb-dev`` (1,358 pages, 1,181 sites, seven page types) and ``bench/scrapinghub``
(181 news articles). ``ar`` and ``bench/trafilatura`` are never read here: they stay held out.

**Folds by site.** Each page's fold is a hash of its site (WCXB's ``domain``, ScrapingHub's URL
host) modulo 5, so no site's pages sit on both sides of a split. Every score this script reports
is cross-validated: a page is scored by a model trained on the other four folds. Where one model
feeds another (the page type is an input of the line models), the feeding model's predictions for
training are its cross-validated ones too, as they will be at run time on unseen pages. Every
setting (trees, depth, the choice rule's floor) is chosen on these folds; the packaged model is
then trained on all pages with the chosen settings.

**Targets.** A line is content when at least half of its 4-word shingles are in the gold body
(the scorer's shingles); a line of fewer than four words, when its words stand together in the
gold body. Pages whose gold body is empty (21 of WCXB's) teach nothing and are left out of
training (they are still scored).

usage:
  pip install catboost                       # training only; newsclean reads the JSON it writes
  python benchmarks/train_models.py data     # measure every page once (cached in benchmarks/out/train)
  python benchmarks/train_models.py kind html text headline   # train, report, write models
  python benchmarks/train_models.py report   # the held-out tables for docs/evaluation-model.md
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import multiprocessing
import pickle
import re
import statistics
import sys
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from train_region import load_score  # noqa: E402

from newsclean.features import stopwords  # noqa: E402
from newsclean.html import html_to_document  # noqa: E402
from newsclean.html.lines import HTML_LINE_FEATURES, choose, line_matrix  # noqa: E402
from newsclean.html.main_text import extract_main, match_lines  # noqa: E402
from newsclean.kind import HTML_MEASURES, PAGE_MEASURES, TYPES, page_measures  # noqa: E402
from newsclean.language import page_language  # noqa: E402
from newsclean.normalize import key  # noqa: E402
from newsclean.trees import Forest, sigmoid, softmax  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus"
DATA = ROOT / "src" / "newsclean" / "data"
CACHE = ROOT / "benchmarks" / "out" / "train"
SETS = ("bench/wcxb-dev", "bench/scrapinghub", "ar")
FOLDS = 5
#: The html-hints settings of ``Pipeline.learned()``: the line model decides, no hand-set trims.
LEARNED_HINTS: dict[str, Any] = {"prose": False, "trim": False, "boxes": False}


SCORE = load_score(CORPUS)  # the corpus's own scorer, so targets and scores match it


# --- the pages ------------------------------------------------------------------------------------


@dataclass
class Case:
    id: str
    folder: Path
    domain: str
    type: str
    gold: list[str]
    headline: str | None
    exp: dict[str, Any] = field(repr=False)

    def read(self, name: str | None) -> str | None:
        if not name or not (self.folder / name).exists():
            return None
        raw = (self.folder / name).read_bytes()
        if name.endswith(".gz"):
            raw = gzip.decompress(raw)
        return raw.decode("utf-8", "replace")


def site_of(exp: dict[str, Any]) -> str:
    if exp.get("domain"):
        return str(exp["domain"]).lower().removeprefix("www.")
    source = exp.get("source", "")
    if isinstance(source, dict):  # the Arabic set names its source page's address
        source = f"url {source.get('url', '')}"
    found = re.search(r"url https?://([^/\s]+)", source)
    return found.group(1).lower().removeprefix("www.") if found else str(exp["id"])


def group_of(case: str, page_type: str) -> str:
    """The group a case is reported in: its set, and a WCXB page's type."""
    if case.startswith("bench/wcxb-dev/"):
        return f"wcxb {page_type}"
    return "scrapinghub" if case.startswith("bench/scrapinghub/") else case.split("/")[0]


def fold_of(domain: str) -> int:
    return int(hashlib.sha1(domain.encode()).hexdigest(), 16) % FOLDS


def read_cases(corpus: Path = CORPUS) -> list[Case]:
    out = []
    for name in SETS:
        for path in sorted((corpus / name).glob("*/expected.json")):
            exp = json.loads(path.read_text(encoding="utf-8"))
            out.append(
                Case(
                    exp["id"],
                    path.parent,
                    site_of(exp),
                    exp.get("page_type", "article"),
                    list(exp.get("body") or []),
                    exp.get("headline"),
                    exp,
                )
            )
    return out


def targets(texts: list[str], gold: list[str]) -> list[int]:
    """1 for each line that is content by the gold body (see the module's docstring)."""
    joined = "\n".join(gold)
    shingles = set(SCORE.shingles(joined))
    words = " " + " ".join(SCORE.WORD.findall(SCORE._norm(joined).lower())) + " "
    out = []
    for text in texts:
        tokens = SCORE.WORD.findall(SCORE._norm(text).lower())
        if not tokens:
            out.append(0)
        elif len(tokens) >= 4:
            sh = SCORE.shingles(text)
            out.append(int(sum(s in shingles for s in sh) >= 0.5 * len(sh)))
        else:
            out.append(int(f" {' '.join(tokens)} " in words))
    return out


@dataclass
class Page:
    """What training needs of one page: its lines' features, targets and lengths."""

    id: str
    domain: str
    type: str
    gold: list[str]
    texts: list[str]
    x: np.ndarray
    y: np.ndarray
    words: np.ndarray
    measures: list[float]
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def fold(self) -> int:
        return fold_of(self.domain)


def html_page(case: Case) -> Page | None:
    html = case.read(case.exp.get("html"))
    if html is None:
        return None
    doc = html_to_document(html)
    page = doc.meta.get("html")
    if page is None:
        return None
    page_language(doc)
    keys = ["" if line.label == "blank" else key(line.text) for line in doc.lines]
    main = extract_main(page)
    covered = match_lines(keys, main.lines) if main else set()
    their_comments = match_lines(keys, main.comments) if main else set()
    x = line_matrix(doc, page, covered, their_comments)
    texts = [line.text for line in doc.lines]
    return Page(
        case.id,
        case.domain,
        case.type,
        case.gold,
        texts,
        x,
        np.array(targets(texts, case.gold)),
        np.array([line.words if line.label != "blank" else 0 for line in doc.lines], dtype=float),
        page_measures(doc),
        {"main": sorted(covered)},
    )


#: The stages that run before the region stage on scraped text (the page type's stage aside:
#: training appends cross-validated types).
BEFORE_REGION = ("comments", "promos", "chrome")


def text_page(case: Case) -> Page | None:
    from newsclean.document import Document
    from newsclean.registry import create
    from newsclean.text_lines import line_matrix as text_matrix

    text = case.read(case.exp.get("input", "input.txt"))
    if text is None:
        return None
    doc = Document.from_text(text)
    page_language(doc)
    for name in BEFORE_REGION:
        doc.stage = name
        create(name)(doc)
    texts = [line.text for line in doc.lines]
    headline = SCORE._norm(case.headline) if case.headline else None
    return Page(
        case.id,
        case.domain,
        case.type,
        case.gold,
        texts,
        text_matrix(doc),
        np.array(targets(texts, case.gold)),
        np.array([line.words if line.label != "blank" else 0 for line in doc.lines], dtype=float),
        page_measures(doc),
        {
            "headline": [i for i, t in enumerate(texts) if headline and SCORE._norm(t) == headline],
            "labels": [(line.label, line.reason) for line in doc.lines],
            "lang": doc.lang,
        },
    )


def build(kind: str, cases: list[Case], jobs: int) -> list[Page]:
    work: Callable[[Case], Page | None] = {"html": html_page, "text": text_page}[kind]
    with multiprocessing.Pool(jobs) as pool:
        pages = pool.map(work, cases, chunksize=4)
    return [p for p in pages if p is not None]


def cached(kind: str) -> list[Page]:
    path = CACHE / f"{kind}.pkl"
    if not path.exists():
        raise SystemExit(f"no measured pages at {path}: run `python benchmarks/train_models.py data` first")
    pages: list[Page] = pickle.loads(path.read_bytes())
    return pages


# --- fitting and exporting --------------------------------------------------------------------------


def fit_trees(
    x: np.ndarray,
    y: np.ndarray,
    *,
    weights: np.ndarray | None = None,
    classes: int = 2,
    iterations: int = 300,
    depth: int = 6,
    rate: float = 0.1,
    seed: int = 0,
) -> Any:
    from catboost import CatBoostClassifier

    model = CatBoostClassifier(
        iterations=iterations,
        depth=depth,
        learning_rate=rate,
        random_seed=seed,
        loss_function="MultiClass" if classes > 2 else "Logloss",
        verbose=0,
        thread_count=2,
        allow_writing_files=False,
    )
    model.fit(x, y, sample_weight=weights)
    return model


def to_forest(model: Any, names: Iterable[str], about: dict[str, Any]) -> Forest:
    """A trained CatBoost model as a :class:`~newsclean.trees.Forest` (its JSON export read back)."""
    import os
    import tempfile

    handle, path = tempfile.mkstemp(suffix=".json")
    os.close(handle)
    try:
        model.save_model(path, format="json")
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    finally:
        os.remove(path)
    trees = data["oblivious_trees"]
    scale, bias = data["scale_and_bias"]
    return Forest.from_json(
        {
            **about,
            "feature_names": list(names),
            "scale": scale,
            "bias": bias if isinstance(bias, list) else [bias],
            "features": [[s["float_feature_index"] for s in t["splits"]] for t in trees],
            "borders": [[s["border"] for s in t["splits"]] for t in trees],
            "leaves": [t["leaf_values"] for t in trees],
        }
    )


def compact(forest: Forest) -> dict[str, Any]:
    """The forest's JSON with borders as the float32 values CatBoost compares against and leaves
    to 7 significant digits: a third of the size, the same answers."""
    data = forest.to_json()
    data["borders"] = [[float(f"{np.float32(b):.9g}") for b in row] for row in data["borders"]]
    data["leaves"] = [[float(f"{v:.7g}") for v in row] for row in data["leaves"]]
    return data


def write(name: str, forest: Forest) -> None:
    text = json.dumps(compact(forest), separators=(",", ":"))
    (DATA / f"{name}.json").write_text(text + "\n", encoding="utf-8")
    print(f"wrote {DATA / name}.json ({len(text) // 1024} KB, {len(forest.features)} trees)")


# --- the page type ----------------------------------------------------------------------------------


def kind_rows(pages: list[Page], html: bool) -> np.ndarray:
    width = len(PAGE_MEASURES) + (len(HTML_MEASURES) if html else 0)
    return np.array([p.measures[:width] for p in pages], dtype=float)


def train_kind(pages: list[Page], html: bool, settings: dict[str, Any]) -> tuple[np.ndarray, Forest]:
    """Cross-validated type probabilities of every page, and the model trained on all of them."""
    x = kind_rows(pages, html)
    y = np.array([TYPES.index(p.type) for p in pages])
    folds = np.array([p.fold for p in pages])
    oof = np.zeros((len(pages), len(TYPES)))
    for f in range(FOLDS):
        model = to_forest(fit_trees(x[folds != f], y[folds != f], classes=len(TYPES), **settings), [], {})
        oof[folds == f] = softmax(model.raw(x[folds == f]))
    names = PAGE_MEASURES + (HTML_MEASURES if html else ())
    final = fit_trees(x, y, classes=len(TYPES), **settings)
    accuracy = float((oof.argmax(1) == y).mean())
    about = {
        "what": "newsclean page type from page measures",
        "types": list(TYPES),
        "trained": time.strftime("%Y-%m-%d"),
        "pages": len(pages),
        "settings": settings,
        "cross_validated_accuracy": round(accuracy, 4),
    }
    return oof, to_forest(final, names, about)


def report_kind(pages: list[Page], oof: np.ndarray) -> dict[str, Any]:
    y = np.array([TYPES.index(p.type) for p in pages])
    pred = oof.argmax(1)
    table = {}
    for k, name in enumerate(TYPES):
        sel = y == k
        taken = pred == k
        table[name] = {
            "pages": int(sel.sum()),
            "recall": round(float((pred[sel] == k).mean()), 3),
            "precision": round(float((y[taken] == k).mean()), 3) if taken.any() else 0.0,
        }
    print(f"page type, cross-validated accuracy {(pred == y).mean():.3f}")
    for name, row in table.items():
        print(
            f"  {name:14s} {row['pages']:5d} pages  recall {row['recall']:.3f}"
            f"  precision {row['precision']:.3f}"
        )
    return table


# --- the lines ---------------------------------------------------------------------------------------

WEIGHTING = {"mode": "page"}


def line_weights(page: Page) -> np.ndarray:
    """Each line weighs log(1 + words); with ``page`` weighting a page's lines weigh 1 in all (the
    scorer averages pages, not lines: a long listing must not outweigh ten articles)."""
    w = np.log1p(page.words)
    if WEIGHTING["mode"] == "page" and w.sum():
        w = w / w.sum() * 100.0
    return w


def with_kind(page: Page, kind: np.ndarray) -> np.ndarray:
    return (
        np.column_stack([page.x, np.tile(kind, (len(page.x), 1))])
        if len(page.x)
        else np.zeros((0, page.x.shape[1] + len(kind)))
    )


def line_scores(page: Page, chosen: set[int]) -> dict[str, float]:
    body = "\n".join(page.texts[i] for i in sorted(chosen))
    gold = "\n".join(page.gold)
    words = SCORE.prf(SCORE.WORD.findall(body.lower()), SCORE.WORD.findall(gold.lower()))
    shingles = SCORE.prf(SCORE.shingles(body), SCORE.shingles(gold))
    return {"body_word_f1": words[2], "body_f1": shingles[2], "body_p": shingles[0], "body_r": shingles[1]}


def train_lines(
    pages: list[Page], kinds: np.ndarray, settings: dict[str, Any], names: tuple[str, ...]
) -> tuple[list[np.ndarray], Forest]:
    """Cross-validated line probabilities of every page, and the model trained on all pages."""
    xs = [with_kind(p, k) for p, k in zip(pages, kinds, strict=True)]
    folds = np.array([p.fold for p in pages])
    oof: list[np.ndarray] = [np.zeros(0)] * len(pages)

    def stack(idx: list[int]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        keep = [i for i in idx if pages[i].gold and len(xs[i])]
        return (
            np.vstack([xs[i] for i in keep]),
            np.concatenate([pages[i].y for i in keep]),
            np.concatenate([line_weights(pages[i]) for i in keep]),
        )

    for f in range(FOLDS):
        x, y, w = stack([i for i in range(len(pages)) if folds[i] != f])
        model = to_forest(fit_trees(x, y, weights=w, **settings), [], {})
        for i in np.flatnonzero(folds == f):
            oof[i] = sigmoid(model.raw(xs[i])[:, 0]) if len(xs[i]) else np.zeros(0)
    x, y, w = stack(list(range(len(pages))))
    about = {
        "what": "newsclean: is this line of a page content",
        "trained": time.strftime("%Y-%m-%d"),
        "pages": len(pages),
        "lines": len(y),
        "settings": settings,
        "target": ">= 50% of the line's 4-word shingles in the gold body (short lines: its words "
        "together in the gold body)",
        "sample_weight": "log(1 + words)",
    }
    return oof, to_forest(
        fit_trees(x, y, weights=w, **settings), names + tuple(f"type:{t}" for t in TYPES), about
    )


def report_lines(pages: list[Page], oof: list[np.ndarray], floor: float) -> dict[str, Any]:
    rows: dict[str, list[dict[str, float]]] = {}
    for page, p in zip(pages, oof, strict=True):
        scores = line_scores(page, choose(p, page.words, floor=floor))
        group = group_of(page.id, page.type)
        rows.setdefault(group, []).append(scores)
        if "wcxb" in page.id:
            rows.setdefault("wcxb (all)", []).append(scores)
    table = {
        g: {"pages": len(r), **{k: round(statistics.mean(x[k] for x in r), 4) for k in r[0]}}
        for g, r in sorted(rows.items())
    }
    print(f"lines, cross-validated (floor {floor}):")
    for g, row in table.items():
        print(
            f"  {g:22s} {row['pages']:5d}  word F1 {row['body_word_f1']:.3f}  F1 {row['body_f1']:.3f}  "
            f"P {row['body_p']:.3f}  R {row['body_r']:.3f}"
        )
    return table


# --- held out, through the whole pipeline ----------------------------------------------------------

_EVAL: dict[str, Any] = {}


def _eval_init(pipelines: dict[int, Any], mode: str) -> None:
    _EVAL["pipelines"] = pipelines
    _EVAL["mode"] = mode


def _eval_case(case: Case) -> dict[str, Any] | None:
    from newsclean import clean_article

    name = case.exp.get("html") if _EVAL["mode"] == "html" else case.exp.get("input", "input.txt")
    content = case.read(name)
    if content is None:
        return None
    try:
        pred = SCORE.as_dict(clean_article(content, pipeline=_EVAL["pipelines"][fold_of(case.domain)]))
    except Exception as error:  # noqa: BLE001  (a crash scores zero, as in the scorer)
        print(f"{case.id}: {type(error).__name__}: {error}", file=sys.stderr)
        pred = {}
    row = {"case": case.id, "type": case.type, **SCORE.score_case(SCORE.Gold(case.exp), pred)}
    return row


def held_out(mode: str, pipelines: dict[int, Any], cases: list[Case], jobs: int) -> list[dict[str, Any]]:
    """Every case cleaned by the pipeline of its fold (whose models never saw its site), scored by
    the corpus's scorer."""
    with multiprocessing.Pool(jobs, initializer=_eval_init, initargs=(pipelines, mode)) as pool:
        rows = pool.map(_eval_case, cases, chunksize=4)
    return [r for r in rows if r is not None]


def summarize(rows: list[dict[str, Any]], title: str) -> dict[str, Any]:
    keys = ("body_word_f1", "body_f1", "body_p", "body_r", "headline")
    groups: dict[str, list[dict[str, Any]]] = {}
    for r in rows:
        groups.setdefault(group_of(r["case"], r["type"]), []).append(r)
        if "wcxb" in r["case"]:
            groups.setdefault("wcxb (all)", []).append(r)
    table: dict[str, Any] = {}
    print(title)
    for g, rs in sorted(groups.items()):
        row: dict[str, Any] = {"pages": len(rs)}
        for k in keys:
            vals = [r[k] for r in rs if k in r]
            if vals:
                row[k] = round(statistics.mean(vals), 4)
        row["under_0.5"] = sum(1 for r in rs if r.get("body_f1", 1.0) < 0.5)
        table[g] = row
        print(f"  {g:22s} " + "  ".join(f"{k} {v}" for k, v in row.items()))
    return table


def fold_models(
    pages: list[Page], html: bool, line_settings: dict[str, Any], kind_settings: dict[str, Any]
) -> dict[int, tuple[Forest, Forest]]:
    """For each fold, the line and page-type models trained without its pages (the line model on
    the cross-validated page types, as at run time)."""
    oof_kind, _ = train_kind(pages, html, kind_settings)
    folds = np.array([p.fold for p in pages])
    xs = [with_kind(p, k) for p, k in zip(pages, oof_kind, strict=True)]
    kind_x = kind_rows(pages, html)
    kind_y = np.array([TYPES.index(p.type) for p in pages])
    out = {}
    for f in range(FOLDS):
        keep = [i for i in range(len(pages)) if folds[i] != f and pages[i].gold and len(xs[i])]
        x = np.vstack([xs[i] for i in keep])
        y = np.concatenate([pages[i].y for i in keep])
        w = np.concatenate([line_weights(pages[i]) for i in keep])
        lines = to_forest(fit_trees(x, y, weights=w, **line_settings), [], {})
        kind = to_forest(
            fit_trees(kind_x[folds != f], kind_y[folds != f], classes=len(TYPES), **kind_settings), [], {}
        )
        out[f] = (lines, kind)
    return out


def html_pipelines(
    pages: list[Page],
    line_settings: dict[str, Any],
    kind_settings: dict[str, Any],
    floor: float,
    **hints: Any,
) -> dict[int, Any]:
    """For each fold, the learned pipeline with page-type and HTML line models trained without it."""
    from newsclean import Pipeline
    from newsclean.stages.html_hints import HtmlHints
    from newsclean.stages.kind import PageKind

    out = {
        f: Pipeline.learned()
        .replace("kind", PageKind(model=kind))
        .replace("html-hints", HtmlHints(**{**LEARNED_HINTS, "model": lines, "floor": floor, **hints}))
        for f, (lines, kind) in fold_models(pages, True, line_settings, kind_settings).items()
    }
    (CACHE / "folds_html.pkl").write_bytes(pickle.dumps(out))
    return out


def text_pipelines(
    pages: list[Page], line_settings: dict[str, Any], kind_settings: dict[str, Any], **region: Any
) -> dict[int, Any]:
    """For each fold, the pipeline with the text page-type and line models trained without it; the
    title model is trained on what these pipelines leave for it (so their ``headline`` is the rule)."""
    from newsclean import Pipeline
    from newsclean.stages.headline import Headline
    from newsclean.stages.kind import PageKind
    from newsclean.stages.region import Region

    out = {
        f: Pipeline.learned()
        .replace("kind", PageKind(text_model=kind))
        .replace("region", Region(model=lines, **region))
        .replace("headline", Headline(model=None))
        for f, (lines, kind) in fold_models(pages, False, line_settings, kind_settings).items()
    }
    (CACHE / "folds_text.pkl").write_bytes(pickle.dumps(out))
    return out


# --- the headline -----------------------------------------------------------------------------------

_UPTO: dict[str, Any] = {}


def _title_init(pipelines: dict[int, Any]) -> None:
    _UPTO["pipelines"] = pipelines


def title_page(case: Case) -> dict[str, Any] | None:
    """The title candidates of a page's text, cleaned up to the headline stage by its fold's pipeline."""
    import copy

    from newsclean.document import Document
    from newsclean.kind import kind_vector
    from newsclean.titles import candidates, title_matrix

    text = case.read(case.exp.get("input", "input.txt"))
    if text is None or not case.headline:
        return None
    pipe = copy.deepcopy(_UPTO["pipelines"][fold_of(case.domain)])
    names = pipe.names
    for name in names[names.index("headline") :]:
        pipe.remove(name)
    doc = Document.from_text(text)
    page_language(doc)
    pipe.run(doc)
    lines = candidates(doc)
    gold = SCORE._norm(case.headline)
    return {
        "id": case.id,
        "domain": case.domain,
        "type": case.type,
        "x": title_matrix(doc, lines, stopwords(doc.lang), kind_vector(doc.meta.get("kind_scores"))),
        "y": np.array([SCORE._norm(line.text) == gold for line in lines], dtype=int),
    }


def train_titles(jobs: int, settings: dict[str, Any]) -> tuple[dict[str, Any], Forest]:
    from newsclean.kind import TYPES as KIND_TYPES
    from newsclean.titles import TITLE_FEATURES

    pipelines = pickle.loads((CACHE / "folds_text.pkl").read_bytes())
    with multiprocessing.Pool(jobs, initializer=_title_init, initargs=(pipelines,)) as pool:
        pages = [p for p in pool.map(title_page, read_cases(), chunksize=4) if p is not None]
    folds = np.array([fold_of(p["domain"]) for p in pages])
    hits: dict[str, list[float]] = {}
    tops: list[tuple[float, float]] = []  # wcxb articles: the best candidate's probability, a hit or not
    for f in range(FOLDS):
        train = [p for p, g in zip(pages, folds, strict=True) if g != f and len(p["x"])]
        model = to_forest(
            fit_trees(
                np.vstack([p["x"] for p in train]), np.concatenate([p["y"] for p in train]), **settings
            ),
            [],
            {},
        )
        for p, g in zip(pages, folds, strict=True):
            if g != f:
                continue
            raw = model.raw(p["x"])[:, 0] if len(p["x"]) else np.zeros(0)
            best = int(np.argmax(raw)) if len(raw) else -1
            hit = float(best >= 0 and bool(p["y"][best]))
            if "wcxb" in p["id"] and p["type"] == "article":
                tops.append((float(sigmoid(raw[best : best + 1])[0]) if best >= 0 else 0.0, hit))
            group = group_of(p["id"], p["type"])
            hits.setdefault(group, []).append(hit)
            if "wcxb" in p["id"]:
                hits.setdefault("wcxb (all)", []).append(hit)
    for floor in (0.0, 0.05, 0.1, 0.2, 0.3, 0.5):
        kept = [hit for q, hit in tops if q >= floor]
        print(
            f"  wcxb articles, best candidate p >= {floor:.2f}: headline {sum(kept) / len(tops):.3f}, "
            f"{len(tops) - len(kept)} pages left without one"
        )
    table = {g: {"pages": len(v), "headline": round(statistics.mean(v), 4)} for g, v in sorted(hits.items())}
    reachable = statistics.mean(
        float(p["y"].any()) for p in pages if p["type"] == "article" and "wcxb" in p["id"]
    )
    print(f"headline, cross-validated (wcxb articles whose title is a candidate: {reachable:.3f})")
    for g, row in table.items():
        print(f"  {g:22s} {row['pages']:5d}  headline {row['headline']:.3f}")
    train = [p for p in pages if len(p["x"])]
    about = {
        "what": "newsclean: is this line the page's title",
        "trained": time.strftime("%Y-%m-%d"),
        "pages": len(train),
        "settings": settings,
    }
    final = fit_trees(np.vstack([p["x"] for p in train]), np.concatenate([p["y"] for p in train]), **settings)
    return table, to_forest(final, TITLE_FEATURES + tuple(f"type:{t}" for t in KIND_TYPES), about)


def reused(mode: str) -> dict[int, Any]:
    """The fold pipelines of the last held-out run, their stages built again from today's code
    with the fold's models (so a change of decoding is measured without training again)."""
    from newsclean import Pipeline
    from newsclean.stages.headline import Headline
    from newsclean.stages.html_hints import HtmlHints
    from newsclean.stages.kind import PageKind
    from newsclean.stages.region import Region

    old = pickle.loads((CACHE / f"folds_{mode}.pkl").read_bytes())
    out = {}
    for f, pipe in old.items():
        steps = {step.name: step.run for step in pipe._steps}
        kind = steps["kind"]
        new = Pipeline.learned().replace(
            "kind", PageKind(model=kind.model) if mode == "html"
            else PageKind(text_model=getattr(kind, "text_model", None) or kind.model))
        if mode == "html":
            hints = HtmlHints(**{**LEARNED_HINTS, "model": steps["html-hints"].model})
            new = new.replace("html-hints", hints)
        else:
            new = new.replace("region", Region(model=steps["region"].model)).replace(
                "headline", Headline(model=None)
            )
        out[f] = new
    return out


# --- commands ------------------------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument(
        "commands",
        nargs="+",
        choices=[
            "data",
            "data-text",
            "data-add",
            "kind",
            "html",
            "text",
            "held-out-html",
            "held-out-text",
            "headline",
        ],
    )
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--set", default="ar", help="data-add: the corpus set to measure and add")
    ap.add_argument("--iterations", type=int, default=300)
    ap.add_argument("--depth", type=int, default=6)
    ap.add_argument("--floor", type=float, default=0.1)
    ap.add_argument("--hints", default="{}", help="HtmlHints settings for held-out-html, as JSON")
    ap.add_argument("--weighting", choices=["page", "line"], default="page")
    ap.add_argument(
        "--reuse",
        action="store_true",
        help="held-out runs: clean with the fold pipelines of the last run (a change of decoding only)",
    )
    a = ap.parse_args(argv)
    CACHE.mkdir(parents=True, exist_ok=True)
    WEIGHTING["mode"] = a.weighting
    if "data" in a.commands:
        for mode in ("html", "text"):
            t0 = time.time()
            pages = build(mode, read_cases(), a.jobs)
            (CACHE / f"{mode}.pkl").write_bytes(pickle.dumps(pages))
            print(f"measured {len(pages)} {mode} pages in {time.time() - t0:.0f} s")
    if "data-add" in a.commands:
        # Measure one more set's pages and add them to both caches (the others stay as measured).
        for mode in ("html", "text"):
            cases = [c for c in read_cases() if c.id.startswith(a.set + "/")]
            pages = [p for p in cached(mode) if not p.id.startswith(a.set + "/")] + build(mode, cases, a.jobs)
            (CACHE / f"{mode}.pkl").write_bytes(pickle.dumps(pages))
            print(f"{mode}: {len(pages)} pages, {len(cases)} of {a.set}")
    if "data-text" in a.commands:
        pages = build("text", read_cases(), a.jobs)
        (CACHE / "text.pkl").write_bytes(pickle.dumps(pages))
    results: dict[str, Any] = {}
    from newsclean.text_lines import TEXT_LINE_FEATURES

    # The HTML models ("kind" writes the page-type model alone) and the text models ("text").
    for mode, columns, write_kind, write_lines in (
        ("html", HTML_LINE_FEATURES, "kind" in a.commands, "html" in a.commands),
        ("text", TEXT_LINE_FEATURES, "text" in a.commands, "text" in a.commands),
    ):
        if not (write_kind or write_lines):
            continue
        pages = cached(mode)
        oof, forest = train_kind(pages, mode == "html", {"iterations": 400, "depth": 5, "rate": 0.08})
        results[f"kind_{mode}"] = report_kind(pages, oof)
        if write_kind:
            write(f"kind_{mode}", forest)
        if write_lines:
            line_settings = {"iterations": a.iterations, "depth": a.depth, "rate": 0.1}
            p, lines = train_lines(pages, oof, line_settings, columns)
            results[f"{mode}_lines"] = report_lines(pages, p, a.floor)
            write(f"{mode}_lines", lines)
            (CACHE / f"{mode}_oof.pkl").write_bytes(pickle.dumps(p))
    if "held-out-text" in a.commands:
        pages = cached("text")
        pipelines = (
            reused("text")
            if a.reuse
            else text_pipelines(
                pages,
                {"iterations": a.iterations, "depth": a.depth, "rate": 0.1},
                {"iterations": 400, "depth": 5, "rate": 0.08},
                **json.loads(a.hints),
            )
        )
        rows = held_out("text", pipelines, read_cases(), a.jobs)
        results["held_out_text"] = summarize(rows, "held out, whole pipeline, text input:")
        (CACHE / "held_out_text.json").write_text(json.dumps(rows))
    if "headline" in a.commands:
        table, forest = train_titles(a.jobs, {"iterations": 300, "depth": 5, "rate": 0.08})
        results["headline"] = table
        write("headline", forest)
    if "held-out-html" in a.commands:
        pages = cached("html")
        pipelines = (
            reused("html")
            if a.reuse
            else html_pipelines(
                pages,
                {"iterations": a.iterations, "depth": a.depth, "rate": 0.1},
                {"iterations": 400, "depth": 5, "rate": 0.08},
                a.floor,
                **json.loads(a.hints),
            )
        )
        rows = held_out("html", pipelines, read_cases(), a.jobs)
        results["held_out_html"] = summarize(rows, "held out, whole pipeline, HTML input:")
        (CACHE / "held_out_html.json").write_text(json.dumps(rows))
    if results:
        out = CACHE / "report.json"
        old = json.loads(out.read_text()) if out.exists() else {}
        out.write_text(json.dumps({**old, **results}, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
