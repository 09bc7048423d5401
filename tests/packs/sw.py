"""A small Swahili pack: two calls to act, as a user adding a language would write them.

Patterns are on matching keys (lower case, single spaces; newsclean.normalize.key); the
needles are literals one of which every line a phrase matches holds.
"""

from __future__ import annotations

from newsclean.lang import Pack, Phrase

PACK = Pack(
    code="sw",
    name="Swahili",
    promos=(
        # "Jiandikishe kwa jarida letu": subscribe to our newsletter.
        Phrase("subscribe", r"^jiandikishe\b", ("jiandikishe",)),
        # "Tufuate kwenye Twitter": follow us on ...
        Phrase("follow", r"^tufuate (?:kwenye|katika) ⟨apps⟩", ("tufuate",)),
    ),
)
