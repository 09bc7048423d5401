"""Site profiles: the lines a site repeats on many of its pages are its boilerplate.

Learning is a map and a reduce. The map reads one page into lines as cleaning would (text or
HTML) and takes the set of their matching keys (:func:`newsclean.normalize.key`, via
``Line.key``); the reduce counts, per site, on how many pages each key stands
(:class:`LineCounts`, whose counts add with ``+``, so partial counts from processes or Dask
workers merge in any order). A key seen on at least ``min_pages`` pages and on at least
``min_share`` of its site's pages is that site's boilerplate: :meth:`LineCounts.profiles` keeps
those in a :class:`SiteProfile` per site, and the ``site-profile`` stage labels such lines chrome.

A site is the URL's host name, lower case, without a leading ``www.``; a page with no URL
belongs to no site and is neither counted nor given a profile.

>>> counts = LineCounts()
>>> for n in range(4):
...     counts.add("https://www.example.com/" + str(n), {"subscribe to our newsletter", f"story {n}"})
>>> profile = counts.profiles(min_pages=2, min_share=0.5).for_url("https://example.com/new")
>>> profile.site, profile.pages, dict(profile.lines)
('example.com', 4, {'subscribe to our newsletter': 4})
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Any
from urllib.parse import urlsplit

from newsclean.pages import page_document

#: Chosen on one half of the sites (by a hash of the name) of ScrapingHub and WCXB-dev, checked
#: on the other half and on ``ar`` (``benchmarks/profiles.py --tune``; docs/batch.md has the numbers).
MIN_PAGES = 2
MIN_SHARE = 0.5
#: Keys kept per site while counting. Below it the counts are exact; past it the rarest keys are
#: dropped (Misra-Gries), so a site's count needs bounded memory however many pages it has.
CAPACITY = 100_000
FORMAT = "newsclean-site-profiles"


def site_of(url: str | None) -> str | None:
    """The site a URL belongs to: its host, lower case, without ``www.``; None without a host.

    >>> site_of("https://WWW.Example.com:8080/a?b"), site_of("almayadeen.net/x"), site_of(None)
    ('example.com', None, None)
    """
    if not url:
        return None
    try:
        host = urlsplit(url).hostname
    except ValueError:
        return None
    if not host:
        return None
    return host[4:] if host.startswith("www.") else host


def page_keys(content: str | bytes) -> set[str]:
    """The distinct matching keys of a page's visible lines (the map step of learning).

    >>> sorted(page_keys("Home\\n\\nالأَخبـــار\\nHome"))
    ['home', 'الاخبار']
    """
    return {line.key for line in page_document(content).lines if line.label != "blank"}


@dataclass(frozen=True)
class SiteProfile:
    """One site's boilerplate: matching key -> on how many of its ``pages`` pages the line stood."""

    site: str
    pages: int
    lines: Mapping[str, int] = field(default_factory=dict)

    def __post_init__(self) -> None:
        object.__setattr__(self, "lines", MappingProxyType(dict(self.lines)))

    def __reduce__(self) -> tuple[Any, ...]:  # a mapping proxy does not pickle; its dict does
        return (SiteProfile, (self.site, self.pages, dict(self.lines)))


class SiteProfiles(Mapping[str, SiteProfile]):
    """The profiles of many sites, by site; saved to and loaded from one JSON file."""

    def __init__(self, profiles: Iterable[SiteProfile] = (), *, min_pages: int = MIN_PAGES,
                 min_share: float = MIN_SHARE) -> None:
        self._by_site = {p.site: p for p in profiles}
        self.min_pages = min_pages
        self.min_share = min_share

    def __getitem__(self, site: str) -> SiteProfile:
        return self._by_site[site]

    def __iter__(self) -> Iterator[str]:
        return iter(self._by_site)

    def __len__(self) -> int:
        return len(self._by_site)

    def for_url(self, url: str | None) -> SiteProfile | None:
        """The profile of the site ``url`` belongs to, or None."""
        site = site_of(url)
        return self._by_site.get(site) if site is not None else None

    def to_json(self) -> dict[str, Any]:
        return {
            "format": FORMAT, "version": 1, "min_pages": self.min_pages, "min_share": self.min_share,
            "sites": {p.site: {"pages": p.pages, "lines": dict(p.lines)} for p in self._by_site.values()},
        }

    @classmethod
    def from_json(cls, data: Any) -> SiteProfiles:
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            raise ValueError(f"not a newsclean profiles file (no \"format\": \"{FORMAT}\")")
        sites = data.get("sites")
        if not isinstance(sites, dict):
            raise ValueError("a profiles file needs a \"sites\" object")
        profiles = []
        for site, entry in sites.items():
            try:
                lines = {str(k): int(v) for k, v in entry["lines"].items()}
                profiles.append(SiteProfile(str(site), int(entry["pages"]), lines))
            except (KeyError, TypeError, ValueError, AttributeError) as error:
                raise ValueError(f"site {site!r}: needs \"pages\" and a \"lines\" object ({error})") from None
        return cls(profiles, min_pages=int(data.get("min_pages", MIN_PAGES)),
                   min_share=float(data.get("min_share", MIN_SHARE)))

    def save(self, path: str | Path) -> None:
        text = json.dumps(self.to_json(), ensure_ascii=False, indent=1)
        Path(path).write_text(text + "\n", encoding="utf-8")

    @classmethod
    def load(cls, path: str | Path) -> SiteProfiles:
        """Read a profiles file; a file that is not one raises ``ValueError`` naming it."""
        try:
            data = json.loads(Path(path).read_text(encoding="utf-8"))
            return cls.from_json(data)
        except ValueError as error:
            raise ValueError(f"{path}: {error}") from None

    def __repr__(self) -> str:
        return f"SiteProfiles({len(self)} sites, min_pages={self.min_pages}, min_share={self.min_share})"


