"""The date a record's header shows, and the name that stands before it on the same line.

Headers write dates in every way a page can: "August 15, 2020 at 9:35 am", "2. April 2014 um
8:29 Uhr", "par JPA le 7 mai 2020 - 12:38.", "il y a 3 heures", "منذ ساعتين", "Jun 20th at 2:41 am"
(no year), and glued to the name by blog platforms: "Nancy ChanMay 31, 2019", "Sana6. Juni 2015".

>>> found = header_date("Chris Anamani February 23, 2017 at 12:33 pm Reply")
>>> found.author, found.stamp.absolute, found.rest
('Chris Anamani', datetime.datetime(2017, 2, 23, 12, 33), 'reply')
>>> header_date("vor 3 Tagen").stamp.resolve(date(2024, 3, 9))
datetime.date(2024, 3, 6)
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime

from newsclean.dates import Found, RelativeTime, find_date, find_month_day, find_relative, mentions_month
from newsclean.lang import Lexicon, every_pack
from newsclean.normalize import key

__all__ = ["HeaderDate", "Stamp", "header_date"]


@dataclass(frozen=True, slots=True)
class Stamp:
    """When a record says it was written, as the page shows it: a full date (with the time of
    day when one follows it), a time counted back ("2 hours ago"), or a day and month with no
    year ("Jun 20th")."""

    text: str
    absolute: date | datetime | None = None
    ago: RelativeTime | None = None
    month_day: tuple[int, int] | None = None

    def resolve(self, reference: date | datetime | None = None) -> date | datetime | None:
        """The record's date. A relative time counts back from ``reference`` and a day without
        a year takes the first such day on or after it; without a reference both are None.

        Pass the moment the page was captured when it is known. The comments stage passes the
        page's publication date, the only clock a scraped text carries: it reads "2 hours ago"
        as if the page was captured when it was published, exact for a page saved the day it
        came out and an approximation otherwise.

        >>> Stamp("vor 3 Tagen", ago=RelativeTime(3, "day")).resolve(date(2024, 3, 9))
        datetime.date(2024, 3, 6)
        >>> Stamp("Jan 2nd", month_day=(1, 2)).resolve(date(2023, 12, 30))
        datetime.date(2024, 1, 2)
        >>> Stamp("2 hours ago", ago=RelativeTime(2, "hour")).resolve() is None
        True
        """
        if self.absolute is not None:
            return self.absolute
        if reference is None:
            return None
        if self.ago is not None:
            return self.ago.before(reference)
        if self.month_day is not None:
            day = reference.date() if isinstance(reference, datetime) else reference
            for year in (day.year, day.year + 1):
                try:
                    found = date(year, *self.month_day)
                except ValueError:
                    continue  # 29 February in a common year
                if found >= day:
                    return found
        return None


@dataclass(frozen=True, slots=True)
class HeaderDate:
    """A date read off a short line, with what stands around it."""

    stamp: Stamp
    #: The name before the date, as written ("Anna" in "Anna on March 3, 2024"), if any.
    author: str | None
    #: The name came as "by NAME" (a byline more often than a commenter).
    by: bool
    #: What follows the date and its time, as a matching key ("reply", "said:").
    rest: str


_JOIN_MARKS = " ,|·•@:-–—"


class _StampWords:
    """The words around a header's date, from every installed language pack, compiled once."""

    def __init__(self, lexicon: Lexicon) -> None:
        # "at 5:23 pm", "um 10:33 Uhr", "- 12:38", ", 15:57:32", "@ 11:38" right after a date.
        clock = "|".join(lexicon.words("clock_words")) or "(?!)"
        self.time = re.compile(rf"[\s,|·•]{{0,4}}(?:(?:{clock})\s{{0,2}})?"
                               r"(?P<h>\d{1,2})[:.h](?P<m>\d{2})(?::\d{2})?\s*(?P<ap>[ap]\.?m\.?|uhr|h)?\.?(?![\d])")
        # What stands between a name and the date after it: "Anna on", "JPA le", "Ben |", "Sana, am".
        self.join_words = lexicon.keys("date_join_words")
        by = "|".join(lexicon.words("by_words")) or "(?!)"
        self.by = re.compile(rf"^(?:{by})\s+", re.IGNORECASE)
        # Words that open a date line rather than a name: what happened at that time ("answered
        # Feb 6", "Posted on"), a label ("Date:"), a weekday, a member's join date ("Joined Jun 3, 2019").
        self.not_names = lexicon.keys("not_names")

    @classmethod
    def of_every_pack(cls) -> _StampWords:
        lexicon = every_pack()
        return lexicon.compiled("threads:stamps", lambda: cls(lexicon))


