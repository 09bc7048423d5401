"""The learned models: the text path's by default, the HTML line model with ``Pipeline.learned()``
(``clean_article(..., learned=True)``). They decide on pages of the size they learned from and
leave short texts to the hand-set path."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsclean import Pipeline, clean_article
from newsclean.cli import main
from newsclean.trees import Forest

MENU = ["Home", "World", "Business", "Sport", "Culture", "Opinion", "Video", "Podcasts", "Newsletters",
        "Sign in", "Search"]
TITLE = "Flood waters rise along the river as towns prepare for the weekend"
PARAGRAPHS = [
    "Flood waters rose along the river on Thursday, and officials in three towns said they were "
    "preparing shelters for families who may have to leave their homes before the weekend.",
    "The regional weather service said rain would continue until Saturday, with up to eighty "
    "millimetres expected in the hills where the river and its tributaries begin.",
    "Emergency crews spent the night filling sandbags and checking the levees that protect the "
    "lower districts, where the water reached the top of the banks in 2019.",
    "Residents were asked to move cars to higher ground and to keep their phones charged, since the "
    "power company warned that some substations could be switched off as a precaution.",
    "Schools in the affected districts will close on Friday, the education office said, and the "
    "exams planned for next week have been moved to the end of the month.",
    "Farmers along the valley said the water had already covered some of their fields, and that "
    "the harvest of late vegetables would be lost if the river stayed high for more than a few days.",
]
RELATED = ["Share this article", "Comments are closed", "Most read", "Markets fall as oil prices climb",
           "Ten recipes for a rainy day",
           "The best hiking trails in the north", "Why the city is running out of parking",
           "Election polls tighten in the final week", "A guide to the new tax rules"]
FOOTER = ["About us", "Contact", "Careers", "Advertise", "Privacy policy", "Terms of use", "Cookie settings",
          "Accessibility", "Site map", "Help", "© 2024 The Valley Herald"]


def page() -> str:
    lines = [*MENU, TITLE, "By Ana Ruiz", "12 March 2024", *PARAGRAPHS, *RELATED, *FOOTER]
    assert len(lines) >= 40  # within the size the models learned from
    return "\n".join(lines)


def test_the_learned_pipeline_puts_the_models_in_the_stages() -> None:
    steps = {step.name: step.run for step in Pipeline.learned()._steps}
    assert isinstance(steps["region"].model, Forest)  # type: ignore[attr-defined]
    assert isinstance(steps["html-hints"].model, Forest)  # type: ignore[attr-defined]
    assert isinstance(steps["headline"].model, Forest)  # type: ignore[attr-defined]
    default = {step.name: step.run for step in Pipeline.default()._steps}
    assert isinstance(default["region"].model, Forest)  # type: ignore[attr-defined]
    assert isinstance(default["headline"].model, Forest)  # type: ignore[attr-defined]
    assert default["html-hints"].model is None  # type: ignore[attr-defined]


def test_the_models_find_the_article_and_its_title_on_a_page() -> None:
    article = clean_article(page(), learned=True)
    assert article.body == tuple(PARAGRAPHS)
    assert article.headline == TITLE
    assert article.kind == "article"
    reasons = {r.reason for r in article.lines if r.label == "body"}
    assert reasons <= {"prose-good", "prose-near", "prose-beside"}


def test_a_short_text_is_left_to_the_hand_set_path() -> None:
    text = "\n".join([TITLE, *PARAGRAPHS[:3]])
    hand_set = Pipeline.default().replace("region", "region", model="packaged").replace(
        "headline", "headline", model=None)
    expected = clean_article(text, pipeline=hand_set).to_dict()
    for learned in (False, True):
        assert clean_article(text, learned=learned).to_dict() == expected


def test_the_text_path_uses_the_models_by_default() -> None:
    article = clean_article(page())
    assert article.body == tuple(PARAGRAPHS)
    assert article.headline == TITLE
    assert next(r for r in article.lines if r.label == "headline").reason == "title-model"


def test_the_cli_cleans_with_the_models(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "page.txt"
    path.write_text(page(), encoding="utf-8")
    assert main(["clean", "--learned", "--no-lines", str(path)]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["body"] == PARAGRAPHS
    assert out["kind"] == "article"


def test_pages_outside_the_learned_size_are_not_given_to_the_models() -> None:
    from newsclean.document import Document
    from newsclean.kind import LEARNED_CHARS, LEARNED_LINES, learned_size

    assert learned_size(Document.from_text(page()))
    assert not learned_size(Document.from_text("\n".join(PARAGRAPHS)))  # too few lines
    assert not learned_size(Document.from_text("\n".join(["Line of a dump."] * (LEARNED_LINES[1] + 1))))
    huge = page() + "\n" + "word " * (LEARNED_CHARS // 5 + 1)  # one line of megabytes
    assert not learned_size(Document.from_text(huge))
