"""The packaged models' stored scores (``benchmarks/model_scores.json``) are what they give today.

A small evaluation (a fixed sample of WCXB's and ScrapingHub's pages, text and HTML input, scored
by the corpus's scorer) is run again and compared with the stored numbers, so a retrained model or
a changed stage cannot leave the stored scores, and the docs that quote them, stale. Skipped when
``../shared`` is absent."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = ROOT / "benchmarks" / "model_scores.py"


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("model_scores", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_stored_scores_are_todays() -> None:
    script = _script()
    if not (script.CORPUS.parent / "tools" / "score.py").exists():
        pytest.skip(f"the shared corpus is absent ({script.CORPUS})")
    stored = json.loads(script.STORED.read_text(encoding="utf-8"))
    today = script.evaluate()
    assert set(today) == set(stored)
    for group, row in stored.items():
        for metric, value in row.items():
            assert today[group][metric] == pytest.approx(value, abs=0.002), (group, metric)
