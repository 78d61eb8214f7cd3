"""Budget worksheet: hand-computed projections, restricted money, pensions, E-rate."""

from __future__ import annotations

import dataclasses
import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from workbook.errors import InputError
from workbook.tools.budget import (
    BudgetLine,
    benefit_line,
    budget_worksheet,
    district_budget_lines,
    fiscal_years,
)

YEARS = ["2026-27", "2027-28", "2028-29"]


def test_budget_two_lines_three_percent_three_years_by_hand():
    lines = [
        BudgetLine("LCFF", "revenue", "0000", "8011", 500_000, 0.03),
        BudgetLine("Chromebook licences", "expenditure", "0000", "5800", 40_000, 0.03),
    ]
    ws = budget_worksheet(lines, "2026-27", 3)
    assert list(ws.years) == YEARS
    table = ws.table.set_index("description")
    # 500,000 -> 515,000 -> 530,450 ; 40,000 -> 41,200 -> 42,436
    assert table.loc["LCFF", YEARS].tolist() == pytest.approx([500_000, 515_000, 530_450])
    assert table.loc["Chromebook licences", YEARS].tolist() == pytest.approx([40_000, 41_200, 42_436])
    summary = ws.summary()
    assert summary.loc[("total", "net"), YEARS].tolist() == pytest.approx([460_000, 473_800, 488_014])
    assert summary.loc[("restricted", "net"), YEARS].tolist() == [0.0, 0.0, 0.0]
    assert list(ws.table.columns[:9]) == [
        "description", "kind", "resource", "object_code", "major_object",
        "restricted", "escalator", "erate_discount", "one_time",
    ]


def test_budget_cola_escalator_uses_the_cola_table():
    line = BudgetLine("LCFF", "revenue", "0000", "8011", 1_000_000, "cola")
    ws = budget_worksheet([line], "2024-25", 4)
    values = ws.table.loc[0, ["2024-25", "2025-26", "2026-27", "2027-28"]].tolist()
    # base year; x1.023 (2025-26); x1.0241 (2026-27); x1.0241 carried forward (2027-28)
    expected = [1_000_000, 1_023_000, 1_023_000 * 1.0241, 1_023_000 * 1.0241**2]
    assert values == pytest.approx(expected)
    assert any("2027-28" in note and "carried forward" in note for note in ws.notes)


def test_budget_restricted_grant_spent_over_its_years_is_not_an_unrestricted_surplus():
    award = BudgetLine("Title IV-A award", "revenue", "4127", "8290", 90_000)
    spend = BudgetLine("Title IV-A digital citizenship", "expenditure", "4127", "5800", 30_000)
    lcff = BudgetLine("LCFF", "revenue", "0000", "8011", 200_000)
    staff = BudgetLine("Technician", "expenditure", "0000", "2000", 200_000)
    ws = budget_worksheet([lcff, staff, spend], "2026-27", 3, one_time={"2026-27": [award]})
    summary = ws.summary()
    assert summary.loc[("unrestricted", "net"), YEARS].tolist() == [0.0, 0.0, 0.0]
    assert summary.loc[("restricted", "revenue"), YEARS].tolist() == [90_000, 0.0, 0.0]
    assert summary.loc[("restricted", "net"), YEARS].tolist() == [60_000, -30_000, -30_000]
    balance = ws.ending_balance(1_000_000, restricted=0)
    assert balance["unrestricted_ending"].tolist() == [1_000_000] * 3
    assert balance["restricted_ending"].tolist() == [60_000, 30_000, 0]
    assert balance["ending"].tolist() == [1_060_000, 1_030_000, 1_000_000]
    assert balance["beginning"].tolist() == [1_000_000, 1_060_000, 1_030_000]
    table = ws.table.set_index("description")
    assert table.loc["Title IV-A award", "one_time"] == "2026-27"
    assert bool(table.loc["Title IV-A award", "restricted"]) is True
    assert bool(table.loc["LCFF", "restricted"]) is False


def test_budget_benefits_follow_calpers_rate_by_year():
    pay = BudgetLine("Network technicians", "expenditure", "0000", "2000", 1_000_000)
    pers = benefit_line(pay, "calpers")
    ws = budget_worksheet([pay, pers], "2024-25", 4)
    years = ["2024-25", "2025-26", "2026-27", "2027-28"]
    row = ws.table.set_index("object_code").loc["3202", years]
    # 27.05%, 26.81% (adopted), ~26.4% projected, carried forward
    assert row.tolist() == pytest.approx([270_500, 268_100, 264_000, 264_000])
    assert any("pension_rates" in note and "2027-28" in note for note in ws.notes)
    by_object = ws.by_object()
    assert by_object.loc["3000", years].tolist() == pytest.approx([270_500, 268_100, 264_000, 264_000])
    assert by_object.loc["2000", "name"] == "Classified personnel salaries"


