"""Line measures: the fast counts agree with their plain definitions."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from newsclean.features import _NOT_ALPHA, symbol_count


@given(st.text())
def test_symbol_count_counts_each_symbol_character(text: str) -> None:
    assert symbol_count(text) == sum(text.count(symbol) for symbol in _NOT_ALPHA)
