"""Language packs: what newsclean knows of each language, as data, one module per language.

A :class:`Pack` holds one language's calls to act (promos), the labels sites give their own
chrome, comment-widget phrases and the words comment threads are made of, byline and dateline
words, news agencies, month names and time words, and its stop words, as spaCy keeps
``spacy/lang/<code>/``. ``xx`` is the language-neutral pack (©, links, brand names, time zones).
Stages hold no phrase of their own: they read the :class:`Lexicon` of the page's languages, the
union of the active packs, which compiles each rule family once per set of languages.

The page's language is known before any stage runs (:func:`newsclean.language.page_language`);
the lexicon of a page is that language's pack, the neutral pack and English, which pages of
every language mix in (:data:`ALWAYS`). A page whose language has no pack, or is unknown, gets
every pack. Dates and times are read in every installed language (a page's date line may be in
another language than its text).

Adding a language is adding a pack: a module with a ``PACK``, registered with :func:`register`
or shipped in a distribution under the entry-point group ``newsclean.languages``
(docs/languages.md).

>>> sorted(packs())[:4]
['ar', 'de', 'en', 'es']
>>> lexicon("fr").codes, lexicon("fr", "en").codes
(('fr', 'xx', 'en'), ('fr', 'xx', 'en'))
>>> from newsclean.stages.promos import match_promo
>>> [match_promo("اضغط هنا للاشتراك", lexicon=lexicon(lang)) for lang in ("ar", "en")]
['subscribe', None]
"""

from __future__ import annotations

import importlib
import threading
import warnings
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field, fields
from functools import lru_cache
from importlib.metadata import entry_points
from typing import Any, TypeVar

from newsclean.errors import NewscleanWarning
from newsclean.normalize import key
from newsclean.rules import Rule, RuleFamily

__all__ = [
    "ALWAYS", "BUILT_IN", "ENTRY_POINT_GROUP", "NEUTRAL", "Lexicon", "Pack", "Phrase", "active_codes",
    "every_pack", "lexicon", "packs", "register", "unregister",
]

#: The code of the language-neutral pack (spaCy's code for "multi-language").
NEUTRAL = "xx"
#: Packs every page's lexicon holds besides its own language's: the neutral pack, and English,
#: which pages in every language mix in ("Share", "Follow us", "All rights reserved").
ALWAYS: tuple[str, ...] = (NEUTRAL, "en")
#: The packs that ship with newsclean, as modules of this package.
BUILT_IN: tuple[str, ...] = ("xx", "ar", "en", "fr", "es", "pt", "de", "it", "nl", "ru", "tr")
ENTRY_POINT_GROUP = "newsclean.languages"

#: Where a phrase of a family's pattern takes the merged words of a word list of the active packs:
#: ``⟨apps⟩`` in a promo call becomes an alternation of every active pack's ``apps``.
SLOT_OPEN, SLOT_CLOSE = "⟨", "⟩"


@dataclass(frozen=True, slots=True)
class Phrase:
    """One rule as data: a reason code, a pattern on the matching key (:mod:`newsclean.normalize`)
    and the literals a match must contain, one of them at least (none: the pattern runs on every
    line; anchored patterns fail fast). ``⟨name⟩`` in the pattern stands for the merged word list
    ``name`` of the active packs; as a needle, for each of its words (then literal words).

    The stage that reads a family decides the order of its reasons and the most words a line
    may have for each: a pack only says how its language writes them.
    """

    reason: str
    pattern: str
    needles: tuple[str, ...] = ()


