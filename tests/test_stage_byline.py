"""The byline stage: one author line, in the header zone above the article or at its first or last
body lines; a sentence that happens to open with "كتب" or "By" is not a byline."""

from __future__ import annotations

import pytest

from newsclean import Document
from newsclean.stages.byline import Byline

BODY = [
    "وقال المتحدث باسم الوزارة إن الحملة تستهدف الأطفال من عمر يوم حتى خمس سنوات في جميع المحافظات.",
    "وأوضح أن فرق التطعيم تعمل من خلال المنشآت الصحية الثابتة إلى جانب فرق متحركة تمر على المنازل.",
    "ودعت الوزارة أولياء الأمور إلى التوجه بأطفالهم إلى أقرب وحدة صحية حتى لو سبق تطعيمهم من قبل.",
]
HEADLINE = "الحملة القومية لتطعيم الأطفال تنطلق في جميع المحافظات"


def article_doc(header: list[str], body: list[str]) -> Document:
    """Header lines left open, body lines labelled body by the region stage, its bounds in meta."""
    doc = Document.from_text("\n".join([*header, *body]))
    doc.stage = "region"
    start, end = len(header), len(header) + len(body) - 1
    for i in range(start, end + 1):
        doc.label(i, "body", "prose-good")
    doc.meta["region"] = (start, end)
    doc.stage = "byline"
    return doc


def run_byline(doc: Document) -> Document:
    Byline()(doc)
    return doc


BYLINES = [
    pytest.param("كتب محمد عبد الرحمن", "kataba", id="kataba"),
    pytest.param("كتبت أسماء نصار", "kataba", id="katabat"),
    pytest.param("كتب - محمد عبد الرحمن", "kataba", id="kataba-dash"),
    pytest.param("بقلم: سمير عطا الله", "bi-qalam", id="bi-qalam-colon"),
    pytest.param("بقلم سمير عطا الله", "bi-qalam", id="bi-qalam"),
    pytest.param("حوار: أحمد علي", "interview", id="interview"),
    pytest.param("(القاهرة - محمد علي)", "credit", id="place-and-name-in-brackets"),
    pytest.param("By Sarah Mitchell", "by", id="by-en"),
    pytest.param("By Jane Doe and John Roe", "by", id="by-two-authors-en"),
    pytest.param("Written by: Jane Doe", "author-label", id="written-by-en"),
]


@pytest.mark.parametrize(("text", "reason"), BYLINES)
def test_an_author_line_under_the_headline(text: str, reason: str) -> None:
    doc = run_byline(article_doc([HEADLINE, text], BODY))
    line = doc.lines[1]
    assert (line.label, line.reason, line.stage) == ("byline", reason, "byline")


def test_an_author_line_opening_the_body_is_relabelled() -> None:
    doc = run_byline(article_doc([HEADLINE], ["كتب محمد عبد الرحمن", *BODY]))
    assert (doc.lines[1].label, doc.lines[1].reason) == ("byline", "kataba")


def test_an_author_line_closing_the_body_is_relabelled() -> None:
    doc = run_byline(article_doc([HEADLINE], [*BODY, "بقلم: سمير عطا الله"]))
    assert (doc.lines[-1].label, doc.lines[-1].reason) == ("byline", "bi-qalam")


def test_only_one_line_is_the_byline() -> None:
    doc = run_byline(article_doc([HEADLINE, "كتب محمد عبد الرحمن", "بقلم: سمير عطا الله"], BODY))
    assert [line.label for line in doc.lines[1:3]] == ["byline", None]


NOT_BYLINES = [
    pytest.param("by the way, it rained.", id="by-the-way"),
    pytest.param("By Monday the water had receded and roads reopened across the region.", id="by-monday"),
    pytest.param("كتابات على الجدران تثير الجدل", id="kitabat-a-noun"),
]


@pytest.mark.parametrize("text", NOT_BYLINES)
def test_a_line_that_only_starts_like_a_byline_stays_open(text: str) -> None:
    doc = run_byline(article_doc([HEADLINE, text], BODY))
    assert (doc.lines[1].label, doc.lines[1].reason) == (None, None)


def test_a_closing_sentence_with_the_verb_kataba_stays_body() -> None:
    doc = run_byline(article_doc([HEADLINE], [*BODY, "كتب الوزير رسالة إلى نظيره يطالبه فيها بالتدخل."]))
    assert (doc.lines[-1].label, doc.lines[-1].reason) == ("body", "prose-good")


def test_without_an_article_region_nothing_is_labelled() -> None:
    doc = Document.from_text("\n".join([HEADLINE, "كتب محمد عبد الرحمن", *BODY]))
    doc.stage = "byline"
    run_byline(doc)
    assert all(line.label is None for line in doc.lines)
