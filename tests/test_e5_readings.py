"""The E5 Finance Centered Aspects readings: every rate, threshold and worked number they quote is the library's.

General checks of every principle's readings are in test_readings.py; these tie
E5's prose to the reference tables and calculators, so a changed table or
formula cannot leave the readings saying something else.
"""

from __future__ import annotations

import pytest

from readings_text import readings_text, sections
from workbook.tools.erate import c2_budget
from workbook.tools.funding import attendance_point_value, base_grants, funded_ada, lcff_entitlement
from workbook.tools.interim import reserve_minimum
from workbook.tools.purchasing import bid_threshold, purchase_route
from workbook.tools.reference import cola


@pytest.fixture(scope="module")
def text() -> str:
    return " ".join(readings_text("E5").split())


def _money(x: float) -> str:
    return f"{x:,.0f}"


def test_e5_readings_quote_the_2024_25_lcff_rates_of_the_table(text):
    rates = base_grants("2024-25")
    for span in ("tk_3", "g4_6", "g7_8", "g9_12"):
        assert _money(rates.loc[span, "base_grant"]) in text, span
    assert f"adjusted TK-3 rate was {_money(rates.loc['tk_3', 'adjusted_base'])} dollars" in text
    assert f"9-12 rate {_money(rates.loc['g9_12', 'adjusted_base'])}" in text


def test_e5_readings_quote_the_cola_table(text):
    for year, quoted in (("2024-25", "1.07%"), ("2025-26", "2.30%"), ("2026-27", "2.41%")):
        assert f"{cola(year):.2%}" == quoted and quoted in text


def test_e5_readings_supplemental_and_concentration_example(text):
    # "A district with a UPP of 75% ... about 15% ... and 13% more"
    r = lcff_entitlement({"g4_6": 100}, 0.75, "2024-25")
    assert round(r.supplemental / r.base, 2) == 0.15 and round(r.concentration / r.base, 2) == 0.13
    assert "about 15% on top of its base" in text and "13% more from the concentration grant" in text


def test_e5_readings_bid_thresholds_are_the_tables(text):
    for year in range(2021, 2026):
        assert _money(bid_threshold(year)) in text
    assert purchase_route(15_000, "public_project", 2025) == "formal bid" and "15,000 dollars **or more**" in text
    assert purchase_route(75_000, "public_project", 2025, cupccaa=True) == "informal" and "75,000 dollars without bidding" in text
    assert purchase_route(220_000, "public_project", 2025, cupccaa=True) == "cupccaa informal bid" and "220,000 dollars with informal bids" in text


def test_e5_readings_one_point_of_attendance(text):
    # 10,000 students in grades 4-6, 2024-25, no unduplicated pupils: 100 ADA x 10,177
    value = attendance_point_value({"g4_6": 10_000}, 0.0, "2024-25")
    assert f"{value:,.0f} dollars a year" in text
    with_upp = attendance_point_value({"g4_6": 10_000}, 0.75, "2024-25")
    assert round(with_upp / value - 1, 2) == 0.28 and "add 28% more" in text
    assert "0.944 ADA" in text and round(170 / 180, 3) == 0.944


def test_e5_readings_declining_enrollment_example():
    # "A district whose ADA falls from 10,000 to 9,600 is still funded on 10,000 this year"
    assert funded_ada({"g9_12": 9_600}, [{"g9_12": 10_000}] * 3).total == 10_000


def test_e5_readings_reserve_bands_are_the_regulations(text):
    assert reserve_minimum(1_000_000, 300) == 55_000 and "55,000 dollars in the regulation" in text
    for ada, rate, quoted in ((250, 0.05, "5%"), (800, 0.04, "4%"), (5_000, 0.03, "3%"), (50_000, 0.02, "2%"), (500_000, 0.01, "1%")):
        assert reserve_minimum(100_000_000, ada) == pytest.approx(100_000_000 * rate)
        assert quoted in sections(readings_text("E5"))["Planning"]


def test_e5_readings_c2_budget_values(text):
    assert c2_budget(1_000) == pytest.approx(201_570) and "201.57 dollars per student" in text
    assert c2_budget(10) == 30_175 and "30,175 dollars per school" in text
    assert c2_budget(1_000, "FY2021-25") == 167_000 and "167.00 dollars and 25,000 dollars per school" in text


def test_e5_worked_example_numbers_are_the_calculators(text):
    r = lcff_entitlement({"tk_3": 300, "g4_6": 200, "g7_8": 150, "g9_12": 310}, 0.70, "2024-25")
    assert (r.base, r.supplemental, r.concentration) == pytest.approx((10_790_100, 1_510_614, 1_052_034.75))
    assert r.total == pytest.approx(13_352_748.75) and round(r.per_ada) == 13_909