@dataclass(frozen=True)
class Pack:
    """What newsclean knows of one language. Every field is optional; see docs/languages.md for
    what each one is used for. Words are written as people write them (they are folded to
    matching keys when a lexicon is built) unless the field says it holds regex pieces or keys.
    """

    code: str
    name: str
    # --- rule families: phrases by reason (patterns on matching keys) ------------------------
    promos: tuple[Phrase, ...] = ()            # calls to subscribe, follow, download, read also...
    chrome: tuple[Phrase, ...] = ()            # footers, embedded posts, links, counters
    comment_widgets: tuple[Phrase, ...] = ()   # comment forms and rules ("Leave a Reply")
    bylines: tuple[Phrase, ...] = ()           # author lines ("كتبت ...", "By ...")
    captions: tuple[Phrase, ...] = ()          # photo credits ("Photo: ...")
    # --- word lists merged into the families' patterns (regex pieces on keys) ----------------
    apps: tuple[str, ...] = ()                 # apps and networks one is asked to follow or join
    share_words: tuple[str, ...] = ()          # the buttons of a share row
    by_words: tuple[str, ...] = ()             # "by" before an author's name
    and_words: tuple[str, ...] = ()            # what joins two authors' names (" and", " &")
    author_labels: tuple[str, ...] = ()        # "Author:", "Autor:"
    photo_labels: tuple[str, ...] = ()         # "Photo:", "صورة:"
    photo_agencies: tuple[str, ...] = ()       # agencies credited under photos
    credit_via: tuple[str, ...] = ()           # "via" before a photo agency
    # --- chrome by its words ------------------------------------------------------------------
    time_words: tuple[str, ...] = ()           # words that make a line a timestamp: months, days, "ago"
    time_glue: tuple[str, ...] = ()            # words a timestamp may hold that say nothing alone
    # --- the dateline -------------------------------------------------------------------------
    agencies: tuple[str, ...] = ()             # news agencies named in a dateline
    not_place: tuple[str, ...] = ()            # words that open a clause or a label, not a place
    # --- comment threads (docs/stages.md, "Reader comments") ---------------------------------
    comments_headings: tuple[str, ...] = ()    # headings that name reader comments and nothing else
    headings: tuple[str, ...] = ()             # other headings of a comments section ("Reviews")
    counted_headings: tuple[str, ...] = ()     # words that head a thread only after a count
    comment_words: tuple[str, ...] = ()        # words that name comments, after a count
    heading_nouns: tuple[str, ...] = ()        # "12 thoughts on ...": the noun (regex pieces)
    heading_links: tuple[str, ...] = ()        # "12 thoughts on ...": the preposition
    heading_stems: tuple[str, ...] = ()        # stems every heading holds (a pre-check)
    count_words: tuple[str, ...] = ()          # "one", "ein": a count written out
    actions: tuple[str, ...] = ()              # the buttons and counters under a comment
    action_glue: tuple[str, ...] = ()          # words that stand in a button's label
    reply_words: tuple[str, ...] = ()          # the reply buttons among the actions
    teasers: tuple[str, ...] = ()              # "Read more" under a listed article (regex pieces)
    pingbacks: tuple[str, ...] = ()            # "Pingback:"
    say_words: tuple[str, ...] = ()            # "Anna says:", "Anna a écrit :" (regex pieces)
    # --- dates and times (read in every installed language) ----------------------------------
    months: Mapping[int, tuple[str, ...]] = field(default_factory=dict)
    time_units: Mapping[str, tuple[str, ...]] = field(default_factory=dict)  # unit -> words
    dual_units: Mapping[str, str] = field(default_factory=dict)    # a dual that is its own count
    unit_stems: tuple[tuple[str, str], ...] = ()                     # (stem, unit) of declined words
    one_words: tuple[str, ...] = ()            # "a", "ein": one of the unit
    ago_after: tuple[str, ...] = ()            # "3 days ago": after the count (regex pieces)
    ago_after_bare: tuple[str, ...] = ()       # "minute ago": after a unit with no count
    ago_before: tuple[str, ...] = ()           # "vor 3 Tagen": before the count (regex pieces)
    ago_before_bare: tuple[str, ...] = ()      # "منذ ساعتين": before a unit, the count optional
    ago_hints: tuple[str, ...] = ()            # literals one of which every relative time holds
    day_words: Mapping[str, int] = field(default_factory=dict)    # "yesterday" -> 1 day back
    clock_words: tuple[str, ...] = ()          # "at", "um" before a time of day (regex pieces)
    date_join_words: tuple[str, ...] = ()      # "Anna on March 3": what joins a name to a date
    not_names: tuple[str, ...] = ()            # words that open a date line, not a name
    # --- stop words ---------------------------------------------------------------------------
    stoplist: str | None = None                # the name of jusText's stoplist for the language
    stop_words: frozenset[str] = frozenset()   # or the stop words themselves

    def __post_init__(self) -> None:
        if not self.code or self.code != self.code.lower():
            raise ValueError(f"a pack's code is a lower-case ISO 639-1 code (or 'xx'), not {self.code!r}")


# --- the registry ---------------------------------------------------------------------------

_PACKS: dict[str, Pack] = {}
_LOCK = threading.RLock()
_loaded = False
#: Bumped on every change to the registry, so compiled lexicons of an older registry are not reused.
_version = 0


