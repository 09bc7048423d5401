"""Input that is not text: known formats and binary data raise NotText; text with a few stray
control characters, and text in UTF-16 or UTF-32, still cleans (docs/robustness.md, "Not text")."""

from __future__ import annotations

import gzip
import io
import random
import zipfile
from pathlib import Path

import pytest

from newsclean import NewscleanError, NotText, clean_article
from newsclean.cli import main

FILES = Path(__file__).parent / "files"
STORY = ("Storm hits coast\n"
         "The storm reached the coast on Monday, officials said, and more rain is due this week.\n"
         "Officials said the roads would stay closed until the water went down, and schools would shut.")


def _zip(members: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return out.getvalue()


def _docx() -> bytes:
    """The members a Word document holds (what python-docx and Word write first)."""
    document = f"<w:document><w:body><w:p>{STORY}</w:p></w:body></w:document>".encode()
    return _zip({"[Content_Types].xml": b"<?xml version='1.0'?><Types/>", "_rels/.rels": b"<Relationships/>",
                 "word/document.xml": document})


def _epub() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("mimetype", "application/epub+zip", compress_type=zipfile.ZIP_STORED)
        archive.writestr("OEBPS/chapter.xhtml", f"<html><body><p>{STORY}</p></body></html>")
    return out.getvalue()


def _mp4_head() -> bytes:
    """An MP4's opening "ftyp" box (ISO/IEC 14496-12), then the start of a "moov" box."""
    return b"\x00\x00\x00\x20ftypisom\x00\x00\x02\x00isomiso2avc1mp41" + b"\x00\x00\x10\x00moov" + bytes(64)


def _random(size: int, seed: int = 13) -> bytes:
    return random.Random(seed).randbytes(size)


#: (input, what NotText must name).
KNOWN = {
    "pdf": (lambda: (FILES / "sample.pdf").read_bytes(), "PDF document"),
    "png": (lambda: (FILES / "sample.png").read_bytes(), "PNG image"),
    "jpeg": (lambda: (FILES / "sample.jpg").read_bytes(), "JPEG image"),
    "gif": (lambda: (FILES / "sample.gif").read_bytes(), "GIF image"),
    "webp": (lambda: (FILES / "sample.webp").read_bytes(), "WebP image"),
    "tiff": (lambda: (FILES / "sample.tiff").read_bytes(), "TIFF image"),
    "zip": (lambda: _zip({"story.txt": STORY.encode(), "notes.txt": b"notes"}), "ZIP archive"),
    "docx": (_docx, "Word document (.docx)"),
    "epub": (_epub, "EPUB book"),
    "mp4": (_mp4_head, "MP4 video"),
    "wasm": (lambda: b"\x00asm\x01\x00\x00\x00", "WebAssembly module"),  # the empty module
    "pdf-gzipped": (lambda: gzip.compress((FILES / "sample.pdf").read_bytes()),
                    "PDF document (gzip-compressed)"),
}


@pytest.mark.parametrize("name", list(KNOWN))
def test_known_format_is_refused_by_name(name: str) -> None:
    make, what = KNOWN[name]
    with pytest.raises(NotText) as info:
        clean_article(make())
    assert info.value.what == what
    assert str(info.value) == f"not text: {what}"


def test_not_text_is_a_newsclean_error_and_a_value_error() -> None:
    with pytest.raises(NotText) as info:
        clean_article((FILES / "sample.png").read_bytes())
    assert isinstance(info.value, NewscleanError) and isinstance(info.value, ValueError)


@pytest.mark.parametrize("size", [1 << 20, 4096, 300])
def test_random_bytes_are_binary_data(size: int) -> None:
    with pytest.raises(NotText, match=r"^not text: binary data, \d+% control bytes$"):
        clean_article(_random(size))


_TAIL = STORY.encode() + b"\n" + b"\x00\x01\x02\x03" * 50  # text, then 200 control bytes


@pytest.mark.parametrize(("data", "share"), [
    (b"\x00" * 1000, "100%"),
    (bytes(range(256)) * 4, "11%"),  # 28 control bytes in 256
    (_TAIL, f"{round(100 * 200 / len(_TAIL))}%"),
])
def test_the_share_of_control_bytes_is_named(data: bytes, share: str) -> None:
    with pytest.raises(NotText, match=f"^not text: binary data, {share} control bytes$"):
        clean_article(data)


@pytest.mark.parametrize("low", [0x20, 0x80])
def test_bytes_no_encoding_reads_are_binary_data(low: int) -> None:
    """No control byte at all, and no encoding reads random bytes: read as UTF-8, most of them
    are undecodable sequences."""
    rng = random.Random(5)
    data = bytes(rng.randrange(low, 0x100) for _ in range(4096))
    undecodable = r"^not text: binary data, \d+% undecodable sequences \(read as utf-8\)$"
    with pytest.raises(NotText, match=undecodable):
        clean_article(data)


def test_text_with_damaged_bytes_is_text() -> None:
    """UTF-8 text with a damaged byte in every sentence is far under the undecodable share."""
    damaged = STORY.encode().replace(b", ", b",\xff ").replace(b"Storm", b"St\xc3rm")
    lines = [r.text for r in clean_article(damaged).lines]
    assert len(lines) == 3 and "the roads would stay closed until the water went down" in lines[2]


def test_text_with_a_few_stray_control_characters_cleans_as_text() -> None:
    text = STORY.replace("Monday", "Mon\x00day").replace("roads", "\x1broads\x07") + "\x1a"
    assert [r.text for r in clean_article(text.encode()).lines] == text.split("\n")
    assert clean_article(text.encode()).to_dict() == clean_article(text).to_dict()


@pytest.mark.parametrize("text", [
    "MZ Wallace bags are on sale this week, the company said on Monday.",
    "PK Subban scored twice as the home side won on Monday night.",
    "RIFF raff and other words, a headline.\nThe body of the story follows here, officials said.",
    "ID3 tags are metadata in music files, the engineer said on Monday.",
    "BZh9 is not a real word but it opens this line of ordinary text.",
    "GIF images and PNG images were shared widely on Monday.",
])
def test_text_opening_like_a_signature_is_text(text: str) -> None:
    assert [r.text for r in clean_article(text.encode()).lines] == text.split("\n")


WIDE_TEXTS = {
    "en": STORY,
    "ar": "قال الرئيس إن المحادثات ستستأنف يوم الاثنين المقبل.\n" * 3,
    "ru": "Шторм обрушился на побережье в понедельник, сообщили власти.",
    "zh": "北京举行了会议，官员说暴风雨星期一到达海岸。\n" * 10,  # 460 bytes in UTF-16
    "hi": "hi",
}


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"])
@pytest.mark.parametrize("lang", list(WIDE_TEXTS))
def test_utf16_and_utf32_without_a_bom_decode(encoding: str, lang: str) -> None:
    """Without a BOM, ASCII in UTF-16 is half NUL bytes and Arabic half 0x06 bytes: their shape
    says UTF-16 (the high bytes of its units take a value or two), not binary data."""
    text = WIDE_TEXTS[lang]
    assert [r.text for r in clean_article(text.encode(encoding)).lines] == text.split("\n")


@pytest.mark.parametrize("data", [
    b"abcdefghijklmnopq\x00\x01r",  # readable as 10 Chinese characters in UTF-16
    b"\x00a" * 100,  # "aaa..." has no shape of text: the low bytes vary no more than the high ones
])
def test_nul_bytes_without_the_shape_of_utf16_are_binary_data(data: bytes) -> None:
    with pytest.raises(NotText, match="control bytes"):
        clean_article(data)


@pytest.mark.parametrize("encoding", ["utf-32", "utf-32-le", "utf-32-be"])
def test_utf32_with_a_bom_decodes(encoding: str) -> None:
    bom = {"utf-32": b"", "utf-32-le": b"\xff\xfe\x00\x00", "utf-32-be": b"\x00\x00\xfe\xff"}[encoding]
    assert [r.text for r in clean_article(bom + STORY.encode(encoding)).lines] == STORY.split("\n")


def test_utf16_bom_then_binary_data_is_refused() -> None:
    """A BOM says how to read the characters; when they are control characters, it is binary data."""
    with pytest.raises(NotText, match=r"^not text: binary data, 100% control characters \(read as utf-16\)$"):
        clean_article(b"\xff\xfe" + b"\x01\x00" * 500)


def test_a_str_is_text_whatever_it_holds() -> None:
    """A str is never refused: its lines are kept, a line of control characters only is chrome."""
    controls = "".join(map(chr, [*range(0, 9), *range(14, 32), 127]))
    text = f"{STORY}\n{controls}\n{controls * 3}"
    article = clean_article(text)
    assert [r.text for r in article.lines] == text.split("\n")
    assert [(r.label, r.reason) for r in article.lines[-2:]] == [("chrome", "control-characters")] * 2


# --- the command line ---------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["pdf", "png", "jpeg", "zip", "random"])
@pytest.mark.parametrize("command", ["clean", "explain"])
def test_cli_refuses_binary_in_one_line(name: str, command: str, tmp_path: Path,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    data = _random(1 << 20) if name == "random" else KNOWN[name][0]()
    path = tmp_path / "article.txt"  # the name promises text: the bytes decide
    path.write_bytes(data)
    assert main([command, str(path)]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    what = "binary data, 11% control bytes" if name == "random" else KNOWN[name][1]
    assert err == f"newsclean: {path}: not text: {what}\n"
