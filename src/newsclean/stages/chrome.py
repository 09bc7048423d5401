"""Chrome a single line gives away by itself: footers, share rows, timestamps, embedded posts,
bare links, counters and lines of control characters. Navigation runs, tags and related lists
need context; the region stage labels those.

>>> from newsclean.document import Document
>>> lines = ["جميع الحقوق محفوظة © 2020", "اليوم 13:00", "فيسبوك تويتر واتساب", "\\x00\\x01x\\x02"]
>>> doc = Document.from_text("\\n".join(lines))
>>> Chrome()(doc)
>>> [line.reason for line in doc.lines]
['footer', 'timestamp', 'share-row', 'control-characters']
"""

from __future__ import annotations

import itertools
import re

from newsclean.binary import mostly_control
from newsclean.document import Document
from newsclean.registry import stage
from newsclean.rules import Rule, first_match

# Words a date or time line is made of, as matching keys ("اليوم 13:00", "15 اب",
# "الإثنين، 24 أغسطس 2020 09:23 ص", "17:27 GMT 17.03.2020", "منذ ساعتين"). Checked token by
# token, so the cost is linear and no pattern can backtrack. Strong words make a line a
# timestamp; weak ones ("في", "at") may stand in one but say nothing alone.
_TIME_STRONG = frozenset("""
يناير فبراير مارس ابريل مايو يونيو يونيه يوليو يوليه اغسطس سبتمبر اكتوبر نوفمبر ديسمبر
كانون الثاني شباط اذار نيسان ايار حزيران تموز اب ايلول تشرين الاول
جانفي فيفري افريل ماي جوان جويليه اوت يوليوز غشت شتنبر نونبر دجنبر
السبت الاحد الاثنين الثلاثاء الاربعاء الخميس الجمعه
اليوم امس منذ ساعه ساعات ساعتين دقيقه دقائق دقيقتين يوم ايام يومين اسبوع اسبوعين
jan january feb february mar march apr april may jun june jul july aug august sep sept september
oct october nov november dec december mon monday tue tuesday wed wednesday thu thursday fri friday
sat saturday sun sunday ago hour hours min mins minute minutes day days week weeks today yesterday
""".split())
_TIME_WEAK = frozenset("""
ص م هـ مساء صباحا محدثه اخر تحديث نشر في بتاريخ بتوقيت غرينتش جرينتش مكه القدس
gmt utc est edt bst cet am pm updated published posted at on de del le um
""".split())
_TIME_SPLIT = re.compile(r"[\s,،/()|:.\-]+")
_CLOCK = re.compile(r"\d{1,2}:\d{2}|\d{1,4}[./-]\d{1,2}[./-]\d{1,4}")
_NUMBER = re.compile(r"\d{1,4}(?:st|nd|rd|th|h|هـ|م)?")


def _is_timestamp(text_key: str) -> bool:
    """Only date and time words and numbers, with at least one clock time, date word or
    relative word ("منذ ساعتين", "2 hours ago") so that a bare counter is not a timestamp."""
    tokens = [t for t in _TIME_SPLIT.split(text_key) if t]
    strong = False
    for token in tokens:
        if token in _TIME_STRONG:
            strong = True
        elif token not in _TIME_WEAK and not _NUMBER.fullmatch(token):
            return False
    return strong or _CLOCK.search(text_key) is not None


#: What a line *is*, checked in order: reason, pattern on the key, most words, needles.
CHROME_RULES: tuple[Rule, ...] = (
    # The Arabic phrase ends a footer ("... محفوظة © 2020 مؤسسة دبي للإعلام"); in a sentence a
    # clause follows it ("محفوظة للمودعين، وأن ...").
    Rule("footer", r"©|\(c\) ?\d{4}|"
                   r"(?:جميع الحقوق|حقوق (?:النشر|الطبع|الملكيه)(?: \S+)?) محفوظه(?: [^\s,]+){0,6}$|"
                   r"all rights reserved|tous droits r[ée]serv[ée]s|todos los derechos reservados",
         15, ("©", "(c)", "محفوظه", "reserv")),
    Rule("embedded-post", r"pic\.twitter\.com/|(?<!\S)https?://t\.co/\S+$|— .{1,60}\(@\w+\)|a post shared by|"
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
# Embedded posts may be long; on long lines they are looked for in the raw text first. A tweet
# ends in its t.co link; only the last token is tested, since a search for "t.co/...$" anywhere
# in the line is quadratic on a token of repeated links.
_EMBED_RAW = re.compile(r"pic\.twitter\.com/|instagram\.com/p/", re.IGNORECASE)
# "com/" in any case: both _EMBED_RAW patterns hold it, and most long lines do not.
_COM = tuple("".join(letters) + "/" for letters in itertools.product("cC", "oO", "mM"))
_TCO_LAST = re.compile(r"(?<!\S)https?://t\.co/\S+\Z", re.IGNORECASE)


def _embedded(text: str) -> bool:
    # ``in`` tests first: a regex scans a long Arabic line a character at a time.
    if any(hint in text for hint in _COM) and _EMBED_RAW.search(text):
        return True
    tokens = text[-4096:].rsplit(None, 1)
    return bool(tokens) and _TCO_LAST.match(tokens[-1]) is not None


def match_chrome(text_key: str, words: int | None = None) -> str | None:
    """The reason code of the first chrome rule ``text_key`` matches, or None."""
    if words is None:
        words = text_key.count(" ") + 1
    if words <= 10 and _is_timestamp(text_key):
        return "timestamp"
    return first_match(CHROME_RULES, text_key, words)


@stage("chrome")
class Chrome:
    """Label lines that are chrome whatever surrounds them."""

    def __call__(self, doc: Document) -> None:
        for line in doc.lines:
            if line.label != "blank" and mostly_control(line.text):
                # Binary data among the lines (in a str, or in a few lines of a text): never an
                # article's part, whatever an earlier stage said.
                doc.label(line.index, "chrome", "control-characters", "mostly control characters")
            elif line.is_open and (line.words <= _MAX_WORDS or _embedded(line.text)):
                reason = match_chrome(line.key, line.words)
                if reason is not None:
                    doc.label(line.index, "chrome", reason, reason.replace("-", " "))
