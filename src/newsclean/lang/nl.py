"""Dutch: comment widgets and dates."""

from __future__ import annotations

from newsclean.lang import Pack, Phrase

PACK = Pack(
    code="nl",
    name="Dutch",
    comment_widgets=(
        Phrase("comment-form", r"^verstuur$", ("verstuur",)),
    ),
    by_words=("door",),
    photo_labels=("foto",),
    comments_headings=("reacties",),
    counted_headings=("reactie",),
    comment_words=("reactie",),
    heading_nouns=("reacties", "reactie"),
    heading_links=("op", "voor"),
    heading_stems=("reactie",),
    actions=tuple("""
        reageer reageren beantwoorden leuk liken delen citeren verwijderen bewerken nuttig winkelwagen
    """.split()),
    action_glue=("ik", "vind"),
    reply_words=("reageer", "reageren", "beantwoorden"),
    teasers=("lees meer",),
    say_words=("zegt", "schreef"),
    time_units={"second": ("seconden",), "minute": ("minuut",), "hour": ("uur", "uren"),
                "day": ("dag", "dagen"), "week": ("week", "weken"), "month": ("maand", "maanden"),
                "year": ("jaar", "jaren")},
    one_words=("een",),
    ago_after=("geleden",),
    ago_hints=("geleden",),
    day_words={"vandaag": 0, "gisteren": 1},
    clock_words=("om",),
    date_join_words=("op",),
    not_names=("gepost", "geplaatst", "bewerkt", "datum"),
    stoplist="Dutch",
)
