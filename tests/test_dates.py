"""Tests for newsclean.dates: date lines in every Arabic region's month names, other languages,
numeric forms, what must give None, and machine-readable ISO values."""

from __future__ import annotations

import datetime

import pytest

from newsclean.dates import MONTHS, nearest_date, parse_date, parse_iso_datetime, parse_month_day
from newsclean.normalize import key

D = datetime.date

ARABIC_MONTHS = [
    # Egypt / Gulf
    pytest.param("5 يناير 2021", D(2021, 1, 5), id="eg-yanayir"),
    pytest.param("5 فبراير 2021", D(2021, 2, 5), id="eg-fabrayir"),
    pytest.param("5 مارس 2021", D(2021, 3, 5), id="eg-maris"),
    pytest.param("5 أبريل 2021", D(2021, 4, 5), id="eg-abril-hamza-above"),
    pytest.param("5 ابريل 2021", D(2021, 4, 5), id="eg-abril-bare-alef"),
    pytest.param("5 إبريل 2021", D(2021, 4, 5), id="eg-ibril-hamza-below"),
    pytest.param("5 مايو 2021", D(2021, 5, 5), id="eg-mayu"),
    pytest.param("5 يونيو 2021", D(2021, 6, 5), id="eg-yunyu"),
    pytest.param("5 يونية 2021", D(2021, 6, 5), id="eg-yunya-teh-marbuta"),
    pytest.param("5 يوليو 2021", D(2021, 7, 5), id="eg-yulyu"),
    pytest.param("5 يولية 2021", D(2021, 7, 5), id="eg-yulya-teh-marbuta"),
    pytest.param("5 أغسطس 2021", D(2021, 8, 5), id="eg-aghustus"),
    pytest.param("5 اغسطس 2021", D(2021, 8, 5), id="eg-aghustus-bare-alef"),
    pytest.param("5 سبتمبر 2021", D(2021, 9, 5), id="eg-sibtambar"),
    pytest.param("5 أكتوبر 2021", D(2021, 10, 5), id="eg-uktubar"),
    pytest.param("5 نوفمبر 2021", D(2021, 11, 5), id="eg-nufambar"),
    pytest.param("5 ديسمبر 2021", D(2021, 12, 5), id="eg-disambar"),
    # Levant / Iraq
    pytest.param("5 كانون الثاني 2021", D(2021, 1, 5), id="lev-kanun-thani"),
    pytest.param("5 شباط 2021", D(2021, 2, 5), id="lev-shubat"),
    pytest.param("5 آذار 2021", D(2021, 3, 5), id="lev-adhar"),
    pytest.param("5 نيسان 2021", D(2021, 4, 5), id="lev-nisan"),
    pytest.param("5 أيار 2021", D(2021, 5, 5), id="lev-ayyar"),
    pytest.param("5 حزيران 2021", D(2021, 6, 5), id="lev-haziran"),
    pytest.param("5 تموز 2021", D(2021, 7, 5), id="lev-tammuz"),
    pytest.param("5 آب 2021", D(2021, 8, 5), id="lev-ab"),
    pytest.param("5 أيلول 2021", D(2021, 9, 5), id="lev-aylul"),
    pytest.param("5 تشرين الأول 2021", D(2021, 10, 5), id="lev-tishrin-awwal"),
    pytest.param("5 تشرين الثاني 2021", D(2021, 11, 5), id="lev-tishrin-thani"),
    pytest.param("5 كانون الأول 2021", D(2021, 12, 5), id="lev-kanun-awwal"),
    pytest.param("5 تشرين اول 2021", D(2021, 10, 5), id="lev-tishrin-awwal-no-article"),
    # Maghreb (Algeria / Tunisia)
    pytest.param("5 جانفي 2021", D(2021, 1, 5), id="dz-janfi"),
    pytest.param("5 فيفري 2021", D(2021, 2, 5), id="dz-fifri"),
    pytest.param("5 أفريل 2021", D(2021, 4, 5), id="dz-afril"),
    pytest.param("5 ماي 2021", D(2021, 5, 5), id="dz-may"),
    pytest.param("5 جوان 2021", D(2021, 6, 5), id="dz-juan"),
    pytest.param("5 جويلية 2021", D(2021, 7, 5), id="dz-juilliya"),
    pytest.param("5 أوت 2021", D(2021, 8, 5), id="dz-ut"),
    # Morocco
    pytest.param("5 يوليوز 2021", D(2021, 7, 5), id="ma-yulyuz"),
    pytest.param("5 غشت 2021", D(2021, 8, 5), id="ma-ghusht"),
    pytest.param("5 شتنبر 2021", D(2021, 9, 5), id="ma-shutanbar"),
    pytest.param("5 نونبر 2021", D(2021, 11, 5), id="ma-nunbar"),
    pytest.param("5 دجنبر 2021", D(2021, 12, 5), id="ma-dujanbar"),
]

