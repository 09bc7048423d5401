"""Fuzz newsclean: random text, HTML and bytes through ``clean_article``, checking its promises.

usage: python -m newsclean.fuzz [--runs N] [--seed S] [--max-len L] [--slow T] [--timeout T] [--only RUN]

Each run builds one input from its own generator (seeded by ``S`` and the run's number, so any run
can be replayed alone with ``--only``). Inputs are mostly short: scraped-looking pages, prose,
random Unicode lines (RTL text, bidi controls, zero-width and combining marks, NUL and control
characters, CRLF and lone CR, long runs and tokens, mixed scripts), generated HTML documents
(nested tags, attributes, entities, comments) and bytes in several encodings or corrupted.

Checked on every run:

* nothing is raised (``TypeError`` and ``InputTooLarge`` cannot apply: inputs are text and small)
  but ``NotText``, and that only for bytes that may be refused: random bytes, corrupted or cut
  encodings, guessed (legacy or BOM-less) encodings, or text over 5% control characters;
* no body line is mostly control characters;
* one line record per input line, in order, with the line's text unchanged (split on ``\\r\\n``,
  ``\\r`` and ``\\n``), a label in ``LABELS``, a non-empty stage and reason, and ``blank`` only
  for lines whose matching key is empty; for HTML, every visible word the generator placed
  reaches some line (pages with a tag left open excepted: the parser decides where it ends);
* the article's parts are the labelled lines (body, promos, chrome, ...);
* ``json.dumps(article.to_dict())`` works;
* cleaning the article's own body again does not fail and loses no line; for prose made of
  paragraphs ending with full stops, the body comes back unchanged.

A run usually takes milliseconds: one slower than ``--slow`` seconds fails as slow, one still
running after ``--timeout`` seconds is stopped and fails as a hang. Failures go to stderr, at most
one in full per category with the command that replays it; the last line on stdout is a summary
with the failure count and the elapsed time. The exit status is 1 on any failure.
"""

from __future__ import annotations

import argparse
import bz2
import gzip
import io
import json
import lzma
import random
import re
import signal
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from types import FrameType

from newsclean import LABELS, Article, NotText, clean_article
from newsclean.binary import control_chars_over, mostly_control, signature
from newsclean.inputs import looks_like_html, to_text
from newsclean.normalize import key

__all__ = ["Case", "check", "check_article", "check_reclean", "compression_bomb", "generate", "main"]

# ---------------------------------------------------------------------------------------------
# Material inputs are made of.

BIDI = "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u061c"
ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
TASHKEEL = "\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0670"  # what matching keys drop
COMBINING = "\u0300\u0301\u0308\u0327\u0654\u0655\u064b\u064c\u064e\u064f\u0650\u0651\u0652\u0670\u20dd\u05b4"
CONTROLS = "\x00\x01\x07\x08\t\x0b\x0c\x1b\x1c\x1d\x1e\x1f\x7f\x85\x9f"
SPACES = " \u00a0\u2009\u200a\u3000\u2028\u2029\u1680"
ARABIC_MARKS = "ـ،؛؟«»٪٫٬"
DIGITS = "0123456789٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹"
EXPANDING = "\ufdfa\ufdfb\ufb01\u2460\uff21\u3392\u00bd"  # NFKC turns each into several characters
PUNCT = ".,:;!?-–—()[]\"'/|@#%&*+=<>…·•"
SPECIALS = BIDI + ZERO_WIDTH + COMBINING + CONTROLS + SPACES + ARABIC_MARKS + DIGITS + EXPANDING + PUNCT
LINE_BREAKS = ("\n", "\n", "\n", "\r\n", "\r")

EN_WORDS = ("the minister said on Monday that talks would resume after the storm reached the coast "
            "officials police government people city report news week year water election market "
            "president council people were killed injured according to statement agency").split()
