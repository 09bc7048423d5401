"""The region stage's learned line model: the packaged file, what it measures, how it scores, and
the hand-set scores it replaced, still one setting away."""

from __future__ import annotations

import json
import math
from importlib import resources
from pathlib import Path

import pytest

from newsclean import Document, Pipeline, clean_article
from newsclean.features import stopwords
from newsclean.kind import learned_size
from newsclean.model import (
    FEATURE_NAMES,
    LINE_FEATURES,
    NEIGHBOUR_FLAGS,
    LineModel,
    describe_page,
    feature_vector,
    load_model,
    measure,
    probability,
)
from newsclean.stages.region import Region
from newsclean.trees import load_forest

PROSE = [
    "The storm reached the coast on Monday, officials said, and more rain is expected later this week.",
    "Emergency crews worked through the night to clear roads and restore power to thousands of homes.",
    "Schools in the worst-hit districts will stay closed until Wednesday, the education ministry said.",
    "Forecasters said the river would peak on Thursday and urged people in low areas to leave.",
]
PAGE = ["Home", "World", "Sport", "Storm floods the coast", *PROSE, "Related", "Contact us"]


def packaged_json() -> dict[str, object]:
    text = resources.files("newsclean").joinpath("data/region_model.json").read_text(encoding="utf-8")
    data: dict[str, object] = json.loads(text)
    return data


def page_odds(lines: list[str], model: LineModel | None = None) -> list[float]:
    doc = Document.from_text("\n".join(lines))
    rows, labels = describe_page(doc.open_lines(), stopwords("en"))
    return (model or load_model()).log_odds(rows, labels)


def test_the_packaged_model_loads() -> None:
    model = load_model()
    assert len(model.weights) == len(FEATURE_NAMES)
    assert 0.0 < model.threshold < 1.0


def test_the_model_file_names_the_documented_features_in_order() -> None:
    data = packaged_json()
    assert isinstance(data["weights"], dict)
    assert tuple(data["weights"]) == FEATURE_NAMES
    assert FEATURE_NAMES == (LINE_FEATURES + tuple(f"prev_{n}" for n in LINE_FEATURES + NEIGHBOUR_FLAGS)
                             + tuple(f"next_{n}" for n in LINE_FEATURES + NEIGHBOUR_FLAGS))


def test_the_model_file_says_what_it_was_trained_on_and_how_it_scored() -> None:
    data = packaged_json()
    assert "0-7" in str(data["training_split"])
    assert isinstance(data["scores"], dict)
    assert {"training", "held-out", "all"} <= set(data["scores"]["model"])


def test_a_prose_paragraph_scores_above_a_menu_item() -> None:
    odds = page_odds(PAGE)
    assert probability(odds[5]) > load_model().threshold > probability(odds[1])
    assert min(odds[4:8]) > max(odds[:3] + odds[8:])


def test_log_odds_equal_the_dot_product_with_the_feature_vector() -> None:
    doc = Document.from_text("\n".join(PAGE))
    lines = doc.open_lines()
    doc.stage = "chrome"
    doc.label(lines[-1].index, "chrome", "footer")  # a neighbour flag in play
    rows, labels = describe_page(lines, stopwords("en"))
    model = load_model()
    fast = model.log_odds(rows, labels)
    for i, z in enumerate(fast):
        vector = feature_vector(rows, labels, i)
        slow = model.bias + sum(w * x for w, x in zip(model.weights, vector, strict=True))
        assert math.isclose(z, slow, abs_tol=1e-9)


