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

import re

from newsclean.article import Article

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
