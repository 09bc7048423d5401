"""Big inputs finish; the size limit, stage failures and non-text input raise the documented errors.

No timing assertions here: performance is measured by benchmarks/hostile.py.
"""

from __future__ import annotations

import json

import pytest

from newsclean import (
    LABELS,
    Document,
    InputTooLarge,
    Pipeline,
    StageError,
    clean_article,
)


class Boom:
    """A stage that always fails."""

    def __call__(self, doc: Document) -> None:
        raise ZeroDivisionError("boom inside")


class HalfWay:
    """A stage that labels the first line, then fails."""

    def __call__(self, doc: Document) -> None:
        doc.label(0, "chrome", "half-way", "labelled before failing")
        raise KeyError("missing")


PAGE = ("Storm hits coast\n"
        "The storm reached the coast on Monday, officials said, and more rain is due this week.\n"
        "Officials said the roads would stay closed until the water went down, and schools would shut.")


def test_ten_megabyte_single_line_finishes() -> None:
    text = ("word " * 2_000_001)[:10_000_000]
    article = clean_article(text)
    assert len(article.lines) == 1
    assert article.lines[0].text == text
    assert article.lines[0].label in LABELS


def test_million_short_lines_finish() -> None:
    lines = [f"Line {i} of the page." if i % 7 else "" for i in range(1_000_000)]
    article = clean_article("\n".join(lines))
    assert len(article.lines) == 1_000_000
    assert article.lines[-1].text == lines[-1]
    assert sum(1 for r in article.lines if r.label == "blank") == sum(1 for line in lines if not line)


def test_five_megabyte_token_finishes() -> None:
    token = "ابت0-_." * (5_000_000 // 7)
    article = clean_article(f"A title\n{token}\nThe end of the story, officials said.")
    assert [r.text for r in article.lines][1] == token


@pytest.mark.parametrize("limit", [0, 1, 100, 10_000])
def test_input_over_the_limit_raises_input_too_large(limit: int) -> None:
    pipe = Pipeline(max_input_chars=limit)
    with pytest.raises(InputTooLarge, match="limit"):
        clean_article("x" * (limit + 1), pipeline=pipe)
    assert len(clean_article("x" * limit, pipeline=pipe).lines) == 1


def test_input_too_large_is_documented_and_counts_characters_not_bytes() -> None:
    pipe = Pipeline.default(max_input_chars=10)
    clean_article("سلام عليكم".encode(), pipeline=pipe)  # 10 characters, 19 bytes
    with pytest.raises(InputTooLarge):
        clean_article("سلام عليكم!".encode(), pipeline=pipe)
    with pytest.raises(InputTooLarge):
        clean_article("<html><body><p>" + "x" * 20 + "</p></body></html>", pipeline=pipe)


def test_failing_built_in_stage_is_named() -> None:
    pipe = Pipeline.default().replace("headline", Boom())
    with pytest.raises(StageError) as info:
        clean_article(PAGE, pipeline=pipe)
    assert info.value.stage == "headline"
    assert "headline" in str(info.value)


def test_on_error_skip_keeps_every_line() -> None:
    pipe = Pipeline.default(on_error="skip").add(HalfWay(), name="half-way", first=True)
    article = clean_article(PAGE, pipeline=pipe)
    assert [r.text for r in article.lines] == PAGE.split("\n")
    assert all(r.label in LABELS and r.stage and r.reason for r in article.lines)
    json.dumps(article.to_dict())


def test_on_error_skip_is_recorded_in_the_article() -> None:
    """Issue 5: on_error="skip" "skips it and records that in the trail" - the trail a user of
    clean_article gets is the Article (to_dict), so the skipped stage must show there."""
    pipe = Pipeline.default(on_error="skip").add(Boom(), name="boom", first=True)
    article = clean_article(PAGE, pipeline=pipe)
    skipped = "boom: ZeroDivisionError: boom inside"
    assert article.skipped_stages == (skipped,)
    assert json.loads(json.dumps(article.to_dict()))["skipped_stages"] == [skipped]
