"""Issue 13: one test per correction that changed a model or a reference table, worked by hand.

Each test is named by the item it guards, so that the error cannot come back
unnoticed. The readings' side of the corrections is tested in
``test_corrections_issue13_readings.py``.
"""

from __future__ import annotations

import pandas as pd
import pytest

from workbook.datasets import device_inventory, helpdesk_tickets, software_inventory
from workbook.districts import load_district
from workbook.errors import InputError
from workbook.principles.l6.givens import budget_lines_with_grant, title_iv_a_scenario
from workbook.principles.t2.givens import school_enrollments
from workbook.principles.t1.givens import security_controls
from workbook.tools.benefits import benefit_lines
from workbook.tools.budget import budget_worksheet
from workbook.tools.budget_lines import BudgetLine, line_values
from workbook.tools.business_hours import BusinessDay, business_hours
from workbook.tools.erate import c2_budget, cep_percentage, ctf_net_cost, erate_discount, erate_net_cost
from workbook.tools.helpdesk import sla_attainment
from workbook.tools.infrastructure import bandwidth_need, c2_five_year_budget, size_class, smallest_link, wan_need
from workbook.tools.reference import provisional, reference_table
from workbook.tools.security_budget import security_budget
from workbook.tools.standards import crosswalk
from workbook.tools.title_iv import largest_infrastructure_purchase, recognized_revenue, title_iv_a_check

SAMPLES = ("sample-rural", "sample-suburban", "sample-urban")


# 2 -- Chromebook AUE: older platforms reach 10 years by opting in, not "release + 6"
@pytest.mark.parametrize("district", SAMPLES)
def test_item02_older_chromebook_platforms_get_ten_years_with_opt_in(district):
    inv = device_inventory(load_district(district), 2026, "2026-27")
    books = inv[inv["type"] == "student Chromebook"]
    assert ((books["aue_year"] - books["platform_release_year"]) == 10).all()
    old = books[books["platform_release_year"] < 2021]
    assert old["aue_opt_in"].all() and not books.loc[books["platform_release_year"] >= 2021, "aue_opt_in"].any()
    assert old["aue_basis"].str.contains("opts in").all()


# 3 -- E-rate C2 floor per school, summed
def test_item03_c2_floor_applies_per_school_and_sums():
    # by hand: 30,175 + 30,175 + 2,000 x 201.57 = 463,490; as one site 2,200 x 201.57 = 443,454
    assert c2_budget([100, 100, 2_000]) == pytest.approx(463_490.0)
    assert c2_budget(2_200) == pytest.approx(443_454.0)
    assert c2_budget([100, 100, 2_000], cycle="FY2021-25") == pytest.approx(25_000 * 2 + 334_000)
    split = c2_five_year_budget([120, 480, 900], 0.60, "rural")
    assert split["pre_discount_budget"] == pytest.approx(30_175 + 480 * 201.57 + 900 * 201.57)
    assert split["schools"] == 3 and split["students"] == 1_500


def test_item03_sample_districts_with_small_schools_get_more_than_per_student():
    d = load_district("sample-suburban")
    sizes = school_enrollments(d, 2026)
    assert sum(sizes) == d.enrollment.total and min(sizes) < 150
    assert c2_budget(sizes) > c2_budget(d.enrollment.total)


# 4 -- Title IV-A: an annual allocation with spending rules
def test_item04_title_iv_a_rules_by_hand():
    plan = title_iv_a_check(100_000, well_rounded=20_000, safe_healthy=19_000, technology=61_000, technology_infrastructure=61_000)
    bad = plan.loc[~plan["ok"], "rule"].tolist()
    assert bad == ["safe and healthy students at least 20%", "technology infrastructure at most 15% of technology"]
    assert plan.set_index("rule").loc["technology infrastructure at most 15% of technology", "limit"] == pytest.approx(9_150.0)
    assert largest_infrastructure_purchase(61_000) == pytest.approx(9_150.0)
    # under $30,000 the 20/20 rule does not apply, the 15% limit does
    small = title_iv_a_check(25_000, well_rounded=0, safe_healthy=0, technology=25_000, technology_infrastructure=5_000)
    assert small.loc[~small["ok"], "rule"].tolist() == ["technology infrastructure at most 15% of technology"]


@pytest.mark.parametrize("district", SAMPLES)
def test_item04_l6_grant_is_yearly_and_devices_stay_within_fifteen_percent(district):
    d = load_district(district)
    grant = title_iv_a_scenario(d, 2026)
    _, one_time = budget_lines_with_grant(d, 2026, "2026-27")
    assert len(one_time) == grant.years
    for lines in one_time.values():
        spent = sum(l.amount for l in lines if l.kind == "expenditure")
        devices = sum(l.amount for l in lines if l.kind == "expenditure" and l.object_code.startswith("4"))
        assert devices <= 0.15 * spent + 0.01
    technology = grant.technology
    check = title_iv_a_check(grant.allocation, well_rounded=grant.allocation * 0.2, safe_healthy=grant.allocation * 0.2,
                             technology=technology, technology_infrastructure=technology * grant.infrastructure_share)
    assert check.attrs["ok"]


