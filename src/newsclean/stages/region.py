"""The article region: where, among a whole page's lines, the article's paragraphs are.

Each line gets a score for or against the article, and the region is the run of lines with the
highest total (a maximum-sum window, one pass). By default the score comes from a small
learned model (:mod:`newsclean.model`): the probability ``p`` that the line is the article's,
from its own shape and its neighbours', less a threshold, per word. ``Region(model=None)``
scores lines by hand-set rules instead, as jusText classifies blocks: *good* (a long line that
reads like prose), *near* (a medium line), *short* or *bad*. Inside the region, a short line
becomes body only when prose stands on both sides (a crosshead); outside it nothing is body.
Chrome found by its shape counts against the article; promos and embedded posts count for
nothing either way, so an embedded post inside the article does not split it.

>>> from newsclean.document import Document
>>> story = [
...     "The storm reached the coast on Monday, officials said, and more rain is expected this week.",
...     "Emergency crews worked through the night to clear roads and restore power to thousands of homes.",
...     "Schools in the worst-hit districts will stay closed until Wednesday, the education ministry said.",
...     "Forecasters said the river would peak on Thursday and urged people in low areas to leave.",
... ]
>>> text = "\\n".join(["Home", "World", "Sport", "Storm floods the coast", *story, "Related", "Contact us"])
>>> doc = Document.from_text(text, lang="en")
>>> Region()(doc)
>>> doc.meta["region"]
(4, 7)
>>> [line.label for line in doc.lines]
[None, None, None, None, 'body', 'body', 'body', 'body', None, None]
"""

from __future__ import annotations

from array import array
from collections import Counter
from collections.abc import Iterator, Sequence
from math import exp
from pathlib import Path

import numpy as np

from newsclean.columns import features
from newsclean.document import Document, Line
from newsclean.features import Features, line_features, stopwords
from newsclean.language import page_language
from newsclean.model import LineModel, load_model
from newsclean.normalize import TERMINAL_PUNCTUATION
from newsclean.registry import stage

#: ``Region(model=PACKAGED)``: the model shipped in ``newsclean/data/region_model.json``.
PACKAGED = "packaged"
#: How far ``clean_article(favor=...)`` (``Document.favor``) moves the model's threshold: a line
#: needs a higher probability to count as prose when precision is favoured, a lower one for recall.
FAVOR_SHIFT = {"balanced": 0.0, "precision": 0.1, "recall": -0.2}
# How many words a line weighs at least and at most in the model's window scores.
_MIN_WEIGHT, _MAX_WEIGHT = 3, 80


def classify(f: Features, *, has_stoplist: bool, good_words: int = 12, short_words: int = 5) -> str:
    """``good``, ``near``, ``short`` or ``bad``, from one line's features alone.

    Paragraphs end with a sentence mark; titles, teasers and list items do not. So a line
    without one is only *good* when it is very long.
    """
    if f.alpha_ratio < 0.4:
        return "bad"
    if f.words < short_words:
        return "short"
    prose = f.stop_density >= 0.15 or not has_stoplist
    if (f.terminal and f.words >= good_words and prose) or f.words >= 30:
        return "good"
    if f.terminal and (prose or f.words >= 8):
        return "near"
    return "title" if f.words >= 8 else "bad"


def best_window(scores: Sequence[float]) -> tuple[int, int] | None:
    """The inclusive bounds of the contiguous run with the highest total (Kadane), or None."""
    best, best_span = 0.0, None
    total, start = 0.0, 0
    for i, s in enumerate(scores):
        if total <= 0:
            total, start = s, i
        else:
            total += s
        if total > best:
            best, best_span = total, (start, i)
    return best_span


def _first_strong_window(scores: Sequence[float], classes: list[str]) -> tuple[int, int] | None:
    """The best window of the first part of the page that holds a strong one.

    A comments heading ends the article: the windows are sought between such barriers, and
    the earliest part whose best window scores at least half the page's best, or a solid
    paragraph's worth, is taken (reader comments can outweigh a short article).
    """
    parts: list[tuple[int, int]] = []
    start = 0
    for i, kind in enumerate(classes):
        if kind == "barrier":
            parts.append((start, i))
            start = i + 1
    parts.append((start, len(classes)))
    found: list[tuple[float, tuple[int, int]]] = []
    for lo, hi in parts:
        span = best_window(scores[lo:hi])
        if span is not None:
            a, b = span[0] + lo, span[1] + lo
            found.append((sum(scores[a:b + 1]), (a, b)))
    if not found:
        return None
    best = max(total for total, _ in found)
    return next(span for total, span in found if total >= min(0.5 * best, 30.0))


