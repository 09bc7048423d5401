#!/usr/bin/env python3
"""Regex audit: every compiled pattern in newsclean against adversarial strings of growing length.

usage: python benchmarks/regex_audit.py [--sizes 1000,10000,100000] [--limit 10] [--verbose]

Patterns are found by walking every ``newsclean`` module (and the classes it defines, and the
stages of the default pipeline) for ``re.Pattern`` objects, inside tuples, lists, sets and dicts
too. For each pattern the baits are built from its own parse tree: long runs of each character
its classes and literals accept (digits, spaces, Arabic letters, dashes, tatweel, dots, ...), of
its literal words and of consecutive literal words glued together (``<!--`` + ``-->``,
``http`` + ``://t.co/``), of a literal word followed by a run, and of pairs of repeated
characters; each ends in a character that makes the match fail late.

Each bait is timed with ``search``, ``match`` and an exhausted ``finditer`` at 1k and 10k
characters; the slowest baits (and any that already grow fast) again at 100k. A pattern grows
faster than linearly when its time at 100k is over ``--ratio`` (default 30: linear is 10) times
its time at 10k and over a floor of 2 ms (smaller times are noise), or when one call takes over
``--limit`` seconds (then longer sizes are not tried). Prints a table; exit 1 if any pattern
grows faster than linearly.
"""

from __future__ import annotations

import argparse
import importlib
import inspect
import itertools
import pkgutil
import re
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from newsclean.fuzz import TimeLimit, time_limit  # noqa: E402

try:  # Python 3.11+
    from re import _constants as C  # type: ignore[attr-defined]
    from re import _parser as P  # type: ignore[attr-defined]
except ImportError:  # Python 3.10
    import sre_constants as C  # type: ignore[no-redef, unused-ignore]
    import sre_parse as P  # type: ignore[no-redef, unused-ignore]

FLOOR = 0.002        # seconds: times below this at the largest size are noise, whatever the ratio
CHAR_FLOOR = 2e-5    # seconds: the smaller time of a ratio is never taken below this

# --- finding the patterns -------------------------------------------------------------------------


def _walk(obj: Any, name: str, found: dict[int, tuple[str, re.Pattern[Any]]], depth: int = 0) -> None:
    if depth > 6:
        return
    if isinstance(obj, re.Pattern):
        found.setdefault(id(obj), (name, obj))
    elif isinstance(obj, (tuple, list)):
        for i, item in enumerate(obj):
            _walk(item, f"{name}[{i}]", found, depth + 1)
    elif isinstance(obj, (set, frozenset)):
        for item in obj:
            _walk(item, f"{name}{{}}", found, depth + 1)
    elif isinstance(obj, dict):
        for k, v in list(obj.items())[:10_000]:
            _walk(k, f"{name}{{key}}", found, depth + 1)
            _walk(v, f"{name}[{k!r}]", found, depth + 1)
    elif type(obj).__module__.startswith("newsclean") and not inspect.isroutine(obj) \
            and not inspect.isclass(obj):
        # An object of newsclean's own (a Rule, a stage): its attributes, slots or not.
        names = [n for klass in type(obj).__mro__ for n in getattr(klass, "__slots__", ())]
        names += list(getattr(obj, "__dict__", {}))
        reason = getattr(obj, "reason", None)
        where = name
        if isinstance(reason, str) and name.endswith("]"):  # CHROME_RULES[3] -> CHROME_RULES[footer]
            where = f"{name[: name.rfind('[')]}[{reason}]"
        for attr in dict.fromkeys(names):
            _walk(getattr(obj, attr, None), f"{where}.{attr}", found, depth + 1)


def modules() -> list[ModuleType]:
    """newsclean and every module under it."""
    import newsclean

    out = [newsclean]
    for info in pkgutil.walk_packages(newsclean.__path__, "newsclean."):
        out.append(importlib.import_module(info.name))
    return out


