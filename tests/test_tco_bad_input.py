"""Bad input to the TCO model, device program and uncertainty tools names the argument."""

from __future__ import annotations

import numpy as np
import pytest

from workbook.errors import InputError
from workbook.tools.tco import (
    CostItem,
    tco,
)
from workbook.tools.tco_devices import device_program, device_program_tco, tco_by_refresh_cycle
from workbook.tools.tco_uncertainty import (
    MonteCarloResult,
    device_program_total,
    monte_carlo,
    sensitivity,
)

NAN = float("nan")
ITEM = CostItem("Chromebooks", "hardware", upfront=300, per_device=True)


def f(x):
    return x


@pytest.mark.parametrize(
    "call, argument",
    [
        # CostItem
        (lambda: CostItem("x", "network"), "category"),
        (lambda: CostItem("x", "Hardware"), "category"),
        (lambda: CostItem("", "hardware"), "name"),
        (lambda: CostItem(None, "hardware"), "name"),
        (lambda: CostItem("x", "hardware", upfront=NAN), "upfront"),
        (lambda: CostItem("x", "hardware", upfront="300"), "upfront"),
        (lambda: CostItem("x", "hardware", annual=float("inf")), "annual"),
        (lambda: CostItem("x", "hardware", per_device="yes"), "per_device"),
        (lambda: CostItem("x", "hardware", escalation=-1), "escalation"),
        (lambda: CostItem("x", "hardware", start_year=0), "start_year"),
        (lambda: CostItem("x", "hardware", start_year=1.5), "start_year"),
        (lambda: CostItem("x", "hardware", repeat_every=0), "repeat_every"),
        # tco
        (lambda: tco([], 10, 10, 5), "items"),
        (lambda: tco(ITEM, 10, 10, 5), "items"),
        (lambda: tco([ITEM, "laptops"], 10, 10, 5), "items[1]"),
        (lambda: tco([ITEM], -5, 10, 5), "devices"),
        (lambda: tco([ITEM], 0, 10, 5), "devices"),
        (lambda: tco([ITEM], 2.5, 10, 5), "devices"),
        (lambda: tco([ITEM], "100", 10, 5), "devices"),
        (lambda: tco([ITEM], 10, -1, 5), "students"),
        (lambda: tco([ITEM], 10, NAN, 5), "students"),
        (lambda: tco([ITEM], 10, 10, 0), "years"),
        # device program
        (lambda: device_program(-100, 90, 300, 4, 5), "devices"),
        (lambda: device_program(100, 0, 300, 4, 5), "students"),
        (lambda: device_program(100, 90, -300, 4, 5), "unit_cost"),
        (lambda: device_program(100, 90, NAN, 4, 5), "unit_cost"),
        (lambda: device_program(100, 90, "300", 4, 5), "unit_cost"),
        (lambda: device_program(100, 90, [300, 320], 4, 5), "unit_cost"),
        (lambda: device_program(100, 90, 300, 0, 5), "refresh_years"),
        (lambda: device_program(100, 90, 300, 4, 0), "years"),
        (lambda: device_program(100, 90, 300, 4, 5, connectivity_per_year=NAN),
         "connectivity_per_year"),
        (lambda: device_program(100, 90, 300, 4, 5, staff=-3), "staff"),
        (lambda: device_program(100, 90, 300, 4, 5, escalation=-1.5), "escalation"),
        (lambda: device_program(100, 90, 300, 4, 5, hardware=5), "hardware"),
        (lambda: device_program(100, 90, 300, 4, 5, credit_residual="yes"), "credit_residual"),
        (lambda: device_program_tco(100, 90, 300, 4, 5, pd_per_staff="lots"), "pd_per_staff"),
        (lambda: tco_by_refresh_cycle(100, 90, 300, 5, cycles=()), "cycles"),
        (lambda: tco_by_refresh_cycle(100, 90, 300, 5, cycles="3,4"), "cycles"),
        (lambda: tco_by_refresh_cycle(100, 90, 300, 5, cycles=(3, 0)), "cycles[1]"),
        # arrays
        (lambda: device_program_total(100, 90, np.array([300.0, NAN]), 4, 5), "unit_cost[1]"),
        (lambda: device_program_total(100, 90, np.array([300.0, -1.0]), 4, 5), "unit_cost[1]"),
        (lambda: device_program_total(np.array([10.0, 20.0]), 90, np.array([1.0, 2.0, 3.0]), 4, 5),
         "unit_cost"),
        (lambda: device_program_total(100, 90, 300, 4, 5, hourly_labor_cost=np.ones((2, 2))),
         "hourly_labor_cost"),
        (lambda: device_program_total(100, 90, 300, np.array([3, 4]), 5), "refresh_years"),
        # sensitivity
        (lambda: sensitivity("f", {"x": 1}, {"x": (0, 2)}), "func"),
        (lambda: sensitivity(f, [1], {"x": (0, 2)}), "base"),
        (lambda: sensitivity(f, {"x": 1}, {}), "ranges"),
        (lambda: sensitivity(f, {"x": 1}, {"y": (0, 2)}), "ranges"),
        (lambda: sensitivity(f, {"x": 1}, {"x": (0, 1, 2)}), "ranges['x']"),
        (lambda: sensitivity(f, {"x": 1}, {"x": (NAN, 2)}), "ranges['x'][0]"),
        (lambda: sensitivity(f, {"x": 1}, {"x": (0, "2")}), "ranges['x'][1]"),
        (lambda: sensitivity(lambda x: "cheap", {"x": 1}, {"x": (0, 2)}), "func"),
        (lambda: sensitivity(lambda x: NAN, {"x": 1}, {"x": (0, 2)}), "func"),
        # monte carlo
        (lambda: monte_carlo(None, {"x": ("fixed", 1)}), "func"),
        (lambda: monte_carlo(f, {}), "distributions"),
        (lambda: monte_carlo(f, {"x": ("beta", 1, 2)}), "distributions['x']"),
        (lambda: monte_carlo(f, {"x": 5}), "distributions['x']"),
        (lambda: monte_carlo(f, {"x": ("uniform", 1)}), "distributions['x']"),
        (lambda: monte_carlo(f, {"x": ("uniform", 2, 1)}), "distributions['x']"),
        (lambda: monte_carlo(f, {"x": ("triangular", 1, 1, 1)}), "distributions['x']"),
        (lambda: monte_carlo(f, {"x": ("normal", 0, -1)}), "distributions['x'].sd"),
        (lambda: monte_carlo(f, {"x": ("normal", NAN, 1)}), "distributions['x'].mean"),
        (lambda: monte_carlo(f, {"x": ("fixed", "1")}), "distributions['x'].value"),
        (lambda: monte_carlo(f, {"x": ("fixed", 1)}, n=0), "n"),
        (lambda: monte_carlo(f, {"x": ("fixed", 1)}, seed=-1), "seed"),
        (lambda: monte_carlo(f, {"x": ("fixed", 1)}, seed=1.5), "seed"),
        (lambda: monte_carlo(lambda x: x[:3], {"x": ("fixed", 1)}, n=10), "func"),
        (lambda: monte_carlo(lambda x: np.full_like(x, np.nan), {"x": ("fixed", 1)}, n=10), "func"),
        (lambda: monte_carlo(lambda y: y, {"x": ("fixed", 1)}, n=10), "func"),
        (lambda: MonteCarloResult(np.arange(3.0), {}).percentile(101), "q"),
        (lambda: MonteCarloResult(np.arange(3.0), {}).probability_above(NAN), "threshold"),
    ],
)
def test_tco_bad_input_names_the_argument(call, argument):
    with pytest.raises(InputError) as info:
        call()
    assert info.value.field == argument
    assert str(info.value).startswith(f"{argument} = ")


def test_tco_unknown_category_message_lists_the_categories():
    with pytest.raises(InputError, match=r"category = 'network' is not allowed: expected one of "
                                         r"'hardware', .*'lost_instruction'"):
        CostItem("Wi-Fi", "network")


def test_tco_negative_devices_message_shows_value_and_rule():
    with pytest.raises(InputError, match=r"devices = -5 is not allowed: expected a whole number >= 1"):
        tco([ITEM], devices=-5, students=10, years=5)


def test_tco_monte_carlo_wrong_length_message_explains_vectorizing():
    with pytest.raises(InputError, match=r"one result per draw, shape \(10,\)"):
        monte_carlo(lambda x: x[:3], {"x": ("fixed", 1)}, n=10)


@pytest.mark.parametrize("label", ["2026-2027", "2026-28", "2026", 2026, "26-27"])
def test_tco_by_fiscal_year_rejects_other_spellings(label):
    result = tco([ITEM], devices=10, students=10, years=3)
    with pytest.raises(InputError) as info:
        result.by_fiscal_year(label)
    assert info.value.field == "first_year"
