"""What cleaning reads: a page's lines as a :class:`~newsclean.document.Document`, from text or HTML.

One place decides between the two readers, so :func:`newsclean.clean_article` and the site
profiles' first pass (:mod:`newsclean.profiles`) see the same lines.

>>> [line.text for line in page_document("<html><body><p>One</p><p>Two</p></body></html>").lines]
['One', 'Two']
>>> [line.text for line in page_document(b"One\\nTwo").lines]
['One', 'Two']
"""

from __future__ import annotations

from newsclean.document import Document
from newsclean.inputs import MAX_INPUT_CHARS, looks_like_html, to_text


def page_document(content: str | bytes, *, lang: str | None = None,
                  max_chars: int = MAX_INPUT_CHARS) -> Document:
    """The page as the lines cleaning reads: an HTML page's flattened blocks, or a text's lines.

    Bytes go through :func:`~newsclean.inputs.to_text` (decompressed, refused when binary,
    decoded); past ``max_chars`` characters it raises :class:`~newsclean.errors.InputTooLarge`.
    """
    raw = to_text(content, max_chars=max_chars)
    if looks_like_html(raw):
        from newsclean.html import html_to_document

        return html_to_document(raw, lang=lang)
    return Document.from_text(raw, lang=lang)
