"""The chrome stage: lines that are chrome by themselves (footers, timestamps, share rows, embedded
posts, bare links, counters, separators); a sentence that merely contains such words stays open."""

from __future__ import annotations

import pytest

from newsclean import Document
from newsclean.stages.chrome import Chrome


def run_chrome(*lines: str) -> Document:
    doc = Document.from_text("\n".join(lines))
    doc.stage = "chrome"
    Chrome()(doc)
    return doc


CHROME = [
    pytest.param("جميع الحقوق محفوظة © 2020", "footer", id="footer-all-rights-reserved-ar"),
    pytest.param("جميع الحقوق محفوظة لموقع الأخبار", "footer", id="footer-rights-reserved-to-site"),
    pytest.param("© 2024 صحيفة الملاعب. جميع الحقوق محفوظة.", "footer", id="footer-copyright-sign-first"),
    pytest.param("حقوق النشر محفوظة", "footer", id="footer-publishing-rights"),
    pytest.param("© 2024 Reuters. All rights reserved.", "footer", id="footer-en"),
    pytest.param("منذ 3 ساعات", "timestamp", id="timestamp-hours-ago"),
    pytest.param("الإثنين، 24 أغسطس 2020 09:23 ص", "timestamp", id="timestamp-weekday-date-time"),
    pytest.param("الأحد ١٠ مارس ٢٠٢٤", "timestamp", id="timestamp-arabic-indic-digits"),
    pytest.param("آخر تحديث: 14:50", "timestamp", id="timestamp-last-updated"),
    pytest.param("March 12, 2024 10:42 AM GMT", "timestamp", id="timestamp-en"),
    pytest.param("اليوم", "timestamp", id="timestamp-today"),
    pytest.param("فيسبوك تويتر واتساب", "share-row", id="share-row-ar"),
    pytest.param("Facebook Twitter Email", "share-row", id="share-row-en"),
    pytest.param("شارك", "share-row", id="share-single-word"),
    pytest.param("pic.twitter.com/abc123", "embedded-post", id="embedded-tweet-picture"),
    pytest.param("https://example.com/news/1", "url", id="bare-link"),
    pytest.param("1,234", "counter", id="counter"),
    pytest.param("*****", "separator", id="separator-stars"),
    pytest.param("——————", "separator", id="separator-dashes"),
    pytest.param(
        "14:35", "timestamp", id="timestamp-clock-time",
    ),
    pytest.param(
        "منذ ساعتين", "timestamp", id="timestamp-two-hours-ago-dual",
    ),
]


@pytest.mark.parametrize(("text", "reason"), CHROME)
def test_a_line_that_is_chrome_by_itself(text: str, reason: str) -> None:
    line = run_chrome(text).lines[0]
    assert (line.label, line.reason, line.stage) == ("chrome", reason, "chrome")


NOT_CHROME = [
    pytest.param("وصل الوزير عند الساعة 14:35 إلى المطار.", id="sentence-with-a-time"),
    pytest.param("Twitter said the outage lasted two hours on Monday.", id="sentence-about-twitter"),
    pytest.param("شارك آلاف المتظاهرين في المسيرة التي جابت شوارع العاصمة أمس.", id="verb-share-in-a-story"),
    pytest.param("الخميس المقبل", id="weekday-without-a-number"),
    # A weekday alone names a day (opening hours, a schedule); a unit with a figure heads a part.
    pytest.param("Monday", id="weekday-alone"),
    pytest.param("Day 7", id="a-unit-with-a-figure"),
    # The signature of a quoted post is left to the article's context: a story that quotes the
    # post keeps it (the post's own line, with its link, is chrome).
    pytest.param("— Jane Doe (@janedoe) March 1, 2024", id="a-quoted-posts-signature"),
    pytest.param(
        "وأكد حاكم المصرف المركزي أن جميع الحقوق محفوظة للمودعين، وأن أموالهم ستعاد على مراحل.",
        id="sentence-saying-rights-are-preserved",
    ),
]


@pytest.mark.parametrize("text", NOT_CHROME)
def test_a_sentence_is_not_chrome(text: str) -> None:
    line = run_chrome(text).lines[0]
    assert (line.label, line.reason) == (None, None)


def test_a_long_embedded_post_line_is_chrome() -> None:
    tweet = ("وقال الناطق باسم الجيش في تغريدة إن القوات سيطرت على المنطقة بالكامل بعد معارك استمرت أياماً "
             "عدة، مؤكداً أن العمليات ستتواصل حتى تأمين الطريق الدولي بالكامل أمام حركة المدنيين والبضائع "
             "pic.twitter.com/XyZ123abc")
    line = run_chrome(tweet).lines[0]
    assert (line.label, line.reason) == ("chrome", "embedded-post")


def test_blank_lines_keep_their_blank_label() -> None:
    doc = run_chrome("©", "", " \u200f ")
    assert [(line.label, line.reason) for line in doc.lines] == [
        ("chrome", "footer"), ("blank", "blank"), ("blank", "blank")]


@pytest.mark.parametrize("line", [
    pytest.param("\x00\x01\x02 ab", id="controls-and-letters"),
    pytest.param("D \x04\x0e\x01\x0fq\x1c\x1d", id="binary-with-file-separators"),
    pytest.param("\x85\x9f\x80x", id="c1-controls"),
    pytest.param("\x01\x02 \x03 " * 200 + " with a few words at the end", id="many-words"),
])
def test_a_line_mostly_of_control_characters_is_chrome(line: str) -> None:
    doc = run_chrome(line)
    assert (doc.lines[0].label, doc.lines[0].reason) == ("chrome", "control-characters")


def test_a_line_of_control_characters_is_chrome_whatever_an_earlier_stage_said() -> None:
    doc = Document.from_text("\x00\x01\x02 ab")
    doc.stage = "html-hints"
    doc.label(0, "body", "html-main", "in the main content")
    doc.stage = "chrome"
    Chrome()(doc)
    assert (doc.lines[0].label, doc.lines[0].reason) == ("chrome", "control-characters")


@pytest.mark.parametrize("line", [
    "The storm reached the coast\x00 on Monday, officials said.",
    "caf\x00e\x01 au lait",  # two controls in nine visible characters
])
def test_a_line_with_stray_control_characters_is_not_chrome_for_them(line: str) -> None:
    assert run_chrome(line).lines[0].reason != "control-characters"
