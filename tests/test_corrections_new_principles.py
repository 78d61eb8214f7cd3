"""Corrections a practitioner's review made to the new principles' readings, tables and exercises.

Each test pins one correction so that it cannot come back: a statute stated
too broadly, a requester the law does not allow, an exercise whose premise
was missing. The readings are read from the notebook sources
(tests/readings_text.py); the givens and calculators are the real ones.
"""

from __future__ import annotations

import re

from readings_text import readings_path, readings_text, sections
from workbook.districts import load_district


def _flat(text: str) -> str:
    return " ".join(text.split())


# ---------------------------------------------------------------- E1


def test_e1_states_californias_directory_information_limits():
    """Education Code 49073: no directory release to a private profit-making entity (other than
    employers, prospective employers and the news media), and none for homeless youth without
    written consent; FERPA alone would allow both."""
    state = _flat(sections(readings_text("E1"))["Local, community, state and federal requirements"])
    assert "Education Code 49073 " in state
    assert "private profit-making entity" in state and "news media" in state
    assert "homeless" in state and "written consent" in state
    assert "49073 (directory information" in sections(readings_text("E1"))["Sources"]


def test_e1_sopipa_reaches_only_services_designed_and_marketed_for_k12():
    student_data = _flat(sections(readings_text("E1"))["Student data"])
    assert "designed and marketed for K-12 school purposes" in student_data
    assert "used primarily for K-12 school purposes, whether" not in student_data


def test_e1_directory_requesters_are_ones_california_law_allows():
    """A for-profit requester (a yearbook publisher, a tutoring company) gets no directory
    information in California whatever the notice designates, so the exercise's requesters
    must be ones EC 49073 allows, and the prompt says so."""
    from workbook.principles.e1.givens import directory_requests

    for sample in ("sample-rural", "sample-suburban", "sample-urban"):
        names = list(directory_requests(load_district(sample), 7).requests["request"])
        assert not any(re.search(r"publisher|company|vendor|tutor", n, re.I) for n in names), names
    text = readings_path("E1").read_text(encoding="utf-8")
    prompt = text[text.index("# Exercise 4"):text.index("# Exercise 5")]
    assert "Education Code 49073 allows" in prompt and "homeless" in prompt


def test_e1_survey_exercise_states_when_ppra_requires_prior_written_consent():
    """PPRA's prior written consent applies to surveys funded by the U.S. Department of Education
    that students must take; other surveys need notice and an opt-out (and California's 51513 and
    51938 rules). The prompt must state the premise its answer rests on."""
    text = readings_path("E1").read_text(encoding="utf-8")
    prompt = _flat(text[text.index("# Exercise 6"):text.index("<!-- shared: reflections -->")])
    assert "U.S. Department of Education grant" in prompt and "must take it" in prompt
    privacy = _flat(sections(readings_text("E1"))["Privacy and confidentiality"])
    assert "51938" in privacy


# ---------------------------------------------------------------- E2


def test_e2_calpers_membership_is_twenty_hours_a_week_or_a_thousand_hours():
    """A classified employee hired into a permanent half-time-or-more position is a CalPERS member
    from the first day; the 1,000-hour rule is for the others (Government Code 20305)."""
    pensions = _flat(sections(readings_text("E2"))["STRS/PERS"])
    assert "20 hours a week" in pensions and "1,000 hours" in pensions and "20305" in pensions
    assert "membership starts at 1,000 hours in a fiscal year" not in pensions


# ---------------------------------------------------------------- E3


def test_e3_bass_prompt_says_the_fit_is_to_cumulative_counts():
    """fit_bass and the rubric fit m*F(t) to the cumulative adopters; a candidate who fits the
    month's new adopters gets other coefficients, so the prompt must say which counts."""
    from workbook.tools.diffusion import bass_cumulative, fit_bass

    text = readings_path("E3").read_text(encoding="utf-8")
    prompt = _flat(text[text.index("# Exercise 5"):text.index("# Exercise 6")])
    assert "**cumulative** counts" in prompt
    months = list(range(1, 15))
    counts = bass_cumulative(months, 0.02, 0.4, 500)
    fit = fit_bass(months, counts, market=500)
    assert (round(fit.p, 3), round(fit.q, 3)) == (0.02, 0.4)


