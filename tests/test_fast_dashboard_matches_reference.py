"""Chronic absenteeism by group, now counted on numpy rows, is exactly what it was.

``ref_absenteeism_by_group`` is the implementation as it stood before (a filtered
frame and a pandas mean per group), kept verbatim as the reference: the table must
be the same for every sample district, several seeds, both years, and for columns
of Python or nullable true/false values (and the same error for anything else).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd
import pytest

from workbook.districts import load_district
from workbook.errors import InputError
from workbook.principles.e4.givens import CATEGORIES, FLAGS, students
from workbook.tools._validate import as_table
from workbook.tools.assessment import group_masks
from workbook.tools.dashboard import absenteeism_by_group
from reference_match import outcome as _outcome, agree as _agree

DISTRICTS = ("sample-rural", "sample-suburban", "sample-urban")
SEEDS = (1, 7, 2024)


def ref_absenteeism_by_group(students: Any, flags: Sequence[str] = (), categories: Sequence[str] = (),
                         column: str = "chronic_absent") -> pd.DataFrame:
    import pandas as pd

    table = as_table("students", students, (column, *flags, *categories), noun="student")
    if table[column].dtype != bool and not table[column].map(lambda v: isinstance(v, (bool, np.bool_))).all():
        raise InputError(f"students.{column}", table[column].tolist()[:5], "True or False for every student")
    rows = [{"group": g, "students": int(m.sum()), "rate": float(table.loc[m.to_numpy(), column].mean())}
            for g, m in group_masks(table, flags, categories).items() if m.any()]
    return pd.DataFrame(rows).set_index("group")


@pytest.mark.parametrize("name", DISTRICTS)
@pytest.mark.parametrize("seed", SEEDS)
def test_absenteeism_by_group_matches_the_reference(name: str, seed: int) -> None:
    for year in (0, -1):
        pupils = students(load_district(name), seed, year)
        _agree(absenteeism_by_group(pupils, FLAGS, CATEGORIES), ref_absenteeism_by_group(pupils, FLAGS, CATEGORIES))
        _agree(absenteeism_by_group(pupils, FLAGS[1:3]), ref_absenteeism_by_group(pupils, FLAGS[1:3]))


@pytest.mark.parametrize("kind", ["object bools", "nullable", "nullable with a gap", "numbers", "one student"])
def test_absenteeism_by_group_matches_the_reference_for_other_columns(kind: str) -> None:
    rows = pd.DataFrame({"chronic_absent": [True, False, False, True, False, True, False],
                         "EL": [True, True, False, False, True, False, False],
                         "race": ["A", "B", "A", None, " ", "B", "A"]})
    if kind == "object bools":
        rows["chronic_absent"] = pd.Series([True, np.bool_(False), False, np.bool_(True), False, True, False], dtype=object)
    elif kind == "nullable":
        rows["chronic_absent"] = rows["chronic_absent"].astype("boolean")
    elif kind == "nullable with a gap":
        rows["chronic_absent"] = pd.array([True, None, False, True, False, True, False], dtype="boolean")
    elif kind == "numbers":
        rows["chronic_absent"] = rows["chronic_absent"].astype(int)
    elif kind == "one student":
        rows = rows.iloc[[3]]
    _agree(_outcome(absenteeism_by_group, rows, ["EL"], ["race"]), _outcome(ref_absenteeism_by_group, rows, ["EL"], ["race"]))
