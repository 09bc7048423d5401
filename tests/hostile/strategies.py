"""Hypothesis strategies for hostile input: text lines, prose paragraphs and HTML documents.

The character pools and trigger lines are the fuzzer's (``newsclean.fuzz``), so both explore
the same ground; here Hypothesis shrinks a failure to a small example.
"""

from __future__ import annotations

import string

from hypothesis import strategies as st

from newsclean import fuzz

SEPARATORS = st.sampled_from(["\n", "\r\n", "\r"])

_special = st.sampled_from(sorted(set(fuzz.SPECIALS)))
_arabic_hebrew = st.characters(min_codepoint=0x0590, max_codepoint=0x06FF)
_any = st.characters(exclude_categories=("Cs",))  # every code point but lone surrogates
CHARS = st.one_of(_special, _arabic_hebrew, _any, st.sampled_from(string.ascii_letters + string.digits))

WORDS = st.sampled_from(fuzz.EN_WORDS + fuzz.AR_WORDS + fuzz.HE_WORDS + fuzz.OTHER_WORDS)


def _words(words: list[str]) -> str:
    return " ".join(words)


_wordy_line = st.lists(st.one_of(WORDS, st.text(CHARS, min_size=1, max_size=6)), min_size=1,
                       max_size=30).map(_words)
_unit = st.sampled_from(fuzz.RUN_CHARS) | st.text(CHARS, min_size=1, max_size=3)
_run = st.builds(lambda unit, n: unit * n, _unit, st.integers(2, 3000))
_long_token = st.builds(lambda unit, n: unit * n, st.text(CHARS, min_size=1, max_size=8).filter(
    lambda s: not any(c.isspace() for c in s)), st.integers(100, 2000))
_invisible = st.sampled_from(fuzz.BIDI + fuzz.ZERO_WIDTH)
_bidi_wrapped = st.builds(lambda a, w, b: a + w + b, _invisible, _wordy_line, _invisible)
_marks_only = st.lists(st.text(st.sampled_from(fuzz.TASHKEEL + fuzz.COMBINING), min_size=1, max_size=3),
                       min_size=1, max_size=6).map(_words)

LINE = st.one_of(
    st.text(CHARS, max_size=80),
    _wordy_line,
    st.sampled_from(fuzz.TRIGGERS),
    _run,
    _long_token,
    _bidi_wrapped,
    _marks_only,
    st.just(""),
)


@st.composite
def texts(draw: st.DrawFn, max_lines: int = 30) -> str:
    """A text of lines joined by \\n, \\r\\n and lone \\r (one style or a mix)."""
    lines = draw(st.lists(LINE, min_size=1, max_size=max_lines))
    out = lines[0]
    for line in lines[1:]:
        out += draw(SEPARATORS) + line
    return out


_SENTENCE_WORDS = {"en": fuzz.EN_WORDS, "ar": fuzz.AR_WORDS}


@st.composite
def prose(draw: st.DrawFn) -> str:
    """Several paragraphs of prose, each sentence ending with a full stop."""
    lang = draw(st.sampled_from(sorted(_SENTENCE_WORDS)))
    sentence = st.lists(st.sampled_from(_SENTENCE_WORDS[lang]), min_size=8, max_size=24).map(
        lambda ws: (" ".join(ws)).capitalize() + ".")
    paragraph = st.lists(sentence, min_size=1, max_size=3).map(_words)
    return "\n".join(draw(st.lists(paragraph, min_size=2, max_size=6)))


# --- HTML -------------------------------------------------------------------------------------
# A node is (markup, markers): the markers are words placed where they are visible, and each must
# reach some line of the article.

_MARKER = st.integers(0, 10**6).map(lambda n: f"zq{n}x")
_BLOCK = st.sampled_from(["p", "div", "section", "article", "li", "ul", "h1", "h2", "blockquote", "td", "tr",
                          "table", "figure", "figcaption", "header", "footer", "nav", "main", "pre", "dd"])
_INLINE = st.sampled_from(["span", "a", "b", "i", "em", "strong", "time", "small", "font"])
_SKIP = st.sampled_from(["script", "style", "noscript", "template", "svg", "iframe"])
_ENTITY = st.sampled_from(["&amp;", "&nbsp;", "&lt;", "&gt;", "&#1575;", "&#x627;", "&rlm;", "&#x200f;",
                           "&bogus;", "&#0;", "&#xD800;", "&#99999999;", "&amp", "&copy;", "&zwnj;"])
