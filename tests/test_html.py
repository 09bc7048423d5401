"""HTML input: the DOM's evidence (h1, deck, figcaption, time, comment records) becomes labels.

Each page here is written by hand; the expected values are read off the page, not off the output.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from newsclean import LABELS, Article, Document, Pipeline, clean_article
from newsclean.html import MainText, flatten, html_to_document, match_lines, parse_html, stream_lines
from newsclean.stages.html_hints import HtmlHints

PARAGRAPHS = (
    "The storm reached the coast on Monday evening, officials said, and thousands of homes lost power "
    "as the wind brought down lines across the region.",
    "Rain is expected to continue until Wednesday, the weather service said in its latest bulletin, and "
    "rivers may flood the low-lying towns along the estuary.",
    "Schools in three districts will stay closed on Tuesday while crews clear fallen trees from the "
    "roads, the regional education office announced.",
    "Residents were asked to avoid unnecessary travel and to check on elderly neighbours, and shelters "
    "opened in two town halls for families who had to leave.",
)
TITLE = "Storm hits the coast"
DECK = "Thousands without power as winds reach 120 km/h"
CAPTION = "Waves break over the harbour wall in Dover"


def page(*, inside: str = "", after: str = "", head: str = "", time: str = "") -> str:
    """A news page: menu, article (title, deck, optional time, four paragraphs, a figure), footer."""
    return f"""<!DOCTYPE html><html lang="en"><head><title>{TITLE} | Daily Planet</title>{head}</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li>
