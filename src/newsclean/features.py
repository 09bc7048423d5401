"""Per-line features the stages share: length in words, sentence shape, stopword density.

Features are computed from the raw text with string methods that run at C speed: they are
taken for every line of every page.

>>> f = line_features("The minister said on Monday that talks would resume.", stopwords("en"))
>>> f.words, f.terminal, round(f.stop_density, 2)
(9, True, 0.56)
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from newsclean.lang import packs, version
from newsclean.lang.stoplists import JUSTEXT_STOPLISTS
from newsclean.normalize import INVISIBLE, TERMINAL_PUNCTUATION

# Scripts written without spaces between words: a "word" there is about two characters.
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]")


def has_cjk(text: str, end: int) -> bool:
    """True when ``text[:end]`` holds a CJK character (kana, ideographs, hangul).

    ``max`` of the characters, at C speed, rules out most text (Arabic, Latin, Cyrillic) before
    the regex scans it a character at a time.

    >>> has_cjk("مرحبا 世界", 20), has_cjk("مرحبا", 20), has_cjk("", 5)
    (True, False, False)
    """
    head = text[:end]
    return bool(head) and max(head) >= "\u3040" and _CJK.search(head) is not None
_WORD = re.compile(r"\w+")
# White space and the invisible marks a line may end with (an RLM after an Arabic full stop).
_TRAILING = " \t\r\n\f\v\u00a0" + INVISIBLE
_CLOSERS = frozenset("\"'»”’)]」』）")

_ARABIC_RUN = re.compile(r"[\u0620-\u064a\u0671-\u06d3]+")
_PERSIAN_LETTER = re.compile(r"[پچژگ]|\u06cc(?=\s|$)")
_URDU_LETTER = re.compile(r"[ٹڈڑںےۓ]")


# Stopwords are matched against raw, lower-cased tokens, so the usual punctuation glued to a
# word is folded into the list once, instead of being stripped from every token of every page.
_GLUE_AFTER = (",", ".", "،", ":", ";", "؛", "?", "؟", "!", "\"", "»", "”", ")")
_GLUE_BEFORE = ("\"", "«", "“", "(")


def stopwords(lang: str | None) -> frozenset[str]:
    """The stop words of an ISO 639-1 code, with glued punctuation forms (empty if none): the
    language pack's own ``stop_words``, else the jusText stoplist its pack (or, for a language
    without a pack, :data:`~newsclean.lang.stoplists.JUSTEXT_STOPLISTS`) names."""
    return _stopwords((lang or "").lower(), version())


@lru_cache(maxsize=64)
def _stopwords(code: str, registry_version: int) -> frozenset[str]:
    pack = packs().get(code)
    if pack is not None and pack.stop_words:
        words = {w.lower() for w in pack.stop_words}
    else:
        name = pack.stoplist if pack is not None and pack.stoplist else JUSTEXT_STOPLISTS.get(code)
        if name is None:
            return frozenset()
        import justext

        words = {w.lower() for w in justext.get_stoplist(name)}
    forms = set(words)
    for w in words:
        forms.update(w + p for p in _GLUE_AFTER)
        forms.update(p + w for p in _GLUE_BEFORE)
    return frozenset(forms)


@dataclass(frozen=True, slots=True)
class Features:
    words: int            # words, or for CJK text about half its characters
    chars: int
    terminal: bool        # ends like a sentence or clause (Arabic marks included)
    stop_density: float   # share of words that are stopwords (0.0 without a stoplist)
    alpha_ratio: float    # share of characters that are not digits or common symbols


_SAMPLE = 400
_NOT_ALPHA = "0123456789.,:;/|_-()[]@#%+=*<>"
_NOT_ALPHA_BYTES = _NOT_ALPHA.encode("ascii")


def symbol_count(text: str) -> int:
    """How many digits and common symbols (of figures, dates, prices, scores) ``text`` holds.

    The symbols are ASCII, and in UTF-8 an ASCII byte is always its own character: the count is
    what deleting them from the encoded text removes (two C calls, where a regex class or a
    ``str.count`` per symbol costs far more).

    >>> symbol_count("Nov 20, 2019"), symbol_count("الساعة ١٠:٣٠ - 2024/05/01")
    (7, 12)
    """
    data = text.encode("utf-8", "surrogatepass")
    return len(data) - len(data.translate(None, _NOT_ALPHA_BYTES))


def line_features(text: str, stop: frozenset[str]) -> Features:
    """Measure one line of raw text. Long lines are measured on a sample of their start,
    which is enough for ratios and costs the same for a paragraph as for a 10 MB line."""
    sample = text[:_SAMPLE]
    tokens = sample.lower().split()
    if len(text) > _SAMPLE and tokens:
        tokens.pop()  # the sample may cut the last word in half
        words = text.count(" ") + 1
    else:
        words = len(tokens)
    if not sample.isascii() and has_cjk(sample, 200):
        words = max(words, len(text.strip()) // 2)
    stripped = text.rstrip(_TRAILING)
    # A closing quote or bracket ends a sentence only when a sentence mark stands before it.
    while len(stripped) > 1 and stripped[-1] in _CLOSERS:
        stripped = stripped[:-1].rstrip(_TRAILING)
    terminal = bool(stripped) and stripped[-1] in TERMINAL_PUNCTUATION
    stop_hits = sum(map(stop.__contains__, tokens)) if stop else 0
    # Lines of figures and symbols (prayer times, scores, prices) are short; long lines are not.
    visible = len(sample) - sample.count(" ")
    symbols = symbol_count(sample) if words < 30 else 0
    return Features(
        words=words,
        chars=len(text),
        terminal=terminal,
        stop_density=stop_hits / len(tokens) if tokens else 0.0,
        alpha_ratio=1.0 - symbols / visible if visible else 0.0,
    )


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of ``text`` by py3langid (a maintained fork of langid.py), or None."""
    global _detector
    sample = text[:600]
    letters = sum(map(len, _WORD.findall(sample))) - sum(map(sample.count, "0123456789"))
    if letters < 20:
        return None
    # Arabic script is read by its letters alone: it costs microseconds, where the statistical
    # model costs milliseconds. Persian and Urdu have letters Arabic lacks.
    arabic = sum(map(len, _ARABIC_RUN.findall(sample)))
    if arabic > 0.6 * letters:
        if _URDU_LETTER.search(sample):
            return "ur"
        return "fa" if _PERSIAN_LETTER.search(sample) else "ar"
    import py3langid  # loads its model once, on first use

    lang, _ = py3langid.classify(sample[:400])
    return str(lang)
