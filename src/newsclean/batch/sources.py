"""What a crawl is stored as, read one page at a time: folders of pages, JSON lines, WARC and WET.

Every reader yields :class:`Page` records in a fixed order (folders are walked sorted), so two
runs over the same inputs see the same pages in the same order: ``batch --resume`` relies on it.
A record that cannot be read (a JSON line that does not parse, a field that is missing) is still
yielded, with its ``error`` set, so that it is written out and counted rather than lost.

>>> import json, tempfile, pathlib
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> _ = (folder / "crawl.jsonl").write_text(
...     json.dumps({"id": "a", "url": "https://example.com/1", "text": "Hello"}) + "\\n" + "{oops\\n")
>>> for page in read_inputs([folder]):
...     print(page.id, page.url, page.content, page.error is not None)
a https://example.com/1 Hello False
crawl.jsonl:2 None None True
"""

from __future__ import annotations

import gzip
import io
import json
import os
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from newsclean.batch.page import Page

#: Files read as one page each (and the same names ending in ``.gz``).
PAGE_SUFFIXES = (".txt", ".html", ".htm", ".xhtml")
JSONL_SUFFIXES = (".jsonl", ".ndjson")
WARC_SUFFIXES = (".warc", ".wet", ".arc")


@dataclass(frozen=True, slots=True)
class Fields:
    """Where a JSON record keeps its page: the HTML field wins over the text field when both hold one."""

    text: str = "text"
    html: str = "html"
    url: str = "url"
    id: str = "id"


#: The field names a JSON record uses unless told otherwise.
DEFAULT_FIELDS = Fields()

def kind_of(path: Path) -> str | None:
    """``page``, ``jsonl`` or ``warc`` by the file's name (a ``.gz`` ending is looked through), else None.

    >>> kind_of(Path("a/b.html.gz")), kind_of(Path("c.warc.gz")), kind_of(Path("expected.json"))
    ('page', 'warc', None)
    """
    name = path.name.lower()
    if name.endswith(".gz"):
        name = name[:-3]
    suffix = os.path.splitext(name)[1]
    if suffix in PAGE_SUFFIXES:
        return "page"
    if suffix in JSONL_SUFFIXES:
        return "jsonl"
    if suffix in WARC_SUFFIXES:
        return "warc"
    return None


def open_maybe_gzip(path: Path) -> io.BufferedIOBase:
    """The file's bytes, through gzip when it starts with gzip's magic number (whatever its name)."""
    raw = path.open("rb")
    if raw.peek(2)[:2] == b"\x1f\x8b":
        return gzip.GzipFile(fileobj=raw, mode="rb")
    return raw


def files_of(inputs: Iterable[str | Path], skipped: Counter[str] | None = None) -> Iterator[tuple[Path, str]]:
    """Each input file and its kind, folders walked in sorted order; files of other kinds in a
    folder are passed over (and counted in ``skipped``). A file named outright is read as one
    page when its kind is unknown."""
    for given in inputs:
        path = Path(given)
        if path.is_dir():
            for root, dirs, names in os.walk(path):
                dirs.sort()
                for name in sorted(names):
                    found = Path(root) / name
                    kind = kind_of(found)
                    if kind is not None:
                        yield found, kind
                    elif skipped is not None:
                        skipped["files of no known kind in folders"] += 1
        elif path.exists():
            yield path, kind_of(path) or "page"
        else:
            raise FileNotFoundError(2, "No such file or directory", str(path))


def read_inputs(inputs: Iterable[str | Path], fields: Fields = DEFAULT_FIELDS,
                skipped: Counter[str] | None = None) -> Iterator[Page]:
    """Every page of the inputs (files, folders, JSONL, WARC and WET files), in order. What is
    passed over (files of other kinds in folders, WARC records that are not pages) is counted in
    ``skipped``."""
    for path, kind in files_of(inputs, skipped):
        if kind == "page":
            yield read_page_file(path)
        elif kind == "jsonl":
            yield from read_jsonl(path, fields)
        else:
            from newsclean.batch.warc import read_warc

            yield from read_warc(path, skipped)


def read_page_file(path: Path) -> Page:
    """One file, one page; its id is the path as found."""
    try:
        with open_maybe_gzip(path) as stream:
            return Page(str(path), stream.read())
    except (OSError, EOFError) as error:
        return Page(str(path), None, error=f"{type(error).__name__}: {error}")


def read_jsonl(path: Path, fields: Fields = DEFAULT_FIELDS) -> Iterator[Page]:
    """One page per line of a JSON-lines file; blank lines are skipped. A record without an id
    is named ``FILE:LINE``."""
    with open_maybe_gzip(path) as stream:
        for number, raw in enumerate(stream, 1):
            if not raw.strip():
                continue
            where = f"{path.name}:{number}"
            try:
                record = json.loads(raw)
            except ValueError as error:
                yield Page(where, None, error=f"not a JSON record: {error}")
                continue
            if not isinstance(record, dict):
                yield Page(where, None, error=f"not a JSON object but {type(record).__name__}")
                continue
            yield page_of(record, fields, default_id=where)


def page_of(record: Mapping[str, Any], fields: Fields = DEFAULT_FIELDS, *, default_id: str = "") -> Page:
    """The page a dict describes: its HTML or text field, URL and id (``default_id`` when it has none).

    >>> page_of({"html": "<p>Hi</p>", "url": "https://example.com/"}, default_id="7")
    Page(id='7', content='<p>Hi</p>', url='https://example.com/', error=None)
    """
    raw_id = record.get(fields.id)
    page_id = default_id if raw_id is None else str(raw_id)
    url = record.get(fields.url)
    url = None if url is None else str(url)
    for name in (fields.html, fields.text):
        value = record.get(name)
        if isinstance(value, (str, bytes)):
            return Page(page_id, value, url)
        if value is not None:
            return Page(page_id, None, url, error=f"field {name!r} holds {type(value).__name__}, not text")
    return Page(page_id, None, url, error=f"no {fields.html!r} or {fields.text!r} field")
