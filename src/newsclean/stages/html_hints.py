"""What an HTML page tells beyond its text, turned into labels.

The HTML reader (:func:`newsclean.html.html_to_document`) stores an
:class:`~newsclean.html.HtmlPage` in ``doc.meta["html"]``. This stage asks trafilatura for the
page's main text and metadata (on the tree already parsed), marks the lines that text covers,
and labels:

* the reader comments found in the DOM: one record each in ``doc.comments``, their lines
  ``comment`` (``html-comment-author``, ``-date``, ``-title``, ``-text``), their buttons and
  counters ``chrome`` (``html-comment-widget``);
* the ``h1`` that carries the page's title ``headline`` (``html-title``), and a deck under it
  ``subheadline`` (``html-deck``);
* the main text ``body`` (``html-main``), with a lead paragraph trafilatura left out
  (``.lead``, ``.intro``), the page's own schema.org text between the title and the main text,
  and the paragraphs, crossheads and durations it left out between its own (``html-prose``,
  ``html-crosshead``, ``html-duration``);
  ``figcaption`` lines ``caption`` (``html-figcaption``), ``time`` lines ``chrome``
  (``html-time``);
* every other line ``chrome``: ``html-not-main`` inside the article, ``html-outside-main``
  around it;
* the publication date, from the head's meta tags, a ``time`` element or trafilatura's.

It sets ``doc.meta["region"]`` to the article's first and last lines, so the region stage
keeps out. Lines a text stage running later decides better are left open for it: promos
anywhere, bylines above the article, share rows and timestamps inside it. On plain-text input,
or when trafilatura finds no main text, it labels nothing but comments and leaves the page to
the text stages.

>>> from newsclean import clean_article
>>> page = ("<html><head><title>Storm hits coast - Daily News</title></head><body>"
...         "<nav><a href=/>Home</a> <a href=/w>World</a></nav><article><h1>Storm hits coast</h1>"
...         "<p>The storm reached the coast on Monday, officials said, and thousands of homes lost power "
...         "as the wind brought down lines across the region.</p>"
...         "<p>Rain is expected to continue until Wednesday, the weather service said in its latest "
...         "bulletin, and rivers may flood low-lying towns.</p></article></body></html>")
>>> article = clean_article(page)
>>> article.headline, len(article.body)
('Storm hits coast', 2)
>>> [(r.label, r.reason) for r in article.lines[:3]]
[('chrome', 'html-outside-main'), ('headline', 'html-title'), ('body', 'html-main')]
"""

from __future__ import annotations

import re
from datetime import date, datetime

from newsclean.document import FAVORS, CommentRecord, Document, Line
from newsclean.features import line_features
from newsclean.html import HtmlPage, MainText, extract_main, match_lines
from newsclean.html.lines import choose, line_matrix
from newsclean.kind import kind_vector, learned_size
from newsclean.lang import Lexicon
from newsclean.normalize import key
from newsclean.registry import stage
from newsclean.stages.byline import match_byline
from newsclean.stages.chrome import match_chrome
from newsclean.stages.promos import match_promo
from newsclean.trees import FAVOR_LOG_ODDS, Forest, load_forest, sigmoid

Spans = list[tuple[int, int]]

# A site name trails or leads a page's title after one of these: "Storm hits coast - Daily News".
# (?<!\s): only the start of a run of white space opens a match, so a long run is scanned once.
_TITLE_SEPARATOR = re.compile(r"(?<!\s)\s+[-|–—:·•«»]{1,2}\s+")
#: Chrome reasons that, inside the main text, are more likely content: numbers in a table, a
#: link written out, a rule between sections.
_CONTENT_CHROME = frozenset({"counter", "separator", "url"})
_CROSSHEADS = frozenset({"h2", "h3", "h4", "h5", "h6"})
#: ``HtmlHints(model=LEARNED)``: the line model shipped in ``newsclean/data/html_lines.json``
#: (``Pipeline.learned()``, which also turns the hand-set ``prose``, ``trim`` and ``boxes`` off).
LEARNED = "learned"


