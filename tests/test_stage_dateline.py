"""The dateline stage: the place (and agency) opening one of the first body paragraphs is read into
``doc.dateline``; the paragraph stays body, untouched. An attribution or a label is not a dateline."""

from __future__ import annotations

import datetime

import pytest

from newsclean import Document, clean_article
from newsclean.stages.dateline import DatelineStage

D = datetime.date

TAIL = " قال الرئيس إن المحادثات ستستأنف الأسبوع المقبل في العاصمة."


def body_doc(*lines: str) -> Document:
    """A document whose lines an earlier stage has all labelled body."""
    doc = Document.from_text("\n".join(lines))
    doc.stage = "region"
    for line in doc.lines:
        doc.label(line.index, "body", "prose-good")
    doc.stage = "dateline"
    return doc


def read_dateline(*lines: str, published: datetime.date | None = None) -> Document:
    doc = body_doc(*lines)
    doc.published = published
    DatelineStage()(doc)
    return doc


DATELINES = [
    pytest.param("لندن: خلال مؤتمر صحافي في دمشق اليوم أكد الوزير أن البلدين في خندق واحد.",
                 "لندن:", "لندن", None,
                 id="place-colon"),
    pytest.param("القاهرة - (أ ف ب):" + TAIL, "القاهرة - (أ ف ب):", "القاهرة", "أ ف ب",
                 id="place-dash-agency"),
    pytest.param("غزة ـ «القدس العربي»:" + TAIL, "غزة ـ «القدس العربي»:", "غزة", "القدس العربي",
                 id="tatweel-as-dash-paper-in-guillemets"),
    pytest.param("دمشق، سوريا (CNN) --" + TAIL, "دمشق، سوريا (CNN) --", "دمشق، سوريا", "CNN",
                 id="place-and-country-cnn"),
    pytest.param("الرياض (واس):" + TAIL, "الرياض (واس):", "الرياض", "واس",
                 id="agency-spa"),
    pytest.param("أبوظبي (وام) -" + TAIL, "أبوظبي (وام) -", "أبوظبي", "وام",
                 id="agency-wam"),
    pytest.param("برلين (د ب أ) -" + TAIL, "برلين (د ب أ) -", "برلين", "د ب أ",
                 id="agency-dpa-ar"),
    pytest.param("أنقرة (الأناضول):" + TAIL, "أنقرة (الأناضول):", "أنقرة", "الأناضول",
                 id="agency-anadolu"),
    pytest.param("LONDON (Reuters) - Shares fell on Monday across Europe as investors sold banks.",
                 "LONDON (Reuters) -", "LONDON", "Reuters",
                 id="latin-reuters"),
    pytest.param("WASHINGTON (AP) — The Senate voted on Monday to extend the funding deal.",
                 "WASHINGTON (AP) —", "WASHINGTON", "AP",
                 id="latin-ap-em-dash"),
]


@pytest.mark.parametrize(("text", "written", "place", "agency"), DATELINES)
def test_a_dateline_opening_the_first_paragraph(
    text: str, written: str, place: str, agency: str | None,
) -> None:
    doc = read_dateline(text)
    assert doc.dateline is not None
    assert (doc.dateline.text, doc.dateline.place, doc.dateline.agency, doc.dateline.line) == (
        written, place, agency, 0)
    assert doc.dateline.date is None  # none of these states a day


