"""The T4 IT Knowledge readings: shape, outcomes, prompts, sources and the figures they quote."""

from __future__ import annotations

import re

import pytest

import workbook.paths
from workbook.curriculum import principle

READINGS = workbook.paths.repo_root() / "docs" / "readings" / "T4-it-knowledge.md"
TOPIC_HEADINGS = ["How standards are developed", "How a district adopts standards of its own",
                  "Technical concepts a leader should be able to discuss", "Assessing yourself and planning growth"]


@pytest.fixture(scope="module")
def text() -> str:
    return READINGS.read_text(encoding="utf-8")


def _sections(text: str) -> dict[str, str]:
    parts = re.split(r"^## (.+)$", text, flags=re.M)
    return {parts[i].strip(): parts[i + 1] for i in range(1, len(parts), 2)}


def test_t4_readings_have_one_section_per_part_in_order(text):
    assert text.startswith("# T4 · IT Knowledge")
    assert list(_sections(text)) == ["Learning outcomes", *TOPIC_HEADINGS, "Reflection prompts", "Sources"]


def test_t4_readings_are_long_enough(text):
    prose = re.sub(r"<!--.*?-->", " ", text, flags=re.S)
    assert len(re.findall(r"[A-Za-z][A-Za-z'-]*", prose)) >= 1400


def test_t4_readings_outcomes_are_the_curriculum_outcomes(text):
    bullets = re.findall(r"^- (.+)$", _sections(text)["Learning outcomes"], flags=re.M)
    assert tuple(bullets) == principle("T4").outcomes


def test_t4_readings_have_two_reflection_prompts_matching_the_rubric(text):
    from workbook.rubric import load_rubric

    ids = re.findall(r"<!--\s*id:\s*([a-z0-9-]+)\s*-->", _sections(text)["Reflection prompts"])
    assert ids == [r.id for r in load_rubric("T4").reflections]
    assert "professional development plan" in _sections(text)["Reflection prompts"]


def test_t4_readings_name_their_sources(text):
    sources = re.findall(r"^- (.+)$", _sections(text)["Sources"], flags=re.M)
    for publisher in ("NIST", "Center for Internet Security", "K12 SIX", "CISA", "ISTE", "IEEE", "Internet Engineering Task Force", "USAC"):
        assert any(publisher in s for s in sources), publisher


def test_t4_readings_quote_the_published_counts(text):
    from workbook.scenarios.standards import PUBLISHED

    assert f"**Implementation\nGroup 1 (IG1) has {PUBLISHED['cis_ig1_safeguards']['value']} safeguards**" in text
    assert f"{PUBLISHED['cis_safeguards']['value']} safeguards" in text and "18 controls" in text
    assert "February 26, 2024" in text


def test_t4_readings_concepts_are_the_self_assessment_areas(text):
    from workbook.tools.standards import concepts

    section = _sections(text)["Technical concepts a leader should be able to discuss"]
    for area in set(concepts()["area"]):
        assert f"**{area}**" in section, area
    assert f"groups twenty-two concepts into five areas" in section and len(concepts()) == 22


def test_t4_readings_availability_arithmetic():
    assert round(0.001 * 365 * 24, 1) == 8.8  # "99.9% availability still allows about 8.8 hours"


def test_t4_readings_have_no_dollar_signs(text):
    assert "$" not in text
