#!/usr/bin/env python3
"""``newsclean batch --jobs 2`` against ``--jobs 1`` on the WCXB-dev pages: wall time of the whole
command, as a user runs it (process start, reading the gzipped pages, cleaning, writing JSON lines).

The runs alternate (1, 2, 1, 2, ...) so both see the same load from the machine's neighbours;
each round's ratio is jobs-2 time over the jobs-1 time of the same round, and the script prints
every round (with the load average: on a machine whose cores are busy with other work a second
worker has no core of its own), the median and the range. The two outputs are compared byte
for byte.

usage: python benchmarks/batch_jobs.py [--rounds 3] [--input html|text] [--set bench/wcxb-dev]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"


def run(inputs: Path, out: Path, jobs: int) -> float:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    t0 = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "newsclean.cli", "batch", str(inputs), "-o", str(out),
                           "--jobs", str(jobs), "--no-progress"], env=env, capture_output=True)
    seconds = time.perf_counter() - t0
    if done.returncode != 0:
        raise SystemExit(done.stderr.decode())
    return seconds


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--input", choices=["html", "text"], default="html")
    ap.add_argument("--set", default="bench/wcxb-dev")
    args = ap.parse_args()
    source = CORPUS / args.set
    if not source.is_dir():
        print(f"no corpus at {source}", file=sys.stderr)
        return 2
    name = "input.html.gz" if args.input == "html" else "input.txt.gz"
    with tempfile.TemporaryDirectory() as tmp:
        inputs = Path(tmp) / "pages"
        inputs.mkdir()
        pages = sorted(source.glob(f"*/{name}")) or sorted(source.glob(f"*/{name.removesuffix('.gz')}"))
        for path in pages:
            (inputs / f"{path.parent.name}-{path.name}").symlink_to(path)
        print(f"{len(pages)} pages of {args.set} ({args.input}), {os.cpu_count()} cores")
        ratios, one, two = [], [], []
        for r in range(args.rounds):
            t1 = run(inputs, Path(tmp) / "one.jsonl", 1)
            t2 = run(inputs, Path(tmp) / "two.jsonl", 2)
            one.append(t1)
            two.append(t2)
            ratios.append(t2 / t1)
            load = os.getloadavg()[0]
            print(f"  round {r + 1}: --jobs 1 {t1:.1f} s, --jobs 2 {t2:.1f} s, ratio {t2 / t1:.2f} "
                  f"(load average {load:.1f})", flush=True)
        same = (Path(tmp) / "one.jsonl").read_bytes() == (Path(tmp) / "two.jsonl").read_bytes()
        print(f"ratio median {statistics.median(ratios):.2f}, range {min(ratios):.2f}-{max(ratios):.2f}; "
              f"pages/s: --jobs 1 {len(pages) / statistics.median(one):.0f}, "
              f"--jobs 2 {len(pages) / statistics.median(two):.0f}; outputs identical: {same}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
