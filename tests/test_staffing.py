"""E2's calculators (workbook.tools.staffing): reference values by hand, properties, bad input named back.

The cost of a position reuses the budget's benefit rules (workbook.tools.benefits
and the pension_rates / statutory_benefits reference tables); one test checks
that it agrees with the L6 budget's own lines for the same salary and year.
"""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from workbook.errors import InputError
from workbook.tools.benefits import benefit_lines
from workbook.tools.budget_lines import BudgetLine, line_values
from workbook.tools.staffing import (
    accounts_to_disable,
    compare_positions,
    credential_status,
    needs_bargaining,
    position_cost,
    projection_note,
    salaries_by_year,
    salary_schedule,
)

# --------------------------------------------------------------------------- reference values, by hand


def test_a_calstrs_position_by_hand():
    c = position_cost("TOSA", [90_000], "2025-26", "calstrs", salary_object="1900")
    row = c.table.loc["2025-26"]
    # 19.10% CalSTRS, no Social Security, 1.45% Medicare, 0.05% UI, 1.5% workers' comp
    assert row.to_dict() == pytest.approx({"salary": 90_000, "pension": 17_190, "social_security": 0, "medicare": 1_305,
                                           "unemployment": 45, "workers_comp": 1_350, "health_and_welfare": 0, "total": 109_890})


def test_a_calpers_position_by_hand_for_each_year_of_the_table():
    c = position_cost("Specialist", [70_000, 70_000, 70_000], "2024-25", "calpers", salary_object="2400")
    # 27.05%, 26.81%, 26.4% (projected) of 70,000
    assert c.table["pension"].tolist() == pytest.approx([18_935, 18_767, 18_480])
    assert c.table.loc["2024-25", "social_security"] == pytest.approx(4_340)  # 6.2%
    assert c.table.loc["2024-25", "total"] == pytest.approx(70_000 + 18_935 + 4_340 + 1_015 + 35 + 1_050)
    assert c.notes == (projection_note("calpers", ["2026-27"]),)
    assert c.notes[0].startswith("The CalPERS employer rate for 2026-27 is the 2026-27 projection (26.40%): PROJECTION")
    assert position_cost("T", [70_000], "2025-26", "calstrs", salary_object="1900").notes == ()


def test_a_year_past_the_table_carries_the_projected_rate_forward_and_says_so():
    c = position_cost("Specialist", [100_000], "2028-29", "calpers", salary_object="2400")
    assert c.table.loc["2028-29", "pension"] == pytest.approx(26_400)
    assert c.notes[0].startswith("The CalPERS employer rate for 2028-29 is the 2026-27 projection (26.40%), carried forward")


def test_health_cap_and_growth_by_hand():
    capped = position_cost("X", [50_000] * 3, "2025-26", "calpers", salary_object="2400",
                           health_premium=20_000, health_growth=0.10, health_cap=21_000)
    assert capped.table["health_and_welfare"].tolist() == pytest.approx([20_000, 21_000, 21_000])
    free = position_cost("X", [50_000] * 3, "2025-26", "calpers", salary_object="2400", health_premium=20_000, health_growth=0.10)
    assert free.table["health_and_welfare"].tolist() == pytest.approx([20_000, 22_000, 24_200])


def test_the_districts_workers_comp_rate_replaces_the_illustrative_one():
    c = position_cost("X", [100_000], "2025-26", "calpers", salary_object="2400", workers_comp_rate=0.025)
    assert c.table.loc["2025-26", "workers_comp"] == pytest.approx(2_500)


def test_position_cost_agrees_with_the_l6_budgets_benefit_lines():
    """The same salary through benefit_lines (what L6's worksheet uses) gives the same dollars."""
    for system, obj in (("calpers", "2400"), ("calstrs", "1900")):
        line = BudgetLine("Pay", "expenditure", "0000", obj, 83_250)
        budget = sum(float(line_values(b, ["2026-27"])[0]) for b in benefit_lines(line, system))
        cost = position_cost("Pay", [83_250], "2026-27", system, salary_object=obj)
        assert cost.total - 83_250 == pytest.approx(budget, abs=0.05)


def test_schedule_and_step_movement_by_hand():
    s = salary_schedule(50_000, 3, ["A", "B"], 0.05, 0.10)
    assert s.to_numpy().tolist() == [[50_000, 55_000], [52_500, 57_750], [55_125, 60_638]]
    # from step 2: step 3, then the top step again, on a schedule raised 2% a year
    assert salaries_by_year(s, 2, "B", 3, schedule_increase=0.02) == pytest.approx([57_750, 61_850.76, 63_087.78])


