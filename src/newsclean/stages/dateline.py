"""The dateline: the place (and agency) that opens the story, e.g. ``القاهرة - (أ ف ب):``,
``غزة ـ «القدس العربي»:``, ``دمشق، سوريا (CNN) --``, ``LONDON (Reuters) -``.

It stays in the body text; the stage only reads it. An attribution inside a sentence
(``قال مصدر لـ«الشرق الأوسط»:``) is not a dateline.

>>> find_dateline("القاهرة - (أ ف ب): قال الرئيس إن المحادثات ستستأنف.")
('القاهرة - (أ ف ب):', 'القاهرة', 'أ ف ب')
>>> find_dateline("LONDON (Reuters) - Shares fell on Monday.")
('LONDON (Reuters) -', 'LONDON', 'Reuters')
>>> find_dateline("القاهرة - 12 مايو (أ ف ب): قال الرئيس إن المحادثات ستستأنف.")
('القاهرة - 12 مايو (أ ف ب):', 'القاهرة', 'أ ف ب')
>>> find_dateline("الرياض - واس: أعلنت وزارة الصحة تسجيل إصابات جديدة.")
('الرياض - واس:', 'الرياض', 'واس')
>>> find_dateline("قال مصدر لـ«الشرق الأوسط»: إن الاتفاق قريب.") is None
True
"""

from __future__ import annotations

import re
from datetime import date
from itertools import islice

from newsclean.dates import MONTHS, nearest_date, parse_date, parse_month_day
from newsclean.document import DatelineRecord, Document
from newsclean.lang import Lexicon, every_pack
from newsclean.normalize import key
from newsclean.registry import stage


def _dateline_words(lexicon: Lexicon) -> tuple[frozenset[str], frozenset[str]]:
    """News agencies and the words that make a dateline's prefix a clause or a label, as
    matching keys (the language packs' ``agencies`` and ``not_place``)."""
    return lexicon.compiled("dateline", lambda: (lexicon.keys("agencies"), lexicon.keys("not_place")))


# Place (Arabic letters, at most four short words), optional date, optional agency, then the
# separator. Every repeat is bounded, so no input can make the match backtrack for long.
_AR_WORD = r"[\u0621-\u064a\u0671-\u06d3\u0640\u064b-\u0652]{2,20}"
_AR_DIGIT = r"[0-9\u0660-\u0669\u06f0-\u06f9]"
# "12 مايو", "٥ كانون الثاني (يناير) 2021", "في 3 آب/أغسطس": a day and a month of one or two
# words, the month's other name after a slash or in brackets (``alt``), and a year.
_AR_MONTH = rf"{_AR_WORD}(?: {_AR_WORD})?"
_AR_YEAR = rf"(?: ?{_AR_DIGIT}{{4}})?"
_AR_DATE_ALT = (rf"{_AR_DIGIT}{{1,2}} ?{_AR_MONTH}"
                rf" ?(?:/ ?(?P<alt>{_AR_MONTH})|\( ?(?P<alt2>{_AR_MONTH}) ?\)){_AR_YEAR}")
_AR_DATE = rf"{_AR_DIGIT}{{1,2}} ?{_AR_MONTH}{_AR_YEAR}"


def _arabic(date: str | None) -> re.Pattern[str]:
    dated = rf"(?:في )?(?P<date>{date})\s*(?:[-–—ـ]{{1,3}}\s*)?" if date else ""
    return re.compile(
        rf"^(?P<place>{_AR_WORD}(?:[ ]?[،,]?[ ]{_AR_WORD}){{0,3}}?)"
        r"\s*(?:[-–—ـ]{1,3}\s*)?"
        + dated
        + r"(?:[(«\"](?P<agency>[^()«»\"]{1,30})[)»\"])?"
        r"\s*(?P<sep>:|[-–—ـ]{1,3}\s*:?|\(?[-–—]{2}\)?)\s*"
    )


