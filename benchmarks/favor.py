#!/usr/bin/env python3
"""What ``clean_article(favor=...)`` does to body precision and recall, measured by the shared scorer.

usage: python benchmarks/favor.py [SET ...] [--input text|html|both]

Runs ``../shared/tools/score.py`` (loaded by path, as ``tests/test_evaluation.py`` does; the
scorer is shared and has no ``favor`` option) over each corpus set three times, with
``clean_article`` called with ``favor="balanced"``, ``"precision"`` and ``"recall"``, and prints
the body P/R/F1 of each run as a Markdown table. ``SET`` is a folder under
``../shared/corpus`` (default ``bench/scrapinghub``); ``--input`` picks the pages' text, their
HTML or both (default both).
"""

from __future__ import annotations

import argparse
import contextlib
import importlib.util
import io
import json
import sys
import tempfile
from functools import partial
from pathlib import Path
from types import ModuleType
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
SHARED = ROOT.parent / "shared"
SCORER = SHARED / "tools" / "score.py"

from newsclean import FAVORS, clean_article  # noqa: E402

# The scorer calls an API named "module:function"; these are found in this script's module.
clean_balanced = partial(clean_article, favor="balanced")
clean_precision = partial(clean_article, favor="precision")
clean_recall = partial(clean_article, favor="recall")
METRICS = ("body_p", "body_r", "body_f1")


def load_scorer() -> ModuleType:
    spec = importlib.util.spec_from_file_location("shared_score", SCORER)
    if spec is None or spec.loader is None:
        raise SystemExit(f"the shared scorer is absent ({SCORER})")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def score(scorer: ModuleType, corpus: Path, favor: str, kind: str) -> dict[str, Any]:
    """The scorer's summary of one set, with ``clean_article(favor=favor)``."""
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "summary.json"
        args = [str(corpus), "--api", f"{__name__}:clean_{favor}", "--input", kind, "--summary", str(out)]
        with contextlib.redirect_stdout(io.StringIO()):
            status = scorer.main(args)
        if status != 0:
            raise SystemExit(f"the scorer failed on {corpus} ({kind} input)")
        summary: dict[str, Any] = json.loads(out.read_text(encoding="utf-8"))
    return summary


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("sets", nargs="*", default=["bench/scrapinghub"])
    ap.add_argument("--input", choices=["text", "html", "both"], default="both")
    args = ap.parse_args(argv)
    if not SCORER.is_file():
        print(f"favor.py: the shared scorer is absent ({SCORER})", file=sys.stderr)
        return 1
    scorer = load_scorer()
    kinds = ["text", "html"] if args.input == "both" else [args.input]
    print("| set | input | favor | body P | body R | body F1 | cases | crashed |")
    print("|---|---|---|---|---|---|---|---|")
    for name in args.sets:
        corpus = SHARED / "corpus" / name
        for kind in kinds:
            for favor in FAVORS:
                got = score(scorer, corpus, favor, kind)
                cells = " | ".join(f"{got[m]:.3f}" for m in METRICS)
                print(f"| `{name}` | {kind} | {favor} | {cells} | {got['cases']} | {got['crashed']} |",
                      flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
