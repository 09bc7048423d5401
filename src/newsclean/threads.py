"""Threads: runs of records that each say who wrote them (reader comments, reviews, forum posts),
found by their repeated shape rather than by a heading word.

A *record* is a short header (an author line, a date or a relative time, an avatar's initial,
"Anna says:", or all of these on one line), an optional title, one or more text lines, and the
buttons under it (Reply, Antworten, Répondre, رد, like counts). A *thread* is a run of records
whose headers share one layout. A heading above it ("Comments", "12 Kommentare",
"3 thoughts on “…”", "التعليقات") strengthens a thread, but a heading alone makes none, and a
run of title / byline / teaser items (a related-articles list) is not one.

:func:`find_threads` reads any run of lines, whole pages included: the comments stages use it for
the comments under an article, and a discussion page's posts are the same structure.

>>> from newsclean.document import Document
>>> page = Document.from_text("\\n".join([
...     "2 Comments",
...     "Anna Berg says:", "March 3, 2024 at 9:15 am", "Great read, thank you.", "Reply",
...     "Ben says:", "March 4, 2024 at 10:02 am", "I disagree with the second point.", "Reply"]))
>>> [thread] = find_threads(page.lines)
>>> thread.layout, thread.evidence, thread.heading
('says+date', 'strong', 0)
>>> [(r.author, r.date, r.text) for r in thread.records]
[('Anna Berg', datetime.datetime(2024, 3, 3, 9, 15), ('Great read, thank you.',)), ('Ben', \
datetime.datetime(2024, 3, 4, 10, 2), ('I disagree with the second point.',))]
>>> thread.records[0].lines
((1, 'author'), (2, 'date'), (3, 'text'), (4, 'action'))
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Literal

from newsclean.dates import Found, RelativeTime, find_date, find_month_day, find_relative
from newsclean.document import Line
from newsclean.normalize import key

__all__ = ["Evidence", "Record", "Role", "Stamp", "Thread", "find_threads", "is_heading"]

#: What a line does in a record.
Role = Literal["avatar", "author", "date", "meta", "title", "text", "action", "pingback"]
#: How sure the shape alone makes a thread: ``strong`` (dated headers, avatars, reply buttons),
#: ``medium`` ("X says:" alone, ``AUTHOR -TEXT``, "by X on DATE"), ``weak`` (a name over a text).
Evidence = Literal["strong", "medium", "weak"]

_TERMINAL = frozenset(".!?؟:;…")


# ---- dates a header states ------------------------------------------------------------------

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

        The page's publication date is the only clock a scraped text carries, so passing it
        reads "2 hours ago" as if the page was captured when it was published: exact for pages
        saved the day they came out, an approximation otherwise.

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


# "at 5:23 pm", "um 10:33 Uhr", "- 12:38", ", 15:57:32", "@ 11:38" right after a date.
_TIME = re.compile(r"[\s,|·•]{0,4}(?:(?:at|um|à|a las|alle|om|@|-|–|в|saat|kl\.?)\s{0,2})?"
                   r"(?P<h>\d{1,2})[:.h](?P<m>\d{2})(?::\d{2})?\s*(?P<ap>[ap]\.?m\.?|uhr|h)?\.?(?![\d])")
# What may stand between an author's name and the date: "Anna on", "JPA le", "Ben |", "Sana, am".
_JOIN_WORDS = frozenset({"on", "at", "am", "le", "el", "em", "il", "op", "um", "في", "تاريخ", "بتاريخ"})
_JOIN_MARKS = " ,|·•@:-–—"


def _drop_join(head: str) -> str:
    """``head`` without the words and marks that join a name to the date after it."""
    words = head.rstrip(_JOIN_MARKS).split()
    while words and (words[-1] in _JOIN_WORDS or not words[-1].strip(_JOIN_MARKS)):
        words.pop()
        if words:
            words[-1] = words[-1].rstrip(_JOIN_MARKS)
    return " ".join(words)
_BY = re.compile(r"^(?:by|par|por|von|di|door|av|بقلم)\s+")
_BY_RAW = re.compile(r"^(?:by|par|por|von|di|door|av|بقلم)\s+", re.IGNORECASE)
# A header's date may open with what happened at that time: "answered Feb 6", "Posted on ...".
_POSTED = frozenset("""
answered asked edited posted published updated commented modified replied written
beantwortet gefragt bearbeitet veröffentlicht geschrieben kommentiert aktualisiert
publié publie modifié répondu posté publicado editado respondido pubblicato scritto modificato
gepost geplaatst bewerkt نشر نشرت بتاريخ تاريخ date datum fecha data time zeit
monday tuesday wednesday thursday friday saturday sunday mon tue wed thu fri sat sun
montag dienstag mittwoch donnerstag freitag samstag sonntag lundi mardi mercredi jeudi vendredi
samedi dimanche lunes martes miércoles jueves viernes sábado domingo
joined registered member since seit dabei registriert mitglied inscrit inscrito iscritto
""".split())
# Letters glued to a date on some blog platforms: "Nancy ChanMay 31, 2019", "Sana6. Juni 2015".
_CAMEL = re.compile(r"(?<=[a-zà-ÿ])(?=[A-Z][a-zà-ÿ])")
_LETTER_DIGIT = re.compile(r"(?<=[^\W\d_])(?=\d)")


@dataclass(frozen=True, slots=True)
class _When:
    stamp: Stamp
    author: str | None   # the name before the date, raw text
    by: bool             # the name came as "by NAME"
    rest: str            # what follows the date and time, as a key


def _raw_prefix(text: str, folded: str, end: int) -> str:
    """The part of ``text`` that ``folded[:end]`` (its matching key) came from."""
    collapsed = " ".join(text.split())
    if len(collapsed) == len(folded):
        return collapsed[:end]
    words = len(folded[:end].split())
    return " ".join(collapsed.split()[:words])


def _stamp_in(folded: str) -> tuple[Found[date] | Found[RelativeTime] | Found[tuple[int, int]], str] | None:
    absolute = find_date(folded)
    if absolute is not None:
        return absolute, "absolute"
    ago = find_relative(folded)
    if ago is not None:
        return ago, "ago"
    month_day = find_month_day(folded)
    return (month_day, "month_day") if month_day is not None else None


def _when(text: str) -> _When | None:
    """The date a short line states, the name before it and what follows it, or None."""
    variants = [text]
    for glue in (_CAMEL, _LETTER_DIGIT):
        split = glue.sub(" ", variants[-1])
        if split != variants[-1]:
            variants.append(split)
    for variant in variants:
        folded = key(variant)
        hit = _stamp_in(folded)
        if hit is not None:
            return _read_when(variant, folded, *hit)
    return None


def _read_when(text: str, folded: str, found: Found[date] | Found[RelativeTime] | Found[tuple[int, int]],
               kind: str) -> _When:
    end = found.end
    value = found.value
    clock = _TIME.match(folded, end)
    if clock is not None:
        end = clock.end()
        if isinstance(value, date):
            hour, minute = int(clock["h"]), int(clock["m"])
            ap = (clock["ap"] or "").replace(".", "")
            if ap == "pm" and hour < 12:
                hour += 12
            elif ap == "am" and hour == 12:
                hour = 0
            if hour < 24 and minute < 60:
                value = datetime(value.year, value.month, value.day, hour, minute)
    written = _raw_span(text, folded, found.start, end)
    if kind == "absolute":
        assert isinstance(value, date)
        stamp = Stamp(written, absolute=value)
    elif kind == "ago":
        assert isinstance(value, RelativeTime)
        stamp = Stamp(written, ago=value)
    else:
        assert isinstance(value, tuple)
        stamp = Stamp(written, month_day=value)
    head = _drop_join(folded[:found.start])
    by = _BY.match(head) is not None
    author = None
    words = head.split()
    # "answered Feb 6", "by Feb 6": a date line, not a name.
    if any(c.isalpha() for c in head) and words[0] not in _POSTED and not (by and len(words) == 1):
        author = _BY_RAW.sub("", _raw_prefix(text, folded, len(head)).strip())
    return _When(stamp, author, by, folded[end:].strip(" .,|·•-–—:"))


def _raw_span(text: str, folded: str, start: int, end: int) -> str:
    collapsed = " ".join(text.split())
    if len(collapsed) == len(folded):
        return collapsed[start:end].strip(" ,|·•-")
    return folded[start:end]


# ---- what a line is --------------------------------------------------------------------------

#: Words of the buttons and counters under a comment, as matching keys, in the major languages.
ACTIONS = frozenset("""
reply replies respond antworten antwort beantworten répondre repondre réponse reponse réponses
reponses responder responde respuesta respuestas rispondi risposta risposte reageer reageren
beantwoorden ответить ответ yanıtla yanitla cevapla cevap رد الرد ردود
like likes liked unlike liken gefällt gefallt aime gusta curtir piace leuk нравится beğen begen
اعجبني اعجاب
report flag melden signaler denunciar reportar segnala şikayet sikayet ابلاغ
share teilen partager compartir compartilhar condividi delen поделиться paylaş paylas مشاركه
quote zitieren zitat citer citar cita citeren цитировать اقتباس
delete löschen loschen supprimer eliminar elimina verwijderen удалить sil حذف
edit bearbeiten modifier editar modifica bewerken изменить düzenle تعديل
permalink upvote downvote vote votes upvotes downvotes points
helpful unhelpful hilfreich útil utile nuttig
save expand collapse loading lade follow improve top oben haut
""".split())
# Words that stand in a button's label without being one ("Liked by 21 people", "Add to quote").
_ACTION_GLUE = frozenset("""
by people person personen personne personnes persone personas mir me mi ik vind this it a an the
to of de la le du von page seite pagina click tap add more mehr plus show hide view gut schlecht
yes no ja nein oui non si sí answer post beitrag comment kommentar was is review war diese
""".split())
_REPLY = frozenset("""
reply replies respond antworten antwort beantworten répondre repondre responder responde rispondi
reageer reageren beantwoorden ответить yanıtla yanitla cevapla رد الرد
""".split())
# Teasers' links: items that carry one are articles listed, not comments.
_TEASER = re.compile(r"^(?:continue reading|read more|read the rest|weiterlesen|mehr lesen|lire la suite|"
                     r"leer m[aá]s|leia mais|leggi (?:tutto|di più)|lees meer|(?:اقرا )?المزيد)\W*$")
_PINGBACK = re.compile(r"^(?:pingback|trackback)\s*:")
_LETTERS = re.compile(r"[^\W\d_]+")
_ACTION_SPLIT = re.compile(r"(?<=[a-zäöüéèàç])(?=[A-ZÄÖÜÉ])")
_COUNTER = re.compile(r"^[\W\d_]{1,12}$")

# "Anna Berg says:", "Agi Joe sagt:", "hotaru.hino said:" (matched on the line with its white
# space collapsed, so that one space parts the name from the verb).
_SAYS = re.compile(
    r"^(?P<author>\S.{0,59}?) (?:says|said|wrote|writes|sagt|schreibt|meint|dit|a écrit|écrit|dice|"
    r"escribió|escribe|disse|scrive|ha scritto|zegt|schreef|пишет|написал|написала|yazdı|diyor) ?:?$",
    re.IGNORECASE)
# "AUTHOR -TEXT": a short author, a space, a dash glued to the first word of the text.
_AUTHOR_DASH = re.compile(r"^(?P<author>[^\s\-–][^\-–]{0,59}?)\s{1,3}[-–](?P<text>\S)")
# An initial at the end of a name ("Sabrina K.", "S.", "D.E.") is not a sentence's full stop.
_INITIAL_END = re.compile(r"(?:^|\s|\.)[^\W\d_]\.$")
# Emoji, exclamation and question marks, quotes: a short text, never a name.
_NOT_IN_NAMES = re.compile("[!?¿¡\"“”„«»:;…\u2600-\u27bf\U0001f000-\U0001faff]")
_NOT_IN_AUTHORS = re.compile("[\\[\\]{}!?¿¡\"“”„«»;…\u2600-\u27bf\U0001f000-\U0001faff]|^\\d+[.)]")
_HANDLE = re.compile(r"^[@\w.\-]{2,30}$")
# Words that join the parts of a name and are written in lower case.
_NAME_JOIN = frozenset("van von der den de da di du del la le al el bin ibn abu und and & @ of".split())

#: Headings that name reader comments and nothing else, as matching keys with counts and
#: punctuation dropped: a page's comments widget, even when its comments were not scraped.
COMMENTS_HEADINGS = frozenset({
    "comments", "reader comments", "readers comments", "user comments", "reader interactions",
    "kommentare", "leserkommentare", "commentaires", "comentarios", "comentários", "commenti", "reacties",
    "комментарии", "yorumlar", "التعليقات", "تعليقات", "تعليقات القراء", "اراء القراء", "تعليقات الزوار",
    "التعليقات على الخبر",
})
#: All headings of a comments section; the others may also head a part of an article
#: ("Discussion", "Reviews"), so only a thread under them counts.
HEADINGS = COMMENTS_HEADINGS | frozenset({
    "responses", "replies", "discussion", "reviews", "customer reviews",
    "user reviews", "diskussion", "reaktionen", "bewertungen", "kundenbewertungen", "réactions", "avis",
    "opiniones", "recensioni", "комментариев", "комментария", "отзывы", "تعليقان", "ردود", "الردود",
})
# Words that head a thread only after a count ("1 Kommentar", "3 Antworten", "12 thoughts"):
# alone, a button, a form's label or a comment's title.
_COUNTED = frozenset({"comment", "kommentar", "commentaire", "comentario", "comentário", "commento", "reactie",
                      "yorum", "تعليق", "antworten", "antwort", "réponses", "reponses", "respuestas", "risposte",
                      "thoughts", "gedanken", "reactions", "review"})
# "12 thoughts on “Title”", "Ein Gedanke zu „…“", "3 Responses to …", "11 Antworten zu …"
_HEADING_PHRASE = re.compile(
    r"^(?:\d+|one|ein|eine|un|une|uno|una|bir) (?:thoughts?|responses?|replies|reply|comments?|gedanken?|"
    r"antworten|antwort|kommentare?|commentaires?|réponses?|reponses?|comentarios?|respuestas?|commenti|"
    r"risposte|reacties|reactie) (?:on|to|zu|über|sur|à|a|en|para|su|op|voor)\b")
_HEADING_NOISE = re.compile(r"[\d\s()\[\]{}:.,|…*#-]+")
# A count before the heading words: "12 ", "(3) ", "{ 38 ", "One ", "Ein " (not a list item's
# "3. " or "- ").
_HEADING_COUNT = re.compile(r"^[\[({]? ?(?:\d{1,6}|one|ein|eine|un|une|uno|una|bir) ?[\])}]? ")
_HEADING_WORD = re.compile(r"(?P<words>[^\W\d_]+(?: [^\W\d_]+)?)")


def is_heading(text_key: str, words: int | None = None, *, certain: bool = False) -> bool:
    """True when a line reads as the heading of a comments section: a heading word with counts
    and punctuation around it ("Comments (3)", "{ 38 comments… read them below or add one }",
    "32 Comments Comment from the forums"), or "N thoughts on “Title”". A sentence is not one.
    ``certain``: only headings that can name nothing but comments (a count, or
    :data:`COMMENTS_HEADINGS`).

    >>> is_heading("12 kommentare"), is_heading("3 thoughts on “a long title of a post”")
    (True, True)
    >>> is_heading("comments on the proposal were due friday.")
    False
    """
    if words is None:
        words = text_key.count(" ") + 1
    if words > 40:
        return False
    if _HEADING_PHRASE.match(text_key):
        return True
    if words > 12:
        return False
    bare = _HEADING_NOISE.sub(" ", text_key).strip()
    if bare in (COMMENTS_HEADINGS if certain else HEADINGS):
        return True
    # A count, heading words and a short tail ("4 comments. leave new", "{ 38 comments… read
    # them below or add one }"), not a sentence about comments nor a form's "Comment (required)".
    count = _HEADING_COUNT.match(text_key)
    if count is None or text_key.rstrip()[-1:] in ".!?؟":
        return False
    first = _HEADING_WORD.match(text_key, count.end())
    word = first["words"].split()[0] if first is not None else ""
    return word in HEADINGS or word in _COUNTED


@dataclass(slots=True)
class _Shape:
    kind: str                   # text heading end action teaser pingback says date name-date avatar dash name
    author: str | None = None
    when: _When | None = None
    text: str | None = None     # the text of an AUTHOR -TEXT line
    proper: bool = False        # a name written as one: capitalised words or a single handle
    reply: bool = False         # an action line with a reply button, or a header that ends with one
    short: bool = False         # at most four words and no closing sentence mark
    figure: bool = False        # holds a figure ("Messages 412", "3 posts · Joined 2024")


_TEXT = _Shape("text")
_DIGIT = re.compile(r"\d")
_LONG = 16  # words: a header line is never longer
_LONG_CHARS = 300


def _action(text: str) -> _Shape | None:
    if len(text) > 80:
        return None
    folded = key(_ACTION_SPLIT.sub(" ", text))
    tokens = _LETTERS.findall(folded)
    if not tokens:
        return _Shape("action") if _COUNTER.match(text) else None
    if len(tokens) > 8 or not all(t in ACTIONS or t in _ACTION_GLUE or len(t) == 1 for t in tokens):
        return None
    if not any(t in ACTIONS for t in tokens):
        return None
    return _Shape("action", reply=any(t in _REPLY for t in tokens))


def _name(text: str, words: int) -> tuple[bool, bool]:
    """(is a name, is written as a proper name) for a short line."""
    if words > 5 or len(text) > 50 or not any(c.isalpha() for c in text) or _NOT_IN_NAMES.search(text):
        return False, False
    if text[-1] in _TERMINAL or text[-1] in ",،":
        if not _INITIAL_END.search(text):
            return False, False
    tokens = text.split()
    if len(tokens) == 1:
        return True, _HANDLE.match(text) is not None or text[0].isupper() or not text[0].isascii()
    if any(c.isdigit() for c in text):
        return False, False
    proper = all(t[0].isupper() or not t[0].isascii() or t.lower() in _NAME_JOIN or not t[0].isalpha()
                 for t in tokens)
    return True, proper


def _shape(line: Line, is_end: Callable[[str, int], bool] | None) -> _Shape:
    text = line.text.strip()
    words = line.words
    if words > _LONG or len(text) > _LONG_CHARS:
        dash = _dash(text)
        if dash is not None:
            return dash
        if words <= 40 and len(text) <= 2 * _LONG_CHARS and is_heading(line.key, words):
            return _Shape("heading")
        return _TEXT
    action = _action(text)
    if action is not None:
        return action
    folded = line.key
    if _TEASER.match(folded):
        return _Shape("teaser")
    if _PINGBACK.match(folded):
        return _Shape("pingback")
    if is_heading(folded, words):
        return _Shape("heading")
    if is_end is not None and is_end(folded, words):
        return _Shape("end")
    says = _SAYS.match(" ".join(text.split()))
    if says is not None:
        return _Shape("says", author=says["author"].strip())
    when = _when(text) if words <= 14 else None
    if when is not None:
        rest = when.rest
        trailer = _action(rest) if rest else None
        if not rest or trailer is not None or _SAYS.match("x " + " ".join(rest.split())):
            reply = trailer is not None and trailer.reply
            if when.author is None:
                return _Shape("date", when=when, reply=reply)
            if _author_ok(when.author):
                return _Shape("name-date", author=when.author, when=when, reply=reply)
    if len(text) <= 2 and text.isalpha():
        return _Shape("avatar", author=text)
    dash = _dash(text)
    if dash is not None:
        return dash
    is_name, proper = _name(text, words) if _BY.match(folded) is None else (False, False)
    short = words <= 5 and text[-1] not in _TERMINAL
    if is_name:
        return _Shape("name", author=text, proper=proper, short=short)
    return _Shape("text", short=short, figure=short and _DIGIT.search(text) is not None)


def _dash(text: str) -> _Shape | None:
    """An ``AUTHOR -TEXT`` line (the author is read from the line's first characters only)."""
    found = _AUTHOR_DASH.match(text[:_LONG_CHARS])
    if found is None or not _dash_author(found["author"]):
        return None
    return _Shape("dash", author=found["author"].strip(), text=text[found.start("text"):].strip())


def _author_ok(author: str) -> bool:
    """A name before a date: a few words, no brackets, quotes or emoji, not a list item's number."""
    return (len(author.split()) <= 6 and len(author) <= 60 and author[-1:] not in _TERMINAL
            and _NOT_IN_AUTHORS.search(author) is None)


def _dash_author(author: str) -> bool:
    author = author.strip()
    return bool(author) and len(author.split()) <= 5 and author[-1] not in _TERMINAL


# ---- records and threads ---------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Record:
    """One record of a thread: who wrote it, when, its title and text, and the role of each of
    its lines (by :attr:`~newsclean.document.Line.index`), in order."""

    author: str | None
    date: date | datetime | None
    title: str | None
    text: tuple[str, ...]
    lines: tuple[tuple[int, Role], ...]
    stamp: Stamp | None = None


@dataclass(frozen=True, slots=True)
class Thread:
    """A run of records with one header layout, and the heading line above it (if any)."""

    records: tuple[Record, ...]
    layout: str
    evidence: Evidence
    heading: int | None
    #: Records with a reply button: the mark of a thread one can answer in.
    replies: int

    @property
    def start(self) -> int:
        """The index of the thread's first line (its heading not included)."""
        return self.records[0].lines[0][0]

    @property
    def end(self) -> int:
        """The index of the thread's last line."""
        return self.records[-1].lines[-1][0]


_STRONG = frozenset({"says+date", "date+says", "name-date", "name/date", "avatar/name"})
_MEDIUM = frozenset({"says", "dash", "by-date"})
# Layouts whose records may come with a date and no name ("Anonymous" shown as nothing).
_ANONYMOUS = frozenset({"name-date", "name/date"})
_RANK: dict[str, int] = {"strong": 3, "medium": 2, "weak": 1}
_MAX_GAP = 60            # lines a record may run to
_MAX_META = 7            # short lines between a forum post's author and its date
_HEADING_REACH = 12      # lines a heading may stand above the first record
_LAST_SINGLE = 12        # lines a lone record's text may run to without a button or form to end it


@dataclass(slots=True)
class _Header:
    start: int
    length: int
    roles: list[Role]
    author: str | None
    when: _When | None
    reply: bool


class _Finder:
    """The lines (blank ones left out), their shapes, and the header layouts that start at each."""

    def __init__(self, lines: Sequence[Line], is_end: Callable[[str, int], bool] | None) -> None:
        self.lines = [line for line in lines if line.label != "blank" and line.text.strip()]
        self.shapes = [_shape(line, is_end) for line in self.lines]
        n = len(self.lines)
        # next_stop[k]: the first heading or end line at or after k.
        self.next_stop = [n] * (n + 1)
        for k in range(n - 1, -1, -1):
            self.next_stop[k] = k if self.shapes[k].kind in ("heading", "end") else self.next_stop[k + 1]
        # texts[k]: how many lines before k can be a record's text.
        self.texts = [0] * (n + 1)
        for k, s in enumerate(self.shapes):
            self.texts[k + 1] = self.texts[k] + (s.kind in ("text", "name", "dash"))

    def kind(self, k: int) -> str:
        return self.shapes[k].kind if 0 <= k < len(self.shapes) else ""

    def header(self, k: int, layout: str) -> _Header | None:
        """The header of ``layout`` that starts at line ``k``, or None."""
        s = self.shapes[k]
        nxt = self.kind(k + 1)
        if layout == "says+date" and s.kind == "says" and nxt == "date":
            return _Header(k, 2, ["author", "date"], s.author, self.shapes[k + 1].when, self.shapes[k + 1].reply)
        if layout == "date+says" and s.kind == "date" and nxt == "says":
            return _Header(k, 2, ["date", "author"], self.shapes[k + 1].author, s.when, False)
        if layout == "says" and s.kind == "says" and nxt != "date":
            return _Header(k, 1, ["author"], s.author, None, False)
        if layout in ("name-date", "by-date") and s.kind == "name-date" and s.when is not None \
                and s.when.by == (layout == "by-date"):
            return _Header(k, 1, ["author"], s.author, s.when, s.reply)
        if layout in _ANONYMOUS and s.kind == "date" and nxt != "says":
            return _Header(k, 1, ["date"], None, s.when, s.reply)  # a comment left with no name
        if layout in ("name/date", "avatar/name"):
            roles: list[Role] = []
            j = k
            if s.kind == "avatar" and self.kind(k + 1) == "name" \
                    and (self.shapes[k + 1].author or " ")[0].casefold() == s.author.casefold()[0]:
                roles.append("avatar")
                j += 1
            elif layout == "avatar/name" or s.kind != "name":
                return None
            author = self.shapes[j].author
            if layout == "avatar/name":
                if self.kind(j + 1) == "date" or not roles:
                    return None
                return _Header(k, 2, [*roles, "author"], author, None, False)
            roles.append("author")
            return self._forum_header(k, j, roles, author)
        if layout == "dash" and s.kind == "dash":
            return _Header(k, 0, [], s.author, None, False)
        if layout == "name" and s.kind == "name" and nxt == "text":
            return _Header(k, 1, ["author"], s.author, None, False)
        return None


    def _forum_header(self, k: int, j: int, roles: list[Role], author: str | None) -> _Header | None:
        """The header of a record whose author's line (``j``) may be followed by a rank, a join
        date and counts before the record's own date: the last date of the run is the record's.
        A short line without a figure ends the run once a date is found (it is the text)."""
        last = None
        for m in range(j + 1, min(j + 1 + _MAX_META, len(self.shapes))):
            t = self.shapes[m]
            if t.kind == "date":
                last = m
            elif t.kind == "action" and t.reply:
                break  # a reply button closes a record: it never stands inside a header
            elif last is None and not (t.kind == "action" or t.short):
                return None
            elif last is not None and not (t.kind == "action" or (t.short and t.figure)):
                break
        if last is None:
            return None
        head = self.shapes[last]
        return _Header(k, last - k + 1, [*roles, *(["meta"] * (last - j - 1)), "date"], author, head.when, head.reply)


_LAYOUTS = ("says+date", "date+says", "name-date", "name/date", "avatar/name", "says", "by-date", "dash", "name")


def _evidence(layout: str) -> Evidence:
    return "strong" if layout in _STRONG else "medium" if layout in _MEDIUM else "weak"


def find_threads(lines: Sequence[Line], *, reference: date | datetime | None = None,
                 is_end: Callable[[str, int], bool] | None = None) -> list[Thread]:
    """The threads among ``lines`` (any run of a document's lines), in page order.

    ``reference`` resolves relative dates ("vor 3 Tagen") and days without a year (see
    :meth:`Stamp.resolve`). ``is_end(key, words)`` names lines that end a thread wherever they
    stand (the comments stage passes its comment-form matcher: "Leave a Reply", "Name *").

    A thread needs two records, or one under a heading; a thread of bare names over texts needs
    three under a heading; a thread of "X says:" or ``AUTHOR -TEXT`` records needs a heading or
    three records. A run whose items each come under a title-shaped line, or carry a "Read more"
    link, is a list of articles unless a heading says otherwise.
    """
    finder = _Finder(lines, is_end)
    found: list[tuple[int, int, int, int, Thread]] = []
    for layout in _LAYOUTS:
        for chain in _chains(finder, layout):
            thread = _thread(finder, layout, chain, reference)
            if thread is not None:
                first, last = _span(finder, thread)
                found.append((-_RANK[thread.evidence], -len(thread.records), first, last, thread))
    found.sort(key=lambda x: x[:3])
    taken: list[tuple[int, int, Thread]] = []
    for _, _, first, last, thread in found:
        if all(last < a or first > b for a, b, _ in taken):
            taken.append((first, last, thread))
    return [t for _, _, t in sorted(taken, key=lambda x: x[0])]


def _span(finder: _Finder, thread: Thread) -> tuple[int, int]:
    pos = {line.index: k for k, line in enumerate(finder.lines)}
    return pos[thread.start], pos[thread.end]


def _chains(finder: _Finder, layout: str) -> list[list[_Header]]:
    """Runs of headers of one layout, each close enough to the next, with text between them and
    no heading or end line."""
    chains: list[list[_Header]] = []
    current: list[_Header] = []
    k, n = 0, len(finder.lines)
    while k < n:
        head = finder.header(k, layout)
        if head is None:
            k += 1
            continue
        if current:
            prev = current[-1]
            body = prev.start + prev.length
            near = head.start - prev.start <= (2 if layout == "dash" else _MAX_GAP)
            clear = finder.next_stop[body] >= head.start
            texted = layout == "dash" or finder.texts[head.start] - finder.texts[body] > 0
            if near and clear and not texted and finder.shapes[head.start].kind == "name":
                k += 1  # a name right under a header is the first record's text ("Super Rezepte")
                continue
            if not (near and clear):
                chains.append(current)
                current = []
        current.append(head)
        k = head.start + max(head.length, 1)
    if current:
        chains.append(current)
    return chains


def _heading_above(finder: _Finder, start: int) -> tuple[int, int] | None:
    """The heading line above line ``start`` and how many lines stand between, if only short
    lines (counters, sort options, a form's first line) stand between."""
    for k in range(start - 1, max(-1, start - 1 - _HEADING_REACH), -1):
        s = finder.shapes[k]
        if s.kind == "heading":
            return k, start - 1 - k
        line = finder.lines[k]
        if s.kind in ("text", "name") and (line.words > 8 or (line.text.rstrip()[-1:] in _TERMINAL
                                                               and line.words > 3)):
            return None
    return None


def _title_like(line: Line, shape: _Shape) -> bool:
    """A line shaped like an article's title: a few words, no closing sentence mark."""
    text = line.text.strip().rstrip("\"'”’»)")
    return shape.kind in ("text", "name") and 4 <= line.words <= 20 and text[-1:] not in _TERMINAL


def _thread(finder: _Finder, layout: str, heads: list[_Header],
            reference: date | datetime | None) -> Thread | None:
    shapes, lines = finder.shapes, finder.lines
    evidence = _evidence(layout)
    first = heads[0].start
    if layout == "dash" and first > 0 and lines[first - 1].words <= 12 and (
            shapes[first - 1].kind in ("text", "name")
            # A first comment titled "Comment" under the section's own heading.
            or (shapes[first - 1].kind == "heading" and _heading_above(finder, first - 1) is not None)):
        first -= 1  # its title
    above = _heading_above(finder, first)
    heading = above[0] if above is not None else None
    bodies = _bodies(finder, layout, heads)
    replies = sum(1 for h, body in zip(heads, bodies, strict=True)
                  if h.reply or any(shapes[k].reply for k, role in body if role == "action"))
    if replies >= max(1, (len(heads) + 1) // 2) and evidence != "strong":
        evidence = "strong"
    count = len(heads)
    near_heading = above is not None and above[1] <= 3
    if evidence == "strong":
        ok = count >= 2 or heading is not None
    elif evidence == "medium":
        ok = count >= 3 or (heading is not None and (count >= 2 or near_heading))
    else:
        ok = count >= 3 and near_heading
    if not ok or (layout != "dash" and not any(role == "text" for body in bodies for _, role in body)):
        return None
    named = sum(1 for h in heads if h.author is not None)
    if layout in _ANONYMOUS and named < count and (count < 3 or named * 3 < count * 2):
        return None  # dates over texts with few names: a list of dated items, not comments
    shapes_of = Counter(tuple(h.roles) for h in heads)
    if count >= 3 and shapes_of.most_common(1)[0][1] * 2 < count:
        return None  # headers of every shape: an article's author boxes and date lines, not a thread
    if (heading is None or evidence == "weak") and _listing(finder, heads, bodies):
        return None
    if (heading is None or evidence == "weak") and not _prose(finder, bodies, evidence == "weak"):
        return None
    titles = _has_titles(finder, layout, bodies)
    records: list[Record] = []
    for i, (head, body) in enumerate(zip(heads, bodies, strict=True)):
        roles: list[tuple[int, Role]] = [(lines[head.start + j].index, role) for j, role in enumerate(head.roles)]
        when = head.when
        title = None
        texts: list[str] = []
        if layout == "dash":
            title_k = head.start - 1
            prev_end = bodies[i - 1][-1][0] if i > 0 and bodies[i - 1] else -1
            if title_k > prev_end and (i > 0 or title_k >= first) and lines[title_k].words <= 12 \
                    and (shapes[title_k].kind in ("text", "name") or title_k == first):
                title = lines[title_k].text.strip()
                roles.append((lines[title_k].index, "title"))
            roles.append((lines[head.start].index, "text"))
            texts.append(shapes[head.start].text or "")
        texted = False
        for k, role in body:
            if role == "meta" and shapes[k].kind == "date":
                when = shapes[k].when  # a forum post's own date comes after its author's join date
            if role == "text" and titles and not texted and title is None and _titled(finder, k, body):
                title = lines[k].text.strip()
                role = "title"
            elif role == "text":
                texts.append(lines[k].text.strip())
                texted = True
            roles.append((lines[k].index, role))
        if not texts:
            continue
        roles.sort()
        stamp = when.stamp if when is not None else None
        records.append(Record(head.author, stamp.resolve(reference) if stamp else None, title, tuple(texts),
                              tuple(roles), stamp))
    if not records:
        return None
    return Thread(tuple(records), layout, evidence, heading, replies)


def _bodies(finder: _Finder, layout: str, heads: list[_Header]) -> list[list[tuple[int, Role]]]:
    """Each record's lines after its header, with their roles; the last record's end is guessed
    from the others (a button under each), else from a form or heading soon after it."""
    shapes = finder.shapes
    bodies: list[list[tuple[int, Role]]] = []
    for i, head in enumerate(heads):
        start = head.start + head.length if layout != "dash" else head.start + 1
        if i + 1 < len(heads):
            end = heads[i + 1].start
            if layout == "dash" and end - 1 >= start:
                end -= 1  # the next record's title
        else:
            end = min(finder.next_stop[start], start + _MAX_GAP, len(shapes))
        body: list[tuple[int, Role]] = []
        lead = True
        for k in range(start, end):
            kind = shapes[k].kind
            if kind in ("action", "teaser") or (lead and kind == "date"):
                body.append((k, "meta" if kind == "date" else "action"))
                continue
            if kind == "pingback":
                body.append((k, "pingback"))
                continue
            lead = False
            body.append((k, "text"))
        bodies.append(body)
    if bodies:
        bodies[-1] = _last_body(finder, layout, bodies)
    return bodies


def _last_body(finder: _Finder, layout: str, bodies: list[list[tuple[int, Role]]]) -> list[tuple[int, Role]]:
    last = bodies[-1]
    if layout == "dash":
        return []
    others = bodies[:-1]
    buttoned = [b for b in others if b and b[-1][1] in ("action", "pingback")]
    stop_soon = bool(last) and finder.next_stop[last[0][0]] <= last[0][0] + _LAST_SINGLE
    if (others and len(buttoned) * 2 >= len(others)) or (not others and any(r == "action" for _, r in last)):
        # Buttons close each record: the last one ends with its first buttons after a text.
        cut: list[tuple[int, Role]] = []
        seen_text = False
        for k, role in last:
            if seen_text and role != "action" and cut[-1][1] == "action":
                break
            cut.append((k, role))
            seen_text = seen_text or role == "text"
        return cut
    if not others:
        return last if stop_soon else _first_texts(last, 1)
    if not any(role == "action" for body in others for _, role in body):
        # Records without buttons: a button or counter after the last one's text ends it.
        for j, (_, role) in enumerate(last):
            if role == "action" and any(r == "text" for _, r in last[:j]):
                last = last[:j]
                break
    longest = max(sum(1 for _, r in b if r == "text") for b in others)
    return last if stop_soon and sum(1 for _, r in last if r == "text") <= 2 * longest \
        else _first_texts(last, longest)


def _first_texts(body: list[tuple[int, Role]], count: int) -> list[tuple[int, Role]]:
    out: list[tuple[int, Role]] = []
    for k, role in body:
        if role == "text":
            if count == 0:
                break
            count -= 1
        out.append((k, role))
    return out


def _listing(finder: _Finder, heads: list[_Header], bodies: list[list[tuple[int, Role]]]) -> bool:
    """True for a list of articles: each item under a title-shaped line, or with a "Read more"."""
    shapes, lines = finder.shapes, finder.lines
    teasers = sum(1 for body in bodies if any(shapes[k].kind == "teaser" for k, _ in body))
    if teasers * 2 >= len(bodies):
        return True
    titled = sum(1 for h in heads if h.start > 0 and _title_like(lines[h.start - 1], shapes[h.start - 1]))
    return len(heads) >= 2 and titled * 3 >= len(heads) * 2


def _prose(finder: _Finder, bodies: list[list[tuple[int, Role]]], strict: bool) -> bool:
    """True when most records hold a sentence: a line closed by a sentence mark or an emoji, or
    (unless ``strict``) a long one. Names or dates over title lines and labels are a list of links."""
    said = 0
    for body in bodies:
        for k, role in body:
            line = finder.lines[k]
            end = line.text.rstrip()[-1:]
            if role == "text" and (end in _TERMINAL or end == ")" or ord(end or " ") >= 0x2600
                                   or (not strict and line.words >= 12)):
                said += 1
                break
    return said * 2 >= len(bodies)


def _has_titles(finder: _Finder, layout: str, bodies: list[list[tuple[int, Role]]]) -> bool:
    """True when most records open with a title line (reviews): a short first line with no
    closing full stop, over more text."""
    if layout == "dash":
        return False
    titled = 0
    for body in bodies:
        texts = [k for k, r in body if r == "text"]
        if len(texts) >= 2 and _titled(finder, texts[0], body):
            titled += 1
    return titled >= 2 and titled * 3 >= len(bodies) * 2


def _titled(finder: _Finder, k: int, body: list[tuple[int, Role]]) -> bool:
    line = finder.lines[k]
    text = line.text.strip()
    more = sum(1 for j, r in body if r == "text" and j > k)
    return more >= 1 and line.words <= 10 and text[-1:] not in ".?:;,…،؟" and not text[-1:].isdigit()
