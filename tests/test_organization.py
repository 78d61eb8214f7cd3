"""The department as an organization (workbook.tools.organization): org chart, RACI, readiness, build/buy/share."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from workbook.errors import InputError
from workbook.tools.finance import npv
from workbook.tools.organization import (KOTTER_STEPS, change_readiness, choose_solution, org_chart, raci_faults,
                                         single_points_of_knowledge)

DEPARTMENT = [  # worked by hand: 3 layers; spans cto 3, infra 2, support 4; 2 vacancies
    {"id": "cto", "title": "CTO", "reports_to": "", "systems": "E-rate filing"},
    {"id": "infra", "title": "Infrastructure manager", "reports_to": "cto", "systems": "firewall"},
    {"id": "support", "title": "Support manager", "reports_to": "cto", "systems": "ticketing system"},
    {"id": "data", "title": "Data analyst", "reports_to": "cto", "systems": "SIS, CALPADS reporting", "vacant": True},
    {"id": "net1", "title": "Network engineer", "reports_to": "infra", "systems": "firewall, backups"},
    {"id": "net2", "title": "Network engineer", "reports_to": "infra", "systems": "backups"},
    {"id": "tech1", "title": "Site technician", "reports_to": "support", "systems": "MDM, ticketing system"},
    {"id": "tech2", "title": "Site technician", "reports_to": "support", "systems": "MDM"},
    {"id": "tech3", "title": "Site technician", "reports_to": "support", "systems": "MDM, SIS", "vacant": True},
    {"id": "tech4", "title": "Site technician", "reports_to": "support", "systems": "imaging"},
]


def test_org_chart_worked_by_hand():
    chart = org_chart(DEPARTMENT)
    assert chart.head == "cto" and chart.layers == 3
    assert chart.spans.to_dict() == {"cto": 3, "infra": 2, "support": 4}
    assert chart.widest_span() == "support"
    assert chart.vacancies == ["data", "tech3"] and chart.vacancy_share == pytest.approx(0.2)
    assert chart.table.set_index("id")["layer"].to_dict()["tech4"] == 3


def test_single_points_of_knowledge_count_only_people_in_post():
    t = single_points_of_knowledge(DEPARTMENT).set_index("system")
    assert t.loc["CALPADS reporting", "people"] == 0  # its only expert's post is vacant
    assert t.loc["SIS", "people"] == 0
    assert t.loc["MDM", "people"] == 2 and t.loc["backups", "people"] == 2
    assert single_points_of_knowledge(DEPARTMENT).query("people < 2")["system"].tolist() == [
        "CALPADS reporting", "SIS", "E-rate filing", "imaging"]
    ordered = single_points_of_knowledge(DEPARTMENT)
    assert ordered["people"].is_monotonic_increasing
    assert ordered.loc[ordered["people"] == 1, "system"].tolist() == ["E-rate filing", "imaging"]


@pytest.mark.parametrize(("rows", "start"), [
    ([{"id": "a", "title": "A", "reports_to": "zz"}], "positions[0].reports_to = 'zz' is not allowed"),
    ([{"id": "a", "title": "A", "reports_to": ""}, {"id": "a", "title": "B", "reports_to": "a"}], "positions[1].id = 'a' is not allowed"),
    ([{"id": "a", "title": "", "reports_to": ""}], "positions[0].title = '' is not allowed"),
    ([{"id": "a", "title": "A", "reports_to": "", "vacant": "yes"}], "positions[0].vacant = 'yes' is not allowed"),
    ([{"id": "a", "title": "A", "reports_to": "c"}, {"id": "b", "title": "B", "reports_to": "a"},
      {"id": "c", "title": "C", "reports_to": "b"}, {"id": "d", "title": "D", "reports_to": ""}], "positions = 'a -> b -> c -> a' is not allowed"),
    ([{"id": "a", "title": "A", "reports_to": ""}, {"id": "b", "title": "B", "reports_to": ""}], "positions = ['a', 'b'] is not allowed"),
])
def test_bad_org_charts_name_the_field_and_value(rows, start):
    with pytest.raises(InputError) as err:
        org_chart(rows)
    assert str(err.value).startswith(start)


def test_a_raci_table_with_every_kind_of_fault():
    matrix = [
        {"activity": "Replace firewall", "CTO": "A", "Network": "R", "Principal": "I", "Board": ""},  # valid
        {"activity": "Report CALPADS", "CTO": "A", "Network": "", "Principal": "A", "Board": ""},  # two A, no R
        {"activity": "Image devices", "CTO": "", "Network": "R", "Principal": "C", "Board": ""},  # no A
        {"activity": "Choose apps", "CTO": "A/R", "Network": "S", "Principal": "c", "Board": ""},  # unknown code S (c is fine)
        {"activity": "Replace firewall", "CTO": "A", "Network": "R", "Principal": "", "Board": ""},  # duplicate
    ]
    faults = raci_faults(matrix)
    assert faults[["activity", "role", "kind"]].values.tolist() == [
        ["Report CALPADS", "CTO, Principal", "several accountable"],
        ["Report CALPADS", "", "no responsible"],
        ["Image devices", "", "no accountable"],
        ["Choose apps", "Network", "unknown code"],
        ["Replace firewall", "", "duplicate activity"],
        ["", "Board", "unused role"],
    ]
    assert set(faults["kind"]) == {"several accountable", "no responsible", "no accountable", "unknown code",
                                   "duplicate activity", "unused role"}
    assert raci_faults(matrix[:1] + [{"activity": "Plan", "CTO": "R", "Network": "A", "Principal": "", "Board": "I"}]).empty


def test_raci_reads_combined_letters_and_rejects_a_nameless_activity():
    assert raci_faults([{"activity": "x", "CTO": "A, R"}]).empty
    assert raci_faults([{"activity": "x", "CTO": "AR"}]).empty
    with pytest.raises(InputError, match=r"^matrix\[0\]\.activity = '' is not allowed"):
        raci_faults([{"activity": "", "CTO": "A/R"}])


def test_change_readiness_by_hand():
    answers = [{"step": s, "rating": r} for s in range(1, 9) for r in {1: [3, 4], 2: [2, 2], 3: [5, 5], 4: [2, 3]}.get(s, [4, 4])]
    t = change_readiness(answers, threshold=3.5)
    assert t.loc[1, "mean"] == 3.5 and t.loc[1, "ready"] and t.loc[1, "agree"] == 0.5
    assert t.index[t["weakest"]].tolist() == [2, 4]
    assert t.index[~t["ready"]].tolist() == [2, 4]
    assert t["step_name"].tolist() == list(KOTTER_STEPS)
    tie = change_readiness([{"step": s, "rating": 3 if s in (5, 7, 8) else 4} for s in range(1, 9)], weakest=2)
    assert tie.index[tie["weakest"]].tolist() == [5, 7]  # a three-way tie goes to the earlier steps
    with pytest.raises(InputError, match=r"^responses\[0\]\.rating = 6 is not allowed"):
        change_readiness([{"step": 1, "rating": 6}])


def test_choose_solution_gates_on_support_staff_then_ranks():
    opts = [{"option": "build", "upfront": 50_000, "yearly": 30_000, "years": 5, "support_fte": 1.5, "fit": 3, "privacy": 3},
            {"option": "buy", "upfront": 10_000, "yearly": 40_000, "years": 5, "support_fte": 0.5, "fit": 2, "privacy": 2},
            {"option": "share", "upfront": 0, "yearly": 45_000, "years": 5, "support_fte": 0.2, "fit": 2, "privacy": 2}]
    r = choose_solution(opts, {"fit": 1, "privacy": 1}, support_fte=1.0, discount_rate=0.03).set_index("option")
    assert r.loc["build", "feasible"] == False and r.loc["build", "rank"] == 3  # noqa: E712 - best score, but cannot be run
    assert r.loc["buy", "present_cost"] == pytest.approx(npv(0.03, [50_000] + [40_000] * 4))
    # buy and share tie on score; the lower present cost wins
    cheaper = "buy" if r.loc["buy", "present_cost"] < r.loc["share", "present_cost"] else "share"
    assert r.index[0] == cheaper
    assert choose_solution(opts, {"fit": 1, "privacy": 1}, support_fte=2.0).iloc[0]["option"] == "build"
    with pytest.raises(InputError, match=r"^options\[0\]\.years = 0 is not allowed"):
        choose_solution([{**opts[0], "years": 0}], {"fit": 1}, support_fte=1)


@st.composite
def trees(draw):
    n = draw(st.integers(1, 25))
    rows = [{"id": "p0", "title": "Head", "reports_to": ""}]
    for i in range(1, n):
        rows.append({"id": f"p{i}", "title": f"T{i}", "reports_to": f"p{draw(st.integers(0, i - 1))}", "vacant": draw(st.booleans())})
    return rows


@settings(max_examples=60, deadline=None)
@given(trees())
def test_org_chart_properties(rows):
    chart = org_chart(rows)
    assert chart.spans.sum() == len(rows) - 1  # every position but the head has exactly one manager
    assert 1 <= chart.layers <= len(rows)
    assert len(chart.vacancies) == sum(bool(r.get("vacant")) for r in rows)


def test_goal_alignment_finds_both_kinds_of_gap():
    from workbook.tools.goals import goal_alignment

    lcap = {"1": "Readers", "2": "Safe schools", "3": "Graduates", "4": "Families"}
    mine = [{"goal": "Wi-Fi", "lcap": "1,3"}, {"goal": "MFA", "lcap": " 2 "}, {"goal": "Email", "lcap": None},
            {"goal": "Devices", "lcap": "1"}]
    t = goal_alignment(mine, lcap)
    assert t.index[~t["served"]].tolist() == ["4"]
    assert t.loc["1", "department_goals"] == 2 and t.loc["1", "by"] == "Wi-Fi; Devices"
    assert t.attrs["unaligned"] == ["Email"]
    with pytest.raises(InputError, match=r"^goals\[1\]\.goal = '' is not allowed"):
        goal_alignment([{"goal": "Wi-Fi", "lcap": "1"}, {"goal": "", "lcap": "2"}], lcap)
    with pytest.raises(InputError, match=r"^lcap_goals = \{\} is not allowed"):
        goal_alignment(mine, {})


def test_single_points_of_knowledge_ties_ignore_case():
    # L5 Exercise 4 says "ties in alphabetical order ignoring case": 'backups' comes before 'SIS' and 'Zoom'
    # (a sort on the raw text puts every capitalised name first; pandas 3 reads text columns as "str", not object).
    t = single_points_of_knowledge([
        {"id": "a", "title": "A", "reports_to": "", "systems": "SIS, Zoom, firewall"},
        {"id": "b", "title": "B", "reports_to": "a", "systems": "backups, Google Workspace"}])
    assert t["system"].tolist() == ["backups", "firewall", "Google Workspace", "SIS", "Zoom"]
