"""Properties of the finance calculators that hold for any cash flow (hypothesis)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from workbook.tools import finance

# Whole cents or zero: amounts a district could actually book.
money = st.one_of(st.just(0.0), st.floats(min_value=0.01, max_value=1e7))
rates = st.floats(min_value=-0.5, max_value=1.0, allow_nan=False)


@st.composite
def conventional_flows(draw):
    """One outlay in year 0, then non-negative returns."""
    first = -draw(st.floats(min_value=1, max_value=1e7))
    rest = draw(st.lists(money, min_size=1, max_size=15))
    return [first, *rest]


@given(conventional_flows(), rates, rates)
def test_finance_npv_of_conventional_flow_falls_as_rate_rises(flows, r1, r2):
    low, high = sorted((r1, r2))
    assert finance.npv(high, flows) <= finance.npv(low, flows) + 1e-6 * max(1.0, abs(sum(flows)))


@given(conventional_flows())
def test_finance_npv_is_zero_at_the_irr(flows):
    result = finance.irr(flows)
    if result is not None:
        scale = max(abs(f) for f in flows)
        assert finance.npv(result, flows) == pytest.approx(0.0, abs=1e-6 * scale)


@given(conventional_flows(), st.floats(min_value=0, max_value=0.5))
def test_finance_discounted_payback_never_before_plain_payback(flows, rate):
    plain = finance.payback_period(flows)
    discounted = finance.discounted_payback_period(rate, flows)
    if discounted is not None:
        assert plain is not None
        assert discounted >= plain - 1e-9
        assert 0 <= discounted <= len(flows) - 1


@given(st.lists(money, min_size=2, max_size=15), st.floats(min_value=-0.5, max_value=1.0))
def test_finance_eac_annuity_has_the_same_npv(flows, rate):
    eac = finance.equivalent_annual_cost(rate, flows)
    n = len(flows) - 1
    assert finance.npv(rate, [0.0] + [eac] * n) == pytest.approx(
        finance.npv(rate, flows), rel=1e-9, abs=1e-6
    )


@given(st.lists(money, min_size=1, max_size=15), rates)
def test_finance_cashflow_table_last_cumulative_pv_is_the_npv(flows, rate):
    table = finance.cashflow_table(rate, flows)
    assert table["cumulative_pv"].iloc[-1] == pytest.approx(finance.npv(rate, flows), rel=1e-9, abs=1e-6)
