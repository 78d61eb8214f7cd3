"""The critical path method, the WBS and project ranking (workbook.tools.projects) against known answers.

Reference network: the Reliable Construction Company project of Hillier and
Lieberman, *Introduction to Operations Research* (chapter "Project Management
with PERT/CPM"): 14 activities, 44 weeks, critical path A B C E F J L N, and
the slacks printed there (D, G, H, M 4 weeks; I 2; K 1; the rest 0).
"""

from __future__ import annotations

import networkx as nx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from workbook.errors import InputError
from workbook.tools.projects import activity_network, critical_path_schedule, rank_projects, wbs_rollup

RELIABLE = [  # id, weeks, predecessors
    ("A", 2, ""), ("B", 4, "A"), ("C", 10, "B"), ("D", 6, "C"), ("E", 4, "C"), ("F", 5, "E"), ("G", 7, "D"),
    ("H", 9, "E, G"), ("I", 7, "C"), ("J", 8, "F, I"), ("K", 4, "J"), ("L", 5, "J"), ("M", 2, "H"), ("N", 6, "K, L"),
]
SLACK = {"A": 0, "B": 0, "C": 0, "D": 4, "E": 0, "F": 0, "G": 4, "H": 4, "I": 2, "J": 0, "K": 1, "L": 0, "M": 4, "N": 0}


def _plan(rows):
    return [{"id": i, "duration": d, "predecessors": p} for i, d, p in rows]


def test_textbook_network_length_critical_path_and_slacks():
    s = critical_path_schedule(_plan(RELIABLE))
    assert s.duration == 44
    assert s.critical_path == ["A", "B", "C", "E", "F", "J", "L", "N"]
    assert s.critical_paths() == [["A", "B", "C", "E", "F", "J", "L", "N"]]
    t = s.table.set_index("id")
    assert t["total_float"].to_dict() == SLACK
    # a few dates as printed: H starts at 29 at the earliest and 33 at the latest; I finishes at 23 and 25
    assert t.loc["H", ["early_start", "late_start"]].tolist() == [29, 33]
    assert t.loc["I", ["early_finish", "late_finish"]].tolist() == [23, 25]
    # free float: K can slip one week without delaying N, but D's 4 weeks are shared with G and H
    assert t.loc["K", "free_float"] == 1 and t.loc["D", "free_float"] == 0


def test_a_deadline_shifts_every_float_and_turns_them_negative_when_too_early():
    late = critical_path_schedule(_plan(RELIABLE), deadline=47).table.set_index("id")["total_float"]
    early = critical_path_schedule(_plan(RELIABLE), deadline=40).table.set_index("id")["total_float"]
    assert (late - 3).to_dict() == SLACK and (early + 4).to_dict() == SLACK
    assert critical_path_schedule(_plan(RELIABLE), deadline=40).critical_path == ["A", "B", "C", "E", "F", "J", "L", "N"]


def test_a_cycle_is_rejected_naming_the_activities_on_it():
    rows = _plan(RELIABLE)
    rows[2] = {"id": "C", "duration": 10, "predecessors": "B, N"}  # C now waits for the last activity
    with pytest.raises(InputError) as err:
        critical_path_schedule(rows)
    message = str(err.value)
    assert message.startswith("activities = ")
    loop = message.split("'")[1].split(" -> ")
    assert loop[0] == loop[-1] and {"C", "N", "J"} <= set(loop)
    assert "none can start" in message


@pytest.mark.parametrize(("rows", "field", "value"), [
    ([{"id": "A", "duration": 1, "predecessors": ""}, {"id": "A", "duration": 2, "predecessors": ""}], "activities[1].id", "'A'"),
    ([{"id": "A", "duration": "two", "predecessors": ""}], "activities[0].duration", "'two'"),
    ([{"id": "A", "duration": 1, "predecessors": "B"}], "activities[0].predecessors", "'B'"),
    ([{"id": "A", "duration": 1, "predecessors": 7}], "activities[0].predecessors", "7"),
    ([{"id": "", "duration": 1, "predecessors": ""}], "activities[0].id", "''"),
    ([{"id": "A", "duration": 1, "predecessors": "A"}], "activities", "'A -> A'"),
    ([{"id": "A", "duration": 1}], "activities", "['id', 'duration']"),
    ([], "activities", "[]"),
])
def test_bad_activity_tables_are_rejected_naming_the_field_and_value(rows, field, value):
    with pytest.raises(InputError, match="is not allowed: expected") as err:
        activity_network(rows)
    assert str(err.value).startswith(f"{field} = {value} is not allowed")


