"""workbook.tools.training: reference values worked by hand, properties, and bad input named.

The reference values below are worked out in the comments, not computed by the
library; the properties hold for any input hypothesis draws.
"""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from workbook.errors import InputError
from workbook.tools.training import (
    development_plan,
    fund_offerings,
    prerequisite_graph,
    scope_and_sequence,
    training_cost,
    training_needs,
    uncovered,
)

# ---------------------------------------------------------------------------- reference values


def _survey():
    rows = []
    # teachers rate privacy 2, 3, 2, 1 (mean 2.0) and LMS 3, 4, 3, 2 (mean 3.0)
    for p, lms in [(2, 3), (3, 4), (2, 3), (1, 2)]:
        rows += [{"role": "teacher", "skill": "privacy", "level": p}, {"role": "teacher", "skill": "LMS", "level": lms}]
    # administrators rate privacy 1, 2 (mean 1.5)
    rows += [{"role": "admin", "skill": "privacy", "level": lv} for lv in (1, 2)]
    return rows


def test_needs_by_hand():
    # target 3: teacher privacy gap 1.0 x 100 = 100; admin privacy gap 1.5 x 10 = 15; teacher LMS gap 0 x 100 = 0
    needs = training_needs(_survey(), {"teacher": 100, "admin": 10}, 3)
    assert needs[["role", "skill"]].values.tolist() == [["teacher", "privacy"], ["admin", "privacy"], ["teacher", "LMS"]]
    assert needs["gap"].tolist() == [1.0, 1.5, 0.0]
    assert needs["priority"].tolist() == [100.0, 15.0, 0.0]
    assert needs["respondents"].tolist() == [4, 2, 4]
    assert needs["rank"].tolist() == [1, 2, 3]


def test_needs_with_a_target_per_skill():
    # LMS target 4: teacher LMS gap 1.0 x 100 = 100 ties teacher privacy; the tie goes to the skill first alphabetically ("LMS")
    needs = training_needs(_survey(), {"teacher": 100, "admin": 10}, {"privacy": 3, "LMS": 4})
    assert needs[["skill", "priority"]].values.tolist()[:2] == [["LMS", 100.0], ["privacy", 100.0]]


def test_needs_by_school():
    rows = [{"school": "North", "skill": "privacy", "level": 1}, {"school": "South", "skill": "privacy", "level": 2}]
    needs = training_needs(rows, {"North": 10, "South": 40}, 3, by="school")
    # North 2 x 10 = 20, South 1 x 40 = 40
    assert needs[["school", "priority"]].values.tolist() == [["South", 40.0], ["North", 20.0]]


def test_scope_and_sequence_by_hand():
    # Four months of 10 trainer hours. A: 15 hours (priority 5); B needs A: 5 hours (priority 4); C: 8 hours (priority 1).
    # Order: A, then B (ready once A is placed, higher priority than C), then C.
    # A takes Jan 10 + Feb 5 (finishes Feb). B starts after Feb: Mar 5 (finishes Mar).
    # C: Jan is full, Feb has 5 left, Mar has 5 left: Feb 5 + Mar 3 (finishes Mar). Left: Jan 0, Feb 0, Mar 2, Apr 10.
    offerings = [
        {"offering": "C", "hours": 8, "participants": 10, "group_size": 10, "priority": 1},
        {"offering": "B", "hours": 5, "participants": 10, "group_size": 10, "priority": 4, "prerequisites": "A"},
        {"offering": "A", "hours": 5, "participants": 30, "group_size": 10, "priority": 5},
    ]
    plan = scope_and_sequence(offerings, ["Jan", "Feb", "Mar", "Apr"], 10)
    assert plan["offering"].tolist() == ["A", "B", "C"]
    assert plan["sections"].tolist() == [3, 1, 1]
    assert plan["trainer_hours"].tolist() == [15.0, 5.0, 8.0]
    assert plan["start"].tolist() == ["Jan", "Mar", "Feb"]
    assert plan["finish"].tolist() == ["Feb", "Mar", "Mar"]
    assert plan.attrs["capacity_left"] == {"Jan": 0.0, "Feb": 0.0, "Mar": 2.0, "Apr": 10.0}


def test_what_does_not_fit_and_what_waits_for_it():
    # D needs 100 hours of a 30-hour year; E needs D, so E cannot fit either; F fits.
    plan = scope_and_sequence(
        [{"offering": "D", "hours": 100, "participants": 1}, {"offering": "E", "hours": 1, "participants": 1, "prerequisites": ["D"]},
         {"offering": "F", "hours": 4, "participants": 1}],
        ["Aug", "Sep", "Oct"], [10, 10, 10])
    by = plan.set_index("offering")
    assert not by.loc["D", "scheduled"]
    assert "100 trainer hours" in by.loc["D", "reason"] and "30 are left" in by.loc["D", "reason"]
    assert not by.loc["E", "scheduled"] and "D" in by.loc["E", "reason"]
    assert by.loc["F", "finish"] == "Aug"


