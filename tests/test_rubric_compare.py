"""Tolerances and partial credit, checked by hand."""

import pandas as pd
import pytest

from workbook.rubric import Check, Context, compare


@pytest.mark.parametrize(
    ("value", "expected", "fraction"),
    [(100.0, 100.0, 1.0), (100.49, 100.0, 1.0), (102.0, 100.0, 0.5), (110.0, 100.0, 0.0), ("100", 100.0, 0.0), (None, 100.0, 0.0)],
)
def test_compare_numbers_with_bands(value, expected, fraction):
    assert compare(value, expected, rtol=0.005, partial=[(0.05, 0.5)])[0] == fraction


def test_compare_tables_share_of_cells():
    exp = pd.Series([1.0, 2.0, 3.0, 4.0])
    got = pd.Series([1.0, 2.0, 3.0, 9.0])
    assert compare(got, exp, rtol=1e-6)[0] == 0.0
    assert compare(got, exp, rtol=1e-6, partial=[(0.1, 0.5)])[0] == 0.75


def test_check_missing_answer_is_missing():
    c = Check("e", "n", 2, lambda ctx: 1.0)
    out = c.run(None, Context("X", {}), answered=False)
    assert (out.status, out.points, out.possible) == ("missing", 0.0, 2)


def test_check_reason_never_contains_expected_value():
    c = Check("e", "n", 2, lambda ctx: 987654.0, rtol=0.001)
    assert "987654" not in c.run(1.0, Context("X", {})).reason
