"""The comments stages: ``comments`` labels comment-widget lines (forms, rules, headings) before
the region is sought; ``comment-threads`` takes the threads that stand after the article region
as comment records, never the article's own lines, and labels their buttons chrome."""

from __future__ import annotations

import datetime
import json
from pathlib import Path

import pytest

from newsclean import Document, Pipeline, clean_article
from newsclean.document import CommentRecord
from newsclean.normalize import key
from newsclean.stages.comments import Comments, CommentThreads, match_comment_form
from newsclean.threads import is_heading

D = datetime.date
DT = datetime.datetime
STORY = "افتتحت البلدية مكتبة عامة جديدة في وسط المدينة يوم السبت بحضور مئات الزوار والطلاب."
PROSE = ("The council approved the new library on Monday after a long debate about its cost and the "
         "site chosen for it in the centre of the town.")


def run_comments(*lines: str, region: tuple[int, int] | None = None,
                 published: datetime.date | None = None, now: datetime.date | None = None) -> Document:
    """Both stages on ``lines``; ``region`` stands for the region stage's verdict (its lines body)."""
    doc = Document.from_text("\n".join(lines))
    doc.stage = "comments"
    Comments()(doc)
    if region is not None:
        doc.stage = "region"
        doc.meta["region"] = region
        for i in range(region[0], region[1] + 1):
            if doc.lines[i].is_open:
                doc.label(i, "body", "prose-good", "stands for the region stage")
    doc.published = published
    doc.stage = "comment-threads"
    CommentThreads(now=now)(doc)
    return doc


def trail(doc: Document) -> list[tuple[str | None, str | None]]:
    return [(line.label, line.reason) for line in doc.lines]


# ---- records --------------------------------------------------------------------------------

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
        ("أحمد السيد", D(2024, 3, 9), "خطوة رائعة طال انتظارها.", None),
        ("منى خالد", D(2024, 3, 10), "هل يمكن استعارة الكتب من المنزل؟", None),
    ]


def test_buttons_avatars_and_members_ranks_are_chrome_with_their_reason() -> None:
    doc = run_comments(PROSE, "2 Replies",
                       "F", "felixen", "Joined Apr 13, 2009", "Jul 9, 2022", "I switched it off.", "Reply",
                       "S", "spikeymike", "Joined Jul 6, 2010", "Jul 10, 2022", "Did you delete it?", "Reply")
    assert trail(doc)[2:8] == [("chrome", "comment-avatar"), ("comment", "comment-author"),
                               ("chrome", "comment-meta"), ("comment", "comment-date"),
                               ("comment", "comment-text"), ("chrome", "comment-action")]
    assert [(c.author, c.date) for c in doc.comments] == [("felixen", D(2022, 7, 9)),
                                                          ("spikeymike", D(2022, 7, 10))]


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
    pytest.param("3 Antworten zu „Über uns“", id="de-wordpress"),
]


@pytest.mark.parametrize("text", MARKERS)
def test_a_section_heading_opens_the_comments(text: str) -> None:
    doc = run_comments(STORY, text, "تعليق", "سالم -كلام جميل")
    assert trail(doc)[1] == ("chrome", "comments-marker")
    assert [c.author for c in doc.comments] == ["سالم"]


def test_a_sentence_about_comments_is_not_a_heading() -> None:
    doc = run_comments(STORY, "التعليقات الواردة على الخبر كثيرة ومتنوعة وقد تابعها المحرر باهتمام.",
                       "تعليق", "سالم -كلام جميل")
    assert doc.comments == []
    assert trail(doc)[1] == (None, None)


def test_a_heading_with_no_comment_after_it_is_chrome_and_opens_nothing() -> None:
    doc = run_comments("تعليقات", STORY, STORY + " ")
    assert trail(doc) == [("chrome", "comments-marker"), (None, None), (None, None)]
    assert doc.comments == []


