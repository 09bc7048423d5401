"""Turning what a user passes into text: decompression, refusing binary data, decoding, HTML detection.

:func:`read_input` is the one way bytes become text (``clean_article``, the command line and
batch readers all use it): gzip, bzip2 and xz are opened by their first bytes, under the size
limit; binary data raises :class:`~newsclean.NotText` (the rules: :mod:`newsclean.binary`);
the rest is decoded.

>>> import gzip
>>> read_input(gzip.compress("سلام".encode("cp1256")), max_chars=100)
'سلام'
>>> read_input(b"%PDF-1.7\\n%\\xe2\\xe3\\xcf\\xd3\\n", max_chars=100)
Traceback (most recent call last):
  ...
newsclean.errors.NotText: not text: PDF document
>>> looks_like_html("<html><body><p>Hi</p></body></html>"), looks_like_html("a < b and c > d")
(True, False)
"""

from __future__ import annotations

import io
import re

import charset_normalizer

from newsclean.binary import (
    MAX_CONTROL_SHARE,
    MAX_UNDECODABLE_SHARE,
    control_chars_over,
    control_share,
    percent,
    signature,
)
from newsclean.compressed import DAMAGE_ERRORS, HEAD, Readable, compression_of, decompressing, is_damage
from newsclean.errors import InputTooLarge, NotText

# An HTML page opens (after a BOM, blanks and comments) with a doctype or one of these tags.
_HTML_START = re.compile(
    r"\A\s*<(?:!doctype\s+html|html|head|body|meta|title|div|article)\b", re.IGNORECASE
)
_HTML_TAGS = re.compile(r"</(?:p|div|span|a|body|html|li|td)>", re.IGNORECASE)

#: The default of ``Pipeline(max_input_chars=...)``.
MAX_INPUT_CHARS = 50_000_000
#: No character takes more than 4 bytes in an encoding newsclean reads (UTF-8 and UTF-32 take at
#: most 4, UTF-16 2 or 4, single-byte encodings 1; an undecodable byte becomes one U+FFFD), so
#: bytes past 4 x ``max_chars`` (and a BOM) can never decode within the limit.
BYTES_PER_CHAR = 4
_BOM_BYTES = 4
_CHUNK = 1 << 20  # bytes read (or decompressed) at a time
_SAMPLE = 200_000  # bytes an encoding is guessed from: detection must not cost more on a huge input

#: Bytes-like input, or a file object open in binary mode.
Source = bytes | bytearray | memoryview | Readable

