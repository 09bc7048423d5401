"""An article as plain text or Markdown, for reading rather than for programs (``clean --format``).

>>> from newsclean import clean_article
>>> article = clean_article("Storm hits coast\\nThe storm reached the coast on Monday, officials said.")
>>> print(as_text(article))
Storm hits coast
<BLANKLINE>
The storm reached the coast on Monday, officials said.
>>> print(as_markdown(article))
# Storm hits coast
<BLANKLINE>
The storm reached the coast on Monday, officials said.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator, Sequence
from json.encoder import encode_basestring
from typing import TextIO

from newsclean.article import Article, LineRecord, LineRecords

# What opens a Markdown block when it starts a line: a heading, a quote, a list item, a rule.
_BLOCK_START = re.compile(r"^(\s*)([#>*+\-=|]|\d{1,9}[.)])")


def _escape(text: str) -> str:
    """Keep a paragraph a paragraph: a leading ``#``, ``-`` or ``1.`` is escaped, and so is inline markup.

    >>> _escape("1. Not a list, *not* bold")
    '1\\\\. Not a list, \\\\*not\\\\* bold'
    """
    text = re.sub(r"([\\`*_\[\]<])", r"\\\1", text)
    return _BLOCK_START.sub(lambda m: m.group(1) + m.group(2)[:-1] + "\\" + m.group(2)[-1], text, count=1)


def as_text(article: Article) -> str:
    """The headline, the subheadlines, then the body, a paragraph per line."""
    head = [x for x in (article.headline, *article.subheadlines) if x]
    parts = ["\n".join(head)] if head else []
    if article.body:
        parts.append("\n".join(article.body))
    return "\n\n".join(parts)


def as_markdown(article: Article) -> str:
    """The article as Markdown: ``#`` headline, subheadlines in bold, the byline and date in
    italics, the body's paragraphs, then the comments as a list."""
    blocks: list[str] = []
    if article.headline:
        blocks.append("# " + _escape(article.headline))
    blocks.extend(f"**{_escape(s)}**" for s in article.subheadlines)
    credit = " · ".join(x for x in (article.byline, article.published and article.published.isoformat()) if x)
    if credit:
        blocks.append(f"*{_escape(credit)}*")
    blocks.extend(_escape(p) for p in article.body)
    if article.comments:
        items = []
        for c in article.comments:
            who = " · ".join(x for x in (c.author, c.date and c.date.isoformat()) if x)
            lead = f"**{_escape(who)}**: " if who else ""
            title = f"*{_escape(c.title)}* " if c.title else ""
            items.append("- " + lead + title + _escape(c.text).replace("\n", " "))
        blocks.append("## Comments\n\n" + "\n".join(items))
    return "\n\n".join(blocks)


# The article's fields that are lists of strings: written an item at a time.
_STRING_LISTS = frozenset({"subheadlines", "body", "captions", "promos", "chrome"})
_BATCH = 4096


def write_json(article: Article, out: TextIO, *, indent: int | None = 1, lines: bool = True) -> None:
    """Write ``article.to_dict(lines=lines)`` to ``out`` as ``json.dump(..., ensure_ascii=False,
    indent=indent)`` would, character for character, without building the dict's lists: the body
    and the per-line trail are written a batch of items at a time, so a page of a million lines
    is never held twice.

    >>> import io
    >>> from newsclean import clean_article
    >>> article = clean_article("Storm hits coast\\nThe storm reached the coast on Monday, officials said.")
    >>> out = io.StringIO()
    >>> write_json(article, out)
    >>> out.getvalue() == json.dumps(article.to_dict(), ensure_ascii=False, indent=1)
    True
    """
    newline = "" if indent is None else "\n"
    step = "" if indent is None else " " * indent
    item = ", " if indent is None else ","
    fields = article.to_dict(lines=False)
    skipped = fields.pop("skipped_stages")
    for name in _STRING_LISTS:
        fields[name] = getattr(article, name)  # the tuples themselves, not copies
    if lines:
        fields["lines"] = article.lines
    fields["skipped_stages"] = skipped
    out.write("{")
    for n, (name, value) in enumerate(fields.items()):
        out.write(("" if n == 0 else item) + newline + step + encode_basestring(name) + ": ")
        if name in _STRING_LISTS:
            _write_list(out, (encode_basestring(text) for text in value), 1, newline, step, item)
        elif name == "lines":
            _write_list(out, _records(value, newline, step), 1, newline, step, item)
        else:
            text = json.dumps(value, ensure_ascii=False, indent=indent)
            out.write(text.replace("\n", "\n" + step) if indent is not None else text)
    out.write(newline + "}")


def _write_list(out: TextIO, items: Iterable[str], level: int, newline: str, step: str, item: str) -> None:
    """A JSON array of already encoded ``items`` at nesting ``level``, as ``json.dump`` lays it out."""
    inner = newline + step * (level + 1)
    batch: list[str] = []
    first = True
    for encoded in items:
        batch.append(("[" if first else item) + inner + encoded)
        first = False
        if len(batch) == _BATCH:
            out.write("".join(batch))
            batch.clear()
    if first:
        out.write("[]")
        return
    out.write("".join(batch) + newline + step * level + "]")


def _records(lines: Sequence[LineRecord], newline: str, step: str) -> Iterator[str]:
    """Each line's record, encoded as ``json.dump`` encodes the dict at nesting level 2."""
    inner = newline + step * 3
    close = newline + step * 2 + "}"
    sep = "," if newline else ", "
    # A page holds a few kinds of verdict: each kind's part of a record is encoded once.
    tails: dict[tuple[str, str, str, str], str] = {}
    rows = lines.rows() if isinstance(lines, LineRecords) else (
        (r.index, r.text, (r.label, r.stage, r.reason, r.detail)) for r in lines)
    for index, text, verdict in rows:
        tail = tails.get(verdict)
        if tail is None:
            tail = tails[verdict] = "".join(
                sep + inner + encode_basestring(name) + ": " + encode_basestring(value)
                for name, value in zip(("label", "stage", "reason", "detail"), verdict, strict=True)) + close
        yield f'{{{inner}"index": {index}{sep}{inner}"text": {encode_basestring(text)}{tail}'