def test_training_cost_of_a_coaching_cycle_by_hand():
    # Ten teachers, 12 hours each, one-to-one with a coach at 60 dollars: 10 x 12 x 60 = 7,200.
    # Half a day of release each at 200 dollars: 10 x 0.5 x 200 = 1,000. Total 8,200.
    # Nine complete: 8,200 / 9 = 911.11 per trained; per contact hour 8,200 / (9 x 12) = 75.93.
    c = training_cost(10, 12, group_size=1, facilitator_hourly=60, release_days=0.5, substitute_daily_rate=200, completion_rate=0.9)
    assert (c.facilitation, c.release, c.total) == (7200.0, 1000.0, 8200.0)
    assert c.per_trained == pytest.approx(911.111, abs=0.001)
    assert c.per_contact_hour == pytest.approx(75.926, abs=0.001)


def test_training_cost_of_a_micro_credential_by_hand():
    # 40 teachers, a 75-dollar fee each (3,000), 15 stipend hours at 50 dollars (40 x 15 x 50 = 30,000): 33,000.
    # 60% complete: 24 trained, 1,375 dollars each; 33,000 / (24 x 15) = 91.67 per contact hour.
    c = training_cost(40, 15, fee_per_participant=75, stipend_hourly=50, stipend_hours=15, completion_rate=0.6)
    assert (c.fees, c.stipends, c.total, c.trained) == (3000.0, 30000.0, 33000.0, 24.0)
    assert c.per_trained == pytest.approx(1375.0)
    assert c.per_contact_hour == pytest.approx(91.6667, abs=1e-4)


def test_only_some_participants_released():
    # 30 participants, 12 of them teachers who need a substitute for one day at 210 dollars: 2,520.
    assert training_cost(30, 6, released=12, release_days=1, substitute_daily_rate=210).release == 2520.0


def test_funding_by_hand():
    # value per 1,000 dollars: P 50/2,000 = 25, Q 90/6,000 = 15, R 40/4,000 = 10, S 10/1,000 = 10.
    # Budget 8,000: P (2,000), Q (8,000 in all), R no longer fits, S no longer fits (R and S tie at 10: the cheaper, S, first).
    out = fund_offerings([{"offering": "P", "cost": 2000, "value": 50}, {"offering": "Q", "cost": 6000, "value": 90},
                          {"offering": "R", "cost": 4000, "value": 40}, {"offering": "S", "cost": 1000, "value": 10}], 8000)
    assert out["offering"].tolist() == ["P", "Q", "S", "R"]
    assert out["funded"].tolist() == [True, True, False, False]
    assert out["cumulative_cost"].tolist() == [2000.0, 8000.0, 8000.0, 8000.0]


def test_uncovered_standards_keep_the_order_given():
    assert uncovered([{"offering": "x", "standards": "Analyst"}], ["Learner", "Leader", "Analyst"]) == ["Learner", "Leader"]
    assert uncovered([{"offering": "x", "standards": ""}], ["Learner"]) == ["Learner"]


# ---------------------------------------------------------------------------- properties

levels = st.integers(min_value=1, max_value=4)


@given(st.lists(st.tuples(st.sampled_from(["teacher", "aide", "admin"]), st.sampled_from(["a", "b", "c"]), levels), min_size=1, max_size=40),
       st.integers(min_value=1, max_value=4))
@settings(max_examples=60, deadline=None)
def test_needs_properties(rows, target):
    survey = [{"role": r, "skill": s, "level": lv} for r, s, lv in rows]
    heads = {"teacher": 300, "aide": 40, "admin": 12}
    needs = training_needs(survey, heads, target)
    assert (needs["gap"] >= 0).all() and (needs["gap"] <= target - 1 + 1e-12).all()
    assert needs["priority"].is_monotonic_decreasing
    assert needs["priority"].tolist() == pytest.approx((needs["gap"] * needs["headcount"]).tolist())
    if target < 4:  # a higher target never lowers a gap
        higher = training_needs(survey, heads, target + 1).set_index(["role", "skill"])["gap"]
        lower = needs.set_index(["role", "skill"])["gap"]
        assert (higher.loc[lower.index] >= lower - 1e-12).all()


