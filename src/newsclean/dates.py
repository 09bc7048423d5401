"""Dates on news pages: the one Gregorian date a short line states, and machine-readable ISO values.

Everything is matched on :func:`newsclean.normalize.key` text, so Arabic spelling variants
(``أبريل``/``ابريل``/``إبريل``, ``يونية``/``يونيو``), Arabic-Indic digits and Arabic commas all
work; the caller's text is never altered.  All patterns are compiled once, at import.

>>> parse_date("الأربعاء، 28 آب/اغسطس 2013، آخر تحديث 14:00 (GMT+0400)")
datetime.date(2013, 8, 28)
>>> parse_date("11 شوال 1441هـ - 03 يونيو 2020م")
datetime.date(2020, 6, 3)
>>> parse_date("Published: Tuesday 17 March 2020 10:05 GMT")
datetime.date(2020, 3, 17)
>>> parse_date("15 اب") is None
True
>>> parse_iso_datetime("2020-03-17")
datetime.date(2020, 3, 17)
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Generic, Literal, TypeVar

from newsclean.lang import Lexicon, every_pack
from newsclean.normalize import key
from newsclean.rules import trie_pattern

__all__ = ["MAX_YEAR", "MIN_YEAR", "MONTHS", "Found", "RelativeTime", "date_hint", "date_literals",
           "find_date", "find_month_day", "find_relative", "mentions_month", "nearest_date", "parse_date",
           "parse_iso_datetime", "parse_month_day", "trie_pattern"]

T = TypeVar("T")

#: Years outside this range are not news dates (Hijri years such as 1441 fall outside too).
MIN_YEAR = 1990
MAX_YEAR = 2100
_DECEMBER = 12

def _build_month_table(names: dict[int, tuple[str, ...]]) -> dict[str, int]:
    table: dict[str, int] = {}
    for month, spellings in names.items():
        for spelling in spellings:
            folded = key(spelling)
            if table.setdefault(folded, month) != month:  # pragma: no cover - a pack's typo
                raise ValueError(f"month name {spelling!r} given for two months")
    return table


class _Months(Mapping[str, int]):
    """key()-folded month name -> month number, over every installed language pack."""

    def __getitem__(self, name: str) -> int:
        return _tables().months[name]

    def __iter__(self) -> Iterator[str]:
        return iter(_tables().months)

    def __len__(self) -> int:
        return len(_tables().months)


#: key()-folded month name -> month number: the ``months`` of every installed language pack.
MONTHS: Mapping[str, int] = _Months()


# No digit (or digit and separator) may follow a number: "17.03.2020.5" is not a date.  The
# same test in front is done in Python, for the same reason as for month names.
_NUM_END = r"(?![0-9])(?![./\-][0-9])"
# A year: four digits, not a Hijri one ("1441هـ" folds to "1441ه-").
_YEAR = r"(?P<y>[0-9]{4})(?![0-9])(?! ?ه(?![^\W\d_]))"
_DAY = r"(?P<d>[0-9]{1,2})(?![0-9])"

_YEAR_MONTH_DAY = re.compile(
    rf"(?P<y>[0-9]{{4}}) ?(?P<sep>[./\-]) ?(?P<a>[0-9]{{1,2}}) ?(?P=sep) ?(?P<b>[0-9]{{1,2}}){_NUM_END}"
)
_NUMERIC_DAY_FIRST = re.compile(
    rf"(?P<a>[0-9]{{1,2}}) ?(?P<sep>[./\-]) ?(?P<b>[0-9]{{1,2}}) ?(?P=sep) ?{_YEAR}{_NUM_END}"
)
# Chinese, Japanese and Korean: 2020年3月17日, 2020년 3월 17일.
_CJK = re.compile(r"(?P<y>[0-9]{4}) ?[年년] ?(?P<a>[0-9]{1,2}) ?[月월] ?(?P<b>[0-9]{1,2}) ?[日일]")

# Cheap pre-checks: no run of four digits (in any script), or no plausible year, no date.
_FOUR_DIGITS = re.compile(r"\d{4}")
_YEAR_LIKE = re.compile(r"(?:19|20|21)[0-9]{2}")


def _make_date(year: int, month: int, day: int) -> datetime.date | None:
    if not MIN_YEAR <= year <= MAX_YEAR:
        return None
    try:
        return datetime.date(year, month, day)
    except ValueError:
        return None


def _starts_in_number(match: re.Match[str]) -> bool:
    """True when a digit, or a digit and a separator, comes right before the match."""
    text, start = match.string, match.start()
    return start > 0 and (text[start - 1].isdigit()
                          or (start > 1 and text[start - 1] in "./-" and text[start - 2].isdigit()))


def _named_month(match: re.Match[str]) -> int | None:
    months = _tables().months
    month = months[match["m1"]]
    second = match["m2"]
    if second is not None and months[second] != month:
        return None  # "آب/أيلول": two different months, no single date
    return month


def _from_day_month_year(match: re.Match[str]) -> datetime.date | None:
    month = _named_month(match)
    if month is None or _starts_in_number(match):
        return None
    return _make_date(int(match["y"]), month, int(match["d"]))


def _from_month_day_year(match: re.Match[str]) -> datetime.date | None:
    start = match.start()
    if start > 0 and match.string[start - 1].isalpha():
        return None  # the "month" ends another word
    month = _named_month(match)
    if month is None:
        return None
    return _make_date(int(match["y"]), month, int(match["d"]))


def _from_year_first(match: re.Match[str]) -> datetime.date | None:
    if _starts_in_number(match):
        return None
    return _make_date(int(match["y"]), int(match["a"]), int(match["b"]))


def _from_day_first(match: re.Match[str]) -> datetime.date | None:
    if _starts_in_number(match):
        return None
    first, second = int(match["a"]), int(match["b"])
    if second > _DECEMBER >= first:  # 03/17/2020 can only be month-first
        first, second = second, first
    return _make_date(int(match["y"]), second, first)


_Reader = Callable[[re.Match[str]], datetime.date | None]
_CJK_PATTERNS: tuple[tuple[re.Pattern[str], _Reader], ...] = ((_CJK, _from_year_first),)


def _first_valid(matches: Iterable[re.Match[str]], read: _Reader) -> tuple[int, int, datetime.date] | None:
    for match in matches:
        found = read(match)
        if found is not None:
            return match.start(), match.end(), found
    return None


def parse_date(text: str, *, max_len: int = 200) -> datetime.date | None:
    """Return the Gregorian date a short line (a page's date line) states, or None.

    Handles Arabic month names of every region (Egypt/Gulf, Levant/Iraq, Maghreb, Morocco),
    dual names (``28 آب/اغسطس 2013``), English, French, Spanish, Portuguese, Italian and German
    month names, numeric dates (ISO ``2020-03-17``, ``17/03/2020``, ``17.03.2020``,
    ``2020/03/17``; day-first unless only month-first is possible) and ``2020年3月17日``.
    Hijri dates are skipped, never converted; a month and day without a year, an impossible
    date, a year outside 1990..2100 or a line longer than ``max_len`` characters give None.
    When a line states several dates, the first one wins.

    >>> parse_date("التاريخ: ١٧ مارس ٢٠٢٠")
    datetime.date(2020, 3, 17)
    >>> parse_date("Mar. 17, 2020")
    datetime.date(2020, 3, 17)
    >>> parse_date("31/02/2020") is None
    True
    """
    if len(text) > max_len or _FOUR_DIGITS.search(text) is None:
        return None
    found = find_date(key(text))
    return None if found is None else found.value


@dataclass(frozen=True, slots=True)
class Found(Generic[T]):
    """What a line states and where: ``folded[start:end]`` of the matching key it was read in."""

    value: T
    start: int
    end: int


def find_date(folded: str) -> Found[datetime.date] | None:
    """The first Gregorian date a matching key (:func:`newsclean.normalize.key`) states, and its
    span in that key: the same reading as :func:`parse_date`, for callers that need what stands
    around the date (a comment header's author before it, a time after it).

    >>> found = find_date(key("Anna Berg 3. März 2024 um 9:15"))
    >>> found.value, key("Anna Berg 3. März 2024 um 9:15")[:found.start]
    (datetime.date(2024, 3, 3), 'anna berg ')
    """
    if _YEAR_LIKE.search(folded) is None:
        return None
    patterns = _tables().patterns
    if "年" in folded or "년" in folded:
        patterns = patterns + _CJK_PATTERNS
    best: tuple[int, int, datetime.date] | None = None
    for pattern, read in patterns:
        found = _first_valid(pattern.finditer(folded), read)
        if found is not None and (best is None or found[0] < best[0]):
            best = found
    return None if best is None else Found(best[2], best[0], best[1])




def mentions_month(folded: str) -> bool:
    """True when a matching key holds a month name, perhaps glued to other letters ("chanmay").

    >>> mentions_month("nancy chanmay 31, 2019"), mentions_month("page 2 of 31")
    (True, False)
    """
    return _tables().month_stem.search(folded) is not None


_LEAP_YEAR = 2000


def _month_day(month: int | None, day: int) -> tuple[int, int] | None:
    if month is None:
        return None
    try:
        datetime.date(_LEAP_YEAR, month, day)
    except ValueError:
        return None
    return month, day


def find_month_day(folded: str) -> Found[tuple[int, int]] | None:
    """The first ``(month, day)`` a matching key states without a year, and its span.

    >>> find_month_day("janbeek jun 20th at 2:41 am")
    Found(value=(6, 20), start=8, end=16)
    >>> find_month_day("20. juni").value, find_month_day("june 2020") is None
    ((6, 20), True)
    """
    best: Found[tuple[int, int]] | None = None
    tables = _tables()
    for match in tables.month_day.finditer(folded):
        start = match.start()
        if start > 0 and folded[start - 1].isalpha():
            continue  # the "month" ends another word
        found = _month_day(_named_month(match), int(match["d"]))
        if found is not None:
            best = Found(found, start, match.end())
            break
    for match in tables.day_month.finditer(folded):
        if best is not None and match.start() >= best.start:
            break
        found = None if _starts_in_number(match) else _month_day(_named_month(match), int(match["d"]))
        if found is not None:
            best = Found(found, match.start(), match.end())
            break
    return best


Unit = Literal["second", "minute", "hour", "day", "week", "month", "year"]
_SECONDS: dict[str, int] = {"second": 1, "minute": 60, "hour": 3600, "day": 86400, "week": 7 * 86400}


@dataclass(frozen=True, slots=True)
class RelativeTime:
    """A time counted back from when a page was shown: "3 hours ago", "vor 3 Tagen", "منذ ساعتين"."""

    amount: int
    unit: Unit

    def before(self, reference: datetime.date | datetime.datetime) -> datetime.date | datetime.datetime:
        """The moment ``amount`` ``unit`` before ``reference``, a date or a datetime.

        Months and years are counted on the calendar (the day is kept, or the month's last day
        when it has fewer). Against a bare date, less than a day back is that date.

        >>> RelativeTime(3, "hour").before(datetime.datetime(2024, 3, 9, 10, 0))
        datetime.datetime(2024, 3, 9, 7, 0)
        >>> RelativeTime(2, "day").before(datetime.date(2024, 3, 1))
        datetime.date(2024, 2, 28)
        >>> RelativeTime(1, "month").before(datetime.date(2024, 3, 31))
        datetime.date(2024, 2, 29)
        """
        if self.unit in ("month", "year"):
            months = self.amount * (12 if self.unit == "year" else 1)
            total = reference.year * 12 + reference.month - 1 - months
            year, month = divmod(total, 12)
            month += 1
            last = (datetime.date(year + month // 12, month % 12 + 1, 1) - datetime.timedelta(days=1)).day
            return reference.replace(year=year, month=month, day=min(reference.day, last))
        delta = datetime.timedelta(seconds=self.amount * _SECONDS[self.unit])
        if isinstance(reference, datetime.datetime):
            return reference - delta
        return reference - datetime.timedelta(days=delta.days)


_N = r"\d{1,3}|[^\W\d_]{1,6}"
_U = r"[^\W\d_]{1,10}"


def _alternation(words: Iterable[str]) -> str:
    found = "|".join(words)
    return found if found else "(?!)"


class _Tables:
    """What dates are read with, from every installed language pack: month names, unit words,
    the words around a relative time. Built once per set of packs (:func:`_tables`)."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.months = _build_month_table(lexicon.merged("months"))
        # A month name ends a word ("mark" is not "mar"); that none starts inside a word is
        # checked in Python (a lookbehind in front of the trie would cost a test at every position).
        month = rf"(?:{trie_pattern(self.months)})(?![^\W\d_])"
        # One month, or two names of the same month: "اب/اغسطس", "(اب) اغسطس", "يناير/كانون الثاني".
        group = rf"(?P<m1>{month})\)?(?:(?: ?[/|\-] ?| )\(?(?P<m2>{month})\)?)?"
        # "17 March 2020", "17th of March, 2020", "17 de marzo de 2020".
        day_month_year = re.compile(
            rf"{_DAY}(?:st|nd|rd|th|er|o|\.)?[ \-/]?(?:of |de )?\(?{group}"
            rf"[ ,.\-/]{{0,3}}(?:de |del )?{_YEAR}")
        month_day_year = re.compile(rf"{group}[ ,.\-]{{0,3}}{_DAY}(?:st|nd|rd|th)?[ ,.\-]{{0,3}}{_YEAR}")
        self.patterns: tuple[tuple[re.Pattern[str], _Reader], ...] = (
            (day_month_year, _from_day_month_year),
            (month_day_year, _from_month_day_year),
            (_YEAR_MONTH_DAY, _from_year_first),
            (_NUMERIC_DAY_FIRST, _from_day_first),
        )
        # Any month name, even inside a word: a cheap test before the patterns that read one.
        self.month_stem = re.compile(trie_pattern(self.months))
        # A day and month without a year ("Jun 20th at 2:41 am", "20. Juni"): comment headers
        # often leave the year out.
        self.month_day = re.compile(rf"{group}\.?,? ?{_DAY}(?:st|nd|rd|th)?")
        self.day_month = re.compile(rf"{_DAY}(?:st|nd|rd|th|er|o|\.)?[ \-/]?(?:of |de )?\(?{group}")
        # Unit words as matching keys (Arabic folded: ة→ه, أ→ا), each with its unit and, for an
        # Arabic dual ("ساعتين": two hours), the amount it carries by itself.
        self.unit_of: dict[str, Unit] = {key(w): u for u, words in lexicon.merged("time_units").items()
                                         for w in words}
        duals = lexicon.merged("dual_units")
        self.unit_of.update((key(w), u) for w, u in duals.items())
        self.dual_keys = frozenset(key(w) for w in duals)
        # Unit words that decline with the number ("2 часа", "5 часов"), matched by their stems.
        self.unit_stems: tuple[tuple[str, Unit], ...] = lexicon.words("unit_stems")  # type: ignore[assignment]
        # "a", "ein", "une", "bir": one of the unit.
        self.one = lexicon.keys("one_words")
        self.relative = re.compile(
            # "2 hours ago", "3 giorni fa", "2 часа назад", "3 gün önce"
            rf"(?<![^\W\d_])(?:(?P<n>{_N}) (?P<u>{_U}) (?:{_alternation(lexicon.words('ago_after'))})"
            # "vor 3 Tagen", "il y a 2 jours", "hace 5 minutos"
            rf"|(?:{_alternation(lexicon.words('ago_before'))}) (?P<n2>{_N}) (?P<u2>{_U})"
            # "منذ ساعتين", "قبل 5 دقائق": the count may be left out
            rf"|(?:{_alternation(lexicon.words('ago_before_bare'))}) "
            rf"(?:(?P<n3>\d{{1,3}}) )?(?P<u3>[^\W\d_]{{1,10}})"
            # "minute ago", "минуту назад"
            rf"|(?P<u4>{_U}) (?:{_alternation(lexicon.words('ago_after_bare'))}))(?![^\W\d_])"
        )
        self.day_words: dict[str, int] = {key(w): n for w, n in lexicon.merged("day_words").items()}
        longest_first = sorted(map(re.escape, self.day_words), key=len, reverse=True)
        self.day_word = re.compile(r"(?<![^\W\d_])(?:" + _alternation(longest_first) + r")(?![^\W\d_])")
        # Words one of which every relative time holds: most lines hold none, and one search for
        # them costs less than the pattern.
        hints = (*lexicon.words("ago_hints"), *self.day_words)
        self.relative_hint = re.compile(trie_pattern(hints) or "(?!)")
        years = tuple(f"{century}{year:02d}" for century in (19, 20, 21) for year in range(100))
        self.literals = (*years, *self.months, *hints)
        self.hint = re.compile("|".join((_YEAR_LIKE.pattern, self.month_stem.pattern,
                                         self.relative_hint.pattern)))


_built: tuple[Lexicon, _Tables] | None = None


def _tables() -> _Tables:
    """The tables of every installed pack, built once per set of packs."""
    global _built
    lexicon, found = every_pack(), _built
    if found is None or found[0] is not lexicon:
        found = _built = (lexicon, lexicon.compiled("dates", lambda: _Tables(lexicon)))
    return found[1]


def date_literals() -> tuple[str, ...]:
    """Literals one of which every line a date is read in holds (as its matching key): a year
    (1900-2199), a month's name, a relative time's words, in every installed language."""
    tables = _tables()
    return tables.literals


def date_hint() -> re.Pattern[str]:
    """What every line a date is read in holds (a year, a month's name, the words of a relative
    time): a page's lines are searched for it at once, and only those that hold it read."""
    tables = _tables()
    return tables.hint


def _unit(word: str) -> tuple[Unit, int | None] | None:
    """The unit a word names, and the amount an Arabic dual carries by itself."""
    tables = _tables()
    unit = tables.unit_of.get(word)
    if unit is not None:
        dual = word in tables.dual_keys
        return unit, 2 if dual else None
    for stem, declined in tables.unit_stems:
        if word.startswith(stem):
            return declined, None
    return None


def find_relative(folded: str) -> Found[RelativeTime] | None:
    """The first relative time a matching key states ("2 hours ago", "vor 3 Tagen", "il y a un
    jour", "hace 5 minutos", "2 часа назад", "3 gün önce", "منذ ساعتين", "yesterday"), and its span.

    >>> find_relative("vor 3 tagen").value
    RelativeTime(amount=3, unit='day')
    >>> find_relative(key("منذ ساعتين")).value
    RelativeTime(amount=2, unit='hour')
    >>> find_relative("the ages ago") is None, find_relative("gestern um 10:12").value
    (True, RelativeTime(amount=1, unit='day'))
    """
    tables = _tables()
    if tables.relative_hint.search(folded) is None:
        return None
    for match in tables.relative.finditer(folded):
        word = match["u"] or match["u2"] or match["u3"] or match["u4"]
        unit = _unit(word)
        if unit is None:
            continue
        count = match["n"] or match["n2"] or match["n3"]
        if count is None:
            amount = unit[1] or 1
        elif count.isdigit():
            amount = int(count)
        elif count in tables.one:
            amount = 1
        else:
            continue
        return Found(RelativeTime(amount, unit[0]), match.start(), match.end())
    day = tables.day_word.search(folded)
    if day is not None:
        return Found(RelativeTime(tables.day_words[day.group()], "day"), day.start(), day.end())
    return None


_HALF_YEAR = 183


def parse_month_day(text: str, *, max_len: int = 80) -> tuple[int, int] | None:
    """``(month, day)`` of the first day-and-month ``text`` states, with or without a year
    (:func:`find_month_day` on the text's matching key).

    For datelines, which give the day and leave the year out; any month name
    :func:`parse_date` reads is read here. A line longer than ``max_len`` characters, a month
    without a day or an impossible day (``31 نوفمبر``) give None.

    >>> parse_month_day("القاهرة - ١٢ مايو (أ ف ب):"), parse_month_day("WASHINGTON, Nov. 23 (AP) —")
    ((5, 12), (11, 23))
    >>> parse_month_day("PARIS, 3 juin 2021 (AFP) -"), parse_month_day("31 نوفمبر") is None
    ((6, 3), True)
    """
    if len(text) > max_len or not any(c.isdigit() for c in text):
        return None
    found = find_month_day(key(text))
    return None if found is None else found.value


def nearest_date(month: int, day: int, near: datetime.date) -> datetime.date | None:
    """The date of that month and day nearest to ``near``: a dateline's day, read with the
    publication date, lies within half a year of it (``29 Dec`` published on 2 January is the
    year before). None for a day no year near it has (29 February).

    >>> nearest_date(12, 29, datetime.date(2021, 1, 2)), nearest_date(5, 12, datetime.date(2020, 5, 13))
    (datetime.date(2020, 12, 29), datetime.date(2020, 5, 12))
    """
    if isinstance(near, datetime.datetime):
        near = near.date()
    found = [d for year in (near.year - 1, near.year, near.year + 1)
             if (d := _make_date(year, month, day)) is not None and abs((d - near).days) <= _HALF_YEAR]
    return min(found, key=lambda d: abs((d - near).days)) if found else None


_ISO = re.compile(
    r"(?P<y>[0-9]{4})-(?P<mo>[0-9]{2})-(?P<d>[0-9]{2})"
    r"(?:[Tt ](?P<h>[0-9]{2}):(?P<mi>[0-9]{2})(?::(?P<s>[0-9]{2})(?:[.,](?P<f>[0-9]{1,9}))?)?"
    r" ?(?:(?P<z>[Zz])|(?P<sign>[+\-])(?P<oh>[0-9]{2})(?::?(?P<om>[0-9]{2}))?)?)?"
)
_ISO_MAX_LEN = 64


def parse_iso_datetime(text: str) -> datetime.date | datetime.datetime | None:
    """Parse a machine-readable ISO 8601 value (``<time datetime>``, meta tags).

    Returns a ``datetime`` when a time is given (tz-aware when ``Z`` or an offset is given),
    a ``date`` when only a date is, and None for anything else; never raises.

    >>> parse_iso_datetime("2020-03-17T10:05:00+02:00")
    datetime.datetime(2020, 3, 17, 10, 5, tzinfo=datetime.timezone(datetime.timedelta(seconds=7200)))
    >>> parse_iso_datetime("2020-03-17T10:05:00")
    datetime.datetime(2020, 3, 17, 10, 5)
    >>> parse_iso_datetime("yesterday") is None
    True
    """
    value = text.strip()
    if len(value) > _ISO_MAX_LEN:
        return None
    if not value.isascii():
        value = key(value)
    match = _ISO.fullmatch(value)
    if match is None:
        return None
    try:
        day = datetime.date(int(match["y"]), int(match["mo"]), int(match["d"]))
        if match["h"] is None:
            return day
        tz: datetime.tzinfo | None = None
        if match["z"] is not None:
            tz = datetime.timezone.utc
        elif match["sign"] is not None:
            offset = datetime.timedelta(hours=int(match["oh"]), minutes=int(match["om"] or 0))
            tz = datetime.timezone(-offset if match["sign"] == "-" else offset)
        fraction = match["f"] or ""
        return datetime.datetime(
            day.year, day.month, day.day,
            int(match["h"]), int(match["mi"]), int(match["s"] or 0),
            int(fraction[:6].ljust(6, "0")),
            tzinfo=tz,
        )
    except ValueError:
        return None