_WARM_UP = ("Home\nSubscribe to our newsletter\nThe minister said on Monday that talks would resume.\n"
            "تابعونا على تويتر\nقال الوزير إن المحادثات ستستأنف الأسبوع المقبل.\n12 Comments\nAnna says:")


def find_patterns() -> list[tuple[str, re.Pattern[Any]]]:
    """(where, pattern) for every compiled pattern newsclean holds, each once."""
    found: dict[int, tuple[str, re.Pattern[Any]]] = {}
    # The language packs' rule families are compiled per lexicon when a page first needs them:
    # an English, an Arabic and an undetermined page compile those of three lexicons, walked
    # first and named by their lexicon, whatever module (dates, a stage) keeps one at hand.
    from newsclean import clean_article
    from newsclean.lang import every_pack, lexicon

    for lang in ("en", "ar", None):
        clean_article(_WARM_UP, lang=lang)
    for lex, name in ((lexicon("ar"), "lang-ar"), (lexicon("en"), "lang-en"), (every_pack(), "lang-all")):
        _walk(lex, name, found)
    for module in modules():
        short = module.__name__.removeprefix("newsclean.")
        for attr, value in vars(module).items():
            if inspect.isclass(value) and value.__module__ == module.__name__:
                for cattr, cvalue in vars(value).items():
                    _walk(cvalue, f"{short}.{attr}.{cattr}", found)
            elif not inspect.ismodule(value):
                _walk(value, f"{short}.{attr}", found)
    from newsclean import Pipeline

    for step in Pipeline.default()._steps:  # settings compiled by stage instances
        for attr in getattr(step.run, "__dict__", {}):
            _walk(getattr(step.run, attr), f"stage[{step.name}].{attr}", found)
    return sorted(found.values(), key=lambda item: item[0])


# --- baits from the parse tree ---------------------------------------------------------------------

#: Characters tried against classes, in order of preference: what news text and patterns repeat.
UNIVERSE = ("a 1-.ـب١\t,:/()«»\"'_@#A\u200f\u064e—–年\u00a0!?؟،x0z9ابت+*=|<>[]{}%&;~^$\\`\n\r"
            "\u0660\u06f1\u200b\ufeff\u00ad\u3000\u2028é\x00\x7f")
_CATEGORY_RE = {
    getattr(C, name): re.compile(src) for name, src in (
        ("CATEGORY_DIGIT", r"\d"), ("CATEGORY_NOT_DIGIT", r"\D"), ("CATEGORY_SPACE", r"\s"),
        ("CATEGORY_NOT_SPACE", r"\S"), ("CATEGORY_WORD", r"\w"), ("CATEGORY_NOT_WORD", r"\W"),
        ("CATEGORY_LINEBREAK", r"\n"), ("CATEGORY_NOT_LINEBREAK", r"."),
        ("CATEGORY_UNI_DIGIT", r"\d"), ("CATEGORY_UNI_NOT_DIGIT", r"\D"), ("CATEGORY_UNI_SPACE", r"\s"),
        ("CATEGORY_UNI_NOT_SPACE", r"\S"), ("CATEGORY_UNI_WORD", r"\w"), ("CATEGORY_UNI_NOT_WORD", r"\W"),
        ("CATEGORY_UNI_LINEBREAK", r"\n"), ("CATEGORY_UNI_NOT_LINEBREAK", r"."),
    ) if hasattr(C, name)
}


def _in_set(items: list[tuple[Any, Any]], ch: str) -> bool:
    negate = False
    hit = False
    for op, av in items:
        if op is C.NEGATE:
            negate = True
        elif op is C.LITERAL:
            hit = hit or ord(ch) == av
        elif op is C.RANGE:
            hit = hit or av[0] <= ord(ch) <= av[1]
        elif op is C.CATEGORY:
            pat = _CATEGORY_RE.get(av)
            hit = hit or (pat is not None and pat.fullmatch(ch) is not None)
    return hit != negate


