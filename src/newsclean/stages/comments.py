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

import re
from datetime import date, datetime
from functools import lru_cache

from newsclean.dates import trie_pattern
from newsclean.document import CommentRecord, Document, Line
from newsclean.registry import stage
from newsclean.rules import Rule, first_match, max_words
from newsclean.threads import Thread, find_threads, is_heading

#: Comment-widget text: forms, rules and "no comments" lines. Each phrase is a call to act at the
#: start of a line or sentence ("Leave a Reply"), a form field's label ("Name *"), an address to
#: the reader ("deinen Kommentar", "شارك برأيك") or a widget's own label ("Comments are closed."),
#: never words that report something: "The minister declined to comment on the report." and
#: "رفض المتحدث التعليق على التقرير." hold none of them. A phrase only one site of the corpus
#: shows names the standard label it is (a CMS's or a plugin's) or the general form it has.
FORM_RULES: tuple[Rule, ...] = (
    Rule("comment-form", "|".join((
        # Calls to comment or reply, where a sentence starts (an imperative there, a report after
        # a subject: "Readers were asked to leave a comment" is neither matched nor meant).
        r"(?:^|[.!?] )(?:leave|add|post|write|submit) (?:a |your |new )?(?:comment|reply|review)(?:s\b|\b)",
        r"be the first to comment",
        r"(?:logged in|signed in|be a member|register) (?:in order )?to (?:leave |post )?(?:a )?"
        r"(?:comment|reply)",
        r"^(?:log|sign) in to (?:reply|comment)",
        # Widget labels: the list's buttons, Disqus's own line under its widget, "no comments yet".
        r"^(?:view|show|hide|load more|see all) comments",
        r"^comments powered by disqus|^(?:join the|rejoindre la|únete a la) discussi[oó]n",
        r"^(?:cancel )?reply$",
        r"^no comments(?: yet| so far| to show)?\W*(?:$|be the first|comment)",
        r"(?:^|[.!?] )(?:all )?comments are (?:closed|moderated)",
        r"your email address will not be published|required fields are marked",
        # WordPress's own labels in German, French, Spanish, Portuguese and Italian ("Leave a
        # Reply", "Cancel reply", "Your email address will not be published"), and the
        # informal second person WordPress.com uses ("Gib hier deinen Kommentar ein").
        r"^(?:schreibe|hinterlasse) einen kommentar|^(?:neuen )?kommentar (?:verfassen|schreiben|abschicken|"
        r"hinzufugen|hinzufügen)|^antworten abbrechen|deine e-mail-adresse wird nicht veröffentlicht|"
        r"deinen kommentar",
        r"^laisser un commentaire|^(?:deja|dejar) un comentario\W*$|^deixe (?:um|o seu) coment[aá]rio|"
        r"^lascia un commento",
        # A form's fields and its button: "Name *", "Email (required)", "Votre commentaire : *",
        # "Submit". A bare "Comment" may head a column, so a comment field needs its mark.
        r"^(?:e-mail|email|name|website|webseite|nom|nombre|site web)(?: ?\(.*\))?\s*[:*]?\s*\*?$",
        r"^(?:your |votre |dein |ihr |tu |su )?(?:comment|kommentar|commentaire|comentario|commento)"
        r"(?: ?\(.*\)| ?:| ?\*)\s*[:*]?\s*\*?$|^votre commentaire\W*$",
        r"^(?:submit|submit comment|send|senden|absenden|abschicken|envoyer|enviar|invia|verstuur)$",
        # Arabic: calls at the start of a line and short ("أضف تعليقاً", "اترك رداً"), addresses
        # to the reader ("شارك برأيك", "كن أول من يعلق"), moderation notices, field labels, and
        # the Facebook comments plugin's label ("التعليق بواسطة Facebook").
        r"^(?:اضف|اكتب|اترك|ارسل) (?:تعليق|تعليقك|ردا|رد)\S*(?: \S+){0,3}\W*$|^(?:تم )?اضافه تعليق",
        r"شارك برايك|كن اول من يعلق|سيظهر بعد المراجعه|التعليق بواسطه",
        r"^لا (?:توجد|يوجد) تعليقات(?: بعد| علي (?:الخبر|المقال|الموضوع))?\W*$",
        r"^(?:الاسم|تعليقك|البريد الالكتروني)\W*$",
    )),
         25, ("تعليق", "برايك", "رد", "يعلق", "المراجعه", "الاسم", "البريد", "comment", "reply",
              "email address", "required fields", "kommentar", "antworten", "comentario", "comentário",
              "commento", "e-mail", "email", "name", "website", "webseite", "nom", "nombre", "site web",
              "submit", "send", "senden", "absenden", "abschicken", "envoyer", "enviar", "invia", "verstuur",
              "discussi")),
    Rule("comment-rules", "|".join((
        # Site rules for comments, as links or as calls to read them.
        r"^(?:\| )?(?:community guidelines|comment(?:s|ing)? policy|معايير المجتمع)\W*$",
        r"(?:read|see|follow|respect|adhere to|subject to|find) our "
        r"(?:community guidelines|comment(?:s|ing)? policy)",
        r"(?:^|[.!?] )comments? (?:are|is) the (?:sole )?responsibility",
        # The disclaimer Arabic news sites put over their comments ("الآراء الواردة في التعليقات لا
        # تعبر عن رأي الموقع"): about the comments, not about a report.
        r"الاراء الوارده (?:ادناه|في التعليقات) [^.]{0,30}لا تعبر",
        # Rules that speak to the commenter as "you" ("جميع مشاركاتك يمكن استخدامها"): a report
        # does not address its reader about their comments.
        r"(?<![^\s(«\"])(?:تعليقاتك|مشاركاتك|تعليقك)(?![^\W\d_])",
    )),
         45, ("community guidelines", "policy", "معايير", "responsibility", "لا تعبر", "تعليقاتك", "مشاركاتك",
              "تعليقك")),
)
_MAX_FORM_WORDS = max_words(FORM_RULES)
#: Labels a thread may take over: lines no stage decided, the region's verdicts, chrome found by
#: a line's shape (a comment's date is a timestamp, its link a url) or outside an HTML page's
#: main text, the publication date the ``published`` stage read off a comment, and this
#: module's own widget lines ("Reply").
_TAKEABLE_STAGES = frozenset({"region", "chrome", "published", "comments", "html-hints"})
_TAKEABLE_HTML = frozenset({"html-outside-main", "html-not-main", "html-time"})