DATED = [
    pytest.param("القاهرة - 12 مايو (أ ف ب):" + TAIL, D(2020, 5, 12),
                 "القاهرة - 12 مايو (أ ف ب):", "القاهرة", "أ ف ب", D(2020, 5, 12),
                 id="ar-day-month-agency"),
    pytest.param("بيروت - ١٥ أيار (رويترز) -" + TAIL, D(2021, 5, 16),
                 "بيروت - ١٥ أيار (رويترز) -", "بيروت", "رويترز", D(2021, 5, 15),
                 id="ar-levant-indic-digits"),
    pytest.param("دمشق - 29 كانون الأول (سانا):" + TAIL, D(2021, 1, 2),
                 "دمشق - 29 كانون الأول (سانا):", "دمشق", "سانا", D(2020, 12, 29),
                 id="ar-two-word-month-year-before"),
    pytest.param("الرباط - 3 غشت 2019:" + TAIL, None,
                 "الرباط - 3 غشت 2019:", "الرباط", None, D(2019, 8, 3),
                 id="ar-whole-date-no-publication"),
    pytest.param("بيروت - 5 كانون الثاني (يناير) (رويترز) -" + TAIL, D(2021, 1, 6),
                 "بيروت - 5 كانون الثاني (يناير) (رويترز) -", "بيروت", "رويترز", D(2021, 1, 5),
                 id="ar-month-and-its-other-name-in-brackets"),
    pytest.param("غزة - 7 آب/أغسطس «القدس العربي»:" + TAIL, D(2022, 8, 8),
                 "غزة - 7 آب/أغسطس «القدس العربي»:", "غزة", "القدس العربي", D(2022, 8, 7),
                 id="ar-dual-month-name"),
    pytest.param("WASHINGTON, Nov 23 (AP) — The Senate voted on Monday to extend the funding deal.",
                 D(2020, 11, 23),
                 "WASHINGTON, Nov 23 (AP) —", "WASHINGTON", "AP", D(2020, 11, 23),
                 id="latin-month-day"),
    pytest.param("WASHINGTON, Nov. 23, 2019 (AP) — The Senate voted on Monday to extend the deal.", None,
                 "WASHINGTON, Nov. 23, 2019 (AP) —", "WASHINGTON", "AP", D(2019, 11, 23),
                 id="latin-whole-date"),
    pytest.param("PARIS, 3 June (AFP) - The government said on Monday that the plan would go ahead.",
                 D(2021, 6, 4), "PARIS, 3 June (AFP) -", "PARIS", "AFP", D(2021, 6, 3),
                 id="latin-day-month"),
]


@pytest.mark.parametrize(("text", "published", "written", "place", "agency", "day"), DATED)
def test_a_dateline_that_states_a_day(text: str, published: datetime.date | None, written: str, place: str,
                                      agency: str | None, day: datetime.date) -> None:
    doc = read_dateline(text, published=published)
    assert doc.dateline is not None
    assert (doc.dateline.text, doc.dateline.place, doc.dateline.agency, doc.dateline.date) == (
        written, place, agency, day)


def test_a_day_without_a_year_and_no_publication_date_is_left_undated() -> None:
    doc = read_dateline("القاهرة - 12 مايو (أ ف ب):" + TAIL)
    assert doc.dateline is not None
    assert (doc.dateline.place, doc.dateline.agency, doc.dateline.date) == ("القاهرة", "أ ف ب", None)


def test_a_publication_time_places_the_day_too() -> None:
    published = datetime.datetime(2020, 5, 12, 23, 30, tzinfo=datetime.timezone.utc)
    doc = read_dateline("القاهرة - 12 مايو (أ ف ب):" + TAIL, published=published)
    assert doc.dateline is not None and doc.dateline.date == D(2020, 5, 12)


def test_a_number_after_the_place_that_is_no_day_is_not_read_as_one() -> None:
    doc = read_dateline("القاهرة - 3 قتلى: قال مسؤول إن الحادث وقع صباح اليوم في وسط المدينة.",
                        published=D(2020, 5, 12))
    assert doc.dateline is not None
    assert (doc.dateline.text, doc.dateline.date) == ("القاهرة -", None)


def test_the_article_carries_the_datelines_day() -> None:
    story = ("عنوان الخبر عن المحادثات\nالتاريخ: 13 مايو 2020\n"
             "القاهرة - 12 مايو (أ ف ب): قال الرئيس إن المحادثات ستستأنف الأسبوع المقبل في العاصمة.\n"
             "وأضاف أن الوفدين سيبحثان ملف المياه والحدود خلال الجولة المقبلة من المحادثات في القاهرة.")
    article = clean_article(story)
    assert article.published == D(2020, 5, 13)
    assert article.dateline is not None and article.dateline.date == D(2020, 5, 12)
    assert article.to_dict()["dateline"]["date"] == "2020-05-12"


NOT_DATELINES = [
    pytest.param("قال مصدر لـ«الشرق الأوسط»: إن الاتفاق بات قريباً جداً بعد أسابيع من المفاوضات.",
                 id="attribution-to-a-paper"),
    pytest.param("قال مصدر مطلع لـ«الشرق الأوسط»: إن المفاوضات بلغت مراحلها الأخيرة.",
                 id="attribution-with-adjective"),
    pytest.param("وقال الوزير: إن الحكومة ستعمل على الخطة خلال الأسابيع المقبلة.",
                 id="quote-after-said"),
    pytest.param("المصدر: وكالة الأنباء الرسمية نقلت الخبر عن مسؤولين في الوزارة.",
                 id="source-label"),
    pytest.param("ملاحظة: هذا الخبر تم تحديثه لاحقاً بمعلومات إضافية من الوزارة.",
                 id="note-label"),
    pytest.param("Officials said on Monday that the plan would go ahead this week.",
                 id="latin-no-separator"),
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
