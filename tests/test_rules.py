"""A rule family scanned over a whole page decides every line as matching it line by line does."""

from __future__ import annotations

import pytest

from newsclean.document import Document
from newsclean.rules import Rule, RuleFamily

FAMILY = RuleFamily([
    Rule("footer", r"all rights reserved", 15, ("reserved",)),
    Rule("counter", r"^\d+ (?:views|shares)$", 3),
    Rule("separator", r"^[-=*]{3,}$|^\d+ views", 2),
    Rule("url", r"^https?://\S+$", 3),
], name="test")

PAGE = [
    "All rights reserved 2024",
    "12 views",              # counter and separator both match: the first rule in order wins
    "12 views and counting",  # only separator's second branch: but 4 words, over its limit
    "-----",
    "https://example.com",
    "https://example.com is where it was first posted",  # too many words for url
    "The story was viewed 12 views later, all rights reserved by the family, she said on Monday.",
    "",
    "hello",
]


@pytest.mark.parametrize("limit", [None, 2])
def test_a_scan_finds_what_matching_each_line_finds(limit: int | None) -> None:
    doc = Document.from_text("\n".join(PAGE))
    found = FAMILY.scan(doc.key_table(), doc.words, doc.verdict_ids, limit=limit)
    expected = {}
    for i in range(doc.size):
        words = doc.words[i] if limit is None or doc.words[i] <= limit else 10**6
        reason = None if doc.verdict_ids[i] else FAMILY.match(doc.key_of(i), words)
        if reason is not None:
            expected[i] = reason
    assert found == expected
    if limit is None:
        assert found == {0: "footer", 1: "counter", 3: "separator", 4: "url"}


def test_rules_with_their_own_flags_are_not_joined_but_still_scanned() -> None:
    family = RuleFamily([Rule("a", r"(?i)^HOME$", 2), Rule("b", r"^menu$", 2)], name="flags")
    doc = Document.from_text("Home\nmenu\nnews")
    assert family.scan(doc.key_table(), doc.words) == {0: "a", 1: "b"}
