"""The packaged models' scores on a fixed sample of the corpus, stored so they cannot go stale.

``benchmarks/train_models.py`` reports the models' cross-validated scores
(``docs/evaluation-model.md``); this script re-runs a small evaluation of the models as shipped
(``clean_article(..., learned=True)``): every 25th page of ``bench/wcxb-dev`` and every 10th of
``bench/scrapinghub``, text and HTML input, scored by the corpus's own scorer. ``--write``
stores the means in ``benchmarks/model_scores.json``; ``tests/test_model_scores.py`` runs the
same evaluation and fails when a model or a stage changed what they give without the stored
numbers (and so the docs that quote them) being written again.

Run from the project root: ``python benchmarks/model_scores.py [--write]``.
"""

from __future__ import annotations

import argparse
import gzip
import json
import statistics
import sys
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"
STORED = ROOT / "benchmarks" / "model_scores.json"
#: (set, every how many pages) of the sample.
SAMPLE = (("bench/wcxb-dev", 25), ("bench/scrapinghub", 10))
METRICS = ("body_f1", "body_word_f1", "headline")


def scorer(corpus: Path = CORPUS) -> ModuleType:
    """The corpus's scorer module (``../shared/tools/score.py``)."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from train_region import load_score

    return load_score(corpus)


def _read(folder: Path, name: str) -> str | None:
    for path in (folder / name, folder / f"{name}.gz"):
        if path.exists():
            raw = path.read_bytes()
            return (gzip.decompress(raw) if path.suffix == ".gz" else raw).decode("utf-8", "replace")
    return None


def evaluate(corpus: Path = CORPUS) -> dict[str, dict[str, float]]:
    """Mean scores of the packaged pipeline on the sample, by set and input."""
    from newsclean import clean_article

    score = scorer(corpus)
    out: dict[str, dict[str, float]] = {}
    for name, step in SAMPLE:
        folders = sorted(p.parent for p in (corpus / name).glob("*/expected.json"))[::step]
        for mode, file in (("text", "input.txt"), ("html", "input.html.gz")):
            rows = []
            for folder in folders:
                exp = json.loads((folder / "expected.json").read_text(encoding="utf-8"))
                content = _read(folder, exp.get("html", file) if mode == "html" else exp.get("input", file))
                if content is None:
                    continue
                pred = score.as_dict(clean_article(content, learned=True))
                rows.append(score.score_case(score.Gold(exp), pred))
            out[f"{name} {mode}"] = {"pages": float(len(rows)), **{
                m: round(statistics.mean(r[m] for r in rows if m in r), 4)
                for m in METRICS if any(m in r for r in rows)}}
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--write", action="store_true", help=f"store the scores in {STORED.relative_to(ROOT)}")
    a = ap.parse_args(argv)
    scores = evaluate()
    for group, row in scores.items():
        print(f"{group:28s} " + "  ".join(f"{k} {v:g}" for k, v in row.items()))
    if a.write:
        STORED.write_text(json.dumps(scores, indent=1) + "\n", encoding="utf-8")
        print(f"wrote {STORED}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