def test_wbs_rollup_obeys_the_100_percent_rule():
    plan = [{"id": i, "duration": 1, "predecessors": "", "wbs": w, "cost": c}
            for i, w, c in [("a", "1.1", 10), ("b", "1.2.1", 20), ("c", "1.2.2", 30), ("d", "2.1", 40)]]
    table = wbs_rollup(plan, {"1": "Design", "1.2": "Drawings", "2": "Build"}).set_index("wbs")
    assert table.loc["1", "cost"] == 60 and table.loc["1.2", "cost"] == 50 and table.loc["2", "cost"] == 40
    assert table.loc["1", "work_packages"] == 3
    assert table.loc[table["level"] == 1, "share"].sum() == pytest.approx(1.0)
    with pytest.raises(InputError, match=r"missing: 1\.2"):
        wbs_rollup(plan, {"1": "Design", "2": "Build"})
    with pytest.raises(InputError, match=r"activities\[0\]\.wbs = '1\.x'"):
        wbs_rollup([{**plan[0], "wbs": "1.x"}], {"1": "Design"})


def test_rank_projects_breaks_ties_by_cost_then_name_and_skips_what_does_not_fit():
    ideas = [{"project": "B", "cost": 50, "g": 2}, {"project": "A", "cost": 50, "g": 2},
             {"project": "C", "cost": 10, "g": 2}, {"project": "D", "cost": 100, "g": 3}, {"project": "E", "cost": 5, "g": 0}]
    r = rank_projects(ideas, {"g": 2.0}, budget=70)
    assert r["project"].tolist() == ["D", "C", "A", "B", "E"]
    assert r.loc[r["funded"], "project"].tolist() == ["C", "A", "E"]  # D does not fit; B no longer fits; E still does
    with pytest.raises(InputError, match=r"weights\['g'\] = -1"):
        rank_projects(ideas, {"g": -1})
    with pytest.raises(InputError, match=r"budget = -5"):
        rank_projects(ideas, {"g": 1}, budget=-5)


# -- properties on random networks ---------------------------------------------------------------

@st.composite
def networks(draw, min_size=1, max_size=9):
    """A random DAG: activity i may wait only for activities before it, so there is never a loop."""
    n = draw(st.integers(min_size, max_size))
    durations = draw(st.lists(st.integers(0, 15), min_size=n, max_size=n))
    rows = []
    for i in range(n):
        preds = draw(st.lists(st.integers(0, i - 1), unique=True, max_size=3)) if i else []
        rows.append({"id": f"a{i}", "duration": durations[i], "predecessors": [f"a{p}" for p in preds]})
    return rows


def _longest_path(rows) -> float:
    """An independent reference: networkx's longest path, with each activity split into a start and an end node."""
    g = nx.DiGraph()
    for r in rows:
        g.add_edge(("s", r["id"]), ("e", r["id"]), weight=r["duration"])
        for p in r["predecessors"]:
            g.add_edge(("e", p), ("s", r["id"]), weight=0)
    return nx.dag_longest_path_length(g, weight="weight")


@settings(max_examples=60, deadline=None)
@given(networks())
def test_length_is_the_longest_path_and_float_is_never_negative(rows):
    s = critical_path_schedule(rows)
    assert s.duration == _longest_path(rows)
    t = s.table
    assert (t["total_float"] >= 0).all() and (t["free_float"] >= 0).all()
    assert (t["free_float"] <= t["total_float"]).all()
    assert t.loc[t["critical"], "total_float"].eq(0).all()
    assert t.loc[t["critical"], "early_finish"].max() == s.duration


@settings(max_examples=60, deadline=None)
@given(networks(min_size=2), st.data())
def test_adding_a_dependency_never_shortens_the_project(rows, data):
    i = data.draw(st.integers(1, len(rows) - 1))
    j = data.draw(st.integers(0, i - 1))
    more = [dict(r, predecessors=list(r["predecessors"])) for r in rows]
    if f"a{j}" not in more[i]["predecessors"]:
        more[i]["predecessors"].append(f"a{j}")
    assert critical_path_schedule(more).duration >= critical_path_schedule(rows).duration
