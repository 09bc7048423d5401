"""Cleaning a whole crawl: read pages from folders, JSON lines, WARC and WET files, clean them on
every core (or a Dask cluster), and write one record per page as JSON lines or Parquet.

The command is ``newsclean batch`` (see docs/batch.md); from Python, :func:`clean_many`.
"""

from newsclean.batch.page import Page
from newsclean.batch.record import FIELDS, article_record, failed_record
from newsclean.batch.run import Cleaned, Settings, clean_many
from newsclean.batch.sources import Fields, read_inputs

__all__ = [
    "FIELDS", "Cleaned", "Fields", "Page", "Settings", "article_record", "clean_many", "failed_record",
    "read_inputs",
]
