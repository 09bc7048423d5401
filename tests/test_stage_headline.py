"""The headline stage: the title line above the article region, the deck lines right under it, and
no headline when the text opens straight into its deck."""

from __future__ import annotations

from newsclean import Document
from newsclean.stages.headline import Headline

BODY = [
    "أعلنت وزارة الصحة والسكان تطعيم أكثر من مليونين ونصف المليون طفل ضد مرض شلل الأطفال خلال اليوم الأول.",
    "وأوضح المتحدث أن فرق التطعيم تعمل من خلال المنشآت الصحية الثابتة، إلى جانب فرق متحركة تمر على المنازل.",
    "ودعت الوزارة أولياء الأمور إلى التوجه بأطفالهم إلى أقرب وحدة صحية، حتى لو سبق تطعيمهم في حملات سابقة.",
]
TITLE = "تطعيم مليوني طفل ضد شلل الأطفال في اليوم الأول للحملة"
DECK = "الوزارة تدعو أولياء الأمور إلى التوجه لأقرب وحدة صحية"
NAV = ["الرئيسية", "أخبار"]


def article_doc(header: list[str], body: list[str] = BODY, footer: tuple[str, ...] = ()) -> Document:
    """Header and footer lines left open, body lines labelled by the region stage, its bounds in meta."""
    doc = Document.from_text("\n".join([*header, *body, *footer]))
    doc.stage = "region"
    start = len(header)
    for i in range(start, start + len(body)):
        doc.label(i, "body", "prose-good")
    doc.meta["region"] = (start, start + len(body) - 1)
    doc.stage = "headline"
    return doc


def run_headline(doc: Document) -> list[tuple[str | None, str | None]]:
    Headline()(doc)
    return [(line.label, line.reason) for line in doc.lines]


def test_the_title_above_the_article_is_the_headline() -> None:
    trail = run_headline(article_doc([*NAV, TITLE]))
    assert trail[:3] == [(None, None), (None, None), ("headline", "title-above-article")]


def test_a_summary_line_under_the_headline_is_a_deck() -> None:
    trail = run_headline(article_doc([*NAV, TITLE, DECK]))
    assert trail[2:4] == [("headline", "title-above-article"), ("subheadline", "deck")]


def test_a_date_line_under_the_headline_is_not_a_deck() -> None:
    trail = run_headline(article_doc([*NAV, TITLE, "الأحد، 10 مارس 2024 11:40 ص"]))
    assert trail[2:4] == [("headline", "title-above-article"), (None, None)]


def test_a_byline_under_the_headline_ends_the_deck() -> None:
    trail = run_headline(article_doc([*NAV, TITLE, "كتب محمد عبد الرحمن", DECK]))
    assert trail[2:5] == [("headline", "title-above-article"), (None, None), (None, None)]


def test_a_line_ending_with_a_full_stop_is_not_a_title() -> None:
    trail = run_headline(article_doc([*NAV, "الوزارة تدعو أولياء الأمور إلى التوجه لأقرب وحدة."]))
    assert ("headline", "title-above-article") not in trail


def test_a_title_the_page_repeats_beats_a_nearer_teaser() -> None:
    teaser = "أسعار الذهب تتراجع في ختام تعاملات الأسبوع الماضي وسط ترقب لقرارات البنك المركزي"
    header = [*NAV, TITLE, "الأكثر قراءة", teaser]
    doc = article_doc(header, BODY, footer=("الأكثر قراءة", TITLE))
    run_headline(doc)
    assert [line.text for line in doc.labelled("headline")] == [TITLE]


def _with_footer(doc: Document) -> Document:
    """Label the last line chrome, as the chrome stage does a page's footer."""
    doc.stage = "chrome"
    doc.label(len(doc.lines) - 1, "chrome", "copyright")
    doc.stage = "headline"
    return doc


def test_a_page_opening_with_its_deck_has_no_headline() -> None:
    deck = "وزير الخارجية يبدأ جولة إقليمية تشمل ثلاث عواصم. ما الملفات المطروحة على جدول الأعمال؟"
    trail = run_headline(_with_footer(article_doc([], [deck, *BODY], ("جميع الحقوق محفوظة ©",))))
    assert trail[0] == ("subheadline", "opening-summary")
    assert ("headline", "title-above-article") not in trail


def test_a_bare_body_keeps_its_first_paragraph() -> None:
    """Without a title or any page furniture a deck and a lead look alike: the first line stays
    in the body, so cleaning an article's own body again keeps that body."""
    deck = "وزير الخارجية يبدأ جولة إقليمية تشمل ثلاث عواصم. ما الملفات المطروحة على جدول الأعمال؟"
    trail = run_headline(article_doc([], [deck, *BODY]))
    assert trail[0] == ("body", "prose-good")


def test_a_one_paragraph_text_keeps_its_paragraph() -> None:
    trail = run_headline(article_doc([], BODY[:1]))
    assert trail == [("body", "prose-good")]


def test_a_lead_opening_with_a_dateline_is_not_a_deck() -> None:
    lead = "بيروت: أعلنت وزارة الطاقة والمياه، اليوم الاثنين، زيادة ساعات التغذية الكهربائية في معظم المناطق."
    trail = run_headline(article_doc([], [lead, *BODY]))
    assert trail[0] == ("body", "prose-good")


def test_without_an_article_region_nothing_is_labelled() -> None:
    doc = Document.from_text("\n".join([*NAV, TITLE, *BODY]))
    doc.stage = "headline"
    assert run_headline(doc) == [(None, None)] * len(doc.lines)
