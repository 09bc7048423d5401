"""Spanish: calls to act, site labels, comment widgets, bylines and dates."""

from __future__ import annotations

from newsclean.lang import Pack, Phrase

PACK = Pack(
    code="es",
    name="Spanish",
    promos=(
        # Imperatives (the second person "suscríbete", "regístrate" calls wherever it stands) and
        # a newsletter's label ("Boletín").
        Phrase("subscribe", r"suscr[ií]bete|(?:^|[.!?:|] )(?:reg[ií]strate|inscr[ií]bete) (?:a|en|al) "
                            r"(?:nuestro |nuestra |el |la )?(?:newsletter|bolet[ií]n|canal)|"
                            r"^(?:nuestro |el )?bolet[ií]n\W*$",
               ("suscr", "registrate", "regístrate", "inscribete", "inscríbete", "boletin", "boletín")),
        Phrase("follow", r"^s[ií]guenos", ("guenos",)),
        # The labels Spanish-language news sites put over related stories ("Lee también:",
        # "Te puede interesar", "NOTAS RELACIONADAS", "Noticias relacionadas", "Ver también").
        Phrase("read-also", r"^(?:lea|lee) (?:tambi[eé]n|m[aá]s)\b|^lea:|^(?:te|le) pueden? interesar\W*$|"
                            r"^(?:notas|noticias|art[ií]culos|contenidos?) relacionad[oa]s\W*$|"
                            r"^relacionad[oa]s?\s*:|"
                            r"^ver tambi[eé]n\b",
               ("lea", "lee", "interesar", "relacionad", "ver tambi")),
        # The player's label over an article read aloud ("Escucha esta nota", "Escuchar noticia").
        Phrase("watch", r"^esc[uú]cha(?:r|lo)? (?:esta |la )?(?:nota|noticia|art[ií]culo)\W*$",
               ("escucha", "escúcha")),
    ),
    chrome=(
        Phrase("footer", r"todos los derechos reservados", ("reserv",)),
    ),
    comment_widgets=(
        Phrase("comment-form", r"^únete a la discussi[oó]n|^(?:deja|dejar) un comentario\W*$|"
                               r"^nombre(?: ?\(.*\))?\s*[:*]?\s*\*?$|"
                               r"^(?:tu |su )?comentario(?: ?\(.*\)| ?:| ?\*)\s*[:*]?\s*\*?$|^enviar$",
               ("discussi", "comentario", "nombre", "enviar")),
    ),
    by_words=("por",),
    and_words=(" y",),
    author_labels=("autor",),
    photo_labels=("foto",),
    time_glue=("de", "del"),
    comments_headings=("comentarios",),
    headings=("opiniones",),
    counted_headings=("comentario", "respuestas"),
    comment_words=("comentario",),
    heading_nouns=("comentarios?", "respuestas?"),
    heading_links=("a", "en", "para"),
    heading_stems=("coment", "respuest", "opinion"),
    count_words=("un", "uno", "una"),
    actions=tuple("""
        responder responde respuesta respuestas gusta denunciar reportar compartir citar cita eliminar
        editar útil carrito comprar
    """.split()),
    action_glue=tuple("personas mi de la si sí".split()),
    reply_words=("responder", "responde"),
    teasers=("leer m[aá]s",),
    say_words=("dice", "escribió", "escribe"),
    months={1: ("enero", "ene"), 2: ("febrero",), 3: ("marzo",), 4: ("abril", "abr"), 5: ("mayo",),
            6: ("junio",), 7: ("julio",), 8: ("agosto",), 9: ("septiembre", "setiembre"), 10: ("octubre",),
            11: ("noviembre",), 12: ("diciembre", "dic")},
    time_units={"second": ("segundo", "segundos"), "minute": ("minuto", "minutos"), "hour": ("hora", "horas"),
                "day": ("dia", "dias", "día", "días"), "week": ("semana", "semanas"),
                "month": ("mes", "meses"), "year": ("año", "años")},
    one_words=("un", "una", "uno"),
    ago_after=("atr[aá]s",),
    ago_before=("hace",),
    ago_hints=("atr", "hace"),
    day_words={"hoy": 0, "ayer": 1},
    clock_words=("a las",),
    date_join_words=("el",),
    not_names=tuple("""
        publicado editado respondido fecha lunes martes miércoles jueves viernes sábado domingo inscrito
    """.split()),
    stoplist="Spanish",
)
