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


def test_reason_names_a_wrong_order_and_a_percentage_without_changing_the_credit():
    """A candidate who sorted the wrong way, or wrote 43.21 for 0.4321, is told what kind of slip it is
    (the credit stays what the comparison gives; the reason never shows the expected value)."""
    fraction, reason = compare(["P3", "P1", "P2"], ["P1", "P2", "P3"], partial=[(0.5, 0.5)])
    assert fraction == 0.0 and "the right items in another order" in reason
    assert "another order" not in compare(["P1", "P4", "P3"], ["P1", "P2", "P3"], partial=[(0.5, 0.5)])[1]
    assert "another order" not in compare(["P1", "P1", "P3"], ["P1", "P2", "P3"])[1]
    fraction, reason = compare(46.5, 0.4654, rtol=0, atol=0.00011, partial=[(0.02, 0.5)])
    assert fraction == 0.0 and "looks like a percentage" in reason and "0.4654" not in reason
    assert "percentage" not in compare(0.30, 0.4654, rtol=0, atol=0.00011)[1]
    assert "percentage" not in compare(4654.0, 4654.5, rtol=1e-6)[1]