@st.composite
def catalogs(draw):
    n = draw(st.integers(min_value=1, max_value=8))
    rows = []
    for i in range(n):
        prereqs = sorted(draw(st.sets(st.integers(min_value=0, max_value=i - 1), max_size=2))) if i else []
        rows.append({"offering": f"O{i}", "hours": draw(st.integers(min_value=1, max_value=12)),
                     "participants": draw(st.integers(min_value=1, max_value=90)), "group_size": draw(st.integers(min_value=5, max_value=30)),
                     "priority": draw(st.integers(min_value=0, max_value=5)), "prerequisites": [f"O{p}" for p in prereqs]})
    capacity = draw(st.lists(st.integers(min_value=0, max_value=40), min_size=1, max_size=10))
    return rows, capacity


@given(catalogs(), st.randoms(use_true_random=False))
@settings(max_examples=80, deadline=None)
def test_sequence_respects_prerequisites_and_capacity(case, rnd):
    rows, capacity = case
    months = [f"M{i + 1}" for i in range(len(capacity))]
    plan = scope_and_sequence(rows, months, capacity).set_index("offering")
    for row in rows:
        here = plan.loc[row["offering"]]
        for p in row["prerequisites"]:
            before = plan.loc[p]
            if here["scheduled"]:  # a scheduled offering starts after every prerequisite has finished
                assert before["scheduled"] and before["finish_index"] < here["start_index"]
    left = plan.attrs["capacity_left"]
    assert all(v >= -1e-9 for v in left.values())
    delivered = sum(capacity) - sum(left.values())
    assert delivered == pytest.approx(plan.loc[plan["scheduled"], "trainer_hours"].sum())
    shuffled = list(rows)
    rnd.shuffle(shuffled)  # the order of the rows never changes the plan
    again = scope_and_sequence(shuffled, months, capacity).set_index("offering")
    assert again.loc[plan.index, ["start", "finish", "scheduled"]].equals(plan[["start", "finish", "scheduled"]])


@given(st.integers(min_value=1, max_value=200), st.floats(min_value=0.5, max_value=40), st.floats(min_value=0, max_value=400),
       st.floats(min_value=0.05, max_value=1))
@settings(max_examples=80, deadline=None)
def test_cost_properties(people, hours, sub_rate, completion):
    c = training_cost(people, hours, facilitator_hourly=80, release_days=1, substitute_daily_rate=sub_rate, completion_rate=completion)
    assert c.per_trained * c.trained == pytest.approx(c.total)
    assert c.per_contact_hour * hours == pytest.approx(c.per_trained)
    dearer = training_cost(people, hours, facilitator_hourly=80, release_days=1, substitute_daily_rate=sub_rate + 10, completion_rate=completion)
    assert dearer.total == pytest.approx(c.total + people * 10)
    assert c.per_trained >= training_cost(people, hours, facilitator_hourly=80, release_days=1, substitute_daily_rate=sub_rate).per_trained - 1e-9


@given(st.lists(st.tuples(st.integers(min_value=1, max_value=50_000), st.integers(min_value=0, max_value=500)), min_size=1, max_size=10),
       st.integers(min_value=0, max_value=200_000))
@settings(max_examples=80, deadline=None)
def test_funding_never_exceeds_the_budget(items, budget):
    table = [{"offering": f"O{i}", "cost": c, "value": v} for i, (c, v) in enumerate(items)]
    out = fund_offerings(table, budget)
    assert out.loc[out["funded"], "cost"].sum() <= budget + 1e-9
    spent = 0.0
    for cost, ok in zip(out["cost"], out["funded"]):  # nothing is skipped that would still have fitted
        assert ok == (spent + cost <= budget + 1e-9)
        spent += cost if ok else 0
    if budget >= sum(c for c, _ in items):
        assert out["funded"].all()


@given(st.integers(min_value=2, max_value=7), st.randoms(use_true_random=False))
@settings(max_examples=40, deadline=None)
def test_a_cycle_is_named_with_exactly_the_offerings_on_it(k, rnd):
    names = [f"T{i}" for i in range(k)]
    rows = [{"offering": n, "prerequisites": [names[(i + 1) % k]]} for i, n in enumerate(names)]  # T0 needs T1 ... needs T0
    rows.append({"offering": "Outside", "prerequisites": [names[0]]})  # not on the loop
    rnd.shuffle(rows)
    with pytest.raises(InputError) as err:
        prerequisite_graph(rows)
    assert err.value.field == "prerequisites"
    assert err.value.value == sorted(names)
    assert "Outside" not in str(err.value) and "T0 needs T1" in str(err.value)


# ---------------------------------------------------------------------------- bad input, named


