"""Compressed input: gzip, bzip2 and xz open by their first bytes, under the size limit.

A compressed file gives the article its uncompressed file gives; a decompression bomb stops with
InputTooLarge once more bytes come out than any text within the limit can take (4 per character,
see docs/robustness.md). Time and peak memory of the bombs: benchmarks/hostile.py.
"""

from __future__ import annotations

import bz2
import gzip
import html
import io
import json
import lzma
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from newsclean import InputTooLarge, NotText, Pipeline, clean_article
from newsclean.cli import main
from newsclean.fuzz import compression_bomb
from newsclean.inputs import byte_limit, read_input

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = sorted((ROOT / "fixtures").glob("*/input.txt"))
SEED = ROOT / "fixtures" / "elaph-seed" / "input.txt"

COMPRESS: dict[str, Callable[[bytes], bytes]] = {
    "gzip": gzip.compress, "bzip2": bz2.compress, "xz": lzma.compress,
}


def _page(text: str) -> str:
    """The seed text as an HTML page: a title, then one paragraph a line."""
    lines = text.split("\n")
    paragraphs = "".join(f"<p>{html.escape(line)}</p>" for line in lines[1:] if line.strip())
    return (f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{html.escape(lines[0])}</title></head>"
            f"<body><article><h1>{html.escape(lines[0])}</h1>{paragraphs}</article></body></html>")


# --- the same article --------------------------------------------------------------------------


@pytest.mark.parametrize("kind", list(COMPRESS))
@pytest.mark.parametrize("path", FIXTURES, ids=[p.parent.name for p in FIXTURES])
def test_compressed_text_gives_the_same_article(path: Path, kind: str) -> None:
    data = path.read_bytes()
    assert clean_article(COMPRESS[kind](data)).to_dict() == clean_article(data).to_dict()


@pytest.mark.parametrize("kind", list(COMPRESS))
def test_compressed_html_gives_the_same_article(kind: str) -> None:
    page = _page(SEED.read_text(encoding="utf-8")).encode()
    article = clean_article(page)
    assert article.body  # the page is read as HTML, with a body
    assert clean_article(COMPRESS[kind](page)).to_dict() == article.to_dict()


def test_gzip_members_are_read_one_after_another() -> None:
    """``cat part1.gz part2.gz`` is one gzip stream holding both parts."""
    first, second = "Storm hits coast\n", "The storm reached the coast on Monday, officials said."
    assert read_input(gzip.compress(first.encode()) + gzip.compress(second.encode())) == first + second


@pytest.mark.parametrize("name", ["page.html.gz", "page.txt.gz", "page.bz2", "page.xz", "page.txt"])
@pytest.mark.parametrize("source", ["text", "html"])
def test_cli_gives_the_same_json_as_the_uncompressed_file(name: str, source: str, tmp_path: Path,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    """The name's suffix says which compressor wrote the file; the bytes alone decide how it is read
    (``page.txt`` holds gzip too)."""
    text = SEED.read_bytes() if source == "text" else _page(SEED.read_text(encoding="utf-8")).encode()
    plain = tmp_path / ("plain.html" if source == "html" else "plain.txt")
    plain.write_bytes(text)
    kind = {".gz": "gzip", ".bz2": "bzip2", ".xz": "xz", ".txt": "gzip"}[Path(name).suffix]
    packed = tmp_path / name
    packed.write_bytes(COMPRESS[kind](text))
    assert main(["clean", str(plain)]) == 0
    expected = capsys.readouterr()
    assert main(["clean", str(packed)]) == 0
    assert capsys.readouterr() == expected
    assert json.loads(expected.out)["body"]


def test_cli_reads_compressed_standard_input() -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "PYTHONIOENCODING": "utf-8"}
    command = [sys.executable, "-m", "newsclean.cli", "clean", "-"]
    plain = subprocess.run(command, input=SEED.read_bytes(), capture_output=True, env=env, timeout=60)
    packed = subprocess.run(command, input=lzma.compress(SEED.read_bytes()), capture_output=True, env=env,
                            timeout=60)
    assert (packed.returncode, packed.stderr) == (0, b"")
    assert packed.stdout == plain.stdout


# --- the size limit -----------------------------------------------------------------------------


