"""E5 calculators against values worked by hand from the published rates and rules.

LCFF: CDE's 2023-24 funding rates (base grants per ADA 9,919 / 10,069 / 10,367 /
12,015; grade span adjustments 10.4% on TK-3 and 2.6% on 9-12; supplemental 20% of
the adjusted base times UPP; concentration 65% times the UPP above 55%).
Bid thresholds: PCC 20111 as adjusted by the Superintendent each January.
Reserves: 5 CCR 15450.
"""

from __future__ import annotations

import pytest

from workbook.tools.funding import (
    ada_from_attendance,
    attendance_point_value,
    base_grants,
    funded_ada,
    lcff_entitlement,
)
from workbook.tools.interim import certification, multiyear_projection, reserve_minimum
from workbook.tools.purchasing import bid_threshold, purchase_route, purchase_routes
from workbook.tools.budget_lines import BudgetLine

# A unified district worked by hand with the 2023-24 rates.
ADA = {"tk_3": 1_000, "g4_6": 700, "g7_8": 450, "g9_12": 900}


def test_lcff_2023_24_worked_by_hand_from_the_published_rates():
    # adjusted base per ADA: 9,919 + 1,032 = 10,951; 10,069; 10,367; 12,015 + 312 = 12,327
    base = 1_000 * 10_951 + 700 * 10_069 + 450 * 10_367 + 900 * 12_327
    assert base == 33_758_750
    supplemental = 0.20 * 0.62 * 33_758_750          # 4,186,085
    concentration = 0.65 * (0.62 - 0.55) * 33_758_750  # 1,536,023.125
    r = lcff_entitlement(ADA, 0.62, "2023-24")
    assert r.base == pytest.approx(33_758_750, abs=1e-6)
    assert r.supplemental == pytest.approx(4_186_085, abs=1e-6)
    assert r.concentration == pytest.approx(1_536_023.125, abs=1e-6)
    assert r.total == pytest.approx(base + supplemental + concentration, abs=1e-6)
    assert r.total == pytest.approx(39_480_858.125, abs=1e-6)


def test_lcff_below_the_concentration_threshold_has_no_concentration_grant():
    r = lcff_entitlement(ADA, 0.55, "2024-25")
    assert r.concentration == 0.0
    # 2024-25 adjusted bases: 11,068 / 10,177 / 10,478 / 12,460
    assert r.base == 1_000 * 11_068 + 700 * 10_177 + 450 * 10_478 + 900 * 12_460
    assert r.supplemental == pytest.approx(r.base * 0.20 * 0.55)


def test_lcff_rates_after_the_table_are_projected_by_cola_and_say_so():
    rates = base_grants("2026-27")
    # 2025-26 table value x (1 + 2.41%), rounded to the dollar
    assert rates.loc["tk_3", "base_grant"] == round(10_256 * 1.0241)
    assert rates.loc["tk_3", "gsa_amount"] == round(round(10_256 * 1.0241) * 0.104)
    assert set(rates["confidence"]) == {"computed"}
    assert "2026-27 (2.41%)" in rates.loc["tk_3", "note"]
    assert lcff_entitlement(ADA, 0.4, "2026-27").notes


def test_lcff_matches_the_district_generator_for_2024_25():
    from workbook.district_generator import lcff_revenue
    from workbook.districts import load_district

    d = load_district("sample-urban")
    assert lcff_entitlement(d.ada, d.unduplicated_pct, "2024-25").total == pytest.approx(lcff_revenue(d.ada, d.unduplicated_pct))


def test_ada_is_days_of_attendance_over_days_taught():
    assert ada_from_attendance(27_000, 180) == 150.0
    assert ada_from_attendance([1_900, 1_805], [20, 19]) == pytest.approx(3_705 / 39, abs=1e-4)


def test_one_point_of_attendance_worked_by_hand():
    # 2,000 students in grades 9-12, 2024-25: one point is 20 ADA x 12,460 = 249,200 base;
    # UPP 70%: x (1 + 0.20 x 0.70 + 0.65 x 0.15) = x 1.2375
    assert attendance_point_value({"g9_12": 2_000}, 0.70, "2024-25") == pytest.approx(249_200 * 1.2375)


