"""T3 executed with papermill for every sample district and a district file:
every recorded answer equals what the rubric (public and hidden checks) expects
for those parameters, and different districts give different answers."""

from __future__ import annotations

import pytest

from notebook_runs import artifact_alt_texts, errors, execute, recorded_answers, rubric_mismatches, self_check_texts
from workbook.district_files import save_district
from workbook.district_generator import generate_district
from workbook.rubric import Context, load_rubric, score_answers

T3 = "technology/T3-technology-services.ipynb"
DEFAULTS = {"seed": 2026, "fiscal_year": "2026-27", "plan_years": 5, "sla_p1_hours": 4.0, "sla_p2_hours": 8.0, "candidate": "test"}
SAMPLES = ("sample-rural", "sample-suburban", "sample-urban")


@pytest.fixture(scope="module")
def rubric():
    return load_rubric("T3", hidden=True)


@pytest.fixture(scope="module")
def runs(tmp_path_factory):
    out = {}
    for district in SAMPLES:
        folder = tmp_path_factory.mktemp(district)
        out[district] = (execute(T3, folder, district=district), {**DEFAULTS, "district": district})
    return out


@pytest.mark.parametrize("district", SAMPLES)
def test_t3_sample_district_answers_equal_rubric(runs, rubric, district):
    nb, params = runs[district]
    assert errors(nb) == []
    assert rubric_mismatches(nb, rubric, params) == []
    assert rubric.hidden, "T3 has hidden checks, and they passed above"


def test_t3_answers_differ_between_districts(runs):
    rural, suburban, urban = (recorded_answers(runs[d][0]) for d in SAMPLES)
    for exercise in ("t3-past-lifespan", "t3-software-cost", "t3-ttr-p90", "t3-devices-per-tech"):
        assert rural[exercise] != pytest.approx(urban[exercise], rel=0.001), exercise
        assert rural[exercise] != pytest.approx(suburban[exercise], rel=0.001), exercise
    assert list(rural["t3-refresh-replaced"]) != list(urban["t3-refresh-replaced"])


def test_t3_other_parameters_match_rubric(tmp_path, rubric):
    params = {**DEFAULTS, "district": "sample-suburban", "seed": 77, "plan_years": 7, "fiscal_year": "2027-28",
              "sla_p1_hours": 2.0, "sla_p2_hours": 12.0}
    nb = execute(T3, tmp_path, **params)
    assert errors(nb) == []
    answers = recorded_answers(nb)
    assert len(answers["t3-refresh-replaced"]) == 7
    outcomes = score_answers(rubric, answers, Context("T3", params))
    assert [o for o in outcomes if o.status != "correct"] == []


def test_t3_own_district_file_matches_rubric(tmp_path, rubric):
    path = save_district(generate_district("rural", seed=4242), tmp_path / "my-district.yaml")
    params = {**DEFAULTS, "district": str(path), "seed": 5}
    nb = execute(T3, tmp_path, **params)
    assert errors(nb) == []
    assert rubric_mismatches(nb, rubric, params) == []


def test_t3_self_check_says_matches_for_every_exercise(runs):
    nb, _ = runs["sample-rural"]
    shown = self_check_texts(nb)
    assert len(shown) == 8
    assert all("matches" in text and "not yet" not in text for text in shown)


def test_t3_artifacts_leave_static_figures_with_alt_text(runs):
    nb, _ = runs["sample-suburban"]
    alts = artifact_alt_texts(nb)
    assert len(alts) == 2
    for cell_id, texts in alts.items():
        assert texts, cell_id
        assert all(len(t) > 40 for t in texts)
