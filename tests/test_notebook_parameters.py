"""Each notebook honours its own parameters: other values than the defaults still match the rubric.

The general runs of every principle are in test_notebook_runs.py; here each
principle's specific parameters (a discount rate, a plan length, a threshold)
are moved away from their defaults, and what they must change is checked.
"""

from __future__ import annotations

import pytest

from notebook_runs import errors, execute, notebook_defaults, recorded_answers, rubric_mismatches
from workbook.curriculum import principle
from workbook.rubric import Context, load_rubric

# Principle -> parameters other than the defaults (a later fiscal year where the notebook plans years).
OTHER_PARAMETERS = {
    "T1": {"seed": 77, "control_effectiveness": 0.9},
    "T2": {"seed": 77, "growth": 0.3, "projection_years": 5, "fiscal_year": "2027-28"},
    "T3": {"seed": 77, "plan_years": 7, "fiscal_year": "2027-28", "sla_p1_hours": 2.0, "sla_p2_hours": 12.0},
    "T4": {"seed": 11, "gap_threshold": 3},
    "L1": {"seed": 77, "target_level": 4},
    "L2": {"seed": 77, "plan_years": 4, "tolerance": 0.05, "fiscal_year": "2027-28",
           "weights": {"teachers": 0.2, "students": 0.2, "families": 0.4, "classified staff": 0.1, "administrators": 0.1}},
    "L3": {"seed": 77, "lead_business_days": 8, "min_responses": 150, "fiscal_year": "2027-28"},
    "E1": {"seed": 77, "min_cell_size": 20, "fiscal_year": "2027-28"},
    "L4": {"seed": 77, "productive_share": 0.6, "fiscal_year": "2027-28"},
    "E2": {"seed": 77, "workers_comp_rate": 0.025, "fiscal_year": "2027-28"},
    "L6": {"seed": 77, "discount_rate": 0.07, "horizon_years": 6, "fiscal_year": "2027-28"},
    "E3": {"seed": 77, "min_utilization": 0.5, "headroom": 0.25, "adoption_target": 0.5, "fiscal_year": "2027-28"},
    "E4": {"seed": 77, "min_group_colour": 600, "min_group_shown": 20, "min_cell_size": 20},
    "L5": {"seed": 77, "readiness_threshold": 3.0, "discount_rate": 0.07},
    "L7": {"seed": 77, "fiscal_year": "2027-28", "first_day_of_school": "2027-08-04", "simulations": 4_000},
    "E5": {"seed": 77, "fiscal_year": "2024-25"},  # published LCFF rates, the 2024 and 2025 bid thresholds, the FY2021-25 C2 cycle
}


@pytest.fixture(scope="module")
def other_runs(tmp_path_factory):
    done: dict = {}

    def run(pid: str):
        if pid not in done:
            path = principle(pid).notebook_path
            params = {**notebook_defaults(path), "district": "sample-suburban", "candidate": "test", **OTHER_PARAMETERS[pid]}
            done[pid] = (execute(path, tmp_path_factory.mktemp(pid), **params), params)
        return done[pid]

    return run


@pytest.mark.parametrize("pid", sorted(OTHER_PARAMETERS))
def test_other_parameter_values_match_the_rubric(other_runs, pid):
    nb, params = other_runs(pid)
    assert errors(nb) == []
    assert rubric_mismatches(nb, load_rubric(pid, hidden=True), params) == []


def test_t3_plan_years_sets_the_length_of_the_refresh_plan(other_runs):
    nb, _ = other_runs("T3")
    assert len(recorded_answers(nb)["t3-refresh-replaced"]) == 7


def test_t4_a_higher_gap_threshold_adds_the_concepts_rated_at_it(other_runs):
    nb, params = other_runs("T4")
    answers = recorded_answers(nb)
    at_two = load_rubric("T4").exercise("t4-gap-list").checks[0].expected(Context("T4", {**params, "gap_threshold": 2}))
    assert set(at_two) < set(answers["t4-gap-list"])


def test_t4_quotes_the_published_ig1_count(other_runs):
    nb, _ = other_runs("T4")
    assert recorded_answers(nb)["t4-ig1-safeguards"] == 56


def test_every_case_uses_the_notebooks_own_parameter_names():
    for pid, overrides in OTHER_PARAMETERS.items():
        assert set(overrides) <= set(notebook_defaults(principle(pid).notebook_path)), pid


def test_t4_artifact_is_the_candidates_own_chart_before_they_rate_themselves(other_runs):
    from notebook_runs import artifact_alt_texts

    nb, _ = other_runs("T4")
    [texts] = artifact_alt_texts(nb).values()
    assert len(texts) == 1
    assert "1 to 5" in texts[0] and "3.0" in texts[0]  # the starting ratings, all 3


def test_l1_a_higher_target_level_raises_every_teacher_priority(other_runs):
    nb, params = other_runs("L1")
    at_four = recorded_answers(nb)["l1-teacher-priorities"]
    at_three = load_rubric("L1").exercise("l1-teacher-priorities").checks[0].expected(Context("L1", {**params, "target_level": 3}))
    assert set(at_four) == set(at_three)
    assert all(at_four[s] > at_three[s] for s in at_three)


def test_l2_a_tighter_tolerance_puts_at_least_as_many_goals_behind(other_runs):
    nb, params = other_runs("L2")
    behind = recorded_answers(nb)["l2-goals-behind"]
    at_default = load_rubric("L2").exercise("l2-goals-behind").checks[0].expected(Context("L2", {**params, "tolerance": 0.10}))
    assert set(at_default) <= set(behind)
    assert recorded_answers(nb)["l2-top-need"] == load_rubric("L2").exercise("l2-top-need").checks[0].expected(Context("L2", params))


def test_e3_a_higher_utilization_floor_drops_at_least_as_many_tools(other_runs):
    nb, params = other_runs("E3")
    dropped = recorded_answers(nb)["e3-drop-at-renewal"]
    at_default = load_rubric("E3").exercise("e3-drop-at-renewal").checks[0].expected(Context("E3", {**params, "min_utilization": 0.30}))
    # each job keeps at most one tool, and a higher floor leaves fewer jobs with a tool above it
    assert len(dropped) >= len(at_default)


def test_e4_a_larger_colour_size_leaves_more_groups_without_a_colour(other_runs):
    nb, params = other_runs("E4")
    without = recorded_answers(nb)["e4-no-colour-groups"]
    at_default = load_rubric("E4").exercise("e4-no-colour-groups").checks[0].expected(
        Context("E4", {**params, "min_group_colour": 30, "min_group_shown": 11}))
    assert set(at_default) <= set(without) and len(without) > len(at_default)


def test_e5_an_earlier_fiscal_year_uses_that_years_published_rates(other_runs):
    from workbook.tools.funding import lcff_entitlement
    from workbook.principles.e5.givens import ada_history

    nb, params = other_runs("E5")
    answers = recorded_answers(nb)
    funded = ada_history(Context("E5", params).district, params["seed"]).funded()
    published = lcff_entitlement(funded.ada, Context("E5", params).district.unduplicated_pct, "2024-25")
    assert published.notes == () and answers["e5-lcff-total"] == published.total
    assert answers["e5-lcff-total"] < lcff_entitlement(funded.ada, published.unduplicated_pct, "2026-27").total
