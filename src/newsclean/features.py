"""Per-line features the stages share: length in words, sentence shape, stopword density.

Features are computed from a line's matching key, so an Arabic line written with tashkeel or
Arabic-Indic digits measures the same as its plain spelling.

>>> f = line_features("The minister said on Monday that talks would resume.", stopwords("en"))
>>> f.words, f.terminal, round(f.stop_density, 2)
(9, True, 0.44)
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from newsclean.normalize import TERMINAL_PUNCTUATION, key

# Scripts written without spaces between words: a "word" there is about two characters.
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]")
_WORD = re.compile(r"\w+")
_CLOSERS = frozenset("\"'»”’)]」』）")

# ISO 639-1 codes to the names of jusText's stoplists (shipped with jusText, a trafilatura dependency).
_STOPLIST_NAMES = {
    "af": "Afrikaans", "ar": "Arabic", "bg": "Bulgarian", "ca": "Catalan", "cs": "Czech",
    "da": "Danish", "de": "German", "el": "Greek", "en": "English", "es": "Spanish",
    "et": "Estonian", "eu": "Basque", "fa": "Persian", "fi": "Finnish", "fr": "French",
    "ga": "Irish", "gl": "Galician", "he": "Hebrew", "hi": "Hindi", "hr": "Croatian",
    "hu": "Hungarian", "id": "Indonesian", "is": "Icelandic", "it": "Italian", "ko": "Korean",
    "lt": "Lithuanian", "lv": "Latvian", "mk": "Macedonian", "ms": "Malay", "nl": "Dutch",
    "no": "Norwegian_Bokmal", "nb": "Norwegian_Bokmal", "pl": "Polish", "pt": "Portuguese",
    "ro": "Romanian", "ru": "Russian", "sk": "Slovak", "sl": "Slovenian", "sr": "Serbian",
    "sv": "Swedish", "sw": "Swahili", "tl": "Tagalog", "tr": "Turkish", "uk": "Ukrainian",
    "ur": "Urdu", "vi": "Vietnamese", "cy": "Welsh",
}


@lru_cache(maxsize=64)
def stopwords(lang: str | None) -> frozenset[str]:
    """jusText's stoplist for an ISO 639-1 code, folded to matching keys (empty if none)."""
    name = _STOPLIST_NAMES.get((lang or "").lower())
    if name is None:
        return frozenset()
    import justext

    return frozenset(key(w) for w in justext.get_stoplist(name))


@dataclass(frozen=True, slots=True)
class Features:
    words: int            # words, or for CJK text about half its characters
    chars: int
    terminal: bool        # ends like a sentence or clause (Arabic marks included)
    stop_density: float   # share of words that are stopwords (0.0 without a stoplist)
    alpha_ratio: float    # share of characters that are letters


def line_features(text_key: str, stop: frozenset[str]) -> Features:
    """Measure one line, given its matching key."""
    tokens = _WORD.findall(text_key)
    cjk = len(_CJK.findall(text_key)) if not text_key.isascii() else 0
    words = max(len(tokens), cjk // 2)
    stripped = text_key.rstrip()
    # A closing quote or bracket ends a sentence only when a sentence mark stands before it.
    while len(stripped) > 1 and stripped[-1] in _CLOSERS:
        stripped = stripped[:-1].rstrip()
    terminal = bool(stripped) and stripped[-1] in TERMINAL_PUNCTUATION
    stop_hits = sum(1 for t in tokens if t in stop) if stop else 0
    letters = sum(1 for c in text_key if c.isalpha())
    return Features(
        words=words,
        chars=len(text_key),
        terminal=terminal,
        stop_density=stop_hits / len(tokens) if tokens else 0.0,
        alpha_ratio=letters / len(text_key) if text_key else 0.0,
    )


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of ``text`` by py3langid (a maintained fork of langid.py), or None."""
    global _detector
    sample = text[:5000]
    if sum(c.isalpha() for c in sample) < 20:
        return None
    import py3langid  # loads its model once, on first use

    lang, _ = py3langid.classify(sample)
    return str(lang)
