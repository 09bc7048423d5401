"""Turning what a user passes into text: type checks, decoding, HTML detection.

>>> decode("سلام".encode("cp1256"))
'سلام'
>>> looks_like_html("<html><body><p>Hi</p></body></html>"), looks_like_html("a < b and c > d")
(True, False)
"""

from __future__ import annotations

import re

import charset_normalizer

# An HTML page opens (after a BOM, blanks and comments) with a doctype or one of these tags.
_HTML_START = re.compile(
    r"\A\s*<(?:!doctype\s+html|html|head|body|meta|title|div|article)\b", re.IGNORECASE
)
_HTML_TAGS = re.compile(r"</(?:p|div|span|a|body|html|li|td)>", re.IGNORECASE)


def decode(data: bytes) -> str:
    """Decode bytes: a BOM wins, then UTF-8, then the best guess (e.g. windows-1256)."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        # A truncated or damaged tail becomes U+FFFD, visible in the output, rather than an error.
        return data.decode("utf-16", "replace")
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", "replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    # Arabic first: windows-1256 maps most high bytes to Arabic letters, so when the result is
    # mostly Arabic script it is the right reading (statistical detection misreads short Arabic
    # samples as CJK encodings).
    arabic = data[:200_000].decode("cp1256", "replace")
    high = [c for c in arabic[:20_000] if ord(c) > 127]
    if high and sum(1 for c in high if "\u0600" <= c <= "\u06ff") >= 0.7 * len(high):
        return data.decode("cp1256", "replace")
    # Look at a bounded sample: detection cost must not grow with a huge input.
    best = charset_normalizer.from_bytes(data[:200_000]).best()
    if best is not None and best.encoding:
        try:
            return data.decode(best.encoding, "replace")
        except LookupError:
            pass
    return data.decode("utf-8", "replace")


def to_text(value: object) -> str:
    """Accept ``str`` or bytes-like input; anything else is a ``TypeError`` naming its type."""
    if isinstance(value, str):
        return value
    if isinstance(value, (bytes, bytearray, memoryview)):
        return decode(bytes(value))
    raise TypeError(f"clean_article() takes str or bytes, not {type(value).__name__}")


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
