"""Italian: calls to act, comment widgets and dates."""

from __future__ import annotations

from newsclean.lang import Pack, Phrase

PACK = Pack(
    code="it",
    name="Italian",
    promos=(
        Phrase("read-also", r"^leggi anche\b", ("leggi anche",)),
    ),
    comment_widgets=(
        Phrase("comment-form", r"^lascia un commento|^commento(?: ?\(.*\)| ?:| ?\*)\s*[:*]?\s*\*?$|^invia$",
               ("commento", "invia")),
    ),
    by_words=("di",),
    photo_labels=("foto",),
    comments_headings=("commenti",),
    headings=("recensioni",),
    counted_headings=("commento", "risposte"),
    comment_words=("commento",),
    heading_nouns=("commenti", "risposte"),
    heading_links=("a", "su"),
    heading_stems=("comment", "rispost", "recension"),
    count_words=("un", "uno", "una"),
    actions=tuple("""
        rispondi risposta risposte piace segnala condividi elimina modifica utile carrello acquista
    """.split()),
    action_glue=("persone", "mi", "pagina", "si"),
    reply_words=("rispondi",),
    teasers=("leggi (?:tutto|di più)",),
    say_words=("scrive", "ha scritto"),
    months={1: ("gennaio",), 2: ("febbraio",), 3: ("marzo",), 4: ("aprile",), 5: ("maggio",), 6: ("giugno",),
            7: ("luglio",), 8: ("agosto",), 9: ("settembre",), 10: ("ottobre",), 11: ("novembre",),
            12: ("dicembre", "dic")},
    time_units={"second": ("secondo", "secondi"), "minute": ("minuto", "minuti"), "hour": ("ora", "ore"),
                "day": ("giorno", "giorni"), "week": ("settimana", "settimane"), "month": ("mese", "mesi"),
                "year": ("anno", "anni")},
    one_words=("un", "una", "uno"),
    ago_after=("fa",),
    ago_hints=("fa",),
    day_words={"oggi": 0, "ieri": 1},
    clock_words=("alle",),
    date_join_words=("il",),
    not_names=("pubblicato", "scritto", "modificato", "data", "iscritto"),
    stoplist="Italian",
)
