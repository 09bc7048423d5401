"""Portuguese: calls to act, comment widgets, bylines and dates."""

from __future__ import annotations

from newsclean.lang import Pack, Phrase

PACK = Pack(
    code="pt",
    name="Portuguese",
    promos=(
        # Imperatives that open a line ("Assine", "Assine a nossa newsletter", "Inscreva-se").
        Phrase("subscribe", r"^assine\b|^inscreva-se\b|"
                            r"(?:^|[.!?:|] )receba (?:as |nossas? )?(?:not[ií]cias|newsletters?)",
               ("assine", "inscreva-se", "receba")),
        # "Follow us" in both of its Portuguese forms.
        Phrase("follow", r"^siga-nos|^acompanhe-nos", ("siga-nos", "acompanhe-nos")),
        # The labels Portuguese-language news sites put over related stories ("Leia também",
        # "Leia mais:", "Veja também", "Notícias relacionadas", "Saiba mais:").
        Phrase("read-also", r"^leia tamb[eé]m\b|^leia mais\s*:|^veja tamb[eé]m\b|"
                            r"^(?:not[ií]cias|mat[eé]rias) relacionadas\W*$|^saiba mais\s*:",
               ("leia", "veja tamb", "relacionadas", "saiba mais")),
        # The player's label over an article read aloud ("Ouça este conteúdo", "Ouvir notícia").
        Phrase("watch", r"^ou[cç]a (?:este|esta|o|a) "
                        r"(?:conte[uú]do|not[ií]cia|mat[eé]ria|podcast|epis[oó]dio)\W*$|"
                        r"^ouvir (?:a )?(?:not[ií]cia|mat[eé]ria)\W*$", ("ouça", "ouca", "ouvir")),
    ),
    comment_widgets=(
        Phrase("comment-form", r"^deixe (?:um|o seu) coment[aá]rio|^enviar$",
               ("comentario", "comentário", "enviar")),
    ),
    by_words=("por",),
    author_labels=("autor",),
    photo_labels=("foto",),
    time_glue=("de",),
    comments_headings=("comentários",),
    counted_headings=("comentário",),
    comment_words=("comentário",),
    heading_links=("a", "para"),
    heading_stems=("coment",),
    actions=tuple("responder curtir denunciar compartilhar citar editar útil comprar".split()),
    reply_words=("responder",),
    teasers=("leia mais",),
    say_words=("disse",),
    months={1: ("janeiro",), 2: ("fevereiro",), 3: ("março", "marco"), 4: ("abril", "abr"), 5: ("maio",),
            6: ("junho",), 7: ("julho",), 8: ("agosto",), 9: ("setembro",), 10: ("outubro",),
            11: ("novembro",), 12: ("dezembro", "dez")},
    time_units={"second": ("segundo", "segundos"), "minute": ("minuto", "minutos"), "hour": ("hora", "horas"),
                "day": ("dia", "dias"), "week": ("semana", "semanas"), "month": ("mês", "meses", "mes"),
                "year": ("ano", "anos")},
    one_words=("um", "uma"),
    ago_after=("atr[aá]s",),
    ago_before=("h[aá]",),
    ago_hints=("atr", "há ", "ha "),
    day_words={"hoje": 0, "ontem": 1},
    date_join_words=("em",),
    not_names=("publicado", "editado", "respondido", "data", "inscrito"),
    stoplist="Portuguese",
)
