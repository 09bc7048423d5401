"""Property tests: generated text, prose, HTML and bytes through clean_article.

The properties are newsclean.fuzz's (one source of truth): no exception but the documented ones;
one line record per input line with its text unchanged, a label in LABELS, a stage and a reason,
``blank`` only for lines whose matching key is empty; the parts agree with the records;
``to_dict()`` is JSON-serialisable; cleaning an article's own body again loses no line.
"""

from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from newsclean import LABELS, clean_article
from newsclean.fuzz import check_article, check_reclean
from newsclean.inputs import to_text
from newsclean.normalize import key

from .strategies import LINE, SEPARATORS, html_documents, pages, prose, texts

HOSTILE = settings.get_profile("newsclean-hostile")


@HOSTILE
@given(texts())
def test_text_every_line_lands_in_one_part(text: str) -> None:
    article = clean_article(text)
    assert check_article(text, article) == []


@HOSTILE
@given(pages())
def test_page_every_line_lands_in_one_part(text: str) -> None:
    article = clean_article(text)
    assert check_article(text, article) == []
    assert check_reclean(article, prose=False) == []


@HOSTILE
@given(st.lists(LINE, min_size=1, max_size=12), SEPARATORS)
def test_records_follow_input_lines(lines: list[str], sep: str) -> None:
    """Spelled out for one line-break style: record i is input line i, labelled and explained."""
    text = sep.join(lines)
    article = clean_article(text)
    if "<" in text:  # may read as HTML; the general property test covers that case
        return
    assert [r.text for r in article.lines] == text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    for rec in article.lines:
        assert rec.label in LABELS
        assert rec.stage and rec.reason
        if rec.label == "blank":
            assert key(rec.text) == ""
        if key(rec.text):
            assert rec.label != "blank"


@HOSTILE
@given(texts())
def test_to_dict_is_json(text: str) -> None:
    out = json.loads(json.dumps(clean_article(text).to_dict()))
    assert len(out["lines"]) >= 1


@HOSTILE
@given(texts())
def test_cleaning_the_body_again_loses_no_line(text: str) -> None:
    assert check_reclean(clean_article(text), prose=False) == []


@HOSTILE
@given(prose())
def test_cleaning_a_prose_body_again_keeps_it(text: str) -> None:
    """Issue 5: "cleaning an article's own body again keeps that body" - for paragraphs of prose."""
    body = clean_article(text).body
    assert body, "prose paragraphs gave no body at all"
    again = clean_article("\n".join(body))
    assert again.body == body, [(r.label, r.reason, r.text[:40]) for r in again.lines if r.label != "body"]


@settings(HOSTILE, max_examples=min(HOSTILE.max_examples, 100))  # each page also goes through trafilatura
@given(html_documents())
def test_html_keeps_visible_text(doc: tuple[str, tuple[str, ...]]) -> None:
    html, markers = doc
    article = clean_article(html)
    assert check_article(html, article, markers) == []
    assert check_reclean(article, prose=False) == []


@HOSTILE
@given(st.binary(max_size=300))
def test_any_bytes_decode_and_clean(data: bytes) -> None:
    article = clean_article(data)
    assert check_article(to_text(data), article) == []


@HOSTILE
@given(texts(max_lines=10), st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-16-be", "cp1256"]))
def test_encoded_text_decodes(text: str, encoding: str) -> None:
    data = text.encode(encoding, "replace")
    if encoding == "utf-16-be":
        data = b"\xfe\xff" + data
    article = clean_article(data)
    assert check_article(to_text(data), article) == []
    if encoding.startswith(("utf-8", "utf-16")) and not (encoding == "utf-8" and text.startswith("\ufeff")):
        assert to_text(data) == text