def _load() -> None:
    """Load the built-in packs and those installed under :data:`ENTRY_POINT_GROUP`, once."""
    global _loaded, _version
    if _loaded:
        return
    with _LOCK:
        if _loaded:
            return
        for code in BUILT_IN:
            module = importlib.import_module(f"newsclean.lang.{code}")
            _PACKS.setdefault(code, module.PACK)
        for ep in entry_points(group=ENTRY_POINT_GROUP):
            try:
                found = ep.load()
                pack = getattr(found, "PACK", found)
                if not isinstance(pack, Pack):
                    raise TypeError(f"{ep.value} is not a newsclean.lang.Pack")
                if pack.code in _PACKS:
                    raise ValueError(f"the language {pack.code!r} already has a pack")
                _PACKS[pack.code] = pack
            except Exception as error:  # noqa: BLE001  (one broken pack must not stop cleaning)
                warnings.warn(f"language pack {ep.name!r} ({ep.value}) was not loaded: "
                              f"{type(error).__name__}: {error}", NewscleanWarning, stacklevel=2)
        _loaded = True
        _version += 1


def packs() -> dict[str, Pack]:
    """Every installed pack by code: the built-in ones, installed plugins' and registered ones."""
    _load()
    return dict(_PACKS)


def register(pack: Pack, *, replace: bool = False) -> None:
    """Install ``pack`` in this process (a language's pack, or a better one with ``replace``)."""
    global _version
    if not isinstance(pack, Pack):
        raise TypeError(f"register() takes a newsclean.lang.Pack, not {type(pack).__name__}")
    _load()
    with _LOCK:
        if pack.code in _PACKS and not replace:
            raise ValueError(f"the language {pack.code!r} already has a pack; "
                             "pass replace=True to replace it")
        _PACKS[pack.code] = pack
        _version += 1


def unregister(code: str) -> None:
    """Remove the pack of ``code`` from this process (the neutral pack stays)."""
    global _version
    if code == NEUTRAL:
        raise ValueError("the neutral pack cannot be removed")
    _load()
    with _LOCK:
        _PACKS.pop(code, None)
        _version += 1


def version() -> int:
    """A number that changes whenever a pack is installed or removed."""
    _load()
    return _version


def active_codes(*langs: str | None) -> tuple[str, ...]:
    """The packs a page in ``langs`` reads (its language, and the one its text is in when an
    HTML page states another): theirs, then :data:`ALWAYS`; every pack when no language is known
    or none has a pack.

    >>> active_codes("ar"), active_codes("en"), active_codes("en", "es")
    (('ar', 'xx', 'en'), ('xx', 'en'), ('es', 'xx', 'en'))
    >>> len(active_codes(None)) == len(active_codes("zxx")) == len(packs())
    True
    """
    installed = _installed()
    codes = [c for c in (_code(lang) for lang in langs) if c in installed and c != NEUTRAL]
    if not codes:
        return tuple(sorted(installed, key=_pack_order))
    # The page's own languages first, then those every page reads.
    own = [c for c in codes if c not in ALWAYS]
    return tuple(dict.fromkeys(c for c in (*own, *ALWAYS) if c in installed))


def _code(lang: str | None) -> str:
    """The primary subtag of a language tag, lower case: ``de-AT`` -> ``de``."""
    return (lang or "").lower().replace("_", "-").split("-")[0]


def _installed() -> dict[str, Pack]:
    _load()
    return _PACKS


def _pack_order(code: str) -> tuple[int, str]:
    return (BUILT_IN.index(code), "") if code in BUILT_IN else (len(BUILT_IN), code)


# --- lexicons: the union of packs, compiled once ---------------------------------------------

T = TypeVar("T")


