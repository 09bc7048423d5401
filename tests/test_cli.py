"""The ``newsclean`` command, run as a user runs it: a separate process, its output and exit status.

Exit status: 0 on success, 1 when the input cannot be read (one line on stderr, no traceback),
2 on usage errors.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from newsclean import clean_article

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "fixtures" / "elaph-seed" / "input.txt"
ENV = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "PYTHONIOENCODING": "utf-8"}
COMMAND = [sys.executable, "-m", "newsclean.cli"]


def newsclean(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([*COMMAND, *args], input=stdin, capture_output=True, env=ENV, timeout=60)


def test_clean_prints_the_article_as_json() -> None:
    done = newsclean("clean", str(SEED))
    assert (done.returncode, done.stderr) == (0, b"")
    data = json.loads(done.stdout)
    assert {"headline", "subheadlines", "byline", "dateline", "published", "body", "promos", "chrome",
            "comments", "lines"} <= set(data)
    assert data == json.loads(json.dumps(clean_article(SEED.read_bytes()).to_dict()))


def test_clean_dash_reads_standard_input() -> None:
    from_file = newsclean("clean", str(SEED))
    from_stdin = newsclean("clean", "-", stdin=SEED.read_bytes())
    assert from_stdin.returncode == 0
    assert json.loads(from_stdin.stdout) == json.loads(from_file.stdout)


def test_clean_no_lines_leaves_the_trail_out() -> None:
    data = json.loads(newsclean("clean", "--no-lines", str(SEED)).stdout)
    assert "lines" not in data and data["body"]


def test_explain_prints_one_row_per_nonblank_line(tmp_path: Path) -> None:
    page = tmp_path / "page.txt"
    page.write_text(SEED.read_text(encoding="utf-8").replace("\n", "\n\n", 3), encoding="utf-8")
    done = newsclean("explain", str(page))
    assert (done.returncode, done.stderr) == (0, b"")
    rows = done.stdout.decode("utf-8").rstrip("\n").split("\n")
    visible = [r.index for r in clean_article(page.read_bytes()).lines if r.label != "blank"]
    assert len(rows) == 1 + len(visible)
    assert [int(row.split()[0]) for row in rows[1:]] == visible


@pytest.mark.parametrize("args", [
    pytest.param(("clean", "no-such-file.txt"), id="clean-missing-file"),
    pytest.param(("explain", "no-such-file.txt"), id="explain-missing-file"),
    pytest.param(("clean", "."), id="a-directory"),
])
def test_unreadable_input_is_exit_1_with_one_line_on_stderr(args: tuple[str, ...]) -> None:
    done = newsclean(*args)
    assert done.returncode == 1
    assert done.stdout == b""
    lines = done.stderr.decode("utf-8").splitlines()
    assert len(lines) == 1, lines
    assert lines[0].startswith("newsclean: ") and args[1] in lines[0]
    assert b"Traceback" not in done.stderr


@pytest.mark.parametrize("args", [
    pytest.param((), id="no-command"),
    pytest.param(("clean",), id="no-file"),
    pytest.param(("clean", "--bogus", str(SEED)), id="unknown-option"),
    pytest.param(("shout", str(SEED)), id="unknown-command"),
])
def test_bad_usage_is_exit_2(args: tuple[str, ...]) -> None:
    done = newsclean(*args)
    assert done.returncode == 2
    assert b"usage:" in done.stderr and b"Traceback" not in done.stderr


def test_a_closed_pipe_is_not_an_error(tmp_path: Path) -> None:
    """``newsclean explain page.txt | head -1``: the reader leaves early; no traceback follows."""
    page = tmp_path / "long.txt"
    page.write_text("\n".join(f"الرابط رقم {i} من قائمة طويلة من العناوين" for i in range(5_000)),
                    encoding="utf-8")
    with subprocess.Popen([*COMMAND, "explain", str(page)], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                          env=ENV) as proc:
        assert proc.stdout is not None and proc.stderr is not None
        assert proc.stdout.readline()
        proc.stdout.close()
        err = proc.stderr.read()
        code = proc.wait(timeout=60)
    assert b"Traceback" not in err and b"BrokenPipeError" not in err, err.decode("utf-8", "replace")
    assert code == 0


def test_version() -> None:
    done = newsclean("--version")
    assert done.returncode == 0
    assert done.stdout.decode().startswith("newsclean ")
