"""Invariants of the TCO model and the Monte Carlo, for any input (hypothesis)."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from workbook.tools.tco import CATEGORIES, CostItem, tco
from workbook.tools.tco_devices import device_program_tco
from workbook.tools.tco_uncertainty import device_program_total, monte_carlo

amount = st.floats(min_value=-1e5, max_value=1e6, allow_nan=False)
positive = st.floats(min_value=0, max_value=1e4, allow_nan=False)

items_strategy = st.lists(
    st.builds(
        CostItem,
        name=st.text(min_size=1, max_size=10).filter(str.strip),
        category=st.sampled_from(CATEGORIES),
        upfront=amount,
        annual=amount,
        per_device=st.booleans(),
        escalation=st.floats(min_value=-0.5, max_value=0.5),
        start_year=st.integers(min_value=1, max_value=12),
        repeat_every=st.one_of(st.none(), st.integers(min_value=1, max_value=8)),
    ),
    min_size=1,
    max_size=12,
)
counts = st.integers(min_value=1, max_value=50_000)
horizons = st.integers(min_value=1, max_value=12)


def close(a: float, b: float) -> bool:
    return a == pytest.approx(b, rel=1e-9, abs=1e-3)


@given(items_strategy, counts, counts, horizons)
def test_tco_total_equals_sum_of_categories_and_of_years(items, devices, students, years):
    result = tco(items, devices, students, years)
    assert close(result.total, float(result.by_category.sum()))
    assert close(result.total, float(result.by_year[list(CATEGORIES)].to_numpy().sum()))
    assert close(result.total, float(result.by_year["total"].sum()))
    assert close(result.total, result.direct + result.indirect)
    assert close(result.total, float(result.by_item["total"].sum()))


@given(items_strategy, counts, counts, horizons)
def test_tco_per_device_year_times_devices_times_years_is_total(items, devices, students, years):
    result = tco(items, devices, students, years)
    assert close(result.per_device_year * devices * years, result.total)
    assert close(result.per_student_per_year * students * years, result.total)
    assert close(result.per_student * students, result.total)


program_options = st.fixed_dictionaries(
    {
        "software_per_device": positive,
        "connectivity_per_year": positive,
        "support_hours_per_device": st.floats(min_value=0, max_value=10),
        "hourly_labor_cost": st.floats(min_value=0, max_value=150),
        "downtime_hours_per_device": st.floats(min_value=0, max_value=10),
        "user_hourly_cost": st.floats(min_value=0, max_value=100),
        "escalation": st.floats(min_value=0, max_value=0.1),
        "device_price_change": st.floats(min_value=-0.2, max_value=0.1),
        "credit_residual": st.booleans(),
    }
)


@given(counts, counts, positive, st.integers(1, 8), horizons, program_options)
def test_tco_device_program_total_matches_the_item_model(devices, students, unit_cost,
                                                         refresh, years, options):
    expected = device_program_tco(devices, students, unit_cost, refresh, years, **options).total
    assert close(device_program_total(devices, students, unit_cost, refresh, years, **options),
                 expected)


@settings(max_examples=30)
@given(st.lists(positive, min_size=1, max_size=20), st.lists(positive, min_size=1, max_size=20))
def test_tco_device_program_total_on_arrays_matches_one_at_a_time(prices, hours):
    k = min(len(prices), len(hours))
    prices_a, hours_a = np.array(prices[:k]), np.array(hours[:k])
    together = device_program_total(300, 280, prices_a, 4, 5, support_hours_per_device=hours_a,
                                    hourly_labor_cost=40.0)
    one_by_one = [device_program_total(300, 280, p, 4, 5, support_hours_per_device=h,
                                       hourly_labor_cost=40.0) for p, h in zip(prices_a, hours_a)]
    assert together == pytest.approx(one_by_one)


@settings(max_examples=25)
@given(st.integers(min_value=0, max_value=2**32), st.integers(min_value=1, max_value=2000))
def test_tco_monte_carlo_same_seed_same_samples(seed, n):
    dists = {"a": ("triangular", 1, 2, 5), "b": ("normal", 10, 3), "c": ("uniform", 0, 1)}

    def f(a, b, c):
        return a * b + c

    first = monte_carlo(f, dists, n=n, seed=seed)
    second = monte_carlo(f, dists, n=n, seed=seed)
    np.testing.assert_array_equal(first.samples, second.samples)
    assert first.samples.shape == (n,)
