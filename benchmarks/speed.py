#!/usr/bin/env python3
"""Speed of newsclean: pages per second over the corpus, and the seed page's median time.

usage: python benchmarks/speed.py [--corpus ../shared/corpus] [--repeat 200]

Timings use one core, after a warm-up call (language models and stoplists load once per
process). Medians are over many single calls; the machine's noise shows in the spread.
"""

from __future__ import annotations

import argparse
import gzip
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from newsclean import clean_article  # noqa: E402


def _read(path: Path) -> str:
    data = path.read_bytes()
    if path.suffix == ".gz":
        data = gzip.decompress(data)
    return data.decode("utf-8", "replace")


def _times(text: str, repeat: int) -> list[float]:
    clean_article(text)
    out = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        clean_article(text)
        out.append(time.perf_counter() - t0)
    return out


def pages(corpus: Path, pattern: str) -> list[str]:
    return [_read(p) for p in sorted(corpus.glob(pattern))]


def throughput(texts: list[str], rounds: int = 3) -> tuple[float, float]:
    """(pages per second, median ms per page) over ``texts``, best of ``rounds`` passes."""
    for t in texts[:3]:
        clean_article(t)
    best = float("inf")
    per_page: list[float] = []
    for _ in range(rounds):
        times = []
        for t in texts:
            t0 = time.perf_counter()
            clean_article(t)
            times.append(time.perf_counter() - t0)
        if sum(times) < best:
            best, per_page = sum(times), times
    return len(texts) / best, 1000 * statistics.median(per_page)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    ap.add_argument("--repeat", type=int, default=300)
    a = ap.parse_args(argv)
    seed = ROOT / "fixtures" / "elaph-seed" / "input.txt"
    if not seed.exists():
        seed = a.corpus / "ar" / "elaph-seed" / "input.txt"
    times = _times(seed.read_text(encoding="utf-8"), a.repeat)
    print(f"seed page ({seed.name}, {a.repeat} runs): median {1000 * statistics.median(times):.3f} ms, "
          f"min {1000 * min(times):.3f} ms")
    if not a.corpus.exists():
        print(f"no corpus at {a.corpus}: corpus timings skipped")
        return 0
    for name, pattern in (("ar text", "ar/*/input.txt"), ("scrapinghub text", "bench/scrapinghub/*/input.txt"),
                          ("trafilatura-bench text", "bench/trafilatura/*/input.txt")):
        texts = pages(a.corpus, pattern)
        if texts:
            rate, median = throughput(texts)
            print(f"{name:24s} {len(texts):4d} pages: {rate:7.0f} pages/s, median {median:.2f} ms/page")
    return 0


if __name__ == "__main__":
    sys.exit(main())
