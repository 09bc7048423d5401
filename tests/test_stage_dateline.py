"""The dateline stage: the place (and agency) opening one of the first body paragraphs is read into
``doc.dateline``; the paragraph stays body, untouched. An attribution or a label is not a dateline."""

from __future__ import annotations

import pytest

from newsclean import Document
from newsclean.stages.dateline import DatelineStage

TAIL = " قال الرئيس إن المحادثات ستستأنف الأسبوع المقبل في العاصمة."


def body_doc(*lines: str) -> Document:
    """A document whose lines an earlier stage has all labelled body."""
    doc = Document.from_text("\n".join(lines))
    doc.stage = "region"
    for line in doc.lines:
        doc.label(line.index, "body", "prose-good")
    doc.stage = "dateline"
    return doc


def read_dateline(*lines: str) -> Document:
    doc = body_doc(*lines)
    DatelineStage()(doc)
    return doc


DATELINES = [
    pytest.param("لندن: خلال مؤتمر صحافي في دمشق اليوم أكد الوزير أن البلدين في خندق واحد.",
                 "لندن:", "لندن", None, id="place-colon"),
    pytest.param("القاهرة - (أ ف ب):" + TAIL, "القاهرة - (أ ف ب):", "القاهرة", "أ ف ب",
                 id="place-dash-agency"),
    pytest.param("غزة ـ «القدس العربي»:" + TAIL, "غزة ـ «القدس العربي»:", "غزة", "القدس العربي",
                 id="tatweel-as-dash-paper-in-guillemets"),
    pytest.param("دمشق، سوريا (CNN) --" + TAIL, "دمشق، سوريا (CNN) --", "دمشق، سوريا", "CNN",
                 id="place-and-country-cnn"),
    pytest.param("الرياض (واس):" + TAIL, "الرياض (واس):", "الرياض", "واس", id="agency-spa"),
    pytest.param("أبوظبي (وام) -" + TAIL, "أبوظبي (وام) -", "أبوظبي", "وام", id="agency-wam"),
    pytest.param("برلين (د ب أ) -" + TAIL, "برلين (د ب أ) -", "برلين", "د ب أ", id="agency-dpa-ar"),
    pytest.param("أنقرة (الأناضول):" + TAIL, "أنقرة (الأناضول):", "أنقرة", "الأناضول", id="agency-anadolu"),
    pytest.param("LONDON (Reuters) - Shares fell on Monday across Europe as investors sold banks.",
                 "LONDON (Reuters) -", "LONDON", "Reuters", id="latin-reuters"),
    pytest.param("WASHINGTON (AP) — The Senate voted on Monday to extend the funding deal.",
                 "WASHINGTON (AP) —", "WASHINGTON", "AP", id="latin-ap-em-dash"),
]


@pytest.mark.parametrize(("text", "written", "place", "agency"), DATELINES)
def test_a_dateline_opening_the_first_paragraph(
    text: str, written: str, place: str, agency: str | None,
) -> None:
    doc = read_dateline(text)
    assert doc.dateline is not None
    assert (doc.dateline.text, doc.dateline.place, doc.dateline.agency, doc.dateline.line) == (
        written, place, agency, 0)


NOT_DATELINES = [
    pytest.param("قال مصدر لـ«الشرق الأوسط»: إن الاتفاق بات قريباً جداً بعد أسابيع من المفاوضات.",
                 id="attribution-to-a-paper"),
    pytest.param("قال مصدر مطلع لـ«الشرق الأوسط»: إن المفاوضات بلغت مراحلها الأخيرة.",
                 id="attribution-with-adjective"),
    pytest.param("وقال الوزير: إن الحكومة ستعمل على الخطة خلال الأسابيع المقبلة.", id="quote-after-said"),
    pytest.param("المصدر: وكالة الأنباء الرسمية نقلت الخبر عن مسؤولين في الوزارة.", id="source-label"),
    pytest.param("ملاحظة: هذا الخبر تم تحديثه لاحقاً بمعلومات إضافية من الوزارة.", id="note-label"),
    pytest.param("Officials said on Monday that the plan would go ahead this week.", id="latin-no-separator"),
    pytest.param(
        "Update: The ministry said on Monday that the plan would go ahead.", id="latin-update-label",
    ),
    pytest.param(
        "Breaking: Police said the suspect had been arrested near the border.", id="latin-breaking-label",
    ),
]


@pytest.mark.parametrize("text", NOT_DATELINES)
def test_not_a_dateline(text: str) -> None:
    assert read_dateline(text).dateline is None


def test_the_paragraph_keeps_its_label_and_text() -> None:
    text = "القاهرة - (أ ف ب):" + TAIL
    doc = read_dateline(text)
    line = doc.lines[0]
    assert (line.text, line.label, line.reason, line.stage) == (text, "body", "prose-good", "region")


def test_the_dateline_may_open_the_second_paragraph() -> None:
    lead = "فيما قال وزير الخارجية إن بلاده والعراق يقفان في خندق واحد ضد الإرهاب، شدد نظيره على التنسيق."
    doc = read_dateline(lead, "لندن: خلال مؤتمر صحافي في دمشق اليوم أكد الوزير أن البلدين في خندق واحد.")
    assert doc.dateline is not None
    assert (doc.dateline.place, doc.dateline.line) == ("لندن", 1)


def test_only_the_first_paragraphs_are_read() -> None:
    para = "وقال الوزير إن الحكومة ستعمل على الخطة خلال الأسابيع المقبلة بالتعاون مع الشركاء."
    doc = read_dateline(para, para, para, "القاهرة - (أ ف ب):" + TAIL)
    assert doc.dateline is None


def test_a_line_that_is_not_body_is_not_read() -> None:
    doc = Document.from_text("القاهرة - (أ ف ب):" + TAIL)
    doc.stage = "dateline"
    DatelineStage()(doc)
    assert doc.dateline is None
