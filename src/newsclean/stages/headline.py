"""Headline and subheadlines: the title line above the article region, and the deck under it.

Candidates are the open lines shortly above the region that look like a title (a few words to
a long sentence's worth, no full stop at the end, not a date). Each earns points for what
surrounds a page's title: a title that appears again on the page (tickers, breadcrumbs and
related lists repeat it), a navigation run or breadcrumb just before it, a date line just after
it. With no candidate, a text that opens straight into the article has no headline; its first
line, when prose follows it, is the deck.

>>> from newsclean import clean_article
>>> story = "The storm reached the coast on Monday, officials said, and more rain is due tonight."
>>> article = clean_article("Home\\nWorld\\nStorm hits the coast\\n" + story)
>>> article.headline, article.lines[2].reason
('Storm hits the coast', 'title-above-article')
"""

from __future__ import annotations

import numpy as np

from newsclean.dates import parse_date
from newsclean.document import Document, Line
from newsclean.features import line_features, stopwords
from newsclean.kind import kind_vector, learned_size
from newsclean.lang import Lexicon
from newsclean.registry import stage
from newsclean.stages.byline import match_byline
from newsclean.stages.dateline import find_dateline
from newsclean.titles import candidates, title_matrix
from newsclean.trees import Forest, load_forest

#: ``Headline(model=LEARNED)``: the title model shipped in ``newsclean/data/headline.json``
#: (``Pipeline.learned()``).
LEARNED = "learned"


def _title_shaped(line: Line, max_words: int, lexicon: Lexicon) -> bool:
    if line.words > max_words:
        return False
    f = line_features(line.text, frozenset())
    if not 3 <= f.words <= max_words or f.alpha_ratio < 0.5:
        return False
    # The key can be empty where the line is only marks (tashkeel) that matching deletes.
    key = line.key.rstrip()
    if not key:
        return False
    return key[-1] not in ".:;,،؛" and parse_date(line.text) is None and \
        match_byline(line.key, lexicon=lexicon) is None


def _page_keys(doc: Document, limit: int = 3000) -> str:
    """The keys of the page's short lines, one per line, for counting where a title repeats."""
    size = doc.size
    lines = range(size) if size <= 2 * limit else [*range(limit), *range(size - limit, size)]
    words, ids, blank, key_of = doc.words, doc.verdict_ids, doc.blank_kinds(), doc.key_of
    return "\n".join(key_of(i) for i in lines if words[i] <= 40 and ids[i] not in blank)


@stage("headline")
class Headline:
    """Label the headline and the deck lines right under it.

    ``model``: the packaged title model (``LEARNED``, the default) chooses among the lines near
    the content's start on a page of the learned size; ``None`` (and any page outside that size)
    takes the title-shaped line above the region that the hand-set score prefers."""

    def __init__(self, *, window: int = 40, max_words: int = 30, min_deck_words: int = 5,
                 model: Forest | str | None = LEARNED) -> None:
        self.window = window
        self.max_words = max_words
        self.min_deck_words = min_deck_words
        if isinstance(model, str) and model != LEARNED:
            raise ValueError(f"model must be a Forest, {LEARNED!r} or None, not {model!r}")
        self.model: Forest | None = load_forest("headline") if isinstance(model, str) else model

    def __call__(self, doc: Document) -> None:
        region = doc.meta.get("region")
        if region is None:
            return
        if doc.meta.get("html") is not None and any(line.label == "headline" for line in doc.lines):
            return  # html-hints found it, from the page's h1
        if self.model is not None and learned_size(doc):
            self._learned(doc, self.model)
            return
        start = region[0]
        lexicon = doc.lexicon
        visible = [line for line in doc.lines[:start] if line.label != "blank"]
        candidates = [line for line in visible[-self.window:] if line.is_open
                      and _title_shaped(line, self.max_words, lexicon)]
        if not candidates:
            self._opening_deck(doc, visible, start)
            return
        page = _page_keys(doc)
        position = {line.index: i for i, line in enumerate(visible)}
        best, best_score = None, float("-inf")
        for distance, line in enumerate(reversed(candidates)):
            i = position[line.index]
            words = len(line.key.split())
            score = -0.3 * distance + 0.25 * min(words, 16)
            # A page shows its title more than once (ticker, breadcrumb, most-read list).
            score += 2.0 * min(page.count(line.key) - 1, 2)
            before = visible[i - 1] if i > 0 else None
            if before is None or before.label in ("chrome", "promo") or len(before.key.split()) <= 3:
                score += 2.0
            if any(parse_date(x.text) is not None for x in visible[i + 1:i + 3]):
                score += 2.0
            if line.key.endswith(("?", "!")):
                score -= 1.0
            if score > best_score:
                best, best_score = line, score
        assert best is not None
        doc.label(best.index, "headline", "title-above-article", f"title candidate scoring {best_score:.1f}")
        self._deck(doc, best)

    def _learned(self, doc: Document, model: Forest) -> None:
        """The candidate the title model (:mod:`newsclean.titles`) scores best; then its deck."""
        lines = candidates(doc)
        if not lines:
            start = doc.meta["region"][0]
            self._opening_deck(doc, [line for line in doc.lines[:start] if line.label != "blank"], start)
            return
        x = title_matrix(doc, lines, stopwords(doc.lang), kind_vector(doc.meta.get("kind_scores")))
        best = lines[int(np.argmax(model.raw(x)[:, 0]))]
        doc.label(best.index, "headline", "title-model", "the line the title model scores best")
        self._deck(doc, best)

    def _deck(self, doc: Document, title: Line) -> None:
        """The summary lines right under the title: open, long enough, not a date or a byline."""
        lexicon = doc.lexicon
        for line in doc.lines[title.index + 1:]:
            if line.label in ("blank", "promo"):
                continue  # a call to subscribe may stand between a title and its deck
            if not line.is_open:
                break  # a date, a credit or a share row: the deck, if any, was above it
            f = line_features(line.text, frozenset())
            if f.words < self.min_deck_words or parse_date(line.text) is not None \
                    or match_byline(line.key, lexicon=lexicon) is not None:
                break
            doc.label(line.index, "subheadline", "deck", "summary line right under the headline")

    def _opening_deck(self, doc: Document, visible: list[Line], start: int) -> None:
        # Nothing stands above the article: the text opens with its deck or its lead. A deck is
        # only taken when prose follows it, so a one-paragraph text keeps its paragraph, and only
        # on a scraped page: one holding lines already put outside the body (menus, promos,
        # comments). A bare body carries no such line, so cleaning an article's own body again
        # never takes its first paragraph for a deck.
        if any(line.label not in ("promo", "chrome") for line in visible):
            return
        if not any(line.label in ("promo", "chrome", "comment") for line in doc.lines):
            return
        first = doc.lines[start]
        rest = [line for line in doc.lines[start + 1:] if line.label == "body"]
        if find_dateline(first.text, lexicon=doc.lexicon) is not None:
            return  # a line that opens with a dateline is the lead, never a deck
        if first.label == "body" and rest and line_features(first.text, frozenset()).words <= 40:
            doc.label(first.index, "subheadline", "opening-summary",
                      "the text opens without a title; its first line summarises what follows")
