"""The promos stage: calls to subscribe, follow, join, download, read also or watch are promos,
in any spelling; a sentence that only mentions an app or the word "subscribe" is not."""

from __future__ import annotations

import pytest

from newsclean import Document
from newsclean.stages.promos import Promos


def run_promos(*lines: str, stage: Promos | None = None) -> Document:
    doc = Document.from_text("\n".join(lines))
    doc.stage = "promos"
    (stage or Promos())(doc)
    return doc


PROMOS = [
    # Subscribe: the seed's line and its spelling variants.
    pytest.param("إضغط هنا للإشتراك", "subscribe", id="subscribe-hamza-spelling"),
    pytest.param("اضغط هنا للاشتراك", "subscribe", id="subscribe-bare-alef-spelling"),
    pytest.param("اضْغَطْ هُنا لِلاشْتِراك", "subscribe", id="subscribe-with-tashkeel"),
    pytest.param("\u200fاضغط هنا للاشتراك\u200f", "subscribe", id="subscribe-wrapped-in-bidi-marks"),
    pytest.param("اضغـــط هنا للاشتراك", "subscribe", id="subscribe-with-tatweel"),
    pytest.param("اشترك الآن في النشرة البريدية", "subscribe", id="subscribe-newsletter"),
    pytest.param("Subscribe to our newsletter", "subscribe", id="subscribe-en"),
    # Follow.
    pytest.param("تابعونا على فيسبوك", "follow", id="follow-us-facebook"),
    pytest.param("تابعوا أخبار مصر عبر غوغل نيوز", "follow", id="follow-news-on-google-news"),
    pytest.param("Follow us on Twitter", "follow", id="follow-us-en"),
    # Apps and channels.
    pytest.param("يمكنكم الآن متابعة آخر الأخبار مجاناً من خلال تطبيق تلغرام", "app", id="app-telegram-seed"),
    pytest.param("حمّل تطبيق الموقع على هاتفك", "app", id="app-download"),
    pytest.param("انضموا إلى قناتنا على واتساب", "app", id="app-join-whatsapp-channel"),
    pytest.param("Download our app for the latest news", "app", id="app-download-en"),
    # Join.
    pytest.param("انضم إلى النقاش", "join", id="join-discussion"),
    pytest.param("Join the conversation", "join", id="join-conversation-en"),
    # Read also: أيضاً / ايضا / أيضًا all match.
    pytest.param("اقرأ أيضاً: الحكومة تعلن موازنة العام المقبل", "read-also", id="read-also-hamza-tanween"),
    pytest.param("اقرا ايضا: الحكومة تعلن موازنة العام المقبل", "read-also", id="read-also-bare-spelling"),
    pytest.param("اقرأ أيضًا", "read-also", id="read-also-tanween-on-letter"),
    pytest.param("انظر أيضا: تقرير الأمم المتحدة", "read-also", id="see-also"),
    pytest.param("Read also: Oil prices slip", "read-also", id="read-also-en"),
    # Watch.
    pytest.param("شاهدوا الفيديو كاملاً من خلال الرابط", "watch", id="watch-via-link"),
    pytest.param("Watch the video here", "watch", id="watch-en"),
]


@pytest.mark.parametrize(("text", "reason"), PROMOS)
def test_a_call_to_act_is_a_promo(text: str, reason: str) -> None:
    line = run_promos(text).lines[0]
    assert (line.label, line.reason, line.stage) == ("promo", reason, "promos")


NOT_PROMOS = [
    pytest.param("حظرت روسيا تطبيق تلغرام بعد رفضه تسليم مفاتيح التشفير للسلطات.", id="story-about-telegram"),
    pytest.param("ونشرت الشركة تفاصيل التحديث عبر قناتها الرسمية على تلغرام.",
                 id="story-cites-telegram-channel"),
    pytest.param("أعلنت واتساب أنها ستتوقف عن العمل على الهواتف القديمة.", id="story-about-whatsapp"),
    pytest.param("اشترك المئات في الماراثون الخيري الذي نظمته البلدية يوم الجمعة.",
                 id="verb-ishtaraka-in-a-story"),
    pytest.param("Telegram said it had removed the channels on Monday.", id="story-about-telegram-en"),
    pytest.param("أيضاً", id="lone-word-also"),
    pytest.param(
        "وقال المتحدث إن الشركة ستطلب من المستخدمين تحديث التطبيق، مضيفاً: "
        "\"تابعوا التعليمات التي تظهر على الشاشة\", قبل أن يؤكد أن العملية لن تستغرق أكثر من دقائق "
        "معدودة وأن البيانات لن تتأثر بأي شكل من الأشكال.",
        id="long-paragraph-quoting-a-call",
    ),
]


@pytest.mark.parametrize("text", NOT_PROMOS)
def test_a_sentence_that_mentions_an_app_stays_open(text: str) -> None:
    line = run_promos(text).lines[0]
    assert (line.label, line.reason) == (None, None)


def test_a_promo_is_found_wherever_it_stands() -> None:
    story = "حظرت روسيا تطبيق تلغرام بعد رفضه تسليم مفاتيح التشفير للسلطات."
    doc = run_promos(story, "إضغط هنا للإشتراك", story + " ", "تابعونا على فيسبوك")
    assert [line.label for line in doc.lines] == [None, "promo", None, "promo"]


def test_a_line_an_earlier_stage_labelled_is_left_alone() -> None:
    doc = Document.from_text("تابعونا على فيسبوك")
    doc.stage = "comments"
    doc.label(0, "comment", "comment-text")
    doc.stage = "promos"
    Promos()(doc)
    line = doc.lines[0]
    assert (line.label, line.reason, line.stage) == ("comment", "comment-text", "comments")


def test_extra_rules_add_reasons_of_their_own() -> None:
    stage = Promos(extra=(("donate", r"^تبرع"),))
    line = run_promos("تبرعوا الآن لدعم الصحافة المستقلة", stage=stage).lines[0]
    assert (line.label, line.reason) == ("promo", "donate")


def test_settings_are_keyword_only() -> None:
    with pytest.raises(TypeError):
        Promos((("donate", r"^تبرع"),))  # type: ignore[call-arg]
