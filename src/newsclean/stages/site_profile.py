"""Lines a site repeats on its pages: chrome on that site, whatever a general rule thinks.

The stage runs right after ``region`` when a profile is given (``clean_article(text,
profile=...)``, ``batch --profiles``); the default pipeline does not hold it. It reads the
:class:`~newsclean.profiles.SiteProfile` from its ``profile`` setting or from
``doc.meta["site_profile"]`` and labels ``chrome`` (reason ``site-repeated``, the count in the
detail) each line whose matching key the profile holds:

* a line no stage has decided yet, or one the region finder put in chrome by its shape (the
  profile says why more precisely);
* a line the region finder holds as prose (``body`` from ``region`` or ``html-hints``; on a
  page where it found no article region, every open line, since all of them end as body) only
  when it stands on at least ``most`` of the site's pages: a paragraph two stories share is
  still the story's, a paragraph on every page is the site's;
* and no such prose when it would be most of the page's prose (by words): then the page is a
  copy of another page of the site (a URL variant, a reprint), not a story framed by the site.

Lines a rule stage labelled (promos, comments, chrome by its shape) keep their label: the rule
says more about them than repetition does.

>>> from newsclean.document import Document, Line
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

from newsclean.document import Document, Line
from newsclean.profiles import SiteProfile
from newsclean.registry import stage

#: Chosen with the profiles' thresholds (``benchmarks/profiles.py``).
MOST = 0.9
#: The stages of the region finder: their ``body`` means "held as prose", their ``chrome`` "not prose".
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
        # Without an article region every open line ends as body: held as the page's content.
        no_region = "region" not in doc.meta
        taken: list[tuple[Line, int]] = []
        prose_taken = prose_words = 0
        for line in doc.lines:
            by_region = line.stage in PROSE_STAGES
            prose = (by_region and line.label == "body") or (no_region and line.is_open)
            if prose:
                prose_words += line.words
            elif not (line.is_open or (by_region and line.label == "chrome")):
                continue
            count = known.get(line.key)
            if count is None or (prose and count < self.most * profile.pages):
                continue
            taken.append((line, count))
            if prose:
                prose_taken += line.words
        if prose_taken * 2 > prose_words:
            # Most of the article repeats: the page is a copy of another page of the site (a URL
            # variant, a reprint), not a page framed by the site's boilerplate. Keep its prose.
            taken = [(line, count) for line, count in taken
                     if not (line.label == "body" or (no_region and line.is_open))]
        for line, count in taken:
            detail = f"on {count} of {profile.pages} pages of {profile.site}"
            doc.label(line.index, "chrome", "site-repeated", detail)
