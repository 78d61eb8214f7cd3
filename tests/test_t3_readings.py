"""The T3 Technology Services readings: shape, outcomes, prompts, sources, dates and numbers."""

from __future__ import annotations

import datetime as dt
import re

import pytest

import workbook.paths
from workbook.curriculum import principle

READINGS = workbook.paths.repo_root() / "docs" / "readings" / "T3-technology-services.md"
TOPIC_HEADINGS = ["Hardware currency", "Software currency", "Planning for internal services", "Desktop support by the numbers"]


@pytest.fixture(scope="module")
def text() -> str:
    return READINGS.read_text(encoding="utf-8")


def _sections(text: str) -> dict[str, str]:
    parts = re.split(r"^## (.+)$", text, flags=re.M)
    return {parts[i].strip(): parts[i + 1] for i in range(1, len(parts), 2)}


def test_t3_readings_have_one_section_per_topic_in_order(text):
    assert text.startswith("# T3 · Technology Services")
    assert list(_sections(text)) == ["Learning outcomes", *TOPIC_HEADINGS, "Reflection prompts", "Sources"]


def test_t3_readings_are_long_enough(text):
    prose = re.sub(r"<!--.*?-->", " ", text, flags=re.S)
    assert len(re.findall(r"[A-Za-z][A-Za-z'-]*", prose)) >= 1400


def test_t3_readings_outcomes_are_the_curriculum_outcomes(text):
    bullets = re.findall(r"^- (.+)$", _sections(text)["Learning outcomes"], flags=re.M)
    assert tuple(bullets) == principle("T3").outcomes


def test_t3_readings_have_two_reflection_prompts_matching_the_rubric(text):
    from workbook.rubric import load_rubric

    ids = re.findall(r"<!--\s*id:\s*([a-z0-9-]+)\s*-->", _sections(text)["Reflection prompts"])
    assert ids == [r.id for r in load_rubric("T3").reflections]


def test_t3_readings_name_their_sources(text):
    sources = re.findall(r"^- (.+)$", _sections(text)["Sources"], flags=re.M)
    for publisher in ("Center for Internet Security", "CISA", "Google", "Microsoft", "CoSN", "CDW-G"):
        assert any(publisher in s for s in sources), publisher


def test_t3_readings_have_no_dollar_signs(text):
    assert "$" not in text


def test_t3_readings_end_of_support_dates_match_the_reference_table(text):
    from workbook.tools.reference import reference_table

    table = reference_table("software_lifecycle")
    quoted = {("Windows 10", "22H2"), ("Windows Server", "2012 R2"), ("SQL Server", "2016"), ("Windows Server", "2016"),
              ("Office", "2016"), ("Office", "2019"), ("Exchange Server", "2019")}
    for product, version in quoted:
        row = table[(table["product"] == product) & table["version"].str.startswith(version)].iloc[0]
        day = dt.date.fromisoformat(str(row["end_of_support"]))
        assert row["confidence"] in ("H", "M")
        assert f"{day:%B} {day.day}, {day.year}" in " ".join(text.split()), (product, version)


def test_t3_readings_worked_numbers():
    import math

    assert math.ceil(8_000 / 4) == 2_000  # "a fleet of 8,000 devices on a four-year life needs about 2,000"