@pytest.mark.parametrize(
    ("current", "history", "method", "total"),
    [
        (1_010, (1_000, 990, 980), "current", 1_010),
        (960, (1_000, 990, 980), "prior", 1_000),
        (960, (1_000, 1_050, 1_100), "three-year average", 1_050),
        (1_000, (1_000, 1_000, 1_000), "current", 1_000),  # a tie goes to current
    ],
)
def test_funded_ada_is_the_greatest_of_current_prior_and_three_year_average(current, history, method, total):
    f = funded_ada({"g4_6": current}, [{"g4_6": h} for h in history])
    assert (f.method, f.total) == (method, pytest.approx(total))


@pytest.mark.parametrize(("year", "threshold"), [(2021, 96_700), (2022, 99_100), (2023, 109_300), (2024, 114_500), (2025, 114_800)])
def test_bid_threshold_by_year(year, threshold):
    assert bid_threshold(year) == threshold


def test_bid_threshold_is_more_than_and_public_projects_are_or_more():
    assert purchase_route(109_300, "supplies", "2023-05-01") == "informal"
    assert purchase_route(109_300.01, "supplies", "2023-05-01") == "formal bid"
    assert purchase_route(109_300.01, "supplies", "2024-05-01") == "informal"  # the 2024 threshold is higher
    assert purchase_route(14_999, "public_project", 2025) == "informal"
    assert purchase_route(15_000, "public_project", 2025) == "formal bid"
    assert purchase_route(75_000, "public_project", 2025, cupccaa=True) == "informal"
    assert purchase_route(75_001, "public_project", 2025, cupccaa=True) == "cupccaa informal bid"
    assert purchase_route(220_001, "public_project", 2025, cupccaa=True) == "formal bid"
    assert purchase_route(500_000, "technology", 2025, contract="piggyback") == "piggyback"
    assert purchase_route(500_000, "services", 2025, contract="cmas") == "cmas"


def test_split_orders_are_decided_on_their_total_within_a_fiscal_year():
    orders = [
        {"id": "a", "description": "x", "kind": "supplies", "amount": 60_000, "date": "2025-03-01", "need": "n"},
        {"id": "b", "description": "x", "kind": "supplies", "amount": 60_000, "date": "2025-05-01", "need": "n"},
        {"id": "c", "description": "x", "kind": "supplies", "amount": 60_000, "date": "2025-08-01", "need": "n"},  # next fiscal year
    ]
    table = purchase_routes(orders).set_index("id")
    assert table.loc["a", "need_total"] == 120_000 and table.loc["a", "route"] == "formal bid" and table.loc["a", "split"]
    assert table.loc["c", "need_total"] == 60_000 and table.loc["c", "route"] == "informal" and not table.loc["c", "split"]


@pytest.mark.parametrize(
    ("spend", "ada", "minimum"),
    [
        (1_000_000, 300, 55_000),        # 5% = 50,000 < floor
        (2_000_000, 301, 80_000),        # 4%
        (1_000_000, 1_000, 55_000),      # 4% = 40,000 < floor
        (10_000_000, 1_001, 300_000),    # 3%
        (500_000_000, 30_001, 10_000_000),  # 2%
        (1_000_000_000, 400_001, 10_000_000),  # 1%
    ],
)
def test_reserve_minimum_by_ada_band(spend, ada, minimum):
    assert reserve_minimum(spend, ada) == pytest.approx(minimum)


def test_certification_rules():
    mins = [100, 100, 100]
    assert certification([150, 150, 150], mins) == "positive"
    assert certification([150, 150, 90], mins) == "qualified"
    assert certification([90, 150, 150], mins) == "qualified"
    assert certification([150, 150, -1], mins) == "qualified"
    assert certification([150, -1, 150], mins) == "negative"
    assert certification([-1, 150, 150], mins) == "negative"


def test_multiyear_projection_by_hand():
    lines = [BudgetLine("LCFF", "revenue", "0000", "8011", 20_000_000, "none"),
             BudgetLine("Pay", "expenditure", "0000", "1100", 19_500_000, 0.03)]
    p = multiyear_projection(lines, "2026-27", beginning_balance=600_000, ada=1_800)
    # nets: +500,000; 20,000,000 - 20,085,000 = -85,000; 20,000,000 - 20,687,550 = -687,550
    assert p.table["unrestricted_ending"].tolist() == pytest.approx([1_100_000, 1_015_000, 327_450])
    assert p.table["reserve_minimum"].tolist() == pytest.approx([585_000, 602_550, 620_626.5])
    assert p.certification == "qualified"
