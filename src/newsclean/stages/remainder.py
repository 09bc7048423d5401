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
        for line in doc.lines:
            if not line.is_open:
                continue
            if region is None:
                doc.label(line.index, "body", "no-region", "no article region was found; kept as body")
            elif line.index < region[0]:
                doc.label(line.index, "chrome", "before-article", "above the article region")
            elif line.index > region[1]:
                doc.label(line.index, "chrome", "after-article", "below the article region")
            else:
                doc.label(line.index, "body", "inside-article", "inside the article region")
