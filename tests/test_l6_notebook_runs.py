"""L6 executed with papermill for every sample district and a district file:
every recorded answer equals what the rubric (public and hidden checks) expects
for those parameters, and different districts give different answers."""

from __future__ import annotations

import pytest

from notebook_runs import errors, execute, recorded_answers, rubric_mismatches, self_check_texts
from workbook.district_files import save_district
from workbook.district_generator import generate_district
from workbook.rubric import load_rubric

L6 = "leadership/L6-fiscal-management.ipynb"
DEFAULTS = {"seed": 2026, "fiscal_year": "2026-27", "discount_rate": 0.03, "horizon_years": 5, "phone_years": 7, "candidate": "test"}


@pytest.fixture(scope="module")
def rubric():
    return load_rubric("L6", hidden=True)


@pytest.fixture(scope="module")
def runs(tmp_path_factory):
    out = {}
    for district in ("sample-rural", "sample-urban"):
        folder = tmp_path_factory.mktemp(district)
        out[district] = (execute(L6, folder, district=district), {**DEFAULTS, "district": district})
    return out


@pytest.mark.parametrize("district", ["sample-rural", "sample-urban"])
def test_l6_sample_district_answers_equal_rubric(runs, rubric, district):
    nb, params = runs[district]
    assert errors(nb) == []
    assert rubric_mismatches(nb, rubric, params) == []


def test_l6_answers_differ_between_urban_and_rural(runs):
    rural = recorded_answers(runs["sample-rural"][0])
    urban = recorded_answers(runs["sample-urban"][0])
    for exercise in ("l6-tco-5yr", "l6-phone-npv", "l6-budget-unrestricted-net"):
        assert rural[exercise] != pytest.approx(urban[exercise], rel=0.01), exercise


def test_l6_suburban_with_other_parameters_matches_rubric(tmp_path, rubric):
    params = {**DEFAULTS, "district": "sample-suburban", "seed": 77, "discount_rate": 0.07, "horizon_years": 6, "fiscal_year": "2027-28"}
    nb = execute(L6, tmp_path, **params)
    assert rubric_mismatches(nb, rubric, params) == []


def test_l6_own_district_file_matches_rubric(tmp_path, rubric):
    path = save_district(generate_district("rural", seed=4242), tmp_path / "my-district.yaml")
    params = {**DEFAULTS, "district": str(path), "seed": 5}
    nb = execute(L6, tmp_path, **params)
    assert errors(nb) == []
    assert rubric_mismatches(nb, rubric, params) == []


def test_l6_self_check_says_matches_for_every_exercise(runs):
    nb, _ = runs["sample-rural"]
    shown = self_check_texts(nb)
    assert len(shown) == 7
    assert all("matches" in text and "not yet" not in text for text in shown)


def test_l6_rubric_check_catches_answers_made_for_other_parameters(runs, rubric):
    nb, params = runs["sample-rural"]
    wrong = rubric_mismatches(nb, rubric, {**params, "seed": params["seed"] + 1, "district": "sample-urban"})
    assert {w[0] for w in wrong} >= {"l6-tco-5yr", "l6-phone-npv", "l6-budget-unrestricted-net"}
