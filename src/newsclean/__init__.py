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

import newsclean.stages  # noqa: F401  (registers the built-in stages)
from newsclean.article import Article, Comment, Dateline, LineRecord, build_article
from newsclean.document import FAVORS, LABELS, Document, Favor, Label, Line
from newsclean.errors import (
    InputTooLarge,
    NewscleanError,
    NewscleanWarning,
    NotText,
    PluginLoadError,
    StageError,
    UnknownStage,
)
from newsclean.inputs import looks_like_html, to_text
from newsclean.language import page_language
from newsclean.pipeline import Pipeline
from newsclean.registry import Stage, registered, stage

__all__ = [
    "FAVORS", "LABELS", "Article", "Comment", "Dateline", "Document", "Favor", "InputTooLarge", "Label",
    "Line", "LineRecord", "NewscleanError", "NewscleanWarning", "NotText", "Pipeline", "PluginLoadError",
    "Stage", "StageError", "UnknownStage", "clean_article", "registered", "stage",
]
__version__ = "0.1.0"

_default: Pipeline | None = None


def _default_pipeline() -> Pipeline:
    global _default
    if _default is None:
        _default = Pipeline.default()
    return _default


def clean_article(text: str | bytes, *, pipeline: Pipeline | None = None,
                  lang: str | None = None, favor: Favor = "balanced") -> Article:
    """Clean one scraped article (plain text, or an HTML page) into an :class:`Article`.

    ``bytes`` are decompressed when gzip, bzip2 or xz, refused when binary, and decoded (UTF-8,
    else detected); a ``str`` is text as it stands. ``lang`` is an ISO 639-1 code; when it is
    not given, an HTML page's ``<html lang>`` is taken, else the language is detected from the
    text. ``favor="precision"`` keeps out more of what may not be the article, ``"recall"``
    keeps in more of what may be (trafilatura's ``favor_precision`` and ``favor_recall``): it
    is set on :attr:`Document.favor`, where the stages with a threshold read it.

    Raises ``TypeError`` for input that is neither ``str`` nor bytes, ``ValueError`` for another
    ``favor``, :class:`InputTooLarge` past the pipeline's ``max_input_chars``, :class:`NotText`
    for bytes that are not text (a PDF, an image, binary data) and :class:`StageError` when a
    stage fails.

    >>> clean_article("Storm hits coast\\nThe storm reached the coast on Monday, officials said.").lang
    'en'
    """
    if favor not in FAVORS:
        raise ValueError(f"favor must be one of {', '.join(map(repr, FAVORS))}, not {favor!r}")
    pipe = pipeline if pipeline is not None else _default_pipeline()
    raw = to_text(text, max_chars=pipe.max_input_chars)
    if looks_like_html(raw):
        from newsclean.html import html_to_document

        doc = html_to_document(raw, lang=lang)
    else:
        doc = Document.from_text(raw, lang=lang)
    doc.favor = favor
    page_language(doc)
    return build_article(pipe.run(doc))
