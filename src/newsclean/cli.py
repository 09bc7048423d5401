"""The ``newsclean`` command: ``clean`` prints an article (JSON, text or Markdown), ``explain`` the
fate of each line, ``batch`` cleans a whole crawl and ``learn`` learns its site profiles.

A file may be gzip, bzip2 or xz compressed (known by its first bytes, whatever its name). Exit
status: 0 on success, 1 when the input cannot be read or cleaned (a missing file, binary data such
as a PDF or an image, an input over the size limit; for ``batch``: when any page failed), 2 on
usage errors.

>>> main(["clean", "/no/such/file"])
1
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from newsclean import FAVORS, __version__, clean_article
from newsclean.errors import NewscleanError
from newsclean.formats import as_markdown, as_text, write_json
from newsclean.inputs import MAX_INPUT_CHARS, read_input
from newsclean.profiles import SiteProfiles


def _read(path: str) -> str:
    # Read through the input layer, not whole: a 10 GB file (or a gzip bomb) stops at the limit.
    if path == "-":
        return read_input(sys.stdin.buffer, max_chars=MAX_INPUT_CHARS)
    with Path(path).open("rb") as file:
        return read_input(file, max_chars=MAX_INPUT_CHARS)


def _parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(prog="newsclean", description="Clean a scraped news article.")
    ap.add_argument("--version", action="version", version=f"newsclean {__version__}")
    ap.add_argument("--debug", action="store_true", help="show a traceback on errors")
    sub = ap.add_subparsers(dest="command", required=True, metavar="COMMAND")
    clean = sub.add_parser("clean", help="print the article as JSON")
    explain = sub.add_parser("explain", help="print one row per line: index, label, stage, reason, text")
    for command in (clean, explain):
        command.add_argument("file", help="a text or HTML file (or .gz, .bz2, .xz), or - for standard input")
        command.add_argument("--lang", help="ISO 639-1 language code (detected when omitted)")
        command.add_argument("--favor", choices=FAVORS, default="balanced",
                             help="keep out more of what may not be the article (precision) or keep in"
                                  " more of what may be (recall); default balanced")
        command.add_argument("--learned", action="store_true",
                             help="on HTML, let the learned line model decide the content too"
                                  " (see docs/evaluation-model.md)")
    clean.add_argument("--no-lines", action="store_true", help="leave the per-line trail out")
    clean.add_argument("--indent", type=int, default=1, help="JSON indent (default 1)")
    clean.add_argument("--format", choices=["json", "txt", "markdown"], default="json",
                       help="json (default), txt (headline, subheadlines and body) or markdown")
    clean.add_argument("--profile", metavar="FILE", help="site profiles (from `newsclean learn`)")
    clean.add_argument("--url", help="the page's URL: picks its site's profile")
    explain.add_argument("--width", type=int, default=70, help="characters of text shown per row")
    explain.add_argument("--blank", action="store_true", help="show blank lines too")
    explain.add_argument("--profile", metavar="FILE", help="site profiles (from `newsclean learn`)")
    explain.add_argument("--url", help="the page's URL: picks its site's profile")
    from newsclean.batch.cli import add_commands

    add_commands(sub)
    return ap


def main(argv: Sequence[str] | None = None) -> int:
    ap = _parser()
    args = ap.parse_args(argv)
    if args.command in ("batch", "learn"):
        from newsclean.batch.cli import run_command

        return run_command(args)
    if args.profile and not args.url:
        ap.error("--profile needs --url: the page's site picks its profile")
    try:
        data = _read(args.file)
        profile = SiteProfiles.load(args.profile).for_url(args.url) if args.profile else None
        article = clean_article(data, lang=args.lang, favor=args.favor, profile=profile,
                                learned=args.learned)
    except (OSError, NewscleanError, UnicodeError, ValueError) as error:
        if args.debug:
            raise
        reason = error.strerror if isinstance(error, OSError) and error.strerror else str(error)
        print(f"newsclean: {args.file}: {reason}", file=sys.stderr)
        return 1
    try:
        if args.command == "clean" and args.format != "json":
            show = as_text if args.format == "txt" else as_markdown
            sys.stdout.write(show(article) + "\n")
        elif args.command == "clean":
            # Written a batch of lines at a time: a page of a million lines is never held twice.
            write_json(article, sys.stdout, indent=args.indent, lines=not args.no_lines)
            sys.stdout.write("\n")
        else:
            for row in article.explain_rows(width=args.width, blank=args.blank):
                sys.stdout.write(row + "\n")
        sys.stdout.flush()
    except BrokenPipeError:
        # `newsclean explain page.txt | head` is normal use, not an error.
        sys.stderr.close()
        return 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
