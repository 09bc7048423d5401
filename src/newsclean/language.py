"""The document's language: as the caller or the page states it, else detected from its text.

>>> from newsclean.document import Document
>>> doc = Document.from_text("قائمة\\nقال الوزير إن المحادثات ستستأنف الأسبوع المقبل في العاصمة.")
>>> page_language(doc), doc.lang
('ar', 'ar')
>>> page_language(Document.from_text("Home\\nNews", lang="en"))
'en'
"""

from __future__ import annotations

import numpy as np

from newsclean.document import Document
from newsclean.features import detect_language

# The longest lines are the article's paragraphs on most pages, and a few hundred characters
# of them decide the language as well as the whole page would.
_LINES, _CHARS = 3, 200


def page_language(doc: Document, *, stated: bool = False) -> str | None:
    """The document's language: ``doc.lang`` when set, else detected from its longest lines
    (and kept in ``doc.lang``); None when the text is too short to tell.

    ``stated``: ``doc.lang`` is what the page says of itself (an HTML page's ``<html lang>``),
    not what the caller asked for. Templates often state a language their pages are not in, so
    the text's own language is detected too, and the rule stages read the packs of both
    (``doc.languages``); ``doc.lang`` stays as stated.
    """
    if doc.lang is None:
        doc.lang = detect_language(_sample(doc))
    elif stated:
        found = detect_language(_sample(doc))
        if found is not None and found != doc.lang:
            doc.languages = (doc.lang, found)
    return doc.lang


def _sample(doc: Document) -> str:
    # The lengths of all lines at once; a stable sort keeps the first of lines of one length,
    # as sorted(..., reverse=True) does.
    lengths = np.diff(np.frombuffer(doc.starts, dtype=np.int64))
    longest = np.argsort(-lengths, kind="stable")[:_LINES].tolist()
    return " ".join(doc.text_of(i)[:_CHARS] for i in longest)
