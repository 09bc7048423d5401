"""What one line can be in a thread, from its own text: a heading, a button, a header part (an
author, a date, both, "X says:", an avatar's initial, ``AUTHOR -TEXT``) or text.

A line's shape says what it *could* be; only a repeated layout (:mod:`newsclean.threads.finder`)
makes a name line an author and a short line a button.

>>> from newsclean.document import Document
>>> [shape_of(line).kind for line in Document.from_text(
...     "12 Comments\\nAnna says:\\nMarch 3, 2024 at 9:15 am\\nGreat read!\\nReply\\nAnna").lines]
['heading', 'says', 'date', 'text', 'action', 'name']
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from newsclean.dates import trie_pattern
from newsclean.document import Line
from newsclean.normalize import key
from newsclean.threads.stamps import HeaderDate, header_date

__all__ = ["ACTIONS", "COMMENTS_HEADINGS", "HEADINGS", "TERMINAL", "LineShape", "is_heading", "shape_of"]

#: Marks that close a sentence (a name or a title has none).
TERMINAL = frozenset(".!?؟:;…")

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
cart basket warenkorb panier carrito carrello winkelwagen buy kaufen acheter comprar acquista
""".split())
# Words that stand in a button's label without being one ("Liked by 21 people", "Add to quote",
# "Was this review helpful?").
_ACTION_GLUE = frozenset("""
by people person personen personne personnes persone personas mir me mi ik vind this it a an the
to of de la le du von page seite pagina click tap add more mehr plus show hide view gut schlecht
yes no ja nein oui non si sí answer post beitrag comment kommentar was is review war diese
""".split())
_BUTTON_WORDS = ACTIONS | _ACTION_GLUE
_REPLY = frozenset("""
reply replies respond antworten antwort beantworten répondre repondre responder responde rispondi
reageer reageren beantwoorden ответить yanıtla yanitla cevapla رد الرد
""".split())
# The link under a teaser: items that carry one are articles listed, not comments.
_TEASER = re.compile(r"^(?:continue reading|read more|read the rest|weiterlesen|mehr lesen|lire la suite|"
                     r"leer m[aá]s|leia mais|leggi (?:tutto|di più)|lees meer|(?:اقرا )?المزيد)\W*$")
_PINGBACK = re.compile(r"^(?:pingback|trackback)\s*:")
_LETTERS = re.compile(r"[^\W\d_]+")
_GLUED_BUTTONS = re.compile(r"(?<=[a-zäöüéèàç])(?=[A-ZÄÖÜÉ])")  # "ReplyDelete", "LikeLiked by 5 people"
_COUNTER = re.compile(r"^[\W\d_]{1,12}$")
_DIGIT = re.compile(r"\d")

# "Anna Berg says:", "Agi Joe sagt:", "hotaru.hino said:" (matched on the line with its white
# space collapsed, so that one space parts the name from the verb).
_SAYS = re.compile(
    r"^(?P<author>\S.{0,59}?) (?:says|said|wrote|writes|sagt|schreibt|meint|dit|a écrit|écrit|dice|"
    r"escribió|escribe|disse|scrive|ha scritto|zegt|schreef|пишет|написал|написала|yazdı|diyor) ?:?$",
    re.IGNORECASE)
_SAY_WORDS = frozenset("""says said wrote writes sagt schreibt meint dit écrit dice escribió escribe disse
scrive scritto zegt schreef пишет написал написала yazdı diyor""".split())
# "AUTHOR -TEXT": a short author, a space, a dash glued to the first word of the text.
_AUTHOR_DASH = re.compile(r"^(?P<author>[^\s\-–][^\-–]{0,59}?)\s{1,3}[-–](?P<text>\S)")
# An initial at the end of a name ("Sabrina K.", "S.", "D.E.") is not a sentence's full stop.
_INITIAL_END = re.compile(r"(?:^|\s|\.)[^\W\d_]\.$")
# Emoji, exclamation and question marks, quotes: a short text's, never a name's.
_NOT_IN_NAMES = re.compile("[!?¿¡\"“”„«»:;…\u2600-\u27bf\U0001f000-\U0001faff]")
# Brackets, quotes, emoji, a list item's number: not a name before a date.
_NOT_IN_AUTHORS = re.compile("[\\[\\]{}!?¿¡\"“”„«»;…\u2600-\u27bf\U0001f000-\U0001faff]|^\\d+[.)]")
_BYLINE = re.compile(r"^(?:by|par|por|von|di|door|av|بقلم)\s")

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
    "responses", "replies", "discussion", "reviews", "customer reviews", "user reviews", "diskussion",
    "reaktionen", "bewertungen", "kundenbewertungen", "réactions", "avis", "opiniones", "recensioni",
    "комментариев", "комментария", "отзывы", "تعليقان", "ردود", "الردود",
})
# Words that head a thread only after a count ("1 Kommentar", "3 Antworten", "12 thoughts"):
# alone, they are a button, a form's label or a comment's title.
_COUNTED = frozenset({
    "comment", "kommentar", "commentaire", "comentario", "comentário", "commento", "reactie", "yorum",
    "تعليق", "antworten", "antwort", "réponses", "reponses", "respuestas", "risposte", "thoughts", "gedanken",
    "reactions", "review",
})
# Words that name comments and nothing else, after a count.
_COMMENT_WORDS = COMMENTS_HEADINGS | frozenset({
    "comment", "kommentar", "commentaire", "comentario", "comentário", "commento", "reactie", "yorum",
    "تعليق", "تعليقان", "комментариев", "комментария",
})
# "12 thoughts on “Title”", "Ein Gedanke zu „…“", "3 Responses to …", "11 Antworten zu …"
_HEADING_PHRASE = re.compile(
    r"^(?:\d+|one|ein|eine|un|une|uno|una|bir) (?:thoughts?|responses?|replies|reply|comments?|gedanken?|"
    r"antworten|antwort|kommentare?|commentaires?|réponses?|reponses?|comentarios?|respuestas?|commenti|"
    r"risposte|reacties|reactie) (?:on|to|zu|über|sur|à|a|en|para|su|op|voor)\b")