<li><a href="/sport">Sport</a></li></ul></nav>
<main><article>
<h1>{TITLE}</h1>
<p class="standfirst">{DECK}</p>
{time}
<p>{PARAGRAPHS[0]}</p>
<figure><img src="storm.jpg" alt=""><figcaption>{CAPTION}</figcaption></figure>
<p>{PARAGRAPHS[1]}</p>
{inside}
<p>{PARAGRAPHS[2]}</p>
<p>{PARAGRAPHS[3]}</p>
</article></main>
{after}
<footer><p>Daily Planet, 1 Main Street</p></footer>
</body></html>"""


def reasons(article: Article, text: str) -> list[tuple[str, str]]:
    """(label, reason) of each line that reads ``text``."""
    return [(r.label, r.reason) for r in article.lines if r.text == text]


def hints_only(html: str) -> Document:
    """The document right after html-hints, before the text stages read the date lines."""
    return Pipeline([("html-hints", HtmlHints())]).run(html_to_document(html))


# --- title, deck, body, captions ------------------------------------------------------------------


def test_headline_is_the_h1_without_the_site_name() -> None:
    article = clean_article(page())
    assert article.headline == TITLE
    assert reasons(article, TITLE) == [("headline", "html-title")]


def test_deck_under_the_title_is_a_subheadline() -> None:
    article = clean_article(page())
    assert article.subheadlines == (DECK,)
    assert reasons(article, DECK) == [("subheadline", "html-deck")]


def test_main_text_is_body_and_the_menu_and_footer_are_chrome() -> None:
    article = clean_article(page())
    assert article.body == PARAGRAPHS
    assert all(reasons(article, p) == [("body", "html-main")] for p in PARAGRAPHS)
    for text in ("Home", "World", "Sport", "Daily Planet, 1 Main Street"):
        assert reasons(article, text) == [("chrome", "html-outside-main")]
    # The article region runs from the first paragraph to the last (menu 0-2, title 3, deck 4).
    assert hints_only(page()).meta["region"] == (5, 9)


def test_figcaption_is_a_caption_not_body() -> None:
    article = clean_article(page())
    assert article.captions == (CAPTION,)
    assert reasons(article, CAPTION) == [("caption", "html-figcaption")]
    assert CAPTION not in article.text


def test_every_line_lands_in_one_part() -> None:
    html = page(after=WORDPRESS_COMMENTS)
    article = clean_article(html)
    assert [r.text for r in article.lines] == flatten(html)
    assert all(r.label in LABELS and r.reason for r in article.lines)


def test_promo_inside_the_article_is_left_to_the_promos_stage() -> None:
    article = clean_article(page(inside="<p>Follow us on Telegram</p>"))
    assert article.promos == ("Follow us on Telegram",)
    assert reasons(article, "Follow us on Telegram")[0][0] == "promo"
    assert "Telegram" not in article.text


def trafilatura_keeps(monkeypatch: pytest.MonkeyPatch, lines: list[str]) -> None:
    """Make trafilatura's main text exactly ``lines`` (with the page's title), to test what the
    stage does with what it leaves out."""
    import newsclean.stages.html_hints as hints

    def main(*args: object, **kwargs: object) -> MainText:
        return MainText(lines=lines, comments=[], title=f"{TITLE} | Daily Planet")

    monkeypatch.setattr(hints, "extract_main", main)


def test_a_crosshead_left_out_between_main_lines_is_body(monkeypatch: pytest.MonkeyPatch) -> None:
    trafilatura_keeps(monkeypatch, list(PARAGRAPHS))
    article = clean_article(page(inside="<h3>Schools closed</h3>"))
    assert reasons(article, "Schools closed") == [("body", "html-crosshead")]
    assert article.body == (*PARAGRAPHS[:2], "Schools closed", *PARAGRAPHS[2:])


def test_a_heading_left_out_in_a_related_box_stays_chrome(monkeypatch: pytest.MonkeyPatch) -> None:
    trafilatura_keeps(monkeypatch, list(PARAGRAPHS))
    article = clean_article(page(inside='<div class="related-stories"><h3>Floods last winter</h3></div>'))
    assert reasons(article, "Floods last winter") == [("chrome", "html-not-main")]


def test_a_time_element_with_no_date_is_a_duration_in_the_text(monkeypatch: pytest.MonkeyPatch) -> None:
    trafilatura_keeps(monkeypatch, list(PARAGRAPHS))
    inside = ('<div><div>Cooking time</div><div><time itemprop="cookTime">15 – 30 Min</time></div></div>'
              '<div><time datetime="2020-03-17">March 17, 2020</time></div>')
    article = clean_article(page(inside=inside))
    assert reasons(article, "15 – 30 Min") == [("body", "html-duration")]
    assert [label for label, _ in reasons(article, "March 17, 2020")] == ["chrome"]  # a timestamp
    assert reasons(article, "Cooking time") == [("chrome", "html-not-main")]  # neither


QUESTION = ("How does one know when to use wurde or war in sentences like the one my book gives as "
            "an example?", "Ich wurde ausgeraubt", "Why did they not use the other verb in that context?")
ANSWER = ("The passive of a past action takes wurde, and war describes the state that follows from it, "
          "which is why the book uses wurde in this example.",
          "In English both read the same, so the difference is easy to miss when you translate.")


def qa_page() -> str:
    """A question-and-answer page marked up with schema.org microdata."""
    return f"""<html lang="en"><head><title>{TITLE} | Daily Planet</title></head><body>