def test_ten_gigabyte_gzip_bomb_stops_with_input_too_large() -> None:
    bomb = compression_bomb("gzip", 10 << 30)  # zeros streamed into a GzipFile, its member repeated
    assert len(bomb) < 12 << 20  # a few MB
    too_large = r"over 200,000,004 bytes once gzip-decompressed.*the limit is 50,000,000"
    with pytest.raises(InputTooLarge, match=too_large):
        clean_article(bomb)


class _Counting(io.RawIOBase):
    """A stream over ``data`` that counts the bytes read from it."""

    def __init__(self, data: bytes) -> None:
        super().__init__()
        self._data = io.BytesIO(data)
        self.consumed = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        chunk = self._data.read(len(buffer))
        buffer[:len(chunk)] = chunk
        self.consumed += len(chunk)
        return len(chunk)


def test_a_bomb_is_read_only_up_to_the_limit() -> None:
    """From a file, the bomb is decompressed a chunk at a time: reading stops soon after the limit,
    with almost all of the compressed file left unread."""
    bomb = compression_bomb("gzip", 1 << 30)
    stream = _Counting(bomb)
    with pytest.raises(InputTooLarge, match="once gzip-decompressed"):
        read_input(stream, max_chars=1000)
    assert stream.consumed < len(bomb) // 100


@pytest.mark.parametrize("kind", ["bzip2", "xz"])
def test_bzip2_and_xz_bombs_stop_with_input_too_large(kind: str) -> None:
    bomb = compression_bomb(kind, 16 << 20)
    with pytest.raises(InputTooLarge, match=f"over 4,004 bytes once {kind}-decompressed"):
        clean_article(bomb, pipeline=Pipeline.default(max_input_chars=1000))


@pytest.mark.parametrize("kind", list(COMPRESS))
def test_the_limit_counts_decompressed_characters(kind: str) -> None:
    pipe = Pipeline.default(max_input_chars=100)
    assert len(clean_article(COMPRESS[kind](b"x" * 100), pipeline=pipe).lines[0].text) == 100
    with pytest.raises(InputTooLarge, match="input has 101 characters; the limit is 100"):
        clean_article(COMPRESS[kind](b"x" * 101), pipeline=pipe)


def test_the_byte_limit_never_refuses_text_within_the_character_limit() -> None:
    """Four bytes a character is the most UTF-8 takes: 100 emoji fit a 100-character limit."""
    pipe = Pipeline.default(max_input_chars=100)
    emoji = "\U0001f600" * 100
    assert len(emoji.encode()) == byte_limit(100) - 4
    utf32 = b"\xff\xfe\x00\x00" + emoji.encode("utf-32-le")
    for data in (emoji.encode(), gzip.compress(emoji.encode()), utf32):
        assert clean_article(data, pipeline=pipe).lines[0].text == emoji
    with pytest.raises(InputTooLarge):
        clean_article(gzip.compress(emoji.encode() + b"x" * 5), pipeline=pipe)


# --- damaged ------------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", list(COMPRESS))
def test_truncated_compressed_data_is_refused(kind: str) -> None:
    packed = COMPRESS[kind](SEED.read_bytes())
    with pytest.raises(NotText, match=f"^not text: damaged {kind} data"):
        clean_article(packed[: len(packed) // 2])


def test_garbage_after_gzip_data_is_refused() -> None:
    with pytest.raises(NotText, match=r"^not text: damaged gzip data"):
        clean_article(gzip.compress(SEED.read_bytes()) + b"trailing garbage")


@pytest.mark.parametrize("kind", ["bzip2", "xz"])
def test_garbage_after_bzip2_and_xz_data_is_dropped(kind: str) -> None:
    """As ``bzip2 -d`` does: bytes after the last stream are not read (the standard library's way)."""
    packed = COMPRESS[kind](SEED.read_bytes())
    assert clean_article(packed + b"trailing garbage").to_dict() == clean_article(SEED.read_bytes()).to_dict()


def test_damaged_compressed_file_in_the_cli_is_one_line(tmp_path: Path,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "page.html.gz"
    path.write_bytes(gzip.compress(SEED.read_bytes())[:-20])
    assert main(["clean", str(path)]) == 1
    out, err = capsys.readouterr()
    assert out == "" and err.count("\n") == 1
    assert err.startswith(f"newsclean: {path}: not text: damaged gzip data (")
