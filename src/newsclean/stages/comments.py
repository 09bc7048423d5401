"""Reader comments: find the comments section and split it into one record per comment.

A section opens at a marker line (``التعليقات``, ``تعليقات القراء``, ``Comments``, ``12 comments``).
Two record shapes are read after it:

* a title line followed by ``AUTHOR -TEXT`` (the dash glued to the text), and
* an author line, a date line, then the comment's text lines.

Comment forms, rules and "no comments yet" lines are chrome wherever they stand.

>>> from newsclean.document import Document
>>> doc = Document.from_text("Body.\\nالتعليقات\\nرأي\\nسالم -كلام جميل\\nأضف تعليقاً")
>>> Comments()(doc)
>>> [(c.title, c.author, c.text) for c in doc.comments]
[('رأي', 'سالم', 'كلام جميل')]
>>> [line.reason for line in doc.lines]
[None, 'comments-marker', 'comment-title', 'comment-text', 'comment-form']
"""

from __future__ import annotations

import re
from datetime import date, datetime

from newsclean.dates import parse_date
from newsclean.document import CommentRecord, Document, Line
from newsclean.registry import stage
from newsclean.rules import Rule, first_match, max_words

#: Keys of lines that open a comments section (compared after dropping counts and punctuation).
MARKERS = frozenset({
    "التعليقات", "تعليقات", "تعليقات القراء", "اراء القراء", "تعليقات الزوار", "comments",
    "reader comments", "readers comments", "user comments", "responses", "replies",
    "kommentare", "kommentar", "commentaires", "comentarios", "comentários", "commenti",
    "reader interactions", "discussion", "diskussion", "leserkommentare", "التعليقات على الخبر",
})
# "One thought on “Title”", "12 thoughts on ...", "Ein Gedanke zu ...", "3 responses to ..."
_MARKER_PHRASE = re.compile(
    r"^(?:\d+|one|ein|eine|un|une) (?:thoughts?|responses?|replies|comments?|gedanken?|"
    r"kommentare?|commentaires?|comentarios?|réponses?) (?:on|to|zu|sur|a|en|über) |"
    r"^\(?\d+\)? ?(?:تعليق|تعليقات|comments?|kommentare?|commentaires?|comentarios?)$"
)
_MARKER_NOISE = re.compile(r"[\d\s()\[\]:.,|-]+")

#: Comment-widget text: forms, rules, counters and "no comments" lines.
FORM_RULES: tuple[Rule, ...] = (
    Rule("comment-form",
         r"اضف تعليق|اضافه تعليق|اكتب تعليق|اترك تعليق|ارسل تعليق|شارك برايك|اضف رد|"
         r"اترك ردا|لا (?:توجد|يوجد) تعليقات|كن اول من يعلق|سيظهر بعد المراجعه|بروتوكول نشر التعليقات|"
         r"التعليق بواسطه|تعليقك يحتوي|^معايير المجتمع|^تعليقك$|^الاسم$|^البريد الالكتروني|"
         r"leave a (?:comment|reply)|add (?:a )?comment|post (?:a )?comment|write a comment|"
         r"be the first to comment|^no comments|comments are (?:closed|moderated)|view comments|"
         r"show comments|load more comments|your email address will not be published|"
         r"required fields are marked|^(?:cancel )?reply$|^log in to (?:reply|comment)|"
         r"kommentar (?:verfassen|schreiben|abschicken)|hinterlasse einen kommentar|deinen kommentar|"
         r"^antworten abbrechen|laisser un commentaire|votre commentaire|deja un comentario|"
         r"deixe um coment[aá]rio|lascia un commento|^(?:e-mail|email|name|website|webseite|nom|nombre)"
         r"(?: \(.*\))?\s*\*?$",
         25, ("تعليق", "برايك", "رد", "يعلق", "المراجعه", "معايير", "الاسم", "البريد", "comment", "reply",
              "email address", "required fields", "kommentar", "antworten", "comentario", "comentário",
              "commento", "e-mail", "email", "name", "website", "webseite", "nom", "nombre")),
    Rule("comment-rules",
         r"الاراء الوارده .{0,40}لا تعبر|ترحب .{0,40}بالنقاش|^اذا كان (?:محتوي )?التعليق|"
         r"يتم حذف تعليق|حذف التعليقات|قواعد (?:نشر )?التعليقات|"
         r"comment policy|community guidelines|comments? (?:are|is) the (?:sole )?responsibility",
         45, ("لا تعبر", "بالنقاش", "التعليق", "تعليق", "comment policy", "community guidelines",
              "responsibility")),
)
_MAX_FORM_WORDS = max_words(FORM_RULES)
# "AUTHOR -TEXT": a short author, a space, a dash glued to the first word of the text.
_AUTHOR_DASH = re.compile(r"^(?P<author>[^\s\-–][^\-–]{0,59}?)\s+[-–](?P<text>\S.*)$", re.DOTALL)
_TERMINAL = frozenset(".!?؟:…")
_DIGIT = re.compile(r"\d")


