"""Minimal reproductions of what the fuzzer and the property tests found, kept as plain tests.

A hang is caught by a watchdog (SIGALRM, 5 s) around inputs that take milliseconds: it tells a
hang from a slow run without being a timing assertion.
"""

from __future__ import annotations

import signal
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType

import pytest

from newsclean import LABELS, clean_article

PROSE = "The storm reached the coast on Monday, officials said, and more rain is due this week."


class Hang(Exception):
    pass


@contextmanager
def watchdog(seconds: int = 5) -> Iterator[None]:
    def expire(signum: int, frame: FrameType | None) -> None:
        raise Hang(f"still running after {seconds} s: a hang")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def test_title_of_tashkeel_only_words_does_not_crash_the_headline_stage() -> None:
    """A line of tashkeel marks is visible (not blank) but its matching key is empty."""
    text = "\u064e \u064e \u064e\n" + f"{PROSE}\n" * 3
    article = clean_article(text)
    assert len(article.lines) == 5
    assert all(r.label in LABELS for r in article.lines)


@pytest.mark.parametrize("comments", [
    "Comments\n\u064e\n17 March 2020\nNice article.",
    "التعليقات\n\u064e \u0650\n١٧ مارس ٢٠٢٠\nكلام جميل",
])
def test_comment_author_line_of_tashkeel_does_not_crash_the_comments_stage(comments: str) -> None:
    article = clean_article(f"{PROSE}\n{comments}")
    assert len(article.lines) == 5
    assert all(r.label in LABELS for r in article.lines)


@pytest.mark.parametrize("opener", ["<!---->", "<!-- a -->\n"])
def test_html_comments_at_the_start_do_not_hang(opener: str) -> None:
    """inputs._HTML_START backtracks exponentially over a run of comments that opens the input."""
    text = opener * 40 + "x\n" + PROSE
    with watchdog():
        article = clean_article(text)
    assert PROSE in [r.text for r in article.lines]


@pytest.mark.parametrize("tail", ["<a " * 13_000, "<!--" * 25_000])
def test_deep_page_cut_off_inside_a_tag_does_not_hang(tail: str) -> None:
    """A page nested deeper than libxml2 allows is read by html.stream_lines (the stdlib
    HTMLParser); before Python 3.11.13 / 3.12.11 that parser is quadratic when the input ends
    inside a run of unfinished tags or comments (a truncated page)."""
    html = "<html><body>" + "<div>" * 300 + f"<p>{PROSE}</p>" + tail
    with watchdog():
        article = clean_article(html)
    assert PROSE in [r.text for r in article.lines]


def test_long_line_of_t_co_links_does_not_hang() -> None:
    """stages.chrome._EMBED_RAW (``https?://t\\.co/\\S+\\s*$``) on the raw text of a long line is
    quadratic in a token made of repeated t.co links that does not end the line."""
    line = "word " * 45 + "http://t.co/" * 100_000 + " x"
    with watchdog():
        article = clean_article(f"{PROSE}\n{line}\n{PROSE}")
    assert len(article.lines) == 3


# The regex audit (benchmarks/regex_audit.py) found these patterns quadratic on a long run of
# what they repeat; each is fed such a run directly, as a page could hand it over.


def test_a_long_run_of_spaces_does_not_hang_the_title_and_comment_patterns() -> None:
    from newsclean.html.comments import _SAYS
    from newsclean.stages.html_hints import _TITLE_SEPARATOR
    from newsclean.threads.lines import _AUTHOR_DASH, ThreadWords
    from newsclean.threads.stamps import _StampWords

    _TEXT_SAYS = ThreadWords.of(None).says
    _TIME = _StampWords.of_every_pack().time

    spaces = "a" + " " * 400_000 + "x"  # the old patterns took seconds at 200,000
    with watchdog():
        assert _SAYS.search(spaces) is None
        assert list(_TITLE_SEPARATOR.finditer(spaces)) == []
        assert _TEXT_SAYS.search(spaces) is None
        assert _AUTHOR_DASH.search(spaces) is None
        assert list(_TIME.finditer(spaces)) == []
    assert _SAYS.search("Agi Joe says:") is not None
    assert _TEXT_SAYS.search("Agi Joe says:") is not None
    assert _AUTHOR_DASH.search("سالم -كلام جميل") is not None
    assert _TIME.match(" at 5:23 pm") is not None
    assert [m.group() for m in _TITLE_SEPARATOR.finditer("Storm hits coast  |  Daily News")] == ["  |  "]


def test_a_token_of_repeated_t_co_links_does_not_hang_the_embedded_post_rule() -> None:
    from newsclean.lang import every_pack
    from newsclean.stages.chrome import _TCO_LAST, chrome_family

    rule = next(r for r in chrome_family(every_pack()).rules if r.reason == "embedded-post")
    token = "http://t.co/" * 50_000 + " x"
    with watchdog():
        assert rule.compiled.search(token) is None
        assert _TCO_LAST.search(token) is None
    assert rule.compiled.search("great game tonight https://t.co/abc123") is not None