DUAL_MONTHS = [
    pytest.param("28 آب/اغسطس 2013", D(2013, 8, 28), id="dual-slash"),
    pytest.param("28 آب / اغسطس 2013", D(2013, 8, 28), id="dual-slash-spaced"),
    pytest.param("5 يناير/كانون الثاني 2020", D(2020, 1, 5), id="dual-two-word-second"),
    pytest.param("5 كانون الثاني/يناير 2020", D(2020, 1, 5), id="dual-two-word-first"),
    pytest.param("28 (آب) أغسطس 2013", D(2013, 8, 28), id="dual-paren-first"),
    pytest.param("28 أغسطس (آب) 2013", D(2013, 8, 28), id="dual-paren-second"),
    pytest.param("28 آب - أغسطس 2013", D(2013, 8, 28), id="dual-dash"),
]

DAY_FIRST_LINES = [
    pytest.param("03 يونيو 2020", D(2020, 6, 3), id="day-month-year"),
    pytest.param("الأربعاء، 28 آب/اغسطس 2013، آخر تحديث 14:00 (GMT+0400)", D(2013, 8, 28),
                 id="weekday-dual-update-time"),
    pytest.param("التاريخ: 03 يونيو 2020", D(2020, 6, 3), id="label-altarikh"),
    pytest.param("نُشر في: 8 فيفري 2019", D(2019, 2, 8), id="label-nushira-fi-tashkeel"),
    pytest.param("03 يونيو 2020م", D(2020, 6, 3), id="trailing-meem"),
    pytest.param("03 يونيو 2020 م", D(2020, 6, 3), id="spaced-meem"),
    pytest.param("١٧ مارس ٢٠٢٠", D(2020, 3, 17), id="arabic-indic-digits"),
    pytest.param("۱۷ مارس ۲۰۲۰", D(2020, 3, 17), id="persian-digits"),
    pytest.param("الثلاثاء 17 مارس 2020", D(2020, 3, 17), id="weekday-in-front"),
    pytest.param("الخميس ١٢ تشرين الثاني ٢٠٢٠ - ١٠:٣٠", D(2020, 11, 12), id="weekday-levant-indic-time"),
    pytest.param("17 مارس، 2020", D(2020, 3, 17), id="arabic-comma-before-year"),
    pytest.param("11 شوال 1441هـ - 03 يونيو 2020م", D(2020, 6, 3), id="hijri-then-gregorian"),
    pytest.param("03 يونيو 2020م - 11 شوال 1441هـ", D(2020, 6, 3), id="gregorian-then-hijri"),
    pytest.param("1441/10/11هـ الموافق 2020/06/03م", D(2020, 6, 3), id="numeric-hijri-then-gregorian"),
    pytest.param("مارس 17، 2020", D(2020, 3, 17), id="arabic-month-first"),
]

OTHER_LANGUAGES = [
    pytest.param("March 17, 2020", D(2020, 3, 17), id="en-month-day-year"),
    pytest.param("17 March 2020", D(2020, 3, 17), id="en-day-month-year"),
    pytest.param("Mar. 17, 2020", D(2020, 3, 17), id="en-abbrev-dot"),
    pytest.param("Published: Tuesday 17 March 2020 10:05 GMT", D(2020, 3, 17), id="en-published"),
    pytest.param("Updated 17 Mar 2020", D(2020, 3, 17), id="en-updated-abbrev"),
    pytest.param("Tuesday, March 17th, 2020", D(2020, 3, 17), id="en-ordinal"),
    pytest.param("1st September 2019", D(2019, 9, 1), id="en-1st"),
    pytest.param("17-Mar-2020", D(2020, 3, 17), id="en-dashed"),
    pytest.param("SEPT 9, 2019", D(2019, 9, 9), id="en-upper-sept"),
    pytest.param("17 mars 2020", D(2020, 3, 17), id="fr"),
    pytest.param("1er février 2021", D(2021, 2, 1), id="fr-1er-accent"),
    pytest.param("mardi 17 déc. 2019", D(2019, 12, 17), id="fr-abbrev"),
    pytest.param("17 de marzo de 2020", D(2020, 3, 17), id="es"),
    pytest.param("17. März 2020", D(2020, 3, 17), id="de"),
    pytest.param("3. Okt. 2019", D(2019, 10, 3), id="de-abbrev"),
    pytest.param("17 de março de 2020", D(2020, 3, 17), id="pt"),
    pytest.param("17 marzo 2020", D(2020, 3, 17), id="it"),
    pytest.param("2020年3月17日", D(2020, 3, 17), id="zh-ja"),
]

