"""newsclean on Dask: clean a bag or a dataframe column, learn site profiles with a reduction, and
run ``newsclean batch --engine dask`` on a cluster.

Nothing here is new cleaning: each partition runs the same chunk tasks as the local processes
(:func:`newsclean.batch.run.run_task`), so a cluster writes what one machine writes. Needs
``pip install 'newsclean[dask]'``.

>>> import dask.bag as db
>>> bag = db.from_sequence([{"id": "a", "url": "https://example.com/1", "text": "Menu\\nStory one is here."},
...                         {"id": "b", "url": "https://example.com/2", "text": "Menu\\nStory two is here."}],
...                        npartitions=2)
>>> [r["id"] for r in clean_bag(bag).compute(scheduler="sync")]
['a', 'b']
>>> dict(learn_profiles(bag, scheduler="sync")["example.com"].lines)
{'menu': 2}
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from newsclean.batch.page import Page
from newsclean.batch.record import FIELDS, LINES_FIELD
from newsclean.batch.run import Settings, as_page, default_jobs, run_task
from newsclean.batch.sources import DEFAULT_FIELDS, Fields
from newsclean.optional import require
from newsclean.profiles import MIN_PAGES, MIN_SHARE, LineCounts, SiteProfiles

__all__ = ["DaskEngine", "clean_bag", "clean_frame", "learn_profiles"]


def _pages(items: Iterable[Any], partition: int, fields: Fields) -> list[Page]:
    # An item without an id is named by its partition and place, as clean_many names it by place.
    pages = []
    for n, item in enumerate(items):
        page = as_page(item, n, fields)
        if not isinstance(item, Page) and not (isinstance(item, dict) and item.get(fields.id) is not None):
            page = Page(f"{partition}-{n}", page.content, page.url, page.error)
        pages.append(page)
    return pages


def _clean_partition(items: Iterable[Any], partition: int, settings: Settings, fields: Fields) -> list[Any]:
    return [w.data for w in run_task("record", _pages(items, partition, fields), settings)]


def clean_bag(bag: Any, *, lang: str | None = None, lines: bool = False,
              profiles: SiteProfiles | None = None, fields: Fields = DEFAULT_FIELDS) -> Any:
    """A bag of output records (dicts, docs/batch.md) from a bag of pages: texts, bytes, dicts
    (``{"id", "url", "text" or "html"}``) or :class:`~newsclean.batch.page.Page` records."""
    dask = require("dask", extra="dask")
    bag_module = require("dask.bag", extra="dask", package="dask")
    settings = dask.delayed(Settings(lang=lang, lines=lines, profiles=profiles), pure=True)
    parts = [dask.delayed(_clean_partition, pure=True)(part, i, settings, fields)
             for i, part in enumerate(bag.to_delayed())]
    return bag_module.from_delayed(parts)


def _count_partition(items: Iterable[Any], fields: Fields) -> LineCounts:
    pages = [as_page(item, n, fields) for n, item in enumerate(items)]
    counts: LineCounts = run_task("count", pages, Settings())
    return counts


def _merge_counts(parts: Iterable[LineCounts]) -> LineCounts:
    total = LineCounts()
    for part in parts:
        total += part
    return total


def learn_profiles(pages: Any, *, min_pages: int = MIN_PAGES, min_share: float = MIN_SHARE,
                   fields: Fields = DEFAULT_FIELDS, scheduler: Any = None) -> SiteProfiles:
    """Site profiles from a bag of pages or a dataframe (its rows as dicts with ``fields``' names),
    counted per partition and merged by a tree reduction."""
    require("dask", extra="dask")
    bag = pages.to_bag(index=False, format="dict") if hasattr(pages, "to_bag") else pages
    total = bag.reduction(lambda items: _count_partition(items, fields), _merge_counts)
    counts: LineCounts = total.compute(scheduler=scheduler)
    return counts.profiles(min_pages=min_pages, min_share=min_share)


def _clean_pandas(frame: Any, text: str, url: str | None, id_column: str | None,
                  settings: Settings, columns: list[str]) -> Any:
    pd = require("pandas", extra="dask")
    pages = []
    for index, row in frame.iterrows():
        page_id = str(row[id_column]) if id_column is not None else str(index)
        value = row[text]
        page_url = row[url] if url is not None and isinstance(row[url], str) else None
        if isinstance(value, (str, bytes)):
            pages.append(Page(page_id, value, page_url))
        else:
            pages.append(Page(page_id, None, page_url, error=f"column {text!r} holds {type(value).__name__}"))
    records = [w.data for w in run_task("record", pages, settings)]
    return pd.DataFrame(records, columns=columns, index=frame.index)


def clean_frame(frame: Any, column: str, *, url_column: str | None = None, id_column: str | None = None,
                lang: str | None = None, lines: bool = False, profiles: SiteProfiles | None = None) -> Any:
    """A dataframe of output records, one row per row of ``frame``, from its ``column`` of texts
    or HTML pages (same index; ids from ``id_column``, else the index)."""
    pd = require("pandas", extra="dask")
    columns = [name for name, _ in FIELDS] + ([LINES_FIELD[0]] if lines else [])
    meta = pd.DataFrame({name: pd.Series(dtype="object") for name in columns})
    settings = Settings(lang=lang, lines=lines, profiles=profiles)
    return frame.map_partitions(_clean_pandas, column, url_column, id_column, settings, columns, meta=meta)


class DaskEngine:
    """Chunks cleaned on a Dask cluster: the one at ``scheduler``, a ``client``'s, or a new
    ``LocalCluster`` of ``workers`` single-threaded processes (every core by default)."""

    def __init__(self, settings: Settings, *, scheduler: str | None = None, client: Any = None,
                 workers: int | None = None) -> None:
        distributed = require("distributed", extra="dask")
        self._cluster: Any = None
        self._own_client = client is None
        if client is None:
            if scheduler is None:
                self._cluster = distributed.LocalCluster(
                    n_workers=workers or default_jobs(), threads_per_worker=1, processes=True,
                    dashboard_address=None)
                client = distributed.Client(self._cluster)
            else:
                client = distributed.Client(scheduler)
        self.client = client
        self.workers = max(1, sum(w.get("nthreads", 1) for w in client.scheduler_info()["workers"].values()))
        self._settings = client.scatter(settings, broadcast=True)

    def submit(self, task: str, pages: list[Page]) -> Any:
        return self.client.submit(run_task, task, pages, self._settings, pure=False)

    def close(self) -> None:
        if self._own_client:
            self.client.close()
        if self._cluster is not None:
            self._cluster.close()