def match_comment_form(text_key: str, words: int | None = None) -> str | None:
    """``comment-form`` or ``comment-rules`` when the line is comment-widget text, else None."""
    if words is None:
        words = text_key.count(" ") + 1
    return _widget(text_key, words) if words <= _MAX_FORM_WORDS else None


# The rules' literals as one trie: one search rules out most lines.
_WIDGET_HINT = re.compile(trie_pattern({needle for rule in FORM_RULES for needle in rule.needles}))


# Both stages and the thread finder ask this of the same lines (and pages repeat their widgets'
# lines): the answers are kept.
@lru_cache(maxsize=4096)
def _widget(text_key: str, words: int) -> str | None:
    if _WIDGET_HINT.search(text_key) is None:
        return None
    return first_match(FORM_RULES, text_key, words)


def _is_form(text_key: str, words: int) -> bool:
    return match_comment_form(text_key, words) is not None


def threads_of(doc: Document) -> list[Thread]:
    """The page's threads, found once and shared by both stages (``doc.meta["comment_threads"]``)."""
    found: list[Thread] | None = doc.meta.get("comment_threads")
    if found is None:
        found = doc.meta["comment_threads"] = find_threads(doc.lines, is_end=_is_form)
    return found


@stage("comments")
class Comments:
    """Label comment forms and rules anywhere, and the heading of each comment thread, or of
    a comments widget whose comments the scrape left out ("Comments", "12 Kommentare")."""

    def __call__(self, doc: Document) -> None:
        for thread in threads_of(doc):
            if thread.heading is not None and thread.evidence != "weak" and doc.lines[thread.heading].is_open:
                doc.label(thread.heading, "chrome", "comments-marker", "heading of the comments section")
        for line in doc.lines:
            if line.is_open and line.words <= 40 and is_heading(line.key, line.words, certain=True):
                doc.label(line.index, "chrome", "comments-marker", "heading of the comments section")
            elif line.is_open and line.words <= _MAX_FORM_WORDS:
                reason = match_comment_form(line.key, line.words)
                if reason is not None:
                    doc.label(line.index, "chrome", reason, "comment widget: form, rules or counter")


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
        published_line = next((line.index for line in doc.lines
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
    return any(line.words >= _PARAGRAPH_WORDS for line in doc.lines[start:end])


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
