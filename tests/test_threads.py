"""The thread finder: records found by their repeated shape in every header layout, what makes
a thread (and what does not: a heading alone, a related-articles list, readers quoted by name),
where each record ends, and the dates its header shows."""

from __future__ import annotations

import datetime

import pytest

from newsclean import Document
from newsclean.normalize import key
from newsclean.stages.comments import match_comment_form
from newsclean.threads import Record, Stamp, Thread, find_threads, header_date, is_heading, shape_of

D = datetime.date
DT = datetime.datetime
STORY = ("The council approved the new library on Monday after a long debate about its cost and the "
         "site chosen for it in the centre of the town.")


def is_form(text_key: str, words: int) -> bool:
    return match_comment_form(text_key, words) is not None


def threads(*lines: str, reference: datetime.date | None = None) -> list[Thread]:
    return find_threads(Document.from_text("\n".join(lines)).lines, reference=reference, is_end=is_form)


def one(*lines: str, reference: datetime.date | None = None) -> Thread:
    found = threads(*lines, reference=reference)
    assert len(found) == 1, found
    return found[0]


def rows(thread: Thread) -> list[tuple[str | None, object, str | None, tuple[str, ...]]]:
    return [(r.author, r.date, r.title, r.text) for r in thread.records]


# ---- each layout ----------------------------------------------------------------------------

def test_wordpress_says_over_a_date_with_reply_buttons() -> None:
    thread = one(STORY, "2 Comments",
                 "Anna Berg says:", "March 3, 2024 at 9:15 am", "Great read, thank you.", "Reply",
                 "Ben says:", "March 4, 2024 at 10:02 pm", "I disagree.", "Second paragraph.", "Reply",
                 "Leave a Reply")
    assert (thread.layout, thread.evidence, thread.heading, thread.replies) == ("says+date", "strong", 1, 2)
    assert rows(thread) == [
        ("Anna Berg", DT(2024, 3, 3, 9, 15), None, ("Great read, thank you.",)),
        ("Ben", DT(2024, 3, 4, 22, 2), None, ("I disagree.", "Second paragraph.")),
    ]
    assert thread.records[1].lines == ((6, "author"), (7, "date"), (8, "text"), (9, "text"), (10, "action"))


def test_a_date_over_says() -> None:
    thread = one(STORY, "Ein Gedanke zu „Über uns“", "Januar 15, 2014 um 23:36", "Agi Joe sagt:",
                 "Hey ihr beiden! Schöner Text.", "Kommentar verfassen")
    assert thread.layout == "date+says"
    assert rows(thread) == [("Agi Joe", DT(2014, 1, 15, 23, 36), None, ("Hey ihr beiden! Schöner Text.",))]


def test_name_and_date_on_one_line_with_the_button_after_them() -> None:
    thread = one("9 Comments",
                 "Chris Anamani February 23, 2017 at 12:33 pm Reply", "Good and very rich material.",
                 "Amna March 26, 2018 at 1:09 pm Reply", "Thank you")
    assert (thread.layout, thread.replies) == ("name-date", 2)
    assert rows(thread) == [
        ("Chris Anamani", DT(2017, 2, 23, 12, 33), None, ("Good and very rich material.",)),
        ("Amna", DT(2018, 3, 26, 13, 9), None, ("Thank you",)),
    ]


def test_a_name_glued_to_its_date() -> None:
    thread = one("Kommentare:", "Sana6. Juni 2015 um 10:23", "Interessanter Post!", "AntwortenLöschen",
                 "Nancy ChanMay 31, 2019 at 4:30 PM", "I hope to visit one day.", "ReplyDelete")
    assert [(r.author, r.date) for r in thread.records] == [("Sana", DT(2015, 6, 6, 10, 23)),
                                                           ("Nancy Chan", DT(2019, 5, 31, 16, 30))]


def test_a_name_over_a_date_line_and_a_short_first_text() -> None:
    thread = one("Comments", "Kay", "15/04/2020 at 5:54 pm", "Great bread", "Reply",
                 "Amanda", "16/04/2020 at 0:35", "The combo of olives and herbs is fantastic!", "Reply")
    assert thread.layout == "name/date"
    assert rows(thread) == [("Kay", DT(2020, 4, 15, 17, 54), None, ("Great bread",)),
                            ("Amanda", DT(2020, 4, 16, 0, 35), None,
                             ("The combo of olives and herbs is fantastic!",))]


