"""Bytes input: invalid UTF-8, UTF-16 with a BOM, windows-1256 and broken encodings decode."""

from __future__ import annotations

import pytest

from newsclean import clean_article

ARABIC = ("القاهرة - (أ ف ب): قال الرئيس إن المحادثات ستستأنف يوم الاثنين المقبل في العاصمة.\n"
          "وأضاف أن الحكومة ستعلن تفاصيل الاتفاق خلال مؤتمر صحفي يعقد في وقت لاحق من الأسبوع.")


def _texts(data: bytes) -> list[str]:
    return [r.text for r in clean_article(data).lines]


def test_invalid_utf8_bytes_decode() -> None:
    broken = b"\xff\xfe\xfd caf\xe9 \x80\x81\xc3\x28 \xed\xa0\x80 end."
    data = b"Storm hits coast\n" + broken + b"\n" + "نص عربي.".encode()
    assert len(_texts(data)) == 3


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_with_bom(encoding: str) -> None:
    bom = {"utf-16": b"", "utf-16-le": b"\xff\xfe", "utf-16-be": b"\xfe\xff"}[encoding]
    assert _texts(bom + ARABIC.encode(encoding)) == ARABIC.split("\n")


def test_windows_1256_bytes_decode() -> None:
    assert _texts(ARABIC.encode("cp1256")) == ARABIC.split("\n")


def test_utf8_bom_is_dropped() -> None:
    assert _texts(b"\xef\xbb\xbf" + ARABIC.encode()) == ARABIC.split("\n")


@pytest.mark.parametrize("data", [
    b"\xff\xfe" + "hi".encode("utf-16-le") + b"a",   # odd length after a UTF-16 BOM
    b"\xff\xfe\x00\xd8",                               # a UTF-16 BOM, then half a surrogate pair
    b"\xfe\xff\xd8\x00\x00\x41",                       # BOM, high surrogate, no low one
    b"\xff\xfe",                                       # only a BOM
    b"\xfe\xff\x00",
])
def test_broken_utf16_after_a_bom_decodes(data: bytes) -> None:
    assert len(_texts(data)) >= 1


# A thousand NULs and every byte value four times over are binary data now: test_not_text.py.
@pytest.mark.parametrize("data", [b"", b"\xef\xbb\xbf", b"\r" * 1000, b"\t\x0b\x0c" * 100])
def test_odd_bytes_decode(data: bytes) -> None:
    assert len(_texts(data)) >= 1


def test_bytearray_and_memoryview() -> None:
    data = ARABIC.encode()
    assert _texts(bytearray(data)) == _texts(memoryview(data)) == ARABIC.split("\n")