def test_page_log_odds_equal_the_dot_product_with_the_feature_vector() -> None:
    """The region stage's streaming form against the plain definition, repeated lines (measured
    once, marked repeated) and a neighbour flag in play."""
    doc = Document.from_text("\n".join(["Home", *PAGE, "Home", PAGE[5]]))
    lines = doc.open_lines()
    doc.stage = "chrome"
    doc.label(lines[-3].index, "chrome", "footer")
    weighed = [x for x in doc.lines if x.label in (None, "chrome")]
    model = load_model()
    got = model.page_log_odds(weighed, stopwords("en"))
    rows = [measure(x.text, x.words, stopwords("en"), repeated=x.text in ("Home", PAGE[5])) for x in weighed]
    labels = [x.label for x in weighed]
    assert len(got) == len(weighed)
    for i, z in enumerate(got):
        vector = feature_vector(rows, labels, i)
        slow = model.bias + sum(w * v for w, v in zip(model.weights, vector, strict=True))
        assert math.isclose(z, slow, abs_tol=1e-9), i
    assert model.page_log_odds([], stopwords("en")) == []


def test_a_model_with_other_features_is_refused_naming_them() -> None:
    data = packaged_json()
    assert isinstance(data["weights"], dict)
    data["weights"] = {**data["weights"], "font_size": 1.0}
    with pytest.raises(ValueError, match="font_size"):
        LineModel.from_json(data)


def test_a_model_can_be_loaded_from_a_path(tmp_path: Path) -> None:
    path = tmp_path / "model.json"
    path.write_text(json.dumps(load_model().to_json()), encoding="utf-8")
    assert Region(model=path).model == load_model()


@pytest.mark.parametrize(("text", "feature", "value"), [
    pytest.param("Home", "short", 1.0, id="a-menu-item-is-short"),
    pytest.param("Latin America", "title_case", 1.0, id="title-case"),
    pytest.param("12:30", "starts_digit", 1.0, id="a-time-opens-with-a-figure"),
    pytest.param("Read the rest of this story about the flood and what it means …", "ellipsis", 1.0,
                 id="a-teaser-cut-short"),
    pytest.param("وأضاف أن عدد المشاركين بلغ ١٢٥٠ شخصاً حتى مساء الأحد في زيادة كبيرة.\u200f", "terminal", 1.0,
                 id="a-direction-mark-after-the-full-stop"),
])
def test_measures(text: str, feature: str, value: float) -> None:
    row = measure(text, text.count(" ") + 1, frozenset())
    assert row[LINE_FEATURES.index(feature)] == value


def test_a_ten_megabyte_line_is_measured_from_its_start() -> None:
    line = "word " * 2_000_000
    assert measure(line, 2_000_000, stopwords("en")) == measure(line[:1000], 2_000_000, stopwords("en"))


def test_the_default_region_stage_uses_the_packaged_forest() -> None:
    assert Region().model is load_forest("text_lines")
    assert Region(model="packaged").model == load_model()


def test_the_learned_region_stage_uses_the_forest_and_the_linear_model_on_short_texts() -> None:
    assert Region(model="learned").model is load_forest("text_lines")
    page = Document.from_text("\n".join(PAGE), lang="en")
    assert not learned_size(page)  # a few lines: the forest never saw pages this short
    Region(model="learned")(page)
    linear = Document.from_text("\n".join(PAGE), lang="en")
    Region(model=load_model())(linear)

    def trail(doc: Document) -> list[tuple[str | None, str | None]]:
        return [(line.label, line.reason) for line in doc.lines]

    assert trail(page) == trail(linear)
    assert page.meta["region"] == linear.meta["region"]


def test_the_hand_set_scores_are_one_setting_away() -> None:
    doc = Document.from_text("\n".join(PAGE), lang="en")
    region = Region(model=None)
    assert region.model is None
    region(doc)
    assert doc.meta["region"] == (4, 7)
    assert [line.reason for line in doc.lines[4:8]] == ["prose-good"] * 4


def test_both_scorings_can_run_in_one_pipeline_run() -> None:
    hand = Pipeline.default().replace("region", "region", model=None)
    text = "\n".join(PAGE)
    assert clean_article(text, pipeline=hand).body == clean_article(text).body == tuple(PROSE)


def test_a_given_threshold_overrides_the_models() -> None:
    doc = Document.from_text("\n".join(PAGE), lang="en")
    Region(threshold=0.999)(doc)
    assert "region" not in doc.meta or all(line.label != "body" for line in doc.lines)