<div itemprop="mainEntity" itemscope itemtype="https://schema.org/Question"><h1 itemprop="name">{TITLE}</h1>
<div itemprop="text"><p>{QUESTION[0]}</p><blockquote><p>{QUESTION[1]}</p></blockquote>
<p>{QUESTION[2]}</p></div>
<div itemprop="suggestedAnswer" itemscope itemtype="https://schema.org/Answer">
<div itemprop="text"><p>{ANSWER[0]}</p><p>{ANSWER[1]}</p></div></div></div></body></html>"""


def test_the_main_items_text_is_recorded_not_an_answers() -> None:
    page_info = html_to_document(qa_page()).meta["html"]
    assert page_info.entity_text == [(1, 4)]  # the question's three lines, under the title (0)


def test_the_question_left_out_above_an_answer_is_body(monkeypatch: pytest.MonkeyPatch) -> None:
    trafilatura_keeps(monkeypatch, list(ANSWER))
    article = clean_article(qa_page())
    assert article.body == (*QUESTION, *ANSWER)
    assert reasons(article, QUESTION[1]) == [("body", "html-main")]


def test_a_short_header_in_the_main_items_text_is_not_taken(monkeypatch: pytest.MonkeyPatch) -> None:
    # An articleBody that opens with a source line: too little to be a passage the extractor lost.
    paragraphs = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    html = (f"<html><head><title>{TITLE} | Daily Planet</title></head><body><article><h1>{TITLE}</h1>"
            f'<div itemprop="articleBody"><p>Source: Reuters news agency, Monday</p>{paragraphs}</div>'
            "</article></body></html>")
    trafilatura_keeps(monkeypatch, list(PARAGRAPHS))
    article = clean_article(html)
    assert article.body == PARAGRAPHS
    assert reasons(article, "Source: Reuters news agency, Monday")[0][0] != "body"


# --- the publication date -----------------------------------------------------------------------


def test_time_element_gives_the_publication_date() -> None:
    html = page(time='<time datetime="2020-03-17T10:05:00+02:00">17 March 2020</time>')
    doc = hints_only(html)
    plus_two = dt.timezone(dt.timedelta(hours=2))
    assert doc.published == dt.datetime(2020, 3, 17, 10, 5, tzinfo=plus_two)
    assert str(clean_article(html).published)[:10] == "2020-03-17"


def test_published_time_in_the_head_comes_before_a_time_element() -> None:
    head = '<meta property="article:published_time" content="2020-03-16T08:00:00Z">'
    html = page(head=head, time='<time datetime="2020-03-17">17 March 2020</time>')
    assert hints_only(html).published == dt.datetime(2020, 3, 16, 8, 0, tzinfo=dt.timezone.utc)


# --- comments -----------------------------------------------------------------------------------

WORDPRESS_COMMENTS = """<div id="comments" class="comments-area">
<h2 class="comments-title">2 thoughts on &ldquo;Storm hits the coast&rdquo;</h2>
<ol class="comment-list">
<li id="comment-11" class="comment even thread-even depth-1 parent">
<article id="div-comment-11" class="comment-body">
<footer class="comment-meta"><div class="comment-author vcard"><img class="avatar" src="a.png">
<b class="fn">Maria Lopez</b> <span class="says">says:</span></div>
<div class="comment-metadata"><a href="#comment-11">
<time datetime="2020-03-17T12:30:00+00:00">March 17, 2020 at 12:30 pm</time></a></div></footer>
<div class="comment-content"><p>We lost power for six hours last night.</p><p>Thanks for the update.</p></div>
<div class="reply"><a class="comment-reply-link" href="#comment-11">Reply</a></div>
</article>
<ol class="children">
<li id="comment-12" class="comment odd alt depth-2">
<article id="div-comment-12" class="comment-body">
<footer class="comment-meta"><div class="comment-author vcard"><b class="fn">Tom Baker</b>
<span class="says">says:</span></div>
<div class="comment-metadata"><a href="#comment-12">
<time datetime="2020-03-17T13:05:00+00:00">March 17, 2020 at 1:05 pm</time></a></div></footer>
<div class="comment-content"><p>Same here in the harbour district.</p></div>
<div class="reply"><a class="comment-reply-link" href="#comment-12">Reply</a></div>
</article></li></ol></li></ol>
<div id="respond" class="comment-respond"><h3 id="reply-title" class="comment-reply-title">Leave a Reply</h3>
<form id="commentform" class="comment-form">
<p class="comment-notes">Your email address will not be published.</p>
<p class="comment-form-comment"><label for="comment">Comment</label><textarea id="comment"></textarea></p>
<p class="form-submit"><input type="submit" value="Post Comment"></p></form></div>
</div>"""


def test_wordpress_comments_are_one_record_each_replies_included() -> None:
    article = clean_article(page(after=WORDPRESS_COMMENTS))
    utc = dt.timezone.utc
    assert [(c.author, c.text, c.date) for c in article.comments] == [
        ("Maria Lopez", "We lost power for six hours last night.\nThanks for the update.",
         dt.datetime(2020, 3, 17, 12, 30, tzinfo=utc)),
        ("Tom Baker", "Same here in the harbour district.", dt.datetime(2020, 3, 17, 13, 5, tzinfo=utc)),
    ]


def test_comment_lines_are_labelled_by_their_part() -> None:
    article = clean_article(page(after=WORDPRESS_COMMENTS))
    assert reasons(article, "Maria Lopez says:") == [("comment", "html-comment-author")]
    assert reasons(article, "March 17, 2020 at 12:30 pm") == [("comment", "html-comment-date")]
    assert reasons(article, "Thanks for the update.") == [("comment", "html-comment-text")]
    assert reasons(article, "Reply") == [("chrome", "html-comment-widget")] * 2
    assert "Same here in the harbour district." not in article.text


def test_comment_form_and_counter_are_chrome_not_comments() -> None:
    article = clean_article(page(after=WORDPRESS_COMMENTS))
    for text in ("Leave a Reply", "Your email address will not be published.", "Comment",
                 "2 thoughts on “Storm hits the coast”"):
        assert [label for label, _ in reasons(article, text)] == ["chrome"], text
    assert len(article.comments) == 2


def test_comments_in_a_definition_list_pair_the_header_with_the_text() -> None:
    comments = """<div id="comments"><dl id="comment_list">
