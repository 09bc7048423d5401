"""The Scrapy item pipeline in ``examples/scrapy``, run with Scrapy's own classes."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from newsclean import SiteProfile, SiteProfiles, clean_article

scrapy = pytest.importorskip("scrapy")
from scrapy.exceptions import DropItem  # noqa: E402
from scrapy.http import HtmlResponse  # noqa: E402
from scrapy.utils.test import get_crawler  # noqa: E402

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "scrapy" / "newsclean_pipeline.py"
PAGE = (
    "<html><head><title>Storm hits coast - Daily News</title></head><body><nav>Home World Sport</nav>"
    "<article><h1>Storm hits coast</h1><p>The storm reached the coast on Monday, officials said, and "
    "thousands of homes lost power as the wind brought down lines across the region.</p>"
    "<p>Download the Daily News app for every story</p></article></body></html>"
)


def example() -> ModuleType:
    spec = importlib.util.spec_from_file_location("newsclean_pipeline", EXAMPLE)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class Page(scrapy.Item):  # type: ignore[misc]
    url = scrapy.Field()
    html = scrapy.Field()
    article = scrapy.Field()


class NewsSpider(scrapy.Spider):  # type: ignore[misc]
    name = "news"

    def parse(self, response: Any) -> Any:
        yield Page(url=response.url, html=response.text)


def test_the_pipeline_cleans_items_from_a_response(tmp_path: Path) -> None:
    profiles = SiteProfiles([SiteProfile("news.example", 5, {"home world sport": 5})])
    profiles.save(tmp_path / "profiles.json")
    crawler = get_crawler(NewsSpider, {"NEWSCLEAN_PROFILES": str(tmp_path / "profiles.json")})
    pipeline = example().NewscleanPipeline.from_crawler(crawler)
    response = HtmlResponse(url="https://www.news.example/storm", body=PAGE.encode(), encoding="utf-8")
    (item,) = list(NewsSpider().parse(response))
    out = pipeline.process_item(item, crawler.spider)
    record = out["article"]
    article = clean_article(PAGE, profile=profiles["news.example"])
    assert record["headline"] == article.headline == "Storm hits coast"
    assert record["text"] == article.text and "homes lost power" in record["text"]
    assert record["url"] == "https://www.news.example/storm"
    assert record["reasons"].get("site-repeated") == 1  # the menu, known from the profile


def test_dict_items_failures_and_missing_pages() -> None:
    pipeline = example().NewscleanPipeline.from_crawler(
        get_crawler(NewsSpider, {"NEWSCLEAN_OUTPUT_FIELD": "clean"})
    )
    item = pipeline.process_item({"url": "https://a.example/", "html": "x" * 60_000_001}, None)
    assert item["clean"]["error"].startswith("InputTooLarge") and item["clean"]["text"] == ""
    with pytest.raises(DropItem, match="'html'"):
        pipeline.process_item({"url": "https://a.example/"}, None)
