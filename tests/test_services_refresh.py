"""Fleet age, level-loaded refresh schedule (never over budget), software currency."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from workbook.errors import InputError
from workbook.tools.services import fleet_age_profile, refresh_schedule, software_currency

INVENTORY = pd.DataFrame({"purchase_year": [2021, 2023, 2025], "count": [400, 400, 200]})


def test_fleet_age_profile_by_hand():
    out = fleet_age_profile(INVENTORY, "2026-27", lifespan_years=4)
    assert out["age_years"].tolist() == [1, 3, 5]
    assert out["devices"].tolist() == [200, 400, 400]
    assert out["share"].tolist() == [0.2, 0.4, 0.4]
    assert out["past_lifespan"].tolist() == [False, False, True]


def test_fleet_age_profile_one_row_per_device():
    devices = [{"purchase_year": 2024}, {"purchase_year": 2024}, {"purchase_year": 2026}]
    out = fleet_age_profile(devices, "2026-27")
    assert out["devices"].tolist() == [1, 2]


def test_refresh_schedule_by_hand():
    # 1,000 devices, 4-year life: quota 250 a year; $100,000 buys 250 at $400.
    plan = refresh_schedule(INVENTORY, 100_000, 400, 4, 3, start="2026-27")
    assert plan["replaced"].tolist() == [250, 250, 250]
    assert plan["due"].tolist() == [400, 550, 300]
    assert plan["cost"].tolist() == [100_000, 100_000, 100_000]
    # a small budget: only 100 a year
    small = refresh_schedule(INVENTORY, 40_000, 400, 4, 2)
    assert small["replaced"].tolist() == [100, 100]


def test_refresh_schedule_clears_backlog_when_budget_allows():
    plan = refresh_schedule(INVENTORY, 1_000_000, 400, 4, 1)
    assert plan.loc[0, "replaced"] == 400  # all 400 overdue devices, more than the 250 quota
    assert plan.loc[0, "past_lifespan_after"] == 0


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.tuples(st.integers(2010, 2026), st.integers(0, 500)), min_size=1, max_size=8),
    st.floats(0, 500_000, allow_nan=False),
    st.floats(50, 2_000, allow_nan=False),
    st.integers(1, 8),
    st.integers(1, 8),
)
def test_refresh_schedule_never_exceeds_budget(groups, budget, unit_cost, life, years):
    inv = pd.DataFrame(groups, columns=["purchase_year", "count"])
    plan = refresh_schedule(inv, budget, unit_cost, life, years)
    assert (plan["cost"] <= budget + 1e-6).all()
    assert (plan["replaced"] <= int(inv["count"].sum())).all()
    assert len(plan) == years


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [({"annual_budget": -1}, "annual_budget"), ({"unit_cost": 0}, "unit_cost"),
     ({"lifespan_years": 0}, "lifespan_years"), ({"years": 0}, "years"),
     ({"inventory": pd.DataFrame({"purchase_year": [2030], "count": [1]})}, "inventory[0].purchase_year"),
     ({"inventory": pd.DataFrame({"purchase_year": [2020], "count": [-3]})}, "inventory[0].count"),
     ({"start": "2026"}, "as_of")],
)
def test_refresh_schedule_bad_input_named(kwargs, field):
    args = {"inventory": INVENTORY, "annual_budget": 100_000, "unit_cost": 400, "lifespan_years": 4, "years": 3}
    args.update(kwargs)
    with pytest.raises(InputError) as err:
        refresh_schedule(**args)
    assert err.value.field == field


def test_software_currency_windows_10_and_costs():
    inv = pd.DataFrame([
        {"product": "Windows 10", "version": "22H2", "end_of_support": "2025-10-14", "count": 40, "upgrade_cost_per_unit": 0},
        {"product": "SQL Server", "version": "2016", "end_of_support": dt.date(2026, 7, 14), "count": 2, "upgrade_cost_per_unit": 3_000},
        {"product": "Windows Server", "version": "2019", "end_of_support": "2029-01-09", "count": 6, "upgrade_cost_per_unit": 1_000},
    ])
    out = software_currency(inv, "2026-07-01").set_index("product")
    assert out.loc["Windows 10", "status"] == "unsupported"
    assert out.loc["SQL Server", "days_left"] == 13
    assert out.loc["SQL Server", "cost_to_stay_current"] == 6_000
    assert out.loc["SQL Server", "fiscal_year_of_end"] == "2026-27"
    assert out.loc["Windows Server", "status"] == "supported"
    with pytest.raises(InputError, match=r"inventory\[0\]\.end_of_support = 'soon'"):
        software_currency(inv.assign(end_of_support=["soon", "2026-07-14", "2029-01-09"]), "2026-07-01")
    with pytest.raises(InputError, match="as_of = 'July'"):
        software_currency(inv, "July")
