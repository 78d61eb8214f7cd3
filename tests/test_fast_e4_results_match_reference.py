"""E4's CAASPP results, now kept for the last few districts, seeds and years, are exactly what they were.

``ref_caaspp_results`` is the implementation as it stood before the table was kept
(built again on every call), verbatim: every call, the first and the later ones,
must return the same table for every sample district, several seeds and both
years, and a caller who changes the table they got changes nobody else's.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd
import pytest

from workbook.districts import load_district
from workbook.errors import InputError
from workbook.principles.e4.givens import caaspp_results, students
from workbook.tools.assessment import level_minimums

DISTRICTS = ("sample-rural", "sample-suburban", "sample-urban")
SEEDS = (1, 7, 2024)


def ref_caaspp_results(district: Any, seed: int, year: int = 0) -> Any:
    import pandas as pd

    pupils = students(district, seed, year)
    tested = pupils[pupils["grade"].between(3, 8)]
    parts = []
    for subject in ("ela", "math"):
        part = tested.drop(columns=["ela_dfs", "math_dfs", "chronic_absent"]).copy()
        part.insert(3, "subject", subject)
        level3 = part["grade"].map({g: level_minimums(subject, g)[1] for g in range(3, 9)})
        part.insert(4, "scale_score", np.clip(level3 + tested[f"{subject}_dfs"], 2100, 2900).astype(int))
        parts.append(part)
    return pd.concat(parts, ignore_index=True)


@pytest.mark.parametrize("name", DISTRICTS)
@pytest.mark.parametrize("seed", SEEDS)
def test_caaspp_results_match_the_reference_on_every_call(name: str, seed: int) -> None:
    district = load_district(name)
    for year in (0, -1):
        ref = ref_caaspp_results(district, seed, year)
        first = caaspp_results(district, seed, year)
        pd.testing.assert_frame_equal(first, ref, check_exact=True)
        first.loc[0, "scale_score"] = 0
        first["subject"] = "changed by a caller"
        pd.testing.assert_frame_equal(caaspp_results(district, seed, year), ref, check_exact=True)


def test_caaspp_results_for_another_district_or_seed_are_not_mixed_up() -> None:
    rural, urban = load_district("sample-rural"), load_district("sample-urban")
    for district, seed, year in [(rural, 3, 0), (urban, 3, 0), (rural, 4, 0), (rural, 3, -1)] * 3:
        pd.testing.assert_frame_equal(caaspp_results(district, seed, year), ref_caaspp_results(district, seed, year), check_exact=True)
    for bad in ({"year": 1}, {"year": True}, {"seed": -1}):
        args = {"seed": 3, "year": 0} | bad
        with pytest.raises(InputError) as new:
            caaspp_results(rural, **args)
        with pytest.raises(InputError) as ref:
            ref_caaspp_results(rural, **args)
        assert str(new.value) == str(ref.value)
