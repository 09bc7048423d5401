"""Chrome a single line gives away by itself: footers, share rows, timestamps, embedded posts,
bare links, counters and lines of control characters. Navigation runs, tags and related lists
need context; the region stage labels those.

>>> from newsclean.document import Document
>>> lines = ["جميع الحقوق محفوظة © 2020", "اليوم 13:00", "فيسبوك تويتر واتساب", "\\x00\\x01x\\x02"]
>>> doc = Document.from_text("\\n".join(lines))
>>> Chrome()(doc)
>>> [line.reason for line in doc.lines]
['footer', 'timestamp', 'share-row', 'control-characters']
"""

from __future__ import annotations

import itertools
import re

from newsclean.binary import CONTROL_CHARS as _CONTROL_CHARS
from newsclean.binary import mostly_control
from newsclean.dates import find_relative
from newsclean.document import Document
from newsclean.hints import page_hints
from newsclean.lang import Lexicon, every_pack
from newsclean.normalize import key
from newsclean.registry import stage
from newsclean.rules import RuleFamily

# Words a date or time line is made of, from the language packs (``time_words``: months, days,
# "ago"; ``time_glue``: "at", "في", "GMT", which may stand in one but say nothing alone): "اليوم
# 13:00", "15 اب", "الإثنين، 24 أغسطس 2020 09:23 ص", "17:27 GMT 17.03.2020", "منذ ساعتين". Checked
# token by token, so the cost is linear and no pattern can backtrack.
_TIME_SPLIT = re.compile(r"[\s,،/()|:.\-]+")
_CLOCK = re.compile(r"\d{1,2}:\d{2}|\d{1,4}[./-]\d{1,2}[./-]\d{1,4}")
_NUMBER = re.compile(r"\d{1,4}(?:st|nd|rd|th|h|هـ|م)?")


def _time_words(lexicon: Lexicon) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """Date and time words, the words a timestamp may hold, and the calendar's words among the
    first (months and days: what is not a unit of time)."""
    return lexicon.compiled("chrome:time", lambda: _build_time_words(lexicon))


def _build_time_words(lexicon: Lexicon) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    strong = lexicon.keys("time_words")
    units = {key(w) for words in lexicon.merged("time_units").values() for w in words}
    units |= {key(w) for w in lexicon.merged("dual_units")}
    return strong, lexicon.keys("time_glue"), strong - units


def is_timestamp(text_key: str, lexicon: Lexicon) -> bool:
    """Only date and time words and numbers, with at least one clock time, date word or
    relative word ("منذ ساعتين", "2 hours ago") so that a bare counter is not a timestamp; a line
    without a figure states a relative time ("Yesterday", "منذ ساعتين"): a weekday or a month
    alone ("Monday" in a list of opening hours) names a day, it dates nothing."""
    relative = find_relative(text_key) is not None
    if not relative and not any(c.isdigit() for c in text_key):
        return False
    strong_words, weak_words, calendar = _time_words(lexicon)
    tokens = [t for t in _TIME_SPLIT.split(text_key) if t]
    dated = False
    for token in tokens:
        if token in strong_words:
            # A unit with a figure ("Day 7", "5 hours") heads a part or states a length; it
            # dates something with a month or a day's name, a clock time, or "ago" ("منذ").
            dated = dated or token in calendar
        elif token not in weak_words and not _NUMBER.fullmatch(token):
            return False
    return dated or relative or _CLOCK.search(text_key) is not None


#: What a line *is*, checked in order, and the most words a line may have for each. The
#: phrases are the language packs' (``chrome``); the neutral pack holds the shapes that read the
#: same in every language (links, counters, separators, a row of share buttons).
CHROME_REASONS: tuple[tuple[str, int], ...] = (
    ("footer", 15), ("embedded-post", 200), ("url", 3), ("counter", 8), ("share-row", 14), ("separator", 40),
)
_MAX_WORDS = max(most for reason, most in CHROME_REASONS if reason != "embedded-post")
# Embedded posts may be long; on long lines they are looked for in the raw text first. A tweet
# ends in its t.co link; only the last token is tested, since a search for "t.co/...$" anywhere
# in the line is quadratic on a token of repeated links.
_EMBED_RAW = re.compile(r"pic\.twitter\.com/|instagram\.com/p/", re.IGNORECASE)
# "com/" in any case: both _EMBED_RAW patterns hold it, and most long lines do not.
_COM = tuple("".join(letters) + "/" for letters in itertools.product("cC", "oO", "mM"))
_TCO_LAST = re.compile(r"(?<!\S)https?://t\.co/\S+\Z", re.IGNORECASE)


def _embedded(text: str) -> bool:
    # ``in`` tests first: a regex scans a long Arabic line a character at a time.
    if any(hint in text for hint in _COM) and _EMBED_RAW.search(text):
        return True
    tokens = text[-4096:].rsplit(None, 1)
    return bool(tokens) and _TCO_LAST.match(tokens[-1]) is not None


def chrome_family(lexicon: Lexicon) -> RuleFamily:
    """The chrome phrases of ``lexicon``'s packs, compiled once per lexicon."""
    return lexicon.family("chrome", CHROME_REASONS)


def match_chrome(text_key: str, words: int | None = None, *, lexicon: Lexicon | None = None) -> str | None:
    """The reason code of the first chrome rule ``text_key`` matches, or None (every pack's
    rules unless a ``lexicon`` is given).

    >>> match_chrome("all rights reserved"), match_chrome("15:30"), match_chrome("the end.")
    ('footer', 'timestamp', None)
    """
    lexicon = lexicon if lexicon is not None else every_pack()
    if words is None:
        words = text_key.count(" ") + 1
    if words <= 10 and is_timestamp(text_key, lexicon):
        return "timestamp"
    return chrome_family(lexicon).match(text_key, words)


@stage("chrome")
class Chrome:
    """Label lines that are chrome whatever surrounds them."""

    def __call__(self, doc: Document) -> None:
        lexicon = doc.lexicon
        blank = doc.blank_kinds()
        controlled: set[int] = set()
        for i in doc.lines_holding(_CONTROL_CHARS):
            if doc.verdict_ids[i] not in blank and mostly_control(doc.text_of(i)):
                controlled.add(i)
        keys, words, ids, hints = doc.key_table(), doc.words, doc.verdict_ids, page_hints(doc)
        # Timestamps first (a line of ten words or fewer, every word a date or time word or a
        # figure); only lines holding a time word or a clock time can be one.
        found: dict[int, str] = {}
        for i in hints.lines("time", "clock"):
            if not ids[i] and words[i] <= 10 and is_timestamp(doc.key_of(i), lexicon):
                found[i] = "timestamp"
        family = chrome_family(lexicon)
        for i, reason in family.scan(keys, words, ids, limit=_MAX_WORDS, hints=hints).items():
            found.setdefault(i, reason)
        # A long line is only looked at for an embedded post, in its raw text first.
        for i in range(doc.size):
            if words[i] > _MAX_WORDS and not ids[i] and _embedded(doc.text_of(i)):
                embedded = family.match(doc.key_of(i), words[i])
                if embedded is not None:
                    found[i] = embedded
        for i in sorted(controlled | found.keys()):
            if i in controlled:
                # Binary data among the lines (in a str, or in a few lines of a text): never an
                # article's part, whatever an earlier stage said.
                doc.label(i, "chrome", "control-characters", "mostly control characters")
            elif not ids[i]:
                doc.label(i, "chrome", found[i], found[i].replace("-", " "))
