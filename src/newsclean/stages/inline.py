"""Links, figures, rules and dates that stand between two of the article's paragraphs are the
article's own: a source's address, a line of figures, a rule between its parts, the date of a
part or an update. (A time of day alone between two paragraphs stamps a live blog's entry: it
stays chrome.)

The chrome stage labels such lines by their shape alone, wherever they stand, so that the region
stage reads them as page furniture; once the region is known, those with a body line on either
side (blank lines aside) are given back to the body, as the HTML path keeps them inside a
page's main text. Calls to act and site labels (promos, footers, share rows) stay where they are.

>>> from newsclean import clean_article
>>> story = ["The storm reached the coast on Monday, officials said, and more rain is expected.",
...          "Emergency crews worked through the night to clear roads and restore power to homes.",
...          "Schools in the worst-hit districts will stay closed until Wednesday, the ministry said."]
>>> page = ["Storm hits coast", *story[:2], "https://example.org/report", *story]
>>> article = clean_article("\\n".join(page))
>>> article.lines[3].label, article.lines[3].reason
('body', 'inline-link')
"""

from __future__ import annotations

from newsclean.dates import parse_date
from newsclean.document import Document
from newsclean.registry import stage

#: The chrome reasons given back to the body inside the article, and the reason they get.
INLINE = {"url": "inline-link", "counter": "inline-figures", "separator": "inline-rule",
          "timestamp": "inline-date"}


@stage("inline")
class Inline:
    """Give the article's links, figures, rules and dates between two body lines to the body."""

    def __call__(self, doc: Document) -> None:
        region = doc.meta.get("region")
        if region is None:
            return
        kinds, ids = doc.kinds(), doc.verdict_ids
        shaped = doc.kinds_where(lambda v: v is not None and v.label == "chrome" and v.stage == "chrome"
                                 and v.reason in INLINE)
        body = doc.kinds_where(lambda v: v is not None and v.label == "body")
        blank = doc.blank_kinds()
        first, last = region
        for i in range(first + 1, last):
            if ids[i] not in shaped:
                continue
            before = next((ids[j] for j in range(i - 1, first - 1, -1) if ids[j] not in blank), None)
            after = next((ids[j] for j in range(i + 1, last + 1) if ids[j] not in blank), None)
            reason = kinds[ids[i]].reason  # type: ignore[union-attr]
            if reason == "timestamp" and parse_date(doc.text_of(i)) is None:
                continue  # a time of day: a live blog's entry, or the page's clock
            if before in body and after in body:
                doc.label(i, "body", INLINE[reason], f"a {reason} line between two of the article's lines")