<dt class="comment" id="comment-501"><span class="comment_author">Armanox</span>
<span class="comment_time"><a href="#comment-501">June 28, 2015 at 10:25 pm</a></span></dt>
<dd class="comment"><div class="format_text"><p>Really, no Shagrath in the list?</p></div></dd>
<dt class="comment" id="comment-502"><span class="comment_author">Leo</span>
<span class="comment_time"><a href="#comment-502">July 23, 2015 at 9:02 am</a></span></dt>
<dd class="comment"><div class="format_text"><p>Where is Mike Patton?</p></div></dd>
</dl></div>"""
    article = clean_article(page(after=comments))
    assert [(c.author, c.date, c.text) for c in article.comments] == [
        ("Armanox", dt.date(2015, 6, 28), "Really, no Shagrath in the list?"),
        ("Leo", dt.date(2015, 7, 23), "Where is Mike Patton?"),
    ]


def test_disqus_static_export() -> None:
    comments = """<div id="disqus_thread"><ul id="dsq-comments">
<li class="post" id="dsq-comment-101"><div class="dsq-comment-header">
<cite>Anna Kowalski</cite> <span class="dsq-comment-header-time">March 18, 2020</span></div>
<div class="dsq-comment-body"><div class="dsq-comment-message"><p>The bridge was closed too.</p></div>
</div></li>
<li class="post" id="dsq-comment-102"><div class="dsq-comment-header">
<cite>Jon Doe</cite> <span class="dsq-comment-header-time">March 19, 2020</span></div>
<div class="dsq-comment-body"><div class="dsq-comment-message"><p>Power is back in our street.</p></div>
</div></li>
</ul></div>"""
    article = clean_article(page(after=comments))
    assert [(c.author, c.date, c.text) for c in article.comments] == [
        ("Anna Kowalski", dt.date(2020, 3, 18), "The bridge was closed too."),
        ("Jon Doe", dt.date(2020, 3, 19), "Power is back in our street."),
    ]
    assert reasons(article, "Anna Kowalski March 18, 2020") == [("comment", "html-comment-author")]


def test_a_written_header_gives_author_and_date() -> None:
    comments = """<section id="comments"><div class="comment" id="comment-7">