def test_comparison_by_hand():
    a = position_cost("Specialist", [80_000], "2025-26", "calpers", salary_object="2400")
    b = position_cost("TOSA", [80_000], "2025-26", "calstrs", salary_object="1900")
    t = compare_positions(a, b, 240, 185)
    # specialist: 80,000 + 21,448 + 4,960 + 1,160 + 40 + 1,200 = 108,808; TOSA: 80,000 + 15,280 + 1,160 + 40 + 1,200 = 97,680
    assert t.loc["Specialist", "total"] == pytest.approx(108_808)
    assert t.loc["TOSA", "per_day"] == pytest.approx(97_680 / 185)
    assert t.loc["Specialist", "benefits_share"] == pytest.approx(28_808 / 108_808)


def test_credential_status_each_case():
    staff = [
        {"id": "A", "role": "teacher on special assignment", "credential": "single subject", "expires": date(2027, 6, 30)},
        {"id": "B", "role": "teacher on special assignment", "credential": "single subject", "expires": date(2027, 6, 29)},
        {"id": "C", "role": "teacher librarian", "credential": "", "expires": None},
        {"id": "D", "role": "network technician", "credential": "", "expires": None},
        {"id": "E", "role": "director of technology (certificated)", "credential": "administrative services", "expires": pd.NaT},
    ]
    t = credential_status(staff, through=date(2027, 6, 30))
    assert t["status"].tolist() == ["valid", "expires during the assignment", "missing", "not required", "valid"]


def test_dates_from_a_spreadsheet_read_as_text_work_too():
    staff = [{"id": "A", "role": "teacher librarian", "credential": "teacher librarian services", "expires": "2027-03-01"}]
    assert credential_status(staff, date(2027, 6, 30))["status"].tolist() == ["expires during the assignment"]
    people = [{"employee_id": "E1", "separation_date": "2026-07-15"}, {"employee_id": "E2", "separation_date": ""}]
    accounts = [{"account": "a", "employee_id": "E1", "active": True}, {"account": "b", "employee_id": "E2", "active": True}]
    assert accounts_to_disable(accounts, people, date(2026, 8, 1)) == ["a"]


def test_accounts_to_disable_each_case():
    people = [{"employee_id": "E1", "separation_date": date(2026, 8, 1)},  # leaves on the review day
              {"employee_id": "E2", "separation_date": date(2026, 8, 2)},  # leaves tomorrow
              {"employee_id": "E3", "separation_date": None},
              {"employee_id": "E4", "separation_date": date(2026, 1, 1)}]
    accounts = [{"account": "e1", "employee_id": "E1", "active": True},
                {"account": "e2", "employee_id": "E2", "active": True},
                {"account": "e3", "employee_id": "E3", "active": True},
                {"account": "e4", "employee_id": "E4", "active": False},  # already off
                {"account": "zz-test", "employee_id": "T9", "active": True},
                {"account": "aa-vendor", "employee_id": "V1", "active": False}]
    assert accounts_to_disable(accounts, people, date(2026, 8, 1)) == ["e1", "zz-test"]


def test_bargaining_each_case():
    changes = [{"id": "c1", "matters": ""}, {"id": "c2", "matters": "safety; discipline"}, {"id": "c3", "matters": None},
               {"id": "c4", "matters": ["hours"]}]
    assert needs_bargaining(changes) == ["c2", "c4"]


# --------------------------------------------------------------------------- properties

salaries = st.floats(min_value=20_000, max_value=250_000, allow_nan=False)
years = st.sampled_from(["2024-25", "2025-26", "2026-27", "2027-28"])


@settings(max_examples=40, deadline=None)
@given(salaries, st.floats(min_value=0, max_value=50_000), years, st.sampled_from(["calstrs", "calpers"]))
def test_more_pay_never_costs_less(pay, raise_, year, system):
    obj = "1900" if system == "calstrs" else "2400"
    low = position_cost("X", [pay], year, system, salary_object=obj).total
    high = position_cost("X", [pay + raise_], year, system, salary_object=obj).total
    assert high >= low - 1e-6


@settings(max_examples=40, deadline=None)
@given(salaries, years)
def test_at_the_same_salary_a_calpers_position_costs_more_than_a_calstrs_one(pay, year):
    """CalPERS's rate plus Social Security is above CalSTRS's rate in every year of the table."""
    pers = position_cost("X", [pay], year, "calpers", salary_object="2400").total
    strs = position_cost("X", [pay], year, "calstrs", salary_object="1900").total
    assert pers > strs


