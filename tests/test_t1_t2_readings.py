"""The T1 and T2 readings: shape, outcomes, prompts, length, sources, and no bare dollar signs."""

from __future__ import annotations

import re

import pytest

import workbook.paths
from workbook.curriculum import principle

READINGS = workbook.paths.repo_root() / "docs" / "readings"

CASES = {
    "T1": ("T1-security-fundamentals.md", "# T1 · Security Fundamentals", [
        "Information security", "Information security assessment", "Risk assessment", "Business continuity", "Budgeting for security",
    ], ("NIST", "CISA", "CIS", "K12 SIX", "Sophos")),
    "T2": ("T2-infrastructure.md", "# T2 · Infrastructure", [
        "Data delivery: bandwidth to the district", "Data distribution: the WAN and wireless", "Systems: availability and redundancy",
        "Systems: the district's core systems", "Paying for it: E-rate",
    ], ("FCC", "SETDA", "USAC", "EducationSuperHighway")),
}


def _sections(text: str) -> dict[str, str]:
    parts = re.split(r"^## (.+)$", text, flags=re.M)
    return {parts[i].strip(): parts[i + 1] for i in range(1, len(parts), 2)}


@pytest.fixture(params=sorted(CASES))
def case(request):
    pid = request.param
    name, title, headings, publishers = CASES[pid]
    return pid, (READINGS / name).read_text(encoding="utf-8"), title, headings, publishers


def test_readings_have_one_section_per_topic_in_order(case):
    pid, text, title, headings, _ = case
    assert text.startswith(title)
    assert list(_sections(text)) == ["Learning outcomes", *headings, "Reflection prompts", "Sources"]


def test_readings_are_long_enough(case):
    _, text, *_ = case
    prose = re.sub(r"<!--.*?-->", " ", text, flags=re.S)
    assert len(re.findall(r"[A-Za-z][A-Za-z'-]*", prose)) >= 1200


def test_readings_outcomes_are_the_curriculum_outcomes(case):
    pid, text, *_ = case
    bullets = re.findall(r"^- (.+)$", _sections(text)["Learning outcomes"], flags=re.M)
    assert tuple(bullets) == principle(pid).outcomes


def test_readings_have_two_reflection_prompts_with_ids_the_rubric_scores(case):
    pid, text, *_ = case
    from workbook.rubric import load_rubric

    ids = re.findall(r"<!--\s*id:\s*([a-z0-9-]+)\s*-->", _sections(text)["Reflection prompts"])
    assert len(ids) == 2 and all(i.startswith(f"{pid.lower()}-reflect-") for i in ids)
    assert ids == [r.id for r in load_rubric(pid).reflections]


def test_readings_name_their_sources_and_write_money_in_words(case):
    _, text, _, _, publishers = case
    sources = _sections(text)["Sources"]
    assert len(re.findall(r"^- ", sources, flags=re.M)) >= 7
    for publisher in publishers:
        assert publisher in sources, publisher
    assert "$" not in text
