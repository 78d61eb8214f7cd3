"""E1 and E2 readings: their sections, their sources, and the figures they quote agree with the library.

The general checks of every principle's readings are in test_readings.py; these
hold the two Education notebooks to the reference tables and calculators they
teach, so a changed rate or rule cannot leave the prose behind.
"""

from __future__ import annotations

import re

import pytest

from readings_text import readings_text, sections
from workbook.curriculum import principle
from workbook.tools.disclosure import PPRA_AREAS
from workbook.tools.privacy import AB1584_TERMS
from workbook.tools.reference import pension_rate, reference_table
from workbook.tools.staffing import position_cost

E1_TOPICS = ["Privacy and confidentiality", "Student data", "Integrating with other departments",
             "Local, community, state and federal requirements"]
E2_TOPICS = ["Supporting Human Resources", "Classified and certificated staff", "The union environment", "STRS/PERS", "Credentials"]


@pytest.mark.parametrize(("pid", "topics"), [("E1", E1_TOPICS), ("E2", E2_TOPICS)])
def test_one_section_per_curriculum_topic_in_order(pid, topics):
    assert list(sections(readings_text(pid)))[1:-2] == topics


@pytest.mark.parametrize(("pid", "publishers"), [
    ("E1", ("34 CFR Part 99", "Federal Trade Commission", "20 U.S.C. 1232h", "USAC", "Business and Professions Code 22584",
            "49073.1", "49073.6", "Student Data Privacy Consortium", "National Center for Education Statistics")),
    ("E2", ("Legislative Analyst", "CalPERS", "Internal Revenue Service", "Government Code 3540", "PERB",
            "Commission on Teacher Credentialing", "Center for Internet Security")),
])
def test_sources_name_the_publishers_the_text_relies_on(pid, publishers):
    listed = sections(readings_text(pid))["Sources"]
    for publisher in publishers:
        assert publisher in listed, publisher


def test_e1_lists_as_many_contract_terms_as_the_tracker_scores():
    section = sections(readings_text("E1"))["Student data"]
    numbered = re.findall(r"^\d+\. ", section, flags=re.M)
    assert len(numbered) == len(AB1584_TERMS) == 9


def test_e1_states_the_coppa_dates_cipas_minor_and_ppras_eight_areas():
    text = " ".join(readings_text("E1").split())
    assert "June 23, 2025" in text and "April 22, 2026" in text
    assert "under 17" in text and "under 13" in text
    assert "eight **protected areas**" in text and len(PPRA_AREAS) == 8


def _percent(rate: float) -> str:
    return f"{rate * 100:.2f}%"


def test_e2_pension_table_equals_the_reference_table():
    section = sections(readings_text("E2"))["STRS/PERS"]
    strs = next(line for line in section.splitlines() if line.startswith("| CalSTRS"))
    pers = next(line for line in section.splitlines() if line.startswith("| CalPERS"))
    for year in ("2024-25", "2025-26", "2026-27"):
        assert _percent(pension_rate("calstrs", year)) in strs
    assert _percent(pension_rate("calpers", "2024-25")) in pers and _percent(pension_rate("calpers", "2025-26")) in pers
    assert f"about {pension_rate('calpers', '2026-27') * 100:.1f}% (projected)" in pers


def test_e2_statutory_rates_in_the_text_equal_the_reference_table():
    text = " ".join(sections(readings_text("E2"))["STRS/PERS"].split())
    rates = {r["benefit"]: float(r["rate"]) for _, r in reference_table("statutory_benefits").iterrows()}
    assert f"{rates['oasdi'] * 100:g}% of their pay" in text
    assert f"Medicare** tax of {rates['medicare'] * 100:g}%" in text
    assert f"{rates['sui'] * 100:g}% of payroll" in text
    assert f"illustrative default is {rates['workers_comp'] * 100:g}%" in text


def test_e2_worked_example_figures_are_the_calculators():
    nb_text = principle("E2").source_path.read_text(encoding="utf-8")
    example = position_cost("Network technician", [100_000, 104_000], "2025-26", "calpers", salary_object="2400",
                            health_premium=19_000, health_growth=0.08, health_cap=20_000)
    first = example.table.loc["2025-26"]
    for value in (first["pension"], first["social_security"], first["medicare"], first["unemployment"], first["workers_comp"]):
        assert f"{value:,.0f}" in nb_text
    assert "20,520" in nb_text and example.table.loc["2026-27", "health_and_welfare"] == 20_000
