"""The dateline: the place (and agency) that opens the story, e.g. ``القاهرة - (أ ف ب):``,
``غزة ـ «القدس العربي»:``, ``دمشق، سوريا (CNN) --``, ``LONDON (Reuters) -``.

It stays in the body text; the stage only reads it. An attribution inside a sentence
(``قال مصدر لـ«الشرق الأوسط»:``) is not a dateline.

>>> find_dateline("القاهرة - (أ ف ب): قال الرئيس إن المحادثات ستستأنف.")
('القاهرة - (أ ف ب):', 'القاهرة', 'أ ف ب')
>>> find_dateline("LONDON (Reuters) - Shares fell on Monday.")
('LONDON (Reuters) -', 'LONDON', 'Reuters')
>>> find_dateline("الرياض - واس: أعلنت وزارة الصحة تسجيل إصابات جديدة.")
('الرياض - واس:', 'الرياض', 'واس')
>>> find_dateline("قال مصدر لـ«الشرق الأوسط»: إن الاتفاق قريب.") is None
True
"""

from __future__ import annotations

import re

from newsclean.document import DatelineRecord, Document
from newsclean.normalize import key
from newsclean.registry import stage

#: News agencies, as matching keys; a name in brackets or quotes is taken as an agency too.
AGENCIES = frozenset(key(a) for a in (
    "أ ف ب", "أ.ف.ب", "ا ف ب", "رويترز", "واس", "وام", "كونا", "قنا", "د ب أ", "د.ب.أ", "الأناضول",
    "أ ب", "سانا", "بترا", "شينخوا", "يو بي آي", "إرنا", "فارس", "تسنيم", "سبوتنيك", "الأناضول",
    "Reuters", "AFP", "AP", "dpa", "CNN", "BBC", "Xinhua", "UPI", "Bloomberg", "EFE", "ANSA",
))
# Place (Arabic letters, at most four short words), optional agency, then the separator.
# Every repeat is bounded, so no input can make the match backtrack for long.
_AR_WORD = r"[\u0621-\u064a\u0671-\u06d3\u0640\u064b-\u0652]{2,20}"
_ARABIC = re.compile(
    rf"^(?P<place>{_AR_WORD}(?:[ ]?[،,]?[ ]{_AR_WORD}){{0,3}}?)"
    r"\s*(?:[-–—ـ]{1,3}\s*)?"
    r"(?:[(«\"](?P<agency>[^()«»\"]{1,30})[)»\"])?"
    r"\s*(?P<sep>:|[-–—ـ]{1,3}\s*:?|\(?[-–—]{2}\)?)\s*"
)
# "LONDON (Reuters) -", "WASHINGTON, Nov 23 (AP) —", "PARIS, France —": a place in capitals.
_LATIN = re.compile(
    r"^(?P<place>[A-Z][A-Z.'’ -]{1,30}?(?:,\s*[A-Z][A-Za-z.' ]{1,25}?)?)"
    r"(?:,\s*[A-Z][a-z]{2,8}\.? \d{1,2})?\s*"
    r"(?:\((?P<agency>[^()]{1,30})\))?\s*(?P<sep>[-–—]{1,2}|:)\s+"
)
_BARE_AGENCY = re.compile(
    r"(?P<agency>[^\s:()«»\"\-–—ـ]{1,12}(?: [^\s:()«»\"\-–—ـ]{1,12}){0,2})\s*[:\-–—ـ]{1,2}"
)
# Words that make the prefix a clause ("قال مصدر لـ..."), not a place.
_NOT_PLACE = frozenset(key(w) for w in (
    "قال", "قالت", "اكد", "اكدت", "ذكر", "ذكرت", "افاد", "افادت", "اعلن", "اعلنت", "اوضح", "اضاف",
    "وقال", "وقالت", "واضاف", "مصدر", "مصادر", "المصدر", "الموضوع", "التاريخ", "المصدر", "في",
    "من", "الي", "علي", "عن", "ان", "هذا", "هذه", "تعليق", "ملاحظه", "تحديث", "عاجل",
    # Labels that open English stories the way a place would.
    "update", "updated", "breaking", "breaking news", "exclusive", "analysis", "opinion", "note",
    "editor's note", "correction", "watch", "live", "video", "photos", "related", "advertisement",
))


def find_dateline(text: str) -> tuple[str, str, str | None] | None:
    """``(dateline as written, place, agency)`` when ``text`` opens with one, else None."""
    head = text[:120]
    m = _LATIN.match(head) or _ARABIC.match(head)
    if m is None:
        return None
    place = m.group("place").strip(" ،,")
    agency = (m.group("agency") or "").strip() or None
    words = key(place).replace(",", " ").split()
    if not words or any(w in _NOT_PLACE for w in words) or "لـ" in place:
        return None  # a clause ("قال مصدر لـ...") or a label ("التاريخ:"), not a place
    if len(head) - m.end() < 10:
        return None  # nothing follows: a heading, not the opening of a story
    if m.re is _ARABIC and agency is None and len(words) > 2:
        return None  # three words and no agency: a speaker or a title more likely than a place
    quoted = agency is not None and head[m.start("agency") - 1] in "«\""
    if agency is not None and not quoted and key(agency) not in AGENCIES:
        return None  # brackets that hold something other than an agency
    end = m.end()
    if agency is None and m.group("sep").strip() != ":":
        # "الرياض - واس:" — an agency named without brackets after the place's dash.
        bare = _BARE_AGENCY.match(head, end)
        if bare is not None and key(bare.group("agency")) in AGENCIES:
            agency, end = bare.group("agency"), bare.end()
    return head[:end].rstrip(), place, agency


@stage("dateline")
class DatelineStage:
    """Read the dateline from the first body paragraphs."""

    def __init__(self, *, paragraphs: int = 3) -> None:
        self.paragraphs = paragraphs

    def __call__(self, doc: Document) -> None:
        for line in doc.labelled("body")[: self.paragraphs]:
            found = find_dateline(line.text)
            if found is not None:
                doc.dateline = DatelineRecord(text=found[0], place=found[1], agency=found[2], line=line.index)
                return
