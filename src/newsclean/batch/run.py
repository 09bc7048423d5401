"""Cleaning many pages: in this process, on a pool of processes, or on a Dask cluster, in order.

Pages go to the workers in chunks, and at most a few chunks per worker are out at once: memory
holds a bounded window of the input, whatever its size, and results come back in input order.
Each worker builds its pipeline once; settings (the language, the site profiles) reach it once
too, not with every chunk.

>>> results = list(clean_many(["Storm hits coast\\nThe storm reached the coast on Monday, officials said.",
...                            {"id": "b", "url": "https://example.com/b", "text": "Short note."},
...                            42], jobs=1))
>>> [(r.id, r.ok) for r in results]
[('0', True), ('b', True), ('2', False)]
>>> results[0].article.headline, results[2].error
('Storm hits coast', 'TypeError: clean_article() takes str or bytes, not int')
"""

from __future__ import annotations

import json
import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Mapping
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from typing import Any, Protocol

from newsclean.article import Article
from newsclean.batch.page import Page
from newsclean.batch.record import article_record, failed_record
from newsclean.batch.sources import DEFAULT_FIELDS, Fields, page_of
from newsclean.profiles import LineCounts, SiteProfiles, page_keys, site_of

#: A chunk closes at this many pages or this many characters of content, whichever comes first.
CHUNK_PAGES = 16
CHUNK_CHARS = 4_000_000
#: Chunks out at once per worker: enough to keep every worker busy, few enough to bound memory.
AHEAD_PER_WORKER = 3


@dataclass(frozen=True)
class Settings:
    """What every worker needs to clean a page the same way."""

    lang: str | None = None
    lines: bool = False
    profiles: SiteProfiles | None = None


@dataclass(frozen=True, slots=True)
class Cleaned:
    """One page's result: its id and URL, and the article, or the error that stopped it."""

    id: str
    url: str | None
    article: Article | None
    error: str | None = None

    @property
    def ok(self) -> bool:
        return self.error is None

    def record(self, *, lines: bool = False) -> dict[str, Any]:
        """The page's output record (see :mod:`newsclean.batch.record`)."""
        if self.article is None:
            return failed_record(self.id, self.url, self.error or "not cleaned", lines=lines)
        return article_record(self.id, self.url, self.article, lines=lines)


@dataclass(frozen=True, slots=True)
class Written:
    """A page's output as a worker hands it back: the JSON line or the record, and what to tally."""

    data: bytes | dict[str, Any]
    failed: bool
    labels: dict[str, int]


def clean_page(page: Page, settings: Settings) -> Cleaned:
    """Clean one page, catching what goes wrong into ``error`` (the run goes on)."""
    from newsclean.clean import clean_article

    if page.content is None:
        return Cleaned(page.id, page.url, None, page.error or "no content")
    profile = settings.profiles.for_url(page.url) if settings.profiles is not None else None
    try:
        article = clean_article(page.content, lang=settings.lang, profile=profile)
    except Exception as error:  # noqa: BLE001  (one bad page must not stop a crawl: it is written with its error)
        return Cleaned(page.id, page.url, None, f"{type(error).__name__}: {error}")
    return Cleaned(page.id, page.url, article)


def _written(cleaned: Cleaned, settings: Settings, as_json: bool) -> Written:
    record = cleaned.record(lines=settings.lines)
    data: bytes | dict[str, Any] = record
    if as_json:
        data = (json.dumps(record, ensure_ascii=False, separators=(",", ":")) + "\n").encode("utf-8")
    return Written(data, not cleaned.ok, record["labels"])


# What a worker can be asked to do with a chunk. Named, so a task pickles as a string.
def _task_clean(pages: list[Page], settings: Settings) -> list[Cleaned]:
    return [clean_page(p, settings) for p in pages]


def _task_json(pages: list[Page], settings: Settings) -> list[Written]:
    return [_written(clean_page(p, settings), settings, True) for p in pages]


def _task_record(pages: list[Page], settings: Settings) -> list[Written]:
    return [_written(clean_page(p, settings), settings, False) for p in pages]


def _task_count(pages: list[Page], settings: Settings) -> LineCounts:
    counts = LineCounts()
    for page in pages:
        if page.content is None:
            continue
        if site_of(page.url) is None:
            counts.unsited += 1
            continue
        try:
            keys = page_keys(page.content)
        except Exception:  # noqa: BLE001  (a page that cannot be read teaches nothing; cleaning reports it)
            continue
        counts.add(page.url, keys)
    return counts


TASKS: dict[str, Callable[[list[Page], Settings], Any]] = {
    "clean": _task_clean, "json": _task_json, "record": _task_record, "count": _task_count,
}

_WORKER_SETTINGS = Settings()


def _init_worker(settings: Settings) -> None:
    global _WORKER_SETTINGS
    _WORKER_SETTINGS = settings


