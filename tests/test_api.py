"""``clean_article``'s contract with its caller: what it accepts, how it decodes, and how it fails."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from pathlib import Path

import pytest

from newsclean import (
    Article,
    Document,
    InputTooLarge,
    NewscleanError,
    Pipeline,
    StageError,
    clean_article,
)

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "byline-kataba" / "input.txt"
TEXT = FIXTURE.read_text(encoding="utf-8")
HEADLINE = "الصحة: تطعيم 2.5 مليون طفل ضد شلل الأطفال في اليوم الأول للحملة"


def test_text_gives_a_typed_article() -> None:
    article = clean_article(TEXT)
    assert isinstance(article, Article)
    assert article.headline == HEADLINE
    assert article.text == "\n".join(article.body)


def test_the_article_is_frozen() -> None:
    article = clean_article(TEXT)
    with pytest.raises(dataclasses.FrozenInstanceError):
        article.headline = "another"  # type: ignore[misc]


@pytest.mark.parametrize("encode", [
    pytest.param(lambda s: s.encode("utf-8"), id="utf-8"),
    pytest.param(lambda s: b"\xef\xbb\xbf" + s.encode("utf-8"), id="utf-8-with-bom"),
    pytest.param(lambda s: s.encode("cp1256"), id="windows-1256"),
    pytest.param(lambda s: s.encode("utf-16"), id="utf-16-with-bom"),
    pytest.param(lambda s: bytearray(s.encode("utf-8")), id="bytearray"),
])
def test_bytes_are_decoded(encode: Callable[[str], bytes]) -> None:
    expected = clean_article(TEXT)
    article = clean_article(encode(TEXT))
    assert article.headline == expected.headline
    assert (article.body, article.byline) == (expected.body, expected.byline)
    assert article.lines[0].text == expected.lines[0].text


@pytest.mark.parametrize(("value", "type_name"), [
    pytest.param(123, "int", id="int"),
    pytest.param(None, "NoneType", id="none"),
    pytest.param(["a line"], "list", id="list"),
    pytest.param(Path("page.txt"), type(Path("page.txt")).__name__, id="path"),
])
def test_a_value_that_is_not_text_is_a_type_error_naming_its_type(value: object, type_name: str) -> None:
    with pytest.raises(TypeError, match=type_name):
        clean_article(value)  # type: ignore[arg-type]


@pytest.mark.parametrize("text", [
    pytest.param("", id="empty"),
    pytest.param(" \n\n\t\n", id="white-space"),
    pytest.param("\u200f\n\u200b \n", id="invisible-marks"),
    pytest.param(b"", id="empty-bytes"),
])
def test_empty_or_blank_text_gives_an_empty_article(text: str | bytes) -> None:
    article = clean_article(text)
    assert (article.headline, article.subheadlines, article.byline, article.dateline, article.published) == (
        None, (), None, None, None)
    assert (article.body, article.promos, article.chrome, article.comments) == ((), (), (), ())
    assert all(r.label == "blank" for r in article.lines)


def test_the_language_can_be_given() -> None:
    assert clean_article(TEXT, lang="ar").lang == "ar"


def test_input_past_the_pipelines_limit_is_refused() -> None:
    pipe = Pipeline.default(max_input_chars=len(TEXT) - 1)
    with pytest.raises(InputTooLarge, match="max_input_chars"):
        clean_article(TEXT, pipeline=pipe)


def test_input_at_the_limit_is_cleaned() -> None:
    pipe = Pipeline.default(max_input_chars=len(TEXT))
    assert clean_article(TEXT, pipeline=pipe).headline == HEADLINE


def test_too_large_is_a_value_error_and_a_newsclean_error() -> None:
    assert issubclass(InputTooLarge, ValueError)
    assert issubclass(InputTooLarge, NewscleanError)


class Boom:
    def __call__(self, doc: Document) -> None:
        raise RuntimeError("the stage broke")


def test_a_stage_that_raises_fails_with_an_error_naming_the_stage() -> None:
    pipe = Pipeline.default().add(Boom(), name="boom", after="promos")
    with pytest.raises(StageError, match="'boom'") as caught:
        clean_article(TEXT, pipeline=pipe)
    assert caught.value.stage == "boom"
    assert isinstance(caught.value, NewscleanError)
    assert isinstance(caught.value.__cause__, RuntimeError)
    assert "the stage broke" in str(caught.value)


def test_on_error_skip_goes_on_and_records_the_skipped_stage() -> None:
    pipe = Pipeline.default(on_error="skip").add(Boom(), name="boom", after="promos")
    doc = pipe.run(Document.from_text(TEXT))
    assert doc.meta["skipped_stages"] == [{"stage": "boom", "error": "RuntimeError: the stage broke"}]


def test_on_error_skip_still_cleans_the_article() -> None:
    pipe = Pipeline.default(on_error="skip").add(Boom(), name="boom", after="promos")
    assert clean_article(TEXT, pipeline=pipe).body == clean_article(TEXT).body


def test_on_error_takes_only_raise_or_skip() -> None:
    with pytest.raises(ValueError, match="on_error"):
        Pipeline.default(on_error="ignore")  # type: ignore[arg-type]
