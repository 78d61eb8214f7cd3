"""Every available principle's readings: shape, length, outcomes, prompts, sources, money.

Each principle's readings are markdown cells of its notebook source
(notebooks/<strand>/<ID>-<slug>.md, read by tests/readings_text.py); these checks
apply to all of them, so a new principle is checked as soon as its source exists. Principle-specific checks
(worked numbers, vendor dates, published counts) live in test_<id>_readings.py.
"""

from __future__ import annotations

import re

import pytest

from readings_text import readings_path, readings_text, sections
from workbook.curriculum import PRINCIPLES, principle
from workbook.rubric import load_rubric

AVAILABLE = [p.id for p in PRINCIPLES if p.status == "available"]

# The topic sections of each principle, in order, and publishers its Sources must name
# (a principle not listed here still gets every general check).
TOPICS = {
    "L1": (["Aligning training to state and district standards", "A scope and sequence for training",
            "Research and development for training models", "What training costs, and how to pay for it",
            "Personal professional development"],
           ("ISTE", "Commission on Teacher Credentialing", "Learning Policy Institute", "Review of Educational Research", "Guskey",
            "CoSN", "TNTP")),
    "L2": (["Developing a vision for technology", "Assessing technology needs", "Involving stakeholders",
            "Developing a technology plan", "Assisting sites with technology plans", "Investigating future technology trends",
            "Designing sustainability models"],
           ("ISTE", "Education Code", "California Department of Education", "FCC", "Doran", "Gartner", "CoSN")),
    "E5": (["Funding sources", "Mandated items and categorical funds", "Purchasing", "Bidding and vendor relations",
            "Facilities funding", "Attendance", "Planning"],
           ("California Department of Education", "Public Contract Code", "Legislative Analyst", "USAC", "CalPERS", "15450")),
    "L6": (["Building a district technology budget", "Restricted and unrestricted funds", "Total cost of ownership",
            "ROI, NPV, IRR and payback", "CoSN's Value of Investment"],
           ("California Department of Education", "CalPERS", "USAC", "CoSN", "Circular A-94", "numpy-financial", "Legislative Analyst")),
    "L5": (["Mission and goals", "Departmental organization", "Systems and solutions: build, buy or share", "Managing change"],
           ("Education Code", "Kotter", "Hughes", "ISTE", "Public Employment Relations Board")),
    "L7": (["Defining project management", "Project management tools: scope and schedule",
            "Project management tools: cost, earned value and risk", "Projects and strategic planning"],
           ("Project Management Institute", "Kelley", "Public Contract Code", "Education Code", "ISTE")),
    "T1": (["Information security", "Information security assessment", "Risk assessment", "Business continuity",
            "Budgeting for security"], ("NIST", "CISA", "CIS", "K12 SIX", "Sophos")),
    "T2": (["Data delivery: bandwidth to the district", "Data distribution: the WAN and wireless",
            "Systems: availability and redundancy", "Systems: the district's core systems", "Paying for it: E-rate"],
           ("FCC", "SETDA", "USAC", "EducationSuperHighway")),
    "T3": (["Hardware currency", "Software currency", "Planning for internal services", "Desktop support by the numbers"],
           ("Center for Internet Security", "CISA", "Google", "Microsoft", "CoSN", "CDW-G")),
    "T4": (["How standards are developed", "How a district adopts standards of its own",
            "Technical concepts a leader should be able to discuss", "Assessing yourself and planning growth"],
           ("NIST", "Center for Internet Security", "K12 SIX", "CISA", "ISTE", "IEEE", "Internet Engineering Task Force", "USAC")),
    "E3": (["The tools and resources available to teachers", "Knowing what is used: usage, cost per active user and renewal",
            "How adoption spreads", "Evidence of effectiveness: ESSA's four tiers",
            "Strategies for better learning, and the standards that frame them"],
           ("Rogers", "Bass", "Every Student Succeeds Act", "What Works Clearinghouse", "ISTE", "CAST", "Dunlosky")),
    "E4": (["State assessments", "Distance from standard", "Defining accountability: the California School Dashboard",
            "The LCAP, the eight state priorities and differentiated assistance",
            "Local systems: benchmarks, joins and what may leave the department"],
           ("California Department of Education", "ETS", "Smarter Balanced", "Education Code", "National Center for Education Statistics")),
}


def test_readings_exist_for_every_available_principle():
    assert AVAILABLE, "at least one notebook is available"
    missing = [pid for pid in AVAILABLE if not readings_path(pid).is_file()]
    assert missing == []


@pytest.mark.parametrize("pid", AVAILABLE)
def test_readings_have_one_section_per_topic_in_order(pid):
    text = readings_text(pid)
    assert text.startswith(f"# {pid} · {principle(pid).title}")
    found = list(sections(text))
    assert found[0] == "Learning outcomes" and found[-2:] == ["Reflection prompts", "Sources"]
    assert len(found) - 3 >= max(2, len(principle(pid).topics) // 2), "a readings section per curriculum topic or two"
    if pid in TOPICS:  # the headings the principle's readings were written with
        assert found[1:-2] == TOPICS[pid][0]


@pytest.mark.parametrize("pid", AVAILABLE)
def test_readings_are_at_least_1500_words(pid):
    prose = re.sub(r"<!--.*?-->|\$\$.*?\$\$", " ", readings_text(pid), flags=re.S)
    assert len(re.findall(r"[A-Za-z][A-Za-z'-]*", prose)) >= 1500


@pytest.mark.parametrize("pid", AVAILABLE)
def test_readings_outcomes_are_the_curriculum_outcomes(pid):
    bullets = re.findall(r"^- (.+)$", sections(readings_text(pid))["Learning outcomes"], flags=re.M)
    assert tuple(bullets) == principle(pid).outcomes


@pytest.mark.parametrize("pid", AVAILABLE)
def test_readings_have_two_reflection_prompts_with_the_rubrics_ids(pid):
    section = sections(readings_text(pid))["Reflection prompts"]
    ids = re.findall(r"<!--\s*id:\s*([a-z0-9-]+)\s*-->", section)
    assert len(ids) == 2 and len(set(ids)) == 2
    assert all(i.startswith(f"{pid.lower()}-reflect-") for i in ids)
    assert ids == [r.id for r in load_rubric(pid).reflections]


@pytest.mark.parametrize("pid", AVAILABLE)
def test_readings_name_their_sources(pid):
    sources = re.findall(r"^- (.+)$", sections(readings_text(pid))["Sources"], flags=re.M)
    assert len(sources) >= 7
    for publisher in TOPICS.get(pid, ((), ()))[1]:
        assert any(publisher in s for s in sources), publisher


@pytest.mark.parametrize("pid", AVAILABLE)
def test_readings_write_money_in_words_and_keep_math_closed(pid):
    # nbconvert's HTML drops the backslash of an escaped dollar, and MathJax then
    # pairs two amounts as "math"; so money is written "90,000 dollars".
    text = readings_text(pid)
    assert "\\$" not in text
    body = re.sub(r"`[^`]*`", "", text)
    body = re.sub(r"\$\$.+?\$\$", "", body, flags=re.S)
    singles = [m.start() for m in re.finditer(r"\$", body)]
    assert len(singles) % 2 == 0, "an inline $...$ is left open"
    for opening, closing in zip(singles[::2], singles[1::2]):
        assert not body[opening + 1].isdigit(), body[opening - 40 : opening + 40]
        assert "\n" not in body[opening:closing], "inline math must stay on one line"
