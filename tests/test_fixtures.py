"""Golden cases: every ``fixtures/<case>/expected.json`` against what ``clean_article`` makes of its input.

One test per case and labelled part, so a failure names both (``byline-kataba-byline``). A key the
case leaves out is not checked. Known failures stay here as strict xfails, with the reason.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from newsclean import Article, clean_article

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"

#: (case, part) -> why the cleaner gets it wrong today. Strict: a fix makes the test fail until removed.
KNOWN_FAILURES: dict[tuple[str, str], str] = {}


@cache
def expected(case: str) -> dict[str, Any]:
    gold: dict[str, Any] = json.loads((FIXTURES / case / "expected.json").read_text(encoding="utf-8"))
    return gold


@cache
def cleaned(case: str) -> Article:
    exp = expected(case)
    return clean_article((FIXTURES / case / exp.get("input", "input.txt")).read_bytes())


def _dateline(article: Article) -> dict[str, str | None] | None:
    if article.dateline is None:
        return None
    return {"place": article.dateline.place, "agency": article.dateline.agency}


def _published(article: Article) -> str | None:
    return article.published.isoformat()[:10] if article.published is not None else None


def _comments(article: Article, gold: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The article's comments with the keys the gold comments have (date as an ISO day)."""
    keys = {k for c in gold for k in c} or {"author", "title", "text"}
    out = []
    for c in article.comments:
        row: dict[str, Any] = {"author": c.author, "title": c.title, "text": c.text,
                               "date": c.date.isoformat()[:10] if c.date is not None else None}
        out.append({k: v for k, v in row.items() if k in keys})
    return out


#: part -> (what the article says, what the gold says) for one case.
PARTS: dict[str, Callable[[Article, dict[str, Any]], tuple[Any, Any]]] = {
    "headline": lambda a, e: (a.headline, e["headline"]),
    "subheadlines": lambda a, e: (list(a.subheadlines), e["subheadlines"]),
    "byline": lambda a, e: (a.byline, e["byline"]),
    "dateline": lambda a, e: (
        _dateline(a), e["dateline"] and {k: e["dateline"][k] for k in ("place", "agency")}
    ),
    "published": lambda a, e: (_published(a), e["published"] and str(e["published"])[:10]),
    "body": lambda a, e: (list(a.body), e["body"]),
    "promos": lambda a, e: (list(a.promos), e["promos"]),
    "chrome": lambda a, e: (list(a.chrome), e["chrome"]),
    "comments": lambda a, e: (_comments(a, e["comments"]), e["comments"]),
    "must_contain": lambda a, e: ([s for s in e["must_contain"] if s in a.text], e["must_contain"]),
    "must_not_contain": lambda a, e: ([s for s in e["must_not_contain"] if s in a.text], []),
}


def _params() -> Iterator[Any]:
    for path in sorted(FIXTURES.glob("*/expected.json")):
        case = path.parent.name
        for part in PARTS:
            if part not in expected(case):
                continue
            reason = KNOWN_FAILURES.get((case, part))
            marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
            yield pytest.param(case, part, id=f"{case}-{part}", marks=marks)


def test_there_are_golden_cases() -> None:
    assert (FIXTURES / "elaph-seed" / "expected.json").is_file()
    assert len(list(FIXTURES.glob("*/expected.json"))) >= 10


def test_every_known_failure_names_a_case_and_part() -> None:
    for case, part in KNOWN_FAILURES:
        assert part in PARTS and part in expected(case), (case, part)


@pytest.mark.parametrize(("case", "part"), list(_params()))
def test_golden_case(case: str, part: str) -> None:
    got, want = PARTS[part](cleaned(case), expected(case))
    assert got == want
