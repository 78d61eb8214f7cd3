"""T4 executed with papermill for every sample district and a district file:
every recorded answer equals what the rubric (public and hidden checks) expects
for those parameters, and different seeds give different answers."""

from __future__ import annotations

import pytest

from notebook_runs import artifact_alt_texts, errors, execute, recorded_answers, rubric_mismatches, self_check_texts
from workbook.district_files import save_district
from workbook.district_generator import generate_district
from workbook.rubric import Context, load_rubric, score_answers

T4 = "technology/T4-it-knowledge.ipynb"
DEFAULTS = {"seed": 2026, "fiscal_year": "2026-27", "gap_threshold": 2, "candidate": "test"}
RUNS = {"sample-rural": 2026, "sample-suburban": 11, "sample-urban": 404}  # the roster gives each candidate a seed


@pytest.fixture(scope="module")
def rubric():
    return load_rubric("T4", hidden=True)


@pytest.fixture(scope="module")
def runs(tmp_path_factory):
    out = {}
    for district, seed in RUNS.items():
        params = {**DEFAULTS, "district": district, "seed": seed}
        out[district] = (execute(T4, tmp_path_factory.mktemp(district), **params), params)
    return out


@pytest.mark.parametrize("district", list(RUNS))
def test_t4_sample_district_answers_equal_rubric(runs, rubric, district):
    nb, params = runs[district]
    assert errors(nb) == []
    assert rubric_mismatches(nb, rubric, params) == []


def test_t4_answers_differ_between_candidates(runs):
    answers = [recorded_answers(runs[d][0]) for d in RUNS]
    for exercise in ("t4-self-mean", "t4-gap-list"):
        values = [repr(a[exercise]) for a in answers]
        assert len(set(values)) == len(values), exercise
    assert answers[0]["t4-ig1-safeguards"] == 56


def test_t4_gap_threshold_changes_the_gap_list(tmp_path, rubric):
    params = {**DEFAULTS, "district": "sample-suburban", "seed": 11, "gap_threshold": 3}
    nb = execute(T4, tmp_path, **params)
    answers = recorded_answers(nb)
    outcomes = score_answers(rubric, answers, Context("T4", params))
    assert [o for o in outcomes if o.status != "correct"] == []
    at_two = rubric.exercise("t4-gap-list").checks[0].expected(Context("T4", {**params, "gap_threshold": 2}))
    assert set(at_two) < set(answers["t4-gap-list"])  # a higher threshold adds the concepts rated 3


def test_t4_own_district_file_runs_and_matches(tmp_path, rubric):
    path = save_district(generate_district("urban", seed=99), tmp_path / "my-district.yaml")
    params = {**DEFAULTS, "district": str(path), "seed": 5}
    nb = execute(T4, tmp_path, **params)
    assert errors(nb) == []
    assert rubric_mismatches(nb, rubric, params) == []


def test_t4_artifact_is_the_candidates_own_chart_with_alt_text(runs):
    nb, _ = runs["sample-rural"]
    [texts] = artifact_alt_texts(nb).values()
    assert len(texts) == 1
    alt = texts[0]
    assert "1 to 5" in alt and "3.0" in alt  # the default ratings, all 3, before the candidate changes them
    self_checks = self_check_texts(nb)
    assert len(self_checks) == 5 and all("matches" in t and "not yet" not in t for t in self_checks)
