"""French: calls to act, site labels, comment widgets (WordPress's own labels), bylines and dates."""

from __future__ import annotations

from newsclean.lang import Pack, Phrase

PACK = Pack(
    code="fr",
    name="French",
    promos=(
        Phrase("subscribe", r"abonnez-vous|^inscrivez-vous\b", ("abonnez", "inscrivez")),
        Phrase("follow", r"^suivez-nous", ("suivez",)),
        # The labels French-language news sites put over related stories ("À lire aussi", "Lire
        # aussi", "À voir aussi", "Sur le même sujet").
        Phrase("read-also", r"^(?:a |à )?(?:lire|voir) aussi\b|^lisez aussi\b|^sur le m[eê]me sujet\W*$",
               ("aussi", "sujet")),
        # The player's label over an article read aloud ("Écouter cet article").
        Phrase("watch", r"^[eé]couter (?:cet article|l'article|l’article)\W*$", ("couter",)),
    ),
    chrome=(
        # France's standard copyright notice (accented or not).
        Phrase("footer", r"tous droits r[ée]serv[ée]s", ("tous droits",)),
    ),
    comment_widgets=(
        Phrase("comment-form", r"^rejoindre la discussi[oó]n|^laisser un commentaire|"
                               r"^(?:nom|site web)(?: ?\(.*\))?\s*[:*]?\s*\*?$|"
                               r"^(?:votre )?commentaire(?: ?\(.*\)| ?:| ?\*)\s*[:*]?\s*\*?$|"
                               r"^votre commentaire\W*$|"
                               r"^envoyer$",
               ("discussi", "comment", "nom", "site web", "envoyer")),
    ),
    by_words=("par",),
    and_words=(" et",),
    author_labels=("auteur",),
    time_glue=("le", "de"),
    comments_headings=("commentaires",),
    headings=("réactions", "avis"),
    counted_headings=("commentaire", "réponses", "reponses"),
    comment_words=("commentaire",),
    heading_nouns=("commentaires?", "réponses?", "reponses?"),
    heading_links=("sur", "à"),
    heading_stems=("comment", "réaction", "répon", "repon", "avis"),
    count_words=("un", "une"),
    actions=tuple("""
        répondre repondre réponse reponse réponses reponses aime signaler partager citer supprimer
        modifier utile haut panier acheter
    """.split()),
    action_glue=tuple("personne personnes me la le du de plus oui non".split()),
    reply_words=("répondre", "repondre"),
    teasers=("lire la suite",),
    say_words=("dit", "a écrit", "écrit"),
    months={1: ("janvier", "janv"), 2: ("février", "fevrier", "févr", "fevr"), 3: ("mars",),
            4: ("avril", "avr"), 5: ("mai",), 6: ("juin",), 7: ("juillet", "juil"), 8: ("août", "aout"),
            9: ("septembre",),
            10: ("octobre",), 11: ("novembre",), 12: ("décembre", "decembre", "déc")},
    time_units={"second": ("seconde", "secondes"), "minute": ("minute", "minutes"),
                "hour": ("heure", "heures"), "day": ("jour", "jours"), "week": ("semaine", "semaines"),
                "month": ("mois",),
                "year": ("an", "ans", "année", "années")},
    one_words=("un", "une"),
    ago_before=("il y a",),
    ago_hints=("il y a",),
    day_words={"aujourd'hui": 0, "hier": 1},
    clock_words=("à",),
    date_join_words=("le",),
    not_names=tuple("""
        publié publie modifié répondu posté date lundi mardi mercredi jeudi vendredi samedi dimanche inscrit
    """.split()),
    stoplist="French",
)
