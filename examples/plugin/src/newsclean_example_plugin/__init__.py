"""An example newsclean plugin: one stage, registered by name and shipped through an entry point.

Lines written all in capitals (``BREAKING NEWS``, ``ADVERTISEMENT``) are page furniture, not
the article; the stage puts the ones no earlier stage claimed in chrome, reason ``shouting``.

>>> from newsclean import Document
>>> doc = Document.from_text("BREAKING NEWS\\nThe storm reached the coast on Monday.")
>>> Shouting()(doc)
>>> [(line.label, line.reason) for line in doc.lines]
[('chrome', 'shouting'), (None, None)]
"""

from __future__ import annotations

import newsclean
from newsclean import Document

__all__ = ["Shouting"]


@newsclean.stage("example-shouting")
class Shouting:
    """Label open lines written in capitals as chrome (reason ``shouting``).

    ``min_letters``: a line needs at least this many letters, so "UK" or "AFP" alone stay open.
    """

    def __init__(self, *, min_letters: int = 4) -> None:
        self.min_letters = min_letters

    def __call__(self, doc: Document) -> None:
        for line in doc.open_lines():
            letters = sum(char.isalpha() for char in line.text)
            if letters >= self.min_letters and line.text.isupper():
                doc.label(line.index, "chrome", "shouting", "written in capitals")
