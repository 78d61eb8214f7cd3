"""Availability, downtime, bandwidth targets, access points, C2 budget: reference values by hand."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from workbook.errors import InputError
from workbook.tools.infrastructure import (
    access_points_needed, availability_parallel, availability_series, bandwidth_need,
    bandwidth_projection, c2_five_year_budget, downtime_per_year, wan_need,
)


def test_availability_two_999_links_worked_by_hand():
    # Series: 0.999 x 0.999 = 0.998001. Parallel: 1 - 0.001 x 0.001 = 0.999999.
    assert availability_series(0.999, 0.999) == pytest.approx(0.998001, abs=1e-12)
    assert availability_parallel(0.999, 0.999) == pytest.approx(0.999999, abs=1e-12)
    assert availability_series([0.999, 0.999]) == availability_series(0.999, 0.999)


def test_downtime_per_year_by_hand():
    assert downtime_per_year(0.999) == pytest.approx(8.76)       # 0.001 x 8,760 h
    assert downtime_per_year(0.998001) == pytest.approx(17.51124)
    assert downtime_per_year(1.0) == 0


fractions = st.floats(0, 1, allow_nan=False)


@given(st.lists(fractions, min_size=1, max_size=6))
def test_parallel_at_least_best_link_series_at_most_worst(links):
    assert availability_parallel(*links) >= max(links) - 1e-12
    assert availability_series(*links) <= min(links) + 1e-12


@pytest.mark.parametrize(("args", "field"), [((99.9,), "availabilities[0]"), ((0.9, -0.1), "availabilities[1]"), ((), "availabilities")])
def test_availability_bad_input_named(args, field):
    with pytest.raises(InputError) as err:
        availability_series(*args)
    assert err.value.field == field


def test_bandwidth_need_targets_by_size_and_year():
    assert bandwidth_need(5_000, "2015-16") == 500          # FCC short term: 100 Mbps / 1,000
    assert bandwidth_need(3_000, "2018-19") == 3_000        # SETDA 2017-18 medium: 1 Gbps / 1,000
    assert bandwidth_need(20_000, "2018-19") == 14_000      # large: 0.7 Gbps / 1,000
    assert bandwidth_need(600, "2018-19") == 900            # small: 1.5 Mbps/user
    assert bandwidth_need(50, "2018-19") == 100             # small minimum 100 Mbps
    assert bandwidth_need(3_000, "2026-27") == 9_000        # SETDA 2020-21 medium, carried forward
    assert bandwidth_need(20_000, "2026-27") == 40_000      # large: 2 Gbps / 1,000
    assert bandwidth_need(900, "2026-27") == pytest.approx(3_870)  # small: 4.3 Mbps/user
    assert bandwidth_need(900, "2026-27", "large") == 1_800  # explicit size wins
    assert wan_need(1_000) == 10_000


def test_bandwidth_bad_input_named():
    with pytest.raises(InputError, match="year = '2013-14'"):
        bandwidth_need(100, "2013-14")
    with pytest.raises(InputError, match="district_size = 'huge'"):
        bandwidth_need(100, "2026-27", "huge")
    with pytest.raises(InputError, match="year = 2026"):
        bandwidth_need(100, 2026)


def test_bandwidth_projection_compounds():
    out = bandwidth_projection(2_000, 1.0, 2, start_year="2026-27")
    assert out["mbps"].tolist() == [2_000, 4_000, 8_000]
    assert out["year"].tolist() == ["2026-27", "2027-28", "2028-29"]
    with pytest.raises(InputError, match="growth = -1"):
        bandwidth_projection(2_000, -1, 2)


def test_access_points_coverage_versus_capacity():
    assert access_points_needed(30, 900) == 30                  # 900 / 40 = 22.5 -> 23 < 30 rooms
    assert access_points_needed(30, 2_000, 40) == 50
    assert access_points_needed(30, 2_000, 50, headroom=0.25) == 50   # 2,500 / 50
    assert access_points_needed(30, 0, aps_per_room=0.5) == 15
    assert access_points_needed(0, 41, 40) == 2
    with pytest.raises(InputError, match="rooms = -1"):
        access_points_needed(-1, 10)


def test_c2_five_year_budget_uses_erate_tables():
    b = c2_five_year_budget(10_000, 0.60, "urban")
    assert b["pre_discount_budget"] == pytest.approx(2_015_700)   # $201.57 x 10,000
    assert b["discount"] == 0.8
    assert b["erate_share"] + b["district_share"] == pytest.approx(2_015_700)
    small = c2_five_year_budget(100, 0.10, "rural", "FY2021-25")
    assert small["pre_discount_budget"] == 25_000 and small["discount"] == 0.5
    with pytest.raises(InputError, match="locale = 'suburb'"):
        c2_five_year_budget(100, 0.10, "suburb")
