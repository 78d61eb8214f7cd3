"""E-rate: the USAC discount matrix, C2 budgets and the district's net cost.

The expected values are typed here from the domain notes (USAC discount
matrix; C2 budget table), independently of data/reference/.
"""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from workbook.errors import InputError
from workbook.tools.erate import ErateCost, c2_budget, erate_discount, erate_net_cost

# (a share inside the band, C1 urban, C1 rural, C2 urban, C2 rural)
MATRIX = [
    (0.0, 0.20, 0.25, 0.20, 0.25),
    (0.005, 0.20, 0.25, 0.20, 0.25),
    (0.01, 0.40, 0.50, 0.40, 0.50),
    (0.19, 0.40, 0.50, 0.40, 0.50),
    (0.20, 0.50, 0.60, 0.50, 0.60),
    (0.34, 0.50, 0.60, 0.50, 0.60),
    (0.35, 0.60, 0.70, 0.60, 0.70),
    (0.49, 0.60, 0.70, 0.60, 0.70),
    (0.50, 0.80, 0.80, 0.80, 0.80),
    (0.60, 0.80, 0.80, 0.80, 0.80),
    (0.74, 0.80, 0.80, 0.80, 0.80),
    (0.75, 0.90, 0.90, 0.85, 0.85),
    (1.0, 0.90, 0.90, 0.85, 0.85),
]


@pytest.mark.parametrize(("nslp", "c1u", "c1r", "c2u", "c2r"), MATRIX)
def test_erate_discount_matrix_every_band_locale_and_category(nslp, c1u, c1r, c2u, c2r):
    assert erate_discount(nslp, "urban", category=1) == pytest.approx(c1u)
    assert erate_discount(nslp, "rural", category=1) == pytest.approx(c1r)
    assert erate_discount(nslp, "urban", category=2) == pytest.approx(c2u)
    assert erate_discount(nslp, "rural", category=2) == pytest.approx(c2r)


def test_erate_discount_default_category_is_two():
    assert erate_discount(0.9, "urban") == pytest.approx(0.85)


def test_erate_discount_band_edges_use_lower_bounds():
    assert erate_discount(0.1999, "urban") == pytest.approx(0.40)
    assert erate_discount(0.7499, "rural", 1) == pytest.approx(0.80)


@given(
    a=st.floats(0, 1),
    b=st.floats(0, 1),
    locale=st.sampled_from(["urban", "rural"]),
    category=st.sampled_from([1, 2]),
)
def test_erate_discount_never_falls_as_nslp_rises(a, b, locale, category):
    low, high = sorted((a, b))
    assert erate_discount(low, locale, category) <= erate_discount(high, locale, category)


@pytest.mark.parametrize(
    ("args", "field"),
    [
        ((60, "urban"), "nslp_pct"),
        ((-0.1, "urban"), "nslp_pct"),
        ((math.nan, "urban"), "nslp_pct"),
        ((0.5, "suburban"), "locale"),
        ((0.5, "urban", 3), "category"),
        ((0.5, "urban", True), "category"),
    ],
)
def test_erate_discount_bad_input_names_the_argument(args, field):
    with pytest.raises(InputError) as info:
        erate_discount(*args)
    assert info.value.field == field


@pytest.mark.parametrize(
    ("students", "cycle", "expected"),
    [
        (100, "FY2026-30", 30_175.0),  # 100 x 201.57 = 20,157 < floor
        (10_000, "FY2026-30", 2_015_700.0),
        (0, "FY2026-30", 30_175.0),
        (149, "FY2026-30", 30_175.0),  # 149 x 201.57 = 30,033.93 < floor
        (150, "FY2026-30", 30_235.5),  # 150 x 201.57 = 30,235.50 > floor
        (100, "FY2021-25", 25_000.0),
        (1_000, "FY2021-25", 167_000.0),
    ],
)
def test_erate_c2_budget_floor_for_small_districts(students, cycle, expected):
    assert c2_budget(students, cycle=cycle) == pytest.approx(expected, abs=0.005)


def test_erate_c2_budget_bad_input_names_the_argument():
    with pytest.raises(InputError) as info:
        c2_budget(-5)
    assert info.value.field == "students"
    with pytest.raises(InputError) as info:
        c2_budget(12.5)
    assert info.value.field == "students"
    with pytest.raises(InputError) as info:
        c2_budget(100, cycle="2026")
    assert info.value.field == "cycle"


def test_erate_net_cost_splits_by_hand():
    cost = erate_net_cost(120_000, 0.40, "rural", category=2)  # 35-49% rural: 70%
    assert cost == ErateCost(120_000.0, 0.70, 84_000.0, 36_000.0)


@given(
    cost=st.floats(0, 1e8),
    nslp=st.floats(0, 1),
    locale=st.sampled_from(["urban", "rural"]),
    category=st.sampled_from([1, 2]),
)
def test_erate_net_cost_shares_add_up(cost, nslp, locale, category):
    split = erate_net_cost(cost, nslp, locale, category)
    assert split.erate_share + split.district_share == pytest.approx(cost, abs=0.01)
    assert split.erate_share == pytest.approx(cost * split.discount, abs=0.01)


def test_erate_net_cost_bad_cost_names_the_argument():
    for bad in (-1, math.nan, "100"):
        with pytest.raises(InputError) as info:
            erate_net_cost(bad, 0.5, "urban")
        assert info.value.field == "pre_discount_cost"