# ---------------------------------------------------------------- E5 and the shared tables


def test_calstrs_projection_note_says_what_the_19_10_percent_is():
    """19.10% is not 'the rate in statute for the employer base': the base is 8.25% (EC 22901);
    19.10% adds the supplemental rate of EC 22901.7 (AB 1469), which the board may move."""
    from workbook.tools.reference import reference_table

    table = reference_table("pension_rates")
    note = table[(table["system"] == "calstrs") & (table["fiscal_year"] == "2026-27")]["note"].iloc[0]
    assert "8.25% base" in note and "22901.7" in note and "rate in statute for the employer base" not in note


def test_e5_device_life_is_marked_as_an_assumption():
    """Four-to-six-year device life has no authoritative source (domain facts: L): say so in the text."""
    facilities = _flat(sections(readings_text("E5"))["Facilities funding"])
    assert "four to six years (a common planning assumption, not a published standard)" in facilities


# ---------------------------------------------------------------- E2 and L4: merit systems


def test_merit_system_adoption_is_not_only_a_small_district_board_vote():
    """EC 45223 lets a board under 3,000 ADA adopt the merit system; a larger district adopts it by
    an election the classified employees petition for (EC 45221); commissions may have five members."""
    for pid, topic in (("E2", "Classified and certificated staff"), ("L4", "Recruitment")):
        text = _flat(sections(readings_text(pid))[topic])
        assert "45223" in text and "45221" in text and "45247" in text, pid


def test_e1_california_directory_information_excludes_place_of_birth():
    """FERPA's list includes place of birth; California's (EC 49061, AB 699 of 2017) does not, and
    the annual notice must say directory information holds nothing indicating national origin."""
    from workbook.tools.reference import reference_table

    state = _flat(sections(readings_text("E1"))["Local, community, state and federal requirements"])
    assert "49061" in state and "AB 699" in state and "place of birth" in state
    elements = reference_table("student_data_elements").set_index("element")
    assert "49061" in elements.loc["date of birth", "source"]
    assert "place of birth" not in set(elements.index)


def test_e3_states_the_ada_title_ii_compliance_dates():
    """The 2024 DOJ rule's dates by population (April 24, 2026 at 50,000 or more; April 26, 2027
    below) are what a district plans to; 'in 2026 and 2027 depending on size' hid them."""
    tools = _flat(sections(readings_text("E3"))["The tools and resources available to teachers"])
    assert "April 24, 2026" in tools and "April 26, 2027" in tools and "50,000" in tools and "28 CFR 35.200" in tools


def test_e5_erate_reaches_the_district_as_a_discount_or_a_bear_reimbursement():
    """'E-rate is not revenue at all' overlooks BEAR: a district that pays in full receives a
    reimbursement the business office books months later; the reading names both routes."""
    sources = _flat(sections(readings_text("E5"))["Funding sources"])
    assert "Form 474" in sources and "Form 472" in sources and "BEAR" in sources
    assert "is not revenue at all" not in sources


# ---------------------------------------------------------------- fact check of issues 14/15


def test_l1_mirage_figure_is_nearly_18000_dollars_without_an_unsourced_breakdown():
    """TNTP's The Mirage (2015) reports 'nearly 18,000 dollars per teacher, per year'; the reading
    said 'counting staff time', a breakdown the workbook's sources do not show."""
    research = _flat(sections(readings_text("L1"))["Research and development for training models"])
    assert "nearly 18,000 dollars per teacher per year" in research
    assert "counting staff time" not in research


