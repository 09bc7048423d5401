"""One page of a crawl, as every reader of :mod:`newsclean.batch` yields it.

>>> Page("a", "Hello", url="https://example.com/1").error is None
True
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Page:
    """One page of a crawl: an id, the URL it came from (when known) and its content.

    ``content`` is ``None`` and ``error`` says why when the record could not be read.
    """

    id: str
    content: str | bytes | None
    url: str | None = None
    error: str | None = None