@stage("html-hints")
class HtmlHints:
    """Label an HTML page's lines from its DOM and from trafilatura's main text.

    ``focus`` (``"balanced"``, ``"precision"`` or ``"recall"``) is passed to trafilatura; left
    unset, it is the document's ``favor`` (``clean_article(favor=...)``);
    ``comments=False`` turns the DOM comment reader off; ``header_window`` is how many lines
    above the main text the title may stand, ``deck_window`` how many lines under the title a
    deck; runs of main text ``gap`` lines apart holding less than ``min_share`` of the longest
    run's text are dropped; ``prose`` takes paragraphs trafilatura left out between its own.
    """

    def __init__(self, *, focus: str | None = None, comments: bool = True, header_window: int = 40,
                 deck_window: int = 8, gap: int = 15, min_share: float = 0.25, prose: bool = True,
                 model: Forest | str | None = None, floor: float = 0.1, trim: bool = True,
                 boxes: bool = True) -> None:
        if focus is not None and focus not in FAVORS:
            raise ValueError(f"focus must be 'balanced', 'precision' or 'recall', not {focus!r}")
        self.focus = focus
        if isinstance(model, str) and model != LEARNED:
            raise ValueError(f"model must be a Forest, {LEARNED!r} or None, not {model!r}")
        self.model: Forest | None = load_forest("html_lines") if isinstance(model, str) else model
        self.floor = floor
        self.trim = trim
        self.boxes = boxes
        self.comments = comments
        self.header_window = header_window
        self.deck_window = deck_window
        self.gap = gap
        self.min_share = min_share
        self.prose = prose

    def __call__(self, doc: Document) -> None:
        page = doc.meta.get("html")
        if not isinstance(page, HtmlPage):
            return
        if self.model is not None and not learned_size(doc):
            self._hand_set()(doc)  # a page of a few blocks: outside what the line model learned
            return
        try:
            main = extract_main(page, focus=self.focus or doc.favor)
        except Exception as error:  # noqa: BLE001  (a page trafilatura fails on is left to the text stages)
            doc.meta["html_hints_error"] = f"trafilatura: {type(error).__name__}: {error}"
            main = None
        self._published(doc, page)
        if main is None and self.model is None:
            if self.comments:
                self._comments(doc, page, set())
            return  # nothing to go by: the text stages decide alone
        if main is None:
            main = MainText([], [], page.head.title, page.head.description)
        keys = ["" if line.label == "blank" else key(line.text) for line in doc.lines]
        covered = match_lines(keys, main.lines)
        if self.model is not None:
            covered = self._choose(doc, page, covered, match_lines(keys, main.comments))
        in_comments = self._comments(doc, page, covered if self.model is not None else set()) \
            if self.comments else set()
        # The line model weighed captions and hidden boxes itself: a product's tabs are hidden
        # and are its content (measured on WCXB's products), a comment policy in a modal is not.
        covered -= in_comments if self.model is not None else in_comments | _lines(page.hidden)
        if self.boxes:
            covered -= _boxes(page.boxes + page.comment_areas, covered)
        if not covered:
            if self.model is not None:
                self._no_content(doc)
            return
        captions = _lines(page.captions)
        heads = self._headline(doc, page, main, covered)
        body = sorted(covered - set(heads) if self.model is not None else covered - captions - set(heads))
        if not body:
            return
        body = self._lead(doc, page, heads, self._trim(doc, body) if self.trim else body)
        skip = in_comments | captions | _lines(page.hidden + page.boxes + page.comment_areas)
        body = self._entity(doc, page, heads, body, skip)
        decks = self._deck(doc, page, main, heads, body, covered)
        body = [i for i in body if i not in decks]
        if not body:
            return
        start, end = body[0], body[-1]
        doc.meta["region"] = (start, end)
        for i in heads:
            doc.label(i, "headline", "html-title", "the page's title heading")
        for i in decks:
            doc.label(i, "subheadline", "html-deck", "summary line under the title")
        header = max(0, (heads[0] if heads else start) - 5)
        lexicon = doc.lexicon
        in_main = set(body)
        dated = {i for i, _ in page.times}
        durations = _lines(page.durations)
        in_their_comments = match_lines(keys, main.comments) if self.prose else set()
        for line in doc.lines[header:]:
            i = line.index
            if not line.is_open or i > end or (i < start and _text_stage_claims(line, lexicon, header=True)):
                continue
            if i < start:
                doc.label(i, "chrome", "html-outside-main", "outside the page's main text")
            elif self.model is not None and i in in_main and not _text_stage_claims(line, lexicon, main=True):
                doc.label(i, "body", "html-main", "in the page's main text")
            elif i in captions:
                doc.label(i, "caption", "html-figcaption", "in a figure caption")
            elif i in dated and line.words <= 12:
                doc.label(i, "chrome", "html-time", "a date or time element")
            elif _text_stage_claims(line, lexicon, main=i in in_main):
                continue
            elif i in in_main:
                doc.label(i, "body", "html-main", "in the page's main text")
            elif self.prose and i not in in_their_comments and _prose(line):
                doc.label(i, "body", "html-prose", "a paragraph between the main text's, left out of it")
            elif i in skip:
                doc.label(i, "chrome", "html-not-main", "inside the article, not in its main text")
            elif (self.prose and line.words <= 15 and page.blocks[i].tag in _CROSSHEADS and i - 1 in in_main
                  and i + 1 in in_main and not _text_stage_claims(line, lexicon, main=True)):
                # trafilatura drops some headings; a crosshead is part of the article's text.
                doc.label(i, "body", "html-crosshead", "a heading between two of the main text's lines")
            elif self.prose and i in durations and line.words <= 6:
                # A time element that states no date is a duration ("15 – 30 Min", a cooking or
                # running time): the text's own, unlike a timestamp.
                doc.label(i, "body", "html-duration", "a duration inside the main text")
            else:
                doc.label(i, "chrome", "html-not-main", "inside the article, not in its main text")
        for line in doc.lines[:header] + doc.lines[end + 1:]:
            if line.is_open and not _text_stage_claims(line, lexicon):
                doc.label(line.index, "chrome", "html-outside-main", "outside the page's main text")

    def _hand_set(self) -> HtmlHints:
        """This stage without the line model: trafilatura's main text, trimmed and checked by the
        hand-set rules (prose between main lines, boxes, the tail)."""
        return HtmlHints(focus=self.focus, comments=self.comments, header_window=self.header_window,
                         deck_window=self.deck_window, gap=self.gap, min_share=self.min_share, prose=True,
                         model=None, trim=True, boxes=True)

    @staticmethod
    def _no_content(doc: Document) -> None:
        """A page the line model finds no content on (a login wall, a bare menu): every line is
        chrome, and the text stages' region finder is not asked to find an article after all."""
        doc.meta["region"] = None
        lexicon = doc.lexicon
        for line in doc.lines:
            if line.is_open and not _text_stage_claims(line, lexicon):
                doc.label(line.index, "chrome", "html-no-content", "the page shows no content")

    def _choose(self, doc: Document, page: HtmlPage, main: set[int], their_comments: set[int]) -> set[int]:
        """The lines the line model holds for content (:mod:`newsclean.html.lines`), from every
        opinion: trafilatura's main text and comments, the DOM, the lines' shapes, the page's kind."""
        assert self.model is not None
        x = line_matrix(doc, page, main, their_comments, kind_vector(doc.meta.get("kind_scores")))
        z = self.model.raw(x)[:, 0] + FAVOR_LOG_ODDS[doc.favor]
        words = [line.words if line.label != "blank" else 0 for line in doc.lines]
        p = doc.meta["content_p"] = sigmoid(z)
        return choose(p, words, floor=self.floor)

    def _comments(self, doc: Document, page: HtmlPage, content: set[int]) -> set[int]:
        """One record per comment the DOM shows; the lines they take.

        On a discussion page the items are its posts, its content: one record each in
        ``doc.meta["posts"]``, their lines left to the line model. Elsewhere an item whose text
        lines are mostly ``content`` (the line model's choice) is the page's own text that a
        comment-like class name wraps, and is left to it too.
        """
        taken: set[int] = set()
        discussion = doc.meta.get("kind") == "discussion"
        for found in page.comments:
            text_lines = [i for i, role in found.roles if role == "comment-text"]
            if discussion:
                if text_lines:
                    doc.meta.setdefault("posts", []).append(CommentRecord(
                        lines=text_lines, author=found.author, title=found.title, date=found.date,
                        text="\n".join(doc.lines[i].text for i in text_lines)))
                continue
            if text_lines and 2 * sum(i in content for i in text_lines) >= len(text_lines):
                continue
            record = CommentRecord(lines=[], author=found.author, title=found.title, date=found.date)
            texts = []
            for i, role in found.roles:
                if not doc.lines[i].is_open:
                    continue
                taken.add(i)
                if role == "comment-widget":
                    doc.label(i, "chrome", "html-comment-widget", "a comment's buttons or counters")
                    continue
                doc.label(i, "comment", "html-" + role, f"comment by {found.author or 'someone'}")
                record.lines.append(i)
                if role == "comment-text":
                    texts.append(doc.lines[i].text)
            if texts:
                record.text = "\n".join(texts)
                doc.comments.append(record)
        return taken

    def _headline(self, doc: Document, page: HtmlPage, main: MainText, covered: set[int]) -> list[int]:
        """The lines of the ``h1`` that carries the page's title (else of the line that reads
        as the title just above the main text)."""
        first = min(covered)
        forms = _title_forms(main.title)
        best: tuple[float, list[int]] | None = None
        for heading in page.headings:
            lines = [i for i in range(*heading.lines) if doc.lines[i].is_open]
            if heading.tag != "h1" or not lines or len(lines) > 3:
                continue
            k = key(heading.text)
            score = 0.0
            if k in forms:
                score += 3
            elif forms and len(k) >= 10 and any(k in f or f in k for f in forms):
                score += 2
            if first - self.header_window <= lines[0] <= first + 3:
                score += 1
            elif lines[0] in covered:
                score += 0.5
            if best is None or score > best[0]:
                best = (score, lines)
        if best is not None and best[0] >= 2:
            return best[1]
        # No h1 carries the title: the line that does, just above the main text; else an h1
        # just above it ("Cronaca" over a title in an h2 would be a section's name).
        for line in doc.lines[max(0, first - self.header_window): first + 2]:
            if line.is_open and line.key in forms:
                return [line.index]
        return best[1] if best is not None and best[0] >= 1 else []

    def _trim(self, doc: Document, body: list[int]) -> list[int]:
        """The main text less the short runs of it that stand apart from the article.

        trafilatura sometimes keeps a line or a box from elsewhere on the page (a teaser, an
        author bio, a newsletter blurb). Runs of main lines split by ``gap`` or more other lines
        are weighed by their text: a run with less than ``min_share`` of the longest run's is
        not the article's.
        """
        rank = {line.index: n for n, line in enumerate(x for x in doc.lines if x.label != "blank")}
        runs: list[list[int]] = [[body[0]]]
        for i in body[1:]:
            if rank[i] - rank[runs[-1][-1]] - 1 >= self.gap:
                runs.append([i])
            else:
                runs[-1].append(i)
        if len(runs) == 1:
            return body
        size = [sum(len(doc.lines[i].text) for i in run) for run in runs]
        floor = self.min_share * max(size)
        return [i for run, chars in zip(runs, size, strict=True) if chars >= floor for i in run]

    def _lead(self, doc: Document, page: HtmlPage, heads: list[int], body: list[int]) -> list[int]:
        """The main text with a lead paragraph trafilatura left out: a ``.lead``/``.intro``
        paragraph between the title and the main text is the article's first paragraph."""
        top = heads[-1] + 1 if heads else max(0, body[0] - self.header_window)
        lead = [i for a, b in page.leads for i in range(max(a, top), min(b, body[0]))
                if doc.lines[i].is_open and doc.lines[i].words >= 8]
        return sorted(set(lead) | set(body)) if lead else body

    def _entity(self, doc: Document, page: HtmlPage, heads: list[int], body: list[int],
                skip: set[int]) -> list[int]:
        """The main text with the page's own schema.org text (``itemprop="articleBody"``/``"text"``)
        that trafilatura left out between the title and its main text: on a Q&A page it may
        take an answer for the article and leave the question out."""
        top = heads[-1] + 1 if heads else max(0, body[0] - self.header_window)
        extra = {i for a, b in page.entity_text for i in range(max(a, top), min(b, body[0]))
                 if i not in skip and doc.lines[i].is_open and doc.lines[i].words >= 3}
        if sum(doc.lines[i].words for i in extra) < 20:
            return body
        return sorted(extra | set(body))

    def _deck(self, doc: Document, page: HtmlPage, main: MainText, heads: list[int], body: list[int],
              covered: set[int]) -> list[int]:
        """The lines right under the title that summarise: in a deck element, an ``h2`` right
        under the ``h1``, or the page's description standing outside the main text (inside it,
        the description is as often the lead paragraph)."""
        if not heads:
            return []
        after = heads[-1] + 1
        description = key(main.description) if main.description else ""
        decks = _lines([(a, b) for a, b in page.decks if b - a <= 2])  # a longer one holds the article
        h2 = _lines([h.lines for h in page.headings if h.tag == "h2"])
        leads = _lines(page.leads)
        out = []
        for line in doc.lines[after:min(body[-1], after + self.deck_window)]:
            i = line.index
            if line.label == "blank" or (i not in covered and not line.is_open):
                continue
            if line.words >= 4 and i not in leads and (i in decks or (i in h2 and i - after <= 2)
                                    or (line.key == description and i not in covered)):
                out.append(i)
            elif i in covered:
                break  # the main text begins
        return out

    def _published(self, doc: Document, page: HtmlPage) -> None:
        found: date | datetime | None = page.head.published
        if found is None and page.times:
            found = page.times[0][1]
        if found is not None:
            doc.published = found


