"""Matching keys fold the ways one word is written; the text a user gets back is never altered."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsclean import clean_article
from newsclean.normalize import _fold, key, keys_of_lines

SAME_KEY = [
    pytest.param("اضْغَطْ هُنا", "اضغط هنا", id="tashkeel-dropped"),
    pytest.param("أيضاً", "ايضا", id="tanween-dropped-alef-folded"),
    pytest.param("الأخبـــار", "الاخبار", id="tatweel-inside-a-word-dropped"),
    pytest.param("إضغط", "اضغط", id="alef-hamza-below"),
    pytest.param("أخبار", "اخبار", id="alef-hamza-above"),
    pytest.param("آخر", "اخر", id="alef-madda"),
    pytest.param("على", "علي", id="alef-maksura-to-ya"),
    pytest.param("محفوظة", "محفوظه", id="teh-marbuta-to-heh"),
    pytest.param("٢٠٢٤", "2024", id="arabic-indic-digits"),
    pytest.param("۲۰۲۴", "2024", id="persian-digits"),
    pytest.param("\u200fتابعونا\u200e", "تابعونا", id="bidi-marks-dropped"),
    pytest.param("تابعونا\u200b على", "تابعونا على", id="zero-width-space-dropped"),
    pytest.param("Follow  US\ton\u00a0Telegram", "follow us on telegram", id="case-and-spaces"),
    pytest.param("غزة ـ القدس", "غزه - القدس", id="tatweel-beside-a-space-is-a-dash"),
]


@pytest.mark.parametrize(("a", "b"), SAME_KEY)
def test_spellings_share_a_key(a: str, b: str) -> None:
    assert key(a) == key(b)


def test_different_words_keep_different_keys() -> None:
    assert key("كتب") != key("كتاب")


NOISY = [
    "الجعفري بحث مع الأسد والمعلم التنسيق ضد داعش",
    "إضغط هنا للإشتراك",
    "لندن: خلالَ مؤتمرٍ صحافيٍّ في دمشقَ اليومَ، أكّد وزيرُ الخارجيّة أنّ البلدين يقفان في خندقٍ واحدٍ ضدّ "
    "الإرهاب، وأضاف أنّ التنسيق بينهما سيتواصل في المرحلة المقبلة.",
    "وقال المتحدث إن الأخبـــار التي نُشرت عن الاتفاق غير دقيقة، وإن الحكومة ستصدر بياناً رسمياً خلال "
    "الساعات المقبلة يوضح فيه موقفها.",
    "\u200fوأضاف أن عدد المشاركين بلغ ١٢٥٠ شخصاً حتى مساء الأحد، في زيادة كبيرة مقارنة بالعام الماضي الذي "
    "شهد مشاركة ٨٠٠ شخص فقط.",
    "ويرى\u00a0خبراء أن خفض الفائدة قد يبدأ في النصف الثاني من العام، إذا استمر التضخم في التراجع وتحسن "
    "تدفق الاستثمارات الأجنبية إلى البلاد.",
]


def test_body_lines_are_the_input_lines_byte_for_byte() -> None:
    article = clean_article("\n".join(NOISY))
    assert article.body == tuple(NOISY[2:])
    assert [b.encode("utf-8") for b in article.body] == [n.encode("utf-8") for n in NOISY[2:]]


def test_every_part_keeps_its_lines_as_written() -> None:
    article = clean_article("\n".join(NOISY))
    assert article.headline == NOISY[0]
    assert article.promos == (NOISY[1],)
    assert [r.text for r in article.lines] == NOISY


def test_crlf_line_ends_do_not_leak_into_the_text() -> None:
    article = clean_article("\r\n".join(NOISY))
    assert article.body == tuple(NOISY[2:])


def test_a_closing_paragraph_ending_in_a_bidi_mark_is_body() -> None:
    closing = NOISY[4].rstrip() + "\u200f"
    article = clean_article("\n".join([*NOISY[:4], closing]))
    assert article.body[-1] == closing


@given(st.text(alphabet=st.sampled_from("اأإآٱىیکةبت ٠١٩۰۹َُِّْٰـ\u200f\u202b\u00a0،؛؟abcABC12 ."),
               min_size=0, max_size=400))
def test_long_and_short_folds_agree(text: str) -> None:
    """Folding is character by character, so a long text (folded by ``in`` tests) folds as its
    short pieces do (folded by a regex class and replaces)."""
    pieces = [text[i:i + 50] for i in range(0, len(text), 50)]
    assert _fold(text) == "".join(_fold(p) for p in pieces)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(alphabet=st.characters(blacklist_characters="\n\r", blacklist_categories=("Cs",)),
                        max_size=120), min_size=1, max_size=12))
def test_the_keys_of_lines_folded_together_are_each_lines_key(lines: list[str]) -> None:
    # The document folds a page's keys a block at a time; a line must get the key it gets alone.
    assert keys_of_lines("\n".join(lines)) == [key(line) for line in lines]


@pytest.mark.parametrize("text", ["فارسی", "کتاب", "ی ۱۲"])
def test_persian_yeh_and_keheh_fold_on_short_lines_as_on_long_ones(text: str) -> None:
    assert key(text) == key(text + " " + "x" * 120)[: len(key(text))]