NUMERIC = [
    pytest.param("2020-03-17", D(2020, 3, 17), id="iso-date"),
    pytest.param("2020-03-17T10:05:00+02:00", D(2020, 3, 17), id="iso-datetime"),
    pytest.param("2020-03-17 10:05", D(2020, 3, 17), id="iso-space-time"),
    pytest.param("17/03/2020", D(2020, 3, 17), id="dmy-slash"),
    pytest.param("17.03.2020", D(2020, 3, 17), id="dmy-dot"),
    pytest.param("17-03-2020", D(2020, 3, 17), id="dmy-dash"),
    pytest.param("05/03/2020", D(2020, 3, 5), id="ambiguous-is-day-first"),
    pytest.param("03/17/2020", D(2020, 3, 17), id="month-first-when-only-possible"),
    pytest.param("2020/03/17", D(2020, 3, 17), id="ymd-slash"),
    pytest.param("2020/3/7", D(2020, 3, 7), id="ymd-single-digits"),
    pytest.param("٢٠٢٠/٠٣/١٧", D(2020, 3, 17), id="ymd-arabic-indic"),
    pytest.param("17 / 03 / 2020", D(2020, 3, 17), id="dmy-spaced"),
    pytest.param("آخر تحديث: 17/03/2020 - 10:05", D(2020, 3, 17), id="dmy-arabic-label-time"),
    pytest.param("/news/2020/03/17/story-slug", D(2020, 3, 17), id="url-path"),
    pytest.param("1990-01-01", D(1990, 1, 1), id="min-year"),
    pytest.param("29/02/2020", D(2020, 2, 29), id="leap-day"),
]

NONE_CASES = [
    pytest.param("قال الوزير إن الاقتصاد نما بنسبة 3 في المئة خلال عام 2020", id="body-sentence-year-only"),
    pytest.param("In 2020 the economy shrank by 3 percent", id="en-sentence-year-only"),
    pytest.param("15 اب", id="day-month-no-year"),
    pytest.param("15 آب 13:00", id="day-month-time-no-year"),
    pytest.param("اليوم 13:00", id="today-time"),
    pytest.param("يناير/كانون الثاني 2020", id="month-year-no-day"),
    pytest.param("11 شوال 1441هـ", id="hijri-only"),
    pytest.param("11 شوال 1441 هـ", id="hijri-only-spaced"),
    pytest.param("1441/10/11 هـ", id="hijri-numeric"),
    pytest.param("31 فبراير 2020", id="31-february"),
    pytest.param("31/02/2020", id="31-february-numeric"),
    pytest.param("29 February 2019", id="29-february-non-leap"),
    pytest.param("2020-13-01", id="month-13"),
    pytest.param("17/17/2020", id="both-over-12"),
    pytest.param("00/03/2020", id="day-zero"),
    pytest.param("17 March 1989", id="year-too-early"),
    pytest.param("17 March 2101", id="year-too-late"),
    pytest.param("+966 11 234 5678", id="phone-spaces"),
    pytest.param("اتصل على 0100-123-4567", id="phone-dashes"),
    pytest.param("هاتف: 02-12-20201", id="phone-looks-like-date"),
    pytest.param("السعر 1441.50 ريال", id="price"),
    pytest.param("2020.50 USD", id="price-year-like"),
    pytest.param("1.17.03.2020", id="version-before"),
    pytest.param("17.03.2020.5", id="version-after"),
    pytest.param("mark 17, 2020", id="month-inside-word-after"),
    pytest.param("smarch 17, 2020", id="month-inside-word-before"),
    pytest.param("28 آب/أيلول 2013", id="dual-months-disagree"),
    pytest.param("17/03/20", id="two-digit-year"),
    pytest.param("", id="empty"),
    pytest.param("   ", id="spaces"),
    pytest.param("العاجل", id="no-digits"),
    pytest.param("كلمة " * 50 + "17 مارس 2020", id="long-line-over-max-len"),
]


