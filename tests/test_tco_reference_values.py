"""TCO model and device program against totals worked out by hand (in the comments)."""

from __future__ import annotations

import pytest

from workbook.tools.tco import (
    CATEGORIES,
    DIRECT_CATEGORIES,
    INDIRECT_CATEGORIES,
    CostItem,
    tco,
)
from workbook.tools.tco_devices import device_program, device_program_tco, tco_by_refresh_cycle

PROGRAM = dict(
    devices=200,
    students=180,
    unit_cost=350,
    refresh_years=4,
    years=4,
    software_per_device=15,
    software_per_student=10,
    connectivity_per_year=12_000,
    facilities_upfront=8_000,
    support_hours_per_device=1.5,
    hourly_labor_cost=50,
    pd_per_staff=400,
    staff=10,
    contracts_per_year=3_000,
    user_support_hours_per_device=1,
    downtime_hours_per_device=2,
    user_hourly_cost=30,
    lost_instruction_hours_per_student=0.5,
    instructional_hour_value=20,
)


def test_tco_categories_follow_cosn_direct_and_indirect():
    assert len(DIRECT_CATEGORIES) == 8 and len(INDIRECT_CATEGORIES) == 3
    assert CATEGORIES == DIRECT_CATEGORIES + INDIRECT_CATEGORIES
    assert {"end_user_support", "downtime", "lost_instruction"} == set(INDIRECT_CATEGORIES)


def test_tco_escalation_compounds_from_year_one():
    # 100 devices x $10 a year, +5% a year: 1000, 1050, 1102.50 -> 3152.50
    item = CostItem("licenses", "software", annual=10, per_device=True, escalation=0.05)
    result = tco([item], devices=100, students=50, years=3)
    assert result.by_year["software"].tolist() == pytest.approx([1000, 1050, 1102.5])
    assert result.total == pytest.approx(3152.5)


def test_tco_repeat_every_buys_on_the_cycle():
    # Start in year 4, every 3 years, 10-year horizon: years 4, 7 and 10.
    item = CostItem("refresh", "replacement", upfront=1000, start_year=4, repeat_every=3)
    years = tco([item], devices=1, students=1, years=10).by_year["replacement"]
    assert [y for y, v in years.items() if v] == [4, 7, 10]


def test_tco_item_starting_after_the_horizon_adds_nothing():
    item = CostItem("later", "contracts", annual=500, start_year=6)
    assert tco([item], devices=1, students=1, years=5).total == 0.0


def test_tco_device_program_full_hand_calculation():
    # Year 1 upfront: hardware 200 x 350 = 70,000; facilities 8,000.
    # Yearly: software 200x15 + 180x10 = 4,800; connectivity 12,000;
    # IT labor 1.5 h x $50 x 200 = 15,000; PD 400 x 10 = 4,000; contracts 3,000;
    # self/peer support 1 h x $30 x 200 = 6,000; downtime 2 h x $30 x 200 = 12,000;
    # lost instruction 0.5 h x $20 x 180 = 1,800. Yearly sum 58,600; x 4 = 234,400.
    # The first refresh would be in year 5, outside the 4-year horizon.
    # Direct = 78,000 + 4 x 38,800 = 233,200; indirect = 4 x 19,800 = 79,200.
    result = device_program_tco(**PROGRAM)
    assert result.total == pytest.approx(312_400)
    assert result.direct == pytest.approx(233_200)
    assert result.indirect == pytest.approx(79_200)
    assert result.by_category["replacement"] == 0
    assert result.by_year["total"].tolist() == pytest.approx([136_600, 58_600, 58_600, 58_600])
    assert result.per_year == pytest.approx(78_100)
    assert result.per_device_year == pytest.approx(312_400 / 800)  # 390.50
    assert result.per_student == pytest.approx(312_400 / 180)
    assert result.per_student_per_year == pytest.approx(312_400 / 720)


