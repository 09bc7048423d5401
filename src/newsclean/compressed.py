"""Compressed input: which compression an input uses (by its first bytes) and a reader through it.

gzip, bzip2 and xz are read with the standard library, member after member (``cat a.gz b.gz``
is one gzip stream). The file name is never consulted: a ``.txt`` that holds gzip is gzip.

>>> import gzip, io
>>> data = gzip.compress(b"Storm hits coast")
>>> compression_of(data)
'gzip'
>>> decompressing("gzip", io.BytesIO(data)).read()
b'Storm hits coast'
>>> compression_of(b"Storm hits coast") is None
True
"""

from __future__ import annotations

import bz2
import gzip
import io
import lzma
import zlib
from typing import IO, Protocol, cast


class Readable(Protocol):
    """A file object open in binary mode (all that is used of it: ``read``)."""

    def read(self, size: int = -1, /) -> bytes: ...

#: How many bytes :func:`compression_of` needs to see.
HEAD = 10

# bzip2: "BZh", the block size digit, then a block (pi) or the end-of-stream (sqrt pi) magic, so
# that a text starting with "BZh9" is not taken for bzip2.
_BZIP2_NEXT = (b"1AY&SY", b"\x17rE8P\x90")


def compression_of(head: bytes) -> str | None:
    """``"gzip"``, ``"bzip2"`` or ``"xz"`` when ``head`` (an input's first bytes) opens such a
    stream, else None."""
    if head.startswith(b"\x1f\x8b\x08"):  # magic, then method 8 (deflate), the only one defined
        return "gzip"
    if head.startswith(b"\xfd7zXZ\x00"):
        return "xz"
    if head.startswith(b"BZh") and head[3:4].isdigit() and head[3:4] != b"0" and head[4:10] in _BZIP2_NEXT:
        return "bzip2"
    return None


def decompressing(kind: str, stream: Readable) -> io.BufferedIOBase:
    """A file object that reads ``stream`` decompressed, a chunk at a time (never all at once)."""
    fileobj = cast(IO[bytes], stream)  # the readers call only ``read``
    if kind == "gzip":
        return gzip.GzipFile(fileobj=fileobj, mode="rb")
    if kind == "bzip2":
        return bz2.BZ2File(fileobj, mode="rb")
    if kind == "xz":
        return lzma.LZMAFile(fileobj, mode="rb")
    raise ValueError(f"unknown compression {kind!r}; known: gzip, bzip2, xz")


#: What reading through :func:`decompressing` raises on damaged data (with other errors: check
#: with :func:`is_damage`).
DAMAGE_ERRORS: tuple[type[BaseException], ...] = (OSError, EOFError, zlib.error, lzma.LZMAError)


def is_damage(error: BaseException) -> bool:
    """True when ``error``, raised while reading through :func:`decompressing`, says the compressed
    data is damaged (truncated, corrupt, trailing garbage) rather than that reading failed."""
    if isinstance(error, (EOFError, zlib.error, lzma.LZMAError, gzip.BadGzipFile)):
        return True
    # bz2 says "Invalid data stream" with a bare OSError; a failing disk sets an errno.
    return type(error) is OSError and error.errno is None
