"""Promo lines: calls to subscribe, follow, join, download, read also or watch.

The calls are the language packs' (:mod:`newsclean.lang`, ``promos``), matched on matching keys,
so spelling variants (``اضغط``/``إضغط``, ``الاشتراك``/``الإشتراك``, ``أيضا``/``أيضاً``) all
match. A sentence that merely *mentions* Telegram or an app is not a call and stays body.

>>> from newsclean.document import Document
>>> story = "حظرت روسيا تطبيق تلغرام بعد رفضه تسليم مفاتيح التشفير للسلطات."
>>> doc = Document.from_text("إضغط هنا للإشتراك\\n" + story, lang="ar")
>>> Promos()(doc)
>>> [(line.label, line.reason) for line in doc.lines]
[('promo', 'subscribe'), (None, None)]
"""

from __future__ import annotations

import re

from newsclean.document import Document
from newsclean.hints import page_hints
from newsclean.lang import Lexicon, every_pack
from newsclean.registry import stage
from newsclean.rules import RuleFamily

#: The calls, in the order they are tried, and the most words a line holding one may have: a
#: call to act is short; a long line is a story that happens to mention the words.
PROMO_REASONS: tuple[tuple[str, int], ...] = (
    ("subscribe", 20), ("follow", 20), ("app", 30), ("join", 20), ("read-also", 20), ("watch", 25),
)
_WATCH_WORDS = dict(PROMO_REASONS)["watch"]
# Lines that carry an embedded post's link may be long and still be a call ("... watch via the link 👇").
_EMBED = re.compile(r"pic\.twitter\.com/|https?://t\.co/|👇", re.IGNORECASE)


def promo_family(lexicon: Lexicon) -> RuleFamily:
    """The promo calls of ``lexicon``'s packs, compiled once per lexicon."""
    return lexicon.family("promos", PROMO_REASONS)


def carries_embed(tail: str) -> bool:
    """True when ``tail`` (a line's end) holds an embedded post's link or a pointing hand."""
    # ``in`` tests first: a regex scans a long Arabic line a character at a time.
    low = tail.lower()
    return ("t.co/" in low or "twitter.com/" in low or "👇" in tail) and _EMBED.search(tail) is not None


def match_promo(text_key: str, words: int | None = None, *, lexicon: Lexicon | None = None) -> str | None:
    """The reason code of the first promo call ``text_key`` matches, or None (every pack's calls
    unless a ``lexicon`` is given).

    >>> match_promo("follow us on telegram"), match_promo("the ministry will follow the rules.")
    ('follow', None)
    """
    family = promo_family(lexicon if lexicon is not None else every_pack())
    if words is None:
        words = text_key.count(" ") + 1
    reason = family.match(text_key, words)
    if reason is None and words > _WATCH_WORDS and _EMBED.search(text_key):
        watch = next((rule for rule in family.rules if rule.reason == "watch"), None)
        if watch is not None and watch.compiled.search(text_key):
            return "watch"
    return reason


@stage("promos")
class Promos:
    """Label call-to-action lines as promos, wherever they stand.

    ``extra``: more ``(reason, pattern)`` pairs, matched on keys after the packs' calls.
    """

    def __init__(self, *, extra: tuple[tuple[str, str], ...] = ()) -> None:
        self.extra = tuple((reason, re.compile(p)) for reason, p in extra)

    def __call__(self, doc: Document) -> None:
        lexicon = doc.lexicon
        family = promo_family(lexicon)
        ids, words = doc.verdict_ids, doc.words
        found = family.scan(doc.key_table(), words, ids, hints=page_hints(doc))
        most = family.max_words
        for i in range(doc.size):
            if ids[i] or (i not in found and words[i] <= _WATCH_WORDS and not self.extra):
                continue
            reason = found.get(i)
            if reason is None:
                # A long line is a call only when it carries an embedded post's link ("watch ... 👇").
                if words[i] > most and not carries_embed(doc.tail_of(i, 300)):
                    continue
                key = doc.key_of(i)
                if words[i] > _WATCH_WORDS:
                    reason = match_promo(key, words[i], lexicon=lexicon)
                if reason is None:
                    reason = next((r for r, p in self.extra if p.search(key)), None)
            if reason is not None:
                doc.label(i, "promo", reason, "a call to " + reason.replace("-", " "))
