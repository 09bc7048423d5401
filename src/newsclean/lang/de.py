"""German: calls to act, comment widgets (WordPress's own labels, formal and informal), bylines
and dates."""

from __future__ import annotations

from newsclean.lang import Pack, Phrase

PACK = Pack(
    code="de",
    name="German",
    promos=(
        # The subscribe button ("Abonnieren", "Newsletter abonnieren") and the newsletter's call.
        Phrase("subscribe", r"^(?:jetzt )?(?:newsletter|abo) (?:abonnieren|bestellen)\b|"
                            r"^(?:jetzt )?abonnieren\W*$|"
                            r"melden sie sich (?:jetzt )?f(?:ü|u)r (?:unseren|den) newsletter an",
               ("abonnieren", "bestellen", "newsletter an")),
        Phrase("follow", r"^folge uns|^folgen sie uns\b", ("folge",)),
        # The labels German-language news sites put over related stories ("Lesen Sie auch", "Auch
        # interessant", "Mehr zum Thema", "Das könnte Sie auch interessieren").
        Phrase("read-also", r"^lesen sie auch\b|^auch interessant\W*(?::|$)|^mehr zum thema\W*(?::|$)|"
                            r"^das k(?:ö|o)nnte sie auch interessieren\W*$",
               ("lesen sie auch", "interessant", "zum thema", "interessieren")),
        # The player's label over an article read aloud ("Artikel anhören").
        Phrase("watch", r"^(?:artikel|beitrag) (?:vor)?(?:an)?h(?:ö|o)ren\W*$|^jetzt anh(?:ö|o)ren\W*$",
               ("hören", "horen")),
    ),
    comment_widgets=(
        # WordPress's labels ("Schreibe einen Kommentar", "Antworten abbrechen", "Deine
        # E-Mail-Adresse wird nicht veröffentlicht") and the informal second person WordPress.com
        # uses ("Gib hier deinen Kommentar ein").
        Phrase("comment-form", r"^(?:schreibe|hinterlasse) einen kommentar|"
                               r"^(?:neuen )?kommentar "
                               r"(?:verfassen|schreiben|abschicken|hinzufugen|hinzufügen)|"
                               r"^antworten abbrechen|"
                               r"deine e-mail-adresse wird nicht veröffentlicht|deinen kommentar|"
                               r"^webseite(?: ?\(.*\))?\s*[:*]?\s*\*?$|"
                               r"^(?:dein |ihr )?kommentar(?: ?\(.*\)| ?:| ?\*)\s*[:*]?\s*\*?$|"
                               r"^(?:senden|absenden|abschicken)$",
               ("kommentar", "antworten", "e-mail", "webseite", "senden", "absenden", "abschicken")),
    ),
    by_words=("von",),
    and_words=(" und",),
    author_labels=("autor",),
    photo_labels=("foto",),
    time_glue=("um",),
    comments_headings=("kommentare", "leserkommentare"),
    headings=("diskussion", "reaktionen", "bewertungen", "kundenbewertungen"),
    counted_headings=("kommentar", "antworten", "antwort", "gedanken"),
    comment_words=("kommentar",),
    heading_nouns=("gedanken?", "antworten", "antwort", "kommentare?"),
    heading_links=("zu", "über"),
    heading_stems=("kommentar", "reaktion", "bewertung", "antwort", "gedanke", "diskuss"),
    count_words=("ein", "eine"),
    actions=tuple("""
        antworten antwort beantworten gefällt gefallt liken melden teilen zitieren zitat löschen loschen
        bearbeiten hilfreich lade oben warenkorb kaufen
    """.split()),
    action_glue=tuple("personen mir von seite mehr gut schlecht ja nein beitrag kommentar war diese".split()),
    reply_words=("antworten", "antwort", "beantworten"),
    teasers=("weiterlesen", "mehr lesen"),
    say_words=("sagt", "schreibt", "meint"),
    months={1: ("januar", "jänner"), 2: ("februar",), 3: ("märz", "maerz", "marz"), 4: ("april",),
            5: ("mai",), 6: ("juni",), 7: ("juli",), 8: ("august",), 9: ("september",),
            10: ("oktober", "okt"),
            11: ("november",), 12: ("dezember", "dez")},
    time_units={"second": ("sekunde", "sekunden"), "minute": ("minute", "minuten"),
                "hour": ("stunde", "stunden"), "day": ("tag", "tage", "tagen"), "week": ("woche", "wochen"),
                "month": ("monat", "monate", "monaten"), "year": ("jahr", "jahre", "jahren")},
    one_words=("ein", "eine", "einer", "einem", "einen"),
    ago_before=("vor",),
    ago_hints=("vor ",),
    day_words={"heute": 0, "gestern": 1},
    clock_words=("um",),
    date_join_words=("am", "um"),
    not_names=tuple("""
        beantwortet gefragt bearbeitet veröffentlicht geschrieben kommentiert aktualisiert datum zeit
        montag dienstag mittwoch donnerstag freitag samstag sonntag seit dabei registriert mitglied
    """.split()),
    stoplist="German",
)
