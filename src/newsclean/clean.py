"""``clean_article``: one page in, one :class:`~newsclean.article.Article` out.

>>> clean_article("Storm hits coast\\nThe storm reached the coast on Monday, officials said.").headline
'Storm hits coast'
"""

from __future__ import annotations

import newsclean.stages  # noqa: F401  (registers the built-in stages)
from newsclean.article import Article, build_article
from newsclean.document import FAVORS, Favor
from newsclean.language import page_language
from newsclean.pages import page_document
from newsclean.pipeline import Pipeline
from newsclean.profiles import SiteProfile

__all__ = ["clean_article"]

_default: Pipeline | None = None
_profiled: Pipeline | None = None


def _default_pipeline() -> Pipeline:
    global _default
    if _default is None:
        _default = Pipeline.default()
    return _default


def _profiled_pipeline() -> Pipeline:
    """The default stages with ``site-profile`` after ``region``: used only when a profile is given."""
    global _profiled
    if _profiled is None:
        _profiled = Pipeline.default().add("site-profile", after="region")
    return _profiled


def clean_article(text: str | bytes, *, pipeline: Pipeline | None = None,
                  lang: str | None = None, favor: Favor = "balanced",
                  profile: SiteProfile | None = None) -> Article:
    """Clean one scraped article (plain text, or an HTML page) into an :class:`Article`.

    ``bytes`` are decompressed when gzip, bzip2 or xz, refused when binary, and decoded (UTF-8,
    else detected); a ``str`` is text as it stands. ``lang`` is an ISO 639-1 code; when it is
    not given, an HTML page's ``<html lang>`` is taken, else the language is detected from the
    text. ``favor="precision"`` keeps out more of what may not be the article, ``"recall"``
    keeps in more of what may be (trafilatura's ``favor_precision`` and ``favor_recall``): it
    is set on :attr:`Document.favor`, where the stages with a threshold read it. ``profile``,
    the page's site profile (see :mod:`newsclean.profiles`), adds the ``site-profile`` stage
    after ``region``; a ``pipeline`` given with it must hold that stage.

    Raises ``TypeError`` for input that is neither ``str`` nor bytes, ``ValueError`` for another
    ``favor``, :class:`InputTooLarge` past the pipeline's ``max_input_chars``, :class:`NotText`
    for bytes that are not text (a PDF, an image, binary data) and :class:`StageError` when a
    stage fails.

    >>> clean_article("Storm hits coast\\nThe storm reached the coast on Monday, officials said.").lang
    'en'
    """
    if favor not in FAVORS:
        raise ValueError(f"favor must be one of {', '.join(map(repr, FAVORS))}, not {favor!r}")
    if profile is None:
        pipe = pipeline if pipeline is not None else _default_pipeline()
    else:
        pipe = pipeline if pipeline is not None else _profiled_pipeline()
        if "site-profile" not in pipe.names:
            raise ValueError("a profile needs the 'site-profile' stage in the pipeline: "
                             "pipeline.add('site-profile', after='region')")
    doc = page_document(text, lang=lang, max_chars=pipe.max_input_chars)
    doc.favor = favor
    # A language the caller gives is taken as given; one the page states is checked against its text.
    page_language(doc, stated=lang is None)
    if profile is not None:
        doc.meta["site_profile"] = profile
    return build_article(pipe.run(doc))