def test_a_forum_post_takes_the_last_date_of_its_header_not_the_join_date() -> None:
    thread = one("3 Replies",
                 "F", "felixen", "Original poster", "Joined Apr 13, 2009", "Messages 887", "Jul 9, 2022",
                 "#1",
                 "After having had Messages in iCloud enabled I switched it off.", "Reply",
                 "S", "spikeymike", "Joined Jul 6, 2010", "Messages 273", "Jul 10, 2022", "#2",
                 "Did you choose Disable and delete?", "Reply")
    assert [(r.author, r.date) for r in thread.records] == [("felixen", D(2022, 7, 9)),
                                                           ("spikeymike", D(2022, 7, 10))]
    roles = dict(thread.records[0].lines)
    assert [roles[i] for i in range(1, 10)] == ["avatar", "author", "meta", "meta", "meta", "date", "action",
                                                "text", "action"]


def test_a_post_s_subject_between_the_join_date_and_the_post_date() -> None:
    thread = one(STORY,
                 "kestrel88", "Posts: 2870", "Joined: Wed Feb 11, 2016 6:38 pm", "Re: Fan noise at idle",
                 "Thu Mar 14, 2024 10:00 am", "Set a fan curve in the firmware settings.",
                 "gpu_fan", "Posts: 412", "Joined: Mon Jun 03, 2019 2:37 pm", "Re: Fan noise at idle",
                 "Thu Mar 14, 2024 11:04 am", "That worked, thanks.",
                 "Marta_V", "Posts: 96", "Joined: Wed Sep 22, 2021 9:12 am", "Re: Fan noise at idle",
                 "Fri Mar 15, 2024 8:30 am", "Mine does the same with the stock cooler.")
    assert [(r.author, r.date) for r in thread.records] == [("kestrel88", DT(2024, 3, 14, 10, 0)),
                                                           ("gpu_fan", DT(2024, 3, 14, 11, 4)),
                                                           ("Marta_V", DT(2024, 3, 15, 8, 30))]
    assert thread.records[1].text == ("That worked, thanks.",)


def test_a_member_s_location_between_the_join_date_and_the_post_date() -> None:
    members = (("TissueBox", "Member", "Oct 25, 2017", "13,539", "Mar 27, 2025", "What would you do first?"),
               ("Poltergust", "Member", "Oct 25, 2017", "14,796", "Miami, FL", "Mar 27, 2025", "Run."),
               ("BassForever", "Member", "Nov 2, 2017", "32,904", "CT", "Mar 28, 2025", "Call my mother."),
               ("nightjar", "Member", "Jan 9, 2018", "2,118", "Mar 28, 2025", "Hide in the library."))
    thread = one(STORY, *(line for member in members for line in (*member, "#1")))
    assert [(r.author, r.date) for r in thread.records] == [("TissueBox", D(2025, 3, 27)),
                                                           ("Poltergust", D(2025, 3, 27)),
                                                           ("BassForever", D(2025, 3, 28)),
                                                           ("nightjar", D(2025, 3, 28))]


def test_reviews_under_an_avatar_initial_with_titles() -> None:
    thread = one("Customer Reviews", "Based on 3 reviews",
                 "S", "S.", "Absolut überzeugend", "Der Kaffee schmeckt kräftig.", "Klare Kaufempfehlung!",
                 "D", "D.E.", "Bester Kaffee", "Der Kaffee duftet herrlich.",
                 "A", "A.", "Sehr lecker!!", "Schnell geliefert und gut verpackt.")
    assert (thread.layout, thread.evidence, thread.heading) == ("avatar/name", "strong", 0)
    assert rows(thread) == [
        ("S.", None, "Absolut überzeugend", ("Der Kaffee schmeckt kräftig.", "Klare Kaufempfehlung!")),
        ("D.E.", None, "Bester Kaffee", ("Der Kaffee duftet herrlich.",)),
        ("A.", None, "Sehr lecker!!", ("Schnell geliefert und gut verpackt.",)),
    ]


def test_the_seed_pages_title_over_author_dash_text() -> None:
    thread = one(STORY, "التعليقات", "تعليق", "ن ف -النظام لا يستحي؟!",
                 "تصحيح", "سالم -الجعفري ايراني الاصل.")
    assert thread.layout == "dash"
    assert rows(thread) == [("ن ف", None, "تعليق", ("النظام لا يستحي؟!",)),
                            ("سالم", None, "تصحيح", ("الجعفري ايراني الاصل.",))]
    assert thread.records[0].lines == ((2, "title"), (3, "text"))


