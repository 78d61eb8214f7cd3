"""Prompts a candidate answered from the text alone, where another reasonable reading failed the check.

Each test pins the sentence the prompt now carries and shows, with the library, that the reading
it states is the one the rubric computes (and that the other reading gives another answer).
"""

from __future__ import annotations

import re

import pandas as pd

from readings_text import readings_path


def _prompt(pid: str, start: str, end: str) -> str:
    text = readings_path(pid).read_text(encoding="utf-8")
    return re.sub(r"\s+", " ", text[text.index(start):text.index(end)])


def _suppress_by_hand(values: pd.DataFrame, threshold: int, *, rows_first: bool) -> int:
    mask = (values < threshold) & (values > 0)
    rows = [("row", r) for r in values.index]
    cols = [("col", c) for c in values.columns]
    lines = rows + cols if rows_first else cols + rows
    changed = True
    while changed:
        changed = False
        for axis, key in lines:
            cells = [(key, c) for c in values.columns] if axis == "row" else [(r, key) for r in values.index]
            if sum(bool(mask.loc[cell]) for cell in cells) != 1:
                continue
            free = [cell for cell in cells if not mask.loc[cell]]
            if free:
                mask.loc[min(free, key=lambda cell: values.loc[cell])] = True
                changed = True
    return int(mask.to_numpy().sum())


def test_e1_suppression_prompt_states_the_order_of_the_passes():
    """Rows first or columns first can end with different counts (about one candidate in ten):
    the prompt says rows from the top, then columns from the left, as suppress_small_counts does."""
    from workbook.districts import load_district
    from workbook.principles.e1.givens import absence_counts
    from workbook.tools.disclosure import suppress_small_counts

    prompt = _prompt("E1", "# Exercise 5", "# Exercise 6")
    assert "rows from the top and then the columns from the left" in prompt
    assert "a zero included" in prompt
    counts = absence_counts(load_district("sample-urban"), 4)
    library = suppress_small_counts(counts, 11, row_totals=True, column_totals=True).withheld
    assert library == _suppress_by_hand(counts, 11, rows_first=True)
    assert library != _suppress_by_hand(counts, 11, rows_first=False)