# 5 -- L6 budget: every benefit, the capital line, federal revenue recognised as spent
def test_item05_statutory_benefits_by_hand():
    pay = BudgetLine("Network technicians", "expenditure", "0000", "2000", 100_000)
    values = {l.object_code: float(line_values(l, ["2026-27"])[0]) for l in benefit_lines(pay)}
    # CalPERS 26.4% (projected), OASDI 6.2%, Medicare 1.45%, UI 0.05%, workers' comp 1.5% (illustrative)
    assert values == pytest.approx({"3202": 26_400, "3302": 6_200, "3312": 1_450, "3502": 50, "3602": 1_500})


def test_item05_revenue_recognised_as_spent_defers_the_rest():
    assert recognized_revenue(90_000, [50_000, 25_000]) == [
        {"revenue": 50_000.0, "deferred": 40_000.0}, {"revenue": 25_000.0, "deferred": 15_000.0}]
    with pytest.raises(InputError):
        recognized_revenue(10_000, [11_000])


@pytest.mark.parametrize("district", SAMPLES)
def test_item05_l6_budget_has_no_artifact_surplus(district):
    d = load_district(district)
    lines, one_time = budget_lines_with_grant(d, 2026, "2026-27")
    codes = {l.object_code for l in lines}
    assert {"3202", "3302", "3312", "3502", "3602", "3402", "6400"} <= codes
    sheet = budget_worksheet(lines, "2026-27", 3, one_time=one_time)
    summary = sheet.summary()
    # the base year balances: the LCFF allocation pays exactly the profile's technology budget
    assert summary.loc[("unrestricted", "net")].iloc[0] == pytest.approx(0.0, abs=100)
    # the restricted award never shows a surplus: revenue is booked as it is spent
    assert (summary.loc[("restricted", "net")].abs() < 0.01).all()
    # benefits in the base year equal the profile's benefits (nothing dropped)
    table = sheet.table
    benefits = table.loc[table["object_code"].str.startswith("3") & ~table["restricted"], "2026-27"].sum()
    assert benefits >= d.budget.it_benefits - 1.0


# 6 -- 2026-27 CalPERS rate and COLA are labelled projections, with the reason
def test_item06_projected_rates_say_so_and_why():
    for table, year in (("pension_rates", "2026-27"), ("cola", "2026-27")):
        note = provisional(table, year)
        assert note is not None and "not found" in note and ("PROJECTION" in note or "PROPOSAL" in note)
    assert provisional("pension_rates", "2025-26") is None
    rows = reference_table("pension_rates")
    assert set(rows.loc[rows["fiscal_year"] == "2026-27", "status"]) == {"projected"}
    lines, one_time = budget_lines_with_grant(load_district("sample-rural"), 2026, "2026-27")
    assert any("projection" in n for n in budget_worksheet(lines, "2026-27", 3, one_time=one_time).notes)


# 8 -- Windows 10: Extended Security Updates for education, not a $0 upgrade
@pytest.mark.parametrize(("fiscal_year", "price"), [("2025-26", 1.0), ("2026-27", 2.0), ("2027-28", 4.0)])
def test_item08_windows10_costs_the_education_esu_price(fiscal_year, price):
    sw = software_inventory(load_district("sample-suburban"), 2026, fiscal_year)
    row = sw[sw["product"] == "Windows 10"].iloc[0]
    assert row["upgrade_cost_per_unit"] == pytest.approx(price)
    esu = reference_table("extended_security_updates")
    assert esu["price_per_device"].astype(float).tolist() == [1.0, 2.0, 4.0]


def test_item08_after_esu_windows10_needs_a_replacement():
    sw = software_inventory(load_district("sample-suburban"), 2026, "2029-30")
    assert sw.loc[sw["product"] == "Windows 10", "upgrade_cost_per_unit"].iloc[0] >= 800


# 9 -- California's own incident rules in the crosswalk
def test_item09_incident_response_names_ed_code_35266_and_civil_code():
    table = crosswalk(decision="incident response")
    assert {"California Education Code 35266", "California Civil Code 1798.29 and 1798.82"} <= set(table["standard"])
    ed = table[table["standard"] == "California Education Code 35266"].iloc[0]
    assert "500" in ed["requirement"] and "Cal-CSIC" in ed["requirement"] and "2027" in ed["requirement"]