def test_bare_names_over_texts_under_a_heading() -> None:
    thread = one(STORY, "Comments", "Leop0ld", "That's good. May I translate this article?",
                 "Yaw", "Lambda has rare use lately.", "Oskar Olsson", "So brave.",
                 "comments powered by Disqus")
    assert (thread.layout, thread.evidence) == ("name", "weak")
    assert [r.author for r in thread.records] == ["Leop0ld", "Yaw", "Oskar Olsson"]


def test_a_record_with_no_name_in_a_dated_thread() -> None:
    thread = one("27 commentaires",
                 "(22 juin 2018 @11h13)", ":", "La Corée du Sud n'est pas un modèle.",
                 "Red Bastard", "(22 juin 2018 @11h29)", ":", "Même argument, autre pays.",
                 "Tristan", "(22 juin 2018 @12h07)", ":", "Mea maxima culpa.",
                 "habsb", "(22 juin 2018 @13h40)", ":", "Pas d'accord.")
    assert [(r.author, r.date) for r in thread.records] == [(None, DT(2018, 6, 22, 11, 13)),
                                                           ("Red Bastard", DT(2018, 6, 22, 11, 29)),
                                                           ("Tristan", DT(2018, 6, 22, 12, 7)),
                                                           ("habsb", DT(2018, 6, 22, 13, 40))]


def test_dated_blocks_with_many_left_unnamed_are_no_thread() -> None:
    assert threads("Comments", "December 18, 2025", STORY, "Math Editor", "December 18, 2025",
                   STORY + " ", "Jordana Cepelewicz", "December 19, 2025", STORY + "  ") == []


def test_pingbacks_between_comments_are_their_own_role() -> None:
    thread = one("Roscoe says:", "August 15, 2020 at 1:49 pm", "A simple fix.", "Reply",
                 "Pingback: Amazon liable | Hacker News",
                 "DonM says:", "August 15, 2020 at 4:36 pm", "California roads.", "Reply")
    assert (4, "pingback") in thread.records[0].lines
    assert [r.text for r in thread.records] == [("A simple fix.",), ("California roads.",)]


# ---- what is not a thread -------------------------------------------------------------------

def test_a_heading_alone_makes_no_thread() -> None:
    assert threads(STORY, "Comments", "Be the first to comment", STORY + " ") == []


def test_a_related_articles_list_is_not_a_thread() -> None:
    assert threads(STORY, "Related articles",
                   "Why the lunar south pole is the new space race", "By Anjali Rao on February 20, 2024",
                   "Three countries are aiming for the same region.", "Continue reading",
                   "The rocket engine that runs on moon dust", "By Peter Hald on January 9, 2024",
                   "Engineers have test-fired a thruster.", "Continue reading") == []


def test_a_list_of_dated_titles_is_not_a_thread() -> None:
    assert threads(STORY, "Latest",
                   "Anna Berg", "March 3, 2024", "Storm hits the coast as rivers rise",
                   "Ben Hale", "March 2, 2024", "Floods close schools across the county",
                   "Cara Diaz", "March 1, 2024", "Ministers promise money for flood defences") == []


def test_items_under_titles_are_articles_listed_not_comments() -> None:
    assert threads(STORY, "More from the author",
                   "Storm hits the coast as rivers rise", "Anna Berg", "March 3, 2024",
                   "Residents were told to leave before the peak, expected on Friday.",
                   "Floods close schools across the county", "Anna Berg", "March 2, 2024",
                   "Forty schools stayed shut as roads went under water.",
                   "Ministers promise money for flood defences", "Anna Berg", "March 1, 2024",
                   "The fund will pay for walls along three rivers.") == []


def test_readers_quoted_by_name_are_not_a_thread() -> None:
    assert threads(STORY, "Sarah Whitfield, nurse", "I start at seven, so the early bus is a blessing.",
                   "Tom Reyes, student", "The last bus now leaves at nine.",
                   "Margaret Lowe, retired", "Nothing changes for me.") == []


def test_a_question_and_answer_interview_is_not_a_thread() -> None:
    assert threads(STORY, "Q: When did you start painting?", "A: When I was seven, in my mother's kitchen.",
                   "Q: And now?", "A: Every morning, before the light changes.") == []


def test_one_dated_record_needs_a_heading() -> None:
    lines = ("Anna says:", "March 3, 2024 at 9:15 am", "Great read, thank you.", "Reply")
    assert threads(STORY, *lines) == []
    assert len(one(STORY, "One Comment", *lines).records) == 1