<p>Catherine (GiveWell) on September 13, 2018 at 5:23 pm said:</p>
<p>We have not reviewed that study yet, but we plan to.</p></div></section>"""
    article = clean_article(page(after=comments))
    assert [(c.author, c.date, c.text) for c in article.comments] == [
        ("Catherine (GiveWell)", dt.date(2018, 9, 13),
         "We have not reviewed that study yet, but we plan to."),
    ]


def test_a_class_named_comment_outside_any_comments_area_is_not_a_comment() -> None:
    teasers = """<ul class="more-stories"><li class="list-item comment"><a href="/a">Comment: The storm
shows how fragile our grid is</a><span class="author">Jane Roe</span></li></ul>"""
    assert clean_article(page(after=teasers)).comments == ()


REVIEWS = """<div id="product-reviews" class="shop-reviews"><h2>Customer Reviews</h2>
<div class="rv-summary"><div class="rv-bar">98%</div><div class="rv-bar">2%</div></div>
<div class="rv-list">
<div class="rv"><span class="rv__author">Sebastian K.</span><b class="rv__title">Worth every penny</b>
<div class="rv__body"><p>The beans smell wonderful as soon as you open the bag, and the taste is rich.</p>
</div></div>
<div class="rv"><span class="rv__author">Dieter</span><b class="rv__title">Not for me</b>
<div class="rv__body"><p>I could hardly tell it apart from the supermarket coffee I usually drink.</p>
</div></div>
</div></div>"""


def test_reviews_whose_items_no_class_names_are_found_by_their_repetition() -> None:
    article = clean_article(page(after=REVIEWS))
    assert [(c.author, c.title, c.text) for c in article.comments] == [
        ("Sebastian K.", "Worth every penny",
         "The beans smell wonderful as soon as you open the bag, and the taste is rich."),
        ("Dieter", "Not for me", "I could hardly tell it apart from the supermarket coffee I usually drink."),
    ]
    assert reasons(article, "98%") == [("chrome", "html-outside-main")]  # the histogram is no comment


@pytest.mark.parametrize("area", [
    # a form repeated in blocks of one class
    """<div id="comments"><div class="field"><label>Name</label><input name="n"></div>
<div class="field"><label>Your comment, please keep it civil and on topic</label><textarea></textarea>
</div></div>""",
    # the same prompt twice (top and bottom of the thread)
    """<div id="comments"><div class="notice">Log in to comment on this story</div>
<div class="notice">Log in to comment on this story</div></div>""",
    # a "recent comments" list of links
    """<ul class="recent-comments"><li class="rc"><a href="/a#c1">Ann on Storm hits the coast</a></li>
<li class="rc"><a href="/b#c2">Bob on Floods in the valley last winter</a></li></ul>""",
    # blocks of one class outside any comments area
    """<div class="cards"><div class="card">Rain is expected all week in the north of the county</div>
