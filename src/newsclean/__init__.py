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
from newsclean.errors import InputTooLarge, NewscleanError, StageError, UnknownStage
from newsclean.inputs import looks_like_html, to_text
from newsclean.pipeline import Pipeline, Stage, registered, stage
from newsclean.profiles import SiteProfile, SiteProfiles, learn_profiles

__all__ = [
    "LABELS", "Article", "Comment", "Dateline", "Document", "InputTooLarge", "Label", "Line",
    "LineRecord", "NewscleanError", "Pipeline", "SiteProfile", "SiteProfiles", "Stage", "StageError",
    "UnknownStage", "clean_article", "clean_many", "learn_profiles", "registered", "stage",
]
__version__ = "0.1.0"

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
                  lang: str | None = None, profile: SiteProfile | None = None) -> Article:
    """Clean one scraped article (plain text, or an HTML page) into an :class:`Article`.

    ``bytes`` are decoded (UTF-8, else detected). ``profile``, the page's site profile (see
    :mod:`newsclean.profiles`), adds the ``site-profile`` stage after ``region``; a ``pipeline``
    given with it must hold that stage. Raises ``TypeError`` for other types,
    :class:`InputTooLarge` past the pipeline's ``max_input_chars`` and :class:`StageError`
    when a stage fails.
    """
    if profile is None:
        pipe = pipeline if pipeline is not None else _default_pipeline()
    else:
        pipe = pipeline if pipeline is not None else _profiled_pipeline()
        if "site-profile" not in pipe.names:
            raise ValueError("a profile needs the 'site-profile' stage in the pipeline: "
                             "pipeline.add('site-profile', after='region')")
    raw = to_text(text)
    if len(raw) > pipe.max_input_chars:
        raise InputTooLarge(f"input has {len(raw):,} characters; the limit is {pipe.max_input_chars:,}"
                            " (Pipeline(max_input_chars=...))")
    if looks_like_html(raw):
        from newsclean.html import html_to_document

        doc = html_to_document(raw, lang=lang)
    else:
        doc = Document.from_text(raw, lang=lang)
    if profile is not None:
        doc.meta["site_profile"] = profile
    return build_article(pipe.run(doc))


from newsclean.batch.run import clean_many  # noqa: E402  (it cleans with clean_article)
