"""The L6 Fiscal Management readings: shape, outcomes, prompts, math, and worked numbers."""

from __future__ import annotations

import re

import pytest

import workbook.paths
from workbook.curriculum import principle

READINGS = workbook.paths.repo_root() / "docs" / "readings" / "L6-fiscal-management.md"

TOPIC_HEADINGS = [
    "Building a district technology budget",
    "Restricted and unrestricted funds",
    "Total cost of ownership",
    "ROI, NPV, IRR and payback",
    "CoSN's Value of Investment",
]


@pytest.fixture(scope="module")
def text() -> str:
    return READINGS.read_text(encoding="utf-8")


def _sections(text: str) -> dict[str, str]:
    parts = re.split(r"^## (.+)$", text, flags=re.M)
    return {parts[i].strip(): parts[i + 1] for i in range(1, len(parts), 2)}


def test_l6_readings_have_one_section_per_topic_in_order(text):
    assert text.startswith("# L6 · Fiscal Management")
    headings = list(_sections(text))
    assert headings == ["Learning outcomes", *TOPIC_HEADINGS, "Reflection prompts", "Sources"]


def test_l6_readings_are_long_enough_for_the_topic(text):
    prose = re.sub(r"<!--.*?-->|\$\$.*?\$\$", " ", text, flags=re.S)
    assert len(re.findall(r"[A-Za-z][A-Za-z'-]*", prose)) >= 1400


def test_l6_readings_outcomes_are_the_curriculum_outcomes(text):
    bullets = re.findall(r"^- (.+)$", _sections(text)["Learning outcomes"], flags=re.M)
    assert tuple(bullets) == principle("L6").outcomes


def test_l6_readings_have_exactly_two_reflection_prompts_with_distinct_ids(text):
    section = _sections(text)["Reflection prompts"]
    ids = re.findall(r"<!--\s*id:\s*([a-z0-9-]+)\s*-->", section)
    assert len(ids) == 2 and len(set(ids)) == 2
    assert all(i.startswith("l6-reflect-") for i in ids)
    assert len(re.findall(r"^\d\. ", section, flags=re.M)) == 2


def test_l6_readings_name_their_sources(text):
    sources = re.findall(r"^- (.+)$", _sections(text)["Sources"], flags=re.M)
    assert len(sources) >= 8
    for publisher in ("California Department of Education", "CalPERS", "USAC", "CoSN",
                      "Circular A-94", "numpy-financial", "Legislative Analyst"):  # fmt: skip
        assert any(publisher in s for s in sources), publisher


def test_l6_readings_math_is_mathjax_and_money_has_no_dollar_sign(text):
    # nbconvert's HTML drops the backslash of an escaped dollar, and MathJax then
    # pairs two amounts as "math"; so money is written "90,000 dollars".
    assert "\\$" not in text
    body = re.sub(r"`[^`]*`", "", text)  # code spans hold no math
    body = re.sub(r"\$\$.+?\$\$", "", body, flags=re.S)
    singles = [m.start() for m in re.finditer(r"\$", body)]
    assert len(singles) % 2 == 0, "an inline $...$ is left open"
    for opening, closing in zip(singles[::2], singles[1::2]):
        assert not body[opening + 1].isdigit(), body[opening - 40 : opening + 40]
        assert "\n" not in body[opening:closing], "inline math must stay on one line"
    assert "\\sum_{t=0}^{n}" in text and "(1+r)^t" in text


def test_l6_readings_worked_numbers_match_the_calculators(text):
    finance = pytest.importorskip("workbook.tools.finance")
    flows = [-180_000] + [42_000] * 5
    for rate, shown in ((0.02, "17,965"), (0.03, "12,348"), (0.05, "1,838"), (0.07, "7,792")):
        assert f"{abs(round(finance.npv(rate, flows))):,}" == shown
        assert f"{shown} at {round(rate * 100)}%" in text
    assert round(finance.irr(flows) * 100, 1) == 5.4
    assert round(finance.payback_period(flows), 1) == 4.3
    assert round(finance.roi(42_000 * 5, 180_000) * 100, 1) == 16.7
    assert round(finance.irr([-250000, 100000, 150000, 200000, 250000, 300000]), 4) == 0.5672
    costs = [198_000, 27_000, 36_000, 120_000, 15_000, 24_000, 3_000]
    assert sum(costs) == 423_000 and sum(costs) / (600 * 4) == 176.25
    assert "423,000 in all" in text and "176.25 dollars per device-year" in text
    assert 90_000 * 0.2681 == pytest.approx(24_129) and "24,129 dollars" in text
