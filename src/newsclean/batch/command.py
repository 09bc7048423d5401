"""``newsclean batch``: read a crawl, clean every page, write one record per page, and say how it went.

:func:`run_batch` does the work the command line asks for and returns a :class:`Summary`; the
CLI prints it on stderr and exits 1 when any page failed.
"""

from __future__ import annotations

import itertools
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from newsclean.batch.output import JsonlOutput, ParquetOutput
from newsclean.batch.page import Page
from newsclean.batch.run import Engine, Settings, Written, local_engine, run_ordered
from newsclean.batch.sources import DEFAULT_FIELDS, Fields, read_inputs
from newsclean.profiles import MIN_PAGES, MIN_SHARE, LineCounts, SiteProfiles

Format = Literal["jsonl", "parquet"]
EngineName = Literal["local", "dask"]


@dataclass
class Summary:
    """What a run did: pages written (and failed), time, lines per label, what was passed over."""

    pages: int = 0
    errors: int = 0
    seconds: float = 0.0
    resumed: int = 0
    labels: Counter[str] = field(default_factory=Counter)
    skipped: Counter[str] = field(default_factory=Counter)
    sites_profiled: int | None = None

    def lines(self) -> list[str]:
        rate = self.pages / self.seconds if self.seconds > 0 else 0.0
        out = [f"newsclean batch: {self.pages:,} pages, {self.errors:,} errors, {self.seconds:.1f} s "
               f"({rate:,.1f} pages/s)"]
        if self.resumed:
            out.append(f"  resumed after {self.resumed:,} pages already written")
        if self.sites_profiled is not None:
            out.append(f"  site profiles for {self.sites_profiled:,} sites")
        if self.labels:
            out.append("  lines: " + ", ".join(f"{label} {n:,}" for label, n in self.labels.most_common()))
        for what, n in sorted(self.skipped.items()):
            out.append(f"  skipped: {n:,} {what}")
        return out


class Progress:
    """A progress bar on stderr (tqdm) when stderr is a terminal; nothing when it is not."""

    def __init__(self, show: bool | None, desc: str) -> None:
        self._bar: Any = None
        if show is None:
            show = sys.stderr.isatty()
        if not show:
            return
        try:
            from tqdm import tqdm
        except ImportError:
            print("newsclean: pip install 'newsclean[progress]' for a progress bar", file=sys.stderr)
            return
        self._bar = tqdm(desc=desc, unit=" pages", file=sys.stderr, dynamic_ncols=True, smoothing=0.1)

    def update(self, pages: int, errors: int) -> None:
        if self._bar is not None:
            self._bar.set_postfix_str(f"errors={errors}", refresh=False)
            self._bar.update(pages)

    def close(self) -> None:
        if self._bar is not None:
            self._bar.close()


def make_engine(name: EngineName, settings: Settings, jobs: int | None, scheduler: str | None) -> Engine:
    if name == "dask":
        from newsclean.dask import DaskEngine

        return DaskEngine(settings, scheduler=scheduler, workers=jobs)
    return local_engine(settings, jobs)


def learn(pages: Callable[[], Iterator[Page]], engine: Engine, *, min_pages: int = MIN_PAGES,
          min_share: float = MIN_SHARE, progress: bool | None = None) -> SiteProfiles:
    """The first pass of ``--learn`` and of ``newsclean learn``: count keys per site, then keep
    the boilerplate. Says on stderr how many pages had no URL to tell their site."""
    counts = LineCounts()
    bar = Progress(progress, "learning")
    try:
        for partial in run_ordered(engine, "count", pages()):
            bar.update(sum(partial.pages.values()), 0)
            counts += partial
    finally:
        bar.close()
    if counts.unsited:
        print(f"newsclean: {counts.unsited:,} pages have no URL with a host name and teach no site profile "
              "(JSON lines: --url-field; WARC files carry their URLs)", file=sys.stderr)
    return counts.profiles(min_pages=min_pages, min_share=min_share)


def run_batch(inputs: Sequence[str | Path], output: str, *, fmt: Format = "jsonl", jobs: int | None = None,
              resume: bool = False, lines: bool = False, lang: str | None = None,
              fields: Fields = DEFAULT_FIELDS,
              profiles: SiteProfiles | None = None, learn_first: bool = False,
              min_pages: int = MIN_PAGES, min_share: float = MIN_SHARE, engine: EngineName = "local",
              scheduler: str | None = None, progress: bool | None = None) -> Summary:
    """Clean every page of ``inputs`` into ``output``; see ``newsclean batch --help``."""
    summary = Summary()
    start = time.perf_counter()

    def pages() -> Iterator[Page]:
        return read_inputs(inputs, fields, summary.skipped)

    if learn_first:
        first = make_engine(engine, Settings(), jobs, scheduler)
        try:
            profiles = learn(pages, first, min_pages=min_pages, min_share=min_share, progress=progress)
        finally:
            first.close()
        summary.skipped.clear()  # the second pass counts them again
    if profiles is not None:
        summary.sites_profiled = len(profiles)
    out: JsonlOutput | ParquetOutput
    if fmt == "parquet":
        out = ParquetOutput(output, lines=lines, resume=resume)
    else:
        out = JsonlOutput(output, resume=resume)
    summary.resumed = out.done
    settings = Settings(lang=lang, lines=lines, profiles=profiles)
    runner = make_engine(engine, settings, jobs, scheduler)
    bar = Progress(progress, "cleaning")
    task = "record" if fmt == "parquet" else "json"
    try:
        todo = itertools.islice(pages(), out.done, None)
        for done in run_ordered(runner, task, todo):
            errors = 0
            for written in done:
                assert isinstance(written, Written)
                out.write(written.data)
                summary.labels.update(written.labels)
                errors += written.failed
            summary.pages += len(done)
            summary.errors += errors
            bar.update(len(done), summary.errors)
    finally:
        bar.close()
        runner.close()
        out.close()
    summary.seconds = time.perf_counter() - start
    return summary
