"""The L6 Fiscal Management readings: the NPV formula and worked numbers (general checks: test_readings.py)."""

from __future__ import annotations


import pytest

from readings_text import readings_text


@pytest.fixture(scope="module")
def text() -> str:
    return readings_text("L6")


def test_l6_readings_write_the_npv_formula_as_math(text):
    # the general checks (money in words, closed inline math) are in test_readings.py
    assert "\\sum_{t=0}^{n}" in text and "(1+r)^t" in text


def test_l6_readings_worked_numbers_match_the_calculators(text):
    finance = pytest.importorskip("workbook.tools.finance")
    flows = [-180_000] + [42_000] * 5
    for rate, shown in ((0.02, "17,965"), (0.03, "12,348"), (0.05, "1,838"), (0.07, "7,792")):
        assert f"{abs(round(finance.npv(rate, flows))):,}" == shown
        assert f"{shown} at {round(rate * 100)}%" in text
    assert round(finance.irr(flows) * 100, 1) == 5.4
    assert round(finance.payback_period(flows), 1) == 4.3
    assert round(finance.roi(42_000 * 5, 180_000) * 100, 1) == 16.7
    assert round(finance.irr([-250000, 100000, 150000, 200000, 250000, 300000]), 4) == 0.5672
    costs = [198_000, 27_000, 36_000, 120_000, 15_000, 24_000, 3_000]
    assert sum(costs) == 423_000 and sum(costs) / (600 * 4) == 176.25
    assert "423,000 in all" in text and "176.25 dollars per device-year" in text
    assert 90_000 * 0.2681 == pytest.approx(24_129) and "24,129 dollars" in text
