"""WARC and WET files (plain or gzipped), read with FastWARC.

FastWARC reads a gzipped WARC 2.3 times as fast as warcio and a plain one 2.9 times
(``benchmarks/warc_readers.py``; docs/batch.md has the numbers), so it is the reader; it ships
compiled wheels and needs nothing else. A page is a ``response`` record (from a crawler's WARC)
or a ``resource`` record whose content type is HTML or plain text, or a ``conversion`` record
(a WET file's extracted text). HTTP content and transfer encodings are undone; a declared
charset decodes the payload, else newsclean's own detection does. Requests, metadata, images,
scripts and other records are not pages: they are counted in ``skipped``, not cleaned.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from newsclean.batch.page import Page
from newsclean.optional import require

#: Content types read as pages; a missing type counts as a page too (WET files often omit it).
PAGE_TYPES = ("text/html", "application/xhtml+xml", "text/plain")


def _content_type(record: Any) -> str:
    if record.is_http:
        value = record.http_content_type or ""
    else:
        value = record.headers.get("Content-Type", "") or ""
    return str(value).split(";", 1)[0].strip().lower()


def read_warc(path: Path, skipped: Counter[str] | None = None) -> Iterator[Page]:
    """The pages of one WARC or WET file, in file order; each record's id is its ``WARC-Record-ID``."""
    warc = require("fastwarc.warc", extra="warc", package="fastwarc")
    kinds = warc.WarcRecordType.response | warc.WarcRecordType.resource | warc.WarcRecordType.conversion
    with path.open("rb") as stream:
        for record in warc.ArchiveIterator(stream, record_types=kinds, parse_http=True, auto_decode="all"):
            ctype = _content_type(record)
            if ctype and ctype not in PAGE_TYPES:
                if skipped is not None:
                    skipped[f"WARC records of type {ctype}"] += 1
                continue
            headers = record.headers
            page_id = str(headers.get("WARC-Record-ID") or f"{path.name}@{record.stream_pos}")
            url = headers.get("WARC-Target-URI")
            try:
                payload: bytes = record.reader.read()
            except OSError as error:  # a damaged gzip member or a bad chunk: this record only
                yield Page(page_id, None, url, error=f"{type(error).__name__}: {error}")
                continue
            charset = record.http_charset if record.is_http else None
            content: str | bytes = payload.decode(charset, "replace") if charset else payload
            yield Page(page_id, content, str(url) if url is not None else None)