_VISIBLE_ATTR = st.sampled_from(['class="content"', 'dir="rtl"', 'lang=ar', 'title="a > b"',
                                 'href="https://t.co/x?a=1&b=2"', "data-x='\u200f\u0627'", "x"])
_HIDING_ATTR = st.sampled_from(["hidden", 'style="display:none"', "style='DISPLAY: NONE;'"])

Node = tuple[str, tuple[str, ...]]


def _text_node(parts: list[tuple[str, bool]]) -> Node:
    markup = " " + " ".join(p for p, _ in parts) + " "
    return markup, tuple(p for p, is_marker in parts if is_marker)


_PLAIN = CHARS.filter(lambda c: c not in "<&\x00")  # no markup, no NUL (the parser replaces it)
_TEXT = st.lists(
    st.one_of(_MARKER.map(lambda m: (m, True)),
              _ENTITY.map(lambda e: (e, False)),
              WORDS.map(lambda w: (w, False)),
              st.text(_PLAIN, min_size=1, max_size=6).map(lambda t: (t, False)),
              st.sampled_from(["<br>", "<!-- c -->", "<!---->", "a < b", "<wbr>"]).map(lambda t: (t, False))),
    min_size=1, max_size=6,
).map(_text_node)


def _element(tag: str, attrs: list[str], hiding: str | None, kids: list[Node]) -> Node:
    attr_text = "".join(" " + a for a in attrs + ([hiding] if hiding else []))
    markup = f"<{tag}{attr_text}>" + "".join(k[0] for k in kids) + f"</{tag}>"
    markers = () if hiding else tuple(m for k in kids for m in k[1])
    return markup, markers


def _skipped(tag: str, kids: list[Node]) -> Node:
    return f"<{tag}>" + "".join(k[0] for k in kids) + f"</{tag}>", ()


def _extend(children: st.SearchStrategy[Node]) -> st.SearchStrategy[Node]:
    kids = st.lists(children, min_size=1, max_size=4)
    return st.one_of(
        st.builds(_element, _BLOCK | _INLINE, st.lists(_VISIBLE_ATTR, max_size=2),
                  st.none() | st.none() | _HIDING_ATTR, kids),
        st.builds(_skipped, _SKIP, kids),
    )


NODES = st.recursive(_TEXT, _extend, max_leaves=30)


@st.composite
def html_documents(draw: st.DrawFn) -> tuple[str, tuple[str, ...]]:
    """An HTML page or fragment, and the words in it that must stay visible."""
    nodes = draw(st.lists(NODES, min_size=1, max_size=4))
    body = "".join(n[0] for n in nodes)
    markers = tuple(m for n in nodes for m in n[1])
    shape = draw(st.sampled_from(["page", "html", "div"]))
    if shape == "page":
        doc = ("<!DOCTYPE html><html dir='rtl'><head><title>T</title><meta charset='utf-8'>"
               f"<script>var x = '<p>';</script></head><body>{body}</body></html>")
    elif shape == "html":
        doc = f"<html><body>{body}</body></html>"
    else:
        doc = f"<div>{body}</div>"
    return doc, markers


@st.composite
def pages(draw: st.DrawFn) -> str:
    """A page-shaped text: navigation, a title-like line, prose paragraphs and trailing lines,
    any of them hostile, so the header stages (headline, byline, dateline) see hostile lines."""
    nav = draw(st.lists(st.sampled_from(["Home", "World", "الرئيسية", "أخبار", "|", ""]), max_size=5))
    title = draw(st.one_of(LINE, _wordy_line, _marks_only))
    deck = draw(st.lists(LINE, max_size=2))
    body = draw(prose()).split("\n")
    noise = draw(st.lists(st.tuples(st.integers(0, 20), LINE), max_size=4))
    for at, line in noise:
        body.insert(at % (len(body) + 1), line)
    tail = draw(st.lists(LINE, max_size=5))
    return draw(SEPARATORS).join([*nav, title, *deck, *body, *tail])