@pytest.mark.parametrize(("line", "expected"), ARABIC_MONTHS + DUAL_MONTHS)
def test_arabic_month_names(line: str, expected: datetime.date) -> None:
    assert parse_date(line) == expected


@pytest.mark.parametrize(("line", "expected"), DAY_FIRST_LINES)
def test_arabic_date_lines(line: str, expected: datetime.date) -> None:
    assert parse_date(line) == expected


@pytest.mark.parametrize(("line", "expected"), OTHER_LANGUAGES)
def test_other_languages(line: str, expected: datetime.date) -> None:
    assert parse_date(line) == expected


@pytest.mark.parametrize(("line", "expected"), NUMERIC)
def test_numeric(line: str, expected: datetime.date) -> None:
    assert parse_date(line) == expected


@pytest.mark.parametrize("line", NONE_CASES)
def test_no_date(line: str) -> None:
    assert parse_date(line) is None


def test_returns_a_date_not_a_datetime() -> None:
    found = parse_date("2020-03-17T10:05:00+02:00")
    assert type(found) is datetime.date


def test_first_date_of_several_wins() -> None:
    assert parse_date("نشر 17 مارس 2020 - حدث 18/03/2020") == D(2020, 3, 17)
    assert parse_date("Updated 2020-03-18, first published 17 March 2020") == D(2020, 3, 18)


def test_max_len() -> None:
    line = "تحديث " * 40 + "17 مارس 2020"
    assert len(line) > 200
    assert parse_date(line) is None
    assert parse_date(line, max_len=len(line)) == D(2020, 3, 17)
    assert parse_date("17 مارس 2020", max_len=5) is None


def test_text_is_not_altered() -> None:
    line = "الأربعاء، 28 آب/اغسطس 2013"
    copy = str(line)
    parse_date(line)
    assert line == copy


def test_month_table_is_folded() -> None:
    assert all(key(name) == name for name in MONTHS)
    assert MONTHS[key("يونية")] == MONTHS[key("يونيو")] == 6
    assert MONTHS[key("آذار")] == MONTHS["march"] == 3
    assert set(MONTHS.values()) == set(range(1, 13))


@pytest.mark.parametrize(
    "line",
    [
        pytest.param("1/2/" * 25_000, id="digits-slashes"),
        pytest.param("12 مارس/اغسطس 20 " * 6_000 + "2020", id="day-dual-month-no-year"),
        pytest.param("مارس 12, 20 " * 9_000 + "2020", id="month-first-no-year"),
        pytest.param("2020/12/" * 12_500, id="year-first-repeated"),
        pytest.param("12/12/" * 16_700 + "2020", id="day-first-repeated"),
        pytest.param("١٢ كانون " * 10_000 + "٢٠٢٠", id="indic-digits-levant-prefix"),
        pytest.param("(اب) " * 20_000 + "2020", id="parens"),
        pytest.param("17 de " * 17_000 + "2020", id="spanish-de"),
        pytest.param("2020 " * 20_000, id="years-only"),
        pytest.param("ا ب 1 / " * 12_500, id="letters-digits-slashes"),
    ],
)
def test_long_hostile_input_finishes(line: str) -> None:
    assert len(line) >= 80_000
    assert parse_date(line) is None  # rejected at once by max_len
    parse_date(line, max_len=len(line))  # and the patterns themselves stay linear


def test_long_hostile_input_still_finds_the_date() -> None:
    line = "12 mar " * 15_000 + "2020"
    assert parse_date(line, max_len=len(line)) == D(2020, 3, 12)


UTC = datetime.timezone.utc


def _tz(hours: int, minutes: int = 0) -> datetime.timezone:
    return datetime.timezone(datetime.timedelta(hours=hours, minutes=minutes))


