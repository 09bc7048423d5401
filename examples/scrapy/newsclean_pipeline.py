"""A Scrapy item pipeline that cleans each scraped page with newsclean.

Add it to a project's settings::

    ITEM_PIPELINES = {"newsclean_pipeline.NewscleanPipeline": 300}
    NEWSCLEAN_FIELD = "html"               # the item field holding the page (HTML or text)
    NEWSCLEAN_URL_FIELD = "url"            # the page's URL: picks its site's profile
    NEWSCLEAN_OUTPUT_FIELD = "article"     # where the cleaned record goes
    NEWSCLEAN_PROFILES = "profiles.json"   # optional: site profiles from `newsclean learn`

Each item gets the page's newsclean record (headline, byline, dateline, published, text, promos,
comments, counts per label and reason: docs/batch.md) in ``NEWSCLEAN_OUTPUT_FIELD``; an item
whose page cannot be cleaned gets the record with its ``error`` set, and one without the field
is dropped. A ``scrapy.Item`` must declare the output field.

Cleaning takes a few milliseconds a page (tens for large HTML) on the crawler's own thread; for a
large crawl, store the pages (a JSON-lines feed export, or WARC files) and run ``newsclean batch``
on every core afterwards.
"""

from __future__ import annotations

from typing import Any

from itemadapter import ItemAdapter
from scrapy.exceptions import DropItem

from newsclean import SiteProfiles, clean_article
from newsclean.batch import article_record, failed_record


class NewscleanPipeline:
    def __init__(self, *, field: str = "html", url_field: str = "url", output_field: str = "article",
                 profiles: SiteProfiles | None = None) -> None:
        self.field = field
        self.url_field = url_field
        self.output_field = output_field
        self.profiles = profiles

    @classmethod
    def from_crawler(cls, crawler: Any) -> NewscleanPipeline:
        settings = crawler.settings
        path = settings.get("NEWSCLEAN_PROFILES")
        return cls(field=settings.get("NEWSCLEAN_FIELD", "html"),
                   url_field=settings.get("NEWSCLEAN_URL_FIELD", "url"),
                   output_field=settings.get("NEWSCLEAN_OUTPUT_FIELD", "article"),
                   profiles=SiteProfiles.load(path) if path else None)

    def process_item(self, item: Any, spider: Any = None) -> Any:
        adapter = ItemAdapter(item)
        content = adapter.get(self.field)
        if not isinstance(content, (str, bytes)):
            raise DropItem(f"no page in the item's {self.field!r} field")
        url = adapter.get(self.url_field)
        page_id = str(url or "")
        profile = self.profiles.for_url(url) if self.profiles is not None else None
        try:
            article = clean_article(content, profile=profile)
        except Exception as error:  # noqa: BLE001  (a page that cannot be cleaned keeps its item)
            adapter[self.output_field] = failed_record(page_id, url, f"{type(error).__name__}: {error}")
            return item
        adapter[self.output_field] = article_record(page_id, url, article)
        return item