def match_comment_form(text_key: str, words: int | None = None) -> str | None:
    """``comment-form`` or ``comment-rules`` when the line is comment-widget text, else None."""
    if words is None:
        words = text_key.count(" ") + 1
    return first_match(FORM_RULES, text_key, words)


def is_marker(text_key: str, words: int | None = None) -> bool:
    if (text_key.count(" ") + 1 if words is None else words) > 12:
        return False
    return _MARKER_NOISE.sub(" ", text_key).strip() in MARKERS or bool(_MARKER_PHRASE.match(text_key))


def _author_dash(line: Line) -> tuple[str, str] | None:
    m = _AUTHOR_DASH.match(line.text.strip())
    if m is None:
        return None
    author = m.group("author").strip()
    if len(author.split()) > 5 or author[-1] in _TERMINAL:
        return None
    return author, m.group("text").strip()


#: Buttons under a comment, as keys.
ACTIONS = frozenset({
    "reply", "antworten", "repondre", "répondre", "responder", "rispondi", "رد", "الرد", "like", "likes",
    "report", "share", "liked by", "antwort", "beantworten", "quote", "permalink",
})
# "Agi Joe sagt:", "DonM says:", "Catherine (GiveWell) on September 13, 2018 at 5:23 pm said:"
_SAYS = re.compile(r"^(?P<author>.{1,60}?)\s+(?:says|said|wrote|sagt|schreibt|dit|dice|escribió|"
                   r"disse|scrive|قال|كتب)\s*:?$")
# The author before the date of a one-line header: "par JPA le 7 mai 2020", "Surbhi S July 15, 2019"
_BEFORE_DATE = re.compile(
    r"^(?:par |by |von )?(?P<author>[^\d|•·]{1,60}?)[\s,|•·-]{1,8}(?:on |le |am |il |el |em |في )?"
    r"(?=\d|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|janv|févr|mars|avr|mai|juin|"
    r"juil|août|sept|déc|januar|februar|märz|juni|juli|okt|dez)[a-zé]*\b)",
    re.IGNORECASE,
)


def _header(lines: list[Line], i: int) -> tuple[str, date | datetime | None, int] | None:
    """``(author, date, lines used)`` when a comment's header starts at ``lines[i]``."""
    line = lines[i]
    if line.words > 16:
        return None
    text = line.text.strip()
    said = _SAYS.match(text)
    if said is not None:
        when = parse_date(lines[i + 1].text) if i + 1 < len(lines) else None
        return said.group("author").strip(), when, 2 if when is not None else 1
    if _is_author(line) and i + 1 < len(lines):
        when = parse_date(lines[i + 1].text)
        if when is not None and lines[i + 1].words <= 12:
            return text, when, 2
    when = parse_date(text) if line.words >= 3 else None
    if when is not None:
        m = _BEFORE_DATE.match(text)
        if m is not None and len(m.group("author").split()) <= 5:
            return m.group("author").strip(" ,|-"), when, 1
    return None


def _is_author(line: Line) -> bool:
    if not 1 <= line.words <= 5:
        return False
    # A key can be empty (a line of tashkeel only): no author there.
    return bool(line.key) and line.key[-1] not in _TERMINAL and _DIGIT.search(line.key) is None


