"""Symmetric trees evaluated with arrays (newsclean.trees), and the packaged models' inputs."""

from __future__ import annotations

import numpy as np
import pytest

from newsclean.html.lines import HTML_LINE_FEATURES
from newsclean.kind import HTML_MEASURES, PAGE_MEASURES, TYPES
from newsclean.text_lines import TEXT_LINE_FEATURES
from newsclean.titles import TITLE_FEATURES
from newsclean.trees import Forest, load_forest, softmax

TYPE_COLUMNS = tuple(f"type:{t}" for t in TYPES)


def test_a_shallower_tree_is_padded_with_levels_that_answer_no() -> None:
    forest = Forest.from_json({
        "features": [[0, 1], [1]], "borders": [[0.5, 0.5], [0.5]],
        "leaves": [[0.0, 1.0, 10.0, 11.0], [0.0, 100.0]], "bias": [0.5], "scale": 2.0,
    })
    x = np.array([[0.0, 0.0], [1.0, 0.0], [0.0, 1.0], [1.0, 1.0]])
    # tree 1: leaf = bit0 (x0 > .5) + 2 * bit1 (x1 > .5); tree 2: leaf = bit0 (x1 > .5)
    assert forest.raw(x)[:, 0].tolist() == [0.5, 2.5, 220.5, 222.5]


def test_a_forest_of_several_outputs_gives_one_column_each() -> None:
    forest = Forest.from_json({"features": [[0]], "borders": [[0.0]],
                               "leaves": [[1.0, 0.0, 0.0, 1.0]], "bias": [0.0, 0.0]})
    scores = forest.raw(np.array([[-1.0], [1.0]]))
    assert scores.tolist() == [[1.0, 0.0], [0.0, 1.0]]
    assert softmax(scores).argmax(axis=1).tolist() == [0, 1]


@pytest.mark.parametrize("data", [
    {"features": [[0]], "borders": [[0.0, 1.0]], "leaves": [[0.0, 0.0]], "bias": [0.0]},
    {"features": [[0]], "borders": [[0.0]], "leaves": [[0.0, 0.0]], "bias": [0.0, 0.0]},
    {"features": [[3]], "borders": [[0.0]], "leaves": [[0.0, 0.0]], "bias": [0.0], "feature_names": ["a"]},
])
def test_a_malformed_forest_is_refused(data: dict[str, object]) -> None:
    with pytest.raises((ValueError, IndexError)):
        Forest.from_json(data)


def test_the_wrong_number_of_features_is_refused() -> None:
    forest = Forest.from_json({"features": [[0]], "borders": [[0.0]], "leaves": [[0.0, 1.0]], "bias": [0.0],
                               "feature_names": ["a", "b"]})
    with pytest.raises(ValueError, match="reads 2 features, got 3"):
        forest.raw(np.zeros((1, 3)))


@pytest.mark.parametrize(("name", "columns"), [
    ("text_lines", TEXT_LINE_FEATURES + TYPE_COLUMNS),
    ("html_lines", HTML_LINE_FEATURES + TYPE_COLUMNS),
    ("headline", TITLE_FEATURES + TYPE_COLUMNS),
    ("kind_text", PAGE_MEASURES),
    ("kind_html", PAGE_MEASURES + HTML_MEASURES),
])
def test_each_packaged_model_reads_the_features_the_code_computes(name: str,
                                                                  columns: tuple[str, ...]) -> None:
    forest = load_forest(name)
    assert forest.feature_names == columns
    assert forest.outputs == (len(TYPES) if name.startswith("kind") else 1)