def _run_in_worker(task: str, pages: list[Page]) -> Any:
    return TASKS[task](pages, _WORKER_SETTINGS)


def run_task(task: str, pages: list[Page], settings: Settings) -> Any:
    """Run a named task on a chunk with the given settings (what a Dask worker calls)."""
    return TASKS[task](pages, settings)


class Engine(Protocol):
    """Where chunks are cleaned: ``submit`` returns something with ``result()``."""

    workers: int

    def submit(self, task: str, pages: list[Page]) -> Any: ...

    def close(self) -> None: ...


class _Done:
    """A result computed at once (one job: no pool, no pickling)."""

    def __init__(self, value: Any) -> None:
        self.value = value

    def result(self) -> Any:
        return self.value


class InProcess:
    """One job: every chunk runs here, as it is asked for."""

    workers = 1

    def __init__(self, settings: Settings) -> None:
        self.settings = settings

    def submit(self, task: str, pages: list[Page]) -> _Done:
        return _Done(run_task(task, pages, self.settings))

    def close(self) -> None:
        pass


class ProcessPool:
    """``jobs`` worker processes, started from a fork server that has newsclean loaded (safe in a
    threaded program, and each worker starts in milliseconds)."""

    def __init__(self, settings: Settings, jobs: int) -> None:
        self.workers = jobs
        method = "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else "spawn"
        context = multiprocessing.get_context(method)
        if method == "forkserver":
            context.set_forkserver_preload(["newsclean.batch.warm"])
        self._pool = ProcessPoolExecutor(jobs, mp_context=context, initializer=_init_worker,
                                         initargs=(settings,))

    def submit(self, task: str, pages: list[Page]) -> Any:
        return self._pool.submit(_run_in_worker, task, pages)

    def close(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)


def default_jobs() -> int:
    """Every core this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def local_engine(settings: Settings, jobs: int | None) -> Engine:
    jobs = default_jobs() if jobs is None else jobs
    if jobs < 1:
        raise ValueError(f"jobs must be at least 1, not {jobs}")
    return InProcess(settings) if jobs == 1 else ProcessPool(settings, jobs)


def chunks(pages: Iterable[Page], *, size: int = CHUNK_PAGES,
           chars: int = CHUNK_CHARS) -> Iterator[list[Page]]:
    """Pages grouped in order, ``size`` at most and about ``chars`` characters of content at most."""
    chunk: list[Page] = []
    held = 0
    for page in pages:
        chunk.append(page)
        held += len(page.content) if page.content is not None else 0
        if len(chunk) >= size or held >= chars:
            yield chunk
            chunk, held = [], 0
    if chunk:
        yield chunk


def run_ordered(engine: Engine, task: str, pages: Iterable[Page]) -> Iterator[Any]:
    """Each chunk's result, in input order, with at most a few chunks per worker out at once."""
    ahead = AHEAD_PER_WORKER * engine.workers
    pending: deque[Any] = deque()
    for chunk in chunks(pages):
        pending.append(engine.submit(task, chunk))
        if len(pending) >= ahead:
            yield pending.popleft().result()
    while pending:
        yield pending.popleft().result()


def as_page(item: Any, number: int, fields: Fields = DEFAULT_FIELDS) -> Page:
    """A :class:`Page` from what :func:`clean_many` accepts: a text, bytes, a dict or a Page."""
    if isinstance(item, Page):
        return item
    if isinstance(item, (str, bytes)):
        return Page(str(number), item)
    if isinstance(item, Mapping):
        return page_of(item, fields, default_id=str(number))
    kind = type(item).__name__
    return Page(str(number), None, error=f"TypeError: clean_article() takes str or bytes, not {kind}")


def clean_many(items: Iterable[Any], *, jobs: int | None = None, lang: str | None = None,
               profiles: SiteProfiles | None = None, fields: Fields = DEFAULT_FIELDS,
               engine: Engine | None = None) -> Iterator[Cleaned]:
    """Clean many pages on ``jobs`` processes (every core by default), yielding a
    :class:`Cleaned` per item in input order.

    Items are texts, bytes, dicts (``{"id", "url", "text" or "html"}``; other names with
    ``fields``) or :class:`~newsclean.batch.page.Page` records. An item that fails yields a
    result with its ``error``, and the rest go on. ``profiles`` gives each page the profile of
    its URL's site. ``engine`` runs the chunks elsewhere (see :mod:`newsclean.dask`).

    With ``jobs`` above 1 the workers are processes started by multiprocessing's fork server,
    which imports the calling script again (as ``__mp_main__``): as in any multiprocessing
    program, a script must keep its work under ``if __name__ == "__main__":``.
    """
    settings = Settings(lang=lang, profiles=profiles)
    own = engine is None
    runner = local_engine(settings, jobs) if engine is None else engine
    try:
        pages = (as_page(item, n, fields) for n, item in enumerate(items))
        for done in run_ordered(runner, "clean", pages):
            yield from done
    finally:
        if own:
            runner.close()