@settings(max_examples=40, deadline=None)
@given(st.lists(salaries, min_size=1, max_size=5), st.floats(min_value=0, max_value=40_000), st.floats(min_value=0, max_value=0.2),
       st.one_of(st.none(), st.floats(min_value=0, max_value=40_000)))
def test_health_never_exceeds_the_cap_and_benefits_are_a_share_below_one(pay, premium, growth, cap):
    c = position_cost("X", pay, "2025-26", "calpers", salary_object="2400", health_premium=premium, health_growth=growth,
                      health_cap=cap)
    if cap is not None:
        assert (c.table["health_and_welfare"] <= cap + 0.005 + 1e-9).all()  # to the cent
    assert 0 < c.benefits_share < 1


@given(st.integers(min_value=1, max_value=10), st.integers(min_value=1, max_value=8), st.floats(min_value=0, max_value=0.06))
def test_an_employee_never_earns_less_next_year(step, years_, growth):
    s = salary_schedule(60_000, 10, ["A"], 0.03, 0.0)
    pay = salaries_by_year(s, step, "A", years_, schedule_increase=growth)
    assert all(b >= a for a, b in zip(pay, pay[1:]))


# --------------------------------------------------------------------------- bad input named back


@pytest.mark.parametrize(("call", "field", "value"), [
    (lambda: position_cost("X", [1], "2025-26", "strs", salary_object="1900"), "system", "strs"),
    (lambda: position_cost("X", [1], "2025-26", "calpers", salary_object="1900"), "salary_object", "1900"),
    (lambda: position_cost("X", [-5], "2025-26", "calpers", salary_object="2400"), "salaries[0]", -5),
    (lambda: position_cost("X", [], "2025-26", "calpers", salary_object="2400"), "salaries", []),
    (lambda: position_cost("X", [1], "2025-26", "calpers", salary_object="2400", health_cap=-1), "health_cap", -1),
    (lambda: position_cost("X", [1], "2025-26", "calpers", salary_object="2400", workers_comp_rate=0.5), "workers_comp_rate", 0.5),
    (lambda: position_cost("X", [1], "2019-20", "calpers", salary_object="2400"), "fiscal_year", "2019-20"),
    (lambda: salary_schedule(0, 3, ["A"], 0.03, 0.05), "base", 0),
    (lambda: salary_schedule(50_000, 0, ["A"], 0.03, 0.05), "steps", 0),
    (lambda: salaries_by_year(salary_schedule(50_000, 3, ["A"], 0.03, 0.05), 4, "A", 2), "step", 4),
    (lambda: salaries_by_year(salary_schedule(50_000, 3, ["A"], 0.03, 0.05), 1, "Z", 2), "column", "Z"),
    (lambda: compare_positions("a", "b", 180, 240), "a", "a"),
    (lambda: compare_positions(position_cost("X", [1], "2025-26", "calpers", salary_object="2400"),
                               position_cost("Y", [1], "2025-26", "calpers", salary_object="2400"), 0, 240), "days_a", 0),
    (lambda: credential_status([{"id": "A", "role": "wizard", "credential": "", "expires": None}], date(2027, 6, 30)), "role", "wizard"),
    (lambda: credential_status([{"id": "A", "role": "network technician", "credential": "", "expires": None}], "June"), "through", "June"),
    (lambda: accounts_to_disable([{"account": "a", "employee_id": "E1", "active": "yes"}], [{"employee_id": "E1", "separation_date": None}],
                                 date(2026, 8, 1)), "active", "yes"),
    (lambda: accounts_to_disable([], [], "2026-08-01"), "as_of", "2026-08-01"),
    (lambda: accounts_to_disable([{"account": "a", "employee_id": "E1", "active": True}],
                                 [{"employee_id": "E1", "separation_date": "tomorrow"}], date(2026, 8, 1)), "separation_date", "tomorrow"),
    (lambda: credential_status([{"id": "A", "role": "teacher librarian", "credential": "x", "expires": "next June"}], date(2027, 6, 30)),
     "expires", "next June"),
    (lambda: needs_bargaining([{"id": "c1", "matters": "morale"}]), "matters", "morale"),
])
def test_bad_input_names_the_argument_and_the_value(call, field, value):
    with pytest.raises(InputError) as info:
        call()
    assert info.value.field == field
    assert info.value.value == value or repr(value) in str(info.value)
    assert "is not allowed: expected" in str(info.value)
