"""Issue 13: one test per correction of the readings and prompts, so none can come back.

The models' side of the corrections is tested in test_corrections_issue13_models.py.
"""

from __future__ import annotations

import re

import jupytext
import pytest

from readings_text import readings_text
from workbook.curriculum import principle


def _flat(pid: str) -> str:
    return " ".join(readings_text(pid).split())


def _notebook_markdown(pid: str) -> str:
    nb = jupytext.read(principle(pid).source_path, fmt="md:myst")
    return " ".join(" ".join(c.source.split()) for c in nb.cells if c.cell_type == "markdown")


def _sentences_with(text: str, needle: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.;:])\s+", text) if needle in s]


@pytest.mark.parametrize("pid", ["T3", "L6"])
def test_item01_chromebook_churn_figure_is_pirgs_not_cosns(pid):
    text = _flat(pid)
    paragraph = next(p for p in readings_text(pid).split("\n\n") if "1.8 billion" in p)
    assert "PIRG" in paragraph and "Chromebook Churn" in paragraph
    assert not any("CoSN" in s for s in _sentences_with(text, "1.8 billion"))
    assert "Sustainable Procurement Guidelines estimate" not in text


@pytest.mark.parametrize("pid", ["T3", "L6"])
def test_item02_older_chromebook_platforms_can_opt_in_to_ten_years(pid):
    text = _flat(pid)
    assert re.search(r"opts?(\*\*)? in(\*\*)? to extended updates", text)
    assert "release + 6" not in text


@pytest.mark.parametrize("pid", ["T2", "L6"])
def test_item03_c2_floor_is_per_school(pid):
    text = _flat(pid)
    assert "per school" in text
    assert "calculated before discount and district-wide" not in text


def test_item04_title_iv_a_is_an_annual_allocation_with_spending_rules():
    text = _flat("L6")
    assert "annual allocation" in text and "30,000 dollars" in text
    assert "at least 20% on a well-rounded education" in text and "at least 20% on safe and healthy students" in text
    assert "at most 15%" in text
    prompts = _notebook_markdown("L6")
    assert "three-year **Title IV, Part A** grant" not in prompts and "A three-year Title IV" not in prompts


def test_item05_l6_budget_costs_every_benefit_the_capital_line_and_recognises_revenue_as_spent():
    text = _flat("L6")
    for benefit in ("Social Security", "Medicare", "unemployment insurance", "workers' compensation", "health and welfare"):
        assert benefit in text, benefit
    assert "Revenue is recognised as it is spent" in text and "deferred" in text
    prompts = _notebook_markdown("L6")
    assert "capital equipment" in prompts and "as it is spent" in prompts


def test_item06_2026_27_cola_and_calpers_are_labelled_projections_with_the_reason():
    text = _flat("L6")
    cola = " ".join(_sentences_with(text, "2.41%"))
    assert "proposal" in cola and "not found" in cola
    calpers = " ".join(s for s in re.split(r"(?<=\.)\s+", text) if "26.4%" in s or "adopted 2026-27 rate" in s)
    assert "projected" in calpers and "not found" in calpers


@pytest.mark.parametrize("pid", ["T1", "T4"])
def test_item07_sophos_figures_are_dated_and_the_2025_edition_is_cited(pid):
    text = _flat(pid)
    assert "2025" in " ".join(_sentences_with(text, "Sophos"))
    assert "Sophos reported for 2024 that" not in text


def test_item08_windows10_extended_security_updates_are_taught():
    text = _flat("T3")
    assert "Extended Security Updates" in text
    assert re.search(r"1 dollar per device.*2 for the second and 4 for the third", text)


@pytest.mark.parametrize("pid", ["T1", "T4"])
def test_item09_california_incident_rules_are_taught(pid):
    text = _flat(pid)
    for needle in ("Education Code 35266", "Cal-CSIC", "more than 500", "1798.29", "1798.82", "January 1, 2027"):
        assert needle in text, needle


def test_item10_twelve_gigabits_is_not_ten_gigabit_fibre():
    text = _flat("T2")
    assert "10-gigabit fibre with room to grow" not in text
    assert re.search(r"12 Gbps.*does not carry 12 Gbps", text)


@pytest.mark.parametrize("pid", ["T2", "T4"])
def test_item11_price_primary_factor_cites_54_511a(pid):
    text = _flat(pid)
    sentence = " ".join(_sentences_with(text, "primary factor"))
    assert "54.511(a)" in sentence


@pytest.mark.parametrize("pid", ["T2", "L6"])
def test_item12_cep_and_the_california_teleconnect_fund(pid):
    text = _flat(pid)
    assert "Community Eligibility Provision" in text and "1.6" in text
    assert "Teleconnect Fund" in text


def test_item13_overlapping_controls_never_remove_more_than_the_loss():
    text = _flat("T1")
    assert "1 − 0.3 × 0.7 = 79%" in text and "no risk ever loses more than its whole ALE" in text
    assert "treat combined controls as one line" not in text


def test_item14_setda_counts_students_sla_in_business_hours_vendor_management_in_t3():
    t2 = _flat("T2")
    assert "per **student**" in t2 and "do not add staff" in t2
    assert "SETDA's targets count users: students plus staff" not in _notebook_markdown("T2")
    t3 = _flat("T3")
    assert "business hours" in t3 and "still open past its target is a miss" in t3
    assert "vendor and contract management" in t3.lower()
    assert "(the subject of T3)" not in _flat("T4")


def test_item15_prompts_state_tie_breaks_age_rule_open_tickets_and_the_residual_credit():
    t1 = _notebook_markdown("T1")
    assert "score** first, where the score is likelihood times impact" in t1 and "the smaller id first" in t1
    t3 = _notebook_markdown("T3")
    assert "minus its purchase year" in t3 and "counts as **missed**" in t3
    l6 = _notebook_markdown("L6")
    assert "Exercise 4 gives a lower figure" in l6 or "lower than Exercise 2's" in l6