def test_a_heading_that_may_head_an_article_part_is_left_alone_without_a_thread() -> None:
    doc = run_comments(PROSE, "Discussion", PROSE + " ", "Reviews", PROSE + "  ")
    assert trail(doc) == [(None, None)] * 5


def test_without_a_heading_one_record_is_no_comment() -> None:
    doc = run_comments(STORY, "تعليق", "سالم -كلام جميل")
    assert doc.comments == []
    assert trail(doc) == [(None, None)] * 3


# ---- forms and rules --------------------------------------------------------------------------

FORMS = [
    pytest.param("أضف تعليقاً", "comment-form", id="add-a-comment"),
    pytest.param("أضف تعليقك", "comment-form", id="add-your-comment"),
    pytest.param("اضف تعليقاً واقرأ تعليقات القراء", "comment-form", id="add-and-read-comments-link"),
    pytest.param("لا توجد تعليقات", "comment-form", id="no-comments-yet"),
    pytest.param("كن أول من يعلق", "comment-form", id="be-the-first"),
    pytest.param("الاسم", "comment-form", id="name-field"),
    pytest.param("البريد الإلكتروني", "comment-form", id="email-field"),
    pytest.param("Leave a Reply", "comment-form", id="leave-a-reply-en"),
    pytest.param("You must be logged in to post a comment.", "comment-form", id="logged-in-to-comment"),
    pytest.param("Your email address will not be published.", "comment-form", id="email-not-published-en"),
    pytest.param("No comments yet.", "comment-form", id="no-comments-yet-en"),
    pytest.param("Comments are closed.", "comment-form", id="closed"),
    pytest.param("Comment (required)", "comment-form", id="comment-field"),
    pytest.param("Submit", "comment-form", id="submit-button"),
    pytest.param("Schreibe einen Kommentar", "comment-form", id="wordpress-de"),
    pytest.param("Laisser un commentaire", "comment-form", id="wordpress-fr"),
    pytest.param("Deja un comentario", "comment-form", id="wordpress-es"),
    pytest.param("Rejoindre la discussion…", "comment-form", id="disqus-fr"),
    pytest.param("comments powered by Disqus", "comment-form", id="disqus"),
    pytest.param("الآراء الواردة في التعليقات لا تعبر عن رأي الموقع", "comment-rules", id="disclaimer"),
    pytest.param("Read our community guidelines", "comment-rules", id="guidelines"),
    pytest.param("وللعلم فان جميع مشاركاتك يمكن استخدامها مع اسمك وصورتك.", "comment-rules", id="your-posts"),
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


#: Short news sentences holding the words comment forms are made of: they report, they do not
#: call, so they stay body (issue 9, item 4).
NEWS = [
    pytest.param("The minister declined to comment on the report.", id="en-declined-to-comment"),
    pytest.param("Officials did not reply to requests for comment.", id="en-did-not-reply"),
    pytest.param("The company asked customers to leave a comment on its website.", id="en-leave-a-comment"),
    pytest.param("No comments were received during the consultation.", id="en-no-comments-were"),
    pytest.param("The platform said the video violated its community guidelines.", id="en-guidelines"),
    pytest.param("The paper changed its comment policy last year.", id="en-comment-policy"),
    pytest.param("Name and email addresses of the victims were not released.", id="en-name-and-email"),
    pytest.param("رفض المتحدث التعليق على التقرير.", id="ar-declined"),
    pytest.param("أرسل الوزير تعليقاً مكتوباً إلى الصحيفة.", id="ar-sent-a-comment"),
    pytest.param("رفضت الشركة إضافة تعليق على التقرير.", id="ar-refused-to-add-a-comment"),
    pytest.param("قررت الشركة حذف التعليقات المسيئة من صفحتها.", id="ar-deleted-comments"),
    pytest.param("لا توجد تعليقات رسمية حتى الآن على الحادث.", id="ar-no-official-comments"),
    pytest.param("ترحب الحكومة بالنقاش حول الموازنة الجديدة.", id="ar-welcomes-debate"),
    pytest.param("الآراء الواردة في التقرير لا تعبر عن موقف الحكومة.", id="ar-views-in-the-report"),
    pytest.param("Le ministre n'a pas souhaité faire de commentaire.", id="fr-no-comment"),
    pytest.param("Les lecteurs peuvent laisser un commentaire sur le site.", id="fr-leave-a-comment"),
    pytest.param("El presidente deja un comentario en Twitter cada mañana.", id="es-leaves-a-comment"),
    pytest.param("El portavoz se negó a responder a las preguntas.", id="es-refused-to-reply"),
    pytest.param("Der Sprecher wollte die Kommentare nicht kommentieren.", id="de-comment-on-comments"),
    pytest.param("Die Leser konnten auf der Website einen Kommentar hinterlassen.", id="de-leave-a-comment"),
]


@pytest.mark.parametrize("sentence", NEWS)
def test_a_news_sentence_about_comments_is_no_comment_widget(sentence: str) -> None:
    assert match_comment_form(key(sentence)) is None
    article = clean_article("\n".join(["Home", "News", PROSE, sentence, PROSE + " Again.", "Comments"]))
    line = article.lines[3]
    assert line.stage not in ("comments", "comment-threads")
    assert line.label == "body"


# ---- never at the body's expense --------------------------------------------------------------

WORDPRESS = ("2 Comments",
             "Anna says:", "March 3, 2024 at 9:15 am", "Great read, thank you.", "Reply",
             "Ben says:", "March 4, 2024 at 10:02 am", "I disagree with the second point.", "Reply")


def test_a_thread_after_the_region_is_taken() -> None:
    doc = run_comments(PROSE, PROSE + " ", *WORDPRESS, region=(0, 1))
    assert [c.author for c in doc.comments] == ["Anna", "Ben"]
    assert doc.meta["region"] == (0, 1)


def test_the_region_ran_on_into_a_proven_thread_ends_where_it_begins() -> None:
    doc = run_comments(PROSE, PROSE + " ", *WORDPRESS, region=(0, 10))
    assert [c.author for c in doc.comments] == ["Anna", "Ben"]
    assert doc.meta["region"] == (0, 1)
    assert [line.label for line in doc.lines[:2]] == ["body", "body"]


def test_dated_entries_inside_the_region_without_heading_or_buttons_stay_body() -> None:
    live = (PROSE, "Anna Berg", "March 3, 2024 at 9:15 am", "The first train left at dawn, on time.",
            "Ben Hale", "March 3, 2024 at 9:45 am", "Crowds gathered at the new station.")
    doc = run_comments(*live, region=(0, 6))
    assert doc.comments == []
    assert [line.label for line in doc.lines] == ["body"] * 7


def test_readers_quoted_inside_the_region_stay_body_even_under_a_comments_word() -> None:
    quoted = (PROSE, "What readers said", "Sarah Whitfield", "I start at seven, so the early bus helps.",
              "Tom Reyes", "The last bus now leaves at nine.", "Margaret Lowe", "Nothing changes for me.")
    doc = run_comments(*quoted, region=(0, 7))
    assert doc.comments == []
    assert all(line.label == "body" for line in doc.lines)


def test_a_region_inside_a_thread_under_a_heading_gives_way_to_the_lines_above_it() -> None:
    third = ("Cara says:", "March 5, 2024 at 8:00 am", "Worth every penny.", "Reply")
    lines = ("Home", PROSE, *WORDPRESS, *third)
    doc = run_comments(*lines, region=(4, 12))
    assert [c.author for c in doc.comments] == ["Anna", "Ben", "Cara"]
    assert doc.meta["region"] == (0, 1)


def test_a_thread_that_is_the_page_s_whole_content_stays_body() -> None:
    third = ("Cara says:", "March 5, 2024 at 8:00 am", "Worth every penny.", "Reply")
    lines = ("Home", "Ask: which library app do you use?", *WORDPRESS, *third)
    doc = run_comments(*lines, region=(4, 13))
    assert doc.comments == []
    assert doc.meta["region"] == (4, 13)


@pytest.mark.parametrize("records", [1, 2])
def test_one_or_two_records_never_take_the_whole_region(records: int) -> None:
    dated = ("Anna Berg", "March 3, 2024", PROSE, "Ben Hale", "March 3, 2024", PROSE + " ")[: 3 * records]
    lines = ("Home", "Comments", *dated)
    doc = run_comments(*lines, region=(4, len(lines) - 1))
    assert doc.comments == []
    assert doc.meta["region"] == (4, len(lines) - 1)


def test_without_a_region_only_a_thread_under_a_heading_is_taken() -> None:
    assert [c.author for c in run_comments(PROSE, *WORDPRESS).comments] == ["Anna", "Ben"]
    assert run_comments(PROSE, *WORDPRESS[1:]).comments == []


def test_comments_the_page_s_dom_gave_are_kept() -> None:
    doc = Document.from_text("\n".join((PROSE, *WORDPRESS)))
    doc.stage = "html-hints"
    doc.label(3, "comment", "html-comment-text", "comment by Anna")
    doc.comments.append(CommentRecord(lines=[3], author="Anna"))
    doc.stage = "comment-threads"
    CommentThreads()(doc)
    assert len(doc.comments) == 1
    assert doc.lines[6].label is None


# ---- dates ------------------------------------------------------------------------------------

RELATIVE = ("Comments", "Anna", "2 hours ago", "First comment.", "Reply",
            "Ben", "vor 3 Tagen", "Second.", "Reply")


def test_relative_times_count_back_from_the_publication_date() -> None:
    doc = run_comments(PROSE, *RELATIVE, published=D(2024, 3, 9))
    assert [c.date for c in doc.comments] == [D(2024, 3, 9), D(2024, 3, 6)]


def test_relative_times_count_back_from_the_capture_time_when_given() -> None:
    doc = run_comments(PROSE, *RELATIVE, published=D(2024, 3, 1), now=DT(2024, 3, 9, 12, 0))
    assert [c.date for c in doc.comments] == [DT(2024, 3, 9, 10, 0), DT(2024, 3, 6, 12, 0)]


def test_relative_times_with_no_clock_have_no_date() -> None:
    assert [c.date for c in run_comments(PROSE, *RELATIVE).comments] == [None, None]


def test_a_publication_date_read_off_a_comment_is_dropped() -> None:
    article = clean_article("\n".join((PROSE, PROSE + " More.", *WORDPRESS)))
    assert article.published is None
    assert [c.date for c in article.comments] == [DT(2024, 3, 3, 9, 15), DT(2024, 3, 4, 10, 2)]


def test_the_stage_runs_after_the_publication_date_is_known() -> None:
    names = Pipeline.default().names
    assert names.index("region") < names.index("published") < names.index("comment-threads")
    assert names.index("comment-threads") < names.index("remainder")
    assert names.index("comments") < names.index("region")


CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"


def _short_gold_paragraphs() -> list[str]:
    """Every gold body paragraph of 30 words or fewer of the corpus's news and article pages."""
    sets = [CORPUS / "ar", CORPUS / "bench" / "scrapinghub", CORPUS / "bench" / "wcxb-dev"]
    if not all(folder.is_dir() for folder in sets):
        pytest.skip(f"the shared corpus is absent ({CORPUS})")
    found = []
    for folder in sets:
        for path in sorted(folder.glob("*/expected.json")):
            gold = json.loads(path.read_text(encoding="utf-8"))
            if gold.get("page_type", "article") != "article":
                continue
            found += [p for p in gold.get("body") or [] if isinstance(p, str) and len(p.split()) <= 30]
    return found


def test_no_short_gold_body_paragraph_of_the_corpus_is_a_comment_widget_line() -> None:
    paragraphs = _short_gold_paragraphs()
    assert len(paragraphs) > 10_000
    widget = [p for p in paragraphs if match_comment_form(key(p), len(p.split()))
              or is_heading(key(p), len(p.split()), certain=True)]
    assert widget == []