class LineCounts:
    """Per site: how many pages were counted, and on how many of them each key stood.

    Counts merge with ``+`` (and ``+=``), so map and reduce may run anywhere, in any order.

    >>> a, b = LineCounts(), LineCounts()
    >>> a.add("https://example.com/1", {"menu", "one"})
    >>> b.add("https://example.com/2", {"menu", "two"})
    >>> merged = a + b
    >>> merged.pages["example.com"], merged.keys["example.com"]["menu"]
    (2, 2)
    """

    def __init__(self, *, capacity: int = CAPACITY) -> None:
        self.capacity = capacity
        #: Pages counted per site, and pages left out for want of a URL with a host.
        self.pages: Counter[str] = Counter()
        self.unsited = 0
        self.keys: dict[str, Counter[str]] = {}

    def add(self, url: str | None, keys: Iterable[str]) -> None:
        """Count one page's distinct keys for its site (a page without a site is not counted)."""
        site = site_of(url)
        if site is None:
            self.unsited += 1
            return
        self.pages[site] += 1
        counts = self.keys.setdefault(site, Counter())
        counts.update(keys)
        if len(counts) > self.capacity:
            _shrink(counts, self.capacity)

    def __iadd__(self, other: LineCounts) -> LineCounts:
        self.pages.update(other.pages)
        self.unsited += other.unsited
        for site, counts in other.keys.items():
            mine = self.keys.get(site)
            if mine is None:
                self.keys[site] = Counter(counts)
            else:
                mine.update(counts)
                if len(mine) > self.capacity:
                    _shrink(mine, self.capacity)
        return self

    def __add__(self, other: LineCounts) -> LineCounts:
        total = LineCounts(capacity=self.capacity)
        total += self
        total += other
        return total

    def profiles(self, *, min_pages: int = MIN_PAGES, min_share: float = MIN_SHARE) -> SiteProfiles:
        """A profile for each site with lines on at least ``min_pages`` pages and ``min_share``
        of its pages (sites with no such line get none)."""
        if min_pages < 2:
            raise ValueError("min_pages must be at least 2: a line on one page repeats nothing")
        found = []
        for site, counts in sorted(self.keys.items()):
            pages = self.pages[site]
            least = max(min_pages, min_share * pages)
            lines = {k: n for k, n in sorted(counts.items()) if n >= least}
            if lines:
                found.append(SiteProfile(site, pages, lines))
        return SiteProfiles(found, min_pages=min_pages, min_share=min_share)


def _shrink(counts: Counter[str], capacity: int) -> None:
    """Misra-Gries: take the count of the first key past ``capacity`` from every key and drop the
    ones left at zero. A key's count falls short by at most (pages counted) / capacity."""
    cut = sorted(counts.values(), reverse=True)[capacity]
    for k in list(counts):
        n = counts[k] - cut
        if n > 0:
            counts[k] = n
        else:
            del counts[k]


def learn_profiles(pages: Iterable[tuple[str | None, str | bytes]], *, min_pages: int = MIN_PAGES,
                   min_share: float = MIN_SHARE) -> SiteProfiles:
    """Profiles from ``(url, content)`` pairs, in this process (``batch --learn`` and
    :mod:`newsclean.dask` spread the same map and reduce over processes or a cluster).

    >>> pages = [(f"https://example.com/{n}", f"Menu\\nStory number {n}") for n in range(3)]
    >>> dict(learn_profiles(pages)["example.com"].lines)
    {'menu': 3}
    """
    counts = LineCounts()
    for url, content in pages:
        if site_of(url) is not None:
            counts.add(url, page_keys(content))
    return counts.profiles(min_pages=min_pages, min_share=min_share)
