"""Loaded by the fork server before it starts the workers: what every worker loads on its first
pages (the pipelines, the region and language models, the HTML reader), loaded once and frozen
out of the garbage collector's reach, so that the workers start at once and share those pages
of memory. Stoplists are left to each worker: a crawl needs only its own languages'.
"""

from __future__ import annotations

import gc

from newsclean import clean
from newsclean.features import detect_language

clean._shared_pipeline(learned=False, profiled=False)
clean._shared_pipeline(learned=False, profiled=True)
detect_language("The storm reached the coast on Monday, officials said.")
clean.clean_article("<html><body><h1>Storm</h1><p>The storm reached the coast on Monday, officials "
                    "said, and thousands of homes lost power.</p></body></html>")
# Objects the collector never visits keep their pages untouched, so the workers' copies stay shared.
gc.freeze()
