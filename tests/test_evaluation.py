"""The evaluation gate: the shared scorer over the shared corpus must meet the floors in
``tests/floors.json``. A set named ``FOLDER html`` is scored on its pages' HTML
(``--input html``). Skipped when ``../shared`` is absent."""

from __future__ import annotations

import contextlib
import importlib.util
import io
import json
import tempfile
from functools import cache
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SCORER = SHARED / "tools" / "score.py"
CORPUS = SHARED / "corpus"
FLOORS: dict[str, Any] = json.loads((Path(__file__).parent / "floors.json").read_text(encoding="utf-8"))
SETS = [name for name in FLOORS if not name.startswith("_")]
#: What the scorer's summary holds besides metrics.
NOT_METRICS = {"cases", "crashed", "ms_median", "cases_per_s"}


def _scorer() -> ModuleType:
    if not SCORER.is_file():
        pytest.skip(f"the shared scorer is absent ({SCORER})")
    spec = importlib.util.spec_from_file_location("shared_score", SCORER)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@cache
def summary(corpus_set: str) -> dict[str, float]:
    """The scorer's ``--summary`` of one corpus set, as run from the command line."""
    scorer = _scorer()
    name, _, kind = corpus_set.partition(" ")
    folder = CORPUS / name
    if not folder.is_dir():
        pytest.skip(f"the shared corpus set is absent ({folder})")
    extra = ["--input", kind] if kind else []
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "summary.json"
        with contextlib.redirect_stdout(io.StringIO()):
            args = [str(folder), "--api", "newsclean:clean_article", "--summary", str(out), *extra]
            status = scorer.main(args)
        assert status == 0
        result: dict[str, float] = json.loads(out.read_text(encoding="utf-8"))
    return result


def _bounds() -> list[Any]:
    params = []
    for corpus_set in SETS:
        for kind in ("min", "max"):
            for metric, bound in FLOORS[corpus_set].get(kind, {}).items():
                params.append(pytest.param(corpus_set, kind, metric, bound, id=f"{corpus_set}-{metric}"))
    return params


def test_the_floors_file_is_well_formed() -> None:
    assert {"ar", "ar/elaph-seed"} <= set(SETS)
    for corpus_set in SETS:
        assert set(FLOORS[corpus_set]) <= {"min", "max"}, corpus_set
        for bound in FLOORS[corpus_set].get("min", {}).values():
            assert 0.0 < bound <= 1.0


def test_the_seed_page_is_held_to_a_perfect_score() -> None:
    assert set(FLOORS["ar/elaph-seed"]["min"].values()) == {1.0}


@pytest.mark.parametrize(("corpus_set", "kind", "metric", "bound"), _bounds())
def test_the_scorer_meets_the_floor(corpus_set: str, kind: str, metric: str, bound: float) -> None:
    got = summary(corpus_set)
    assert metric in got, f"the scorer no longer reports {metric!r} on {corpus_set}; a floor cannot be dodged"
    if kind == "min":
        assert got[metric] >= bound, f"{metric} on {corpus_set}: {got[metric]:.3f} < floor {bound}"
    else:
        assert got[metric] <= bound, f"{metric} on {corpus_set}: {got[metric]} > limit {bound}"


def test_every_metric_on_the_seed_page_is_perfect() -> None:
    metrics = {k: v for k, v in summary("ar/elaph-seed").items() if k not in NOT_METRICS}
    assert metrics, "the scorer reported no metric on the seed page"
    assert {k: v for k, v in metrics.items() if v < 1.0} == {}
    assert set(metrics) <= set(FLOORS["ar/elaph-seed"]["min"]), "a new metric needs its floor in floors.json"
