"""Property tests: generated text, prose, HTML and bytes through clean_article.

The properties are newsclean.fuzz's (one source of truth): no exception but the documented ones;
one line record per input line with its text unchanged, a label in LABELS, a stage and a reason,
``blank`` only for lines whose matching key is empty; the parts agree with the records;
``to_dict()`` is JSON-serialisable; cleaning an article's own body again loses no line. Bytes
are either refused as not text or cleaned with no body line made mostly of control characters;
text that decodes cleanly is never refused.
"""

from __future__ import annotations

import json
import random

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from newsclean import LABELS, NotText, clean_article
from newsclean.binary import signature
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


# --- bytes: refused or cleaned, never control characters in the body -----------------------------
# The rules (docs/robustness.md, "Not text"): a file signature, control bytes over 5% of the input,
# control characters over 5% once decoded from another encoding, undecodable sequences over 30%.

#: Control characters as the rules count them: C0 but tab, line feed, vertical tab, form feed and
#: carriage return; DEL; C1.
CONTROLS = frozenset(chr(c) for c in [*range(0x00, 0x09), *range(0x0E, 0x20), *range(0x7F, 0xA0)])


def _mostly_controls(line: str) -> bool:
    visible = line.strip()
    return bool(visible) and sum(c in CONTROLS for c in visible) > len(visible) / 2


def _refused_or_clean(data: bytes) -> None:
    """``data`` raises NotText, or cleans keeping every promise with no body line of control characters."""
    try:
        article = clean_article(data)
    except NotText:
        return
    assert check_article(to_text(data), article) == []
    assert not [line for line in article.body if _mostly_controls(line)]


@HOSTILE
@given(st.binary(max_size=300))
def test_any_bytes_are_refused_or_cleaned_without_control_characters_in_the_body(data: bytes) -> None:
    _refused_or_clean(data)


@settings(HOSTILE, max_examples=min(HOSTILE.max_examples, 50))
@given(st.randoms(use_true_random=False), st.integers(1, 100_000))
def test_random_files_are_refused_or_cleaned_without_control_characters_in_the_body(
        rng: random.Random, size: int) -> None:
    """Uniform random bytes, as a file of random bytes is (``st.binary`` favours small, simple ones)."""
    _refused_or_clean(rng.randbytes(size))


@HOSTILE
@given(texts(max_lines=10), st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-16-be", "utf-32"]))
def test_text_that_decodes_cleanly_is_never_refused(text: str, encoding: str) -> None:
    """Text in a Unicode encoding (decoding is exact), control characters at most 5% of it, is
    never refused and reads back as it was; with more, it is refused or cleaned without control
    characters in the body."""
    data = text.encode(encoding)
    if encoding == "utf-16-be":
        data = b"\xfe\xff" + data
    assume(signature(data) is None)  # a text may open like a PDF ("%PDF-"): then it is one
    assume(not data.startswith(b"\xff\xfe\x00\x00"))  # UTF-16 of U+0000 first: a UTF-32 BOM
    if sum(c in CONTROLS for c in text) > 0.05 * len(text):
        _refused_or_clean(data)
        return
    article = clean_article(data)
    assert check_article(to_text(data), article) == []
    bom_dropped = encoding == "utf-8" and text.startswith("\ufeff")  # a leading U+FEFF reads as a BOM
    assert to_text(data) == (text[1:] if bom_dropped else text)


@HOSTILE
@given(texts(max_lines=10))
def test_text_in_a_legacy_encoding_is_refused_or_cleaned(text: str) -> None:
    """windows-1256 is guessed, not declared: an odd text may be misread (as EBCDIC, say), but
    never into a body of control characters."""
    _refused_or_clean(text.encode("cp1256", "replace"))


@HOSTILE
@given(prose())
def test_prose_in_windows_1256_is_never_refused(text: str) -> None:
    assert to_text(text.encode("cp1256")) == text


@HOSTILE
@given(st.text(st.characters(exclude_categories=("Cs", "Cc")), max_size=300),
       st.sampled_from(["utf-8", "utf-16", "utf-32"]))
def test_text_without_control_characters_is_never_refused(text: str, encoding: str) -> None:
    data = text.encode(encoding)
    assume(signature(data) is None)
    assert to_text(data) == (text[1:] if encoding == "utf-8" and text.startswith("\ufeff") else text)
