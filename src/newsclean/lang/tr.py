"""Turkish: the words of comment threads and relative dates."""

from __future__ import annotations

from newsclean.lang import Pack

PACK = Pack(
    code="tr",
    name="Turkish",
    comments_headings=("yorumlar",),
    counted_headings=("yorum",),
    comment_words=("yorum",),
    heading_stems=("yorum",),
    count_words=("bir",),
    actions=tuple("""
        yanıtla yanitla cevapla cevap beğen begen şikayet sikayet paylaş paylas sil düzenle
    """.split()),
    reply_words=("yanıtla", "yanitla", "cevapla"),
    say_words=("yazdı", "diyor"),
    time_units={"second": ("saniye",), "minute": ("dakika",), "hour": ("saat",), "day": ("gün", "gun"),
                "week": ("hafta",), "month": ("ay",), "year": ("yıl", "yil")},
    one_words=("bir",),
    ago_after=("önce", "once"),
    ago_hints=("önce", "once"),
    day_words={"bugün": 0, "dün": 1},
    clock_words=("saat",),
    stoplist="Turkish",
)
