"""Matching keys: fold the ways one word is written so that rules match every spelling.

A key is only ever used to *decide*; the text a user gets back is never altered.

>>> key("إضغط هنا للإشتراك") == key("اضغط هنا للاشتراك")
True
>>> key("أيضاً") == key("ايضا")
True
>>> key("٢٠٢٠ ــ Reuters")
'2020 - reuters'
"""

from __future__ import annotations

import re
import unicodedata

import pyarabic.araby as araby

#: Marks that change how text is shown, never what it says (bidi controls, zero-width marks).
INVISIBLE = (
    "\u200b\u200c\u200d\u200e\u200f"          # zero-width space/joiners, LRM, RLM
    "\u202a\u202b\u202c\u202d\u202e"          # bidi embeddings and overrides
    "\u2066\u2067\u2068\u2069\u061c\ufeff\u00ad"  # bidi isolates, ALM, BOM, soft hyphen
)

_FOLD: dict[int, str | None] = {ord(c): None for c in INVISIBLE + "".join(araby.TASHKEEL) + "\u0670"}
_FOLD.update({ord(c): araby.ALEF for c in (araby.ALEF_MADDA, araby.ALEF_HAMZA_ABOVE,
                                            araby.ALEF_HAMZA_BELOW, araby.ALEF_WASLA)})
_FOLD.update({
    ord(araby.ALEF_MAKSURA): araby.YEH,
    ord("\u06cc"): araby.YEH,          # Persian yeh
    ord("\u06a9"): "\u0643",           # keheh -> kaf
    ord(araby.TEH_MARBUTA): araby.HEH,
    ord("\u060c"): ",",                # Arabic comma
    ord("\u061b"): ";",                # Arabic semicolon
    ord("\u061f"): "?",                # Arabic question mark
    ord("\u00a0"): " ",
})
# Arabic-Indic (U+0660..) and Persian (U+06F0..) digits fold to ASCII.
_FOLD.update({0x0660 + i: str(i) for i in range(10)})
_FOLD.update({0x06F0 + i: str(i) for i in range(10)})

# Two ways to fold, both at C speed. A regex character class costs tens of nanoseconds a
# character on Arabic text, and a one-character ``in`` test a few hundred nanoseconds a call
# whatever the length: a short text runs one deleting class (marks) and a few replaces
# (letters), a long one an ``in`` test for each character to fold, and a replace for the few
# it holds. (str.translate, a dict lookup per character, is slower than both.)
_DELETE = re.compile("[" + "".join(re.escape(chr(c)) for c, v in _FOLD.items() if v is None) + "]+")
# (Digits by a table; the Persian yeh and keheh, which sit among them, replaced as letters.)
_ARABIC_DIGITS = frozenset(range(0x0660, 0x066A)) | frozenset(range(0x06F0, 0x06FA))
_REPLACE = tuple((chr(c), v) for c, v in _FOLD.items() if v is not None and c not in _ARABIC_DIGITS)
_DIGITS = re.compile("[\u0660-\u0669\u06f0-\u06f9]")
_DIGIT_MAP = str.maketrans({c: v for c, v in _FOLD.items() if v is not None and c in _ARABIC_DIGITS})
_FOLDS = tuple((chr(c), v or "") for c, v in _FOLD.items())
_SHORT = 100


def _fold(text: str) -> str:
    if len(text) > _SHORT:
        for old, new in _FOLDS:
            if old in text:
                text = text.replace(old, new)
        return text
    text = _DELETE.sub("", text)
    for old, new in _REPLACE:
        if old in text:
            text = text.replace(old, new)
    if _DIGITS.search(text):
        text = text.translate(_DIGIT_MAP)
    return text


# A tatweel that touches a space is a dash ("غزة ـ «القدس العربي»"); inside a word it only
# stretches the letters ("الأخبـــار") and disappears.
_TATWEEL_DASH = re.compile(r"(?:(?<=\s)ـ+|ـ+(?=\s)|^ـ+|ـ+$)")
_TATWEEL = araby.TATWEEL

#: Punctuation that ends a sentence or clause, Arabic marks included.
TERMINAL_PUNCTUATION = frozenset(".!?…。！？؟:;؛")
#: Every character treated as punctuation, Arabic marks included.
PUNCTUATION = frozenset("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~«»“”‘’…–—،؛؟・。、！？")


def key(text: str) -> str:
    """Return the matching key of ``text``: NFKC, no bidi or zero-width marks, no tashkeel,
    tatweel dropped (or read as a dash beside a space), alef/ya/teh folded, digits in ASCII,
    lower case and single spaces.

    >>> key("الأَخبـــار")
    'الاخبار'
    """
    if text.isascii():
        return " ".join(text.split()).lower()
    if not unicodedata.is_normalized("NFKC", text):
        text = unicodedata.normalize("NFKC", text)
    if _TATWEEL in text:
        text = _TATWEEL_DASH.sub("-", text).replace(_TATWEEL, "")
    return " ".join(_fold(text).split()).lower()


def keys_of_lines(text: str) -> list[str]:
    """:func:`key` of each line of ``text`` (lines joined by ``\\n``), folded as one text.

    Every step of a key works a character at a time or stops at a line break (NFKC composes no
    mark with a line break, a tatweel beside one is a dash as at a line's ends, lower case reads
    no context across one, words are split a line at a time): the keys of lines joined are the
    lines' keys joined, for a handful of calls instead of a handful a line.

    >>> lines = ["الأَخبـــار", "ـ Reuters ـ", "", "Home  Page", "ΟΔΟΣ", "٢٠٢٠ ــ x"]
    >>> keys_of_lines("\\n".join(lines)) == [key(t) for t in lines]
    True
    """
    if not text.isascii():
        if not unicodedata.is_normalized("NFKC", text):
            text = unicodedata.normalize("NFKC", text)
        if _TATWEEL in text:
            text = _TATWEEL_DASH.sub("-", text).replace(_TATWEEL, "")
        text = _fold(text)
    # A line that is printable (the space is the only white space that is) with no space at
    # its ends or twice in a row is its own single-spaced form: most lines, left as they are.
    return [line if line.isprintable() and "  " not in line and line[:1] != " " and line[-1:] != " "
            else " ".join(line.split()) for line in text.lower().split("\n")]


def is_punctuation(char: str) -> bool:
    """True for any punctuation mark, Arabic ``؟ ، ؛`` included.

    >>> is_punctuation("؟"), is_punctuation("،"), is_punctuation("ب")
    (True, True, False)
    """
    return char in PUNCTUATION or unicodedata.category(char).startswith("P")
