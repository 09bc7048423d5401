"""Promo lines: calls to subscribe, follow, join, download, read also or watch.

Rules are imperative calls matched on matching keys, so spelling variants
(``اضغط``/``إضغط``, ``الاشتراك``/``الإشتراك``, ``أيضا``/``أيضاً``) all match. A sentence that
merely *mentions* Telegram or an app is not a call and stays body.

>>> from newsclean.document import Document
>>> doc = Document.from_text("إضغط هنا للإشتراك\\nحظرت روسيا تطبيق تلغرام بعد رفضه تسليم مفاتيح التشفير للسلطات.")
>>> Promos()(doc)
>>> [(line.label, line.reason) for line in doc.lines]
[('promo', 'subscribe'), (None, None)]
"""

from __future__ import annotations

import re

from newsclean.document import Document
from newsclean.pipeline import stage

_APPS = r"(?:تلغرام|تليغرام|تيليغرام|تلجرام|تليجرام|تيليجرام|telegram|واتساب|واتس اب|whatsapp|فيسبوك|facebook|تويتر|twitter|انستغرام|انستجرام|instagram|يوتيوب|youtube|تيك توك|tiktok|غوغل نيوز|جوجل نيوز|google news|نبض|x)"

#: (reason, pattern on the key, max words). A rule applies only to lines no longer than max words,
#: because a call to act is short; a long line is a story that mentions the words.
PROMO_RULES: tuple[tuple[str, str, int], ...] = (
    ("subscribe", r"(?:اضغط|انقر|اشترك|سجل) (?:هنا|الان)|للاشتراك|^الاشتراك|اشترك في|اشترك الان|اشترك مجانا|"
                  r"(?:النشره|نشرتنا) (?:البريديه|الاخباريه)|"
                  r"\bsubscribe\b|\bsign up\b|\bnewsletter\b|\babonnez-vous\b|\bsuscr[ií]bete\b", 25),
    ("follow", r"^تابع(?:ونا|وا|ي)? (?:اخبار|اخر|اهم|كل|جديد|المزيد|تغطيتنا|قناه|صفحه|حساب)|^تابعنا\b|تابعونا|تابعوا|\bfollow (?:us|@)|\blike us on\b|"
               r"^s[ií]guenos|^suivez-nous|^siga-nos|^folge uns", 25),
    ("app", r"(?:متابعه|تابع|تابعوا|حمل|حملوا|نزل|نزلوا|ادخل|انضم|انضموا)\b.{0,60}\b(?:تطبيق|قناه|قناتنا|حساب|صفحه)\b|"
            r"(?:من خلال|عبر) (?:تطبيق|قناه|قناتنا|حسابنا|صفحتنا)\b.{0,20}" + _APPS + r"|"
            r"\bdownload (?:the|our)\b.{0,30}\bapp\b|\bget (?:the|our) app\b|\bjoin (?:us|our)\b.{0,30}" + _APPS, 30),
    ("join", r"^انضم(?:وا)? (?:الي|ل)|\bjoin (?:the conversation|us)\b", 20),
    ("read-also", r"^(?:اقرا|إقرأ|اقرئي) (?:ايضا|المزيد|كذلك|للكاتب)|^(?:انظر|شاهد) ايضا|^(?:اقرا|شاهد) ايضا|"
                  r"^(?:مواضيع|اخبار|مقالات) (?:ذات صله|متعلقه)\s*:|^تصفح المزيد$|^المزيد من\b.{0,30}$|"
                  r"^(?:read|see) (?:also|more)\b|^related(?: articles?| stories)?\s*:|^more on this\b|"
                  r"^(?:lea|lee|leia|lire|lisez|lesen sie|leggi) (?:tambi[eé]n|m[aá]s|aussi|tamb[eé]m|auch|anche)\b|^lea:", 20),
    ("watch", r"(?:^|[\s.!?:؟…])شاهدوا\b|^شاهد\b.{0,40}(?:الفيديو|الرابط)|(?:من خلال|عبر) الرابط|"
              r"^(?:watch|listen)\b.{0,40}\b(?:video|live|podcast|here)\b", 60),
)

_COMPILED = tuple((reason, re.compile(pattern), max_words) for reason, pattern, max_words in PROMO_RULES)
# Lines that carry an embedded post's link may be long and still be a call ("... watch via the link 👇").
_EMBED = re.compile(r"pic\.twitter\.com/|https?://t\.co/|👇")


def match_promo(text_key: str) -> str | None:
    """The reason code of the first promo rule ``text_key`` matches, or None."""
    words = text_key.count(" ") + 1
    embedded = _EMBED.search(text_key) is not None
    for reason, pattern, max_words in _COMPILED:
        if (words <= max_words or (embedded and reason == "watch")) and pattern.search(text_key):
            return reason
    return None


@stage("promos")
class Promos:
    """Label call-to-action lines as promos, wherever they stand."""

    def __init__(self, *, extra: tuple[tuple[str, str], ...] = ()) -> None:
        self.extra = tuple((reason, re.compile(p)) for reason, p in extra)

    def __call__(self, doc: Document) -> None:
        for line in doc.lines:
            if not line.is_open:
                continue
            reason = match_promo(line.key)
            if reason is None:
                reason = next((r for r, p in self.extra if p.search(line.key)), None)
            if reason is not None:
                doc.label(line.index, "promo", reason, "a call to " + reason.replace("-", " "))
