"""Where records go: a JSON-lines file (which a killed run can resume) or a Parquet file.

A JSON-lines output holds one record per line, in input order. Resuming counts its complete
lines, cuts a line a kill left half-written, and appends after them: since every input page
gives exactly one record and cleaning is deterministic, the finished file is byte for byte the
one an uninterrupted run writes.

>>> import tempfile, pathlib
>>> path = pathlib.Path(tempfile.mkdtemp()) / "out.jsonl"
>>> _ = path.write_bytes(b'{"id":"a"}\\n{"id":"b"}\\n{"id":"c", "te')
>>> complete_records(path), path.read_bytes()
(2, b'{"id":"a"}\\n{"id":"b"}\\n')
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import IO, Any

from newsclean.optional import require

#: Parquet rows buffered before a row group is written.
ROW_GROUP = 1000


def complete_records(path: Path) -> int:
    """How many complete lines ``path`` holds; a last line without its newline is cut off."""
    count = 0
    end = 0
    with path.open("rb+") as f:
        while block := f.read(1 << 20):
            count += block.count(b"\n")
            last = block.rfind(b"\n")
            if last >= 0:
                end = f.tell() - len(block) + last + 1
        f.truncate(end)
    return count


class JsonlOutput:
    """JSON lines to a file (``resume=True`` appends after the complete records) or ``-`` for stdout."""

    def __init__(self, path: str, *, resume: bool = False) -> None:
        self.done = 0
        self._stream: IO[bytes]
        if path == "-":
            if resume:
                raise ValueError("--resume needs an output file, not standard output")
            self._stream = sys.stdout.buffer
            self._own = False
            return
        file = Path(path)
        if resume and file.exists():
            self.done = complete_records(file)
            self._stream = file.open("ab")
        else:
            self._stream = file.open("wb")
        self._own = True

    def write(self, data: bytes | dict[str, Any]) -> None:
        assert isinstance(data, bytes)
        self._stream.write(data)

    def close(self) -> None:
        if self._own:
            self._stream.close()
        else:
            self._stream.flush()


def arrow_schema(lines: bool) -> Any:
    """The Parquet schema of a record (docs/batch.md); ``lines=True`` adds the per-line trail."""
    pa = require("pyarrow", extra="parquet")
    counts = pa.map_(pa.string(), pa.int64())
    fields = [
        ("id", pa.string()), ("url", pa.string()), ("kind", pa.string()), ("lang", pa.string()),
        ("headline", pa.string()), ("subheadlines", pa.list_(pa.string())), ("byline", pa.string()),
        ("dateline", pa.struct([("text", pa.string()), ("place", pa.string()), ("agency", pa.string()),
                                ("date", pa.string())])),
        ("published", pa.string()), ("text", pa.string()), ("captions", pa.list_(pa.string())),
        ("promos", pa.list_(pa.string())),
        ("comments", pa.list_(pa.struct([("author", pa.string()), ("title", pa.string()),
                                         ("text", pa.string()), ("date", pa.string())]))),
        ("labels", counts), ("reasons", counts), ("error", pa.string()),
    ]
    if lines:
        fields.append(("lines", pa.list_(pa.struct([
            ("index", pa.int64()), ("text", pa.string()), ("label", pa.string()), ("stage", pa.string()),
            ("reason", pa.string()), ("detail", pa.string())]))))
    return pa.schema(fields)


def _arrow_row(record: dict[str, Any]) -> dict[str, Any]:
    # Arrow takes a map as a list of pairs.
    return {**record, "labels": list(record["labels"].items()), "reasons": list(record["reasons"].items())}


class ParquetOutput:
    """Records to one Parquet file, a row group per :data:`ROW_GROUP` records (memory stays bounded)."""

    def __init__(self, path: str, *, lines: bool = False, resume: bool = False) -> None:
        if resume:
            raise ValueError("--resume needs JSON-lines output: a Parquet file cut off by a kill has no "
                             "footer to resume from")
        if path == "-":
            raise ValueError("Parquet output needs a file, not standard output")
        pq = require("pyarrow.parquet", extra="parquet", package="pyarrow")
        self._pa = require("pyarrow", extra="parquet")
        self.schema = arrow_schema(lines)
        self._writer = pq.ParquetWriter(path, self.schema)
        self._rows: list[dict[str, Any]] = []
        self.done = 0

    def write(self, data: bytes | dict[str, Any]) -> None:
        assert isinstance(data, dict)
        self._rows.append(_arrow_row(data))
        if len(self._rows) >= ROW_GROUP:
            self._flush()

    def _flush(self) -> None:
        if self._rows:
            self._writer.write_table(self._pa.Table.from_pylist(self._rows, schema=self.schema))
            self._rows = []

    def close(self) -> None:
        self._flush()
        self._writer.close()
