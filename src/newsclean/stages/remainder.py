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
        for i in doc.open_indices():
            if region is None and found:
                doc.label(i, "chrome", "no-content", "the page holds no content")
            elif region is None:
                doc.label(i, "body", "no-region", "no article region was found; kept as body")
            elif i < region[0]:
                doc.label(i, "chrome", "before-article", "above the article region")
            elif i > region[1]:
                doc.label(i, "chrome", "after-article", "below the article region")
            else:
                doc.label(i, "body", "inside-article", "inside the article region")
