"""The comments stage: a marker opens the section; the seed's title + ``AUTHOR -TEXT`` shape and the
author / date / text shape become comment records; comment forms, rules and "no comments" lines
are chrome wherever they stand."""

from __future__ import annotations

import datetime

import pytest

from newsclean import Document
from newsclean.stages.comments import Comments

STORY = "افتتحت البلدية مكتبة عامة جديدة في وسط المدينة يوم السبت بحضور مئات الزوار والطلاب."


def run_comments(*lines: str) -> Document:
    doc = Document.from_text("\n".join(lines))
    doc.stage = "comments"
    Comments()(doc)
    return doc


def trail(doc: Document) -> list[tuple[str | None, str | None]]:
    return [(line.label, line.reason) for line in doc.lines]


def test_title_and_author_dash_text_shape_of_the_seed() -> None:
    doc = run_comments(STORY, "التعليقات", "تعليق", "ن ف -النظام العنصري لا يستحي؟!",
                       "تصحيح", "سالم -الجعفري ايراني الاصل - وهذا معروف.")
    assert trail(doc) == [
        (None, None),
        ("chrome", "comments-marker"),
        ("comment", "comment-title"), ("comment", "comment-text"),
        ("comment", "comment-title"), ("comment", "comment-text"),
    ]
    assert [(c.title, c.author, c.text) for c in doc.comments] == [
        ("تعليق", "ن ف", "النظام العنصري لا يستحي؟!"),
        ("تصحيح", "سالم", "الجعفري ايراني الاصل - وهذا معروف."),
    ]


def test_author_date_text_shape() -> None:
    doc = run_comments(STORY, "تعليقات القراء", "أحمد السيد", "9 مارس 2024", "خطوة رائعة طال انتظارها.",
                       "منى خالد", "10 مارس 2024", "هل يمكن استعارة الكتب من المنزل؟")
    assert trail(doc)[1:] == [
        ("chrome", "comments-marker"),
        ("comment", "comment-author"), ("comment", "comment-date"), ("comment", "comment-text"),
        ("comment", "comment-author"), ("comment", "comment-date"), ("comment", "comment-text"),
    ]
    assert [(c.author, c.date, c.text, c.title) for c in doc.comments] == [
        ("أحمد السيد", datetime.date(2024, 3, 9), "خطوة رائعة طال انتظارها.", None),
        ("منى خالد", datetime.date(2024, 3, 10), "هل يمكن استعارة الكتب من المنزل؟", None),
    ]


def test_author_date_text_shape_in_english() -> None:
    doc = run_comments("The story.", "Comments", "John Smith", "March 3, 2024", "Great piece, thanks.")
    assert [(c.author, c.date, c.text) for c in doc.comments] == [
        ("John Smith", datetime.date(2024, 3, 3), "Great piece, thanks.")]


def test_a_comment_records_the_lines_it_spans() -> None:
    doc = run_comments(STORY, "التعليقات", "تعليق", "سالم -كلام جميل")
    assert doc.comments[0].lines == [2, 3]


def test_the_comment_form_after_the_last_comment_is_chrome() -> None:
    doc = run_comments(STORY, "تعليقات القراء", "أحمد السيد", "9 مارس 2024", "خطوة رائعة طال انتظارها.",
                       "أضف تعليقاً", "الاسم", "البريد الإلكتروني")
    assert doc.comments[0].text == "خطوة رائعة طال انتظارها."
    assert trail(doc)[-3:] == [("chrome", "comment-form")] * 3


MARKERS = [
    pytest.param("التعليقات", id="al-taliqat"),
    pytest.param("تعليقات القراء", id="readers-comments"),
    pytest.param("التعليقات (3)", id="with-a-count"),
    pytest.param("Comments", id="en"),
    pytest.param("12 Comments", id="en-with-a-count"),
]


@pytest.mark.parametrize("text", MARKERS)
def test_a_section_marker_opens_the_comments(text: str) -> None:
    doc = run_comments(STORY, text, "تعليق", "سالم -كلام جميل")
    assert trail(doc)[1] == ("chrome", "comments-marker")
    assert [c.author for c in doc.comments] == ["سالم"]


def test_a_sentence_about_comments_is_not_a_marker() -> None:
    doc = run_comments(STORY, "التعليقات الواردة على الخبر كثيرة ومتنوعة وقد تابعها المحرر باهتمام.",
                       "تعليق", "سالم -كلام جميل")
    assert doc.comments == []
    assert trail(doc)[1] == (None, None)


def test_a_marker_with_no_comment_after_it_is_chrome_and_opens_nothing() -> None:
    doc = run_comments("تعليقات", STORY, STORY + " ")
    assert trail(doc) == [("chrome", "comments-marker"), (None, None), (None, None)]
    assert doc.comments == []


FORMS = [
    pytest.param("أضف تعليقاً", "comment-form", id="add-a-comment"),
    pytest.param("أضف تعليقك", "comment-form", id="add-your-comment"),
    pytest.param("اضف تعليقاً واقرأ تعليقات القراء", "comment-form", id="add-and-read-comments-link"),
    pytest.param("لا توجد تعليقات", "comment-form", id="no-comments-yet"),
    pytest.param("كن أول من يعلق", "comment-form", id="be-the-first"),
    pytest.param("الاسم", "comment-form", id="name-field"),
    pytest.param("البريد الإلكتروني", "comment-form", id="email-field"),
    pytest.param("Leave a Reply", "comment-form", id="leave-a-reply-en"),
    pytest.param("Your email address will not be published.", "comment-form", id="email-not-published-en"),
    pytest.param("No comments yet.", "comment-form", id="no-comments-yet-en"),
    pytest.param("الآراء الواردة في التعليقات لا تعبر عن رأي الموقع", "comment-rules", id="disclaimer"),
    pytest.param("ترحب شبكة CNN بالنقاش الحيوي والمفيد", "comment-rules", id="welcome-to-debate"),
]


@pytest.mark.parametrize(("text", "reason"), FORMS)
def test_comment_forms_and_rules_are_chrome_anywhere(text: str, reason: str) -> None:
    doc = run_comments(STORY, text)
    assert trail(doc) == [(None, None), ("chrome", reason)]
    assert doc.comments == []


def test_no_comments_yet_section_has_no_comments() -> None:
    doc = run_comments(STORY, "التعليقات", "لا توجد تعليقات بعد. كن أول من يعلق على هذا الخبر.", "أضف تعليقك")
    assert trail(doc)[1:] == [("chrome", "comments-marker"), ("chrome", "comment-form"),
                              ("chrome", "comment-form")]
    assert doc.comments == []


def test_a_story_that_mentions_comments_is_not_a_form() -> None:
    doc = run_comments("رفض الوزير التعليق على التقارير التي تحدثت عن استقالته المرتقبة.")
    assert trail(doc) == [(None, None)]


def test_without_a_marker_nothing_is_a_comment() -> None:
    doc = run_comments(STORY, "تعليق", "سالم -كلام جميل")
    assert doc.comments == []
    assert trail(doc) == [(None, None)] * 3
