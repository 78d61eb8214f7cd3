"""workbook.tools.planning and workbook.tools.trends: reference values by hand, properties, bad input named."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from workbook.errors import InputError
from workbook.tools.finance import npv
from workbook.tools.planning import (
    funding_gap,
    goal_status,
    needs_assessment,
    plan_cost,
    plan_present_value,
    site_plan_review,
    smart_problems,
)
from workbook.tools.trends import HYPE_PHASES, radar

# ---------------------------------------------------------------------------- reference values


def _survey():
    return [
        # teachers: devices 5-2 and 4-3 (mean 2), Wi-Fi 3-3 (0)
        {"group": "teachers", "need": "devices", "importance": 5, "current": 2},
        {"group": "teachers", "need": "devices", "importance": 4, "current": 3},
        {"group": "teachers", "need": "Wi-Fi", "importance": 3, "current": 3},
        # families: devices 3-3 (0), Wi-Fi 5-1 (4)
        {"group": "families", "need": "devices", "importance": 3, "current": 3},
        {"group": "families", "need": "Wi-Fi", "importance": 5, "current": 1},
        # students rated only Wi-Fi: 4-2 (2)
        {"group": "students", "need": "Wi-Fi", "importance": 4, "current": 2},
    ]


def test_needs_assessment_by_hand():
    # weights 0.5, 0.3, 0.2. Devices (students did not rate it): (0.5 x 2 + 0.3 x 0) / 0.8 = 1.25.
    # Wi-Fi: 0.5 x 0 + 0.3 x 4 + 0.2 x 2 = 1.6.
    table = needs_assessment(_survey(), {"teachers": 0.5, "families": 0.3, "students": 0.2})
    assert list(table.index) == ["Wi-Fi", "devices"]
    assert table["score"].tolist() == pytest.approx([1.6, 1.25])
    assert table.loc["devices", "teachers"] == 2.0 and table.loc["Wi-Fi", "families"] == 4.0
    # only the ratios of the weights matter
    again = needs_assessment(_survey(), {"teachers": 5, "families": 3, "students": 2})
    assert again["score"].tolist() == pytest.approx([1.6, 1.25])


def test_a_zero_weight_silences_a_group():
    # families at 0: devices (1 x 2) / 1 = 2.0; Wi-Fi (1 x 0 + 1 x 2) / 2 = 1.0
    table = needs_assessment(_survey(), {"teachers": 1, "families": 0, "students": 1})
    assert table["score"].to_dict() == pytest.approx({"devices": 2.0, "Wi-Fi": 1.0})


GOOD = {"id": "G1", "goal": "Every classroom's Wi-Fi carries a full class streaming video", "measure": "share passing the load test",
        "baseline": 0.55, "target": 0.95, "owner": "Network Manager", "funding": "E-rate C2", "start": "2025-07-01", "due": "2029-06-30"}


@pytest.mark.parametrize(("change", "letters"), [
    ({}, ""),
    ({"goal": "Improve the Wi-Fi"}, "S"),
    ({"measure": ""}, "M"),
    ({"target": 0.55}, "M"),
    ({"owner": "Everyone"}, "A"),
    ({"owner": ""}, "A"),
    ({"funding": None}, "R"),
    ({"due": "2025-06-30"}, "T"),
    ({"goal": "Better Wi-Fi", "owner": "staff", "due": "2025-07-01"}, "SAT"),
])
def test_each_smart_letter(change, letters):
    found = smart_problems([{**GOOD, **change}])
    assert found == ({"G1": letters} if letters else {})


def test_goal_status_by_hand():
    # start 2026-01-01, due 2026-01-21 (20 days); on 2026-01-11 half the time has passed (expected 0.5).
    base = {"baseline": 10, "target": 30, "start": "2026-01-01", "due": "2026-01-21"}
    goals = [
        {**base, "id": "met", "current": 30},         # progress 1.0
        {**base, "id": "ahead", "current": 22},       # 0.6: 0.1 ahead
        {**base, "id": "edge", "current": 18},        # 0.4: exactly 0.10 behind, on track
        {**base, "id": "risk", "current": 16},        # 0.3: 0.20 behind, at risk (within twice 0.10)
        {**base, "id": "off", "current": 14},         # 0.2: 0.30 behind, off track
        {**base, "id": "down", "baseline": 30, "target": 10, "current": 22},  # falling target: 8 of 20 = 0.4, on track
    ]
    status = goal_status(goals, "2026-01-11")
    assert status["progress"].round(6).to_dict() == {"met": 1.0, "ahead": 0.6, "edge": 0.4, "risk": 0.3, "off": 0.2, "down": 0.4}
    assert status["status"].to_dict() == {"met": "met", "ahead": "on track", "edge": "on track", "risk": "at risk",
                                          "off": "off track", "down": "on track"}
    assert goal_status(goals, "2026-02-01")["status"].to_dict()["risk"] == "overdue"
    assert goal_status(goals, "2025-12-01")["status"].to_dict()["risk"] == "not started"


def test_plan_cost_and_present_value_by_hand():
    # Licences 1,000 a year growing 10%: 1,000, 1,100, 1,210. Laptops 3,000 in year 2 only.
    items = [{"goal": "A", "item": "licences", "category": "software", "upfront": 0, "annual": 1000, "escalation": 0.10},
             {"goal": "B", "item": "laptops", "category": "hardware", "upfront": 3000, "annual": 0, "start_year": 2}]
    costs = plan_cost(items, "2026-27", 3)
    assert costs.loc["A", ["2026-27", "2027-28", "2028-29"]].round(6).tolist() == [1000.0, 1100.0, 1210.0]
    assert costs.loc["B", ["2026-27", "2027-28", "2028-29"]].tolist() == [0.0, 3000.0, 0.0]
    # yearly totals 1,000, 4,100, 1,210 at 10%, year 1 undiscounted: 1,000 + 3,727.27 + 1,000 = 5,727.27
    pv = plan_present_value(costs, 0.10)
    assert pv["total"] == pytest.approx(6310.0)
    assert pv["present_value"] == pytest.approx(1000 + 4100 / 1.1 + 1210 / 1.21)
    assert pv["present_value"] == pytest.approx(npv(0.10, [1000, 4100, 1210]))
    # the level amount at the start of each year with that present value: PV / (1 + 1/1.1 + 1/1.21)
    assert pv["equivalent_annual_cost"] == pytest.approx(pv["present_value"] / (1 + 1 / 1.1 + 1 / 1.21))


def test_funding_gap_by_hand():
    costs = plan_cost([{"goal": "A", "item": "x", "category": "software", "upfront": 0, "annual": 500}], "2026-27", 4)
    sources = [{"source": "LCFF", "kind": "ongoing", "amount": 300, "first": "2026-27", "last": "2029-30"},
               {"source": "Grant", "kind": "one-time", "amount": 250, "first": "2027-28", "last": "2028-29"}]
    gap = funding_gap(costs, sources)
    # 2026-27: 500 - 300 = 200 short already; the grant only arrives the next year
    assert gap["gap"].tolist() == [200.0, -50.0, -50.0, 200.0]
    assert gap.attrs["first_gap_year"] == "2026-27"
    sources[0]["amount"] = 500
    assert funding_gap(costs, sources).attrs["first_gap_year"] is None


def test_site_review_by_hand():
    review = site_plan_review([{"site": "B", "covers": "duration", "serves": "G1"}, {"site": "A", "covers": "budget", "serves": "G1; G7"},
                               {"site": "C", "covers": "duration; budget; evaluation", "serves": ""}],
                              ["G1"], ["duration", "budget", "evaluation"])
    assert list(review.index) == ["A", "B", "C"]  # A and B both miss two: by name
    assert review["missing"].tolist() == ["duration; evaluation", "budget; evaluation", ""]
    assert review["unaligned"].tolist() == ["G7", "", ""]


def _trend(**kw):
    row = {"technology": "x", "phase": "Slope of Enlightenment", "evidence_tier": 2, "privacy_agreement": True, "cost_known": True,
           "peer_districts": 3}
    return {**row, **kw}


@pytest.mark.parametrize(("change", "ring"), [
    ({}, "adopt"),
    ({"privacy_agreement": False}, "hold"),
    ({"peer_districts": 2}, "trial"),
    ({"phase": "Peak of Inflated Expectations"}, "trial"),
    ({"evidence_tier": 3}, "trial"),
    ({"evidence_tier": 4}, "assess"),
    ({"evidence_tier": 0}, "assess"),
    ({"cost_known": False}, "assess"),
    ({"evidence_tier": 1, "phase": "Plateau of Productivity", "peer_districts": 9}, "adopt"),
])
def test_radar_rings(change, ring):
    assert radar([_trend(**change)])["ring"].tolist() == [ring]


# ---------------------------------------------------------------------------- properties

ratings = st.integers(min_value=1, max_value=5)


@given(st.lists(st.tuples(st.sampled_from(["t", "f", "s"]), st.sampled_from(["a", "b", "c"]), ratings, ratings), min_size=1, max_size=30),
       st.tuples(*[st.floats(min_value=0.01, max_value=10) for _ in range(3)]), st.floats(min_value=0.1, max_value=100))
@settings(max_examples=80, deadline=None)
def test_needs_scores_are_weighted_means(rows, w, scale):
    survey = [{"group": g, "need": n, "importance": i, "current": c} for g, n, i, c in rows]
    weights = dict(zip(["t", "f", "s"], w))
    table = needs_assessment(survey, weights)
    groups = [c for c in table.columns if c not in ("score", "rank")]
    for need, row in table.iterrows():  # a weighted mean lies between the smallest and largest group mean
        present = row[groups].dropna()
        assert present.min() - 1e-9 <= row["score"] <= present.max() + 1e-9
    scaled = needs_assessment(survey, {g: v * scale for g, v in weights.items()})  # scaling every weight changes nothing
    assert scaled["score"].tolist() == pytest.approx(table["score"].tolist())
    assert table["score"].is_monotonic_decreasing


@given(st.floats(min_value=-100, max_value=100), st.floats(min_value=-100, max_value=100), st.floats(min_value=-100, max_value=100),
       st.integers(min_value=0, max_value=400))
@settings(max_examples=100, deadline=None)
def test_status_follows_progress(base, target, current, day):
    if abs(target - base) < 1e-6:
        return
    goal = {"id": "g", "baseline": base, "target": target, "current": current, "start": "2026-01-01", "due": "2026-12-31"}
    when = f"{2026 + day // 365}-{(day % 365) // 31 + 1:02d}-{min(28, day % 31 + 1):02d}"
    row = goal_status([goal], when).iloc[0]
    assert row["status"] in ("met", "on track", "at risk", "off track", "overdue", "not started")
    assert (row["status"] == "met") == (row["progress"] >= 1)
    better = goal_status([{**goal, "current": current + (target - base) * 0.5}], when).iloc[0]
    assert better["progress"] > row["progress"]  # moving toward the target always shows as progress


@given(st.lists(st.tuples(st.integers(min_value=0, max_value=50_000), st.integers(min_value=0, max_value=20_000),
                          st.integers(min_value=1, max_value=4), st.floats(min_value=0, max_value=0.1)), min_size=1, max_size=6),
       st.integers(min_value=1, max_value=8), st.floats(min_value=0, max_value=0.1))
@settings(max_examples=60, deadline=None)
def test_plan_cost_properties(rows, years, rate):
    items = [{"goal": f"G{k % 3}", "item": f"i{k}", "category": "software", "upfront": u, "annual": a, "repeat_every": r, "escalation": e}
             for k, (u, a, r, e) in enumerate(rows)]
    costs = plan_cost(items, "2026-27", years)
    assert costs["total"].sum() >= sum(u + a for u, a, _, _ in rows) - 1e-6  # at least year 1's prices once
    pv = plan_present_value(costs, rate)
    assert pv["present_value"] <= pv["total"] + 1e-6  # discounting never adds
    longer = plan_cost(items, "2026-27", years + 1)
    assert longer["total"].sum() >= costs["total"].sum() - 1e-6  # a longer plan never costs less
    gap = funding_gap(costs, [{"source": "all", "kind": "ongoing", "amount": float(costs.drop(columns="total").sum().max()),
                               "first": "2026-27", "last": "2040-41"}])
    assert gap.attrs["first_gap_year"] is None  # funding the largest year funds every year


# ---------------------------------------------------------------------------- bad input, named


@pytest.mark.parametrize(("call", "field", "shown"), [
    (lambda: needs_assessment([{"group": "t", "need": "a", "importance": 6, "current": 2}], {"t": 1}), "responses.importance[0]", "6"),
    (lambda: needs_assessment([{"group": "t", "need": "a", "importance": 3, "current": 0}], {"t": 1}), "responses.current[0]", "0"),
    (lambda: needs_assessment([{"group": "t", "need": "a", "importance": 3, "current": 2}], {"t": -1}), "weights['t']", "-1"),
    (lambda: needs_assessment([{"group": "t", "need": "a", "importance": 3, "current": 2}], {"t": 0}), "weights", "{'t': 0}"),
    (lambda: goal_status([{"id": "g", "baseline": 1, "target": 1, "current": 1, "start": "2026-01-01", "due": "2027-01-01"}], "2026-06-01"),
     "goals[0].target", "1"),
    (lambda: goal_status([{"id": "g", "baseline": 0, "target": 1, "current": 1, "start": "2026-01-01", "due": "2025-01-01"}], "2026-06-01"),
     "goals[0].due", "'2025-01-01'"),
    (lambda: goal_status([{"id": "g", "baseline": 0, "target": 1, "current": 1, "start": "2026-01-01", "due": "2027-01-01"}], "June"),
     "as_of", "'June'"),
    (lambda: goal_status([{"id": "g", "baseline": 0, "target": 1, "current": 1, "start": "2026-01-01", "due": "2027-01-01"}], "2026-06-01",
                         tolerance=2), "tolerance", "2"),
    (lambda: plan_cost([{"goal": "A", "item": "x", "category": "network", "upfront": 0, "annual": 1}], "2026-27", 3),
     "items[0].category", "'network'"),
    (lambda: plan_cost([{"goal": "A", "item": "x", "category": "software", "upfront": 0, "annual": 1}], "2026-28", 3),
     "first_year", "'2026-28'"),
    (lambda: funding_gap(plan_cost([{"goal": "A", "item": "x", "category": "software", "upfront": 0, "annual": 1}], "2026-27", 1),
                         [{"source": "s", "kind": "grant", "amount": 1, "first": "2026-27", "last": "2026-27"}]), "sources[0].kind", "'grant'"),
    (lambda: funding_gap(plan_cost([{"goal": "A", "item": "x", "category": "software", "upfront": 0, "annual": 1}], "2026-27", 1),
                         [{"source": "s", "kind": "ongoing", "amount": 1, "first": "2027-28", "last": "2026-27"}]), "sources[0].last", "'2026-27'"),
    (lambda: radar([_trend(phase="Hype")]), "trends[0].phase", "'Hype'"),
    (lambda: radar([_trend(evidence_tier=5)]), "trends[0].evidence_tier", "5"),
    (lambda: radar([_trend(cost_known="yes")]), "trends[0].cost_known", "'yes'"),
])
def test_bad_input_names_the_argument_and_value(call, field, shown):
    with pytest.raises(InputError) as err:
        call()
    assert err.value.field == field
    assert str(err.value).startswith(f"{field} = {shown} is not allowed: expected ")


def test_every_hype_phase_is_accepted_in_order():
    assert [radar([_trend(phase=p)])["phase"].iloc[0] for p in HYPE_PHASES] == list(HYPE_PHASES)


def test_the_districts_own_stakeholder_survey_is_read_and_scored(tmp_path):
    from workbook.datasets import load_dataset

    own = tmp_path / "survey.xlsx"
    import pandas as pd

    pd.DataFrame(_survey()).assign(respondent=[f"R{i}" for i in range(6)]).to_excel(own, index=False)
    survey = load_dataset("stakeholder_survey", "sample-urban", 1, own)
    table = needs_assessment(survey, {"teachers": 0.5, "families": 0.3, "students": 0.2})
    assert table["score"].to_dict() == pytest.approx({"Wi-Fi": 1.6, "devices": 1.25})