@pytest.mark.parametrize(("call", "field", "shown"), [
    (lambda: training_needs([{"role": "t", "skill": "a", "level": 5}], {"t": 1}), "responses.level[0]", "5"),
    (lambda: training_needs([{"role": "t", "skill": "a", "level": 2}], {"t": 0}), "headcounts['t']", "0"),
    (lambda: training_needs([{"role": "t", "skill": "a", "level": 2}], {"t": 3}, {"b": 3}), "target", "{'b': 3}"),
    (lambda: training_needs([{"role": "t", "skill": "a", "level": 2}], {"t": 3}, 0.5), "target", "0.5"),
    (lambda: training_needs([{"role": "t", "level": 2}], {"t": 3}), "responses", "['role', 'level']"),
    (lambda: prerequisite_graph([{"offering": "A"}, {"offering": "A"}]), "offerings.offering", "['A']"),
    (lambda: prerequisite_graph([{"offering": "A", "prerequisites": "A"}]), "prerequisites", "['A']"),
    (lambda: scope_and_sequence([{"offering": "A", "hours": 1, "participants": 1}], ["Aug", "Sep"], [5]), "capacity", "[5]"),
    (lambda: scope_and_sequence([{"offering": "A", "hours": 1, "participants": 1}], [], 5), "months", "[]"),
    (lambda: scope_and_sequence([{"offering": "A", "hours": 1, "participants": 0}], ["Aug"], 5), "offerings[0].participants", "0"),
    (lambda: scope_and_sequence([{"offering": "A", "hours": 1, "participants": 2}], ["Aug"], -1), "capacity", "-1"),
    (lambda: training_cost(10, 6, released=11, release_days=1), "released", "11"),
    (lambda: training_cost(10, 6, completion_rate=1.5), "completion_rate", "1.5"),
    (lambda: training_cost(10, 0), "contact_hours", "0"),
    (lambda: fund_offerings([{"offering": "A", "cost": 10, "value": -1}], 100), "offerings[0].value", "-1"),
    (lambda: fund_offerings([{"offering": "A", "cost": 10, "value": 1}], -5), "budget", "-5"),
    (lambda: uncovered([{"offering": "A", "standards": "Lerner"}], ["Learner"]), "alignment[0].standards", "['Lerner']"),
    (lambda: development_plan([{"goal": "g", "standard": "s", "activity": "a", "evidence": "e", "start": "Mar", "end": "Jan"}],
                              ["Jan", "Mar"], ["s"]), "goals[0].end", "'Jan'"),
    (lambda: development_plan([{"goal": "g", "standard": "Visionary", "activity": "a", "evidence": "e", "start": "Jan", "end": "Jan"}],
                              ["Jan"], ["Visionary Planner"]), "goals[0].standard", "'Visionary'"),
])
def test_bad_input_names_the_argument_and_value(call, field, shown):
    with pytest.raises(InputError) as err:
        call()
    assert err.value.field == field
    assert str(err.value).startswith(f"{field} = {shown} is not allowed: expected ")


def test_errors_are_value_errors_with_plain_values():
    # numpy scalars from a DataFrame are shown as plain numbers, not np.int64(...)
    with pytest.raises(ValueError, match=r"^offerings\[0\]\.cost = 0 is not allowed"):
        fund_offerings([{"offering": "A", "cost": 0, "value": 1}], 10)
    assert math.isfinite(training_cost(1, 1).total)


def test_the_districts_own_survey_file_is_read_checked_and_ranked(tmp_path):
    from workbook.datasets import load_dataset
    from workbook.errors import DistrictFileError

    own = tmp_path / "our-survey.csv"
    own.write_text("Respondent,Role,School,Skill,Level\nA1,teacher,North,privacy,2\nA2,teacher,South,privacy,1\n"
                   "A3,aide,North,privacy,3\n", encoding="utf-8")
    survey = load_dataset("staff_skills_survey", "sample-rural", 1, own)
    # teachers: mean 1.5, gap 1.5 x 40 = 60; aides: gap 0
    needs = training_needs(survey, {"teacher": 40, "aide": 9})
    assert needs[["role", "priority"]].values.tolist() == [["teacher", 60.0], ["aide", 0.0]]
    own.write_text("Respondent,Role,School,Skill,Level\nA1,teacher,North,privacy,two\n", encoding="utf-8")
    with pytest.raises(DistrictFileError, match=r"row 2, level = 'two'"):
        load_dataset("staff_skills_survey", "sample-rural", 1, own)
    generated = load_dataset("staff_skills_survey", "sample-rural", 1)
    assert set(generated.columns) >= {"respondent", "role", "school", "skill", "level"}
