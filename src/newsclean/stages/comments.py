"""Reader comments, in two stages around the article region.

``comments`` (before the region) labels comment-widget lines wherever they stand (forms, rules,
"no comments yet") and the heading of each comment thread that :func:`newsclean.threads.find_threads`
finds by its shape, so that the region stage does not run on into the comments below an article.

``comment-threads`` (after the region and the publication date) takes the threads that stand
after the article region: one :class:`~newsclean.document.CommentRecord` per record (author,
title, text, date; relative dates counted back from the ``now`` setting, else from the
publication date), its lines labelled ``comment``, its buttons and counters ``chrome``. A thread
is never taken out of the article's body, save one whose dated records or reply buttons prove it
(and which a heading opens or the article precedes) when the region ran on into it. See
docs/stages.md, "Reader comments".

>>> from newsclean import clean_article
>>> story = ("The council approved the new library on Monday after a long debate about its cost "
...          "and the site chosen for it in the centre of the town.")
>>> article = clean_article("\\n".join([story, story.replace("Monday", "Tuesday"), "2 Comments",
...     "Anna says:", "March 3, 2024 at 9:15 am", "About time!", "Reply",
...     "Ben says:", "March 4, 2024 at 10:02 am", "Too expensive.", "Reply", "Leave a Reply"]))
>>> [(c.author, c.text) for c in article.comments]
[('Anna', 'About time!'), ('Ben', 'Too expensive.')]
>>> [line.reason for line in article.lines[2:]]
['comments-marker', 'comment-author', 'comment-date', 'comment-text', 'comment-action', \
'comment-author', 'comment-date', 'comment-text', 'comment-action', 'comment-form']
"""

from __future__ import annotations

from datetime import date, datetime

from newsclean.document import CommentRecord, Document, Line
from newsclean.hints import page_hints
from newsclean.lang import Lexicon, every_pack
from newsclean.registry import stage
from newsclean.rules import RuleFamily
from newsclean.threads import Thread, ThreadWords, find_threads

#: Comment-widget text: forms, rules and "no comments" lines, and the most words a line holding
#: one may have. The phrases are the language packs' (``comment_widgets``): each is a call to act
#: at the start of a line or sentence ("Leave a Reply"), a form field's label ("Name *"), an
#: address to the reader ("deinen Kommentar", "شارك برأيك") or a widget's own label ("Comments
#: are closed."), never words that report something: "The minister declined to comment on the
#: report." and "رفض المتحدث التعليق على التقرير." hold none of them. A phrase only one site of the
#: corpus shows names the standard label it is (a CMS's or a plugin's) or the general form it has.
WIDGET_REASONS: tuple[tuple[str, int], ...] = (("comment-form", 25), ("comment-rules", 45))
_MAX_FORM_WORDS = max(most for _, most in WIDGET_REASONS)
#: Labels a thread may take over: lines no stage decided, the region's verdicts, chrome found by
#: a line's shape (a comment's date is a timestamp, its link a url) or outside an HTML page's
#: main text, the publication date the ``published`` stage read off a comment, and this
#: module's own widget lines ("Reply").
_TAKEABLE_STAGES = frozenset({"region", "chrome", "published", "comments", "html-hints"})
_TAKEABLE_HTML = frozenset({"html-outside-main", "html-not-main", "html-time"})


def widget_family(lexicon: Lexicon) -> RuleFamily:
    """The comment-widget phrases of ``lexicon``'s packs, compiled once per lexicon."""
    return lexicon.family("comment_widgets", WIDGET_REASONS)


def match_comment_form(text_key: str, words: int | None = None, *,
                       lexicon: Lexicon | None = None) -> str | None:
    """``comment-form`` or ``comment-rules`` when the line is comment-widget text, else None
    (every pack's phrases unless a ``lexicon`` is given).

    >>> match_comment_form("leave a reply"), match_comment_form("he declined to comment on the report.")
    ('comment-form', None)
    """
    if words is None:
        words = text_key.count(" ") + 1
    if words > _MAX_FORM_WORDS:
        return None
    return widget_family(lexicon if lexicon is not None else every_pack()).match(text_key, words)


