"""Articles of ordinary paragraphs, one per language, to place a line inside (issue 9: a rule
hears a call to act or a site's label, never a sentence that reports something). Shared by
``tests/test_calls_not_reports.py`` and ``benchmarks/rule_hits.py``."""

from __future__ import annotations

import json
from pathlib import Path

from newsclean.features import detect_language

#: A headline and six paragraphs per language, about a city's budget; the line under test
#: goes between the third and the fourth paragraph.
ARTICLES: dict[str, tuple[str, ...]] = {
    "en": (
        "Council approves new city budget",
        "The city council voted on Tuesday to approve a new budget that increases spending on schools "
        "and roads, officials said after the meeting.",
        "The plan, which had been debated for several months, includes funding for two new libraries "
        "and repairs to the main bridge across the river.",
        "Opposition members argued that the increase would force the city to raise property taxes next "
        "year, a claim the mayor's office rejected.",
        "Residents who attended the session were divided, with some praising the investment and others "
        "warning about the cost of borrowing.",
        "The budget now goes to the regional authority, which is expected to review it before the end of "
        "the month, according to the council.",
        "Construction on the first projects could begin in the spring if the review is completed on time, "
        "the city's planning director said.",
    ),
    "ar": (
        "المجلس البلدي يقر ميزانية جديدة للمدينة",
        "صوت المجلس البلدي يوم الثلاثاء على إقرار ميزانية جديدة تزيد الإنفاق على المدارس والطرق، "
        "بحسب ما أعلنه مسؤولون عقب الجلسة.",
        "وتشمل الخطة التي نوقشت على مدى عدة أشهر تمويل مكتبتين جديدتين وإصلاح الجسر الرئيسي فوق النهر.",
        "ورأى أعضاء في المعارضة أن الزيادة ستجبر البلدية على رفع الضرائب العقارية العام المقبل، "
        "وهو ما نفاه مكتب رئيس البلدية.",
        "وانقسم السكان الذين حضروا الجلسة بين من أشاد بالاستثمار ومن حذر من كلفة الاقتراض.",
        "وتحال الميزانية الآن إلى السلطة الإقليمية التي يتوقع أن تراجعها قبل نهاية الشهر، وفق المجلس.",
        "وقد تبدأ أعمال البناء في المشاريع الأولى في الربيع إذا اكتملت المراجعة في موعدها، "
        "بحسب مدير التخطيط في المدينة.",
    ),
    "fr": (
        "Le conseil municipal adopte un nouveau budget",
        "Le conseil municipal a voté mardi un nouveau budget qui augmente les dépenses consacrées aux écoles "
        "et aux routes, ont indiqué des responsables à l'issue de la séance.",
        "Le plan, débattu pendant plusieurs mois, prévoit le financement de deux nouvelles bibliothèques et "
        "la réparation du pont principal sur la rivière.",
        "Des élus de l'opposition ont estimé que cette hausse obligerait la ville à augmenter la taxe "
        "foncière l'an prochain, ce que la mairie a démenti.",
        "Les habitants présents à la séance étaient partagés, certains saluant l'investissement, d'autres "
        "s'inquiétant du coût de l'emprunt.",
        "Le budget doit maintenant être examiné par l'autorité régionale avant la fin du mois, selon le "
        "conseil municipal.",
        "Les travaux des premiers projets pourraient commencer au printemps si l'examen est terminé à temps, "
        "a précisé le directeur de l'urbanisme.",
    ),
    "es": (
        "El ayuntamiento aprueba un nuevo presupuesto",
        "El pleno municipal aprobó el martes un nuevo presupuesto que aumenta el gasto en escuelas y "
        "carreteras, según informaron fuentes municipales tras la sesión.",
        "El plan, debatido durante varios meses, incluye la financiación de dos nuevas bibliotecas y la "
        "reparación del puente principal sobre el río.",
        "Los concejales de la oposición sostuvieron que el aumento obligará a subir el impuesto sobre "
        "bienes inmuebles el año próximo, algo que la alcaldía negó.",
        "Los vecinos que asistieron a la sesión se mostraron divididos: unos elogiaron la inversión y "
        "otros advirtieron del coste de la deuda.",
        "El presupuesto pasa ahora a la autoridad regional, que deberá revisarlo antes de final de mes, "
        "según el ayuntamiento.",
        "Las obras de los primeros proyectos podrían comenzar en primavera si la revisión concluye a "
        "tiempo, señaló el director de urbanismo.",
    ),
    "de": (
        "Stadtrat beschließt neuen Haushalt",
        "Der Stadtrat hat am Dienstag einen neuen Haushalt beschlossen, der mehr Geld für Schulen und "
        "Straßen vorsieht, teilten Vertreter der Stadt nach der Sitzung mit.",
        "Der Plan, über den monatelang beraten wurde, enthält Mittel für zwei neue Bibliotheken und die "
        "Sanierung der Hauptbrücke über den Fluss.",
        "Vertreter der Opposition argumentierten, die Erhöhung werde die Stadt zwingen, im nächsten Jahr "
        "die Grundsteuer anzuheben, was das Büro des Bürgermeisters zurückwies.",
        "Die Bürger, die an der Sitzung teilnahmen, waren gespalten: Einige lobten die Investitionen, "
        "andere warnten vor den Kosten der Kredite.",
        "Der Haushalt geht nun an die Bezirksregierung, die ihn bis Ende des Monats prüfen soll, wie der "
        "Stadtrat mitteilte.",
        "Die Arbeiten an den ersten Projekten könnten im Frühjahr beginnen, wenn die Prüfung rechtzeitig "
        "abgeschlossen wird, sagte der Leiter des Planungsamts.",
    ),
    "pt": (
        "Câmara aprova novo orçamento municipal",
        "A câmara municipal aprovou na terça-feira um novo orçamento que aumenta os gastos com escolas e "
        "estradas, informaram responsáveis após a reunião.",
        "O plano, discutido durante vários meses, inclui verbas para duas novas bibliotecas e a reparação "
        "da ponte principal sobre o rio.",
        "Vereadores da oposição argumentaram que o aumento obrigará a cidade a subir o imposto predial no "
        "próximo ano, o que o gabinete do presidente da câmara negou.",
        "Os moradores que assistiram à sessão ficaram divididos, uns elogiando o investimento e outros "
        "alertando para o custo dos empréstimos.",
        "O orçamento segue agora para a autoridade regional, que deverá analisá-lo até ao fim do mês, "
        "segundo a câmara.",
        "As obras dos primeiros projetos poderão começar na primavera se a análise for concluída a tempo, "
        "afirmou o diretor de urbanismo.",
    ),
}
#: Where the line under test stands in the article: after the headline and three paragraphs.
AT = 4