# Letters glued to a date by some blog platforms: "Nancy ChanMay 31, 2019", "Sana6. Juni 2015".
_CAMEL = re.compile(r"(?<=[a-zà-ÿ])(?=[A-Z][a-zà-ÿ])")
_LETTER_DIGIT = re.compile(r"(?<=[^\W\d_])(?=\d)")
_DIGIT = re.compile(r"\d")

_AnyFound = Found[date] | Found[RelativeTime] | Found[tuple[int, int]]


def header_date(text: str, folded: str | None = None) -> HeaderDate | None:
    """The date a short line states, the name before it and what follows it, or None.

    A line whose date is glued to a name is read again with the two parted, so "Sana6. Juni
    2015" gives the author "Sana" (but "Wick422 17 September 2020" keeps "Wick422"). ``folded``
    is the line's matching key, when known.

    >>> header_date("Nancy ChanMay 31, 2019 at 4:30 PM").author
    'Nancy Chan'
    >>> header_date("answered Feb 6, 2014 at 23:35").author is None
    True
    >>> header_date("Nothing here") is None
    True
    """
    folded = folded if folded is not None else key(text)
    if _DIGIT.search(folded) is None:
        ago = find_relative(folded)  # the only date a line without a figure can state
        return _read(text, folded, ago) if ago is not None else None
    named = mentions_month(folded)
    found = find_date(folded) or find_relative(folded) or (find_month_day(folded) if named else None)
    if found is not None:
        return _read(text, folded, found)
    if not named:
        return None
    variant = text
    for glue in (_CAMEL, _LETTER_DIGIT):  # a month name glued to a name: read it parted
        split = glue.sub(" ", variant)
        if split == variant:
            continue
        variant, folded = split, key(split)
        found = find_date(folded) or find_month_day(folded)
        if found is not None:
            return _read(variant, folded, found)
    return None


def _read(text: str, folded: str, found: _AnyFound) -> HeaderDate:
    end = found.end
    value = found.value
    stamp_words = _StampWords.of_every_pack()
    clock = stamp_words.time.match(folded, end)
    if clock is not None:
        end = clock.end()
        if isinstance(value, date):
            hour, minute = int(clock["h"]), int(clock["m"])
            meridiem = (clock["ap"] or "").replace(".", "")
            if meridiem == "pm" and hour < 12:
                hour += 12
            elif meridiem == "am" and hour == 12:
                hour = 0
            if hour < 24 and minute < 60:
                value = datetime(value.year, value.month, value.day, hour, minute)
    written = _raw(text, folded, found.start, end).strip(" ,|·•-")
    if isinstance(value, RelativeTime):
        stamp = Stamp(written, ago=value)
    elif isinstance(value, tuple):
        stamp = Stamp(written, month_day=value)
    else:
        stamp = Stamp(written, absolute=value)
    head = _drop_join(folded[:found.start], stamp_words.join_words)
    words = head.split()
    by = stamp_words.by.match(head) is not None
    author = None
    # "answered Feb 6", "Joined: Wed Feb 04", "by Feb 6": a date line, not a name.
    not_names = stamp_words.not_names
    labels = all(word.strip(":.,") in not_names for word in words) or words[:1] == [] \
        or words[0].strip(":.,") in not_names or (by and len(words) == 1)
    if any(c.isalpha() for c in head) and not labels:
        author = stamp_words.by.sub("", _raw(text, folded, 0, len(head)).strip())
    return HeaderDate(stamp, author, by, folded[end:].strip(" .,|·•-–—:"))


def _drop_join(head: str, join_words: frozenset[str]) -> str:
    """``head`` without the words and marks that join a name to the date after it."""
    words = head.rstrip(_JOIN_MARKS).split()
    while words and (words[-1] in join_words or not words[-1].strip(_JOIN_MARKS)):
        words.pop()
        if words:
            words[-1] = words[-1].rstrip(_JOIN_MARKS)
    return " ".join(words)


def _raw(text: str, folded: str, start: int, end: int) -> str:
    """The part of ``text`` that ``folded[start:end]`` (a span of its matching key) came from.

    Matching keys keep a line's length where they only fold case and white space; where they
    drop marks (Arabic tashkeel), the span is counted in words instead.
    """
    collapsed = " ".join(text.split())
    if len(collapsed) == len(folded):
        return collapsed[start:end]
    words = collapsed.split()
    first = len(folded[:start].split())
    return " ".join(words[first:first + len(folded[start:end].split())])
