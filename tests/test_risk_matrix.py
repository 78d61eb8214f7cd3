"""NIST SP 800-30 Rev. 1: Table I-2 cell by cell, the scales, monotonicity, bad input."""

from __future__ import annotations

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from workbook.errors import InputError
from workbook.paths import data_dir
from workbook.tools.risk import LEVELS, risk_level, risk_matrix, to_level

# Table I-2, typed from the publication independently of the module: (likelihood, impact) -> risk.
TABLE_I2 = [
    ("Very High", "Very Low", "Very Low"),
    ("Very High", "Low", "Low"),
    ("Very High", "Moderate", "Moderate"),
    ("Very High", "High", "High"),
    ("Very High", "Very High", "Very High"),
    ("High", "Very Low", "Very Low"),
    ("High", "Low", "Low"),
    ("High", "Moderate", "Moderate"),
    ("High", "High", "High"),
    ("High", "Very High", "Very High"),
    ("Moderate", "Very Low", "Very Low"),
    ("Moderate", "Low", "Low"),
    ("Moderate", "Moderate", "Moderate"),
    ("Moderate", "High", "Moderate"),
    ("Moderate", "Very High", "High"),
    ("Low", "Very Low", "Very Low"),
    ("Low", "Low", "Low"),
    ("Low", "Moderate", "Low"),
    ("Low", "High", "Low"),
    ("Low", "Very High", "Moderate"),
    ("Very Low", "Very Low", "Very Low"),
    ("Very Low", "Low", "Very Low"),
    ("Very Low", "Moderate", "Very Low"),
    ("Very Low", "High", "Low"),
    ("Very Low", "Very High", "Low"),
]


def test_risk_level_table_i2_has_25_distinct_cells():
    assert len({(lik, imp) for lik, imp, _ in TABLE_I2}) == 25


@pytest.mark.parametrize(("likelihood", "impact", "expected"), TABLE_I2)
def test_risk_level_table_i2_every_cell(likelihood, impact, expected):
    assert risk_level(likelihood, impact) == expected


ABBR = {"Very Low": "vl", "Low": "L", "Moderate": "m", "High": "H", "Very High": "VH"}


@pytest.mark.parametrize(("likelihood", "impact", "expected"), TABLE_I2)
def test_risk_level_abbreviations_and_semi_quantitative_values(likelihood, impact, expected):
    assert risk_level(ABBR[likelihood], ABBR[impact]) == expected
    mid = {"Very Low": 2, "Low": 12, "Moderate": 50, "High": 88, "Very High": 98}
    assert risk_level(mid[likelihood], mid[impact]) == expected
    ten = {"Very Low": 0, "Low": 2, "Moderate": 5, "High": 8, "Very High": 10}
    assert risk_level(ten[likelihood], ten[impact], scale="0-10") == expected


@pytest.mark.parametrize(
    ("value", "level"),
    [(0, "Very Low"), (4, "Very Low"), (4.9, "Very Low"), (5, "Low"), (20, "Low"), (21, "Moderate"),
     (79, "Moderate"), (80, "High"), (95, "High"), (96, "Very High"), (100, "Very High")],
)
def test_to_level_band_edges_0_100(value, level):
    assert to_level(value) == level


def test_risk_matrix_table_matches_reference_csv():
    csv = pd.read_csv(data_dir() / "reference" / "nist_800_30_risk_matrix.csv").set_index("likelihood")
    ours = risk_matrix()
    for lik in LEVELS:
        for imp in LEVELS:
            assert csv.loc[lik, "impact_" + imp.lower().replace(" ", "_")] == ours.loc[lik, imp]
    assert set(csv["confidence"]) <= {"H", "M"} and csv["source"].str.contains("800-30").all()


def test_scales_csv_matches_module():
    from workbook.tools.risk import SCALE_0_10, SCALE_0_100

    csv = pd.read_csv(data_dir() / "reference" / "nist_800_30_scales.csv").set_index("level")
    for level in LEVELS:
        assert (csv.loc[level, "low_0_100"], csv.loc[level, "high_0_100"]) == SCALE_0_100[level]
        assert csv.loc[level, "value_0_10"] == SCALE_0_10[level]


levels = st.sampled_from(LEVELS)
ORDER = {name: i for i, name in enumerate(LEVELS)}


@given(levels, levels, levels)
def test_risk_level_never_falls_when_likelihood_rises(lik_a, lik_b, impact):
    lo, hi = sorted([lik_a, lik_b], key=ORDER.get)
    assert ORDER[risk_level(hi, impact)] >= ORDER[risk_level(lo, impact)]


@given(levels, levels, levels)
def test_risk_level_never_falls_when_impact_rises(likelihood, imp_a, imp_b):
    lo, hi = sorted([imp_a, imp_b], key=ORDER.get)
    assert ORDER[risk_level(likelihood, hi)] >= ORDER[risk_level(likelihood, lo)]


@given(st.floats(0, 100), st.floats(0, 100), st.floats(0, 100))
def test_risk_level_monotone_on_the_0_100_scale(a, b, impact):
    lo, hi = min(a, b), max(a, b)
    assert ORDER[risk_level(hi, impact)] >= ORDER[risk_level(lo, impact)]
    assert ORDER[risk_level(impact, hi)] >= ORDER[risk_level(impact, lo)]


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [({"likelihood": "extreme", "impact": "H"}, "likelihood"),
     ({"likelihood": "H", "impact": 101}, "impact"),
     ({"likelihood": -1, "impact": "H"}, "likelihood"),
     ({"likelihood": True, "impact": "H"}, "likelihood"),
     ({"likelihood": "H", "impact": "H", "scale": "1-5"}, "scale")],
)
def test_risk_level_bad_input_named(kwargs, field):
    with pytest.raises(InputError) as err:
        risk_level(**kwargs)
    assert err.value.field == field
    assert str(err.value).startswith(field + " = ")
