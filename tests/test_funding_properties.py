"""Properties of the E5 calculators (hypothesis): what must hold for any district."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from workbook.tools.funding import SPANS, attendance_point_value, funded_ada, lcff_entitlement
from workbook.tools.interim import reserve_minimum
from workbook.tools.purchasing import COMPETITIVE, KINDS, purchase_route

ada_st = st.fixed_dictionaries({s: st.floats(0, 60_000, allow_nan=False) for s in SPANS})
upp_st = st.floats(0, 1, allow_nan=False)
year_st = st.sampled_from(["2023-24", "2024-25", "2025-26", "2026-27", "2028-29"])


@settings(max_examples=80, deadline=None)
@given(ada_st, st.sampled_from(SPANS), st.floats(0, 5_000, allow_nan=False), upp_st, year_st)
def test_more_ada_never_lowers_lcff_revenue(ada, span, extra, upp, year):
    more = {**ada, span: ada[span] + extra}
    assert lcff_entitlement(more, upp, year).total >= lcff_entitlement(ada, upp, year).total


@settings(max_examples=80, deadline=None)
@given(ada_st, upp_st, upp_st, year_st)
def test_a_higher_unduplicated_share_never_lowers_lcff_revenue(ada, a, b, year):
    low, high = sorted((a, b))
    assert lcff_entitlement(ada, high, year).total >= lcff_entitlement(ada, low, year).total


@settings(max_examples=50, deadline=None)
@given(ada_st, upp_st, st.floats(0, 10, allow_nan=False))
def test_attendance_points_add_up(enrollment, upp, points):
    one = attendance_point_value(enrollment, upp, "2025-26")
    assert abs(attendance_point_value(enrollment, upp, "2025-26", points=points) - points * one) <= 1e-6 * max(1.0, points * one)


@settings(max_examples=80, deadline=None)
@given(st.floats(0, 1e5), st.lists(st.floats(0, 1e5), min_size=3, max_size=3))
def test_funded_ada_is_never_below_any_of_the_three_measures(current, history):
    f = funded_ada({"g9_12": current}, [{"g9_12": h} for h in history])
    assert f.total >= current - 1e-6
    assert f.total >= history[0] - 1e-6
    assert f.total >= sum(history) / 3 - 1e-6


@settings(max_examples=80, deadline=None)
@given(st.floats(0, 2e6), st.floats(0, 2e6), st.sampled_from(KINDS), st.integers(2021, 2030), st.booleans())
def test_a_larger_purchase_never_escapes_a_competitive_process(a, b, kind, year, cupccaa):
    small, large = sorted((a, b))
    if purchase_route(small, kind, year, cupccaa=cupccaa) in COMPETITIVE:
        assert purchase_route(large, kind, year, cupccaa=cupccaa) in COMPETITIVE


@settings(max_examples=80, deadline=None)
@given(st.floats(0, 1e9), st.floats(0, 1e9), st.floats(0, 500_000))
def test_reserve_minimum_grows_with_spending(a, b, ada):
    low, high = sorted((a, b))
    assert reserve_minimum(high, ada) >= reserve_minimum(low, ada)
