"""How the columns of a document table share a line (pure: ``column_widths``)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from integrationskonzept.document.parts import (
    BREIT,
    KURZ,
    MINDESTENS,
    RAND,
    ZEILE,
    ZEILE_QUER,
    column_widths,
)

# (longest words, typical lengths, line, expected widths)
CASES = [
    ([3, 10, 9], [5, 45, 12], ZEILE, [7, 47, 14]),  # everything fits: as wanted
    # Tabelle 1 of Peine: number and date whole, the text columns share the rest
    ([14, 6, 10, 17], [45, 6, 10, 45], ZEILE, [27, 9, 14, 29]),
    # „etwa 50 %“ is short: it gets its whole text before the long columns get more
    ([14, 4, 10, 11], [42, 9, 10, 45], ZEILE, [28, 11, 14, 26]),
    # the Maßnahmenkatalog (landscape): the words alone overflow; narrow columns keep
    # theirs („Handlungsfeld“, „Dezember“, „Status“), the wide ones share the rest
    ([4, 24, 13, 23, 9, 17, 18, 12], [6, 45, 13, 45, 29, 25, 45, 12], ZEILE_QUER,
     [7, 19, 17, 18, 13, 14, 14, 16]),
]


@pytest.mark.parametrize(("needs", "wants", "line", "expected"), CASES)
def test_column_widths(needs: list[int], wants: list[int], line: int,
                       expected: list[int]) -> None:
    assert column_widths(needs, wants, line) == expected


def _low(need: int) -> int:
    return int(need * BREIT + 0.999) + RAND


@given(st.lists(st.tuples(st.integers(1, 24), st.integers(0, 45)), min_size=1, max_size=9),
       st.sampled_from([ZEILE, ZEILE_QUER]))
def test_words_stay_whole_whenever_they_fit(columns: list[tuple[int, int]], line: int) -> None:
    needs = [n for n, _ in columns]
    wants = [max(n, w) for n, w in columns]
    widths = column_widths(needs, wants, line)
    low = [_low(n) for n in needs]
    high = [max(lo, w + RAND) for lo, w in zip(low, wants, strict=True)]
    assert len(widths) == len(needs) and all(w >= 3 for w in widths)
    if sum(high) <= line:
        assert widths == high
        return
    assert sum(widths) <= line
    if sum(low) < line:
        assert all(w >= lo for w, lo in zip(widths, low, strict=True))
        short = [i for i, h in enumerate(high) if h <= KURZ]
        if sum(high[i] - low[i] for i in short) <= line - sum(low):
            assert all(widths[i] == high[i] for i in short)
    else:  # the narrowest column keeps its width unless even it cannot
        narrow = min(range(len(low)), key=lambda i: (low[i], i))
        others = sum(low) - low[narrow]
        if len(low) > 1 and line - low[narrow] >= MINDESTENS * others:
            assert widths[narrow] == low[narrow]