ISO_CASES = [
    pytest.param("2020-03-17", D(2020, 3, 17), id="date"),
    pytest.param(" 2020-03-17\n", D(2020, 3, 17), id="date-whitespace"),
    pytest.param("2020-03-17T10:05", datetime.datetime(2020, 3, 17, 10, 5), id="no-seconds"),
    pytest.param("2020-03-17T10:05:30", datetime.datetime(2020, 3, 17, 10, 5, 30), id="naive"),
    pytest.param("2020-03-17 10:05:30", datetime.datetime(2020, 3, 17, 10, 5, 30), id="space-separator"),
    pytest.param("2020-03-17T10:05:00Z", datetime.datetime(2020, 3, 17, 10, 5, tzinfo=UTC), id="zulu"),
    pytest.param("2020-03-17T10:05:00+02:00", datetime.datetime(2020, 3, 17, 10, 5, tzinfo=_tz(2)),
                 id="offset"),
    pytest.param("2020-03-17T10:05:00-0430", datetime.datetime(2020, 3, 17, 10, 5, tzinfo=_tz(-4, -30)),
                 id="negative-offset-no-colon"),
    pytest.param("2020-03-17T10:05:00+03", datetime.datetime(2020, 3, 17, 10, 5, tzinfo=_tz(3)),
                 id="offset-hours-only"),
    pytest.param("2020-03-17T10:05:00.123456789Z",
                 datetime.datetime(2020, 3, 17, 10, 5, 0, 123456, tzinfo=UTC), id="nanoseconds"),
    pytest.param("2020-03-17T10:05:00.5+01:00",
                 datetime.datetime(2020, 3, 17, 10, 5, 0, 500000, tzinfo=_tz(1)), id="fraction"),
    pytest.param("٢٠٢٠-٠٣-١٧", D(2020, 3, 17), id="arabic-indic"),
]

ISO_NONE = [
    pytest.param("", id="empty"),
    pytest.param("yesterday", id="word"),
    pytest.param("17/03/2020", id="not-iso"),
    pytest.param("2020-02-30", id="30-february"),
    pytest.param("0000-00-00", id="zeros"),
    pytest.param("2020-03-17T25:00", id="hour-25"),
    pytest.param("2020-03-17T10:61", id="minute-61"),
    pytest.param("2020-03-17T10:05:00+24:00", id="offset-24h"),
    pytest.param("2020-03-17T", id="dangling-t"),
    pytest.param("2020-03-17 garbage", id="trailing-garbage"),
    pytest.param("2020-3-17", id="single-digit-month"),
    pytest.param("2020-03-17" * 10_000, id="long"),
]


@pytest.mark.parametrize(("value", "expected"), ISO_CASES)
def test_parse_iso_datetime(value: str, expected: datetime.date) -> None:
    found = parse_iso_datetime(value)
    assert found == expected
    assert type(found) is type(expected)
    if isinstance(expected, datetime.datetime):
        assert isinstance(found, datetime.datetime)
        assert found.utcoffset() == expected.utcoffset()


@pytest.mark.parametrize("value", ISO_NONE)
def test_parse_iso_datetime_none(value: str) -> None:
    assert parse_iso_datetime(value) is None


@pytest.mark.parametrize(("text", "month_day"), [
    pytest.param("القاهرة - 12 مايو (أ ف ب):", (5, 12), id="ar-dateline"),
    pytest.param("بيروت - ١٥ أيار", (5, 15), id="ar-indic-digits-levant"),
    pytest.param("5 كانون الثاني (يناير)", (1, 5), id="ar-two-names"),
    pytest.param("WASHINGTON, Nov. 23 (AP) —", (11, 23), id="en-month-first"),
    pytest.param("PARIS, 3 June 2021 (AFP) -", (6, 3), id="en-day-first-with-year"),
    pytest.param("29 February", (2, 29), id="a-leap-day"),
    pytest.param("3 قتلى", None, id="a-number-and-a-word"),
    pytest.param("31 نوفمبر", None, id="an-impossible-day"),
    pytest.param("مايو", None, id="a-month-without-a-day"),
    pytest.param("MAYFIELD 12", None, id="a-month-inside-a-word"),
    pytest.param("2020 مايو", None, id="a-year-is-no-day"),
])
def test_parse_month_day(text: str, month_day: tuple[int, int] | None) -> None:
    assert parse_month_day(text) == month_day


@pytest.mark.parametrize(("month", "day", "near", "found"), [
    pytest.param(5, 12, D(2020, 5, 13), D(2020, 5, 12), id="same-year"),
    pytest.param(12, 29, D(2021, 1, 2), D(2020, 12, 29), id="the-year-before"),
    pytest.param(1, 2, D(2020, 12, 30), D(2021, 1, 2), id="the-year-after"),
    pytest.param(2, 29, D(2021, 3, 1), None, id="no-leap-year-near"),
    pytest.param(2, 29, D(2020, 3, 1), D(2020, 2, 29), id="a-leap-year-near"),
])
def test_nearest_date(month: int, day: int, near: datetime.date, found: datetime.date | None) -> None:
    assert nearest_date(month, day, near) == found


