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

from newsclean.document import Line
from newsclean.lang import Lexicon, every_pack
from newsclean.normalize import key
from newsclean.rules import trie_pattern
from newsclean.threads.stamps import HeaderDate, header_date

# ACTIONS, COMMENTS_HEADINGS and HEADINGS (every pack's words) are still read from here: __getattr__.
__all__ = ["ALL_HINTS", "DATE_HINT", "END_HINT", "HEADING_HINT", "TERMINAL", "LineShape", "ThreadWords",
           "is_heading", "line_shape", "shape_of"]

#: Marks that close a sentence (a name or a title has none).
TERMINAL = frozenset(".!?؟:;…")

# Words that stand in a button's label without being one ("Liked by 21 people", "Add to quote",
# "Was this review helpful?"), the button words themselves, reply buttons, "Read more" under a
# teaser, "Anna says:", and the headings of a comments section all come from the language packs
# (:mod:`newsclean.lang`), merged for the page's languages: :class:`ThreadWords`.
_LETTERS = re.compile(r"[^\W\d_]+")
_GLUED_BUTTONS = re.compile(r"(?<=[a-zäöüéèàç])(?=[A-ZÄÖÜÉ])")  # "ReplyDelete", "LikeLiked by 5 people"
_COUNTER = re.compile(r"^[\W\d_]{1,12}$")
_DIGIT = re.compile(r"\d")
# "AUTHOR -TEXT": a short author, a space, a dash glued to the first word of the text.
_AUTHOR_DASH = re.compile(r"^(?P<author>[^\s\-–][^\-–]{0,59}?)\s{1,3}[-–](?P<text>\S)")
# An initial at the end of a name ("Sabrina K.", "S.", "D.E.") is not a sentence's full stop.
_INITIAL_END = re.compile(r"(?:^|\s|\.)[^\W\d_]\.$")
# Emoji, exclamation and question marks, quotes: a short text's, never a name's.
_NOT_IN_NAMES = re.compile("[!?¿¡\"“”„«»:;…\u2600-\u27bf\U0001f000-\U0001faff]")
# Brackets, quotes, emoji, a list item's number: not a name before a date.
_NOT_IN_AUTHORS = re.compile("[\\[\\]{}!?¿¡\"“”„«»;…\u2600-\u27bf\U0001f000-\U0001faff]|^\\d+[.)]")
_HEADING_NOISE = re.compile(r"[\d\s()\[\]{}:.,|…*#-]+")
_HEADING_WORD = re.compile(r"[^\W\d_]+")


def _alternation(words: tuple[str, ...]) -> str:
    return "|".join(words) if words else "(?!)"


class ThreadWords:
    """The words comment threads are made of, in the languages of one lexicon, compiled once.

    ``actions`` are the buttons and counters under a comment, ``comments_headings`` the headings
    that name reader comments and nothing else, ``headings`` all headings of a comments section
    (the others may also head a part of an article: "Discussion", "Reviews").
    """

    def __init__(self, lexicon: Lexicon) -> None:
        self.actions = lexicon.keys("actions")
        self.buttons = self.actions | lexicon.keys("action_glue")
        self.replies = lexicon.keys("reply_words")
        # The link under a teaser: items that carry one are articles listed, not comments.
        self.teaser = re.compile(rf"^(?:{_alternation(lexicon.words('teasers'))})\W*$")
        self.pingback = re.compile(rf"^(?:{_alternation(lexicon.words('pingbacks'))})\s*:")
        # "Anna Berg says:", "Agi Joe sagt:", "hotaru.hino said:" (matched on the line with its
        # white space collapsed, so that one space parts the name from the verb).
        says = lexicon.words("say_words")
        self.says = re.compile(rf"^(?P<author>\S.{{0,59}}?) (?:{_alternation(says)}) ?:?$", re.IGNORECASE)
        self.say_words = frozenset(w.rsplit(" ", 1)[-1] for w in says)
        self.byline = re.compile(rf"^(?:{_alternation(lexicon.words('by_words'))})\s")
        self.comments_headings = lexicon.keys("comments_headings")
        self.headings = self.comments_headings | lexicon.keys("headings")
        # Words that head a thread only after a count ("1 Kommentar", "3 Antworten", "12
        # thoughts"): alone, they are a button, a form's label or a comment's title.
        self.counted = lexicon.keys("counted_headings")
        # Words that name comments and nothing else, after a count.
        self.comment_words = self.comments_headings | lexicon.keys("comment_words")
        counts = _alternation(("\\d+", *lexicon.words("count_words")))
        # "12 thoughts on “Title”", "Ein Gedanke zu „…“", "3 Responses to …", "11 Antworten zu …"
        self.heading_phrase = re.compile(
            rf"^(?:{counts}) (?:{_alternation(lexicon.words('heading_nouns'))}) "
            rf"(?:{_alternation(lexicon.words('heading_links'))})\b")
        # A stem every heading holds (one search rules out most lines).
        self.heading_hint = re.compile(trie_pattern(lexicon.words("heading_stems")) or "(?!)")
        # A count before the heading words: "12 ", "(3) ", "{ 38 ", "One ", "Ein " (not a list
        # item's "3. " or "- ").
        short_counts = _alternation(("\\d{1,6}", *lexicon.words("count_words")))
        self.heading_count = re.compile(rf"^[\[({{]? ?(?:{short_counts}) ?[\])}}]? ")

    def is_heading(self, text_key: str, words: int | None = None, *, certain: bool = False) -> bool:
        """:func:`is_heading` with these words."""
        return _is_heading(text_key, words, certain, self)

    @classmethod
    def of(cls, lexicon: Lexicon | None) -> ThreadWords:
        """The thread words of ``lexicon`` (of every pack when None), compiled once per lexicon."""
        lexicon = lexicon if lexicon is not None else every_pack()
        return lexicon.compiled("threads:words", lambda: cls(lexicon))


