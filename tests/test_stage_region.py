"""The region stage finds the run of prose that is the article and labels its lines; the remainder
stage settles every line nobody claimed: chrome outside the region, body inside it (or everywhere
when there is no region)."""

from __future__ import annotations

import pytest

from newsclean import Document
from newsclean.stages.region import Region
from newsclean.stages.remainder import Remainder

EN = [
    "The storm reached the coast on Monday, officials said, and more rain is expected later this week.",
    "Emergency crews worked through the night to clear roads and restore power to thousands of homes.",
    "Schools in the worst-hit districts will stay closed until Wednesday, the education ministry said.",
]
AR = [
    "أعلنت وزارة الصحة والسكان تطعيم أكثر من مليونين ونصف المليون طفل ضد مرض شلل الأطفال خلال اليوم الأول.",
    "وأوضح المتحدث أن فرق التطعيم تعمل من خلال المنشآت الصحية الثابتة، إلى جانب فرق متحركة تمر على المنازل.",
    "ودعت الوزارة أولياء الأمور إلى التوجه بأطفالهم إلى أقرب وحدة صحية، حتى لو سبق تطعيمهم في حملات سابقة.",
]


def run(doc: Document, *stages: Region | Remainder) -> list[tuple[str | None, str | None]]:
    for stage in stages:
        doc.stage = "region" if isinstance(stage, Region) else "remainder"
        stage(doc)
    return [(line.label, line.reason) for line in doc.lines]


def doc_of(*lines: str, lang: str | None = None) -> Document:
    return Document.from_text("\n".join(lines), lang=lang)


def test_paragraphs_of_prose_are_the_article() -> None:
    doc = doc_of("Home", "World", "Sport", *EN, "Related", "Contact us")
    trail = run(doc, Region())
    assert doc.meta["region"] == (3, 5)
    assert trail == [(None, None)] * 3 + [("body", "prose-good")] * 3 + [(None, None)] * 2


def test_a_short_line_between_paragraphs_is_a_crosshead() -> None:
    doc = doc_of(EN[0], "What happens next", EN[1], EN[2])
    assert run(doc, Region())[1] == ("body", "crosshead")


def test_a_short_sentence_inside_the_article_is_prose() -> None:
    doc = doc_of(EN[0], "The ministry has not yet set a date for reopening.", EN[1])
    assert run(doc, Region())[1] == ("body", "prose-near")


def test_a_short_run_between_paragraphs_is_a_list_in_the_article() -> None:
    doc = doc_of(*EN, "Higher fuel prices", "Fewer flights", *EN[::-1])
    assert run(doc, Region())[3:5] == [("body", "list-item")] * 2


def test_a_long_run_of_short_lines_inside_the_region_is_chrome() -> None:
    menu = ["Photo gallery", "Next page", "More news", "Contact us"]
    doc = doc_of(*EN, *menu, *EN[::-1], EN[0] + " ", EN[1] + " ")
    assert run(doc, Region())[3:7] == [("chrome", "short-in-region")] * 4


def test_a_promo_inside_the_article_does_not_split_it() -> None:
    doc = doc_of(EN[0], "Subscribe to our newsletter", EN[1], EN[2])
    doc.stage = "promos"
    doc.label(1, "promo", "subscribe")
    trail = run(doc, Region())
    assert doc.meta["region"] == (0, 3)
    assert trail[1] == ("promo", "subscribe")
    assert trail[0] == trail[2] == trail[3] == ("body", "prose-good")


def test_arabic_prose_is_found_with_the_arabic_stoplist() -> None:
    doc = doc_of("الرئيسية", "أخبار", *AR)
    trail = run(doc, Region())
    assert doc.lang == "ar"
    assert trail == [(None, None)] * 2 + [("body", "prose-good")] * 3


@pytest.mark.parametrize(("lines", "lang"), [
    pytest.param(AR, "ar", id="arabic"),
    pytest.param(EN, "en", id="english"),
])
def test_the_language_is_detected_when_not_given(lines: list[str], lang: str) -> None:
    doc = doc_of(*lines)
    run(doc, Region())
    assert doc.lang == lang


def test_a_given_language_is_kept() -> None:
    doc = doc_of(*EN, lang="de")
    run(doc, Region())
    assert doc.lang == "de"


def test_a_region_an_earlier_stage_placed_is_kept() -> None:
    doc = doc_of("Home", *EN)
    doc.meta["region"] = (0, 0)
    assert run(doc, Region()) == [(None, None)] * 4
    assert doc.meta["region"] == (0, 0)


def test_lines_without_prose_give_no_region() -> None:
    doc = doc_of("Home", "World", "Sport")
    assert run(doc, Region()) == [(None, None)] * 3
    assert "region" not in doc.meta


def test_the_remainder_puts_lines_around_the_article_in_chrome() -> None:
    doc = doc_of("Home", *EN, "Contact us")
    assert run(doc, Region(), Remainder()) == [
        ("chrome", "before-article"), *[("body", "prose-good")] * 3, ("chrome", "after-article")]


def test_the_remainder_keeps_open_lines_inside_the_region_as_body() -> None:
    doc = doc_of("Home", "Photo: the flooded road", *EN)
    doc.meta["region"] = (1, 4)
    assert run(doc, Remainder()) == [("chrome", "before-article")] + [("body", "inside-article")] * 4


def test_without_a_region_the_remainder_keeps_every_line_as_body() -> None:
    doc = doc_of("Home", *EN)
    assert run(doc, Remainder()) == [("body", "no-region")] * 4


def test_the_remainder_leaves_labelled_lines_alone() -> None:
    doc = doc_of("Follow us on Twitter", *EN)
    doc.stage = "promos"
    doc.label(0, "promo", "follow")
    assert run(doc, Remainder())[0] == ("promo", "follow")