@stage("comments")
class Comments:
    """Find reader comments after a comments marker; label comment forms and rules as chrome."""

    def __init__(self, *, max_title_words: int = 12) -> None:
        self.max_title_words = max_title_words

    def __call__(self, doc: Document) -> None:
        markers = [line.index for line in doc.lines
                   if line.is_open and line.words <= 12 and is_marker(line.key)]
        for m in markers:
            if doc.lines[m].is_open:
                self._section(doc, m)
        for line in doc.lines:
            if line.is_open and line.words <= _MAX_FORM_WORDS:
                reason = match_comment_form(line.key, line.words)
                if reason is not None:
                    doc.label(line.index, "chrome", reason, "comment widget: form, rules or counter")

    def _section(self, doc: Document, start: int) -> None:
        lines = [line for line in doc.lines[start + 1:] if line.is_open]
        records: list[tuple[CommentRecord, list[tuple[int, str]]]] = []
        # Each line is asked "is this AUTHOR -TEXT?" and "is this a comment's header?" from the
        # line before it and the line after it as well: the answers are kept, not worked out
        # three times.
        dashes: dict[int, tuple[str, str] | None] = {}
        headers: dict[int, tuple[str, date | datetime | None, int] | None] = {}

        def author_dash(k: int) -> tuple[str, str] | None:
            if k not in dashes:
                dashes[k] = _author_dash(lines[k])
            return dashes[k]

        def header(k: int) -> tuple[str, date | datetime | None, int] | None:
            if k not in headers:
                headers[k] = _header(lines, k)
            return headers[k]

        i = 0
        while i < len(lines):
            line = lines[i]
            dash = author_dash(i)
            if dash is not None:
                title_line = None
                if i > 0 and records and records[-1][1][-1][0] == lines[i - 1].index:
                    title_line = None  # the previous line already belongs to a comment
                elif i > 0 and lines[i - 1].words <= self.max_title_words \
                        and author_dash(i - 1) is None:
                    title_line = lines[i - 1]
                rec = CommentRecord(lines=[], author=dash[0], text=dash[1])
                parts: list[tuple[int, str]] = []
                if title_line is not None:
                    rec.title = title_line.text.strip()
                    parts.append((title_line.index, "comment-title"))
                parts.append((line.index, "comment-text"))
                records.append((rec, parts))
                i += 1
                continue
            head = header(i)
            if head is not None:
                author, when, used = head
                rec = CommentRecord(lines=[], author=author, date=when)
                parts = [(lines[i].index, "comment-author")]
                if used == 2:
                    parts.append((lines[i + 1].index, "comment-date"))
                j = i + used
                texts: list[str] = []
                while j < len(lines) and len(texts) < 30 and header(j) is None \
                        and author_dash(j) is None:
                    if lines[j].words <= 12 and is_marker(lines[j].key):
                        break
                    if lines[j].words <= 25 and match_comment_form(lines[j].key, lines[j].words):
                        break
                    if lines[j].words <= 3 and lines[j].key in ACTIONS:
                        parts.append((lines[j].index, "comment-action"))
                    else:
                        texts.append(lines[j].text.strip())
                        parts.append((lines[j].index, "comment-text"))
                    j += 1
                if texts:
                    rec.text = "\n".join(texts)
                    records.append((rec, parts))
                    i = j
                    continue
            if records and i + 1 < len(lines) and author_dash(i + 1) is not None:
                i += 1  # a title: taken with the comment that follows
                continue
            if records:
                break  # the section ends at the first line that fits no comment shape
            i += 1
            if i > 6:
                break  # a marker with no comment shape soon after it opens no section
        doc.label(start, "chrome", "comments-marker", "heading of the comments section")
        for rec, parts in records:
            for index, reason in parts:
                if reason == "comment-action":
                    doc.label(index, "chrome", reason, "a comment's reply or like button")
                    continue
                doc.label(index, "comment", reason, f"comment by {rec.author}")
                rec.lines.append(index)
            doc.comments.append(rec)
