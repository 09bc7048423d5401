#!/usr/bin/env python3
"""Speed of newsclean: the seed page, pages per second over the corpus against a ``\\w+`` pass over
the same pages, the HTML path against trafilatura on the same pages, how the cost grows with the
input, and a million lines through the command line with its peak memory.

usage: python benchmarks/speed.py [--corpus ../shared/corpus] [--repeat 300] [--no-html] [--no-cli]

Prints, on one core, after a warm-up call (language models and stoplists load once per process):

* the seed page's median time over ``--repeat`` calls (target: 0.5 ms);
* text input: pages/s and the median page for each corpus folder (best of three passes), and
  the time of the whole set against one ``re.findall(r"\\w+")`` pass over the same pages,
  timed page by page in turn in the same passes (target on ScrapingHub: 4x);
* HTML input (the ScrapingHub pages): newsclean's HTML path, ``trafilatura.bare_extraction``
  (the library call under trafilatura's ``extract``; by default it skips the metadata, so also
  with ``with_metadata=True``, the work newsclean does) and ``trafilatura.extract``, timed page
  by page in turn so that the machine's noise falls on all alike; the ratios are of the sums;
* linearity: the median-sized ScrapingHub text page repeated 1x, 4x and 16x (medians of 15 rounds);
* the command line in a fresh process, ``newsclean clean FILE > out``, on 1,000,000 short
  Arabic lines ("سطر N") and on 1,300,000 empty lines, written to a temporary folder: seconds
  and peak RSS (targets: 10 s, 20x the input + 100 MB).

Medians are over single calls; the machine's noise shows in the spread between runs.
"""

from __future__ import annotations

import argparse
import gzip
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from newsclean import clean_article  # noqa: E402

TEXT_SETS = (("ar text", "ar/*/input.txt"), ("scrapinghub text", "bench/scrapinghub/*/input.txt"),
             ("trafilatura-bench text", "bench/trafilatura/*/input.txt"))


def _read(path: Path) -> str:
    data = path.read_bytes()
    if path.suffix == ".gz":
        data = gzip.decompress(data)
    return data.decode("utf-8", "replace")


def _timed(call: Callable[[str], object], arg: str) -> float:
    t0 = time.perf_counter()
    call(arg)
    return time.perf_counter() - t0


def _times(text: str, repeat: int) -> list[float]:
    clean_article(text)
    return [_timed(clean_article, text) for _ in range(repeat)]


def pages(corpus: Path, pattern: str) -> list[str]:
    return [_read(p) for p in sorted(corpus.glob(pattern))]


_WORDS = re.compile(r"\w+")


def throughput(texts: list[str], rounds: int = 3) -> tuple[float, float, float]:
    """(pages per second, median ms per page, time against a ``\\w+`` pass) over ``texts``, best
    of ``rounds`` passes; each page is cleaned and then read by ``re.findall(r"\\w+")``, in turn,
    so that the machine's noise falls on both alike."""
    for t in texts[:3]:
        clean_article(t)
    best, words = float("inf"), float("inf")
    per_page: list[float] = []
    for _ in range(rounds):
        times, passes = [], []
        for t in texts:
            times.append(_timed(clean_article, t))
            passes.append(_timed(_WORDS.findall, t))
        if sum(times) < best:
            best, per_page = sum(times), times
        words = min(words, sum(passes))
    return len(texts) / best, 1000 * statistics.median(per_page), best / words


def html_versus_trafilatura(htmls: list[str]) -> None:
    """newsclean's HTML path against trafilatura on the same pages, page by page in turn."""
    import trafilatura

    tools: dict[str, Callable[[str], object]] = {
        "newsclean clean_article(html)": clean_article,
        "trafilatura.bare_extraction": trafilatura.bare_extraction,
        # The same call asked for what newsclean also returns: title, date, author.
        "  ... with_metadata=True": partial(trafilatura.bare_extraction, with_metadata=True),
        "trafilatura.extract": trafilatura.extract,
    }
    for html in htmls[:3]:
        for tool in tools.values():
            tool(html)
    spent: dict[str, list[float]] = {name: [] for name in tools}
    for html in htmls:
        for name, tool in tools.items():
            spent[name].append(_timed(tool, html))
    ours = sum(spent["newsclean clean_article(html)"])
    for name, times in spent.items():
        total = sum(times)
        print(f"  {name:32s} {total:6.2f} s, median {1000 * statistics.median(times):6.2f} ms/page, "
              f"{len(times) / total:5.1f} pages/s; newsclean takes {ours / total:.2f}x this")


