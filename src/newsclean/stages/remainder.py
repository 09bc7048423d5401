"""The last word on every line no stage claimed: body inside the article region, chrome outside.

Without a region (a pipeline with the region stage removed), every open line is body, so a
custom pipeline never loses text.
"""

from __future__ import annotations

from newsclean.document import Document
from newsclean.registry import stage


@stage("remainder")
class Remainder:
    def __call__(self, doc: Document) -> None:
        region = doc.meta.get("region")
        for i in doc.open_indices():
            if region is None:
                doc.label(i, "body", "no-region", "no article region was found; kept as body")
            elif i < region[0]:
                doc.label(i, "chrome", "before-article", "above the article region")
            elif i > region[1]:
                doc.label(i, "chrome", "after-article", "below the article region")
            else:
                doc.label(i, "body", "inside-article", "inside the article region")
