"""newsclean: turn a scraped news article into clean, typed parts.

>>> from newsclean import clean_article
>>> story = "The storm reached the coast on Monday, officials said."
>>> article = clean_article("Storm hits coast\\nFollow us on Telegram\\n" + story)
>>> article.headline
'Storm hits coast'
>>> article.promos
('Follow us on Telegram',)
"""

from __future__ import annotations

from newsclean.article import Article, Comment, Dateline, LineRecord, build_article
from newsclean.document import LABELS, Document, Label, Line
from newsclean.errors import InputTooLarge, NewscleanError, NotText, StageError, UnknownStage
from newsclean.inputs import looks_like_html, to_text
from newsclean.pipeline import Pipeline, Stage, registered, stage

__all__ = [
    "LABELS", "Article", "Comment", "Dateline", "Document", "InputTooLarge", "Label", "Line",
    "LineRecord", "NewscleanError", "NotText", "Pipeline", "Stage", "StageError", "UnknownStage",
    "clean_article", "registered", "stage",
]
__version__ = "0.1.0"

_default: Pipeline | None = None


def _default_pipeline() -> Pipeline:
    global _default
    if _default is None:
        _default = Pipeline.default()
    return _default


def clean_article(text: str | bytes, *, pipeline: Pipeline | None = None,
                  lang: str | None = None) -> Article:
    """Clean one scraped article (plain text, or an HTML page) into an :class:`Article`.

    ``bytes`` are decompressed when gzip, bzip2 or xz, refused when binary, and decoded (UTF-8,
    else detected); a ``str`` is text as it stands. Raises ``TypeError`` for other types,
    :class:`InputTooLarge` past the pipeline's ``max_input_chars``, :class:`NotText` for bytes
    that are not text (a PDF, an image, binary data) and :class:`StageError` when a stage fails.
    """
    pipe = pipeline if pipeline is not None else _default_pipeline()
    raw = to_text(text, max_chars=pipe.max_input_chars)
    if looks_like_html(raw):
        from newsclean.html import html_to_document

        doc = html_to_document(raw, lang=lang)
    else:
        doc = Document.from_text(raw, lang=lang)
    return build_article(pipe.run(doc))
