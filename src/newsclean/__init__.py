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

from newsclean.article import Article, Comment, Dateline, LineRecord
from newsclean.batch.run import clean_many
from newsclean.clean import clean_article
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
from newsclean.pipeline import Pipeline
from newsclean.profiles import SiteProfile, SiteProfiles, learn_profiles
from newsclean.registry import Stage, registered, stage

__all__ = [
    "FAVORS", "LABELS", "Article", "Comment", "Dateline", "Document", "Favor", "InputTooLarge", "Label",
    "Line", "LineRecord", "NewscleanError", "NewscleanWarning", "NotText", "Pipeline", "PluginLoadError",
    "SiteProfile", "SiteProfiles", "Stage", "StageError", "UnknownStage", "clean_article", "clean_many",
    "learn_profiles", "registered", "stage",
]
__version__ = "0.1.0"