# UTF-32 first: its little-endian BOM starts with UTF-16's.
_WIDE_BOMS = ((b"\xff\xfe\x00\x00", "utf-32"), (b"\x00\x00\xfe\xff", "utf-32"),
              (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"))
_UTF8_BOM = b"\xef\xbb\xbf"
_REPLACEMENT = "\ufffd".encode()  # U+FFFD in UTF-8


def byte_limit(max_chars: int) -> int:
    """The most bytes an input of at most ``max_chars`` characters can take: past it, reading
    (and decompressing) stops with :class:`InputTooLarge`.

    >>> byte_limit(50_000_000)
    200000004
    """
    return BYTES_PER_CHAR * max_chars + _BOM_BYTES


def read_input(source: Source, *, max_chars: int = MAX_INPUT_CHARS) -> str:
    """The text of ``source`` (bytes, or a binary file object read from where it stands).

    Compressed input (gzip, bzip2, xz, known by its first bytes) is decompressed a chunk at a
    time. Raises :class:`InputTooLarge` once more than :func:`byte_limit` bytes come out, or
    when the text has more than ``max_chars`` characters, and :class:`NotText` for binary
    data or a damaged compressed stream.
    """
    data, kind = _read_bytes(source, max_chars)
    try:
        text = decode_text(data)
    except NotText as error:
        if kind is None:
            raise
        raise NotText(f"{error.what} ({kind}-compressed)") from None
    _check_length(len(text), max_chars)
    return text


def decode_text(data: bytes) -> str:
    """Decode ``data`` when it is text; raise :class:`NotText` when it is not.

    >>> decode_text("سلام".encode("utf-16-le"))  # no BOM: recognised by its shape
    'سلام'
    >>> decode_text(bytes(range(256)) * 4)
    Traceback (most recent call last):
      ...
    newsclean.errors.NotText: not text: binary data, 11% control bytes
    """
    kind = signature(data)
    if kind is not None:
        raise NotText(kind)
    bom = _wide_bom(data)
    wide, share = bom, 0.0
    if bom is None:
        share = control_share(data)
        if share > MAX_CONTROL_SHARE:
            # UTF-16 and UTF-32 without a BOM are full of NUL and other control bytes.
            wide = bomless_wide(data) or _guessed_wide(data)
            if wide is None:
                raise NotText(f"binary data, {percent(share)} control bytes")
    text, encoding = _decode(data, wide)
    if bom is None:
        # After a BOM, damage shows as U+FFFD: the BOM said the bytes are text.
        made = text.count("\ufffd") - data.count(_REPLACEMENT)
        if made > MAX_UNDECODABLE_SHARE * len(text):
            undecodable = percent(made / len(text))
            raise NotText(f"binary data, {undecodable} undecodable sequences (read as {encoding})")
    # The characters a line will show: after a BOM or in another encoding than UTF-8 the bytes
    # said little, and C1 controls are two bytes in UTF-8 that no byte count sees.
    over = control_chars_over(text)
    if over is not None:
        bytes_said = share > MAX_CONTROL_SHARE  # a UTF-16 guess that reads as control characters too
        what = f"{percent(share)} control bytes" if bytes_said else f"{percent(over)} control characters"
        raise NotText(f"binary data, {what} (read as {encoding})")
    return text


def decode(data: bytes) -> str:
    """Decode bytes, binary or not: a BOM wins, then UTF-8, then the best guess (e.g.
    windows-1256); undecodable bytes become U+FFFD.

    >>> decode("سلام".encode("cp1256"))
    'سلام'
    """
    return _decode(data)[0]


def _decode(data: bytes, wide: str | None = None) -> tuple[str, str]:
    """The text and the encoding it was read in."""
    wide = wide or _wide_bom(data)
    if wide is not None:
        # A truncated or damaged tail becomes U+FFFD, visible in the output, rather than an error.
        return data.decode(wide, "replace"), wide
    if data.startswith(_UTF8_BOM):
        return data[3:].decode("utf-8", "replace"), "utf-8"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    # Arabic first: windows-1256 maps most high bytes to Arabic letters, so when the result is
    # mostly Arabic script it is the right reading (statistical detection misreads short Arabic
    # samples as CJK encodings).
    arabic = data[:_SAMPLE].decode("cp1256", "replace")
    high = [c for c in arabic[:20_000] if ord(c) > 127]
    if high and sum(1 for c in high if "\u0600" <= c <= "\u06ff") >= 0.7 * len(high):
        return data.decode("cp1256", "replace"), "cp1256"
    guess = _guess(data)
    if guess is not None:
        try:
            return data.decode(guess, "replace"), guess
        except LookupError:
            pass
    return data.decode("utf-8", "replace"), "utf-8"


def _guess(data: bytes) -> str | None:
    """charset-normalizer's encoding for ``data`` (from a bounded sample), or None."""
    best = charset_normalizer.from_bytes(data[:_SAMPLE]).best()
    return str(best.encoding) if best is not None and best.encoding else None


# (encoding, code unit size, where its high bytes are, where its lowest byte is): UTF-32 first,
# since UTF-32 text also has UTF-16's shape.
_WIDE_SHAPES = (("utf-32-le", 4, (1, 2, 3), 0), ("utf-32-be", 4, (0, 1, 2), 3),
                ("utf-16-le", 2, (1,), 0), ("utf-16-be", 2, (0,), 1))
_WIDE_SAMPLE = 1 << 16
#: The share of a wide text's high bytes that their two commonest values cover at least.
WIDE_HIGH_SHARE = 0.9


def bomless_wide(data: bytes) -> str | None:
    """``"utf-16-le"`` (or ``-be``, or ``utf-32``) when ``data`` has the shape of UTF-16 or UTF-32
    without a BOM, else None.

    Text keeps to a script or two, so the high bytes of its code units take a few values (0x00
    for ASCII, 0x06 for Arabic, 0x04 for Cyrillic), at least :data:`WIDE_HIGH_SHARE` of them two
    values, while the low bytes vary more. Binary data varies in both, or in neither (zeros).

    >>> bomless_wide("Storm hits coast".encode("utf-16-le")), bomless_wide("سلام عليكم".encode("utf-32-be"))
    ('utf-16-le', 'utf-32-be')
    >>> bomless_wide(b"abcdefghijklmnopq\\x00\\x01r") is None, bomless_wide(bytes(64)) is None
    (True, True)
    """
    sample = data[:_WIDE_SAMPLE]
    for encoding, size, high_at, low_at in _WIDE_SHAPES:
        usable = len(sample) - len(sample) % size
        if usable < size:
            continue
        high = b"".join(sample[at:usable:size] for at in high_at)
        low = sample[low_at:usable:size]
        counts = sorted((high.count(bytes([b])) for b in set(high)), reverse=True)
        if sum(counts[:2]) >= WIDE_HIGH_SHARE * len(high) and len(set(low)) > len(counts):
            return encoding
    return None


_WIDE_GUESS_MIN = 256  # bytes: on fewer, charset-normalizer calls random bytes UTF-16


def _guessed_wide(data: bytes) -> str | None:
    """charset-normalizer's UTF-16 or UTF-32, for text of a script its shape misses (Chinese:
    high bytes of many values), when the bytes decode in it without an error."""
    if len(data) < _WIDE_GUESS_MIN:
        return None
    guess = _guess(data)
    if guess is None or not guess.startswith(("utf_16", "utf_32")):
        return None
    sample = data[:_SAMPLE]
    try:
        sample[: len(sample) - len(sample) % 4].decode(guess)
    except UnicodeDecodeError:
        return None
    return guess


def _wide_bom(data: bytes) -> str | None:
    for bom, encoding in _WIDE_BOMS:
        if data.startswith(bom):
            return encoding
    return None


def to_text(value: object, *, max_chars: int = MAX_INPUT_CHARS) -> str:
    """Accept ``str`` (text by definition: never refused) or bytes-like input (through
    :func:`read_input`); anything else is a ``TypeError`` naming its type."""
    if isinstance(value, str):
        _check_length(len(value), max_chars)
        return value
    if isinstance(value, (bytes, bytearray, memoryview)):
        return read_input(value, max_chars=max_chars)
    raise TypeError(f"clean_article() takes str or bytes, not {type(value).__name__}")


def _check_length(chars: int, max_chars: int) -> None:
    if chars > max_chars:
        raise InputTooLarge(f"input has {chars:,} characters; the limit is {max_chars:,}"
                            " (Pipeline(max_input_chars=...))")


# --- reading bytes under the limit --------------------------------------------------------------


def _read_bytes(source: Source, max_chars: int) -> tuple[bytes, str | None]:
    """The input's bytes (decompressed) and its compression, or :class:`InputTooLarge`."""
    max_bytes = byte_limit(max_chars)
    if isinstance(source, (bytes, bytearray, memoryview)):
        data = bytes(source)
        kind = compression_of(data[:HEAD])
        if kind is None:
            if len(data) > max_bytes:
                raise _over(max_bytes, max_chars, None)
            return data, None
        stream: Readable = io.BytesIO(data)
    else:
        head = _read_head(source)
        kind = compression_of(head)
        if kind is None:
            return head + _read_capped(source, max_bytes - len(head), max_bytes, max_chars, None), None
        stream = _Rejoined(head, source)
    try:
        with decompressing(kind, stream) as plain:
            return _read_capped(plain, max_bytes, max_bytes, max_chars, kind), kind
    except DAMAGE_ERRORS as error:
        if not is_damage(error):
            raise
        raise NotText(f"damaged {kind} data ({error})") from error


def _read_head(source: Readable) -> bytes:
    head = b""
    while len(head) < HEAD:
        more = source.read(HEAD - len(head))
        if not more:
            break
        head += more
    return head


def _read_capped(stream: Readable, room: int, max_bytes: int, max_chars: int, kind: str | None) -> bytes:
    """Up to ``room`` bytes of ``stream``, read a chunk at a time; one more is too large."""
    chunks: list[bytes] = []
    total = 0
    while True:
        chunk = stream.read(min(_CHUNK, room + 1 - total))
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)
        total += len(chunk)
        if total > room:
            raise _over(max_bytes, max_chars, kind)


def _over(max_bytes: int, max_chars: int, kind: str | None) -> InputTooLarge:
    how = f" once {kind}-decompressed" if kind else ""
    return InputTooLarge(f"input is over {max_bytes:,} bytes{how}, so over {max_chars:,} characters in any "
                         f"encoding; the limit is {max_chars:,} (Pipeline(max_input_chars=...))")


class _Rejoined(io.RawIOBase):
    """The bytes already read from a stream (its head), then the rest of the stream."""

    def __init__(self, head: bytes, rest: Readable) -> None:
        super().__init__()
        self._head = head
        self._rest = rest

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        if self._head:
            n = min(len(buffer), len(self._head))
            buffer[:n] = self._head[:n]
            self._head = self._head[n:]
            return n
        data = self._rest.read(len(buffer))
        buffer[:len(data)] = data
        return len(data)


# --- HTML ---------------------------------------------------------------------------------------


def _skip_comments(head: str) -> str:
    """``head`` after the blanks and ``<!-- -->`` comments that open it.

    Done with ``find`` rather than a regex: a lazy ``(<!--.*?-->\\s*)*`` backtracks
    exponentially over a run of comments followed by text.
    """
    head = head.lstrip()
    while head.startswith("<!--"):
        end = head.find("-->", 4)
        if end < 0:
            return head
        head = head[end + 3 :].lstrip()
    return head


def looks_like_html(text: str) -> bool:
    """True when ``text`` is an HTML document or fragment rather than scraped text."""
    head = _skip_comments(text[:2048].lstrip("\ufeff"))
    if _HTML_START.match(head):
        return True
    return len(_HTML_TAGS.findall(text[:20_000])) >= 3