def threads_of(doc: Document) -> list[Thread]:
    """The page's threads, found once and shared by both stages (``doc.meta["comment_threads"]``)."""
    found: list[Thread] | None = doc.meta.get("comment_threads")
    if found is None:
        lexicon = doc.lexicon
        family = widget_family(lexicon)

        def is_form(text_key: str, words: int) -> bool:
            return words <= _MAX_FORM_WORDS and family.match(text_key, words) is not None

        # Every line is_form names holds a literal of a widget phrase: the thread finder reads
        # only those lines for it.
        ends = tuple(f"comment_widgets:{reason}" for reason, _ in WIDGET_REASONS)
        found = doc.meta["comment_threads"] = find_threads(
            doc.lines, is_end=is_form, lexicon=lexicon,
            end_hints=ends if family.hint is not None and all(e in page_hints(doc) for e in ends) else None)
    return found


@stage("comments")
class Comments:
    """Label comment forms and rules anywhere, and the heading of each comment thread, or of
    a comments widget whose comments the scrape left out ("Comments", "12 Kommentare")."""

    def __call__(self, doc: Document) -> None:
        lexicon = doc.lexicon
        for thread in threads_of(doc):
            if thread.heading is not None and thread.evidence != "weak" and doc.is_open(thread.heading):
                doc.label(thread.heading, "chrome", "comments-marker", "heading of the comments section")
        words, keys, hints = ThreadWords.of(lexicon), doc.key_table(), page_hints(doc)
        ids, counts = doc.verdict_ids, doc.words
        # Only a line holding a heading's stem can be one; the widget phrases' literals are
        # searched for in the whole page at once.
        headings = {i for i in hints.lines("heading") if not ids[i] and counts[i] <= 40
                    and words.is_heading(doc.key_of(i), counts[i], certain=True)}
        widgets = widget_family(lexicon).scan(keys, counts, ids, hints=hints)
        for i in sorted(headings | widgets.keys()):
            if i in headings:
                doc.label(i, "chrome", "comments-marker", "heading of the comments section")
            else:
                doc.label(i, "chrome", widgets[i], "comment widget: form, rules or counter")


def _takeable(line: Line) -> bool:
    if line.is_open:
        return True
    if line.label not in ("body", "chrome") or line.stage not in _TAKEABLE_STAGES:
        return False
    return line.stage != "html-hints" or line.reason in _TAKEABLE_HTML


@stage("comment-threads")
class CommentThreads:
    """Take the comment threads below the article region as comment records.

    ``now``, when given, is the moment the page was captured: relative times ("2 hours ago")
    count back from it. By default they count back from the page's publication date, the only
    clock the text carries (see :meth:`newsclean.threads.Stamp.resolve`).
    """

    def __init__(self, *, now: date | datetime | None = None) -> None:
        self.now = now

    def __call__(self, doc: Document) -> None:
        if doc.comments or doc.meta.get("posts"):
            return  # the page's DOM gave its comments or posts (html-hints): the better reading
        discussion = doc.meta.get("kind") == "discussion"
        region = doc.meta.get("region")
        published_line = next((line.index for line in doc.labelled("chrome")
                               if line.stage == "published" and line.reason == "date-line"), None)
        for thread in threads_of(doc):
            if discussion and not _paragraph_in(doc, 0, thread.heading if thread.heading is not None
                                                else thread.start):
                # A thread nothing but headers stands above, on a discussion page: its posts
                # are the page's content, not comments under an article.
                self._posts(doc, thread)
                continue
            if not _after_article(thread, region) or not _article_outside(doc, thread, region):
                continue
            if published_line is not None and thread.start <= published_line <= thread.end:
                doc.published = None  # the date the published stage read was a comment's
            self._take(doc, thread)
            if region is not None:
                region = _region_without(doc, thread, region)

    def _posts(self, doc: Document, thread: Thread) -> None:
        """A discussion's records are its posts, the page's content: one record each in
        ``doc.meta["posts"]``. Their lines keep the labels the content finder gave them."""
        clock = self.now if self.now is not None else doc.published
        posts = doc.meta.setdefault("posts", [])
        for record in thread.records:
            lines = [i for i, role in record.lines if role == "text"]
            if lines:
                posts.append(CommentRecord(
                    lines=lines, author=record.author, title=record.title, text="\n".join(record.text),
                    date=record.stamp.resolve(clock) if record.stamp else None))

    def _take(self, doc: Document, thread: Thread) -> None:
        heading = thread.heading
        if heading is not None and _takeable(doc.lines[heading]):
            doc.label(heading, "chrome", "comments-marker", "heading of the comments section")
        clock = self.now if self.now is not None else doc.published
        for record in thread.records:
            # A record's texts stand in the order of its text lines (an AUTHOR -TEXT line gives
            # the text after its dash).
            text_of = dict(zip((i for i, role in record.lines if role == "text"), record.text, strict=True))
            kept = [(i, role) for i, role in record.lines if _takeable(doc.lines[i])]
            texts = [text_of[i] for i, role in kept if role == "text"]
            if not texts:
                continue
            author = record.author or "someone"
            comment = CommentRecord(lines=[], author=record.author, title=record.title, text="\n".join(texts),
                                    date=record.stamp.resolve(clock) if record.stamp else None)
            for i, role in kept:
                if role in _CHROME_ROLES:
                    doc.label(i, "chrome", f"comment-{role}", _CHROME_ROLES[role])
                    continue
                doc.label(i, "comment", f"comment-{role}", f"comment by {author}")
                comment.lines.append(i)
            doc.comments.append(comment)


