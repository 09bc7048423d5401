"""The ``batch`` and ``learn`` subcommands of ``newsclean`` (their arguments and how they report)."""

from __future__ import annotations

import argparse
import sys
import time
from concurrent.futures.process import BrokenProcessPool
from typing import Any

from newsclean.batch.sources import Fields
from newsclean.errors import NewscleanError
from newsclean.profiles import MIN_PAGES, MIN_SHARE, SiteProfiles

INPUTS_HELP = ("files or folders: .txt/.html pages (and .gz), .jsonl JSON lines, .warc/.wet files "
               "(and .gz); folders are read recursively in name order")


def _share(value: str) -> float:
    share = float(value)
    if not 0.0 <= share <= 1.0:
        raise argparse.ArgumentTypeError(f"a share is between 0 and 1, not {value}")
    return share


def _jobs(value: str) -> int:
    jobs = int(value)
    if jobs < 1:
        raise argparse.ArgumentTypeError(f"jobs must be at least 1, not {value}")
    return jobs


def _common(p: argparse.ArgumentParser) -> None:
    p.add_argument("inputs", nargs="+", metavar="INPUT", help=INPUTS_HELP)
    p.add_argument("--jobs", "-j", type=_jobs, help="worker processes (default: every core)")
    p.add_argument("--text-field", default="text", help="JSON lines: the field holding a page's text (text)")
    p.add_argument("--html-field", default="html", help="JSON lines: the field holding its HTML (html)")
    p.add_argument("--url-field", default="url", help="JSON lines: the field holding its URL (url)")
    p.add_argument("--id-field", default="id", help="JSON lines: the field holding its id (id)")
    p.add_argument("--min-pages", type=int, default=MIN_PAGES,
                   help=f"profiles: a site line stands on at least this many pages ({MIN_PAGES})")
    p.add_argument("--min-share", type=_share, default=MIN_SHARE,
                   help=f"profiles: ... and on at least this share of its site's pages ({MIN_SHARE})")
    p.add_argument("--engine", choices=["local", "dask"], default="local",
                   help="local processes (default) or a Dask cluster")
    p.add_argument("--scheduler", metavar="ADDRESS",
                   help="with --engine dask: the scheduler of a running cluster (default: a LocalCluster)")
    bar = p.add_mutually_exclusive_group()
    bar.add_argument("--progress", dest="progress", action="store_true", default=None,
                     help="show a progress bar (default: only when stderr is a terminal)")
    bar.add_argument("--no-progress", dest="progress", action="store_false", help="never show one")


def add_commands(sub: Any) -> None:
    batch = sub.add_parser("batch", help="clean every page of a crawl into JSON lines or Parquet",
                           description="Clean every page of a crawl; one record per page, in input order.")
    _common(batch)
    batch.add_argument("-o", "--output", required=True, metavar="OUT",
                       help="the output file (- for standard output, JSON lines only)")
    batch.add_argument("--format", choices=["jsonl", "parquet"],
                       help="output format (default: parquet when OUT ends in .parquet, else jsonl)")
    batch.add_argument("--lines", action="store_true", help="add each page's per-line trail")
    batch.add_argument("--lang", help="ISO 639-1 language code of every page (detected when omitted)")
    batch.add_argument("--resume", action="store_true",
                       help="continue a killed run: keep OUT's complete records, clean the rest")
    learned = batch.add_mutually_exclusive_group()
    learned.add_argument("--profiles", metavar="FILE", help="site profiles from `newsclean learn`")
    learned.add_argument("--learn", action="store_true",
                         help="learn the site profiles from the inputs first (two passes)")
    learn = sub.add_parser("learn", help="learn site profiles from a crawl into a JSON file",
                           description="Count the lines each site repeats; save its boilerplate lines.")
    _common(learn)
    learn.add_argument("-o", "--output", required=True, metavar="FILE", help="the profiles file to write")


def run_command(args: argparse.Namespace) -> int:
    from newsclean.batch.command import Format, learn, make_engine, run_batch
    from newsclean.batch.run import Settings
    from newsclean.batch.sources import read_inputs

    fields = Fields(text=args.text_field, html=args.html_field, url=args.url_field, id=args.id_field)
    try:
        if args.command == "learn":
            start = time.perf_counter()
            engine = make_engine(args.engine, Settings(), args.jobs, args.scheduler)
            try:
                profiles = learn(lambda: read_inputs(args.inputs, fields), engine, min_pages=args.min_pages,
                                 min_share=args.min_share, progress=args.progress)
            finally:
                engine.close()
            profiles.save(args.output)
            lines = sum(len(p.lines) for p in profiles.values())
            print(f"newsclean learn: {len(profiles):,} sites with boilerplate, {lines:,} lines, "
                  f"{time.perf_counter() - start:.1f} s -> {args.output}", file=sys.stderr)
            return 0
        fmt: Format = args.format or ("parquet" if args.output.endswith(".parquet") else "jsonl")
        given = SiteProfiles.load(args.profiles) if args.profiles else None
        summary = run_batch(args.inputs, args.output, fmt=fmt, jobs=args.jobs, resume=args.resume,
                            lines=args.lines, lang=args.lang, fields=fields, profiles=given,
                            learn_first=args.learn, min_pages=args.min_pages, min_share=args.min_share,
                            engine=args.engine, scheduler=args.scheduler, progress=args.progress)
    except (OSError, NewscleanError, ValueError) as error:
        if args.debug:
            raise
        reason = error.strerror if isinstance(error, OSError) and error.strerror else str(error)
        where = f" {error.filename}:" if isinstance(error, OSError) and error.filename else ""
        print(f"newsclean {args.command}:{where} {reason}", file=sys.stderr)
        return 1
    except BrokenProcessPool:
        if args.debug:
            raise
        print(f"newsclean {args.command}: a worker process died (out of memory?); --resume continues the run",
              file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print(f"newsclean {args.command}: interrupted (--resume continues the run)", file=sys.stderr)
        return 130
    for line in summary.lines():
        print(line, file=sys.stderr)
    return 1 if summary.errors else 0
