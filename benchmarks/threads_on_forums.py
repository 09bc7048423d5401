#!/usr/bin/env python3
"""How the thread finder reads forum pages: the records :func:`newsclean.threads.find_threads`
finds on the `bench/wcxb-dev` pages whose `page_type` is "forum" (text input), against their
gold main content (WCXB counts a thread's posts as a forum page's main content).

usage: python benchmarks/threads_on_forums.py [--corpus ../shared/corpus] [--show 10]

Prints, over the forum pages whose text holds 30 lines or more: how many pages hold a thread,
the layouts found, and the word precision / recall / F1 (WCXB's bag of lower-cased words) of
the records' texts against the gold main content, beside the same for `clean_article`'s body
and for the two together. Per page with ``--show``: the pages where the records cover least.
"""

from __future__ import annotations

import argparse
import collections
import gzip
import json
import re
import statistics
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from newsclean import Document, clean_article  # noqa: E402
from newsclean.stages.comments import match_comment_form  # noqa: E402
from newsclean.threads import find_threads  # noqa: E402

WORD = re.compile(r"\w+")


def _read(path: Path) -> str:
    data = path.read_bytes()
    return (gzip.decompress(data) if path.suffix == ".gz" else data).decode("utf-8", "replace")


def prf(got: list[str], want: list[str]) -> tuple[float, float, float]:
    """Bag-of-words precision, recall and F1 (WCXB's metric)."""
    common = sum((collections.Counter(got) & collections.Counter(want)).values())
    if not got or not want or not common:
        return 0.0, 0.0, 0.0
    p, r = common / len(got), common / len(want)
    return p, r, 2 * p * r / (p + r)


def words(text: str) -> list[str]:
    return WORD.findall(text.lower())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    parser.add_argument("--show", type=int, default=0)
    args = parser.parse_args()
    folder = args.corpus / "bench" / "wcxb-dev"
    if not folder.is_dir():
        print(f"no corpus at {folder}", file=sys.stderr)
        return 1
    rows = []
    layouts: collections.Counter[str] = collections.Counter()
    for path in sorted(folder.glob("*/expected.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        if gold.get("page_type") != "forum":
            continue
        source = path.parent / gold.get("input", "input.txt")
        if not source.is_file():
            continue
        text = _read(source)
        doc = Document.from_text(text)
        if sum(1 for line in doc.lines if line.label != "blank") < 30:
            continue  # a page its scraper left nearly empty (script-built forums)
        threads = find_threads(doc.lines, is_end=lambda k, n: match_comment_form(k, n) is not None)
        layouts.update(t.layout for t in threads)
        posts = "\n".join("\n".join(r.text) for t in threads for r in t.records)
        body = clean_article(text).text
        want = words("\n".join(gold["body"]))
        rows.append({
            "case": path.parent.name, "domain": gold.get("domain"), "threads": len(threads),
            "records": sum(len(t.records) for t in threads),
            "posts": prf(words(posts), want), "body": prf(words(body), want),
            "both": prf(words(body + "\n" + posts), want),
        })
    print(f"bench/wcxb-dev forum pages with 30 lines or more: {len(rows)}")
    found = [r for r in rows if r["threads"]]
    print(f"  pages holding a thread: {len(found)} ({len(found) / max(1, len(rows)):.0%}); "
          f"records per such page: median {statistics.median([r['records'] for r in found]) if found else 0}")
    print(f"  layouts: {dict(layouts.most_common())}")
    labels = {"posts": "the records' texts", "body": "clean_article's body", "both": "body and records"}
    for name, label in labels.items():
        p, r, f = (statistics.mean(row[name][i] for row in rows) for i in range(3))
        print(f"  {label:22} word P {p:.3f}  R {r:.3f}  F1 {f:.3f}")
    if args.show:
        print("pages where the records cover least (recall):")
        for row in sorted(rows, key=lambda r: r["posts"][1])[: args.show]:
            print(f"  {row['case']} {row['domain']}: {row['records']} records, "
                  f"P {row['posts'][0]:.2f} R {row['posts'][1]:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