def in_an_article(line: str, lang: str | None = None) -> tuple[str, str, int]:
    """``(text, language, index)``: ``line`` inside the article of its language (detected when
    not given; English when it has no article), and the index of its line in the text."""
    found = lang or detect_language(line) or "en"
    frame = ARTICLES.get(found, ARTICLES["en"])
    return "\n".join((*frame[:AT], line, *frame[AT:])), found if found in ARTICLES else "en", AT


def short_gold_paragraphs(corpus: Path) -> list[str]:
    """Every gold body paragraph of 30 words or fewer, holding a word (two letters in a row),
    of the article pages of ``ar``, ``bench/scrapinghub`` and ``bench/wcxb-dev`` (WCXB's
    ``page_type`` "article"; the other two sets hold articles only). A paragraph without a word
    (a rule of underscores, a zero-width space, "4: 4%") is no sentence that reports something."""
    found = []
    for folder in (corpus / "ar", corpus / "bench" / "scrapinghub", corpus / "bench" / "wcxb-dev"):
        for path in sorted(folder.glob("*/expected.json")):
            gold = json.loads(path.read_text(encoding="utf-8"))
            if gold.get("page_type", "article") != "article":
                continue
            found += [p for p in gold.get("body") or []
                      if isinstance(p, str) and "\n" not in p and len(p.split()) <= 30 and _has_word(p)]
    return found


def _has_word(text: str) -> bool:
    run = 0
    for char in text:
        run = run + 1 if char.isalpha() else 0
        if run == 2:
            return True
    return False
