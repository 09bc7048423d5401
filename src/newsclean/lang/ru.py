"""Russian: the words of comment threads and relative dates."""

from __future__ import annotations

from newsclean.lang import Pack

PACK = Pack(
    code="ru",
    name="Russian",
    comments_headings=("комментарии",),
    headings=("комментариев", "комментария", "отзывы"),
    comment_words=("комментариев", "комментария"),
    heading_stems=("коммент", "отзыв"),
    actions=("ответить", "ответ", "нравится", "поделиться", "цитировать", "удалить", "изменить"),
    reply_words=("ответить",),
    say_words=("пишет", "написал", "написала"),
    # Unit words decline with the number ("2 часа", "5 часов"): matched by their stems.
    unit_stems=(("секунд", "second"), ("минут", "minute"), ("час", "hour"), ("дн", "day"), ("день", "day"),
                ("недел", "week"), ("месяц", "month"), ("год", "year"), ("лет", "year")),
    one_words=("один", "одну", "одна"),
    ago_after=("назад",),
    ago_after_bare=("назад",),
    ago_hints=("назад",),
    day_words={"сегодня": 0, "вчера": 1},
    clock_words=("в",),
    stoplist="Russian",
)
