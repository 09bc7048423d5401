"""The document's language: as the caller or the page states it, else detected from its text.

>>> from newsclean.document import Document
>>> doc = Document.from_text("قائمة\\nقال الوزير إن المحادثات ستستأنف الأسبوع المقبل في العاصمة.")
>>> page_language(doc), doc.lang
('ar', 'ar')
>>> page_language(Document.from_text("Home\\nNews", lang="en"))
'en'
"""

from __future__ import annotations

import heapq

from newsclean.document import Document
from newsclean.features import detect_language

# The longest lines are the article's paragraphs on most pages, and a few hundred characters
# of them decide the language as well as the whole page would.
_LINES, _CHARS = 3, 200


def page_language(doc: Document) -> str | None:
    """The document's language: ``doc.lang`` when set, else detected from its longest lines
    (and kept in ``doc.lang``); None when the text is too short to tell."""
    if doc.lang is None:
        longest = heapq.nlargest(_LINES, doc.lines, key=lambda line: len(line.text))
        doc.lang = detect_language(" ".join(line.text[:_CHARS] for line in longest))
    return doc.lang
