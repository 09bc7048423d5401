"""Threads: runs of records that each say who wrote them (reader comments, reviews, forum posts),
found by their repeated shape rather than by a heading word.

A *record* is a short header (an author line, a date or a relative time, an avatar's initial,
"Anna says:", or all of these on one line), an optional title, one or more text lines, and the
buttons under it (Reply, Antworten, Répondre, رد, like counts). A *thread* is a run of records
whose headers share one layout. A heading above it ("Comments", "12 Kommentare",
"3 thoughts on “…”", "التعليقات") strengthens a thread, but a heading alone makes none, and a
run of title / byline / teaser items (a related-articles list) is not one.

:func:`find_threads` reads any run of lines, whole pages included: the comments stages use it for
the comments under an article, and a discussion page's posts are the same structure.

>>> from newsclean.document import Document
>>> page = Document.from_text("\\n".join([
...     "2 Comments",
...     "Anna Berg says:", "March 3, 2024 at 9:15 am", "Great read, thank you.", "Reply",
...     "Ben says:", "March 4, 2024 at 10:02 am", "I disagree with the second point.", "Reply"]))
>>> [thread] = find_threads(page.lines)
>>> thread.layout, thread.evidence, thread.heading
('says+date', 'strong', 0)
>>> [(r.author, r.date, r.text) for r in thread.records]
[('Anna Berg', datetime.datetime(2024, 3, 3, 9, 15), ('Great read, thank you.',)), ('Ben', \
datetime.datetime(2024, 3, 4, 10, 2), ('I disagree with the second point.',))]
>>> thread.records[0].lines
((1, 'author'), (2, 'date'), (3, 'text'), (4, 'action'))
"""

from __future__ import annotations

from newsclean.threads.finder import Evidence, Record, Role, Thread, find_threads
from newsclean.threads.lines import LineShape, ThreadWords, is_heading, shape_of
from newsclean.threads.stamps import HeaderDate, Stamp, header_date

__all__ = ["Evidence", "HeaderDate", "LineShape", "Record", "Role", "Stamp", "Thread", "ThreadWords",
           "find_threads", "header_date", "is_heading", "shape_of"]


def __getattr__(name: str) -> frozenset[str]:
    # Every installed pack's words, as the module constants of earlier versions gave them.
    from newsclean.threads import lines

    found: frozenset[str] = getattr(lines, name)
    return found