def _title_forms(title: str | None) -> list[str]:
    """The title's key, and the keys of what is left when a site name trails or leads it.

    >>> _title_forms("Storm hits coast | Daily News")
    ['storm hits coast | daily news', 'storm hits coast', 'storm hits coast']
    """
    if not title:
        return []
    forms = [key(title)]
    parts = [p for p in _TITLE_SEPARATOR.split(title) if p.strip()]
    if len(parts) > 1:
        forms.append(key(max(parts, key=len)))
        forms.append(key(" - ".join(parts[:-1])))
    return [f for f in forms if f]


def _lines(spans: Spans) -> set[int]:
    return {i for a, b in spans for i in range(a, b)}


def _boxes(spans: Spans, covered: set[int], share: float = 0.4) -> set[int]:
    """The main lines inside boxes named for related links, paywalls, share bars or comments;
    a box that holds much of the main text is the article's own container, whatever its name."""
    out: set[int] = set()
    for a, b in spans:
        inside = {i for i in range(a, b) if i in covered}
        if len(inside) <= share * len(covered):
            out |= inside
    return out


def _prose(line: Line) -> bool:
    f = line_features(line.text, frozenset())
    return f.words >= 12 and f.terminal and f.alpha_ratio > 0.7


def _text_stage_claims(line: Line, lexicon: Lexicon, *, main: bool = False, header: bool = False) -> bool:
    """True when a text stage that runs later labels ``line`` better than this stage would:
    promos anywhere, bylines in the header, share rows and timestamps in the ``main`` text.

    Outside the main text chrome is chrome whoever says so, and the published stage reads date
    lines labelled chrome too.
    """
    k, words = line.key, line.words
    if words <= 30 and match_promo(k, words, lexicon=lexicon) is not None:
        return True
    if main:
        reason = match_chrome(k, words, lexicon=lexicon) if words <= 40 else None
        return reason is not None and reason not in _CONTENT_CHROME
    return header and words <= 10 and match_byline(k, lexicon=lexicon) is not None
