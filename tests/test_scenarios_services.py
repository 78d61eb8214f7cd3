"""T3 scenario givens: derived from the district and seed, deterministic, validated."""

from __future__ import annotations

import pytest

from workbook.datasets import device_inventory
from workbook.districts import load_district
from workbook.errors import InputError
from workbook.principles.t3.givens import (
    refresh_inputs,
    service_catalogue,
    sla_targets,
    software_as_of,
    student_fleet,
    support_technicians,
    supported_staff,
)
from workbook.tools.services import refresh_schedule

SAMPLES = ("sample-rural", "sample-suburban", "sample-urban")


@pytest.mark.parametrize("sample", SAMPLES)
def test_refresh_inputs_come_from_the_district_profile(sample):
    d = load_district(sample)
    r = refresh_inputs(d, 2026, "2026-27", years=6)
    assert r.unit_cost == d.devices.unit_cost and r.lifespan_years == d.devices.lifespan_years
    assert 0.60 * d.budget.devices - 500 <= r.annual_budget <= 0.85 * d.budget.devices + 500
    assert r.annual_budget % 1000 == 0
    assert r.as_kwargs()["years"] == 6 and r.start == "2026-27"
    assert r == refresh_inputs(d, 2026, "2026-27", years=6)


def test_refresh_budget_varies_with_seed():
    d = load_district("sample-suburban")
    assert len({refresh_inputs(d, s, "2026-27").annual_budget for s in range(10)}) > 5


@pytest.mark.parametrize("sample", SAMPLES)
def test_student_refresh_never_spends_more_than_the_budget(sample):
    d = load_district(sample)
    fleet = student_fleet(device_inventory(d, 7, "2026-27"))
    assert set(fleet["type"]) == {"student Chromebook"}
    assert int(fleet["count"].sum()) == d.devices.student_devices
    r = refresh_inputs(d, 7, "2026-27")
    plan = refresh_schedule(fleet, **r.as_kwargs())
    assert (plan["cost"] <= r.annual_budget).all()
    assert (plan["replaced"] <= int(r.annual_budget // r.unit_cost)).all()


def test_sla_targets_defaults_and_bad_input():
    assert sla_targets() == {"P1": 4.0, "P2": 8.0, "P3": 24.0, "P4": 72.0}
    with pytest.raises(InputError, match="p2_hours = 0"):
        sla_targets(4, 0)
    with pytest.raises(InputError, match="p1_hours"):
        sla_targets("four")


@pytest.mark.parametrize("sample", SAMPLES)
def test_support_technicians_is_a_share_of_it_staff_in_half_ftes(sample):
    d = load_district(sample)
    for seed in range(20):
        t = support_technicians(d, seed)
        assert 1.0 <= t <= max(1.0, d.staff.it)
        assert (t * 2) == int(t * 2)
    assert supported_staff(d) == d.staff.certificated + d.staff.classified


def test_support_technicians_rejects_a_bad_seed():
    with pytest.raises(InputError, match="seed"):
        support_technicians(load_district("sample-rural"), -1)


def test_software_as_of_is_july_first_and_validates():
    assert software_as_of("2027-28") == "2027-07-01"
    with pytest.raises(InputError, match="fiscal_year"):
        software_as_of("2027")


def test_service_catalogue_scales_with_the_fleet():
    rural = service_catalogue(load_district("sample-rural"), 3)
    urban = service_catalogue(load_district("sample-urban"), 3)
    assert list(rural["service"]) == list(urban["service"])
    assert urban["fte_needed"].sum() > 10 * rural["fte_needed"].sum()
    assert rural["service level"].str.len().min() > 5