def _inner_runs(classes: list[str], lo: int, hi: int, longest: int) -> dict[int, int]:
    """Short and title lines that stand between two paragraphs of the region, in runs of at
    most ``longest`` lines (crossheads, and the items of a list the article holds), mapped to
    the length of their run. Lines labelled by earlier stages are skipped over."""
    found: dict[int, int] = {}
    k = lo
    while k <= hi:
        if _is_prose(classes[k]) or classes[k] == "labelled":
            k += 1
            continue
        start = k
        while k <= hi and not _is_prose(classes[k]):
            k += 1
        run = [i for i in range(start, k) if classes[i] != "labelled"]
        bounded = start > lo and k <= hi
        if bounded and len(run) <= longest and all(classes[i] in ("short", "short-1", "title") for i in run):
            found.update((i, len(run)) for i in run)
    return found


def weighed_lines(doc: Document) -> list[Line]:
    """The lines the region is sought among: open ones, and chrome found by its shape (which
    speaks against the article). Promos and embedded posts sit inside articles: they are left
    out, so they neither split an article nor stand as a paragraph's neighbour."""
    lines = doc.lines
    return [lines[i] for i in weighed_indices(doc)]


def weighed_indices(doc: Document) -> array[int]:
    """The indices of :func:`weighed_lines`."""
    weighed = doc.kinds_where(lambda v: v is None or (v.label == "chrome" and v.reason != "embedded-post"))
    return array("q", (i for i, kind in enumerate(doc.verdict_ids) if kind in weighed))


def _floats(values: np.ndarray, block: int = 1 << 16) -> Iterator[float]:
    """The values of an array as Python floats, a block at a time."""
    for start in range(0, len(values), block):
        yield from values[start:start + block].tolist()


def _is_prose(kind: str) -> bool:
    return kind in ("good", "near")