# A stem every heading holds (one search rules out most lines).
_HEADING_HINT = re.compile(trie_pattern((
    "comment", "kommentar", "coment", "réaction", "reaction", "reaktion", "reactie", "review", "bewertung",
    "respo", "repl", "répon", "repon", "respuest", "rispost", "antwort", "thought", "gedanke", "discuss",
    "diskuss", "avis", "opinion", "recension", "interaction", "коммент", "отзыв", "yorum", "تعليق", "اراء",
    "ردود")))
_HEADING_NOISE = re.compile(r"[\d\s()\[\]{}:.,|…*#-]+")
# A count before the heading words: "12 ", "(3) ", "{ 38 ", "One ", "Ein " (not a list item's
# "3. " or "- ").
_HEADING_COUNT = re.compile(r"^[\[({]? ?(?:\d{1,6}|one|ein|eine|un|une|uno|una|bir) ?[\])}]? ")
_HEADING_WORD = re.compile(r"[^\W\d_]+")


def is_heading(text_key: str, words: int | None = None, *, certain: bool = False) -> bool:
    """True when a line (as a matching key) reads as the heading of a comments section: heading
    words with only counts and punctuation around them ("Comments (3)", "Kommentare:"), a count,
    heading words and a short tail ("{ 38 comments… read them below or add one }"), or
    "N thoughts on “Title”". A sentence about comments is not one. With ``certain``, only
    headings that can name nothing but comments: a count, or :data:`COMMENTS_HEADINGS`.

    >>> is_heading("12 kommentare"), is_heading("3 thoughts on “a long title of a post”")
    (True, True)
    >>> is_heading("comments on the proposal were due friday."), is_heading("3. review the logs")
    (False, False)
    >>> is_heading("reviews"), is_heading("reviews", certain=True)
    (True, False)
    """
    if words is None:
        words = text_key.count(" ") + 1
    if words > 40 or _HEADING_HINT.search(text_key) is None:
        return False
    if _HEADING_PHRASE.match(text_key):
        return True
    if words > 12:
        return False
    bare = _HEADING_NOISE.sub(" ", text_key).strip()
    if bare in (COMMENTS_HEADINGS if certain else HEADINGS):
        return True
    count = _HEADING_COUNT.match(text_key)
    if count is None or text_key.rstrip()[-1:] in ".!?؟":
        return False
    first = _HEADING_WORD.match(text_key, count.end())
    if first is None:
        return False
    if certain:  # "146 Reviews" under a product, "3 replies" under a topic: counts, not widgets
        return first.group() in _COMMENT_WORDS
    return first.group() in HEADINGS or first.group() in _COUNTED


@dataclass(frozen=True, slots=True)
class LineShape:
    """What a line could be in a thread.

    ``kind`` is one of ``heading``, ``end`` (a line that ends a thread, such as a reply form's),
    ``action`` (a button or a counter), ``teaser`` (a "Read more" link), ``pingback``, ``says``
    ("Anna says:"), ``date``, ``name-date`` (both on one line), ``avatar`` (an initial),
    ``dash`` (``AUTHOR -TEXT``), ``name`` or ``text``.
    """

    kind: str
    author: str | None = None
    when: HeaderDate | None = None
    #: The text of an ``AUTHOR -TEXT`` line.
    text: str | None = None
    #: A button line with a reply button, or a header line that ends with one.
    reply: bool = False
    #: At most five words and no closing sentence mark (a forum member's rank, a title).
    short: bool = False
    #: A short line with a figure ("Messages 412", "3 posts · Joined 2024").
    figure: bool = False


# Shapes that carry nothing of their own line are made once.
_TEXT = LineShape("text")
_TEXTS = {(short, figure): LineShape("text", short=short, figure=figure)
          for short in (False, True) for figure in (False, True)}
_HEADING = LineShape("heading")
_END = LineShape("end")
_TEASER_LINE = LineShape("teaser")
_PINGBACK_LINE = LineShape("pingback")
_COUNTER_LINE = LineShape("action")
_BUTTONS = {reply: LineShape("action", reply=reply) for reply in (False, True)}
_LONG_WORDS = 16   # a header line is never longer
_LONG_CHARS = 300


