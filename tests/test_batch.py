"""``newsclean batch`` and ``clean_many``, run as a user runs them: inputs on disk, a separate
process, its output file, its exit status and its stderr."""

from __future__ import annotations

import gzip
import json
import os
import subprocess
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from newsclean import Article, clean_article, clean_many

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"
ENV = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "PYTHONIOENCODING": "utf-8"}
COMMAND = [sys.executable, "-m", "newsclean.cli"]
STORY = (
    "The storm reached the coast on Monday, officials said, and thousands of homes lost power "
    "as the wind brought down lines across the region."
)


def newsclean(*args: str, timeout: float = 300) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([*COMMAND, *args], capture_output=True, env=ENV, timeout=timeout)


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def expect_record(record: dict[str, Any], article: Article) -> None:
    """The record says what the article says, field by field (not through the record builder)."""
    parts = json.loads(json.dumps(article.to_dict()))
    for name in (
        "headline",
        "subheadlines",
        "byline",
        "dateline",
        "published",
        "lang",
        "captions",
        "promos",
        "comments",
    ):
        assert record[name] == parts[name], name
    assert record["text"] == "\n".join(article.body)
    assert record["labels"] == dict(Counter(line.label for line in article.lines))
    assert record["reasons"] == dict(Counter(line.reason for line in article.lines))
    assert record["error"] is None


def corpus_sample() -> list[Path]:
    """The ``ar`` set and ScrapingHub (text and HTML), and every 25th page of the other sets."""
    if not CORPUS.is_dir():
        pytest.skip(f"the shared corpus is absent ({CORPUS})")
    picked = []
    for folder in sorted(p.parent for p in CORPUS.rglob("expected.json")):
        name = str(folder.relative_to(CORPUS))
        if name.startswith(("ar/", "bench/scrapinghub/")) or sum(map(ord, name)) % 25 == 0:
            picked.extend(sorted(p for p in folder.iterdir() if p.name.startswith("input.")))
    return picked


def test_batch_writes_what_clean_article_returns_on_the_corpus(tmp_path: Path) -> None:
    files = corpus_sample()
    kinds = Counter(p.name for p in files)
    assert kinds["input.txt"] > 200 and kinds["input.html.gz"] > 180 and kinds["input.html"] > 5
    listing = tmp_path / "inputs"
    listing.mkdir()
    for n, path in enumerate(files):  # a folder of links: batch walks folders as a crawl stores them
        (listing / f"{n:05d}-{path.name}").symlink_to(path)
    out = tmp_path / "out.jsonl"
    done = newsclean("batch", str(listing), "-o", str(out), "--jobs", "2")
    assert done.returncode == 0, done.stderr.decode()
    records = read_jsonl(out)
    assert [r["id"] for r in records] == [str(p) for p in sorted(listing.iterdir())]
    for record, path in zip(records, sorted(listing.iterdir()), strict=True):
        data = path.read_bytes()
        if path.name.endswith(".gz"):
            data = gzip.decompress(data)
        expect_record(record, clean_article(data))
    summary = done.stderr.decode()
    assert f"{len(files):,} pages, 0 errors" in summary
    assert "\r" not in summary  # no progress bar when stderr is not a terminal


def test_jsonl_fields_ids_and_failed_records(tmp_path: Path) -> None:
    crawl = tmp_path / "crawl.jsonl"
    rows = [
        json.dumps({"key": "p1", "link": "https://example.com/1", "body": "Storm hits coast\n" + STORY}),
        "{not json",
        json.dumps({"key": "p3", "body": 12}),
        "",
        json.dumps({"page": "<html><body><h1>Floods</h1><p>" + STORY + "</p></body></html>"}),
    ]
    crawl.write_text("\n".join(rows) + "\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    done = newsclean(
        "batch",
        str(crawl),
        "-o",
        str(out),
        "--jobs",
        "1",
        "--text-field",
        "body",
        "--html-field",
        "page",
        "--url-field",
        "link",
        "--id-field",
        "key",
    )
    assert done.returncode == 1  # two records failed; the run went on
    records = read_jsonl(out)
    assert [r["id"] for r in records] == ["p1", "crawl.jsonl:2", "p3", "crawl.jsonl:5"]
    assert records[0]["url"] == "https://example.com/1" and records[0]["headline"] == "Storm hits coast"
    assert records[1]["error"].startswith("not a JSON record") and records[1]["text"] == ""
    assert records[2]["error"] == "field 'body' holds int, not text"
    assert records[3]["headline"] == "Floods" and records[3]["error"] is None
    assert "4 pages, 2 errors" in done.stderr.decode()


def test_lines_adds_the_trail_and_stdout_output(tmp_path: Path) -> None:
    page = tmp_path / "page.txt"
    page.write_text("Storm hits coast\nFollow us on Telegram\n" + STORY, encoding="utf-8")
    done = newsclean("batch", str(page), "-o", "-", "--lines", "--jobs", "1")
    assert done.returncode == 0
    (record,) = [json.loads(x) for x in done.stdout.decode("utf-8").splitlines()]
    article = clean_article(page.read_bytes())
    assert record["lines"] == json.loads(json.dumps(article.to_dict()["lines"]))
    assert record["promos"] == ["Follow us on Telegram"]