AR_WORDS = ("قال الرئيس إن المحادثات ستستأنف في القاهرة يوم الاثنين وزارة الصحة أعلنت الأخبـــار "
            "أيضاً الحكومة المدينة الناس مؤتمر صحفي مصادر مطلعة الشرطة العاصفة الساحل "
            "بحسب بيان الوكالة لقي مصرعه أصيب الانتخابات السوق").split()
HE_WORDS = "שלום חדשות ירושלים ממשלה הודיעה היום בבוקר".split()
OTHER_WORDS = "新闻 东京 경제 Москва новости Ελλάδα ข่าว हिंदी 😀 👇 🇪🇬".split()

#: Lines the stages have rules for: calls to act, chrome, dates, bylines, datelines, comments.
TRIGGERS = (
    "اضغط هنا للاشتراك", "إضغط هنا للإشتراك", "Follow us on Telegram", "تابعونا على تلغرام",
    "اقرأ أيضا:", "Read also:", "Subscribe to our newsletter", "شاهد الفيديو", "التعليقات",
    "Comments", "12 comments", "تعليقات القراء (3)", "أضف تعليقاً", "Leave a comment", "©",
    "جميع الحقوق محفوظة © 2020", "All rights reserved", "اليوم 13:00", "منذ 3 ساعات",
    "فيسبوك تويتر واتساب", "Share Tweet Email", "https://t.co/abc123", "pic.twitter.com/xyz",
    "www.example.com/page", "1,234", "كتبت اسماء نصار", "بقلم: محمد علي", "by jane doe and john roe",
    "Author: Jane", "Photo: Jane Doe/AFP", "© REUTERS / SHOKRY HUSSIEN", "(أ ف ب)",
    "القاهرة - (أ ف ب):", "غزة ـ «القدس العربي»:", "LONDON (Reuters) -", "دمشق، سوريا (CNN) --",
    "17 March 2020", "الأربعاء، 28 آب/اغسطس 2013، آخر تحديث 14:00 (GMT+0400)", "2020-03-17",
    "١٧ مارس ٢٠٢٠", "11 شوال 1441هـ - 03 يونيو 2020م", "Mar. 17, 2020", "31/02/2020",
    "2020年3月17日", "17.03.2020", "سالم -كلام جميل", "رأي", "Published: Tuesday 17 March 2020",
    "<!---->", "&amp;", "</p>", "<div>", "-----", "* * *", "|", "»", "...",
)

#: Characters that patterns repeat; long runs of them are regex bait.
RUN_CHARS = "0123456789٠٩ \t-–—ـ.,:/|()«»\"'*+=_ابتwx@#%k\u200f\u064e"

_MARKER_ALPHABET = "bcdfghjkmnpqrstvwxz"

# ---------------------------------------------------------------------------------------------
# Generated cases.


@dataclass
class Case:
    """One generated input and what the checker needs to know about it."""

    kind: str
    data: str | bytes
    #: Words placed where they must be visible; each must reach some line of the article.
    markers: list[str] = field(default_factory=list)
    #: Prose paragraphs ending with full stops: cleaning the body again must keep it.
    prose: bool = False
    #: Bytes that the rules may refuse as not text (NotText is then an answer, not a failure).
    may_refuse: bool = False


def _marker(rng: random.Random) -> str:
    return "zq" + "".join(rng.choice(_MARKER_ALPHABET) for _ in range(8))


def _random_char(rng: random.Random) -> str:
    r = rng.random()
    if r < 0.45:
        return rng.choice(SPECIALS)
    if r < 0.6:
        return chr(rng.randrange(0x600, 0x700))  # Arabic block: letters, marks, digits
    if r < 0.65:
        return chr(rng.randrange(0x590, 0x600))  # Hebrew
    if r < 0.75:
        return chr(rng.randrange(0x20, 0x7F))
    cp = rng.randrange(0x80, 0x3134F)
    if 0xD800 <= cp <= 0xDFFF:  # no lone surrogates: no decoded text holds them
        cp = 0xFFFD
    return chr(cp)


