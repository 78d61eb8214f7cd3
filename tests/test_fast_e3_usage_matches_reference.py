"""E3's usage table, now drawn a tool at a time, is exactly the table drawn a cell at a time.

``ref_tool_usage`` is the implementation as it stood before the speed-up (two
random draws per school and month, a dict per row), kept verbatim as the
reference: values, dtypes, column and row order must be the same for every
sample district, several seeds, a district with a single school and an
inventory a district brings (and the same error for a licence count that is not
a number).
"""

from __future__ import annotations

from typing import Any

import pandas as pd
import pytest

from workbook.districts import load_district
from workbook.principles import salted_rng as _rng
from workbook.principles.e3.givens import _SEASON, _months, tool_inventory, tool_usage

DISTRICTS = ("sample-rural", "sample-suburban", "sample-urban")
SEEDS = (1, 7, 2024)


def ref_tool_usage(district: Any, seed: int, inventory: Any = None) -> Any:
    import pandas as pd

    inv = tool_inventory(district, seed) if inventory is None else inventory
    rng = _rng(seed, 3302)
    schools = [f"School {i + 1:02d}" for i in range(int(district.schools))]
    months = _months(district.fiscal_year)
    rows = []
    for tool, licences in zip(inv["tool"], inv["licences"]):
        level = rng.uniform(0.12, 0.90)
        per_login = rng.uniform(2.0, 10.0)
        weights = rng.lognormal(0.0, 0.35, len(schools))
        weights = weights / weights.sum()
        for school, weight in zip(schools, weights):
            for month, season in zip(months, _SEASON):
                active = int(round(licences * level * season * weight * rng.uniform(0.9, 1.1)))
                logins = int(round(active * per_login * rng.uniform(0.85, 1.15)))
                rows.append({"tool": tool, "school": school, "month": month, "logins": logins, "active_users": active})
    return pd.DataFrame(rows)


def _same(new: Any, ref: Any) -> None:
    pd.testing.assert_frame_equal(new, ref, check_exact=True)
    assert list(new.columns) == list(ref.columns) and list(new.dtypes) == list(ref.dtypes)


@pytest.mark.parametrize("name", DISTRICTS)
@pytest.mark.parametrize("seed", SEEDS)
def test_tool_usage_matches_the_reference(name: str, seed: int) -> None:
    district = load_district(name)
    _same(tool_usage(district, seed), ref_tool_usage(district, seed))


def test_tool_usage_matches_the_reference_for_one_school_and_a_brought_inventory() -> None:
    one = load_district("sample-rural").model_copy(update={"schools": 1})
    _same(tool_usage(one, 3), ref_tool_usage(one, 3))
    none = load_district("sample-rural").model_copy(update={"schools": 0})
    _same(tool_usage(none, 3), ref_tool_usage(none, 3))
    district = load_district("sample-suburban")
    inventory = tool_inventory(district, 5).iloc[[3, 0, 7]]
    inventory["licences"] = [40, 12_000, 1]
    _same(tool_usage(district, 5, inventory), ref_tool_usage(district, 5, inventory))
    _same(tool_usage(district, 5, inventory.iloc[:0]), ref_tool_usage(district, 5, inventory.iloc[:0]))
    inventory["licences"] = [40.0, float("nan"), 1.0]
    with pytest.raises(ValueError, match="cannot convert float NaN to integer"):
        ref_tool_usage(district, 5, inventory)
    with pytest.raises(ValueError, match="cannot convert float NaN to integer"):
        tool_usage(district, 5, inventory)
