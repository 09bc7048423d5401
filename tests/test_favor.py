"""``clean_article(favor=...)``: the caller's choice between precision and recall, set on the
document and read by the stages that weigh a threshold (the region model's, trafilatura's focus
in ``html-hints``), so one pipeline serves every setting."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from newsclean import FAVORS, Document, Pipeline, clean_article
from newsclean.cli import main
from newsclean.stages import html_hints

HEAD = ["Home", "World", "Sport", "Storm floods the coast"]
# The model gives the short lead under the title a probability between the balanced threshold
# and the one favouring precision, and the short closing line one between the threshold
# favouring recall and the balanced one.
LEAD = "The storm reached the coast on Monday."
STORY = [
    "Emergency crews worked through the night to clear roads and restore power to thousands of homes.",
    "Schools in the worst-hit districts will stay closed until Wednesday, the education ministry said.",
    "Forecasters said the river would peak on Thursday and urged people in low areas to leave.",
]
CLOSING = "The airport stayed open."
PAGE = "\n".join([*HEAD, LEAD, *STORY, CLOSING, "Related", "Contact us"])


def test_precision_keeps_less_and_recall_more_of_the_articles_edges() -> None:
    body = {favor: clean_article(PAGE, favor=favor).body for favor in FAVORS}
    assert body["precision"] == tuple(STORY)
    assert body["balanced"] == (LEAD, *STORY)
    assert body["recall"] == (LEAD, *STORY, CLOSING)


def test_balanced_is_the_default() -> None:
    assert clean_article(PAGE) == clean_article(PAGE, favor="balanced")


def test_one_pipeline_serves_every_setting() -> None:
    pipe = Pipeline.default()
    for favor in FAVORS:
        assert clean_article(PAGE, pipeline=pipe, favor=favor) == clean_article(PAGE, favor=favor)


def test_a_stage_reads_the_setting_from_the_document() -> None:
    seen: list[str] = []

    def note(doc: Document) -> None:
        seen.append(doc.favor)

    pipe = Pipeline([("note", note)])
    for favor in FAVORS:
        clean_article("Storm hits coast", pipeline=pipe, favor=favor)
    assert seen == list(FAVORS)
    assert Document.from_text("text").favor == "balanced"


def test_a_threshold_set_on_the_region_stage_is_taken_as_is() -> None:
    pipe = Pipeline.default().replace("region", "region", threshold=0.4)
    assert clean_article(PAGE, pipeline=pipe, favor="precision").body == (LEAD, *STORY)
    assert clean_article(PAGE, pipeline=pipe, favor="recall").body == (LEAD, *STORY)


@pytest.mark.parametrize("favor", ["Precision", "f1", "", None])
def test_another_favor_is_a_value_error_listing_the_choices(favor: Any) -> None:
    with pytest.raises(ValueError, match="'balanced', 'precision', 'recall'"):
        clean_article(PAGE, favor=favor)


HTML = ("<html><body><article><h1>Storm floods the coast</h1>"
        + "".join(f"<p>{p}</p>" for p in STORY) + "</article></body></html>")


@pytest.fixture
def focus_seen(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The ``focus`` each call of trafilatura by ``html-hints`` was given."""
    seen: list[str] = []
    extract = html_hints.extract_main

    def recording(page: Any, *, focus: str = "balanced") -> Any:
        seen.append(focus)
        return extract(page, focus=focus)

    monkeypatch.setattr(html_hints, "extract_main", recording)
    return seen


def test_html_hints_asks_trafilatura_with_the_documents_favor(focus_seen: list[str]) -> None:
    for favor in FAVORS:
        assert clean_article(HTML, favor=favor).body == tuple(STORY)
    assert focus_seen == list(FAVORS)


def test_a_focus_set_on_html_hints_is_taken_as_is(focus_seen: list[str]) -> None:
    pipe = Pipeline.default().replace("html-hints", "html-hints", focus="precision")
    clean_article(HTML, pipeline=pipe, favor="recall")
    assert focus_seen == ["precision"]


def test_html_hints_refuses_another_focus() -> None:
    with pytest.raises(ValueError, match="focus"):
        Pipeline().add("html-hints", focus="f1")


@pytest.mark.parametrize(("favor", "first_body_line"), [
    pytest.param("precision", 5, id="precision"),
    pytest.param("recall", 4, id="recall"),
])
def test_the_cli_takes_favor(tmp_path: Path, capsys: pytest.CaptureFixture[str], favor: str,
                             first_body_line: int) -> None:
    page = tmp_path / "page.txt"
    page.write_text(PAGE, encoding="utf-8")
    assert main(["explain", "--favor", favor, str(page)]) == 0
    rows = [row.split() for row in capsys.readouterr().out.splitlines()[1:]]
    assert min(int(row[0]) for row in rows if row[1] == "body") == first_body_line


def test_the_cli_refuses_another_favor(tmp_path: Path) -> None:
    page = tmp_path / "page.txt"
    page.write_text(PAGE, encoding="utf-8")
    with pytest.raises(SystemExit) as done:
        main(["clean", "--favor", "f1", str(page)])
    assert done.value.code == 2