def test_a_weak_thread_needs_its_heading_right_above_it() -> None:
    names = ("Leop0ld", "That's good. May I translate this article?", "Yaw", "Lambda has rare use lately.",
             "Oskar Olsson", "So brave.")
    assert threads(STORY, *names) == []
    assert threads("Comments", STORY, STORY + " ", STORY + "  ", STORY + "   ", *names) == []


def test_one_box_shown_twice_is_not_two_comments() -> None:
    box = ("Carrie Arnold", "November 15, 2019", "Contributing Writer, Quanta Magazine.")
    assert threads("Comments", *box, STORY, STORY + " ", *box) == []


def test_an_article_s_author_boxes_and_dates_are_not_a_thread() -> None:
    assert threads("Comments", "November 15, 2019", STORY,
                   "RenderBurger for Quanta Magazine", "Carrie Arnold", "Contributing Writer",
                   "November 15, 2019",
                   STORY + " ", STORY + "  ", "Carrie Arnold", "Contributing Writer", "November 15, 2019",
                   "View PDF/Print Mode") == []


# ---- where a record ends --------------------------------------------------------------------

def test_the_last_record_ends_at_its_buttons_like_the_others() -> None:
    thread = one("2 Comments", "Anna says:", "March 3, 2024", "First.", "Reply",
                 "Ben says:", "March 4, 2024", "Second.", "Reply", "Get our newsletter every week",
                 "The best stories of the week, in your inbox.")
    assert thread.records[-1].text == ("Second.",)
    assert thread.end == 8


def test_the_last_record_ends_at_a_form() -> None:
    thread = one("One Comment", "Philipp Ther 11. Februar 2020 at 9:41", "Danke für die Zusammenfassung!",
                 "Ich freue mich auf die Lektüre.", "Name *", "E-Mail *")
    assert thread.records[0].text == ("Danke für die Zusammenfassung!", "Ich freue mich auf die Lektüre.")


def test_the_last_record_is_no_longer_than_the_longest_other() -> None:
    thread = one("Comments", "Leop0ld", "That's good.", "Yaw", "Lambda has rare use lately.",
                 "Oskar Olsson", "So brave.", "Work with vetted clients, from anywhere.", "Find out more")
    assert thread.records[-1].text == ("So brave.",)


# ---- dates ----------------------------------------------------------------------------------

RELATIVE = [
    pytest.param("vor 3 Tagen", D(2024, 3, 6), id="de-days"),
    pytest.param("il y a 2 semaines", D(2024, 2, 24), id="fr-weeks"),
    pytest.param("hace 1 mes", D(2024, 2, 9), id="es-month"),
    pytest.param("2 years ago", D(2022, 3, 9), id="en-years"),
    pytest.param("منذ يومين", D(2024, 3, 7), id="ar-dual-days"),
    pytest.param("yesterday at 10:12", D(2024, 3, 8), id="en-yesterday"),
]


@pytest.mark.parametrize(("when", "expected"), RELATIVE)
def test_relative_times_count_back_from_the_reference(when: str, expected: datetime.date) -> None:
    thread = one("Comments", "Anna", when, "First comment.", "Reply", "Ben", when, "Second comment.", "Reply",
                 reference=D(2024, 3, 9))
    assert [r.date for r in thread.records] == [expected, expected]


def test_relative_times_without_a_reference_have_no_date_but_keep_their_stamp() -> None:
    thread = one("Comments", "Anna", "2 hours ago", "First.", "Reply",
                 "Ben", "3 hours ago", "Second.", "Reply")
    assert [r.date for r in thread.records] == [None, None]
    stamp = thread.records[0].stamp
    assert stamp is not None and stamp.text == "2 hours ago"
    assert stamp.resolve(DT(2024, 3, 9, 12, 0)) == DT(2024, 3, 9, 10, 0)


def test_a_day_without_a_year_takes_the_year_of_the_reference_or_the_next() -> None:
    thread = one("13 Comments", "JanBeek Jun 20th at 2:41 am", "Are there workshops?", "Like",
                 "Andrea Jan 2nd at 12:50 pm", "Yes, at your local meetup.", "Like", reference=D(2023, 6, 19))
    assert [r.date for r in thread.records] == [D(2023, 6, 20), D(2024, 1, 2)]


def test_stamp_resolve_of_an_absolute_date_ignores_the_reference() -> None:
    assert Stamp("3 March 2024", absolute=D(2024, 3, 3)).resolve(D(2030, 1, 1)) == D(2024, 3, 3)