@stage("region")
class Region:
    """Find the article's densest region of prose; label its lines body or chrome.

    ``model`` scores each line: the packaged :class:`~newsclean.model.LineModel` by default
    (``PACKAGED``), a model or the path of a model's JSON, or ``None`` for the hand-set scores of
    :func:`classify`. ``threshold`` overrides the model's own, which ``Document.favor`` shifts
    (:data:`FAVOR_SHIFT`). ``short_penalty`` and
    ``bad_penalty`` apply to the hand-set scores only; ``good_words`` parts *good* from *near*
    prose (and sets the hand-set classes). ``lead_margin`` is how far below the model's threshold
    a sentence right above the region may score and still join it.
    """

    def __init__(self, *, model: LineModel | str | Path | None = PACKAGED, threshold: float | None = None,
                 good_words: int = 12, short_words: int = 5, short_penalty: float = 3.0,
                 bad_penalty: float = 4.0, max_inner_run: int = 3,
                 lead_margin: float = 0.1) -> None:
        if isinstance(model, (str, Path)):
            model = load_model() if model == PACKAGED else LineModel.load(model)
        self.model = model
        self.threshold = threshold  # None: the model's own
        self.good_words = good_words
        self.short_words = short_words
        self.short_penalty = short_penalty
        self.bad_penalty = bad_penalty
        self.max_inner_run = max_inner_run
        self.lead_margin = lead_margin

    @staticmethod
    def _trim_tail(classes: list[str], lo: int, hi: int) -> tuple[int, int]:
        """Drop a lone last paragraph cut off from the article by a list of short lines.

        Boxes that follow an article (an explainer, an author bio, a disclaimer) stand after
        its tags or share row; a crosshead before a closing paragraph is a single line of
        several words. So a one-paragraph tail after two or more short lines, or after a
        one-word line, is not the article's.
        """
        k = hi
        while k > lo and _is_prose(classes[k]):
            k -= 1
        tail = hi - k
        if tail != 1 or k == lo:
            return lo, hi
        gap = k
        while gap > lo and not _is_prose(classes[gap]):
            gap -= 1
        gap_open = [c for c in classes[gap + 1:k + 1] if c != "labelled"]
        if not _is_prose(classes[gap]) or not gap_open:
            return lo, hi
        if len(gap_open) >= 2 or classes[k] == "short-1":
            return lo, gap
        return lo, hi

    def _extend_head(self, doc: Document, weighed: Sequence[int], classes: list[str], scores: Sequence[float],
                     lo: int) -> int:
        """Take in the paragraphs just above the region that the model only narrowly refused.

        The model reads a line with its neighbours, so an article's first paragraph, standing
        under a title and a deck, scores lower than the same sentence further down. A line
        right above the region that is a sentence (long, ends with a sentence mark) and within
        ``lead_margin`` of the threshold joins it, as jusText's context pass lets a near-good
        paragraph join its good neighbour.
        """
        while lo > 0:
            k = lo - 1
            i = weighed[k]
            words = doc.words[i]
            if not doc.is_open(i) or classes[k] != "title" or words < self.good_words:
                break
            if doc.text_of(i).rstrip()[-1:] not in TERMINAL_PUNCTUATION:
                break
            if scores[k] < -self.lead_margin * min(words, _MAX_WEIGHT):
                break
            classes[k] = "good"
            lo = k
        return lo

    def _hand_scores(self, doc: Document, weighed: Sequence[int],
                     stop: frozenset[str]) -> tuple[list[str], Sequence[float]]:
        """Each line's class and score by the hand-set rules of :func:`classify`."""
        open_lines = [doc.lines[i] for i in weighed]
        repeats = Counter(line.text.strip() for line in open_lines if line.is_open)
        classes: list[str] = []
        scores: list[float] = []
        for line in open_lines:
            if not line.is_open:
                classes.append("barrier" if line.reason == "comments-marker" else "labelled")
                scores.append(-1.0)
                continue
            if line.words < self.short_words and len(line.text) < 60:
                # Most lines of a page are menu items and labels: no need to measure them.
                if repeats[line.text.strip()] > 1:
                    classes.append("bad")
                    scores.append(-self.bad_penalty)
                    continue
                classes.append("short-1" if line.words <= 1 else "short")
                terminal = line.text.rstrip()[-1:] in TERMINAL_PUNCTUATION
                scores.append(-1.0 if terminal else -self.short_penalty)
                continue
            f = line_features(line.text, stop)
            kind = classify(f, has_stoplist=bool(stop), good_words=self.good_words,
                            short_words=self.short_words)
            if kind != "good" and repeats[line.text.strip()] > 1:
                kind = "bad"  # menus, tickers and related titles repeat; paragraphs rarely do
            if kind == "short" and f.words <= 1:
                kind = "short-1"  # a lone word: a tag or a menu item more often than a crosshead
            classes.append(kind)
            if kind == "good":
                # A paragraph ends with a sentence mark; a long line without one is often a
                # blurb or a caption, so it counts for half.
                scores.append(min(f.words, 80) * (1.0 if f.terminal else 0.5))
            elif kind == "near":
                scores.append(f.words * 0.5)
            elif kind == "title":
                # A long line without a full stop: a title or a teaser as often as prose.
                scores.append(-1.0)
            elif kind in ("short", "short-1"):
                scores.append(-1.0 if f.terminal else -self.short_penalty)
            else:
                scores.append(-self.bad_penalty)
        return classes, scores

    def _model_scores(self, model: LineModel, doc: Document,
                      weighed: array[int]) -> tuple[list[str], Sequence[float]]:
        """Each line's class and score from the model's probability ``p`` that it is the article's.

        A line scores ``p - threshold`` a word, so a paragraph weighs by its length as the
        article's shingles do; a line of one or two words weighs as three, and none as more
        than 80. Lines from ``threshold`` up are prose; the others are classed by length only
        (for crossheads and the tail trim).
        """
        kinds = doc.kinds()
        ids = doc.verdict_ids
        labels = [v.label if (v := kinds[ids[i]]) is not None else None for i in weighed]
        odds = model.log_odds_matrix(features(doc).columns(weighed), labels)
        del labels
        threshold = self.threshold if self.threshold is not None else model.threshold + FAVOR_SHIFT[doc.favor]
        short_words, good_words = self.short_words, self.good_words
        counts = doc.words
        classes: list[str] = []
        scores = array("d")
        for i, z in zip(weighed, _floats(odds), strict=True):
            verdict = kinds[ids[i]]
            if verdict is not None:
                classes.append("barrier" if verdict.reason == "comments-marker" else "labelled")
                scores.append(-1.0)
                continue
            p = 1.0 / (1.0 + exp(-z)) if z > -30.0 else 0.0
            words = counts[i]
            if p >= threshold:
                classes.append("good" if words >= good_words else "near")
            else:
                classes.append("short-1" if words <= 1 else "short" if words < short_words else "title")
            scores.append((p - threshold) * (_MIN_WEIGHT if words < _MIN_WEIGHT else min(words, _MAX_WEIGHT)))
        return classes, scores

    def __call__(self, doc: Document) -> None:
        if "region" in doc.meta:
            return  # an earlier stage (e.g. html-hints, from the page's DOM) already placed it
        # Lines earlier stages labelled take part with a fixed weight: chrome found by its own
        # shape speaks against the article, promos and embedded posts (which sit inside
        # articles) speak neither way.
        weighed = weighed_indices(doc)
        ids = doc.verdict_ids
        if all(ids[i] for i in weighed):
            return
        page_language(doc)
        if self.model is None:
            classes, scores = self._hand_scores(doc, weighed, stopwords(doc.lang))
        else:
            classes, scores = self._model_scores(self.model, doc, weighed)
        span = _first_strong_window(scores, classes)
        if span is None:
            return
        lo, hi = self._trim_tail(classes, *span)
        if self.model is not None:
            lo = self._extend_head(doc, weighed, classes, scores, lo)
        doc.meta["region"] = (weighed[lo], weighed[hi])
        inner = _inner_runs(classes, lo, hi, self.max_inner_run)
        for k in range(lo, hi + 1):
            i, kind = weighed[k], classes[k]
            if kind == "labelled":
                continue
            if kind in ("good", "near"):
                doc.label(i, "body", f"prose-{kind}", f"{kind} line inside the article region")
            elif k in inner:
                reason = "crosshead" if inner[k] == 1 else "list-item"
                doc.label(i, "body", reason, "short line between the article's paragraphs")
            else:
                doc.label(i, "chrome", f"{kind}-in-region", f"{kind} line inside the article region")