# Tried in turn: a date with the month's other name, a date, none. A bracket after a month may
# hold its other name ("(يناير)") or the agency ("(رويترز)"); the first pattern takes it for a
# month's name and is kept only when it is one.
_ARABIC_FORMS = (_arabic(_AR_DATE_ALT), _arabic(_AR_DATE), _arabic(None))
# "LONDON (Reuters) -", "WASHINGTON, Nov 23 (AP) —", "PARIS, France —": a place in capitals.
_LATIN = re.compile(
    r"^(?P<place>[A-Z][A-Z.'’ -]{1,30}?(?:,\s*[A-Z][A-Za-z.' ]{1,25}?)?)"
    r"(?:,\s*(?P<date>[A-Z][a-z]{2,8}\.? \d{1,2}(?:,? \d{4})?|\d{1,2} [A-Z][a-z]{2,8}\.?(?: \d{4})?))?\s*"
    r"(?:\((?P<agency>[^()]{1,30})\))?\s*(?P<sep>[-–—]{1,2}|:)\s+"
)
_BARE_AGENCY = re.compile(
    r"(?P<agency>[^\s:()«»\"\-–—ـ]{1,12}(?: [^\s:()«»\"\-–—ـ]{1,12}){0,2})\s*[:\-–—ـ]{1,2}"
)
def _match(head: str) -> re.Match[str] | None:
    """The dateline pattern's match at the start of ``head``, with a date only where the date
    is a day and a month (else "القاهرة - 3 قتلى:" would pass "3 قتلى" for one)."""
    latin = _LATIN.match(head)
    if latin is not None:
        return latin
    for pattern in _ARABIC_FORMS:
        m = pattern.match(head)
        if m is None:
            continue
        found = m.groupdict()
        if found.get("date") is None:
            return m
        alt = found.get("alt") or found.get("alt2")
        if parse_month_day(found["date"]) is not None and (alt is None or key(alt) in MONTHS):
            return m
    return None


def find_dateline(text: str, *, lexicon: Lexicon | None = None) -> tuple[str, str, str | None] | None:
    """``(dateline as written, place, agency)`` when ``text`` opens with one, else None. The
    agencies and the words that are no place are ``lexicon``'s (every pack's when None); a name
    in brackets or quotes is taken as an agency too."""
    agencies, not_place = _dateline_words(lexicon if lexicon is not None else every_pack())
    head = text[:120]
    m = _match(head)
    if m is None:
        return None
    place = m.group("place").strip(" ،,")
    agency = (m.group("agency") or "").strip() or None
    words = key(place).replace(",", " ").split()
    if not words or any(w in not_place for w in words) or "لـ" in place:
        return None  # a clause ("قال مصدر لـ...") or a label ("التاريخ:"), not a place
    if len(head) - m.end() < 10:
        return None  # nothing follows: a heading, not the opening of a story
    if m.re is not _LATIN and agency is None and len(words) > 2:
        return None  # three words and no agency: a speaker or a title more likely than a place
    quoted = agency is not None and head[m.start("agency") - 1] in "«\""
    if agency is not None and not quoted and key(agency) not in agencies:
        return None  # brackets that hold something other than an agency
    end = m.end()
    if agency is None and m.group("sep").strip() != ":":
        # "الرياض - واس:" — an agency named without brackets after the place's dash.
        bare = _BARE_AGENCY.match(head, end)
        if bare is not None and key(bare.group("agency")) in agencies:
            agency, end = bare.group("agency"), bare.end()
    return head[:end].rstrip(), place, agency


def dateline_date(written: str, published: date | None) -> date | None:
    """The day a dateline states: a whole date as written, or a day and a month (datelines
    leave the year out) in the year that puts it nearest the publication date; None when the
    dateline states no day, or only a day and a month with no publication date to place it.

    >>> dateline_date("القاهرة - 12 مايو (أ ف ب):", date(2020, 5, 13))
    datetime.date(2020, 5, 12)
    >>> dateline_date("PARIS, 3 juin 2021 (AFP) -", None), dateline_date("لندن:", date(2020, 5, 13))
    (datetime.date(2021, 6, 3), None)
    """
    whole = parse_date(written)
    if whole is not None or published is None:
        return whole
    day = parse_month_day(written)
    return nearest_date(*day, published) if day is not None else None


@stage("dateline")
class DatelineStage:
    """Read the dateline from the first body paragraphs, with the day it states (the
    ``published`` stage runs first, so a day without a year finds its year)."""

    def __init__(self, *, paragraphs: int = 3) -> None:
        self.paragraphs = paragraphs

    def __call__(self, doc: Document) -> None:
        lexicon = doc.lexicon
        body = doc.kinds_where(lambda v: v is not None and v.label == "body")
        ids, lines = doc.verdict_ids, doc.lines
        first = islice((i for i in range(doc.size) if ids[i] in body), self.paragraphs)
        for line in (lines[i] for i in first):
            found = find_dateline(line.text, lexicon=lexicon)
            if found is not None:
                doc.dateline = DatelineRecord(text=found[0], place=found[1], agency=found[2], line=line.index,
                                              date=dateline_date(found[0], doc.published))
                return