class Lexicon:
    """The merged, compiled knowledge of a set of packs: one per set of languages, kept.

    Rule families are compiled into one matcher each (:class:`~newsclean.rules.RuleFamily`);
    word lists are merged in pack order. Modules that combine words into patterns of their own
    (the comment-thread reader, dates) compile them once per lexicon with :meth:`compiled`.
    """

    def __init__(self, chosen: Iterable[Pack]) -> None:
        self.packs: tuple[Pack, ...] = tuple(chosen)
        self.codes: tuple[str, ...] = tuple(p.code for p in self.packs)
        self._built: dict[str, Any] = {}
        self._lock = threading.RLock()  # a build may ask for another (nested) build

    def words(self, name: str) -> tuple[str, ...]:
        """The word list ``name`` (a :class:`Pack` field) of every pack, merged in order."""
        return tuple(dict.fromkeys(w for p in self.packs for w in getattr(p, name)))

    def keys(self, name: str) -> frozenset[str]:
        """The word list ``name`` folded to matching keys, as a set."""
        return frozenset(key(w) for w in self.words(name))

    def phrases(self, family: str) -> tuple[Phrase, ...]:
        """The phrases of the family ``family`` (a :class:`Pack` field) of every pack, in order."""
        return tuple(phrase for p in self.packs for phrase in getattr(p, family))

    def merged(self, name: str) -> dict[Any, Any]:
        """The mapping ``name`` (a :class:`Pack` field) of every pack merged; tuples of values
        are joined, other values taken from the first pack that gives them."""
        out: dict[Any, Any] = {}
        for p in self.packs:
            for k, v in getattr(p, name).items():
                if isinstance(v, tuple):
                    out[k] = tuple(dict.fromkeys((*out.get(k, ()), *v)))
                else:
                    out.setdefault(k, v)
        return out

    def pattern(self, text: str) -> str:
        """``text`` with each ``⟨name⟩`` replaced by an alternation of the merged word list ``name``."""
        while SLOT_OPEN in text:
            start = text.index(SLOT_OPEN)
            end = text.index(SLOT_CLOSE, start)
            name = text[start + 1:end]
            words = self.words(name)
            # A slot no active pack fills matches nothing (an empty alternation would match anything).
            filling = "(?:" + "|".join(words) + ")" if words else "(?!)"
            text = text[:start] + filling + text[end + 1:]
        return text

    def needles(self, family: str) -> dict[str, tuple[str, ...]]:
        """The literals of each reason of the family ``family`` whose phrases all name theirs
        (with each ``⟨name⟩`` needle read as its list's words): one of them every line a phrase
        of the reason matches holds."""
        phrases = self.phrases(family)
        out: dict[str, tuple[str, ...]] = {}
        for reason in dict.fromkeys(p.reason for p in phrases):
            mine = [p for p in phrases if p.reason == reason]
            if all(p.needles for p in mine):
                out[reason] = tuple(dict.fromkeys(n for p in mine for n in self._needles(p.needles)))
        return out

    def family(self, name: str, limits: Iterable[tuple[str, int]]) -> RuleFamily:
        """The rule family ``name`` compiled: one rule per reason of ``limits`` (in order, with the
        most words a line may have), its pattern the alternation of the active packs' phrases."""
        return self.compiled(f"family:{name}", lambda: self._family(name, tuple(limits)))

    def _family(self, name: str, limits: tuple[tuple[str, int], ...]) -> RuleFamily:
        phrases = self.phrases(name)
        known = {reason for reason, _ in limits}
        unknown = sorted({p.reason for p in phrases} - known)
        if unknown:
            raise ValueError(f"{name}: unknown reasons {unknown} (the stage knows {sorted(known)})")
        rules = []
        for reason, most in limits:
            mine = [p for p in phrases if p.reason == reason]
            if not mine:
                continue
            pattern = "|".join(self.pattern(p.pattern) for p in mine)
            # The literals pre-check holds only when every phrase of the reason names its own.
            needles = () if any(not p.needles for p in mine) else tuple(
                dict.fromkeys(n for p in mine for n in self._needles(p.needles)))
            rules.append(Rule(reason, pattern, most, needles))
        return RuleFamily(rules, name=name)

    def _needles(self, needles: tuple[str, ...]) -> Iterator[str]:
        """``needles`` with each ``⟨name⟩`` replaced by the (literal) words of the list ``name``."""
        for needle in needles:
            if needle.startswith(SLOT_OPEN) and needle.endswith(SLOT_CLOSE):
                yield from self.words(needle[1:-1])
            else:
                yield needle

    def compiled(self, name: str, build: Callable[[], T]) -> T:
        """``build()``, made once per lexicon and kept under ``name``."""
        found = self._built.get(name)
        if found is None:
            with self._lock:
                found = self._built.get(name)
                if found is None:
                    found = self._built[name] = build()
        return found

    def __repr__(self) -> str:
        return f"Lexicon({', '.join(self.codes)})"


@lru_cache(maxsize=64)
def _lexicon(codes: tuple[str, ...], registry_version: int) -> Lexicon:
    installed = _installed()
    return Lexicon(installed[c] for c in codes if c in installed)


def lexicon(*langs: str | None) -> Lexicon:
    """The lexicon a page in ``langs`` reads (:func:`active_codes`), compiled once per process."""
    return _lexicon(active_codes(*langs), version())


_every: tuple[int, Lexicon] | None = None


def every_pack() -> Lexicon:
    """The lexicon of every installed pack: what dates and times are read with."""
    global _every
    found, now = _every, version()
    if found is None or found[0] != now:
        found = _every = (now, _lexicon(tuple(sorted(_installed(), key=_pack_order)), now))
    return found[1]


def pack_fields() -> tuple[str, ...]:
    """The names of a :class:`Pack`'s fields, for documentation and checks."""
    return tuple(f.name for f in fields(Pack))
