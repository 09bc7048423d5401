"""Every input file of the shared corpus is text: none is refused as NotText, compressed pages open,
and the bytes read as the text the scorer cleans. Skipped when ``../shared`` is absent.

The unit is the input layer (``read_input``, what ``clean_article(bytes)`` and the command line
call first): the stages after it see the same text as before, so scores cannot move through it.
"""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from newsclean import NotText
from newsclean.inputs import read_input

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"
SETS = ["ar", "bench/scrapinghub", "bench/trafilatura", "bench/wcxb-dev"]
INPUTS = ("input.txt", "input.html", "input.html.gz")


@pytest.mark.parametrize("name", SETS)
def test_no_corpus_input_is_refused(name: str) -> None:
    folder = CORPUS / name
    if not folder.is_dir():
        pytest.skip(f"the shared corpus set is absent ({folder})")
    files = sorted(p for p in folder.rglob("input*") if p.name in INPUTS)
    assert files, f"no input files under {folder}"
    refused, changed = [], []
    for path in files:
        data = path.read_bytes()
        try:
            text = read_input(data)
        except NotText as error:
            refused.append(f"{path.relative_to(CORPUS)}: {error}")
            continue
        plain = gzip.decompress(data) if path.name.endswith(".gz") else data
        try:
            expected = plain.decode("utf-8")
        except UnicodeDecodeError:
            continue  # a legacy encoding: its reading is charset detection's, as before
        if text != expected.removeprefix("\ufeff"):
            changed.append(str(path.relative_to(CORPUS)))
    assert refused == [], f"{len(refused)} of {len(files)} inputs refused"
    assert changed == [], f"{len(changed)} of {len(files)} UTF-8 inputs read differently"