def test_tco_device_program_escalation_by_hand():
    # Yearly costs of 58,600 grow 3% a year: factor 1 + 1.03 + 1.0609 + 1.092727 = 4.183627,
    # so 58,600 x 4.183627 = 245,160.5422; the year-1 upfront 78,000 is not escalated.
    result = device_program_tco(**PROGRAM, escalation=0.03)
    assert result.total == pytest.approx(323_160.5422, abs=1e-3)


def test_tco_device_program_refresh_and_price_change_with_residual_credit():
    # 100 devices at $300, 3-year refresh, 5 years: purchases in years 1 and 4.
    # Price +10%/year: the year-4 fleet costs 100 x 300 x 1.1^3 = 39,930.
    # It serves years 4-5, 2 of 3 years: 1/3 of its price, 13,310, is credited in year 5.
    result = device_program_tco(100, 100, 300, 3, 5, device_price_change=0.10,
                                credit_residual=True)
    assert result.by_year["replacement"].tolist() == pytest.approx([0, 0, 0, 39_930, 0])
    assert result.by_year.loc[5, "hardware"] == pytest.approx(-13_310)
    assert result.total == pytest.approx(30_000 + 39_930 - 13_310)


def test_tco_device_program_without_residual_credit_counts_every_purchase_in_full():
    result = device_program_tco(100, 100, 300, 4, 5)
    # Years 1 and 5: two full fleets, no credit for the one bought in the last year.
    assert result.total == pytest.approx(60_000)
    assert len(device_program(100, 100, 300, 4, 5)) == len(device_program(100, 100, 300, 4, 5,
                                                                           credit_residual=False))


def test_tco_by_refresh_cycle_over_six_years():
    # Fleet of 100 x $300 = 30,000. Purchases within 6 years:
    # 3-year: 1, 4 | 4-year: 1, 5 | 5-year: 1, 6 | 6-year: 1.
    plain = tco_by_refresh_cycle(100, 100, 300, years=6)
    assert plain["fleet_purchases"].tolist() == [2, 2, 2, 1]
    assert plain["device_cost"].tolist() == pytest.approx([60_000, 60_000, 60_000, 30_000])
    # With the residual credit: 4-year fleet bought in year 5 has 2/4 left (15,000 back);
    # 5-year fleet bought in year 6 has 4/5 left (24,000 back); 3- and 6-year end at 0.
    credited = tco_by_refresh_cycle(100, 100, 300, years=6, credit_residual=True)
    assert credited["device_cost"].tolist() == pytest.approx([60_000, 45_000, 36_000, 30_000])
    # Per device-year = device cost / (100 devices x 6 years) here.
    assert credited["per_device_year"].tolist() == pytest.approx([100, 75, 60, 50])


def test_tco_summary_is_a_tidy_table():
    summary = device_program_tco(**PROGRAM).summary()
    assert list(summary.columns) == ["measure", "value"]
    values = dict(zip(summary["measure"], summary["value"]))
    assert values["total cost of ownership"] == pytest.approx(312_400)
    assert values["indirect share of total"] == pytest.approx(79_200 / 312_400)


def test_tco_by_year_is_indexed_by_fiscal_year_number():
    result = device_program_tco(**PROGRAM)
    assert list(result.by_year.index) == [1, 2, 3, 4]
    assert list(result.by_year.columns) == [*CATEGORIES, "total"]
    assert result.by_item["total"].sum() == pytest.approx(result.total)


def test_tco_by_fiscal_year_labels_california_years():
    result = device_program_tco(**PROGRAM)
    table = result.by_fiscal_year("2029-30")
    assert list(table.index) == ["2029-30", "2030-31", "2031-32", "2032-33"]
    assert table["total"].tolist() == result.by_year["total"].tolist()
    assert list(device_program_tco(**{**PROGRAM, "years": 2}).by_fiscal_year("2099-00").index) == [
        "2099-00",
        "2100-01",
    ]
