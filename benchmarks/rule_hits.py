#!/usr/bin/env python3
"""Which rule phrases fire where: each alternative of each language pack's phrases, by site.

usage: python benchmarks/rule_hits.py [--corpus ../shared/corpus] [--sets ar,bench/scrapinghub,...]
                                      [--single] [--gold]

Cleans every page of the sets (text input) and, for every line a rule stage labelled (promos,
chrome, comment widgets, bylines, captions), finds which top-level alternative of which pack's
phrase matched its key. Prints, per alternative, on how many sites and lines it fired; a phrase
that fires on one site only is marked ``ONE SITE`` (issue 9: it needs a general reason, a CMS's
standard label, or it goes). ``--single`` prints only those.

``--gold`` prints the other report of issue 9: every gold body paragraph of 30 words or fewer
of the article pages of ``ar``, ``bench/scrapinghub`` and ``bench/wcxb-dev`` (those holding a
word), placed inside an article of ordinary paragraphs in its language
(:mod:`tests.test_calls_not_reports` builds the same), and the stages and reasons that took the
ones that left the body out of it.

A site is the page's domain: WCXB's ``domain``, the host of the page's canonical URL for the
other benchmarks, the name before the first ``-`` of an ``ar`` case.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "tests"))

from article_frames import ARTICLES, in_an_article, short_gold_paragraphs  # noqa: E402
from newsclean import clean_article  # noqa: E402
from newsclean.lang import Lexicon  # noqa: E402
from newsclean.normalize import key  # noqa: E402

#: The families whose phrases are traced, by the stage that labels with them.
FAMILIES = {"promos": "promos", "chrome": "chrome", "comments": "comment_widgets", "byline": "bylines",
            "captions": "captions"}
_CANONICAL = re.compile(r'<link[^>]+rel="canonical"[^>]+href="([^"]+)"|property="og:url" content="([^"]+)"')


def alternatives(pattern: str) -> list[str]:
    """The top-level alternatives of a regular expression.

    >>> alternatives(r"^(?:a|b)c|d[|]e|f\\\\|g")
    ['^(?:a|b)c', 'd[|]e', 'f\\\\|g']
    """
    out, depth, start, i, in_class = [], 0, 0, 0, False
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            i += 2
            continue
        if in_class:
            in_class = c != "]"
        elif c == "[":
            in_class = True
            if pattern[i + 1:i + 2] == "]":
                i += 1
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        elif c == "|" and depth == 0:
            out.append(pattern[start:i])
            start = i + 1
        i += 1
    out.append(pattern[start:])
    return out


def _read(path: Path) -> str:
    data = path.read_bytes()
    return (gzip.decompress(data) if path.suffix == ".gz" else data).decode("utf-8", "replace")


def site_of(case: Path, gold: dict[str, object]) -> str:
    if isinstance(gold.get("domain"), str):
        return str(gold["domain"])
    if case.parent.name == "ar":
        return case.name.split("-")[0]
    for name in ("input.html.gz", "input.html"):
        if (case / name).exists():
            found = _CANONICAL.search(_read(case / name)[:200_000])
            if found:
                host = urlsplit(found.group(1) or found.group(2)).hostname or ""
                return host.removeprefix("www.") or case.name
    return case.name


def traced(lexicon: Lexicon, family: str, reason: str, text_key: str) -> list[tuple[str, str]]:
    """``(pack, alternative)`` of every alternative of ``reason``'s phrases that matches."""
    found = []
    for pack in lexicon.packs:
        for phrase in getattr(pack, family):
            if phrase.reason != reason:
                continue
            for alt in alternatives(phrase.pattern):
                if re.search(lexicon.pattern(alt), text_key):
                    found.append((pack.code, alt))
    return found


def hits(corpus: Path, sets: list[str]) -> dict[tuple[str, str, str, str], tuple[set[str], int]]:
    """(family, reason, pack, alternative) -> (sites, lines)."""
    sites: dict[tuple[str, str, str, str], set[str]] = defaultdict(set)
    lines: Counter[tuple[str, str, str, str]] = Counter()
    for name in sets:
        for case in sorted((corpus / name).glob("*/expected.json")):
            folder = case.parent
            text_path = folder / "input.txt" if (folder / "input.txt").exists() else folder / "input.txt.gz"
            if not text_path.exists():
                continue
            gold = json.loads(case.read_text(encoding="utf-8"))
            article = clean_article(_read(text_path))
            from newsclean.lang import lexicon

            lex = lexicon(article.lang)
            site = None
            for record in article.lines:
                family = FAMILIES.get(record.stage)
                if family is None or record.reason in ("comments-marker", "timestamp", "control-characters"):
                    continue
                site = site or site_of(folder, gold)
                for pack, alt in traced(lex, family, record.reason, key(record.text)) or [("?", "?")]:
                    k = (family, record.reason, pack, alt)
                    sites[k].add(site)
                    lines[k] += 1
    return {k: (sites[k], lines[k]) for k in lines}


def gold_report(corpus: Path) -> None:
    paragraphs = short_gold_paragraphs(corpus)
    left: Counter[tuple[str, str]] = Counter()
    examples: dict[tuple[str, str], list[str]] = defaultdict(list)
    for paragraph in paragraphs:
        text, lang, at = in_an_article(paragraph)
        record = clean_article(text, lang=lang).lines[at]
        if record.label != "body":
            left[record.stage, record.reason] += 1
            examples[record.stage, record.reason].append(paragraph[:90])
    total = sum(left.values())
    print(f"short gold body paragraphs: {len(paragraphs)} in articles of {', '.join(sorted(ARTICLES))}; "
          f"{total} left the body ({100 * total / len(paragraphs):.3f}%)")
    for (stage, reason), n in left.most_common():
        print(f"  {n:4d}  {stage}/{reason}: {' | '.join(examples[stage, reason][:4])}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    ap.add_argument("--sets", default="ar,bench/scrapinghub,bench/trafilatura,bench/wcxb-dev")
    ap.add_argument("--single", action="store_true", help="only the alternatives that fire on one site")
    ap.add_argument("--gold", action="store_true", help="the short gold paragraphs that leave the body")
    a = ap.parse_args(argv)
    if not a.corpus.exists():
        print(f"no corpus at {a.corpus}")
        return 1
    if a.gold:
        gold_report(a.corpus)
        return 0
    found = hits(a.corpus, a.sets.split(","))
    print(f"{'sites':>5} {'lines':>6}  family/reason  pack  alternative")
    for (family, reason, pack, alt), (sites, n) in sorted(found.items(), key=lambda x: (-len(x[1][0]), x[0])):
        if a.single and len(sites) > 1:
            continue
        mark = f"   ONE SITE: {next(iter(sites))}" if len(sites) == 1 else ""
        print(f"{len(sites):5d} {n:6d}  {family}/{reason}  {pack}  {alt[:90]}{mark}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
