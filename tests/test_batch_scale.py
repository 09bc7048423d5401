"""``newsclean batch`` on a long input: bounded memory, a killed run resumed to the same bytes, and
the progress bar a terminal shows."""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import pty
import select
import signal
import struct
import subprocess
import sys
import termios
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"
ENV = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "PYTHONIOENCODING": "utf-8"}
COMMAND = [sys.executable, "-m", "newsclean.cli"]


def fixture_crawl(path: Path, records: int) -> None:
    """A JSON-lines crawl of the repository's fixture pages, each record a different cut of one."""
    pages = [
        p.read_text(encoding="utf-8").splitlines() for p in sorted((ROOT / "fixtures").glob("*/input.txt"))
    ]
    with path.open("w", encoding="utf-8") as out:
        for n in range(records):
            lines = pages[n % len(pages)]
            cut = lines[n % 3 :]
            out.write(
                json.dumps(
                    {"id": f"r{n}", "url": f"https://site{n % 7}.example/{n}", "text": "\n".join(cut)},
                    ensure_ascii=False,
                )
                + "\n"
            )


def count_lines(path: Path) -> int:
    try:
        with path.open("rb") as f:
            return sum(block.count(b"\n") for block in iter(lambda: f.read(1 << 20), b""))
    except FileNotFoundError:
        return 0


def test_a_run_killed_half_way_resumes_to_the_same_bytes(tmp_path: Path) -> None:
    crawl = tmp_path / "crawl.jsonl"
    records = 3000
    fixture_crawl(crawl, records)
    whole, cut = tmp_path / "whole.jsonl", tmp_path / "cut.jsonl"
    done = subprocess.run(
        [*COMMAND, "batch", str(crawl), "-o", str(whole), "--jobs", "2"],
        env=ENV,
        capture_output=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr.decode()
    assert count_lines(whole) == records

    run = subprocess.Popen(
        [*COMMAND, "batch", str(crawl), "-o", str(cut), "--jobs", "2"],
        env=ENV,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        deadline = time.monotonic() + 300
        while count_lines(cut) < records // 2 and run.poll() is None and time.monotonic() < deadline:
            time.sleep(0.02)
        os.kill(run.pid, signal.SIGKILL)
        run.wait(timeout=30)
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(run.pid, signal.SIGKILL)  # the workers, had they outlived their parent
    written = count_lines(cut)
    assert records // 2 <= written < records, "the kill must land half-way"

    done = subprocess.run(
        [*COMMAND, "batch", str(crawl), "-o", str(cut), "--jobs", "2", "--resume"],
        env=ENV,
        capture_output=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr.decode()
    assert f"resumed after {written:,} pages" in done.stderr.decode()
    assert cut.read_bytes() == whole.read_bytes()


def _tree_rss(pid: int) -> int:
    import psutil

    try:
        proc = psutil.Process(pid)
        procs = [proc, *proc.children(recursive=True)]
    except psutil.NoSuchProcess:
        return 0
    total = 0
    for p in procs:
        try:
            total += p.memory_info().rss
        except psutil.NoSuchProcess:
            pass
    return total


def test_100k_records_stream_in_bounded_memory(tmp_path: Path) -> None:
    pytest.importorskip("psutil")
    sets = [CORPUS / "ar", CORPUS / "bench" / "scrapinghub"]
    if not all(s.is_dir() for s in sets):
        pytest.skip(f"the shared corpus is absent ({CORPUS})")
    lines = [
        line
        for s in sets
        for p in sorted(s.glob("*/input.txt"))
        for line in p.read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    crawl = tmp_path / "crawl.jsonl"
    records = 100_000
    with crawl.open("w", encoding="utf-8") as out:
        for n in range(records):  # short records: three lines from somewhere in the corpus
            at = (n * 7919) % (len(lines) - 3)
            out.write(json.dumps({"id": n, "text": "\n".join(lines[at : at + 3])}, ensure_ascii=False) + "\n")
    out_path = tmp_path / "out.jsonl"
    # One process: each worker holds its own stoplists of the languages it has seen (docs/batch.md
    # has the figures for more jobs); what is measured here is that the stream stays bounded.
    run = subprocess.Popen(
        [*COMMAND, "batch", str(crawl), "-o", str(out_path), "--jobs", "1"],
        env=ENV,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    peak = 0
    while run.poll() is None:
        peak = max(peak, _tree_rss(run.pid))
        time.sleep(0.1)
    assert run.returncode == 0, run.stderr.read().decode() if run.stderr else ""
    assert count_lines(out_path) == records
    assert peak <= 400 * 2**20, f"peak RSS of the process tree {peak / 2**20:.0f} MB"


def test_the_progress_bar_shows_on_a_terminal_only(tmp_path: Path) -> None:
    crawl = tmp_path / "crawl.jsonl"
    fixture_crawl(crawl, 200)
    primary, secondary = pty.openpty()
    # A terminal of 24 rows and 100 columns (a new pseudo-terminal has none, and tqdm draws nothing).
    fcntl.ioctl(secondary, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 100, 0, 0))
    run = subprocess.Popen(
        [*COMMAND, "batch", str(crawl), "-o", str(tmp_path / "out.jsonl"), "--jobs", "1"],
        env={**ENV, "COLUMNS": "100"},
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=secondary,
    )
    os.close(secondary)
    shown = b""
    while True:
        ready, _, _ = select.select([primary], [], [], 60)
        if not ready:
            break
        try:
            chunk = os.read(primary, 4096)
        except OSError:  # the terminal closed with the process
            break
        if not chunk:
            break
        shown += chunk
    os.close(primary)
    assert run.wait(timeout=60) == 0
    screen = shown.decode("utf-8", "replace")
    assert "cleaning: 100%" not in screen  # no total is known while streaming: a count, not a share
    assert "\r" in screen and "200 pages" in screen and "errors=0" in screen and "pages/s" in screen
    assert "newsclean batch: 200 pages, 0 errors" in screen
