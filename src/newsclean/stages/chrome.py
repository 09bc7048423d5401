"""Chrome a single line gives away by itself: footers, share rows, timestamps, embedded posts,
bare links and counters. Navigation runs, tags and related lists need context; the region
stage labels those.

>>> from newsclean.document import Document
>>> doc = Document.from_text("جميع الحقوق محفوظة © 2020\\nاليوم 13:00\\nفيسبوك تويتر واتساب")
>>> Chrome()(doc)
>>> [line.reason for line in doc.lines]
['footer', 'timestamp', 'share-row']
"""

from __future__ import annotations

import re

from newsclean.document import Document
from newsclean.pipeline import stage
from newsclean.rules import Rule, first_match

# Words a date or time line is made of, as matching keys ("اليوم 13:00", "15 اب",
# "الإثنين، 24 أغسطس 2020 09:23 ص", "17:27 GMT 17.03.2020"). Checked token by token, so the
# cost is linear and no pattern can backtrack.
_TIME_TOKENS = frozenset("""
يناير فبراير مارس ابريل مايو يونيو يونيه يوليو يوليه اغسطس سبتمبر اكتوبر نوفمبر ديسمبر
كانون الثاني شباط اذار نيسان ايار حزيران تموز اب ايلول تشرين الاول
جانفي فيفري افريل ماي جوان جويليه اوت يوليوز غشت شتنبر نونبر دجنبر
السبت الاحد الاثنين الثلاثاء الاربعاء الخميس الجمعه
اليوم امس منذ ساعه ساعات ساعتين دقيقه دقائق دقيقتين يوم ايام يومين اسبوع ص م هـ مساء صباحا
محدثه اخر تحديث نشر في بتاريخ بتوقيت غرينتش جرينتش مكه القدس
jan january feb february mar march apr april may jun june jul july aug august sep sept september
oct october nov november dec december mon monday tue tuesday wed wednesday thu thursday fri friday
sat saturday sun sunday gmt utc est edt bst cet am pm ago hour hours min mins minute minutes day
days week weeks today yesterday updated published posted at on de del le am um
""".split())
_TIME_SPLIT = re.compile(r"[\s,،/()|:.\-]+")
_NUMBER = re.compile(r"\d{1,4}(?:st|nd|rd|th|h|هـ|م)?")


def _is_timestamp(text_key: str) -> bool:
    tokens = [t for t in _TIME_SPLIT.split(text_key) if t]
    has_number = False
    for token in tokens:
        if _NUMBER.fullmatch(token):
            has_number = True
        elif token not in _TIME_TOKENS:
            return False
    return has_number or (0 < len(tokens) <= 3 and tokens[0] in ("اليوم", "امس", "today", "yesterday"))


#: What a line *is*, checked in order: reason, pattern on the key, most words, needles.
CHROME_RULES: tuple[Rule, ...] = (
    Rule("footer", r"©|\(c\) ?\d{4}|جميع الحقوق محفوظه|حقوق (?:النشر|الطبع|الملكيه)(?: \S+)? محفوظه|"
                   r"all rights reserved|tous droits r[ée]serv[ée]s|todos los derechos reservados",
         30, ("©", "(c)", "محفوظه", "reserv")),
    Rule("embedded-post", r"pic\.twitter\.com/|https?://t\.co/\S+$|— .{1,60}\(@\w+\)|a post shared by|"
                          r"instagram\.com/p/|منشور (?:شاركه|تمت مشاركته)",
         200, ("pic.twitter", "t.co/", "(@", "a post shared", "instagram.com/p/", "منشور")),
    Rule("url", r"^(?:https?://|www\.)\S+$", 3),
    Rule("counter", r"^(?=.*\d)[\d\s.,:()+%kmb]+$", 8),
    Rule("share-row", r"^(?:(?:share|shares|tweet|email|e-mail|print|pin|pinterest|interest|whats ?app|"
                      r"facebook|twitter|linkedin|reddit|telegram|messenger|copy(?: link)?|link|sms|mail|"
                      r"فيسبوك|فيس بوك|تويتر|واتساب|واتس اب|لينكدين|لينكد ان|تلغرام|تليجرام|طباعه|ارسال|"
                      r"مشاركه|شارك|انسخ الرابط|نسخ الرابط|البريد الالكتروني|ايميل|حفظ|"
                      r"انستغرام|انستجرام|يوتيوب|rss|خدمه rss|google|جوجل|غوغل)[\s,|/·•:-]*){1,12}$", 14),
    Rule("separator", r"^[\W_]+$", 40),
)
_MAX_WORDS = max(r.max_words for r in CHROME_RULES if r.reason != "embedded-post")
# Embedded posts may be long; on long lines they are looked for in the raw text first.
_EMBED_RAW = re.compile(r"pic\.twitter\.com/|https?://t\.co/\S+\s*$|instagram\.com/p/", re.IGNORECASE)


def match_chrome(text_key: str, words: int | None = None) -> str | None:
    """The reason code of the first chrome rule ``text_key`` matches, or None."""
    if words is None:
        words = text_key.count(" ") + 1
    reason = first_match(CHROME_RULES, text_key, words)
    if reason is None and words <= 10 and _is_timestamp(text_key):
        return "timestamp"
    return reason


@stage("chrome")
class Chrome:
    """Label lines that are chrome whatever surrounds them."""

    def __call__(self, doc: Document) -> None:
        for line in doc.lines:
            if line.is_open and (line.words <= _MAX_WORDS or _EMBED_RAW.search(line.text)):
                reason = match_chrome(line.key, line.words)
                if reason is not None:
                    doc.label(line.index, "chrome", reason, reason.replace("-", " "))
