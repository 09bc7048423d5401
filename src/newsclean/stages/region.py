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
from collections.abc import Iterable, Iterator, Sequence
from math import exp
from pathlib import Path

import numpy as np
import numpy.typing as npt

from newsclean.columns import features
from newsclean.document import Document, Line
from newsclean.features import Features, line_features, stopwords
from newsclean.html.lines import choose
from newsclean.kind import kind_vector, learned_size
from newsclean.language import page_language
from newsclean.model import LineModel, load_model
from newsclean.normalize import TERMINAL_PUNCTUATION
from newsclean.registry import stage
from newsclean.text_lines import line_matrix as text_line_matrix
from newsclean.trees import FAVOR_LOG_ODDS, Forest, load_forest, sigmoid

#: ``Region(model=PACKAGED)``: the model shipped in ``newsclean/data/region_model.json``.
PACKAGED = "packaged"
#: ``Region(model=LEARNED)``: the text line forest shipped in ``newsclean/data/text_lines.json``
#: (``Pipeline.learned()``).
LEARNED = "learned"
#: How far ``clean_article(favor=...)`` (``Document.favor``) moves the model's threshold: a line
#: needs a higher probability to count as prose when precision is favoured, a lower one for recall.
FAVOR_SHIFT = {"balanced": 0.0, "precision": 0.1, "recall": -0.2}
#: ``Region(decode=...)``: how the text line model's probabilities become the article's lines.
#: ``window`` takes one block of prose (the best run of lines, as the linear model does),
#: ``expected-f1`` the lines that maximise the page's expected F1 wherever they stand, and
#: ``auto`` the first on an article page (``doc.meta["kind"]``), the second on other kinds.
DECODINGS = ("auto", "window", "expected-f1")
#: The page kinds whose content is one block of prose.
ONE_BLOCK_KINDS = frozenset({"article"})
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

    ``model`` scores each line: the packaged text line forest by default (``LEARNED``, with the
    linear model on pages outside its learned size; see ``docs/evaluation-model.md``), the packaged
    :class:`~newsclean.model.LineModel` alone (``PACKAGED``), a model or the path of a model's
    JSON, or ``None`` for the hand-set scores of :func:`classify`. ``threshold`` overrides the
    model's own, which ``Document.favor`` shifts (:data:`FAVOR_SHIFT`). ``short_penalty`` and
    ``bad_penalty`` apply to the hand-set scores only; ``good_words`` parts *good* from *near*
    prose (and sets the hand-set classes). ``lead_margin`` is how far below the model's threshold
    a sentence right above the region may score and still join it.
    """

    def __init__(self, *, model: Forest | LineModel | str | Path | None = LEARNED,
                 threshold: float | None = None, good_words: int = 12, short_words: int = 5,
                 short_penalty: float = 3.0, bad_penalty: float = 4.0, max_inner_run: int = 3,
                 lead_margin: float = 0.1, decode: str = "auto", floor: float = 0.1) -> None:
        if isinstance(model, (str, Path)):
            model = (load_model() if model == PACKAGED else load_forest("text_lines") if model == LEARNED
                     else LineModel.load(model))
        self.model = model
        if decode not in DECODINGS:
            raise ValueError(f"decode must be one of {', '.join(map(repr, DECODINGS))}, not {decode!r}")
        self.decode = decode
        self.floor = floor
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

    def _model_scores(self, doc: Document, weighed: Sequence[int], probability: Iterable[float],
                      threshold: float, *, short_by_length: bool = False,
                      ) -> tuple[list[str], Sequence[float]]:
        """Each line's class and score from a model's ``probability`` that it is the article's.

        A line scores ``p - threshold`` a word, so a paragraph weighs by its length as the
        article's shingles do; a line of one or two words weighs as three, and none as more
        than 80. Lines from ``threshold`` up are prose; the others are classed by length only
        (for crossheads and the tail trim). With ``short_by_length`` a line of fewer than
        ``short_words`` words is classed by its length whatever its ``p``: it is content only as a
        crosshead or a list between paragraphs, never at the article's edge (a "Related" label).
        """
        kinds = doc.kinds()
        ids = doc.verdict_ids
        short_words, good_words = self.short_words, self.good_words
        counts = doc.words
        classes: list[str] = []
        scores = array("d")
        for i, p in zip(weighed, probability, strict=True):
            verdict = kinds[ids[i]]
            if verdict is not None:
                classes.append("barrier" if verdict.reason == "comments-marker" else "labelled")
                scores.append(-1.0)
                continue
            words = counts[i]
            if p >= threshold and not (short_by_length and words < short_words):
                classes.append("good" if words >= good_words else "near")
            else:
                classes.append("short-1" if words <= 1 else "short" if words < short_words else "title")
            scores.append((p - threshold) * (_MIN_WEIGHT if words < _MIN_WEIGHT else min(words, _MAX_WEIGHT)))
        return classes, scores

    @staticmethod
    def _linear_p(model: LineModel, doc: Document, weighed: array[int]) -> Iterator[float]:
        """The linear model's probability for each weighed line, read from the document's columns."""
        kinds = doc.kinds()
        ids = doc.verdict_ids
        labels = [v.label if (v := kinds[ids[i]]) is not None else None for i in weighed]
        odds = model.log_odds_matrix(features(doc).columns(weighed), labels)
        del labels
        return (1.0 / (1.0 + exp(-z)) if z > -30.0 else 0.0 for z in _floats(odds))

    @staticmethod
    def _small_model() -> LineModel:
        """The linear model (``newsclean/data/region_model.json``), for pages too short for the forest."""
        return load_model()

    def _forest_odds(self, doc: Document, forest: Forest) -> npt.NDArray[np.float64]:
        """Each line's log-odds of being content by the text line model (:mod:`newsclean.text_lines`);
        the probabilities go in ``doc.meta["content_p"]``, where the title model reads them."""
        page_language(doc)
        z = forest.raw(text_line_matrix(doc, kind_vector(doc.meta.get("kind_scores"))))[:, 0]
        doc.meta["content_p"] = sigmoid(z)
        return z

    def _chosen(self, doc: Document, z: npt.NDArray[np.float64]) -> None:
        """Label the lines that maximise the page's expected F1 (:func:`~newsclean.html.lines.choose`):
        content that is not one block of prose (a thread's posts, a listing's items). The region
        runs from the first line taken to the last; an open line inside it not taken is chrome."""
        open_idx = [line.index for line in doc.lines if line.is_open]
        if not open_idx:
            return
        part = self._first_part(doc, doc.meta["content_p"], open_idx)
        words = np.array([doc.lines[i].words for i in part], dtype=float)
        q = sigmoid(z[part] + FAVOR_LOG_ODDS[doc.favor])
        taken = {part[k] for k in choose(q, words, floor=self.floor)}
        taken -= self._short_at_edges(doc, taken)
        if not taken:
            return
        joined = self._paragraphs_beside(doc, taken)
        taken |= joined
        lo, hi = min(taken), max(taken)
        doc.meta["region"] = (lo, hi)
        for i in range(lo, hi + 1):
            line = doc.lines[i]
            if not line.is_open:
                continue
            if i in joined:
                doc.label(i, "body", "prose-beside", "a paragraph right next to the content")
            elif i in taken:
                kind = "good" if line.words >= self.good_words else "near"
                doc.label(i, "body", f"prose-{kind}", "content by the line model")
            else:
                doc.label(i, "chrome", "not-content-in-region", "not content by the line model")

    def _short_at_edges(self, doc: Document, taken: set[int]) -> set[int]:
        """The lines taken of fewer than ``short_words`` words that do not stand between two lines
        taken (blank lines aside): a "Related" or "Sorted by" label at a block's edge, not a
        crosshead or a list item inside one."""
        visible = [line.index for line in doc.lines if line.label != "blank"]
        out: set[int] = set()
        for k, i in enumerate(visible):
            if i in taken and doc.lines[i].words < self.short_words:
                before = k > 0 and visible[k - 1] in taken
                after = k + 1 < len(visible) and visible[k + 1] in taken
                if not (before and after):
                    out.add(i)
        return out

    def _paragraphs_beside(self, doc: Document, taken: set[int]) -> set[int]:
        """Open paragraphs of prose that stand right next to the lines taken, with nothing between.

        The model reads a line among its neighbours, and on a short text (a few paragraphs, no
        page around them) it has little to read: a paragraph beside content, itself a paragraph by
        :func:`classify`, is content too. A short line, a title-like line or a labelled one stops
        the walk (save promos and embedded posts, which sit inside articles), so a reader's
        comment under its author line never joins.
        """
        stop = stopwords(doc.lang)
        has_stoplist = bool(stop)
        visible = [line for line in doc.lines if line.label != "blank"]
        rank = {line.index: k for k, line in enumerate(visible)}
        joined: set[int] = set()
        for start in sorted(taken):
            for step in (-1, 1):
                k = rank[start] + step
                while 0 <= k < len(visible):
                    line = visible[k]
                    if line.label == "promo" or line.reason == "embedded-post":
                        k += step  # they sit inside articles: a paragraph beyond one is still beside
                        continue
                    if line.index in taken or line.index in joined or not line.is_open:
                        break
                    f = line_features(line.text, stop)
                    if classify(f, has_stoplist=has_stoplist, good_words=self.good_words) != "good":
                        break
                    joined.add(line.index)
                    k += step
        return joined

    @staticmethod
    def _first_part(doc: Document, p: npt.NDArray[np.float64], open_idx: list[int]) -> list[int]:
        """The open lines of the first part of the page that holds much of its content.

        A comments heading ends a part (reader comments below an article read as content line
        by line); the first part whose expected content (``p`` times words) is at least half the
        largest part's, or a solid paragraph's worth, is taken. On a discussion page the
        comments are the content, and the whole page is one part.
        """
        if doc.meta.get("kind") == "discussion":
            return open_idx
        parts: list[list[int]] = [[]]
        for line in doc.lines:
            if line.is_open:
                parts[-1].append(line.index)
            elif line.reason == "comments-marker":
                parts.append([])
        if len(parts) == 1:
            return open_idx
        mass = [float(sum(p[i] * doc.lines[i].words for i in part)) for part in parts]
        best = max(mass)
        return next(part for part, m in zip(parts, mass, strict=True) if m >= min(0.5 * best, 30.0))

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
        shift = FAVOR_SHIFT[doc.favor]
        model = self.model
        if isinstance(model, Forest) and not learned_size(doc):
            model = self._small_model()  # a few paragraphs, or thousands of lines: not what it learned
        if model is None:
            classes, scores = self._hand_scores(doc, weighed, stopwords(doc.lang))
        elif isinstance(model, Forest):
            z = self._forest_odds(doc, model)
            if self.decode == "expected-f1" or (self.decode == "auto" and doc.meta.get("kind", "article")
                                                not in ONE_BLOCK_KINDS):
                self._chosen(doc, z)
                return
            p = doc.meta["content_p"]
            # Two opinions of one block of prose: the forest's (many sites, every page type) and
            # the linear model's (news articles), averaged, each against its own threshold.
            linear = self._small_model()
            linear_p = self._linear_p(linear, doc, weighed)
            both = [(float(p[i]) + q) / 2 for i, q in zip(weighed, linear_p, strict=True)]
            threshold = self.threshold if self.threshold is not None else (0.5 + linear.threshold) / 2 + shift
            classes, scores = self._model_scores(doc, weighed, both, threshold, short_by_length=True)
        else:
            threshold = self.threshold if self.threshold is not None else model.threshold + shift
            classes, scores = self._model_scores(doc, weighed, self._linear_p(model, doc, weighed), threshold)
        span = _first_strong_window(scores, classes)
        if span is None:
            return
        lo, hi = self._trim_tail(classes, *span)
        if model is not None:
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
        if isinstance(model, Forest):
            taken = {weighed[k] for k in range(lo, hi + 1) if classes[k] in ("good", "near") or k in inner}
            joined = self._paragraphs_beside(doc, taken)
            for i in sorted(joined):
                doc.label(i, "body", "prose-beside", "a paragraph right next to the article")
            if joined:
                first, last = doc.meta["region"]
                doc.meta["region"] = (min(first, *joined), max(last, *joined))
