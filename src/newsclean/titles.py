"""Which line of a page's scraped text is its title: a learned choice among the lines near its content.

A title stands above the content's first paragraph, reads as a phrase rather than a sentence,
shares its words with the lead, and often stands twice on the page (a breadcrumb, a related
list). A menu run, an author's name, an "updated at" timestamp or a most-read title share some
of that and not the rest. :func:`candidates` lists the lines near the start of the content and
:data:`TITLE_FEATURES` describes each; a model of symmetric trees trained on WCXB's and
ScrapingHub's titles with sites kept apart (``benchmarks/train_models.py``) scores them.

>>> from newsclean.document import Document
>>> doc = Document.from_text("Home\\nStorm hits the coast\\nThe storm hit the coast on Monday.")
>>> doc.meta["region"] = (2, 2)
>>> [line.text for line in candidates(doc)]  # a sentence is no title
['Home', 'Storm hits the coast']
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence

import numpy as np

from newsclean.dates import parse_date
from newsclean.document import Document, Line
from newsclean.model import LINE_FEATURES, measure
from newsclean.stages.byline import match_byline
from newsclean.trees import FloatArray

__all__ = ["ABOVE", "BELOW", "TITLE_FEATURES", "candidates", "title_matrix"]

#: How many visible lines above the content's first line, and under its first paragraph (its
#: first body line of :data:`LEAD` words or more), a title may stand.
ABOVE, BELOW, LEAD = 40, 3, 20
_MOST = 120
_FULL_STOPS = (".", "。", "۔", ":")
#: The stages whose verdicts are a model's guess about content, which the title may overrule.
_GUESSES = frozenset({"region", "html-hints"})
_LEAD_WORDS = 150
_WORD = re.compile(r"\w{3,}")
_LABELS = ("open", "chrome", "body", "promo", "byline")
_NEXT = ("log_words", "date", "byline", "body")
#: The model's inputs, in order (the page-type probabilities follow them).
TITLE_FEATURES: tuple[str, ...] = (
    *LINE_FEATURES, "offset", "log_distance", "above", "lead_offset", "above_lead", "first_line", "log_rank",
    "log_repeats", "log_contained", "rare_lead_overlap",
    "lead_overlap", "body_overlap", "lead_share", *(f"label:{name}" for name in _LABELS), "content_p",
    "date", "byline", "log_chars", "digit_share", "question",
    *(f"prev:{name}" for name in _NEXT), *(f"next:{name}" for name in _NEXT),
    *(f"{name}:{how}" for name in ("lead_overlap", "body_overlap", "log_repeats", "content_p", "log_words")
      for how in ("below_best", "rank")),
)
# The columns also compared across a page's candidates: a title is the candidate that shares the
# most with the lead, not one that shares some.
_COMPARED = tuple(TITLE_FEATURES.index(name) for name in
                  ("lead_overlap", "body_overlap", "log_repeats", "content_p", "log_words"))


def _anchors(doc: Document, visible: Sequence[Line]) -> tuple[int, int]:
    """The ranks among ``visible`` of the content's first line and of its first paragraph."""
    region = doc.meta.get("region") or (0, 0)
    start = next((k for k, line in enumerate(visible) if line.index >= region[0]), len(visible))
    lead = next((k for k in range(start, len(visible))
                 if visible[k].label == "body" and visible[k].words >= LEAD), start)
    return start, lead


def candidates(doc: Document) -> list[Line]:
    """The visible lines from :data:`ABOVE` lines above the content's first line to :data:`BELOW`
    lines under its first paragraph that are still open or only guessed at by the content
    finder (a rule's verdict, a promo, a menu, a site's repeated line, stands), save lines that
    end with a full stop or a colon: a sentence or a lead-in, not a title (and a text that opens
    with its paragraphs has no title to find)."""
    if not doc.meta.get("region"):
        return []
    visible = [line for line in doc.lines if line.label != "blank"]
    start, lead = _anchors(doc, visible)
    window = visible[max(0, start - ABOVE): min(lead + BELOW + 1, start + _MOST)]
    return [line for line in window if (line.is_open or line.stage in _GUESSES)
            and not line.text.rstrip().endswith(_FULL_STOPS)]


