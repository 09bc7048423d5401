"""Properties every cleaned article has, checked over the golden fixtures and the shared corpus:
nothing is lost, every line's fate is recorded, the result serialises, and cleaning is stable."""

from __future__ import annotations

import json
import re
from collections import Counter
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from newsclean import LABELS, Article, clean_article
from newsclean.document import is_blank

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "fixtures"
CORPUS = ROOT.parent / "shared" / "corpus"
# The line breaks Document.from_text splits on.
LINE_BREAK = re.compile(r"\r\n|\r|\n")


def _inputs(root: Path) -> list[Path]:
    found = []
    for exp in sorted(root.glob("*/expected.json")):
        name = json.loads(exp.read_text(encoding="utf-8")).get("input", "input.txt")
        if (exp.parent / name).is_file():
            found.append(exp.parent / name)
    return found


def _cases() -> list[Any]:
    params = [pytest.param(str(p), id=f"fixtures/{p.parent.name}") for p in _inputs(FIXTURES)]
    corpus = CORPUS / "ar"
    if corpus.is_dir():
        params += [pytest.param(str(p), id=f"corpus/ar/{p.parent.name}") for p in _inputs(corpus)]
    else:
        params.append(pytest.param("", id="corpus/ar-absent"))
    return params


CASES = _cases()


@cache
def source(path: str) -> str:
    if not path:
        pytest.skip(f"the shared corpus is absent ({CORPUS / 'ar'})")
    return Path(path).read_bytes().decode("utf-8")


@cache
def cleaned(path: str) -> Article:
    return clean_article(source(path))


def input_lines(path: str) -> list[str]:
    return LINE_BREAK.split(source(path))


def nonblank(path: str) -> list[int]:
    return [r.index for r in cleaned(path).lines if r.label != "blank"]


@pytest.mark.parametrize("path", CASES)
def test_one_record_per_input_line_with_its_text(path: str) -> None:
    article = cleaned(path)
    assert [r.index for r in article.lines] == list(range(len(input_lines(path))))
    assert [r.text for r in article.lines] == input_lines(path)


@pytest.mark.parametrize("path", CASES)
def test_every_record_names_a_label_a_stage_and_a_reason(path: str) -> None:
    for r in cleaned(path).lines:
        assert r.label in LABELS, r
        assert r.stage and r.reason, r


@pytest.mark.parametrize("path", CASES)
def test_only_blank_lines_are_blank(path: str) -> None:
    for r in cleaned(path).lines:
        assert (r.label == "blank") == is_blank(r.text), r


@pytest.mark.parametrize("path", CASES)
def test_every_nonblank_line_is_in_exactly_one_part(path: str) -> None:
    article = cleaned(path)
    by_label: dict[str, list[str]] = {label: [] for label in LABELS}
    for r in article.lines:
        by_label[r.label].append(r.text)
    assert article.headline == (" ".join(by_label["headline"]) or None)
    assert article.byline == (" ".join(by_label["byline"]) or None)
    assert article.subheadlines == tuple(by_label["subheadline"])
    assert article.body == tuple(by_label["body"])
    assert article.captions == tuple(by_label["caption"])
    assert article.promos == tuple(by_label["promo"])
    assert article.chrome == tuple(by_label["chrome"])
    assert bool(article.comments) == bool(by_label["comment"])
    parts = Counter(r.label for r in article.lines if r.label != "blank")
    assert sum(parts.values()) == len(nonblank(path))


@pytest.mark.parametrize("path", CASES)
def test_every_comment_has_text(path: str) -> None:
    for comment in cleaned(path).comments:
        assert comment.text.strip(), comment


@pytest.mark.parametrize("path", CASES)
def test_explain_has_one_row_per_nonblank_line(path: str) -> None:
    rows = cleaned(path).explain().split("\n")
    assert len(rows) == 1 + len(nonblank(path))
    assert [int(row.split()[0]) for row in rows[1:]] == nonblank(path)


SCORER_KEYS = {"headline", "subheadlines", "byline", "dateline", "published", "body", "promos", "chrome",
               "comments", "lines"}


@pytest.mark.parametrize("path", CASES)
def test_to_dict_is_json_with_the_keys_the_scorer_reads(path: str) -> None:
    data = cleaned(path).to_dict()
    assert json.loads(json.dumps(data, ensure_ascii=False)) == data
    assert SCORER_KEYS <= set(data)
    if data["dateline"] is not None:
        assert {"text", "place", "agency", "date"} <= set(data["dateline"])
    for comment in data["comments"]:
        assert {"author", "title", "text", "date"} <= set(comment)
    for line in data["lines"]:
        assert {"index", "text", "label", "stage", "reason"} <= set(line)


@pytest.mark.parametrize("path", CASES)
def test_cleaning_the_body_again_keeps_the_body(path: str) -> None:
    """A title-less text's first line is its opening summary (stages/headline.py), so the body's
    first paragraph may come back as a subheadline; every other paragraph comes back as body."""
    body = cleaned(path).body
    if not body:
        return
    again = clean_article("\n".join(body))
    assert again.headline is None
    assert again.body == body or (again.subheadlines == body[:1] and again.body == body[1:])
