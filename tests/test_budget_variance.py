"""Budget-to-actual variance: by hand, label matching, flags, bad input."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from workbook.errors import InputError
from workbook.tools.budget import budget_worksheet, variance
from workbook.tools.budget_lines import BudgetLine


def test_budget_variance_by_hand():
    budget = pd.Series({"2000": 400_000.0, "4400": 250_000.0, "5800": 120_000.0, "5900": 0.0})
    actual = pd.Series({"5900": 1_500.0, "5800": 113_000.0, "4400": 262_500.0, "2000": 410_000.0})
    table = variance(budget, actual)
    assert list(table.index) == ["2000", "4400", "5800", "5900"]
    assert list(table.columns) == ["budget", "actual", "variance", "variance_pct", "flag"]
    assert table["variance"].tolist() == [10_000, 12_500, -7_000, 1_500]
    assert table["variance_pct"].iloc[:3].tolist() == pytest.approx([0.025, 0.05, -0.058333333])
    assert math.isnan(table["variance_pct"].iloc[3])
    # 2.5% no; exactly 5% is not over 5%; -5.8% yes; spending against a zero budget yes
    assert table["flag"].tolist() == [False, False, True, True]


def test_budget_variance_threshold_and_lists_by_position():
    table = variance([100.0, 200.0], [103.0, 190.0], threshold=0.02)
    assert table["flag"].tolist() == [True, True]
    table = variance([100.0, 200.0], [103.0, 190.0], threshold=0.10)
    assert table["flag"].tolist() == [False, False]


def test_budget_variance_of_a_worksheet_column():
    ws = budget_worksheet(
        [
            BudgetLine("Devices", "expenditure", "0000", "4400", 300_000),
            BudgetLine("Software", "expenditure", "0000", "5800", 100_000),
        ],
        "2026-27",
        1,
    )
    planned = ws.table.set_index("description")["2026-27"]
    table = variance(planned, {"Devices": 330_000, "Software": 99_000})
    assert table.loc["Devices", "variance"] == 30_000
    assert bool(table.loc["Devices", "flag"]) and not bool(table.loc["Software", "flag"])


@given(st.lists(st.tuples(st.floats(1, 1e9), st.floats(0, 1e9)), min_size=1, max_size=10))
def test_budget_variance_is_actual_minus_budget(pairs):
    planned = [p for p, _ in pairs]
    actual = [a for _, a in pairs]
    table = variance(planned, actual)
    assert table["variance"].to_numpy() == pytest.approx(np.array(actual) - np.array(planned))
    assert table["variance_pct"].to_numpy() == pytest.approx(
        (np.array(actual) - np.array(planned)) / np.array(planned)
    )


@pytest.mark.parametrize(
    ("budget", "actuals", "kwargs", "field"),
    [
        (pd.Series({"a": 1.0, "b": 2.0}), pd.Series({"a": 1.0, "c": 2.0}), {}, "actuals"),
        (pd.Series({"a": 1.0}), pd.Series({"a": 1.0, "b": 2.0}), {}, "actuals"),
        ([1.0, 2.0], [1.0], {}, "actuals"),
        ([1.0, math.nan], [1.0, 2.0], {}, "budget[1]"),
        ([1.0, 2.0], [1.0, "x"], {}, "actuals[1]"),
        ("100", [1.0], {}, "budget"),
        (pd.DataFrame({"a": [1.0]}), [1.0], {}, "budget"),
        ([1.0], [1.0], {"threshold": -0.1}, "threshold"),
        (pd.Series([1.0, 2.0], index=["a", "a"]), [1.0, 2.0], {}, "budget"),
    ],
)
def test_budget_variance_bad_input_names_the_argument(budget, actuals, kwargs, field):
    with pytest.raises(InputError) as info:
        variance(budget, actuals, **kwargs)
    assert info.value.field == field


def test_budget_variance_mismatched_labels_are_listed():
    with pytest.raises(InputError) as info:
        variance({"devices": 1.0, "software": 2.0}, {"devices": 1.0, "wifi": 2.0})
    message = str(info.value)
    assert "missing 'software'" in message and "unexpected 'wifi'" in message
