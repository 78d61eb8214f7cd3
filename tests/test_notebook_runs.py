"""Every available principle's notebook, executed with papermill as candidates would run it.

One suite for all principles (a new principle is checked as soon as its source
exists): for each sample district, with its own seed as the roster would give
it, and for a district file made by the generator, the notebook runs without an
error, every recorded answer equals what the rubric (public and hidden checks)
expects for those parameters, the self-check says "matches" for every exercise,
each artifact leaves a static figure with alt text, and two candidates never get
the same answers. Principle-specific parameters: test_notebook_parameters.py.
"""

from __future__ import annotations

import pytest

from notebook_runs import artifact_alt_texts, errors, execute, notebook_defaults, recorded_answers, rubric_mismatches, self_check_texts
from workbook.curriculum import PRINCIPLES
from workbook.district_files import save_district
from workbook.district_generator import generate_district
from workbook.rubric import load_rubric

AVAILABLE = [p.id for p in PRINCIPLES if p.status == "available"]
# Each run is a candidate: a district and the seed the roster gives them.
CANDIDATES = {"sample-rural": 2026, "sample-suburban": 11, "sample-urban": 404, "own-file": 5}
CASES = [(pid, who) for pid in AVAILABLE for who in CANDIDATES]


@pytest.fixture(scope="module")
def own_district(tmp_path_factory):
    """A district file as a candidate would bring it (the generator's, validated on load)."""
    return save_district(generate_district("rural", seed=4242), tmp_path_factory.mktemp("own") / "my-district.yaml")


@pytest.fixture(scope="module")
def runs(tmp_path_factory, own_district):
    """(principle, candidate) -> (executed notebook, parameters), each run once and on first use."""
    done: dict = {}

    def run(pid: str, who: str):
        if (pid, who) not in done:
            from workbook.curriculum import principle

            path = principle(pid).notebook_path
            district = str(own_district) if who == "own-file" else who
            params = {**notebook_defaults(path), "district": district, "seed": CANDIDATES[who], "candidate": f"test-{who}"}
            nb = execute(path, tmp_path_factory.mktemp(f"{pid}-{who}"), **params)
            done[pid, who] = (nb, params)
        return done[pid, who]

    return run


@pytest.fixture(scope="module")
def rubrics():
    return {pid: load_rubric(pid, hidden=True) for pid in AVAILABLE}


def test_the_suite_covers_every_available_principle():
    assert len(AVAILABLE) >= 5 and {"T1", "L6"} <= set(AVAILABLE)


@pytest.mark.parametrize(("pid", "who"), CASES)
def test_notebook_runs_and_every_answer_equals_the_rubric(runs, rubrics, pid, who):
    nb, params = runs(pid, who)
    assert errors(nb) == []
    assert rubric_mismatches(nb, rubrics[pid], params) == []
    assert set(recorded_answers(nb)) == {e.id for e in rubrics[pid].exercises}


@pytest.mark.parametrize("pid", AVAILABLE)
def test_two_candidates_never_get_the_same_answers(runs, pid):
    answers = {who: recorded_answers(runs(pid, who)[0]) for who in CANDIDATES}
    shown = {who: repr(sorted((k, repr(v)) for k, v in a.items())) for who, a in answers.items()}
    assert len(set(shown.values())) == len(shown)


@pytest.mark.parametrize("pid", AVAILABLE)
def test_the_rubric_catches_answers_made_for_another_candidate(runs, rubrics, pid):
    nb, params = runs(pid, "sample-rural")
    _, other = runs(pid, "sample-urban")
    wrong = rubric_mismatches(nb, rubrics[pid], other)
    assert wrong, "the rural candidate's answers must not score as the urban candidate's"


@pytest.mark.parametrize("pid", AVAILABLE)
def test_self_check_says_matches_for_every_exercise(runs, rubrics, pid):
    nb, _ = runs(pid, "sample-urban")
    shown = self_check_texts(nb)
    assert len(shown) == len(rubrics[pid].exercises)
    assert all("matches" in text and "not yet" not in text for text in shown)


@pytest.mark.parametrize("pid", AVAILABLE)
def test_artifacts_leave_a_static_figure_with_alt_text(runs, pid):
    nb, _ = runs(pid, "sample-suburban")
    alts = artifact_alt_texts(nb)
    assert alts, "every principle leaves at least one artifact for the portfolio"
    for cell_id, texts in alts.items():
        assert texts, cell_id
        assert all(len(t) > 40 for t in texts), cell_id
