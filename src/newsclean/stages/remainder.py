"""The last word on every line no stage claimed: body inside the article region, chrome outside.

Without a region (a pipeline with the region stage removed), every open line is body, so a
custom pipeline never loses text. A region that a stage set to ``None`` (the page was found to
hold no content at all) makes every open line chrome.

>>> from newsclean.document import Document
>>> doc = Document.from_text("Menu\\nA paragraph.\\nFooter")
>>> doc.meta["region"] = (1, 1)
>>> Remainder()(doc)
>>> [line.reason for line in doc.lines]
['before-article', 'inside-article', 'after-article']
"""

from __future__ import annotations

from newsclean.document import Document
from newsclean.registry import stage


@stage("remainder")
class Remainder:
    def __call__(self, doc: Document) -> None:
        found = "region" in doc.meta
        region = doc.meta.get("region")
        for line in doc.lines:
            if not line.is_open:
                continue
            if region is None and found:
                doc.label(line.index, "chrome", "no-content", "the page holds no content")
            elif region is None:
                doc.label(line.index, "body", "no-region", "no article region was found; kept as body")
            elif line.index < region[0]:
                doc.label(line.index, "chrome", "before-article", "above the article region")
            elif line.index > region[1]:
                doc.label(line.index, "chrome", "after-article", "below the article region")
            else:
                doc.label(line.index, "body", "inside-article", "inside the article region")
