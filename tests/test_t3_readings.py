"""The T3 Technology Services readings: vendor dates and worked numbers (general checks: test_readings.py)."""

from __future__ import annotations

import datetime as dt

import pytest

from readings_text import readings_text


@pytest.fixture(scope="module")
def text() -> str:
    return readings_text("T3")


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