# 10 -- a 12 Gbps need does not fit a 10 Gbps link
def test_item10_twelve_gigabits_needs_more_than_ten_gigabit_fibre():
    assert smallest_link(12_000) == 25_000
    assert smallest_link(10_000) == 10_000


# 11 -- "price the primary factor" is 47 CFR 54.511(a)
def test_item11_price_primary_factor_cites_54_511a():
    row = crosswalk(decision="E-rate competitive bidding").iloc[0]
    assert "54.511(a)" in row["citation"] and "primary factor" in row["requirement"]


# 12 -- CEP discount percentage and the California Teleconnect Fund
def test_item12_cep_multiplier_and_ctf_by_hand():
    assert cep_percentage(0.40) == pytest.approx(0.64)   # 40% identified x 1.6
    assert cep_percentage(0.70) == 1.0                    # capped
    # NSLP 45% would be the 35-49% band (60% urban C1); CEP 0.40 x 1.6 = 64% is the 50-74% band (80%)
    assert erate_discount(0.45, "urban", 1) == pytest.approx(0.60)
    assert erate_discount(cep_percentage(0.40), "urban", 1) == pytest.approx(0.80)
    after_erate = erate_net_cost(100_000, cep_percentage(0.40), "urban", category=1).district_share
    assert after_erate == pytest.approx(20_000)
    assert ctf_net_cost(after_erate, 0.50) == pytest.approx(10_000)


# 13 -- overlapping security controls never remove more than a risk's loss
def test_item13_two_controls_on_one_risk_remove_at_most_its_loss():
    controls = pd.DataFrame({"control": ["MFA", "Training"], "cost": [1, 1], "risks": ["R02", "R02"], "effectiveness": [0.8, 0.6]})
    out = security_budget(controls, 2, risk_ale={"R02": 10_000})
    assert out.attrs["chosen_reduction"] == pytest.approx(10_000 * (1 - 0.2 * 0.4))   # 9,200, not 14,000


@pytest.mark.parametrize("district", SAMPLES)
def test_item13_sample_districts_best_set_within_the_register_loss(district):
    controls = security_controls(load_district(district), 2026)
    everything = security_budget(controls, float(controls["cost"].sum()))
    loss = controls.attrs["risk_ale"]
    assert everything.attrs["chosen_reduction"] <= sum(loss.values()) + 0.01
    # MFA and phishing training both act on R02: together less than the sum of their parts
    additive = float(controls["ale_reduction"].sum())
    assert everything.attrs["chosen_reduction"] < additive


# 14 -- SETDA sizes by students; SLAs in business hours, open tickets past SLA are misses
def test_item14_setda_counts_students_not_staff():
    assert size_class(950) == "small"                          # 950 students and 120 staff: still small
    assert bandwidth_need(950, "2026-27", staff=120) == pytest.approx(950 * 4.3)
    assert bandwidth_need(5_000, "2016-17", staff=500) == pytest.approx(550.0)   # FCC 2014 goal counts staff
    assert wan_need(800) == pytest.approx(8_000.0)


def test_item14_sla_runs_on_business_hours_and_counts_open_misses():
    assert business_hours("2026-09-04 16:00", "2026-09-07 08:30") == pytest.approx(1.5)
    assert business_hours("2026-11-25 16:00", "2026-11-27 08:00", BusinessDay("07:30", "16:30", holidays=["2026-11-26", "2026-11-27"])) == pytest.approx(0.5)
    log = pd.DataFrame({
        "opened": ["2026-09-04 16:00", "2026-09-08 08:00", "2026-09-08 09:00"],
        "resolved": ["2026-09-07 08:30", None, "2026-09-09 09:00"],
        "priority": ["P1", "P1", "P2"],
    })
    out = sla_attainment(log, {"P1": 4, "P2": 8}).set_index("priority")
    # log ends 09-09 09:00: the open P1 has 8.5 + 1.5 = 10 business hours, a miss; the weekend ticket took 1.5
    assert (out.loc["P1", "tickets"], out.loc["P1", "met"]) == (2, 1)
    # P2: 7.5 + 1.5 = 9 business hours > 8
    assert out.loc["P2", "met"] == 0


def test_item14_t3_tickets_open_at_year_end_past_sla_count_as_misses():
    tickets = helpdesk_tickets(load_district("sample-suburban"), 2026, "2026-27")
    targets = {"P1": 4, "P2": 8, "P3": 24, "P4": 72}
    business = sla_attainment(tickets, targets).set_index("priority")
    resolved_only = tickets[tickets["resolved"].notna()]
    counted_resolved = sla_attainment(resolved_only, targets).set_index("priority")
    assert (business["tickets"] >= counted_resolved["tickets"]).all()
