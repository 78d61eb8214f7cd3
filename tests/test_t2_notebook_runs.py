"""T2 executed with papermill for every sample district and a district file:
every recorded answer equals what the rubric (public and hidden checks) expects
for those parameters, and different districts give different answers."""

from __future__ import annotations

import pytest

from notebook_runs import artifact_alt_texts, errors, execute, recorded_answers, rubric_mismatches, self_check_texts
from workbook.district_files import save_district
from workbook.district_generator import generate_district
from workbook.rubric import load_rubric

NOTEBOOK = "technology/T2-infrastructure.ipynb"
DEFAULTS = {"seed": 2026, "fiscal_year": "2026-27", "growth": 0.5, "projection_years": 3, "candidate": "test"}
SAMPLES = ("sample-rural", "sample-suburban", "sample-urban")


@pytest.fixture(scope="module")
def rubric():
    return load_rubric("T2", hidden=True)


@pytest.fixture(scope="module")
def runs(tmp_path_factory):
    out = {}
    for district in SAMPLES:
        folder = tmp_path_factory.mktemp(district)
        out[district] = (execute(NOTEBOOK, folder, district=district), {**DEFAULTS, "district": district})
    return out


@pytest.mark.parametrize("district", SAMPLES)
def test_t2_sample_district_answers_equal_rubric(runs, rubric, district):
    nb, params = runs[district]
    assert errors(nb) == []
    assert rubric_mismatches(nb, rubric, params) == []


def test_t2_answers_differ_between_districts(runs):
    answers = {d: recorded_answers(runs[d][0]) for d in SAMPLES}
    for exercise in ("t2-bandwidth-need", "t2-demand-projected", "t2-c2-district-share", "t2-downtime-single"):
        values = [answers[d][exercise] for d in SAMPLES]
        for i, a in enumerate(values):
            for b in values[i + 1:]:
                assert a != pytest.approx(b, rel=0.01), exercise


def test_t2_other_parameters_match_rubric(tmp_path, rubric):
    params = {**DEFAULTS, "district": "sample-suburban", "seed": 77, "growth": 0.3, "projection_years": 5, "fiscal_year": "2027-28"}
    nb = execute(NOTEBOOK, tmp_path, **params)
    assert errors(nb) == []
    assert rubric_mismatches(nb, rubric, params) == []


def test_t2_own_district_file_matches_rubric(tmp_path, rubric):
    path = save_district(generate_district("rural", seed=4242), tmp_path / "my-district.yaml")
    params = {**DEFAULTS, "district": str(path), "seed": 5}
    nb = execute(NOTEBOOK, tmp_path, **params)
    assert errors(nb) == []
    assert rubric_mismatches(nb, rubric, params) == []


def test_t2_self_check_says_matches_for_every_exercise(runs):
    nb, _ = runs["sample-urban"]
    shown = self_check_texts(nb)
    assert len(shown) == 7
    assert all("matches" in text and "not yet" not in text for text in shown)


def test_t2_artifacts_leave_a_static_figure_with_alt_text(runs):
    nb, _ = runs["sample-suburban"]
    alts = artifact_alt_texts(nb)
    assert alts
    for cell_id, texts in alts.items():
        assert texts, cell_id
        assert len(texts[0]) > 40
