"""The publication date: the date line nearest the headline, else the first date line on the page.

>>> from newsclean import clean_article
>>> story = "نص الخبر الذي يشرح ما حدث في المدينة أمس بالتفصيل الكامل. " * 3
>>> clean_article("عنوان الخبر هنا اليوم\\nالتاريخ: 03 يونيو 2020\\n" + story).published
datetime.date(2020, 6, 3)
"""

from __future__ import annotations

from newsclean.dates import parse_date
from newsclean.document import Document, Line
from newsclean.registry import stage


@stage("published")
class Published:
    """Set the document's date from its date line; label that line chrome (reason ``date-line``)."""

    def __init__(self, *, max_words: int = 14, scan: int = 400) -> None:
        self.max_words = max_words
        self.scan = scan

    def _dated(self, line: Line) -> bool:
        return line.label in (None, "chrome") and line.words <= self.max_words

    def __call__(self, doc: Document) -> None:
        region = doc.meta.get("region")
        heads = [line.index for line in doc.labelled("headline")]
        anchor = heads[0] if heads else (region[0] if region else 0)
        end = region[0] + 3 if region else anchor + 10
        # Nearest after the headline first, then just before it, then anywhere early on the page.
        near = doc.lines[anchor:end] + doc.lines[max(0, anchor - 5):anchor][::-1]
        for line in near + doc.lines[: self.scan]:
            if not self._dated(line):
                continue
            found = parse_date(line.text)
            if found is not None:
                doc.published = found
                if line.is_open or line.label == "chrome":
                    doc.label(line.index, "chrome", "date-line", f"publication date {found.isoformat()}")
                return
