"""Adding a language is adding a pack: a pack installed from tests/ makes its phrases fire."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from newsclean import clean_article
from newsclean.lang import Pack, lexicon, packs, register, unregister
from packs import sw

PROSE = [
    "Serikali imetangaza mpango mpya wa kujenga shule mia tatu katika mikoa ya kusini mwaka huu.",
    "Waziri wa elimu alisema kwamba walimu wapya elfu mbili wataajiriwa kabla ya mwezi wa sita.",
    "Wazazi wengi wamepongeza hatua hiyo, wakisema kwamba watoto wao walikuwa wakitembea mbali.",
    "Mpango huo utagharimu shilingi bilioni kumi na utafadhiliwa na serikali pamoja na wafadhili.",
]
PAGE = "\n".join(["Shule mpya kujengwa kusini", *PROSE[:2], "Jiandikishe kwa jarida letu",
                  *PROSE[2:], "Tufuate kwenye Twitter"])


@pytest.fixture
def swahili() -> Iterator[Pack]:
    register(sw.PACK)
    try:
        yield sw.PACK
    finally:
        unregister("sw")


def _parts(text: str) -> dict[str, tuple[str | None, str | None]]:
    article = clean_article(text, lang="sw")
    return {line.text: (line.label, line.reason) for line in article.lines}


def test_without_the_pack_the_calls_read_as_article() -> None:
    assert "sw" not in packs()
    parts = _parts(PAGE)
    assert parts["Jiandikishe kwa jarida letu"][0] == "body"
    assert parts["Tufuate kwenye Twitter"][0] != "promo"


def test_an_installed_pack_makes_its_phrases_fire(swahili: Pack) -> None:
    assert packs()["sw"] is swahili
    assert lexicon("sw").codes == ("sw", "xx", "en")
    parts = _parts(PAGE)
    assert parts["Jiandikishe kwa jarida letu"] == ("promo", "subscribe")
    assert parts["Tufuate kwenye Twitter"] == ("promo", "follow")
    assert all(parts[p] == ("body", parts[p][1]) for p in PROSE)


def test_a_pack_reads_only_pages_of_its_language(swahili: Pack) -> None:
    # An English page's lexicon holds no Swahili pack: its phrases do not fire there.
    assert "sw" not in lexicon("en").codes
    labels = {line.text: line.label for line in clean_article(PAGE, lang="en").lines}
    assert labels["Jiandikishe kwa jarida letu"] == "body"
    assert labels["Tufuate kwenye Twitter"] != "promo"


def test_removing_a_pack_takes_its_phrases_away(swahili: Pack) -> None:
    unregister("sw")
    try:
        assert _parts(PAGE)["Jiandikishe kwa jarida letu"][0] == "body"
    finally:
        register(swahili)


def test_a_second_pack_for_a_language_needs_replace(swahili: Pack) -> None:
    with pytest.raises(ValueError, match="already has a pack"):
        register(Pack(code="sw", name="Swahili again"))
    with pytest.raises(TypeError):
        register("sw")  # type: ignore[arg-type]