<div class="card">Schools reopen on Thursday after the storm damage is cleared</div></div>""",
], ids=["form", "same-prompt", "recent-comments", "no-area"])
def test_repeated_blocks_that_are_not_comments(area: str) -> None:
    assert clean_article(page(after=area)).comments == ()


# --- hostile pages ------------------------------------------------------------------------------


def test_external_entity_is_never_resolved(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-42", encoding="utf-8")
    html = (f'<!DOCTYPE html [<!ENTITY xxe SYSTEM "{secret.as_uri()}">]>'
            + page(inside="<p>&xxe;</p>").split("\n", 1)[1])
    article = clean_article(html)
    assert not any("TOP-SECRET-42" in r.text for r in article.lines)
    assert article.headline == TITLE


def test_entity_bomb_is_not_expanded() -> None:
    decls = '<!ENTITY a0 "lol">' + "".join(f'<!ENTITY a{i} "{f"&a{i - 1};" * 10}">' for i in range(1, 10))
    html = f"<!DOCTYPE html [{decls}]><html><body><p>&a9;</p><p>after</p></body></html>"
    lines = [r.text for r in clean_article(html).lines]
    assert sum(len(t) for t in lines) < 1000
    assert "after" in lines


@pytest.mark.parametrize("depth", [200, 100_000])
def test_deep_nesting_keeps_its_text_without_recursion(depth: int) -> None:
    html = ("<html><body><p>Before the nest.</p>" + "<div>" * depth + "<p>Deep inside the nest.</p>"
            + "</div>" * depth + "<p>After the nest.</p></body></html>")
    texts = [r.text for r in clean_article(html).lines]
    assert texts == ["Before the nest.", "Deep inside the nest.", "After the nest."]


def test_a_page_past_the_parsers_limits_is_read_tag_by_tag() -> None:
    deep = "<div>" * 300 + "<p>x &amp; y</p>" + "</div>" * 300
    assert parse_html(deep) is None
    assert stream_lines(deep) == ["x & y"]
    assert "html" not in html_to_document(deep).meta  # left to the text stages


def test_a_page_cut_off_inside_unfinished_tags_is_read_to_its_last_tag() -> None:
    assert stream_lines("<p>kept</p>" + "<a " * 20_000) == ["kept"]
    assert stream_lines("<p>kept</p>tail text<!--" + "<!--" * 20_000) == ["kept", "tail text"]


def test_a_trafilatura_failure_leaves_the_page_to_the_text_stages(monkeypatch: pytest.MonkeyPatch) -> None:
    import newsclean.stages.html_hints as hints

    def fail(*args: object, **kwargs: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(hints, "extract_main", fail)
    assert hints_only(page()).meta["html_hints_error"] == "trafilatura: RuntimeError: boom"
    article = clean_article(page())
    assert PARAGRAPHS[0] in article.body
    assert not any(r.reason == "html-main" for r in article.lines)


# --- plain text and the alignment ----------------------------------------------------------------


def test_text_input_gets_no_html_labels() -> None:
    article = clean_article("Storm hits the coast\n" + "\n".join(PARAGRAPHS))
    assert not any(r.reason.startswith("html-") for r in article.lines)


@pytest.mark.parametrize(("keys", "extracted", "covered"), [
    # one of our lines spans several of the extraction's (it keeps a paragraph's source line breaks)
    (["home", "the storm reached the coast on monday evening"],
     ["the storm reached", "the coast on monday evening"], {1}),
    # a bullet we kept, the extraction's list marker dropped
    (["- rivers may flood the low-lying towns"], ["rivers may flood the low-lying towns"], {0}),
    # a short line only where the alignment stands: the menu's "sport" is not the table's
    (["sport", "results of the weekend matches in full", "sport", "3"],
     ["results of the weekend matches in full", "sport", "3"], {1, 2, 3}),
    ([], ["anything"], set()),
    (["anything"], [], set()),
])
def test_match_lines(keys: list[str], extracted: list[str], covered: set[int]) -> None:
    assert match_lines(keys, extracted) == covered


# --- the page's own metadata ---------------------------------------------------------------------


def test_title_description_and_date_come_from_json_ld_when_the_head_has_no_meta_tags() -> None:
    page = ('<html><head><title>Storm hits the coast - Daily Planet</title>'
            '<script type="application/ld+json">{"@context": "https://schema.org", "@graph": ['
            '{"@type": "WebSite", "name": "Daily Planet"},'
            '{"@type": ["NewsArticle"], "headline": "Storm hits the coast",'
            ' "description": "Thousands without power", "datePublished": "2024-03-17T08:00:00+01:00"}]}'
            '</script></head><body><p>Text of the page.</p></body></html>')
    head = html_to_document(page).meta["html"].head
    assert head.title == "Storm hits the coast"
    assert head.description == "Thousands without power"
    assert head.published is not None and head.published.isoformat().startswith("2024-03-17")


def test_broken_json_ld_is_ignored() -> None:
    page = ('<html><head><script type="application/ld+json">{"headline": </script>'
            '<title>Plain title</title></head><body><p>Text.</p></body></html>')
    assert html_to_document(page).meta["html"].head.title == "Plain title"
