"""T2 scenario givens: deterministic per district and seed, plausible, and consistent with the datasets."""

from __future__ import annotations

import numpy as np
import pytest

from workbook.datasets import network_utilization
from workbook.districts import load_district
from workbook.errors import InputError
from workbook.principles.t2.givens import current_peak_mbps, district_users, largest_site, wan_paths
from workbook.tools.infrastructure import access_points_needed, availability_parallel, availability_series

SAMPLES = ("sample-rural", "sample-suburban", "sample-urban")


@pytest.fixture(scope="module", params=SAMPLES)
def district(request):
    return load_district(request.param)


def test_users_are_students_plus_staff(district):
    assert district_users(district) == district.enrollment.total + district.staff.certificated + district.staff.classified


def test_planning_peak_is_the_95th_percentile_of_school_days(district):
    net = network_utilization(district, 9, "2026-27")
    by_hand = float(np.percentile(net.loc[net["school_day"], "peak_mbps"], 95))
    assert current_peak_mbps(district, 9, "2026-27") == pytest.approx(by_hand, abs=0.05)
    assert current_peak_mbps(district, 9, "2026-27", net=net) == current_peak_mbps(district, 9, "2026-27")
    assert current_peak_mbps(district, 9, "2026-27") <= net["circuit_mbps"].iloc[0]


def test_largest_site_is_a_plausible_school(district):
    site = largest_site(district, 4)
    assert 0 < site.students <= district.enrollment.total
    if district.schools > 1:
        assert site.students > district.enrollment.total / district.schools
    assert site.users == site.students + site.staff
    assert site.concurrent_devices == round(site.students * site.devices_per_student) + site.staff
    assert 1.5 <= site.devices_per_student <= 3.0 and 30 <= site.clients_per_ap <= 50
    assert access_points_needed(site.classrooms, site.concurrent_devices, site.clients_per_ap) >= site.classrooms


def test_backup_link_always_cuts_downtime(district):
    for seed in range(10):
        p = wan_paths(district, seed)
        single = availability_series(p.single_path())
        redundant = availability_series(p.core, availability_parallel(p.primary, p.backup))
        assert single < redundant <= p.core


def test_givens_are_deterministic_and_differ_by_seed():
    d = load_district("sample-suburban")
    assert largest_site(d, 1) == largest_site(d, 1)
    assert wan_paths(d, 1) == wan_paths(d, 1)
    assert len({largest_site(d, s) for s in range(6)}) > 1


def test_bad_seed_is_rejected_with_its_name():
    with pytest.raises(InputError, match="seed"):
        largest_site(load_district("sample-rural"), -2)
    with pytest.raises(InputError, match="seed"):
        wan_paths(load_district("sample-rural"), 1.5)
