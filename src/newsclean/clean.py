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

# The shared pipelines, built when first asked for: (learned, with a site profile) -> pipeline.
_PIPELINES: dict[tuple[bool, bool], Pipeline] = {}


def _shared_pipeline(*, learned: bool, profiled: bool) -> Pipeline:
    """The default (or learned) stages, with ``site-profile`` after ``region`` when a profile is given."""
    pipe = _PIPELINES.get((learned, profiled))
    if pipe is None:
        pipe = Pipeline.learned() if learned else Pipeline.default()
        if profiled:
            pipe.add("site-profile", after="region")
        pipe = _PIPELINES[(learned, profiled)] = pipe
    return pipe


def clean_article(text: str | bytes, *, pipeline: Pipeline | None = None,
                  lang: str | None = None, favor: Favor = "balanced",
                  profile: SiteProfile | None = None, learned: bool = False) -> Article:
    """Clean one scraped article (plain text, or an HTML page) into an :class:`Article`.

    ``bytes`` are decompressed when gzip, bzip2 or xz, refused when binary, and decoded (UTF-8,
    else detected); a ``str`` is text as it stands. ``lang`` is an ISO 639-1 code; when it is
    not given, an HTML page's ``<html lang>`` is taken, else the language is detected from the
    text. ``favor="precision"`` keeps out more of what may not be the article, ``"recall"``
    keeps in more of what may be (trafilatura's ``favor_precision`` and ``favor_recall``): it
    is set on :attr:`Document.favor`, where the stages with a threshold read it. ``profile``,
    the page's site profile (see :mod:`newsclean.profiles`), adds the ``site-profile`` stage
    after ``region``; a ``pipeline`` given with it must hold that stage. ``learned=True`` cleans
    with :meth:`Pipeline.learned`: on HTML the learned line model decides the content too (see
    ``docs/evaluation-model.md`` for what it gains and costs); it is ignored when a ``pipeline``
    is given.

    Raises ``TypeError`` for input that is neither ``str`` nor bytes, ``ValueError`` for another
    ``favor``, :class:`InputTooLarge` past the pipeline's ``max_input_chars``, :class:`NotText`
    for bytes that are not text (a PDF, an image, binary data) and :class:`StageError` when a
    stage fails.

    >>> clean_article("Storm hits coast\\nThe storm reached the coast on Monday, officials said.").lang
    'en'
    """
    if favor not in FAVORS:
        raise ValueError(f"favor must be one of {', '.join(map(repr, FAVORS))}, not {favor!r}")
    profiled = profile is not None
    pipe = pipeline if pipeline is not None else _shared_pipeline(learned=learned, profiled=profiled)
    if profile is not None:
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
