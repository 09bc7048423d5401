#!/usr/bin/env python3
"""Which WARC reader ``newsclean batch`` uses: FastWARC against warcio, on the same files.

Writes a WARC of the ScrapingHub benchmark's HTML pages (every page ``--copies`` times, each as a
request and a response record, with warcio, as a crawler writes them), gzipped per record and
plain, then reads the HTML payloads back with each library, in turn, ``--rounds`` times, and
prints the median records per second and MB per second of each. Both read every byte of every
payload, so the work is the same.

usage: python benchmarks/warc_readers.py [--copies 5] [--rounds 5]
"""

from __future__ import annotations

import argparse
import gzip
import io
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus" / "bench" / "scrapinghub"


def write_warc(path: Path, pages: list[bytes], copies: int, gz: bool) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=gz)
        for copy in range(copies):
            for i, html in enumerate(pages):
                url = f"https://example{i % 50}.com/{copy}/{i}"
                request = io.BytesIO(b"GET / HTTP/1.1\r\n\r\n")
                writer.write_record(writer.create_warc_record(url, "request", payload=request))
                headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")],
                                           protocol="HTTP/1.1")
                writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(html),
                                                              http_headers=headers))


def read_fastwarc(path: Path) -> tuple[int, int]:
    from fastwarc.warc import ArchiveIterator, WarcRecordType

    records = size = 0
    with path.open("rb") as stream:
        for record in ArchiveIterator(stream, record_types=WarcRecordType.response, parse_http=True):
            size += len(record.reader.read())
            records += 1
    return records, size


def read_warcio(path: Path) -> tuple[int, int]:
    from warcio.archiveiterator import ArchiveIterator

    records = size = 0
    with path.open("rb") as stream:
        for record in ArchiveIterator(stream):
            if record.rec_type != "response":
                continue
            size += len(record.content_stream().read())
            records += 1
    return records, size


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--copies", type=int, default=5)
    ap.add_argument("--rounds", type=int, default=5)
    args = ap.parse_args()
    if not CORPUS.exists():
        print(f"no corpus at {CORPUS}", file=sys.stderr)
        return 2
    pages = [gzip.decompress(p.read_bytes()) for p in sorted(CORPUS.glob("*/input.html.gz"))]
    readers: dict[str, Callable[[Path], tuple[int, int]]] = {"fastwarc": read_fastwarc, "warcio": read_warcio}
    with tempfile.TemporaryDirectory() as tmp:
        for gz in (True, False):
            path = Path(tmp) / ("crawl.warc.gz" if gz else "crawl.warc")
            write_warc(path, pages, args.copies, gz)
            times: dict[str, list[float]] = {name: [] for name in readers}
            counts = {}
            for _ in range(args.rounds):
                for name, read in readers.items():  # in turn, so both see the same machine load
                    t0 = time.perf_counter()
                    counts[name] = read(path)
                    times[name].append(time.perf_counter() - t0)
            assert len(set(counts.values())) == 1, counts
            records, size = counts["fastwarc"]
            print(f"{path.name}: {records} responses, {size / 1e6:.1f} MB of HTML, "
                  f"{path.stat().st_size / 1e6:.1f} MB on disk")
            for name, ts in times.items():
                med = statistics.median(ts)
                print(f"  {name:9s} {records / med:8.0f} records/s  {size / 1e6 / med:7.1f} MB/s  "
                      f"(median of {args.rounds}; range {min(ts):.3f}-{max(ts):.3f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