def __getattr__(name: str) -> frozenset[str]:
    # The word sets of every installed pack, under the names they had as module constants.
    every = {"ACTIONS": "actions", "COMMENTS_HEADINGS": "comments_headings", "HEADINGS": "headings"}
    if name in every:
        found: frozenset[str] = getattr(ThreadWords.of(None), every[name])
        return found
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def is_heading(text_key: str, words: int | None = None, *, certain: bool = False,
               lexicon: Lexicon | None = None) -> bool:
    """True when a line (as a matching key) reads as the heading of a comments section: heading
    words with only counts and punctuation around them ("Comments (3)", "Kommentare:"), a count,
    heading words and a short tail ("{ 38 comments… read them below or add one }"), or
    "N thoughts on “Title”". A sentence about comments is not one. With ``certain``, only
    headings that can name nothing but comments: a count, or the packs' ``comments_headings``.
    The headings are every pack's unless a ``lexicon`` is given.

    >>> is_heading("12 kommentare"), is_heading("3 thoughts on “a long title of a post”")
    (True, True)
    >>> is_heading("comments on the proposal were due friday."), is_heading("3. review the logs")
    (False, False)
    >>> is_heading("reviews"), is_heading("reviews", certain=True)
    (True, False)
    """
    return _is_heading(text_key, words, certain, ThreadWords.of(lexicon))


def _is_heading(text_key: str, words: int | None, certain: bool, w: ThreadWords) -> bool:
    if words is None:
        words = text_key.count(" ") + 1
    if words > 40 or w.heading_hint.search(text_key) is None:
        return False
    if w.heading_phrase.match(text_key):
        return True
    if words > 12:
        return False
    bare = _HEADING_NOISE.sub(" ", text_key).strip()
    if bare in (w.comments_headings if certain else w.headings):
        return True
    count = w.heading_count.match(text_key)
    if count is None or text_key.rstrip()[-1:] in ".!?؟":
        return False
    first = _HEADING_WORD.match(text_key, count.end())
    if first is None:
        return False
    if certain:  # "146 Reviews" under a product, "3 replies" under a topic: counts, not widgets
        return first.group() in w.comment_words
    return first.group() in w.headings or first.group() in w.counted


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


def shape_of(line: Line, is_end: Callable[[str, int], bool] | None = None, *,
             lexicon: Lexicon | None = None) -> LineShape:
    """What ``line`` could be in a thread. ``is_end(key, words)`` names the lines that end one;
    the words of buttons, headings and headers are ``lexicon``'s (every pack's when None)."""
    return line_shape(line.text, line.words, line.key, is_end, ThreadWords.of(lexicon))


#: What a line's key may hold, found for a whole page at once (:func:`line_shape`'s ``hints``):
#: a heading's stem, an ending line's literals, something a date is written with.
HEADING_HINT, END_HINT, DATE_HINT = 1, 2, 4
ALL_HINTS = HEADING_HINT | END_HINT | DATE_HINT


