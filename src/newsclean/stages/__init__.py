"""The built-in stages. Importing this package registers them."""

from newsclean.stages import (  # noqa: F401
    byline,
    captions,
    chrome,
    comments,
    dateline,
    headline,
    html_hints,
    inline,
    kind,
    promos,
    published,
    region,
    remainder,
    site_profile,
)