def linearity(text: str, rounds: int = 15) -> None:
    """Time one page repeated 1x, 4x and 16x: the cost should grow with the input, no faster.

    The three sizes are timed in turn, ``rounds`` times, so that the machine's noise falls on
    all of them alike; each size's median is reported.
    """
    sizes = (1, 4, 16)
    inputs = {n: "\n".join([text] * n) for n in sizes}
    for page in inputs.values():
        clean_article(page)
    spent: dict[int, list[float]] = {n: [] for n in sizes}
    for _ in range(rounds):
        for n in sizes:
            spent[n].append(_timed(clean_article, inputs[n]))
    base = statistics.median(spent[1])
    for n in sizes:
        median = statistics.median(spent[n])
        print(f"  {n:2d}x ({len(inputs[n]):>9,} chars): {1000 * median:8.2f} ms, {median / base:5.2f}x")


def command_line(lines: int, text: str, name: str) -> None:
    """``newsclean clean FILE > out`` in a fresh process on ``lines`` lines of ``text``
    (``{n}``: the line's number): seconds and peak RSS against the targets."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "input.txt"
        with path.open("w", encoding="utf-8") as file:
            for start in range(0, lines, 100_000):
                file.write("\n".join(text.format(n=n) for n in range(start, min(start + 100_000, lines))))
                file.write("\n" if start + 100_000 < lines else "")
        size = path.stat().st_size
        command = [sys.executable, "-m", "newsclean.cli", "clean", str(path)]
        env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
        started = time.perf_counter()
        with (Path(tmp) / "out.json").open("wb") as sink:
            child = subprocess.Popen(command, stdout=sink, env=env)
            _, status, usage = os.wait4(child.pid, 0)
        seconds = time.perf_counter() - started
        written = (Path(tmp) / "out.json").stat().st_size
    peak = usage.ru_maxrss / 1024
    allowed = 20 * size / 2**20 + 100
    code = os.waitstatus_to_exitcode(status)
    verdict = "ok" if code == 0 and seconds <= 10 and peak <= allowed else "over a target"
    print(f"  {name}: {size / 2**20:.1f} MB, {seconds:.1f} s (target 10 s), peak RSS {peak:.0f} MB "
          f"(target {allowed:.0f} MB = 20x input + 100 MB), {written / 2**20:.0f} MB written, exit {code}: "
          f"{verdict}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    ap.add_argument("--repeat", type=int, default=300)
    ap.add_argument("--no-html", action="store_true", help="skip the HTML timings (the slow part)")
    ap.add_argument("--no-cli", action="store_true", help="skip the million-line command-line runs")
    a = ap.parse_args(argv)
    seed = ROOT / "fixtures" / "elaph-seed" / "input.txt"
    if not seed.exists():
        seed = a.corpus / "ar" / "elaph-seed" / "input.txt"
    times = _times(seed.read_text(encoding="utf-8"), a.repeat)
    median, fastest = 1000 * statistics.median(times), 1000 * min(times)
    print(f"seed page ({seed.parent.name}, {a.repeat} runs): median {median:.3f} ms, min {fastest:.3f} ms "
          "(target 0.5 ms)")
    if not a.no_cli:
        print("the command line, a fresh process each:")
        command_line(1_000_000, "سطر {n}", "1,000,000 short lines")
        command_line(1_300_000, "", "1,300,000 empty lines")
    if not a.corpus.exists():
        print(f"no corpus at {a.corpus}: corpus timings skipped")
        return 0
    for name, pattern in TEXT_SETS:
        texts = pages(a.corpus, pattern)
        if texts:
            rate, median, ratio = throughput(texts)
            print(f"{name:24s} {len(texts):4d} pages: {rate:7.0f} pages/s, median {median:.2f} ms/page, "
                  f"{ratio:.1f}x a \\w+ pass" + (" (target 4x)" if "scrapinghub" in name else ""))
    texts = pages(a.corpus, "bench/scrapinghub/*/input.txt")
    if texts:
        page = sorted(texts, key=len)[len(texts) // 2]
        print("one median-sized scrapinghub text page repeated:")
        linearity(page)
    htmls = pages(a.corpus, "bench/scrapinghub/*/input.html.gz")
    if htmls and not a.no_html:
        print(f"scrapinghub html, {len(htmls)} pages:")
        html_versus_trafilatura(htmls)
    return 0


if __name__ == "__main__":
    sys.exit(main())
