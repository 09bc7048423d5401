#!/usr/bin/env python3
"""``newsclean batch --jobs 2`` against ``--jobs 1`` on the WCXB-dev pages: wall time of the whole
command, as a user runs it (process start, reading the gzipped pages, cleaning, writing JSON lines).

The runs alternate (1, 2, 1, 2, ...) so both see the same load from the machine's neighbours;
each round's ratio is jobs-2 time over the jobs-1 time of the same round, and the script prints
every round, the median and the range. The two outputs are compared byte for byte.

Each round also prints the load average and the machine's own ratio, before and after: a
pure-Python loop done by one process, then split over two (:func:`control`). On two free cores
it is 0.5; on a machine shared with other work it rises towards 1.0, and no ``--jobs 2`` run can
beat it: read the ratio of ``batch`` against it.

usage: python benchmarks/batch_jobs.py [--rounds 3] [--input html|text] [--set bench/wcxb-dev]
                                      [--limit N] [--nice N]
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


def prioritise(nice: int) -> None:
    """Run this script and what it starts at niceness ``nice`` (root only, for negative values).
    Linux shares the CPU between sessions first (autogroups), so the script takes a session of its
    own and sets that group's niceness too."""
    try:
        os.setsid()
    except PermissionError:  # already a session leader
        pass
    autogroup = Path("/proc/self/autogroup")
    if autogroup.exists():
        autogroup.write_text(str(nice))
    os.nice(nice)


def run(inputs: Path, out: Path, jobs: int) -> float:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    t0 = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "newsclean.cli", "batch", str(inputs), "-o", str(out),
                           "--jobs", str(jobs), "--no-progress"], env=env, capture_output=True)
    seconds = time.perf_counter() - t0
    if done.returncode != 0:
        raise SystemExit(done.stderr.decode())
    return seconds


def _spin(n: int) -> int:
    total = 0
    for i in range(n):
        total += i
    return total


def control(work: int = 30_000_000) -> float:
    """The machine's own ratio at this moment: a pure-Python loop done by one process, then the
    same work split over two. 0.5 means two free cores; 1.0 means the second process found none
    (other work holds it)."""
    import multiprocessing

    times = []
    for procs in (1, 2):
        with multiprocessing.get_context("fork").Pool(procs) as pool:
            t0 = time.perf_counter()
            pool.map(_spin, [work // procs] * procs)
            times.append(time.perf_counter() - t0)
    return times[1] / times[0]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--input", choices=["html", "text"], default="html")
    ap.add_argument("--set", default="bench/wcxb-dev")
    ap.add_argument("--limit", type=int, help="only the first N pages")
    ap.add_argument("--nice", type=int, default=0,
                    help="run at this niceness, in a session of its own (negative needs root: on a machine "
                         "busy with other work, it measures what the command does with cores of its own)")
    args = ap.parse_args()
    if args.nice:
        prioritise(args.nice)
    source = CORPUS / args.set
    if not source.is_dir():
        print(f"no corpus at {source}", file=sys.stderr)
        return 2
    name = "input.html.gz" if args.input == "html" else "input.txt.gz"
    with tempfile.TemporaryDirectory() as tmp:
        inputs = Path(tmp) / "pages"
        inputs.mkdir()
        pages = sorted(source.glob(f"*/{name}")) or sorted(source.glob(f"*/{name.removesuffix('.gz')}"))
        pages = pages[: args.limit] if args.limit else pages
        for path in pages:
            (inputs / f"{path.parent.name}-{path.name}").symlink_to(path)
        print(f"{len(pages)} pages of {args.set} ({args.input}), {os.cpu_count()} cores")
        ratios, one, two = [], [], []
        for r in range(args.rounds):
            before = control()
            t1 = run(inputs, Path(tmp) / "one.jsonl", 1)
            t2 = run(inputs, Path(tmp) / "two.jsonl", 2)
            after = control()
            one.append(t1)
            two.append(t2)
            ratios.append(t2 / t1)
            load = os.getloadavg()[0]
            print(f"  round {r + 1}: --jobs 1 {t1:.1f} s, --jobs 2 {t2:.1f} s, ratio {t2 / t1:.2f} "
                  f"(load average {load:.1f}; the machine's own ratio before/after {before:.2f}/{after:.2f})",
                  flush=True)
        same = (Path(tmp) / "one.jsonl").read_bytes() == (Path(tmp) / "two.jsonl").read_bytes()
        print(f"ratio median {statistics.median(ratios):.2f}, range {min(ratios):.2f}-{max(ratios):.2f}; "
              f"pages/s: --jobs 1 {len(pages) / statistics.median(one):.0f}, "
              f"--jobs 2 {len(pages) / statistics.median(two):.0f}; outputs identical: {same}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