def test_e4_small_cell_minimum_names_cdes_practice_not_many_reports():
    """'The threshold many California and federal reports use' had no source: CDE hides results
    for groups of 10 or fewer, and federal law (ESEA 1111(c)(3)) leaves the minimum to each state."""
    local = _flat(sections(readings_text("E4"))["Local systems: benchmarks, joins and what may leave the department"])
    assert "10 or fewer students" in local and "federal law leaves each state" in local
    assert "many California and federal reports use" not in local


def test_e4_dashboard_group_minimums_are_sourced_hedged_and_parameters():
    """30 for a colour (15 for a district's foster youth and homeless groups) and 11 to show are
    named with their source, flagged as not checked against the current technical guide, and
    stay notebook parameters."""
    dashboard = _flat(sections(readings_text("E4"))["Defining accountability: the California School Dashboard"])
    assert "caschooldashboard.org" in dashboard and "15, for a district's foster youth" in dashboard
    assert "Dashboard Technical Guide" in dashboard and "parameters of the notebook" in dashboard
    assert "31 instructional days" in dashboard
    text = readings_path("E4").read_text(encoding="utf-8")
    assert "min_group_colour: int = 30" in text and "min_group_shown: int = 11" in text


def test_e4_differentiated_assistance_model_is_flagged_as_simplified():
    """The workbook's DA rule (priorities 4 and 5 only) is not CDE's full criteria; the reading and
    Exercise 6 must say it is simplified, and 52071 is the county office's assistance (CCEE is
    part of the wider system, not a partner in every case)."""
    lcap = _flat(sections(readings_text("E4"))["The LCAP, the eight state priorities and differentiated assistance"])
    assert "**simplified model**" in lcap and "not CDE's full rules" in lcap
    assert "working with the California Collaborative" not in lcap
    text = readings_path("E4").read_text(encoding="utf-8")
    prompt = _flat(text[text.index("# Exercise 6"):text.index("# Exercise 7")])
    assert "simplified model of CDE's criteria" in prompt


def test_l3_office_calendar_keeps_lincoln_day_and_says_it_is_illustrative():
    """Education Code 37220 closes schools on Lincoln Day (February 12); the illustrative office
    calendar left it out. It is now in (observed on a weekday), and the reading says the calendar is
    illustrative and names 37220."""
    from workbook.principles.l3.givens import office_holidays

    assert "2027-02-12" in office_holidays("2026-27")          # a Friday
    assert "2028-02-11" in office_holidays("2027-28")          # 12 February 2028 is a Saturday
    board = _flat(sections(readings_text("L3"))["Communicating with the public and the school board"])
    assert "Education Code 37220" in board and "Lincoln Day" in board and "illustrative" in board
    assert "37220" in sections(readings_text("L3"))["Sources"]


def test_cola_2026_27_is_a_proposal_sourced_to_the_lao_table():
    """2.41% is the LCFF COLA in the Governor's January 2026 budget as LAO tabulates it
    (EdBudget Details/1064); it stays 'proposed' until CDE publishes the 2026-27 rates."""
    import csv
    from pathlib import Path

    path = Path(__file__).resolve().parents[1] / "data" / "reference" / "cola.csv"
    row = next(r for r in csv.DictReader(path.open(encoding="utf-8")) if r["fiscal_year"] == "2026-27")
    assert row["cola"] == "0.0241" and row["status"] == "proposed"
    assert "Governor's January 2026" in row["note"] and "EdBudget/Details/1064" in row["note"]


def test_e3_ada_title_ii_dates_include_the_2026_extension():
    """DOJ's interim final rule of April 20, 2026 (91 FR 20902) moved the compliance dates a year,
    to April 26, 2027 (50,000 or more) and April 26, 2028 (smaller); a reading in late 2026 that
    gave only the 2024 dates sent districts to a deadline already moved."""
    tools = _flat(sections(readings_text("E3"))["The tools and resources available to teachers"])
    assert "April 20, 2026" in tools and "April 26, 2028" in tools and "20902" in tools
    assert "WCAG 2.1 AA is still the standard" in tools
    assert "20902" in sections(readings_text("E3"))["Sources"]