def line_shape(raw: str, words: int, folded: str, is_end: Callable[[str, int], bool] | None,
               w: ThreadWords, hints: int = ALL_HINTS) -> LineShape:
    """:func:`shape_of` of a line's ``raw`` text, its ``words`` and its matching key ``folded``,
    with the thread words compiled. ``hints`` says what the key may hold (a page's keys are
    searched for them at once): a check whose hint is missing cannot succeed and is skipped."""
    text = raw.strip()
    if not text:
        return _TEXT
    if words > _LONG_WORDS or len(text) > _LONG_CHARS:
        dash = _dash(text)
        if dash is not None:
            return dash
        if words <= 40 and len(text) <= 2 * _LONG_CHARS and hints & HEADING_HINT \
                and _is_heading(folded, words, False, w):
            return _HEADING
        return _TEXT
    heading = bool(hints & HEADING_HINT) and _is_heading(folded, words, False, w)
    if heading and w.heading_count.match(folded):
        return _HEADING  # "2 Replies": a count makes the button word a heading
    action = _action(text, w, folded, words)
    if action is not None:
        return action
    if heading:
        return _HEADING
    if w.teaser.match(folded):
        return _TEASER_LINE
    if w.pingback.match(folded):
        return _PINGBACK_LINE
    if is_end is not None and hints & END_HINT and is_end(folded, words):
        return _END
    last_word = folded.rstrip(" :").rsplit(" ", 1)[-1]
    says = w.says.match(" ".join(text.split())) if last_word in w.say_words else None
    if says is not None:
        return LineShape("says", author=says["author"].strip())
    dated = _dated(text, words, folded, w) if hints & DATE_HINT else None
    if dated is not None:
        return dated
    if (len(text) == 1 or (len(text) == 2 and text.isupper())) and text.isalpha():
        return LineShape("avatar", author=text)  # "S", "DE": not "On"
    dash = _dash(text)
    if dash is not None:
        return dash
    short = words <= 5 and text[-1] not in TERMINAL
    if _is_name(text, words) and w.byline.match(folded) is None:
        return LineShape("name", author=text, short=short)
    return _TEXTS[short, short and _DIGIT.search(text) is not None]


def _action(text: str, w: ThreadWords, folded: str | None = None, words: int = 0) -> LineShape | None:
    """A button or counter line ("Reply", "LikeLiked by 21 people", "+3", "Répondre"), or None.
    ``folded`` is the line's matching key and ``words`` its words, when known."""
    if len(text) > 80:
        return None
    folded = folded if folded is not None else key(text)
    first = _LETTERS.search(folded)
    if first is not None and first.group() not in w.buttons and len(first.group()) > 1 \
            and (words > 4 or text == text.lower() or _GLUED_BUTTONS.search(text) is None):
        return None  # most lines: a first word that is no button's, and no glued button words
    tokens = _LETTERS.findall(folded)
    if tokens and not all(t in w.buttons or len(t) == 1 for t in tokens):
        glued = _GLUED_BUTTONS.sub(" ", text)  # "ReplyDelete", "LikeLiked by 5 people"
        if glued == text:
            return None
        tokens = _LETTERS.findall(key(glued))
    if not tokens:
        return _COUNTER_LINE if _COUNTER.match(text) else None
    if len(tokens) > 8 or not any(t in w.actions for t in tokens):
        return None
    if not all(t in w.buttons or len(t) == 1 for t in tokens):
        return None
    return _BUTTONS[any(t in w.replies for t in tokens)]


def _dated(text: str, words: int, folded: str, w: ThreadWords) -> LineShape | None:
    """A date line, or a name and a date on one line, with nothing after them but buttons."""
    when = header_date(text, folded) if words <= 14 else None
    if when is None:
        return None
    trailer = _action(when.rest, w) if when.rest else None
    if when.rest and trailer is None and not w.says.match("x " + " ".join(when.rest.split())):
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
    if words > 5 or len(text) > 50 or (words > 1 and _DIGIT.search(text)):
        return False
    if not _LETTERS.search(text) or _NOT_IN_NAMES.search(text):
        return False
    if (text[-1] in TERMINAL or text[-1] in ",،") and not _INITIAL_END.search(text):
        return False
    return True