# ---- spans, relative times and days without a year (comment headers) ---------------------------

def test_find_date_gives_the_span_of_the_date_in_the_key() -> None:
    from newsclean.dates import find_date

    folded = key("Anna Berg 3. März 2024 um 9:15")
    found = find_date(folded)
    assert found is not None
    assert (found.value, folded[found.start:found.end]) == (D(2024, 3, 3), "3. märz 2024")


RELATIVE_TIMES = [
    pytest.param("2 hours ago", 2, "hour", id="en"),
    pytest.param("an hour ago", 1, "hour", id="en-an"),
    pytest.param("vor 3 Tagen", 3, "day", id="de"),
    pytest.param("vor einem Monat", 1, "month", id="de-one"),
    pytest.param("il y a 2 semaines", 2, "week", id="fr"),
    pytest.param("hace 5 minutos", 5, "minute", id="es"),
    pytest.param("há 2 dias", 2, "day", id="pt"),
    pytest.param("3 giorni fa", 3, "day", id="it"),
    pytest.param("5 minuten geleden", 5, "minute", id="nl"),
    pytest.param("2 часа назад", 2, "hour", id="ru"),
    pytest.param("3 gün önce", 3, "day", id="tr"),
    pytest.param("منذ ساعتين", 2, "hour", id="ar-dual"),
    pytest.param("منذ 3 ساعات", 3, "hour", id="ar-plural"),
    pytest.param("قبل 5 دقائق", 5, "minute", id="ar-qabl"),
    pytest.param("منذ يوم", 1, "day", id="ar-one"),
    pytest.param("أمس", 1, "day", id="ar-yesterday"),
    pytest.param("gestern um 10:12", 1, "day", id="de-yesterday"),
]


@pytest.mark.parametrize(("text", "amount", "unit"), RELATIVE_TIMES)
def test_relative_times_in_many_languages(text: str, amount: int, unit: str) -> None:
    from newsclean.dates import RelativeTime, find_relative

    found = find_relative(key(text))
    assert found is not None
    assert found.value == RelativeTime(amount, unit)  # type: ignore[arg-type]


@pytest.mark.parametrize("text", ["days of our lives", "vor allem", "hace falta", "the ages ago", "2020"])
def test_words_that_are_no_relative_time(text: str) -> None:
    from newsclean.dates import find_relative

    assert find_relative(key(text)) is None


def test_relative_times_count_back_on_the_calendar() -> None:
    from newsclean.dates import RelativeTime

    at_one = datetime.datetime(2024, 3, 9, 1, 0)
    assert RelativeTime(3, "hour").before(at_one) == datetime.datetime(2024, 3, 8, 22)
    assert RelativeTime(3, "hour").before(D(2024, 3, 9)) == D(2024, 3, 9)
    assert RelativeTime(2, "week").before(D(2024, 3, 9)) == D(2024, 2, 24)
    assert RelativeTime(1, "month").before(D(2024, 3, 31)) == D(2024, 2, 29)
    assert RelativeTime(13, "month").before(D(2024, 1, 15)) == D(2022, 12, 15)
    assert RelativeTime(1, "year").before(D(2024, 2, 29)) == D(2023, 2, 28)


MONTH_DAYS = [
    pytest.param("janbeek jun 20th at 2:41 am", (6, 20), id="en-month-day"),
    pytest.param("20. juni", (6, 20), id="de-day-month"),
    pytest.param("le 3 mars à 10h", (3, 3), id="fr"),
    pytest.param("29 feb", (2, 29), id="leap-day"),
]


@pytest.mark.parametrize(("text", "month_day"), MONTH_DAYS)
def test_a_day_and_month_without_a_year(text: str, month_day: tuple[int, int]) -> None:
    from newsclean.dates import find_month_day

    found = find_month_day(key(text))
    assert found is not None and found.value == month_day


@pytest.mark.parametrize("text", ["june 2020", "31 feb", "jan", "march on washington"])
def test_no_day_and_month(text: str) -> None:
    from newsclean.dates import find_month_day

    assert find_month_day(key(text)) is None