def _set_chars(items: list[tuple[Any, Any]]) -> list[str]:
    """Characters a class accepts: its own literals and range ends, then members of UNIVERSE."""
    own: list[str] = []
    for op, av in items:
        if op is C.LITERAL:
            own.append(chr(av))
        elif op is C.RANGE:
            own += [chr(av[0]), chr(av[1]), chr((av[0] + av[1]) // 2)]
    chars = [c for c in own if _in_set(items, c)][:6]
    chars += [c for c in UNIVERSE if _in_set(items, c)][:4]
    return list(dict.fromkeys(chars))


@dataclass
class Parts:
    """What a pattern is made of: characters (those under a repeat first) and literal words."""

    repeated: list[str] = field(default_factory=list)
    chars: list[str] = field(default_factory=list)
    words: list[str] = field(default_factory=list)


def _scan(data: Any, parts: Parts, in_repeat: bool, word: list[str]) -> None:
    def end_word() -> None:
        if len(word) >= 2:
            parts.words.append("".join(word))
        word.clear()

    for op, av in data:
        if op is C.LITERAL:
            word.append(chr(av))
            (parts.repeated if in_repeat else parts.chars).append(chr(av))
            continue
        end_word()
        if op is C.NOT_LITERAL:
            cs = [c for c in UNIVERSE if ord(c) != av][:3]
            (parts.repeated if in_repeat else parts.chars).extend(cs)
        elif op is C.IN:
            (parts.repeated if in_repeat else parts.chars).extend(_set_chars(av))
        elif op is C.ANY:
            (parts.repeated if in_repeat else parts.chars).extend(["a", " ", "ب"])
        elif op in (C.MAX_REPEAT, C.MIN_REPEAT) or op is getattr(C, "POSSESSIVE_REPEAT", None):
            _scan(av[2], parts, in_repeat or av[1] > 1, [])
        elif op is C.SUBPATTERN:
            _scan(av[3], parts, in_repeat, word)
        elif op is C.BRANCH:
            for alt in av[1]:
                _scan(alt, parts, in_repeat, [])
        elif op in (C.ASSERT, C.ASSERT_NOT):
            _scan(av[1], parts, in_repeat, [])
        elif op is getattr(C, "ATOMIC_GROUP", None):
            _scan(av, parts, in_repeat, [])
        elif op is C.GROUPREF_EXISTS:
            _scan(av[1], parts, in_repeat, [])
            if av[2] is not None:
                _scan(av[2], parts, in_repeat, [])
    end_word()


def pattern_parts(pattern: re.Pattern[Any]) -> Parts:
    parts = Parts()
    _scan(P.parse(pattern.pattern, pattern.flags).data, parts, False, [])
    parts.repeated = list(dict.fromkeys(parts.repeated))
    parts.chars = [c for c in dict.fromkeys(parts.chars) if c not in parts.repeated]
    parts.words = list(dict.fromkeys(parts.words))
    return parts


@dataclass(frozen=True)
class Bait:
    """A string of about ``n`` characters: ``prefix`` then ``unit`` repeated, then ``tail``."""

    label: str
    unit: str
    prefix: str = ""
    tail: str = "\x00"

    def build(self, n: int) -> str:
        body = n - len(self.prefix) - len(self.tail)
        return self.prefix + self.unit * max(1, body // len(self.unit)) + self.tail


def baits(pattern: re.Pattern[Any], cap: int = 80) -> list[Bait]:
    """Adversarial strings for ``pattern``, most dangerous first: its literal words glued
    together (``<!--`` + ``-->``), runs of the characters it repeats, its words, a word then a
    run, pairs of repeated characters. Each ends in NUL or in " x" (a space then a word: what
    makes ``\\S+\\s*$`` fail at the very end)."""
    parts = pattern_parts(pattern)
    repeated = parts.repeated[:16]
    chars = parts.chars[:12]
    words = parts.words[:40]
    out: list[Bait] = []
    for a, b in itertools.pairwise(words):
        out.append(Bait(f"({a!r}+{b!r})*n", a + b))
        out.append(Bait(f"({a!r}+{b!r})*n+' x'", a + b, tail=" x"))
    for c in repeated + chars + [" ", "a", "1", "ب"]:
        out.append(Bait(f"{c!r}*n", c))
    for c in repeated[:6]:
        out.append(Bait(f"{c!r}*n+' x'", c, tail=" x"))
    for w in words[:20]:
        out.append(Bait(f"{w!r}*n", w))
        out.append(Bait(f"{w!r}*n+' x'", w, tail=" x"))
        out.append(Bait(f"({w!r}+' ')*n", w + " "))
    for w in words[:8]:
        for c in repeated[:6]:
            out.append(Bait(f"{w!r}+{c!r}*n", c, prefix=w))
    for a in repeated[:6]:
        for b in repeated[:6]:
            if a != b:
                out.append(Bait(f"({a!r}+{b!r})*n", a + b))
    for a in repeated[:6]:
        out.append(Bait(f"({a!r}+' ')*n", a + " "))
    unique = list({b.label: b for b in out}.values())
    return unique[:cap]


# --- timing ------------------------------------------------------------------------------------------


def _ops(pattern: re.Pattern[Any]) -> list[tuple[str, Callable[[str], object]]]:
    return [
        ("search", pattern.search),
        ("match", pattern.match),
        ("finditer", lambda s: sum(1 for _ in pattern.finditer(s))),
    ]


def time_bait(pattern: re.Pattern[Any], text: str, limit: float) -> tuple[float, str]:
    """The slowest of search, match and finditer over ``text`` (best of a few runs when fast),
    and which one; ``inf`` when one call passes ``limit`` seconds."""
    worst, worst_op = 0.0, ""
    for op_name, op in _ops(pattern):
        best = float("inf")
        for _ in range(3):
            t0 = time.perf_counter()
            try:
                with time_limit(limit):
                    op(text)
            except TimeLimit:
                return float("inf"), op_name
            best = min(best, time.perf_counter() - t0)
            if best > 0.5:
                break
        if best > worst:
            worst, worst_op = best, op_name
    return worst, worst_op


@dataclass
class Result:
    name: str
    pattern: re.Pattern[Any]
    baits: int = 0
    worst: Bait | None = None
    op: str = ""
    times: dict[int, float] = field(default_factory=dict)
    ratio: float = 0.0
    superlinear: bool = False
    note: str = ""


def _ratio(later: float, earlier: float) -> float:
    return later / max(earlier, CHAR_FLOOR)


def audit(name: str, pattern: re.Pattern[Any], sizes: list[int], ratio_limit: float, limit: float,
          top: int = 6) -> Result:
    """Time ``pattern`` on its baits; the result holds the worst bait and the verdict."""
    result = Result(name, pattern)
    if not isinstance(pattern.pattern, str):
        result.note = "bytes pattern: skipped"
        return result
    inf = float("inf")
    bs = baits(pattern)
    result.baits = len(bs)
    small, mid, large = sizes
    timed: list[tuple[Bait, dict[int, float], str]] = []
    for bait in bs:
        times: dict[int, float] = {}
        op = ""
        for n in (small, mid):
            times[n], op = time_bait(pattern, bait.build(n), limit)
            if times[n] == inf:
                break
        timed.append((bait, times, op))
        t_mid = times.get(mid, inf)
        settled = t_mid == inf or (t_mid > 0.5 and _ratio(t_mid, times[small]) > ratio_limit)
        if settled:
            break  # no need to try the other baits

    def mid_time(item: tuple[Bait, dict[int, float], str]) -> float:
        return item[1].get(mid, inf)

    # The slowest baits at the middle size, and any that already grows fast, go on to the large one.
    timed.sort(key=mid_time, reverse=True)
    growing = [t for t in timed
               if _ratio(mid_time(t), t[1][small]) > ratio_limit / 2 and mid_time(t) > FLOOR / 10]
    chosen = list({id(t): t for t in timed[:top] + growing}.values())
    best_score = -1.0
    for bait, times, op in chosen:
        note = ""
        if mid_time((bait, times, op)) == inf:
            superlinear = True
        elif times[mid] > 0.5 and _ratio(times[mid], times[small]) > ratio_limit:
            superlinear, note = True, f"not run at {large:,}: it would take minutes"
        else:
            times[large], op = time_bait(pattern, bait.build(large), limit)
            superlinear = times[large] == inf or (
                _ratio(times[large], times[mid]) > ratio_limit and times[large] > FLOOR)
            if superlinear and times[large] != inf:
                # Confirm at twice the size (best of three): linear doubles, quadratic quadruples.
                again, _ = time_bait(pattern, bait.build(2 * large), limit)
                if again != inf and again / times[large] < 3.0:
                    superlinear = False
                    note = f"noise: t({2 * large:,}) = {again / times[large]:.1f} x t({large:,})"
        last = max(times)
        score = (1e9 if superlinear else 0.0) + min(times[last], 1e6) * last
        if score > best_score:
            best_score = score
            prev = {large: mid, mid: small, small: small}[last]
            result.worst, result.op, result.times = bait, op, times
            result.ratio = inf if times[last] == inf or last == small else _ratio(times[last], times[prev])
            result.superlinear, result.note = superlinear, note
    return result


def _fmt(t: float | None) -> str:
    if t is None:
        return "-"
    if t == float("inf"):
        return "TIMEOUT"
    return f"{t * 1000:.2f}ms" if t < 1 else f"{t:.2f}s"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="1000,10000,100000",
                    help="three bait lengths (default 1000,10000,100000)")
    ap.add_argument("--ratio", type=float, default=30.0,
                    help="time ratio of the two largest sizes above which growth is superlinear (default 30)")
    ap.add_argument("--limit", type=float, default=5.0, help="seconds one call may take (default 5)")
    ap.add_argument("--only", default="", help="audit only patterns whose name contains this")
    ap.add_argument("--verbose", action="store_true", help="print each pattern's source too")
    args = ap.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",")]
    if len(sizes) != 3:
        ap.error("--sizes takes three lengths")
    patterns = [(n, p) for n, p in find_patterns() if args.only in n]
    print(f"regex audit: {len(patterns)} compiled patterns in newsclean; baits of {sizes[0]:,}, "
          f"{sizes[1]:,} and {sizes[2]:,} characters; superlinear: t({sizes[2]:,}) > {args.ratio:g} x "
          f"t({sizes[1]:,}) and > {FLOOR * 1000:g} ms, or one call over {args.limit:g} s")
    header = (f"{'pattern':<44} {'baits':>5} {'worst bait':<34} {'op':<8} "
              + " ".join(f"{f't({n:,})':>10}" for n in sizes) + f" {'ratio':>7}  verdict")
    print(header)
    print("-" * len(header))
    t0 = time.perf_counter()
    flagged: list[Result] = []
    for name, pattern in patterns:
        r = audit(name, pattern, sizes, args.ratio, args.limit)
        bait = r.worst.label if r.worst else r.note
        bait = bait if len(bait) <= 34 else bait[:31] + "..."
        ratio = "-" if not r.times else ("inf" if r.ratio == float("inf") else f"{r.ratio:.1f}")
        verdict = "SUPERLINEAR" if r.superlinear else "ok"
        print(f"{name[:44]:<44} {r.baits:>5} {bait:<34} {r.op:<8} "
              + " ".join(f"{_fmt(r.times.get(n)):>10}" for n in sizes) + f" {ratio:>7}  {verdict}")
        if args.verbose:
            print(f"    {r.pattern.pattern[:300]!r}")
        if r.superlinear:
            flagged.append(r)
    elapsed = time.perf_counter() - t0
    print()
    if flagged:
        print(f"{len(flagged)} of {len(patterns)} patterns grow faster than linearly ({elapsed:.0f} s):")
        for r in flagged:
            assert r.worst is not None
            print(f"  {r.name}: {r.worst.label} ({r.op}) {r.note}\n    pattern: {r.pattern.pattern[:240]!r}")
        return 1
    print(f"no pattern grows faster than linearly ({len(patterns)} patterns, {elapsed:.0f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