def test_folders_read_gzip_and_skip_other_files(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "a.txt").write_text("Storm hits coast\n" + STORY, encoding="utf-8")
    (tmp_path / "b" / "c.html.gz").write_bytes(
        gzip.compress(f"<html><body><p>{STORY}</p></body></html>".encode())
    )
    (tmp_path / "b" / "notes.json").write_text("{}", encoding="utf-8")
    pages = list(
        clean_many(__import__("newsclean.batch.sources", fromlist=["x"]).read_inputs([tmp_path]), jobs=1)
    )
    assert [Path(p.id).name for p in pages] == ["a.txt", "c.html.gz"]
    assert pages[1].article is not None and pages[1].article.text == STORY


def test_missing_input_is_one_line_and_exit_1(tmp_path: Path) -> None:
    done = newsclean("batch", str(tmp_path / "nope"), "-o", str(tmp_path / "out.jsonl"))
    assert done.returncode == 1
    assert done.stderr.decode().count("\n") == 1 and "No such file" in done.stderr.decode()


def test_clean_many_keeps_input_order_on_two_processes() -> None:
    texts = [f"Headline number {n}\n{STORY} Report {n}." for n in range(60)]
    items: list[Any] = [
        *texts[:30],
        {"id": "x", "url": "https://example.com/x", "text": texts[30]},
        None,
        *(t.encode() for t in texts[31:]),
    ]
    results = list(clean_many(items, jobs=2))
    assert [r.id for r in results] == [str(n) for n in range(30)] + ["x", "31"] + [
        str(n) for n in range(32, 61)
    ]
    assert results[31].error == "TypeError: clean_article() takes str or bytes, not NoneType"
    ok = [r for r in results if r.ok]
    assert [r.article.headline for r in ok if r.article] == [f"Headline number {n}" for n in range(60)]
    assert ok[30].url == "https://example.com/x"


def test_clean_many_stops_cleanly_when_the_caller_stops() -> None:
    gen = clean_many((f"Headline number {n}\n{STORY}" for n in range(1000)), jobs=2)
    first = next(gen)
    gen.close()  # shuts the pool down; nothing hangs
    assert first.article is not None and first.article.headline == "Headline number 0"


def test_parquet_holds_the_jsonl_records(tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    crawl = tmp_path / "crawl.jsonl"
    crawl.write_text(
        "\n".join(
            json.dumps(
                {
                    "id": str(n),
                    "url": f"https://example.com/{n}",
                    "text": f"Title {n}\nFollow us on Telegram\n{STORY}",
                }
            )
            for n in range(5)
        )
        + "\n{bad\n",
        encoding="utf-8",
    )
    newsclean("batch", str(crawl), "-o", str(tmp_path / "out.jsonl"), "--jobs", "1", "--lines")
    done = newsclean("batch", str(crawl), "-o", str(tmp_path / "out.parquet"), "--jobs", "1", "--lines")
    assert done.returncode == 1
    rows = pq.read_table(tmp_path / "out.parquet").to_pylist()
    for row in rows:  # Arrow gives a map as a list of pairs
        row["labels"], row["reasons"] = dict(row["labels"]), dict(row["reasons"])
    assert rows == read_jsonl(tmp_path / "out.jsonl")


def test_clean_formats(tmp_path: Path) -> None:
    page = tmp_path / "page.txt"
    page.write_text("# Storm hits coast\nFollow us on Telegram\n" + STORY + "\n1. " + STORY, encoding="utf-8")
    article = clean_article(page.read_bytes())
    txt = newsclean("clean", "--format", "txt", str(page)).stdout.decode()
    assert txt == "# Storm hits coast\n\n" + "\n".join(article.body) + "\n"
    md = newsclean("clean", "--format", "markdown", str(page)).stdout.decode()
    assert md.startswith("# \\# Storm hits coast\n\n")
    assert "\n\n1\\. The storm" in md and "Telegram" not in md


@pytest.mark.parametrize(
    ("missing", "args", "package", "extra"),
    [
        (["fastwarc", "fastwarc.warc"], ["crawl.warc"], "fastwarc", "warc"),
        (["pyarrow", "pyarrow.parquet"], ["page.txt", "--format", "parquet"], "pyarrow", "parquet"),
        (["distributed"], ["page.txt", "--engine", "dask"], "distributed", "dask"),
    ],
    ids=["warc", "parquet", "dask"],
)
def test_a_missing_extra_names_its_install_command(
    tmp_path: Path, missing: list[str], args: list[str], package: str, extra: str
) -> None:
    (tmp_path / "crawl.warc").write_bytes(b"WARC/1.0\r\n\r\n")
    (tmp_path / "page.txt").write_text("Storm hits coast\n" + STORY, encoding="utf-8")
    inputs = [str(tmp_path / a) if a.endswith((".warc", ".txt")) else a for a in args]
    hide = "; ".join(f"sys.modules[{m!r}] = None" for m in missing)
    code = (
        f"import sys; {hide}\nfrom newsclean.cli import main\n"
        f"sys.exit(main(['batch', *{inputs!r}, '-o', {str(tmp_path / 'out')!r}, '--jobs', '1']))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, env=ENV, timeout=120)
    assert done.returncode == 1
    assert done.stderr.decode() == (
        f"newsclean batch: this needs the Python package {package}: pip install 'newsclean[{extra}]'\n"
    )
