"""The article's language: as the caller gives it, else as an HTML page states it, else detected
from the text, for text and HTML input alike."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from newsclean import Document, clean_article
from newsclean.language import page_language

ROOT = Path(__file__).resolve().parents[1]
CORPUS_AR = ROOT.parent / "shared" / "corpus" / "ar"

AR_STORY = ("قال وزير الخارجية إن المحادثات ستستأنف الأسبوع المقبل في العاصمة بعد توقف دام شهرين، "
            "وأضاف أن الوفدين سيبحثان ملف المياه والحدود.")
EN_STORY = ("The storm reached the coast on Monday, officials said, and more rain is expected this week "
            "across the region.")
FR_STORY = ("La tempête a atteint la côte lundi, selon les autorités, et de nouvelles pluies sont attendues "
            "cette semaine dans toute la région.")


def page(body: str, html_attrs: str = "") -> str:
    return (f"<html{html_attrs}><head><title>t</title></head><body><nav><a href=/>Home</a></nav>"
            f"<article><h1>Title</h1><p>{body}</p><p>{body}</p></article></body></html>")


@pytest.mark.parametrize(("text", "lang"), [
    pytest.param("عنوان الخبر\n" + AR_STORY, "ar", id="arabic-text"),
    pytest.param("Storm hits coast\n" + EN_STORY, "en", id="english-text"),
    pytest.param("Tempête sur la côte\n" + FR_STORY, "fr", id="french-text"),
    pytest.param(page(AR_STORY), "ar", id="arabic-html-without-lang"),
    pytest.param(page(EN_STORY), "en", id="english-html-without-lang"),
    pytest.param(page(FR_STORY), "fr", id="french-html-without-lang"),
])
def test_the_language_is_detected_when_not_given(text: str, lang: str) -> None:
    assert clean_article(text).lang == lang


def test_an_html_page_stating_its_language_is_taken_at_its_word() -> None:
    assert clean_article(page(EN_STORY, ' lang="de-AT"')).lang == "de"


@pytest.mark.parametrize("text", [
    pytest.param("Storm hits coast\n" + EN_STORY, id="text"),
    pytest.param(page(EN_STORY, ' lang="en"'), id="html-stating-another"),
])
def test_the_callers_language_wins(text: str) -> None:
    assert clean_article(text, lang="ar").lang == "ar"


@pytest.mark.parametrize("text", ["", "Home\nNews\n2020", "<html><body><p>Hi</p></body></html>"])
def test_too_little_text_has_no_language(text: str) -> None:
    assert clean_article(text).lang is None


def test_page_language_keeps_what_it_detects_on_the_document() -> None:
    doc = Document.from_text("Home\n" + EN_STORY)
    assert (page_language(doc), doc.lang) == ("en", "en")
    doc.lang = "xx"
    assert page_language(doc) == "xx"  # a language set is never detected over


def corpus_inputs() -> list[object]:
    """Each page of the Arabic corpus set, as text and (where it has one) as HTML, with its language."""
    if not CORPUS_AR.is_dir():
        absent = pytest.mark.skip(reason=f"the shared corpus is absent ({CORPUS_AR})")
        return [pytest.param(None, None, marks=absent)]
    params = []
    for gold_path in sorted(CORPUS_AR.glob("*/expected.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        case, lang = gold_path.parent, gold["lang"]
        params.append(pytest.param(case / gold.get("input", "input.txt"), lang, id=f"{case.name}-text"))
        if gold.get("html"):
            params.append(pytest.param(case / gold["html"], lang, id=f"{case.name}-html"))
    return params


@pytest.mark.parametrize(("path", "lang"), corpus_inputs())
def test_every_arabic_corpus_page_gets_its_language(path: Path, lang: str) -> None:
    data = path.read_bytes()
    if path.suffix == ".gz":
        data = gzip.decompress(data)
    assert clean_article(data).lang == lang