def _words(text: str) -> set[str]:
    return set(_WORD.findall(text.lower()))


def title_matrix(doc: Document, lines: Sequence[Line], stop: frozenset[str],
                 kind: Sequence[float] = ()) -> FloatArray:
    """The :data:`TITLE_FEATURES` of each of ``lines`` (from :func:`candidates`), ``kind`` appended."""
    width = len(TITLE_FEATURES) + len(kind)
    if not lines:
        return np.zeros((0, width))
    visible = [line for line in doc.lines if line.label != "blank"]
    rank = {line.index: k for k, line in enumerate(visible)}
    start, lead_rank = _anchors(doc, visible)
    keys = Counter(line.key for line in visible if line.words <= 40)
    body = [line.text for line in doc.lines if line.label == "body"]
    lead_words: list[str] = []
    for text in body:
        lead_words.extend(_WORD.findall(text.lower()))
        if len(lead_words) >= _LEAD_WORDS:
            break
    lead = set(lead_words[:_LEAD_WORDS])
    all_body = _words("\n".join(body)) if body else set()
    content_p: Sequence[float] | None = doc.meta.get("content_p")
    # A title often stands inside other lines too (a breadcrumb "Home » Title", a page title
    # "Title | Site"); and the words it shares with the lead are rare on the page's other lines.
    short_keys = "\n".join(line.key for line in visible if line.words <= 40)
    counts: Counter[str] = Counter()
    for line in visible:
        if line.label != "body":
            counts.update(_words(line.text))
    rows: list[list[float]] = []
    for line in lines:
        k = rank[line.index]
        words = _words(line.text)
        n = len(words) or 1
        overlap = len(words & lead)
        rare = sum(1.0 / counts[w] for w in words & lead if counts[w])
        row = list(measure(line.text, line.words, stop, repeated=keys[line.key] > 1))
        row += [float(max(-ABOVE, min(_MOST, k - start))), math.log1p(abs(k - start)), float(k < start),
                float(max(-_MOST, min(BELOW, k - lead_rank))), float(k < lead_rank),
                float(k == 0), math.log1p(k), math.log1p(max(0, keys[line.key] - 1)),
                math.log1p(max(0, short_keys.count(line.key) - 1)) if line.key else 0.0, rare / n,
                overlap / n, len(words & all_body) / n, overlap / (len(lead) or 1)]
        label = line.label or "open"
        row += [float(label == name) for name in _LABELS]
        row.append(float(content_p[line.index]) if content_p is not None else 0.5)
        text = line.text
        row += [float(parse_date(text) is not None), float(match_byline(line.key) is not None),
                math.log1p(len(text)), sum(c.isdigit() for c in text) / (len(text) or 1),
                float(text.rstrip()[-1:] in "?؟")]
        for other in (visible[k - 1] if k > 0 else None, visible[k + 1] if k + 1 < len(visible) else None):
            if other is None:
                row += [0.0] * len(_NEXT)
                continue
            row += [math.log1p(other.words), float(parse_date(other.text) is not None),
                    float(match_byline(other.key) is not None), float(other.label == "body")]
        rows.append(row)
    x = np.asarray(rows, dtype=float)
    compared = x[:, _COMPARED]
    below_best = compared - compared.max(axis=0)
    order = (-compared).argsort(axis=0, kind="stable").argsort(axis=0, kind="stable") / max(1, len(rows) - 1)
    relative = np.column_stack([np.column_stack([below_best[:, j], order[:, j]])
                                for j in range(len(_COMPARED))])
    kinds = np.tile(np.asarray(kind, dtype=float), (len(rows), 1))
    out: FloatArray = np.column_stack([x, relative, kinds])
    return out