def _word(rng: random.Random) -> str:
    r = rng.random()
    if r < 0.35:
        return rng.choice(EN_WORDS)
    if r < 0.7:
        return rng.choice(AR_WORDS)
    if r < 0.78:
        return rng.choice(HE_WORDS)
    if r < 0.85:
        return rng.choice(OTHER_WORDS)
    return "".join(_random_char(rng) for _ in range(rng.randint(1, 8)))


def _noise(rng: random.Random, max_len: int) -> str:
    r = rng.random()
    if r < 0.3:
        return rng.choice(TRIGGERS)
    if r < 0.5:
        return "".join(_random_char(rng) for _ in range(rng.randint(1, 12)))
    if r < 0.6:  # a run of one character the patterns repeat
        return rng.choice(RUN_CHARS) * rng.randint(2, max(2, min(max_len // 4, 400)))
    if r < 0.65:  # a long token with no break
        size = rng.randint(50, max(50, max_len // 2))
        return "".join(rng.choice("abcdefghij0123456789ابت/.-_") for _ in range(size))
    if r < 0.72:
        return rng.choice(BIDI + ZERO_WIDTH) + _word(rng) + rng.choice(BIDI + ZERO_WIDTH)
    if r < 0.75:
        return _marks_only(rng)
    return " ".join(_word(rng) for _ in range(rng.randint(1, 6)))


def _marks_only(rng: random.Random) -> str:
    """Words made only of combining marks and tashkeel: visible, yet their matching key is empty."""
    return " ".join("".join(rng.choice(TASHKEEL) for _ in range(rng.randint(1, 3)))
                    for _ in range(rng.randint(1, 6)))


def _line(rng: random.Random, max_len: int) -> str:
    r = rng.random()
    if r < 0.12:
        return ""
    if r < 0.18:
        return "".join(rng.choice(SPACES + BIDI + ZERO_WIDTH + "\t") for _ in range(rng.randint(1, 4)))
    if r < 0.35:
        return _sentence(rng)
    parts = [_noise(rng, max_len) if rng.random() < 0.5 else _word(rng) for _ in range(rng.randint(1, 8))]
    return rng.choice(("", " ", "  ", "\u200f")).join(parts)


def _sentence(rng: random.Random, lang: str | None = None) -> str:
    lang = lang or rng.choice(("en", "ar"))
    words = EN_WORDS if lang == "en" else AR_WORDS
    text = " ".join(rng.choice(words) for _ in range(rng.randint(8, 24)))
    return text[:1].upper() + text[1:] + "."


def _join_lines(rng: random.Random, lines: Sequence[str], max_len: int) -> str:
    out: list[str] = []
    size = 0
    for line in lines:
        if out and size + len(line) > max_len:
            break
        out.append(line)
        size += len(line) + 2
    breaks = rng.choice(((rng.choice(LINE_BREAKS),), LINE_BREAKS))  # one style, or a mix
    text = ""
    for i, line in enumerate(out):
        text += line if i == 0 else rng.choice(breaks) + line
    return text[: max_len * 2]


def gen_text(rng: random.Random, max_len: int) -> Case:
    """Random lines of Unicode, triggers and runs."""
    lines = [_line(rng, max_len) for _ in range(rng.randint(1, 25))]
    return Case("text", _join_lines(rng, lines, max_len))


def gen_prose(rng: random.Random, max_len: int) -> Case:
    """Several prose paragraphs, each ending with a full stop."""
    lang = rng.choice(("en", "ar"))
    paragraphs = [" ".join(_sentence(rng, lang) for _ in range(rng.randint(1, 3)))
                  for _ in range(rng.randint(2, 6))]
    return Case("prose", "\n".join(paragraphs), prose=True)


def gen_page(rng: random.Random, max_len: int) -> Case:
    """A scraped page: navigation, title, date, byline, article, promos, comments and footer,
    with noise sprinkled in."""
    nav = [rng.choice(("Home", "World", "Sport", "الرئيسية", "أخبار", "اقتصاد", "رياضة", "|"))
           for _ in range(rng.randint(0, 8))]
    title = " ".join(_word(rng) for _ in range(rng.randint(3, 12)))
    head = [title if rng.random() < 0.9 else _marks_only(rng)]
    if rng.random() < 0.5:
        head.append(rng.choice(TRIGGERS[30:45]))
    body = [_sentence(rng) + " " + _sentence(rng) for _ in range(rng.randint(1, 8))]
    if rng.random() < 0.4:
        dateline = rng.choice(("القاهرة - (أ ف ب): ", "LONDON (Reuters) - ", "غزة ـ «القدس العربي»: "))
        body[0] = dateline + body[0]
    for _ in range(rng.randint(0, 4)):
        body.insert(rng.randrange(len(body) + 1), rng.choice(TRIGGERS))
    tail = [rng.choice(TRIGGERS) for _ in range(rng.randint(0, 6))]
    if rng.random() < 0.3:
        author = "أحمد" if rng.random() < 0.7 else _marks_only(rng)
        tail += [rng.choice(("التعليقات", "Comments")), "رأي", "سالم -كلام جميل", author, "17 March 2020",
                 "تعليق طويل هنا."]
    lines = nav + head + body + tail
    for _ in range(rng.randint(0, 6)):  # noise: a blank, a bidi mark, a random line
        i = rng.randrange(len(lines))
        lines[i] = rng.choice(("", rng.choice(BIDI) + lines[i], lines[i] + rng.choice(ZERO_WIDTH + " \t"),
                               _line(rng, max_len)))
    return Case("page", _join_lines(rng, lines, max_len * 2))


_BLOCK_TAGS = ("p", "div", "section", "article", "li", "ul", "ol", "h1", "h2", "h3", "blockquote", "td",
               "tr", "table", "figure", "figcaption", "header", "footer", "nav", "aside", "main", "pre",
               "dd", "dt", "dl", "form", "label", "button")
_INLINE_TAGS = ("span", "a", "b", "i", "em", "strong", "time", "small", "sup", "u", "abbr", "cite", "font")
_SKIP_TAGS = ("script", "style", "noscript", "template", "svg", "iframe", "object", "canvas", "audio")
_ENTITIES = ("&amp;", "&nbsp;", "&lt;", "&gt;", "&quot;", "&#1575;", "&#x627;", "&#x200f;", "&rlm;",
             "&bogus;", "&#0;", "&#xD800;", "&#99999999;", "&amp", "&#", "&copy;", "&hellip;", "&zwnj;")


_UNCLOSED = "<unclosed>"


def _attrs(rng: random.Random) -> tuple[str, bool]:
    """Attributes for a tag, and whether they hide the element."""
    out: list[str] = []
    hidden = False
    for _ in range(rng.randint(0, 3)):
        r = rng.random()
        if r < 0.08:
            out.append("hidden")
            hidden = True
        elif r < 0.16:
            out.append(rng.choice(('style="display:none"', "style='DISPLAY: NONE;'")))
            hidden = True
        elif r < 0.5:
            out.append(f'class="{rng.choice(("article-body", "content", "nav", "ad", "x y"))}"')
        elif r < 0.7:
            out.append(f'dir="{rng.choice(("rtl", "ltr", "auto"))}"')
        elif r < 0.85:
            value = "".join(_random_char(rng) for _ in range(rng.randint(0, 6))).replace('"', "")
            out.append(f'data-x="{value}"')
        else:
            out.append(rng.choice(("onclick=alert(1)", "title='a > b'", 'href="https://t.co/x?a=1&b=2"',
                                   "lang=ar", "x", "style=\"color:red\"")))
    return ("" if not out else " " + " ".join(out)), hidden


def _html_text(rng: random.Random, visible: bool, markers: list[str]) -> str:
    parts: list[str] = []
    for _ in range(rng.randint(1, 6)):
        r = rng.random()
        if r < 0.25:
            m = _marker(rng)
            if visible:
                markers.append(m)
            parts.append(m)
        elif r < 0.4:
            parts.append(rng.choice(_ENTITIES))
        elif r < 0.5:
            parts.append(rng.choice(("<!-- comment -->", "<!---->", "<br>", "<br/>", "<wbr>", "<hr>")))
        elif r < 0.6:
            # Text the parser must keep as text (no tag opens with "<" and a space).
            parts.append(rng.choice(("a < b", "x > y", "5 <= 6", "<<", ">>")))
        else:
            # A random word may hold "<" before a letter ("<E="): that opens a tag in HTML and
            # hides what follows, so the word is written as text, the way a page would.
            parts.append(_word(rng).replace("<", "&lt;"))
    return " " + " ".join(parts) + " "


def _html_node(rng: random.Random, depth: int, visible: bool, markers: list[str]) -> str:
    r = rng.random()
    if depth <= 0 or r < 0.3:
        return _html_text(rng, visible, markers)
    if r < 0.38:
        tag = rng.choice(_SKIP_TAGS)
        inner = _html_node(rng, depth - 1, False, markers)
        return f"<{tag}>{inner}</{tag}>"
    tag = rng.choice(_BLOCK_TAGS if r < 0.75 else _INLINE_TAGS)
    attrs, hidden = _attrs(rng)
    children = "".join(_html_node(rng, depth - 1, visible and not hidden, markers)
                       for _ in range(rng.randint(1, 4)))
    if rng.random() < 0.05:
        # Left open: the parser decides where it ends, which may hide what follows a hidden
        # element, so the visible words of such a page are not checked.
        markers.append(_UNCLOSED)
        return f"<{tag}{attrs}>{children}"
    return f"<{tag}{attrs}>{children}</{tag}>"


def gen_html(rng: random.Random, max_len: int) -> Case:
    """An HTML document: a full page or a fragment, nested tags, attributes, entities."""
    markers: list[str] = []
    body = "".join(_html_node(rng, rng.randint(1, 6), True, markers) for _ in range(rng.randint(1, 5)))
    if len(body) > max_len * 4:  # keep runs fast: drop what is past the size (markers too)
        body = ""
        markers.clear()
        body = _html_node(rng, 2, True, markers)
    if _UNCLOSED in markers:
        markers.clear()
    if rng.random() < 0.02:  # nested deeper than parsers like (libxml2 stops at 256 by default)
        depth = rng.choice((100, 255, 300, 1000, 5000))
        body = "<div>" * depth + body + "</div>" * depth
    shape = rng.random()
    if shape < 0.5:
        head = "<head><title>T</title><meta charset='utf-8'><script>var x = '<p>';</script></head>"
        data = f"<!DOCTYPE html><html dir='rtl'>{head}<body>{body}</body></html>"
    elif shape < 0.75:
        data = f"<html><body>{body}</body></html>"
    else:
        data = f"<div>{body}</div>"
    return Case("html", data, markers)


_ENCODINGS = ("utf-8", "utf-16", "utf-16-le", "cp1256", "utf-8-sig", "latin-1")


def gen_bytes(rng: random.Random, max_len: int) -> Case:
    """Text or a page encoded in some encoding, sometimes corrupted, or plain random bytes."""
    r = rng.random()
    if r < 0.15:
        return Case("bytes", bytes(rng.randrange(256) for _ in range(rng.randint(0, 200))), may_refuse=True)
    inner = (gen_page if r < 0.6 else gen_text)(rng, max_len)
    text = inner.data if isinstance(inner.data, str) else ""
    encoding = rng.choice(_ENCODINGS)
    data = bytearray(text.encode(encoding, "replace"))
    # Only a Unicode encoding that the bytes declare or that UTF-8 reads is never guessed.
    may_refuse = encoding not in ("utf-8", "utf-8-sig", "utf-16") or control_chars_over(text) is not None
    if encoding == "utf-16-le" and rng.random() < 0.5:
        data[:0] = b"\xff\xfe"
    if data and rng.random() < 0.3:  # corrupt some bytes
        may_refuse = True
        for _ in range(rng.randint(1, 5)):
            data[rng.randrange(len(data))] = rng.randrange(256)
    if data and rng.random() < 0.1:  # cut in the middle of a character
        may_refuse = True
        del data[rng.randrange(len(data)):]
    return Case("bytes", bytes(data), may_refuse=may_refuse or signature(bytes(data)) is not None)


def compression_bomb(kind: str, expanded: int, *, member: int = 100 << 20) -> bytes:
    """``gzip``, ``bzip2`` or ``xz`` data of zeros that decompress to ``expanded`` bytes, streamed
    into the compressor a megabyte at a time (never held whole). gzip: one member of ``member``
    bytes, repeated (``cat a.gz a.gz`` is one gzip stream), so 10 GB cost the time of 100 MB.

    >>> len(gzip.decompress(compression_bomb("gzip", 4 << 20, member=2 << 20)))
    4194304
    """
    chunk = bytes(1 << 20)
    if kind == "gzip":
        member = min(member, expanded)
        out = io.BytesIO()
        with gzip.GzipFile(fileobj=out, mode="wb", compresslevel=9, mtime=0) as stream:
            for _ in range(member >> 20):
                stream.write(chunk)
        return out.getvalue() * (expanded // member)
    compressor: bz2.BZ2Compressor | lzma.LZMACompressor
    if kind == "bzip2":
        compressor = bz2.BZ2Compressor(9)
    elif kind == "xz":
        compressor = lzma.LZMACompressor(preset=1)
    else:
        raise ValueError(f"unknown compression {kind!r}; known: gzip, bzip2, xz")
    return b"".join(compressor.compress(chunk) for _ in range(expanded >> 20)) + compressor.flush()


#: Prefixes and units that patterns repeat, for long runs around otherwise plain lines.
_BAIT_UNITS = ("<!---->", "<!-- -->", "https://t.co/", "pic.twitter.com/", "1", "١", " ", "-", "ـ", ".",
               "- x", "by a and ", "12:00 ", "(", "«", "www.", "©", ":", "\u200f", "\u064e", "a,", "1 ")


def gen_bait(rng: random.Random, max_len: int) -> Case:
    """A line of repeated units the patterns repeat (comment openers, links, digits, dashes,
    tatweel...), alone or around a few words, among ordinary lines."""
    unit = rng.choice(_BAIT_UNITS)
    n = rng.randint(2, max(2, max_len // len(unit)))
    if unit.startswith("<!--"):
        n = rng.randint(2, 23)  # each one may double the work of a backtracking pattern: stay below a hang
    run = unit * n
    line = rng.choice((run, run + "x", "x" + run, _word(rng) + " " + run + " " + _word(rng),
                       run + " " + _sentence(rng)))
    lines = [_sentence(rng) for _ in range(rng.randint(0, 3))]
    lines.insert(rng.randrange(len(lines) + 1), line)
    return Case("bait", "\n".join(lines))


GENERATORS: tuple[tuple[str, float, Callable[[random.Random, int], Case]], ...] = (
    ("text", 0.32, gen_text),
    ("page", 0.2, gen_page),
    ("prose", 0.08, gen_prose),
    ("html", 0.25, gen_html),
    ("bytes", 0.1, gen_bytes),
    ("bait", 0.05, gen_bait),
)


def generate(seed: int, run: int, max_len: int = 2000) -> Case:
    """The input of run ``run`` under ``seed``: the same on every machine and Python version."""
    rng = random.Random(f"newsclean-fuzz:{seed}:{run}")
    pick = rng.random()
    for _name, weight, gen in GENERATORS:
        if pick < weight:
            return gen(rng, max_len)
        pick -= weight
    return GENERATORS[-1][2](rng, max_len)


# ---------------------------------------------------------------------------------------------
# The properties. Each problem is "<category>: <what>", so failures can be counted by category.

_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_PARTS = (("subheadline", "subheadlines"), ("body", "body"), ("caption", "captions"),
          ("promo", "promos"), ("chrome", "chrome"))


def check_article(raw: str, article: Article, markers: Sequence[str] = ()) -> list[str]:
    """What is wrong with ``article`` as the result of cleaning the text ``raw`` (empty: nothing)."""
    problems: list[str] = []
    records = article.lines
    if not looks_like_html(raw):
        expected = _LINE_BREAK.split(raw)
        if len(records) != len(expected):
            problems.append(f"lines: {len(records)} records for {len(expected)} input lines")
        else:
            for rec, text in zip(records, expected, strict=True):
                if rec.text != text:
                    problems.append(f"lines: line {rec.index} changed: {text[:60]!r} -> {rec.text[:60]!r}")
                    break
    for i, rec in enumerate(records):
        if rec.index != i:
            problems.append(f"record: line {i} has index {rec.index}")
        elif rec.label not in LABELS:
            problems.append(f"record: line {i} has label {rec.label!r}, not one of LABELS")
        elif not rec.stage or not rec.reason:
            problems.append(f"record: line {i} has an empty stage {rec.stage!r} or reason {rec.reason!r}")
        elif rec.label == "blank" and key(rec.text):
            problems.append(f"record: line {i} is labelled blank but shows {rec.text[:60]!r}")
        else:
            continue
        break
    if markers:
        joined = "\n".join(rec.text for rec in records)
        lost = [m for m in markers if m not in joined]
        if lost:
            problems.append(f"html-lost: {len(lost)} of {len(markers)} visible words lost, e.g. {lost[0]!r}")
    controls = [line for line in article.body if mostly_control(line)]
    if controls:
        problems.append(f"body-controls: {len(controls)} body lines mostly control characters, "
                        f"e.g. {controls[0][:60]!r}")
    for label, attr in _PARTS:
        if getattr(article, attr) != tuple(rec.text for rec in records if rec.label == label):
            problems.append(f"parts: {attr!r} differs from the lines labelled {label!r}")
    for label, value in (("headline", article.headline), ("byline", article.byline)):
        texts = [rec.text for rec in records if rec.label == label]
        if value != (" ".join(texts) if texts else None):
            problems.append(f"parts: {label} {value!r} differs from the lines labelled {label!r}")
    try:
        json.dumps(article.to_dict())
    except (TypeError, ValueError) as error:
        problems.append(f"json: to_dict() is not JSON-serialisable: {error}")
    return problems


def check_reclean(article: Article, *, prose: bool) -> list[str]:
    """Clean ``article``'s body again: it must not fail nor lose a line (for prose: keep the body)."""
    body = article.body
    text = "\n".join(body)
    again = clean_article(text)
    problems = [f"reclean-{p}" for p in check_article(text, again)]
    if prose and again.body != body:
        kept = sum(1 for line in body if line in again.body)
        moved = sorted({(r.label, r.reason) for r in again.lines if r.text in body and r.label != "body"})
        problems.append(f"reclean-prose: {kept} of {len(body)} prose paragraphs stay body; "
                        f"the others went to {moved}")
    return problems


def check(case: Case) -> list[str]:
    """Clean ``case``'s input and return every broken promise (an empty list when none)."""
    try:
        raw = to_text(case.data)
        article = clean_article(case.data)
    except TimeLimit:
        raise
    except NotText as error:
        return [] if case.may_refuse else [f"refused {error}"]
    except Exception as error:  # noqa: BLE001  (any exception escaping is the finding)
        return [f"raised {type(error).__name__}: {str(error)[:200]}"]
    problems = check_article(raw, article, case.markers)
    try:
        problems += check_reclean(article, prose=case.prose)
    except TimeLimit:
        raise
    except Exception as error:  # noqa: BLE001
        problems.append(f"reclean-raised {type(error).__name__}: {str(error)[:200]}")
    return problems


# ---------------------------------------------------------------------------------------------
# Running.


class TimeLimit(BaseException):
    """A run took longer than allowed (a BaseException, so no stage's ``except`` swallows it)."""


@contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Raise :class:`TimeLimit` in the block once ``seconds`` have passed (none when 0, or where
    the platform has no interval timer)."""
    if seconds <= 0 or not hasattr(signal, "setitimer"):
        yield
        return

    def expire(signum: int, frame: FrameType | None) -> None:
        raise TimeLimit

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _category(problem: str) -> str:
    """"lines", "hang", "raised UnicodeDecodeError", "raised StageError: stage 'headline' failed"..."""
    fields = problem.split(":")
    head = fields[0]
    if head.endswith("StageError") and len(fields) > 1:
        head += ":" + fields[1]
    return head if len(head) <= 70 else head[:70] + "..."


def _parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(prog="python -m newsclean.fuzz",
                                 description="Fuzz clean_article with random text, HTML and bytes.")
    ap.add_argument("--runs", type=int, default=1000, help="number of generated inputs (default 1000)")
    ap.add_argument("--seed", type=int, default=0, help="seed of the whole series (default 0)")
    ap.add_argument("--max-len", type=int, default=2000, help="rough size bound of an input (default 2000)")
    ap.add_argument("--slow", type=float, default=1.0,
                    help="seconds after which a run (two cleanings of a small input) is slow (default 1)")
    ap.add_argument("--timeout", type=float, default=20.0,
                    help="seconds after which a run is stopped as a hang (default 20; 0: never)")
    ap.add_argument("--only", type=int, default=None, metavar="RUN",
                    help="replay one run and print its input")
    ap.add_argument("--show", type=int, default=5,
                    help="failures printed in full, one per category (default 5)")
    return ap


def main(argv: Sequence[str] | None = None) -> int:
    """Run the fuzzer and return the exit status: 0 when every run kept every promise, else 1."""
    args = _parser().parse_args(argv)
    runs = range(args.only, args.only + 1) if args.only is not None else range(args.runs)
    kinds: Counter[str] = Counter()
    categories: Counter[str] = Counter()
    failures = 0
    clean_article("warm-up: stoplists and the language model load once, before the clock starts.")
    t0 = time.perf_counter()
    for run in runs:
        case = generate(args.seed, run, args.max_len)
        kinds[case.kind] += 1
        if args.only is not None:
            print(f"run {run} ({case.kind}): {case.data!r}")
        started = time.perf_counter()
        try:
            with time_limit(args.timeout):
                problems = check(case)
        except TimeLimit:
            problems = [f"hang: stopped after {args.timeout:g} s"]
        took = time.perf_counter() - started
        if took > args.slow and not problems:
            problems = [f"slow: {took:.1f} s for {len(case.data):,} characters"]
        if not problems:
            continue
        failures += 1
        new = [c for c in dict.fromkeys(map(_category, problems)) if c not in categories]
        categories.update(set(map(_category, problems)))
        if new and (sum(1 for c in categories) <= args.show or args.only is not None):
            data = case.data[:300]
            more = " ..." if len(case.data) > 300 else ""
            replay = f"python -m newsclean.fuzz --seed {args.seed} --max-len {args.max_len} --only {run}"
            print(f"FAIL run {run} ({case.kind}): {'; '.join(problems)[:600]}\n"
                  f"  input ({len(case.data):,} chars): {data!r}{more}\n  replay: {replay}", file=sys.stderr)
    elapsed = time.perf_counter() - t0
    if categories:
        print("failures by category: " + ", ".join(f"{c} {n}" for c, n in categories.most_common()),
              file=sys.stderr)
    mix = ", ".join(f"{k} {n}" for k, n in sorted(kinds.items()))
    print(f"newsclean.fuzz: {len(runs)} runs, seed {args.seed}: {failures} failures "
          f"in {elapsed:.1f} s ({mix})")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