HEADER_DATES = [
    pytest.param("par JPA le 7 mai 2020 - 12:38.", "JPA", DT(2020, 5, 7, 12, 38), id="fr-par-le"),
    pytest.param("Marth 02.12.2022, 15:57:32", "Marth", DT(2022, 12, 2, 15, 57), id="de-numeric"),
    pytest.param("nostro 17 September 2020 14:17", "nostro", DT(2020, 9, 17, 14, 17), id="day-month"),
    pytest.param("Wick422 17 September 2020 17:03", "Wick422", DT(2020, 9, 17, 17, 3), id="handle-figures"),
    pytest.param("Joined Jun 3, 2019", None, D(2019, 6, 3), id="join-date-is-no-name"),
    pytest.param("#4 · Jun 4, 2024", None, D(2024, 6, 4), id="post-number"),
    pytest.param("أحمد السيد 9 مارس 2024", "أحمد السيد", D(2024, 3, 9), id="ar"),
]


@pytest.mark.parametrize(("text", "author", "when"), HEADER_DATES)
def test_header_dates_and_the_names_before_them(text: str, author: str | None, when: object) -> None:
    found = header_date(text)
    assert found is not None
    assert (found.author, found.stamp.absolute) == (author, when)


# ---- line shapes and headings ---------------------------------------------------------------

SHAPES = [
    pytest.param("Reply", "action", id="reply"),
    pytest.param("LikeLiked by 21 people", "action", id="glued-like"),
    pytest.param("+3 Gut Antworten", "action", id="votes-and-reply"),
    pytest.param("رد", "action", id="ar-reply"),
    pytest.param("إبلاغ", "action", id="ar-report"),
    pytest.param("Répondre", "action", id="fr-reply"),
    pytest.param("Was this review helpful?", "action", id="helpful"),
    pytest.param("Continue reading", "teaser", id="teaser"),
    pytest.param("Pingback: Another blog | Post", "pingback", id="pingback"),
    pytest.param("hotaru.hino said:", "says", id="says"),
    pytest.param("منذ ساعتين", "date", id="ar-relative"),
    pytest.param("S", "avatar", id="avatar"),
    pytest.param("Sabrina K.", "name", id="name-with-initial"),
    pytest.param("Thanks for your feedback! 🙂", "text", id="emoji-is-no-name"),
    pytest.param("By Carrie Arnold", "text", id="byline-is-no-name"),
    pytest.param("Posted on 21. Juli 2019 by Realiberry", "text", id="byline-with-date"),
    pytest.param("The minister declined to comment on the report.", "text", id="sentence"),
]


@pytest.mark.parametrize(("text", "kind"), SHAPES)
def test_line_shapes(text: str, kind: str) -> None:
    assert shape_of(Document.from_text(text).lines[0]).kind == kind


HEADINGS = [
    pytest.param("Comments", True, True, id="comments"),
    pytest.param("12 Kommentare", True, True, id="de-count"),
    pytest.param("Comments (3)", True, True, id="count-after"),
    pytest.param("{ 38 comments… read them below or add one }", True, True, id="braced-count-and-tail"),
    pytest.param("3 Antworten zu „Warum wir keine Blätter mehr wegräumen“", True, True, id="phrase"),
    pytest.param("One Comment", True, True, id="one"),
    pytest.param("التعليقات (3)", True, True, id="ar"),
    pytest.param("Reviews", True, False, id="reviews-may-head-an-article-part"),
    pytest.param("Discussion", True, False, id="discussion-may-head-an-article-part"),
    pytest.param("Comment", False, False, id="singular-is-a-form-label-or-a-column"),
    pytest.param("Antworten", False, False, id="a-button"),
    pytest.param("3. Review the logs", False, False, id="list-item"),
    pytest.param("Comments on the proposal were due Friday.", False, False, id="sentence"),
    pytest.param("Comment (required)", False, False, id="form-field"),
]


@pytest.mark.parametrize(("text", "heading", "certain"), HEADINGS)
def test_headings(text: str, heading: bool, certain: bool) -> None:
    assert is_heading(key(text)) is heading
    assert is_heading(key(text), certain=True) is certain


def test_records_are_frozen() -> None:
    record = one("2 Comments", "Anna says:", "March 3, 2024", "First.", "Reply",
                 "Ben says:", "March 4, 2024", "Second.", "Reply").records[0]
    assert isinstance(record, Record)
    with pytest.raises(AttributeError):
        record.author = "someone else"  # type: ignore[misc]
