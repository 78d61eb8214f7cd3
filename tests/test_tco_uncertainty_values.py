"""Sensitivity tables and Monte Carlo runs: hand-checked values and behaviour."""

from __future__ import annotations

import numpy as np
import pytest

from workbook.tools.tco_devices import device_program_tco
from workbook.tools.tco_uncertainty import (
    device_program_monte_carlo,
    device_program_total,
    monte_carlo,
    sensitivity,
)


def five_year_tco(unit_cost, support_hours_per_device, hourly_labor_cost):
    return device_program_tco(500, 450, unit_cost, 4, 5,
                              support_hours_per_device=support_hours_per_device,
                              hourly_labor_cost=hourly_labor_cost).total


def test_tco_sensitivity_tornado_by_hand():
    # Base: 2 fleets x 500 x $300 = 300,000 + 5 years x 500 x 2 h x $40 = 200,000 -> 500,000.
    # unit_cost 250 / 400:   250,000 + 200,000 = 450,000 | 400,000 + 200,000 = 600,000 (swing 150,000)
    # hours 1 / 4:           300,000 + 100,000 = 400,000 | 300,000 + 400,000 = 700,000 (swing 300,000)
    # labor $35 / $45:       300,000 + 175,000 = 475,000 | 300,000 + 225,000 = 525,000 (swing  50,000)
    base = {"unit_cost": 300, "support_hours_per_device": 2, "hourly_labor_cost": 40}
    ranges = {"unit_cost": (250, 400), "support_hours_per_device": (1, 4),
              "hourly_labor_cost": (35, 45)}
    table = sensitivity(five_year_tco, base, ranges)
    assert table.attrs["base_output"] == pytest.approx(500_000)
    assert table["input"].tolist() == ["support_hours_per_device", "unit_cost",
                                       "hourly_labor_cost"]
    assert table["swing"].tolist() == pytest.approx([300_000, 150_000, 50_000])
    first = table.iloc[0]
    assert (first["output_low"], first["output_high"]) == pytest.approx((400_000, 700_000))
    assert (first["change_low"], first["change_high"]) == pytest.approx((-100_000, 200_000))


def test_tco_sensitivity_with_a_falling_output_reports_a_positive_swing():
    table = sensitivity(lambda years: 1200 / years, {"years": 4}, {"years": (3, 6)})
    # 1200/3 = 400, 1200/6 = 200: swing 200 whichever way the output moves.
    assert table.loc[0, "output_low"] == pytest.approx(400)
    assert table.loc[0, "swing"] == pytest.approx(200)


def test_tco_monte_carlo_calls_the_function_once_with_arrays():
    calls = []

    def f(x, y):
        calls.append((type(x), x.shape, y.shape))
        return x + y

    result = monte_carlo(f, {"x": ("uniform", 0, 1), "y": ("fixed", 5)}, n=500, seed=3)
    assert calls == [(np.ndarray, (500,), (500,))]
    assert ((result.samples >= 5) & (result.samples <= 6)).all()
    assert set(result.inputs) == {"x", "y"}


def test_tco_monte_carlo_draws_respect_their_distributions():
    result = monte_carlo(lambda t, u, v: t, {"t": ("triangular", 2, 3, 7),
                                             "u": ("normal", 100, 10),
                                             "v": ("uniform", -1, 1)}, n=50_000, seed=11)
    t = result.inputs["t"]
    assert t.min() >= 2 and t.max() <= 7
    # Mean of a triangular(2, 3, 7) is (2 + 3 + 7) / 3 = 4.
    assert t.mean() == pytest.approx(4, abs=0.05)
    assert result.inputs["u"].std() == pytest.approx(10, rel=0.03)
    assert result.inputs["v"].mean() == pytest.approx(0, abs=0.02)


def test_tco_monte_carlo_different_seeds_differ():
    dists = {"x": ("normal", 0, 1)}
    a = monte_carlo(lambda x: x, dists, n=100, seed=1).samples
    b = monte_carlo(lambda x: x, dists, n=100, seed=2).samples
    assert not np.array_equal(a, b)


def test_tco_monte_carlo_summary_and_percentiles():
    # All fixed: every draw is 30,000, so every statistic is 30,000.
    result = monte_carlo(lambda price, count: price * count,
                         {"price": ("fixed", 300), "count": ("fixed", 100)}, n=10)
    assert result.summary().to_dict() == {"mean": 30_000.0, "sd": 0.0, "p5": 30_000.0,
                                          "p50": 30_000.0, "p95": 30_000.0}
    assert result.percentile(99) == 30_000.0
    assert result.probability_above(29_999) == 1.0


def test_tco_monte_carlo_scalar_result_is_broadcast():
    result = monte_carlo(lambda x: 7.0, {"x": ("uniform", 0, 1)}, n=4)
    assert result.samples.tolist() == [7.0, 7.0, 7.0, 7.0]


def test_tco_device_program_monte_carlo_stays_between_the_extremes():
    # unit_cost within [280, 400]: 2 fleets of 1,000 devices -> 560,000 .. 800,000 of devices,
    # plus 5 years x 1,000 x 2 h x $45 = 450,000 of IT labor.
    mc = device_program_monte_carlo({"unit_cost": ("triangular", 280, 320, 400)},
                                    devices=1000, students=900, refresh_years=4, years=5,
                                    support_hours_per_device=2, hourly_labor_cost=45, n=5000)
    assert mc.samples.min() >= 1_010_000 - 1e-6
    assert mc.samples.max() <= 1_250_000 + 1e-6
    # Mean unit cost (280 + 320 + 400) / 3 = 333.33 -> 666,667 + 450,000.
    assert mc.summary()["mean"] == pytest.approx(1_116_667, rel=0.005)
    again = device_program_monte_carlo({"unit_cost": ("triangular", 280, 320, 400)},
                                       devices=1000, students=900, refresh_years=4, years=5,
                                       support_hours_per_device=2, hourly_labor_cost=45, n=5000)
    np.testing.assert_array_equal(mc.samples, again.samples)


def test_tco_device_program_total_scalar_is_a_float():
    value = device_program_total(10, 10, 100.0, 2, 3)
    # Fleets in years 1 and 3: 2 x 10 x 100.
    assert isinstance(value, float) and value == 2000.0
