"""What an HTML page tells beyond its text: the title, date, author, main-content blocks,
captions and comment records found in the DOM. The HTML reader stores them in
``doc.meta["html"]``; this stage turns them into labels. On plain-text input it does nothing.
"""

from __future__ import annotations

from newsclean.document import Document
from newsclean.pipeline import stage


@stage("html-hints")
class HtmlHints:
    def __call__(self, doc: Document) -> None:
        hints = doc.meta.get("html")
        if not hints:
            return