def _after_article(thread: Thread, region: tuple[int, int] | None) -> bool:
    """True when ``thread`` stands after the article: below its region, or where the region ran
    on into a thread its dated headers or reply buttons prove (a live blog's entries have no
    reply button), or where the region lies inside a proven thread of three records or more
    under a heading above it (two dated blocks under a "Comments" link may be an article's own).
    Without a region, a heading is the only sign of where the article ends."""
    if region is None:
        return thread.heading is not None
    first, last = region
    if thread.start > last:
        return True
    if thread.evidence != "strong" or (thread.heading is None and not thread.replies):
        return False
    if thread.start > first:
        return True
    return thread.heading is not None and thread.heading < first and len(thread.records) >= 3


def _article_outside(doc: Document, thread: Thread, region: tuple[int, int] | None) -> bool:
    """False when the region lies inside ``thread`` and no paragraph of the page stands outside
    it: the thread is then the page's content (a link aggregator's, a forum's), not comments
    under an article."""
    if region is None or thread.start > region[0]:
        return True
    above = thread.heading if thread.heading is not None else thread.start
    return _paragraph_in(doc, 0, above) or _paragraph_in(doc, thread.end + 1, len(doc.lines))


def _paragraph_in(doc: Document, start: int, end: int) -> bool:
    """True when lines ``start`` to ``end`` (excluded) hold a paragraph: a line of 20 words or more."""
    words = doc.words
    return any(words[i] >= _PARAGRAPH_WORDS for i in range(start, min(end, doc.size)))


def _region_without(doc: Document, thread: Thread, region: tuple[int, int]) -> tuple[int, int]:
    """The article region once ``thread`` is taken out of its end (``doc.meta["region"]`` too)."""
    first, last = region
    if last > thread.end or last < thread.start:
        return region
    if first < thread.start:
        # The article ends where its comments begin.
        body = [i for i in range(first, thread.start) if doc.lines[i].label == "body"]
        region = (first, body[-1] if body else first)
    elif thread.heading is not None and thread.heading > 0:
        # The region was all comments: the article is what stands above their heading. Lacking
        # a better reading of it, its open lines stay body, as on a page with no region.
        region = (0, thread.heading - 1)
    doc.meta["region"] = region
    return region


_PARAGRAPH_WORDS = 20
#: Lines of a record that are chrome, with why.
_CHROME_ROLES = {
    "action": "a comment's reply or like button, or a counter",
    "pingback": "a link another site left as a comment",
    "avatar": "the initial standing for a commenter's picture",
    "meta": "a commenter's rank, post count or join date",
}