def test_budget_benefits_follow_salary_growth_and_calstrs_rate():
    pay = BudgetLine("Teachers on special assignment", "expenditure", "0000", "1000", 200_000, 0.02)
    strs = benefit_line(pay, "calstrs")
    ws = budget_worksheet([pay, strs], "2025-26", 2)
    row = ws.table.set_index("object_code").loc["3101", ["2025-26", "2026-27"]]
    assert row.tolist() == pytest.approx([200_000 * 0.191, 204_000 * 0.191])


def test_budget_benefit_line_needs_a_salary_line():
    software = BudgetLine("Software", "expenditure", "0000", "5800", 1)
    with pytest.raises(InputError) as info:
        benefit_line(software, "calpers")
    assert info.value.field == "salary_line"
    pay = BudgetLine("Pay", "expenditure", "0000", "2000", 1)
    with pytest.raises(InputError) as info:
        benefit_line(pay, "pers")
    assert info.value.field == "system"


def test_budget_erate_line_shows_gross_erate_and_district_share():
    internet = BudgetLine("Internet access", "expenditure", "0000", "5900", 100_000, erate_category=1)
    wifi = BudgetLine("Wi-Fi maintenance", "expenditure", "0000", "5800", 20_000, erate_category=2)
    ws = budget_worksheet([internet, wifi], "2026-27", 2, nslp_pct=0.80, locale="urban")
    table = ws.table.set_index("description")
    assert table.loc["Internet access", "erate_discount"] == pytest.approx(0.90)
    assert table.loc["Internet access", ["2026-27", "2027-28"]].tolist() == pytest.approx([10_000, 10_000])
    assert table.loc["Wi-Fi maintenance", "2026-27"] == pytest.approx(3_000)  # 15% of 20,000
    erate = ws.erate.set_index(["description", "fiscal_year"])
    first = erate.loc[("Internet access", "2026-27")]
    assert (first["gross"], first["erate_share"], first["district_share"]) == pytest.approx(
        (100_000, 90_000, 10_000)
    )
    assert ws.summary().loc[("total", "expenditure"), "2026-27"] == pytest.approx(13_000)


def test_budget_erate_line_without_district_facts_names_the_argument():
    internet = BudgetLine("Internet access", "expenditure", "0000", "5900", 1, erate_category=1)
    with pytest.raises(InputError) as info:
        budget_worksheet([internet])
    assert info.value.field == "nslp_pct"
    with pytest.raises(InputError) as info:
        budget_worksheet([internet], nslp_pct=0.5)
    assert info.value.field == "locale"


def test_budget_by_object_lists_every_major_object():
    ws = budget_worksheet([BudgetLine("Switches", "expenditure", "0000", "6400", 5_000)], "2026-27", 1)
    by_object = ws.by_object()
    assert list(by_object.index) == ["1000", "2000", "3000", "4000", "5000", "6000", "7000"]
    assert by_object["2026-27"].tolist() == [0, 0, 0, 0, 0, 5_000, 0]


def test_budget_district_lines_from_a_sample_district():
    from workbook.districts import load_district

    district = load_district("sample-suburban")
    lines = district_budget_lines(district)
    spend = [l for l in lines if l.kind == "expenditure"]
    revenue = [l for l in lines if l.kind == "revenue"]
    assert sum(l.amount for l in spend) == pytest.approx(district.budget.total)
    assert sum(l.amount for l in revenue) == pytest.approx(district.revenue.total)
    codes = {(l.description.split(" (")[0], l.resource, l.object_code) for l in revenue}
    assert ("LCFF", "0000", "8011") in codes
    assert ("Federal revenue", "3010", "8290") in codes
    assert {l.object_code for l in spend} == {"2000", "3000", "4400", "5800", "5900", "5200", "6400"}
    ws = budget_worksheet(lines, district.fiscal_year, 3)
    assert ws.summary().loc[("total", "revenue"), district.fiscal_year] == pytest.approx(
        district.revenue.total
    )
    # the same through the sample id
    assert district_budget_lines("sample-suburban") == lines


def test_budget_district_lines_with_erate_connectivity():
    from workbook.districts import load_district

    district = load_district("sample-rural")
    lines = district_budget_lines(district)
    lines = [
        dataclasses.replace(l, erate_category=1) if l.object_code == "5900" else l for l in lines
    ]
    ws = budget_worksheet(lines, district.fiscal_year, 1, nslp_pct=district.nslp_pct, locale=district.locale)
    assert len(ws.erate) == 1
    row = ws.erate.iloc[0]
    assert row["gross"] == pytest.approx(district.budget.connectivity)
    assert row["erate_share"] + row["district_share"] == pytest.approx(row["gross"])


