"""Reference tables: provenance on every row, values equal the domain notes."""

from __future__ import annotations

import pandas as pd
import pytest

from workbook.errors import InputError
from workbook.tools.reference import (
    CONFIDENCE_LEVELS,
    carried_forward,
    cola,
    pension_rate,
    reference_table,
    reference_tables,
)

EXPECTED_TABLES = [
    "cola",
    "erate_c2_budgets",
    "erate_discounts",
    "lcff_base_grants",
    "pension_rates",
    "sacs_objects",
    "sacs_resources",
]


def test_reference_tables_lists_the_budget_and_erate_tables():
    names = reference_tables()
    assert set(EXPECTED_TABLES) <= set(names)
    assert names == sorted(names)


def test_reference_every_table_in_the_folder_loads_with_source_and_confidence():
    for name in reference_tables():
        table = reference_table(name)
        assert {"source", "confidence"} <= set(table.columns), name


@pytest.mark.parametrize("name", reference_tables())
def test_reference_every_row_has_source_year_and_confidence(name):
    table = reference_table(name)
    assert len(table) > 0
    year_col = "fiscal_year" if "fiscal_year" in table.columns else "year"
    for column in ("source", year_col, "confidence"):
        assert column in table.columns, f"{name} lacks {column}"
        values = table[column]
        assert values.notna().all(), f"{name}.{column} has blanks"
        assert (values.astype(str).str.strip() != "").all(), f"{name}.{column} has blanks"
    assert set(table["confidence"]) <= set(CONFIDENCE_LEVELS)


def test_reference_table_is_a_copy_not_the_cache():
    first = reference_table("cola")
    first.loc[0, "cola"] = 99.0
    assert reference_table("cola").loc[0, "cola"] == pytest.approx(0.0822)


def test_reference_unknown_table_lists_the_names():
    with pytest.raises(InputError) as info:
        reference_table("pension")
    assert info.value.field == "name"
    assert "pension_rates" in str(info.value) and "sacs_objects" in str(info.value)


@pytest.mark.parametrize(
    ("system", "year", "rate"),
    [
        ("calstrs", "2024-25", 0.1910),
        ("calstrs", "2025-26", 0.1910),
        ("calstrs", "2026-27", 0.1910),
        ("calpers", "2024-25", 0.2705),
        ("calpers", "2025-26", 0.2681),
        ("calpers", "2026-27", 0.264),
    ],
)
def test_reference_pension_rates_equal_domain_facts(system, year, rate):
    assert pension_rate(system, year) == pytest.approx(rate, abs=1e-12)


def test_reference_pension_status_adopted_then_projected():
    table = reference_table("pension_rates").set_index(["system", "fiscal_year"])
    assert table.loc[("calpers", "2025-26"), "status"] == "adopted"
    assert table.loc[("calpers", "2026-27"), "status"] == "projected"
    assert "200-027-25" in table.loc[("calpers", "2025-26"), "source"]


def test_reference_pension_rate_carries_last_projection_forward():
    assert pension_rate("calpers", "2030-31") == pytest.approx(0.264)
    note = carried_forward("pension_rates", "2030-31")
    assert note is not None and "2026-27" in note and "projected" in note
    assert carried_forward("pension_rates", "2026-27") is None


def test_reference_pension_rate_rejects_bad_input():
    with pytest.raises(InputError) as info:
        pension_rate("calpers", "2020-21")
    assert info.value.field == "fiscal_year"
    with pytest.raises(InputError) as info:
        pension_rate("calpers", "2025-27")
    assert info.value.field == "fiscal_year"
    with pytest.raises(InputError) as info:
        pension_rate("pers", "2025-26")
    assert info.value.field == "system"


@pytest.mark.parametrize(
    ("year", "value"),
    [("2023-24", 0.0822), ("2024-25", 0.0107), ("2025-26", 0.0230), ("2026-27", 0.0241)],
)
def test_reference_cola_equals_domain_facts(year, value):
    assert cola(year) == pytest.approx(value, abs=1e-12)


def test_reference_lcff_base_grants_2024_25_and_computed_2025_26():
    table = reference_table("lcff_base_grants").set_index(["grade_span", "fiscal_year"])
    assert table.loc[("TK-3", "2024-25"), "base_grant"] == 10_025
    assert table.loc[("TK-3", "2024-25"), "gsa_amount"] == 1_043
    assert table.loc[("9-12", "2024-25"), "gsa_amount"] == 316
    assert table.loc[("7-8", "2024-25"), "base_grant"] == 10_478
    later = table.xs("2025-26", level="fiscal_year")
    assert set(later["confidence"]) == {"computed"}
    assert later.loc["4-6", "base_grant"] == 10_411
    # 2025-26 = 2024-25 x 1.023, rounded to the dollar
    earlier = table.xs("2024-25", level="fiscal_year")
    assert ((earlier["base_grant"] * 1.023).round() == later["base_grant"]).all()
    assert (table["adjusted_base"] == table["base_grant"] + table["gsa_amount"]).all()


def test_reference_sacs_codes_keep_leading_zeros():
    resources = reference_table("sacs_resources")
    assert "0000" in set(resources["code_from"])
    named = resources[resources["code_from"] == resources["code_to"]].set_index("code_from")
    assert named.loc["3010", "category"] == "federal"
    assert not named.loc["0000", "restricted"]
    objects = reference_table("sacs_objects").set_index("object_code")
    majors = objects[objects["major"]]
    assert list(majors.index) == [f"{d}000" for d in range(1, 9)]
    assert objects.loc["2000", "name"] == "Classified personnel salaries"


def test_reference_sacs_detail_codes_outside_domain_facts_are_illustrative():
    objects = reference_table("sacs_objects")
    assert set(objects.loc[~objects["major"], "confidence"]) == {"illustrative"}
    resources = reference_table("sacs_resources")
    named = resources[resources["code_from"] == resources["code_to"]]
    marks = dict(zip(named["code_from"], named["confidence"]))
    assert marks["0000"] == "M" and marks["3010"] == "M"
    assert all(v == "illustrative" for k, v in marks.items() if k not in ("0000", "3010"))


def test_reference_resource_ranges_cover_every_code_once():
    resources = reference_table("sacs_resources")
    ranges = resources[resources["code_from"] != resources["code_to"]]
    covered = pd.Series(0, index=range(10_000))
    for lo, hi in zip(ranges["code_from"], ranges["code_to"]):
        covered.loc[int(lo) : int(hi)] += 1
    assert (covered == 1).all()
    restricted = dict(zip(ranges["code_from"], ranges["restricted"]))
    assert restricted == {"0000": False, "2000": True, "3000": True, "6000": True, "8000": True}
