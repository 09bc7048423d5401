"""Promo lines: calls to subscribe, follow, join, download, read also or watch.

Rules are imperative calls matched on matching keys, so spelling variants
(``اضغط``/``إضغط``, ``الاشتراك``/``الإشتراك``, ``أيضا``/``أيضاً``) all match. A sentence that
merely *mentions* Telegram or an app is not a call and stays body.

>>> from newsclean.document import Document
>>> story = "حظرت روسيا تطبيق تلغرام بعد رفضه تسليم مفاتيح التشفير للسلطات."
>>> doc = Document.from_text("إضغط هنا للإشتراك\\n" + story)
>>> Promos()(doc)
>>> [(line.label, line.reason) for line in doc.lines]
[('promo', 'subscribe'), (None, None)]
"""

from __future__ import annotations

import re

from newsclean.document import Document
from newsclean.registry import stage
from newsclean.rules import Rule, first_match, max_words

_APPS = (r"(?:تلغرام|تليغرام|تيليغرام|تلجرام|تليجرام|تيليجرام|telegram|واتساب|واتس اب|whatsapp|"
         r"فيسبوك|facebook|تويتر|twitter|انستغرام|انستجرام|instagram|يوتيوب|youtube|تيك توك|tiktok|"
         r"غوغل نيوز|جوجل نيوز|google news|نبض|x)")

#: Each rule: reason, pattern on the key, most words a line may have, literals a match contains.
#: A call to act is short; a long line is a story that happens to mention the words.
PROMO_RULES: tuple[Rule, ...] = (
    Rule("subscribe",
         r"(?:اضغط|انقر|اشترك|سجل) (?:هنا|الان)|للاشتراك|^الاشتراك|اشترك (?:في|الان|مجانا)|"
         r"(?:النشره|نشرتنا) (?:البريديه|الاخباريه)|subscribe|sign up|newsletter|abonnez-vous|suscr[ií]bete",
         20, ("اضغط", "انقر", "اشترك", "سجل", "الاشتراك", "النشره", "نشرتنا", "subscri", "sign up",
              "newsletter", "abonnez", "suscr")),
    Rule("follow",
         r"^تابع(?:ونا|وا|ي)? (?:اخبار|اخر|اهم|كل|جديد|المزيد|تغطيتنا|قناه|صفحه|حساب)|^تابعنا|تابعونا|تابعوا|"
         r"follow (?:us|@)|like us on|^s[ií]guenos|^suivez-nous|^siga-nos|^folge uns",
         20, ("تابع", "follow", "like us", "guenos", "suivez", "siga-nos", "folge")),
    Rule("app",
         r"(?:متابعه|تابع|تابعوا|حمل|حملوا|نزل|نزلوا|ادخل|انضم|انضموا) "
         r".{0,60}(?:تطبيق|قناه|قناتنا|حساب|صفحه)|"
         r"(?:من خلال|عبر) (?:تطبيق|قناه|قناتنا|حسابنا|صفحتنا).{0,20}" + _APPS + r"|"
         r"download (?:the|our) .{0,30}app\b|get (?:the|our) app\b|join (?:us|our) .{0,30}" + _APPS,
         30, ("تطبيق", "قناه", "قناتنا", "حساب", "صفحه", "صفحتنا", " app", "join")),
    Rule("join", r"^انضم(?:وا)? (?:الي|ل)|join (?:the conversation|us)\b", 20, ("انضم", "join")),
    Rule("read-also",
         r"^(?:اقرا|اقرئي) (?:ايضا|المزيد|كذلك|للكاتب)|^(?:انظر|شاهد) ايضا|"
         r"^(?:مواضيع|اخبار|مقالات) (?:ذات صله|متعلقه)\s*:|^تصفح المزيد$|^المزيد من .{0,30}$|"
         r"^(?:read|see) (?:also|more)\b|^related(?: articles?| stories)?\s*:|^more on this\b|"
         r"^(?:lea|lee|leia|lire|lisez|lesen sie|leggi) "
         r"(?:tambi[eé]n|m[aá]s|aussi|tamb[eé]m|auch|anche)\b|^lea:",
         20),
    Rule("watch",
         r"(?<![^\s.!?:؟…])شاهدوا|^شاهد .{0,40}(?:الفيديو|الرابط)|(?:من خلال|عبر) الرابط|"
         r"^(?:watch|listen)\b.{0,40}\b(?:video|live|podcast|here)\b",
         25, ("شاهد", "الرابط", "watch", "listen")),
)
_WATCH = PROMO_RULES[-1]
# Lines that carry an embedded post's link may be long and still be a call ("... watch via the link 👇").
_EMBED = re.compile(r"pic\.twitter\.com/|https?://t\.co/|👇", re.IGNORECASE)
_MAX_WORDS = max_words(PROMO_RULES)


def _carries_embed(tail: str) -> bool:
    # ``in`` tests first: a regex scans a long Arabic line a character at a time.
    low = tail.lower()
    return ("t.co/" in low or "twitter.com/" in low or "👇" in tail) and _EMBED.search(tail) is not None


def match_promo(text_key: str, words: int | None = None) -> str | None:
    """The reason code of the first promo rule ``text_key`` matches, or None."""
    if words is None:
        words = text_key.count(" ") + 1
    reason = first_match(PROMO_RULES, text_key, words)
    if reason is None and words > _WATCH.max_words and _EMBED.search(text_key):
        if _WATCH.compiled.search(text_key):
            return _WATCH.reason
    return reason


@stage("promos")
class Promos:
    """Label call-to-action lines as promos, wherever they stand."""

    def __init__(self, *, extra: tuple[tuple[str, str], ...] = ()) -> None:
        self.extra = tuple((reason, re.compile(p)) for reason, p in extra)

    def __call__(self, doc: Document) -> None:
        for line in doc.lines:
            if not line.is_open:
                continue
            # A long line is a call only when it carries an embedded post's link ("watch ... 👇").
            if line.words > _MAX_WORDS and not _carries_embed(line.text[-300:]):
                continue
            reason = match_promo(line.key, line.words)
            if reason is None:
                reason = next((r for r, p in self.extra if p.search(line.key)), None)
            if reason is not None:
                doc.label(line.index, "promo", reason, "a call to " + reason.replace("-", " "))
