"""Finance calculators against values worked out by hand (shown in the comments)."""

from __future__ import annotations

import math

import pytest

from workbook.tools import finance


def test_finance_npv_three_year_flow_at_ten_percent():
    # -1000 + 400/1.1 + 500/1.21 + 300/1.331
    # = -1000 + 363.636364 + 413.223140 + 225.394440 = 2.253944
    assert finance.npv(0.10, [-1000, 400, 500, 300]) == pytest.approx(2.253944, abs=1e-6)


def test_finance_npv_year_zero_is_not_discounted():
    # Only year 0: no discounting at any rate (unlike Excel's NPV()).
    assert finance.npv(0.25, [-500]) == -500.0


def test_finance_npv_at_zero_rate_is_the_plain_sum():
    assert finance.npv(0.0, [-1000, 400, 500, 300]) == pytest.approx(200.0)


def test_finance_irr_reference_vector_from_numpy_financial_docs():
    flows = [-250000, 100000, 150000, 200000, 250000, 300000]
    assert finance.irr(flows) == pytest.approx(0.5672303344358536, rel=1e-12)


def test_finance_irr_two_equal_returns_closed_form():
    # -100 + 60x + 60x^2 = 0 with x = 1/(1+r): x = (-3 + sqrt(69)) / 6,
    # so 1 + r = 6 / (sqrt(69) - 3) = (sqrt(69) + 3) / 10 and r = (sqrt(69) - 7) / 10.
    assert finance.irr([-100, 60, 60]) == pytest.approx((math.sqrt(69) - 7) / 10, rel=1e-10)


@pytest.mark.parametrize("flows", [[100, 200, 300], [-100, -200], [0, 0, 0]])
def test_finance_irr_is_none_without_a_sign_change(flows):
    assert finance.irr(flows) is None


def test_finance_payback_interpolates_within_the_year():
    # Cumulative: -1000, -700, -300, +200. 300 of year 3's 500 are needed: 2 + 300/500.
    assert finance.payback_period([-1000, 300, 400, 500]) == pytest.approx(2.6)


def test_finance_payback_exactly_at_a_year_end():
    # Cumulative: -900, -600, -300, 0 -> paid back at the end of year 3.
    assert finance.payback_period([-900, 300, 300, 300]) == pytest.approx(3.0)


def test_finance_payback_never_reached_is_none():
    assert finance.payback_period([-1000, 300, 300, 300]) is None


def test_finance_payback_nothing_to_recover_is_zero():
    assert finance.payback_period([0, 100]) == 0.0


def test_finance_discounted_payback_by_hand():
    # PVs at 10%: -1000, 454.545, 413.223, 375.657.
    # Cumulative PV after year 2: -132.231 = -(176 / 1.331); year 3's PV = 500 / 1.331.
    # Fraction of year 3 = 176 / 500 = 0.352, so the discounted payback is 2.352 years.
    result = finance.discounted_payback_period(0.10, [-1000, 500, 500, 500])
    assert result == pytest.approx(2.352, abs=1e-9)


def test_finance_discounted_payback_is_later_than_plain_payback():
    flows = [-1000, 300, 400, 500, 600]
    # Plain: 2.6 years. Discounted at 10%: PVs -1000, 272.727, 330.579, 375.657, 409.808;
    # cumulative after year 3 = -21.037, so 3 + 21.037/409.808 = 3.0513.
    assert finance.payback_period(flows) == pytest.approx(2.6)
    assert finance.discounted_payback_period(0.10, flows) == pytest.approx(3.0513, abs=1e-4)


def test_finance_roi_scalars_and_sequences():
    # (150,000 - 120,000) / 120,000 = 0.25
    assert finance.roi(150_000, 120_000) == pytest.approx(0.25)
    # Benefits 50k + 50k + 50k = 150k, costs 100k + 20k = 120k: the same 0.25.
    assert finance.roi([50_000, 50_000, 50_000], [100_000, 20_000]) == pytest.approx(0.25)
    # Benefits below costs: (80 - 100) / 100 = -0.2
    assert finance.roi(80, 100) == pytest.approx(-0.2)


def test_finance_eac_matches_hand_calculation():
    # Annuity factor at 10% for 3 years: (1 - 1.1^-3) / 0.1 = 2.486852.
    # NPV = 1000 + 100 * 2.486852 = 1248.685199; EAC = 1248.685199 / 2.486852 = 502.114804.
    assert finance.equivalent_annual_cost(0.10, [1000, 100, 100, 100]) == pytest.approx(
        502.114804, abs=1e-6
    )


def test_finance_eac_sign_follows_the_cash_flows():
    positive = finance.equivalent_annual_cost(0.05, [2000, 150, 150, 150, 150])
    negative = finance.equivalent_annual_cost(0.05, [-2000, -150, -150, -150, -150])
    assert positive > 0
    assert negative == pytest.approx(-positive)


def test_finance_eac_at_zero_rate_spreads_evenly():
    # NPV 1200 over n = 4 years after year 0: 300 a year.
    assert finance.equivalent_annual_cost(0.0, [1000, 50, 50, 50, 50]) == pytest.approx(300.0)


def test_finance_discount_factors_by_hand():
    # 1, 1/1.05, 1/1.1025
    assert finance.discount_factors(0.05, 2) == pytest.approx([1.0, 0.952381, 0.907029], abs=1e-6)


def test_finance_cashflow_table_columns_and_totals():
    flows = [-1000, 400, 500, 300]
    table = finance.cashflow_table(0.10, flows)
    assert list(table.columns) == [
        "year",
        "cash_flow",
        "discount_factor",
        "present_value",
        "cumulative",
        "cumulative_pv",
    ]
    assert list(table["year"]) == [0, 1, 2, 3]
    assert table["cumulative"].iloc[-1] == pytest.approx(200.0)
    assert table["cumulative_pv"].iloc[-1] == pytest.approx(finance.npv(0.10, flows))