amounts = st.floats(0, 1e9, allow_nan=False, allow_infinity=False)
line_specs = st.tuples(
    st.sampled_from(["revenue", "expenditure"]),
    st.sampled_from(["0000", "1100", "3010", "4127", "6500", "9010"]),
    amounts,
    st.one_of(st.just("none"), st.floats(-0.5, 0.5)),
)


@settings(max_examples=60, deadline=None)
@given(st.lists(line_specs, min_size=1, max_size=8), st.integers(1, 5))
def test_budget_summary_totals_equal_the_sum_of_lines(specs, n_years):
    lines = [
        BudgetLine(f"line {i}", kind, res, "8590" if kind == "revenue" else "4300", amount, esc)
        for i, (kind, res, amount, esc) in enumerate(specs)
    ]
    ws = budget_worksheet(lines, "2026-27", n_years)
    summary = ws.summary()
    years = list(ws.years)
    for kind in ("revenue", "expenditure"):
        mine = ws.table[ws.table["kind"] == kind][years].sum()
        assert summary.loc[("total", kind), years].to_numpy() == pytest.approx(mine.to_numpy())
        split = summary.loc[("unrestricted", kind), years] + summary.loc[("restricted", kind), years]
        assert split.to_numpy() == pytest.approx(mine.to_numpy())
    expenditure = ws.table[ws.table["kind"] == "expenditure"][years].sum()
    assert ws.by_object()[years].sum().to_numpy() == pytest.approx(expenditure.to_numpy())
    balance = ws.ending_balance(0.0)
    assert balance["ending"].iloc[-1] == pytest.approx(summary.loc[("total", "net"), years].sum(), abs=1e-3)


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        (dict(amount=-1), "amount"),
        (dict(amount=math.nan), "amount"),
        (dict(amount="100"), "amount"),
        (dict(resource="12a"), "resource"),
        (dict(resource=3010), "resource"),
        (dict(object_code="58"), "object_code"),
        (dict(object_code="8011"), "object_code"),  # revenue object on an expenditure
        (dict(escalator="inflation"), "escalator"),
        (dict(escalator="calstrs"), "escalator"),
        (dict(escalator=3), "escalator"),
        (dict(escalator=math.nan), "escalator"),
        (dict(kind="spending"), "kind"),
        (dict(description=""), "description"),
        (dict(erate_category=3), "erate_category"),
        (dict(pension="strs"), "pension"),
    ],
)
def test_budget_line_bad_input_names_the_argument(kwargs, field):
    base = dict(description="Switch support", kind="expenditure", resource="0000",
                object_code="5800", amount=1_000.0)
    base.update(kwargs)
    with pytest.raises(InputError) as info:
        BudgetLine(**base)
    assert info.value.field == field


def test_budget_worksheet_bad_input_names_the_argument():
    line = BudgetLine("Support", "expenditure", "0000", "5800", 1)
    cases = [
        (lambda: budget_worksheet([line], "2026-28"), "start_year"),
        (lambda: budget_worksheet([line], "2026"), "start_year"),
        (lambda: budget_worksheet([line], "2026-27", 0), "years"),
        (lambda: budget_worksheet(["Support"]), "lines[0]"),
        (lambda: budget_worksheet([]), "lines"),
        (lambda: budget_worksheet([line], one_time={"2030-31": [line]}), "one_time"),
        (
            lambda: budget_worksheet(
                [line], one_time={"2026-27": [dataclasses.replace(line, escalator=0.03)]}
            ),
            "one_time['2026-27'].escalator",
        ),
        (lambda: budget_worksheet([line]).ending_balance(math.nan), "beginning_balance"),
        (lambda: budget_worksheet([line]).ending_balance(10, restricted=-1), "restricted"),
        (lambda: district_budget_lines(object()), "district"),
    ]
    for call, field in cases:
        with pytest.raises(InputError) as info:
            call()
        assert info.value.field == field


def test_budget_fiscal_years_helper():
    assert fiscal_years("2026-27", 3) == YEARS
    assert fiscal_years("1999-00", 2) == ["1999-00", "2000-01"]
    for bad in ("2026-28", "2026/27", "26-27", 2026, None):
        with pytest.raises(InputError) as info:
            fiscal_years(bad, 3)
        assert info.value.field == "start"
    with pytest.raises(InputError) as info:
        fiscal_years("2026-27", 2.5)
    assert info.value.field == "n"


def test_budget_district_lines_spending_only_and_bad_flag():
    from workbook.districts import load_district

    district = load_district("sample-urban")
    lines = district_budget_lines(district, include_revenue=False, expenditure_escalator=0.02)
    assert {l.kind for l in lines} == {"expenditure"}
    ws = budget_worksheet(lines, "2026-27", 2)
    assert ws.summary().loc[("total", "expenditure"), "2027-28"] == pytest.approx(
        district.budget.total * 1.02
    )
    with pytest.raises(InputError) as info:
        district_budget_lines(district, include_revenue="no")
    assert info.value.field == "include_revenue"