def shape_of(line: Line, is_end: Callable[[str, int], bool] | None = None) -> LineShape:
    """What ``line`` could be in a thread. ``is_end(key, words)`` names the lines that end one."""
    text = line.text.strip()
    words = line.words
    if not text:
        return _TEXT
    if words > _LONG_WORDS or len(text) > _LONG_CHARS:
        dash = _dash(text)
        if dash is not None:
            return dash
        if words <= 40 and len(text) <= 2 * _LONG_CHARS and is_heading(line.key, words):
            return _HEADING
        return _TEXT
    folded = line.key
    heading = is_heading(folded, words)
    if heading and _HEADING_COUNT.match(folded):
        return _HEADING  # "2 Replies": a count makes the button word a heading
    action = _action(text, folded, words)
    if action is not None:
        return action
    if heading:
        return _HEADING
    if _TEASER.match(folded):
        return _TEASER_LINE
    if _PINGBACK.match(folded):
        return _PINGBACK_LINE
    if is_end is not None and is_end(folded, words):
        return _END
    last_word = folded.rstrip(" :").rsplit(" ", 1)[-1]
    says = _SAYS.match(" ".join(text.split())) if last_word in _SAY_WORDS else None
    if says is not None:
        return LineShape("says", author=says["author"].strip())
    dated = _dated(text, words, folded)
    if dated is not None:
        return dated
    if (len(text) == 1 or (len(text) == 2 and text.isupper())) and text.isalpha():
        return LineShape("avatar", author=text)  # "S", "DE": not "On"
    dash = _dash(text)
    if dash is not None:
        return dash
    short = words <= 5 and text[-1] not in TERMINAL
    if _BYLINE.match(folded) is None and _is_name(text, words):
        return LineShape("name", author=text, short=short)
    return _TEXTS[short, short and _DIGIT.search(text) is not None]


def _action(text: str, folded: str | None = None, words: int = 0) -> LineShape | None:
    """A button or counter line ("Reply", "LikeLiked by 21 people", "+3", "Répondre"), or None.
    ``folded`` is the line's matching key and ``words`` its words, when known."""
    if len(text) > 80:
        return None
    folded = folded if folded is not None else key(text)
    first = _LETTERS.search(folded)
    if first is not None and first.group() not in _BUTTON_WORDS and len(first.group()) > 1 \
            and (words > 4 or _GLUED_BUTTONS.search(text) is None):
        return None  # most lines: a first word that is no button's, and no glued button words
    tokens = _LETTERS.findall(folded)
    if tokens and not all(t in _BUTTON_WORDS or len(t) == 1 for t in tokens):
        glued = _GLUED_BUTTONS.sub(" ", text)  # "ReplyDelete", "LikeLiked by 5 people"
        if glued == text:
            return None
        tokens = _LETTERS.findall(key(glued))
    if not tokens:
        return _COUNTER_LINE if _COUNTER.match(text) else None
    if len(tokens) > 8 or not any(t in ACTIONS for t in tokens):
        return None
    if not all(t in _BUTTON_WORDS or len(t) == 1 for t in tokens):
        return None
    return _BUTTONS[any(t in _REPLY for t in tokens)]


def _dated(text: str, words: int, folded: str) -> LineShape | None:
    """A date line, or a name and a date on one line, with nothing after them but buttons."""
    when = header_date(text, folded) if words <= 14 else None
    if when is None:
        return None
    trailer = _action(when.rest) if when.rest else None
    if when.rest and trailer is None and not _SAYS.match("x " + " ".join(when.rest.split())):
        return None  # "Posted on 21. Juli 2019 by Realiberry": a byline, not a header
    reply = trailer is not None and trailer.reply
    if when.author is None:
        return LineShape("date", when=when, reply=reply)
    author = when.author
    if len(author.split()) > 6 or len(author) > 60 or author[-1:] in TERMINAL:
        return None
    if _NOT_IN_AUTHORS.search(author):
        return None
    return LineShape("name-date", author=author, when=when, reply=reply)


def _dash(text: str) -> LineShape | None:
    """An ``AUTHOR -TEXT`` line (the author is read from the line's first characters only)."""
    head = text[:_LONG_CHARS]
    if "-" not in head and "–" not in head:
        return None
    found = _AUTHOR_DASH.match(head)
    if found is None:
        return None
    author = found["author"].strip()
    if not author or len(author.split()) > 5 or author[-1] in TERMINAL:
        return None
    return LineShape("dash", author=author, text=text[found.start("text"):].strip())


def _is_name(text: str, words: int) -> bool:
    """A short line that can be a person's name or handle: a few words, no sentence mark (an
    initial's full stop aside), no emoji or quotes, figures only in a one-word handle."""
    if words > 5 or len(text) > 50 or not _LETTERS.search(text) or _NOT_IN_NAMES.search(text):
        return False
    if (text[-1] in TERMINAL or text[-1] in ",،") and not _INITIAL_END.search(text):
        return False
    return words == 1 or not _DIGIT.search(text)
