"""WARC and WET files, written here with warcio as crawlers write them, read back by ``newsclean batch``."""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

import pytest

from newsclean import clean_article
from newsclean.batch.sources import read_inputs

warcio = pytest.importorskip("warcio")
pytest.importorskip("fastwarc")
from warcio.statusandheaders import StatusAndHeaders  # noqa: E402
from warcio.warcwriter import WARCWriter  # noqa: E402

STORY = (
    "The storm reached the coast on Monday, officials said, and thousands of homes lost power "
    "as the wind brought down lines across the region."
)
PAGES = {
    f"https://news{n % 2}.example.com/story/{n}": (
        f"<html><head><title>Story {n}</title></head><body><nav>Home World Sport</nav>"
        f"<article><h1>Storm number {n} hits the coast</h1><p>{STORY}</p><p>Report {n} ends here, "
        "officials said on Monday evening after the storm.</p></article></body></html>"
    )
    for n in range(6)
}
ARABIC = "https://ar.example.com/story"
ARABIC_PAGE = (
    "<html><body><h1>العاصفة تضرب الساحل</h1><p>وصلت العاصفة إلى الساحل يوم الاثنين، "
    "وقال مسؤولون إن آلاف المنازل فقدت الكهرباء في أنحاء المنطقة.</p></body></html>"
)


def write_warc(path: Path, *, gz: bool) -> None:
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=gz)
        for url, html in PAGES.items():
            writer.write_record(
                writer.create_warc_record(url, "request", payload=io.BytesIO(b"GET / HTTP/1.1\r\n\r\n"))
            )
            headers = StatusAndHeaders(
                "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1"
            )
            writer.write_record(
                writer.create_warc_record(
                    url, "response", payload=io.BytesIO(html.encode()), http_headers=headers
                )
            )
        # A page in a legacy encoding, as its header declares it.
        headers = StatusAndHeaders(
            "200 OK", [("Content-Type", "text/html; charset=windows-1256")], protocol="HTTP/1.1"
        )
        writer.write_record(
            writer.create_warc_record(
                ARABIC, "response", http_headers=headers, payload=io.BytesIO(ARABIC_PAGE.encode("cp1256"))
            )
        )
        # A gzip-encoded response: the reader undoes the content encoding.
        headers = StatusAndHeaders(
            "200 OK", [("Content-Type", "text/html"), ("Content-Encoding", "gzip")], protocol="HTTP/1.1"
        )
        writer.write_record(
            writer.create_warc_record(
                "https://news0.example.com/zipped",
                "response",
                http_headers=headers,
                payload=io.BytesIO(gzip.compress(next(iter(PAGES.values())).encode())),
            )
        )
        # Not pages: an image and a metadata record.
        headers = StatusAndHeaders("200 OK", [("Content-Type", "image/png")], protocol="HTTP/1.1")
        writer.write_record(
            writer.create_warc_record(
                "https://news0.example.com/a.png",
                "response",
                payload=io.BytesIO(b"\x89PNG\r\n"),
                http_headers=headers,
            )
        )
        writer.write_record(
            writer.create_warc_record(
                "https://news0.example.com/",
                "metadata",
                payload=io.BytesIO(b"via: test"),
                warc_content_type="application/warc-fields",
            )
        )


def write_wet(path: Path) -> dict[str, str]:
    texts = {
        url: f"Storm number {n} hits the coast\nHome | World | Sport\n{STORY}" for n, url in enumerate(PAGES)
    }
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=True)
        for url, text in texts.items():
            writer.write_record(
                writer.create_warc_record(
                    url, "conversion", payload=io.BytesIO(text.encode()), warc_content_type="text/plain"
                )
            )
    return texts


@pytest.mark.parametrize("gz", [True, False], ids=["warc.gz", "warc"])
def test_warc_pages_read_back_by_url(tmp_path: Path, gz: bool) -> None:
    path = tmp_path / ("crawl.warc.gz" if gz else "crawl.warc")
    write_warc(path, gz=gz)
    pages = {p.url: p for p in read_inputs([path])}
    assert set(pages) == {*PAGES, ARABIC, "https://news0.example.com/zipped"}
    for url, html in PAGES.items():
        assert pages[url].content == html
        assert pages[url].id.startswith("<urn:uuid:")
    assert pages[ARABIC].content == ARABIC_PAGE
    # No charset declared: the bytes go to newsclean's own decoding.
    assert pages["https://news0.example.com/zipped"].content == next(iter(PAGES.values())).encode()


def test_batch_over_warc_and_wet(tmp_path: Path) -> None:
    from newsclean.batch.command import run_batch

    write_warc(tmp_path / "crawl.warc.gz", gz=True)
    texts = write_wet(tmp_path / "crawl.warc.wet.gz")
    out = tmp_path / "out.jsonl"
    summary = run_batch([tmp_path], str(out), jobs=1, progress=False)
    records = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert summary.pages == len(records) == len(PAGES) + 2 + len(texts)
    assert summary.skipped == {"WARC records of type image/png": 1}  # requests and metadata are not looked at
    from_warc, from_wet = records[: len(PAGES) + 2], records[len(PAGES) + 2 :]
    by_url = {r["url"]: r for r in from_warc}
    for url, html in PAGES.items():
        assert (
            by_url[url]["headline"]
            == clean_article(html).headline
            == f"Storm number {url[-1]} hits the coast"
        )
        assert by_url[url]["text"] == clean_article(html).text
    assert by_url[ARABIC]["headline"] == "العاصفة تضرب الساحل"
    for record in from_wet:
        assert record["text"] == clean_article(texts[record["url"]]).text
        assert STORY in record["text"] and "Home | World" not in record["text"]

