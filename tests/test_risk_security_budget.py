"""Security budget: exact best set vs brute force by hand, greedy table, the cap, bad input."""

from __future__ import annotations

import itertools

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from workbook.errors import InputError
from workbook.tools.risk import security_budget
from workbook.tools.security_budget import _dynamic

CONTROLS = pd.DataFrame({
    "control": ["MFA", "Backups", "EDR", "Training"],
    "cost": [30_000, 50_000, 60_000, 10_000],
    "ale_reduction": [90_000, 140_000, 150_000, 20_000],
})


def test_security_budget_best_set_beats_greedy_worked_by_hand():
    # Per dollar: MFA 3.0, Backups 2.8, EDR 2.5, Training 2.0.
    # Greedy under $110,000: MFA + Backups ($80k), EDR does not fit, Training ($90k): $250,000 reduced.
    # Best: Backups + EDR = $110,000 for $290,000 reduced.
    out = security_budget(CONTROLS, 110_000)
    assert out["control"].tolist() == ["MFA", "Backups", "EDR", "Training"]
    assert out.loc[out["greedy_chosen"], "control"].tolist() == ["MFA", "Backups", "Training"]
    assert sorted(out.loc[out["chosen"], "control"]) == ["Backups", "EDR"]
    assert out.attrs["greedy_reduction"] == 250_000
    assert out.attrs["chosen_reduction"] == 290_000
    assert out.attrs["chosen_cost"] == 110_000


def test_security_budget_zero_budget_and_free_controls():
    c = pd.DataFrame({"control": ["Free policy", "Paid"], "cost": [0, 10], "ale_reduction": [5, 50]})
    out = security_budget(c, 0)
    assert out.loc[out["chosen"], "control"].tolist() == ["Free policy"]
    assert out.loc[0, "control"] == "Free policy"  # infinite reduction per dollar ranks first


@pytest.mark.parametrize(
    ("controls", "budget", "field"),
    [(CONTROLS, -1, "budget"),
     (CONTROLS.assign(cost=[1, -2, 3, 4]), 10, "controls[1].cost"),
     (CONTROLS.drop(columns="ale_reduction"), 10, "controls"),
     ("MFA", 10, "controls")],
)
def test_security_budget_bad_input_named(controls, budget, field):
    with pytest.raises(InputError) as err:
        security_budget(controls, budget)
    assert err.value.field == field


money = st.integers(0, 50) .map(lambda k: k * 1_000)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(money, money), min_size=1, max_size=8), st.integers(0, 200).map(lambda k: k * 1_000))
def test_security_budget_exact_equals_brute_force_and_fits(pairs, budget):
    c = pd.DataFrame({"control": [f"C{i}" for i in range(len(pairs))],
                      "cost": [p[0] for p in pairs], "ale_reduction": [p[1] for p in pairs]})
    out = security_budget(c, budget)
    best = max(
        sum(pairs[i][1] for i in combo)
        for r in range(len(pairs) + 1)
        for combo in itertools.combinations(range(len(pairs)), r)
        if sum(pairs[i][0] for i in combo) <= budget
    )
    assert out.attrs["chosen_reduction"] == best
    assert out.attrs["chosen_cost"] <= budget
    assert out.attrs["greedy_cost"] <= budget
    assert out.attrs["greedy_reduction"] <= best


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(money, money), min_size=1, max_size=8), st.integers(0, 200).map(lambda k: k * 1_000))
def test_security_budget_dynamic_program_matches_exhaustive_on_whole_units(pairs, budget):
    import numpy as np

    costs = np.array([p[0] for p in pairs], dtype=float)
    gains = np.array([p[1] for p in pairs], dtype=float)
    chosen = _dynamic(costs, gains, budget, 1_000)
    ref = security_budget(pd.DataFrame({"control": range(len(pairs)), "cost": costs, "ale_reduction": gains}), budget)
    assert costs[chosen].sum() <= budget
    assert gains[chosen].sum() == ref.attrs["chosen_reduction"]


def test_security_budget_many_controls_uses_dynamic_program_and_fits():
    n = 24
    c = pd.DataFrame({"control": [f"C{i}" for i in range(n)],
                      "cost": [1_050 + 137 * i for i in range(n)],
                      "ale_reduction": [2_000 + (i * 7_919) % 5_000 for i in range(n)]})
    out = security_budget(c, 20_000, unit=50)
    assert out.attrs["method"].startswith("dynamic program")
    assert out.attrs["chosen_cost"] <= 20_000
    assert out.attrs["chosen_reduction"] >= out.attrs["greedy_reduction"] * 0.95
