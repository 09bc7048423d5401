"""Lines a site repeats on its pages: chrome on that site, whatever a general rule thinks.

The stage runs right after ``region`` when a profile is given (``clean_article(text,
profile=...)``, ``batch --profiles``); the default pipeline does not hold it. It reads the
:class:`~newsclean.profiles.SiteProfile` from its ``profile`` setting or from
``doc.meta["site_profile"]`` and labels ``chrome`` (reason ``site-repeated``, the count in the
detail) each line whose matching key the profile holds:

* a line no stage has decided yet;
* a line the region finder holds as prose (``body`` from ``region`` or ``html-hints``) only
  when it stands on at least ``most`` of the site's pages: a paragraph two stories share is
  still the story's, a paragraph on every page is the site's.

Lines a rule stage labelled (promos, comments, chrome by its shape) keep their label: the rule
says more about them than repetition does.

>>> from newsclean.document import Document
>>> from newsclean.profiles import SiteProfile
>>> doc = Document.from_text("Habari zote kila siku\\nThe storm reached the coast on Monday.")
>>> doc.stage = "site-profile"
>>> SiteProfileStage(profile=SiteProfile("example.com", 10, {"habari zote kila siku": 9}))(doc)
>>> doc.lines[0].label, doc.lines[0].reason, doc.lines[0].detail
('chrome', 'site-repeated', 'on 9 of 10 pages of example.com')
>>> doc.lines[1].label is None
True
"""

from __future__ import annotations

from newsclean.document import Document
from newsclean.pipeline import stage
from newsclean.profiles import SiteProfile

#: Chosen with the profiles' thresholds (``benchmarks/profiles.py``).
MOST = 0.6
#: The stages whose ``body`` means "the region finder holds this line as prose".
PROSE_STAGES = frozenset({"region", "html-hints"})


@stage("site-profile")
class SiteProfileStage:
    """Label the lines a site's profile holds ``chrome`` (``site-repeated``)."""

    def __init__(self, *, profile: SiteProfile | None = None, most: float = MOST) -> None:
        self.profile = profile
        self.most = most

    def __call__(self, doc: Document) -> None:
        profile = self.profile if self.profile is not None else doc.meta.get("site_profile")
        if profile is None or not profile.lines:
            return
        known = profile.lines
        prose_least = self.most * profile.pages
        for line in doc.lines:
            prose = line.label == "body" and line.stage in PROSE_STAGES
            if not (line.is_open or prose):
                continue
            count = known.get(line.key)
            if count is None or (prose and count < prose_least):
                continue
            detail = f"on {count} of {profile.pages} pages of {profile.site}"
            doc.label(line.index, "chrome", "site-repeated", detail)
