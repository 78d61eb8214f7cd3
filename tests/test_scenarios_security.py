"""T1 scenario givens: deterministic per district and seed, consistent with the register, and sensible."""

from __future__ import annotations

import pytest

from workbook.datasets import risk_register_seed
from workbook.districts import load_district
from workbook.errors import InputError
from workbook.principles.t1.givens import (
    bia_processes,
    district_register,
    ransomware_scenario,
    security_budget_cap,
    security_controls,
)
from workbook.tools.continuity import bia
from workbook.tools.risk import LEVELS, RISK_MATRIX, ale
from workbook.tools.security_budget import security_budget

SAMPLES = ("sample-rural", "sample-suburban", "sample-urban")


@pytest.fixture(scope="module", params=SAMPLES)
def district(request):
    return load_district(request.param)


def test_register_is_ranked_worst_first_with_table_i2_levels(district):
    reg = district_register(district, 2026)
    order = [LEVELS.index(level) for level in reg["level"]]
    assert order == sorted(order, reverse=True)
    assert list(reg["rank"]) == list(range(1, len(reg) + 1))
    for lik, imp, level in zip(reg["likelihood"], reg["impact"], reg["level"]):
        assert RISK_MATRIX[(lik, imp)] == level


def test_ransomware_scenario_is_the_register_r01_row(district):
    s = ransomware_scenario(district, 11)
    row = risk_register_seed(district, 11).set_index("id").loc["R01"]
    assert (s.asset_value, s.exposure_factor, s.aro) == (row["asset_value"], row["exposure_factor"], row["aro"])
    assert 0.6 <= s.effectiveness <= 0.85
    assert s.annual_cost >= 12_000
    assert list(s.table()["value"]) == [s.asset_value, s.exposure_factor, s.aro, s.effectiveness, s.annual_cost]


def test_each_control_removes_no_more_than_the_loss_of_its_risks(district):
    reg = risk_register_seed(district, 3).set_index("id")
    controls = security_controls(district, 3)
    for _, c in controls.iterrows():
        risks = c["risks"].split(", ")
        total = sum(ale(reg.loc[r, "asset_value"], reg.loc[r, "exposure_factor"], reg.loc[r, "aro"]) for r in risks)
        assert 0 < c["ale_reduction"] <= 0.95 * total + 1


def test_budget_cap_forces_a_choice(district):
    controls = security_controls(district, 8)
    cap = security_budget_cap(district, 8)
    assert 0.39 * controls["cost"].sum() <= cap <= 0.56 * controls["cost"].sum()
    out = security_budget(controls, cap)
    assert out.attrs["chosen_cost"] <= cap
    assert not out["chosen"].all()
    assert out.attrs["chosen_reduction"] >= out.attrs["greedy_reduction"]


def test_bia_processes_pass_bia_validation_and_vary(district):
    table = bia(bia_processes(district, 2026))
    assert len(table) == 7
    assert (table["rto_hours"] >= 1).all() and (table["wrt_hours"] >= 1).all()
    seeds = {tuple(bia_processes(district, s)["rto_hours"]) for s in range(5)}
    assert len(seeds) > 1


def test_givens_are_deterministic_and_differ_between_districts():
    rural, urban = load_district("sample-rural"), load_district("sample-urban")
    assert ransomware_scenario(rural, 5) == ransomware_scenario(rural, 5)
    assert security_controls(rural, 5).equals(security_controls(rural, 5))
    assert bia_processes(rural, 5).equals(bia_processes(rural, 5))
    assert ransomware_scenario(rural, 5).asset_value != ransomware_scenario(urban, 5).asset_value
    assert security_budget_cap(rural, 5) < security_budget_cap(urban, 5)


def test_bad_seed_is_rejected_with_its_name():
    with pytest.raises(InputError, match="seed"):
        ransomware_scenario(load_district("sample-rural"), -1)
    with pytest.raises(InputError, match="seed"):
        bia_processes(load_district("sample-rural"), "x")
