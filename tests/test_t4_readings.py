"""The T4 IT Knowledge readings: the figures they quote (general checks: test_readings.py)."""

from __future__ import annotations


import pytest

from readings_text import readings_text, sections


@pytest.fixture(scope="module")
def text() -> str:
    return readings_text("T4")


def test_t4_readings_quote_the_published_counts(text):
    from workbook.principles.t4.givens import PUBLISHED

    assert f"**Implementation\nGroup 1 (IG1) has {PUBLISHED['cis_ig1_safeguards']['value']} safeguards**" in text
    assert f"{PUBLISHED['cis_safeguards']['value']} safeguards" in text and "18 controls" in text
    assert "February 26, 2024" in text


def test_t4_readings_concepts_are_the_self_assessment_areas(text):
    from workbook.tools.standards import concepts

    section = sections(text)["Technical concepts a leader should be able to discuss"]
    for area in set(concepts()["area"]):
        assert f"**{area}**" in section, area
    assert f"groups twenty-two concepts into five areas" in section and len(concepts()) == 22


def test_t4_readings_availability_arithmetic():
    assert round(0.001 * 365 * 24, 1) == 8.8  # "99.9% availability still allows about 8.8 hours"

