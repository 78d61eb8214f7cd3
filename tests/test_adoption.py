"""E3 calculators: usage, cost per active user, renewal rules, adoption curves (workbook.tools.adoption).

Reference values are worked by hand in the comments; properties use hypothesis;
bad input must be rejected with a message naming the argument and the value.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from workbook.datasets import load_dataset
from workbook.district_generator import generate_district
from workbook.districts import load_district
from workbook.errors import InputError
from workbook.principles.e3.givens import teacher_adoption, tool_inventory, tool_usage
from workbook.tools.adoption import (
    adopter_category,
    bass_cumulative,
    BassFit,
    cost_per_active_user,
    fit_bass,
    fit_logistic,
    overlapping_tools,
    renewal_plan,
    right_size,
    usage_summary,
)

INVENTORY = [
    {"tool": "Quiz A", "job": "quiz", "licences": 400, "price_per_licence": 5.0},
    {"tool": "Quiz B", "job": "quiz", "licences": 200, "price_per_licence": 3.0},
    {"tool": "Reader", "job": "reading", "licences": 100, "price_per_licence": 12.0},
    {"tool": "Sim", "job": "science", "licences": 300, "price_per_licence": 2.0},
]


def _usage(active: dict[str, tuple[int, int]]) -> list[dict]:
    """Two months, two schools: each tool's (September, October) active users split 60/40 over the schools."""
    rows = []
    for tool, months in active.items():
        for month, total in zip(("2026-09", "2026-10"), months):
            for school, share in (("S1", 0.6), ("S2", 0.4)):
                rows.append({"tool": tool, "school": school, "month": month, "logins": 3 * round(total * share),
                             "active_users": round(total * share)})
    return rows


USAGE = _usage({"Quiz A": (200, 300), "Quiz B": (150, 130), "Reader": (20, 30), "Sim": (100, 140)})


def test_usage_summary_matches_the_hand_computation():
    s = usage_summary(INVENTORY, USAGE).set_index("tool")
    # Quiz A: mean of 200 and 300 = 250 active; 400 x 5 = 2,000 dollars; 2000 / 250 = 8.00; 250 / 400 = 0.625
    assert s.loc["Quiz A", "active_users"] == 250 and s.loc["Quiz A", "peak_active"] == 300
    assert s.loc["Quiz A", "annual_cost"] == 2000 and s.loc["Quiz A", "cost_per_active_user"] == pytest.approx(8.0)
    assert s.loc["Quiz A", "utilization"] == pytest.approx(0.625)
    # Quiz B: 140 active, 600 dollars -> 4.2857 per user; Reader: 25 active, 1,200 dollars -> 48.00, utilization 0.25
    assert s.loc["Quiz B", "cost_per_active_user"] == pytest.approx(600 / 140)
    assert s.loc["Reader", "cost_per_active_user"] == pytest.approx(48.0) and s.loc["Reader", "utilization"] == 0.25
    assert s.loc["Sim", "logins"] == 3 * (60 + 40 + 84 + 56)


def test_renewal_plan_applies_under_use_first_then_overlap_then_right_sizes():
    plan = renewal_plan(usage_summary(INVENTORY, USAGE), min_utilization=0.30, headroom=0.10).set_index("tool")
    # Reader: 25 / 100 = 25% < 30% -> dropped; Quiz B (4.29 per user) beats Quiz A (8.00) -> A dropped for overlap.
    assert plan.loc["Reader", "decision"] == "drop" and plan.loc["Reader", "reason"].startswith("under-used")
    assert plan.loc["Quiz A", "decision"] == "drop" and "Quiz B" in plan.loc["Quiz A", "reason"]
    # Quiz B keeps: peak 150 x 1.1 = 165 licences at 3 dollars = 495, saving 105; Sim: peak 140 x 1.1 = 154 -> 308, saving 292.
    assert plan.loc["Quiz B", "renew_licences"] == 165 and plan.loc["Quiz B", "saving"] == pytest.approx(105.0)
    assert plan.loc["Sim", "renew_licences"] == 154 and plan.loc["Sim", "saving"] == pytest.approx(292.0)
    # Total: 2,000 + 1,200 (drops) + 105 + 292 = 3,597 dollars.
    assert plan.attrs["saving"] == pytest.approx(3597.0)
    assert plan.attrs["dropped"] == ["Quiz A", "Reader"]


def test_under_use_can_hand_the_job_to_the_dearer_tool():
    # With a 75% floor Quiz B (140 / 200 = 70%) is dropped for under-use, so Quiz A (62.5%) is dropped too: nothing left for quizzes.
    plan = renewal_plan(usage_summary(INVENTORY, USAGE), min_utilization=0.75).set_index("tool")
    assert (plan["decision"] == "drop").all()
    # With a 60% floor Quiz B goes for under-use only if below: 70% stays, 62.5% stays, so overlap decides again.
    plan = renewal_plan(usage_summary(INVENTORY, USAGE), min_utilization=0.60).set_index("tool")
    assert plan.loc["Quiz B", "decision"] == "keep" and plan.loc["Sim", "decision"] == "drop"


def test_overlap_tie_goes_to_more_active_users_then_name():
    summary = pd.DataFrame({"tool": ["Beta", "Alpha", "Gamma"], "job": ["quiz"] * 3, "licences": [100, 100, 50],
                            "price_per_licence": [1.0, 1.0, 2.0], "active_users": [50.0, 50.0, 50.0], "peak_active": [60, 60, 60]})
    summary["annual_cost"] = summary["licences"] * summary["price_per_licence"]
    summary["utilization"] = summary["active_users"] / summary["licences"]
    summary["cost_per_active_user"] = summary["annual_cost"] / summary["active_users"]
    plan = renewal_plan(summary, min_utilization=0.0).set_index("tool")
    assert plan.loc["Alpha", "decision"] == "keep" and plan.loc["Beta", "decision"] == "drop" and plan.loc["Gamma", "decision"] == "drop"


def test_right_size_rounds_up_without_floating_point_surprises():
    assert right_size(100, headroom=0.10) == 110  # 100 x 1.1 is 110.00000000000001 in floating point
    assert right_size(101, headroom=0.10) == 112  # 111.1 rounds up
    assert right_size(240, headroom=0.25) == 300


def test_overlapping_tools_groups_jobs_with_more_than_one_tool():
    assert overlapping_tools(INVENTORY) == {"quiz": ["Quiz A", "Quiz B"]}


@pytest.mark.parametrize(("share", "category"), [
    (0.0, "innovators"), (0.0249, "innovators"), (0.025, "early adopters"), (0.1599, "early adopters"),
    (0.16, "early majority"), (0.4999, "early majority"), (0.5, "late majority"), (0.8399, "late majority"),
    (0.84, "laggards"), (1.0, "laggards"),
])
def test_rogers_categories_at_each_threshold(share, category):
    assert adopter_category(share) == category


def test_bass_curve_equals_the_hand_computation():
    # t = 6, p = 0.02, q = 0.3: e^-1.92 = 0.146607; (1 - 0.146607) / (1 + 15 x 0.146607) = 0.853393 / 3.199105 = 0.266760
    assert bass_cumulative([6], 0.02, 0.3, 500)[0] == pytest.approx(133.38, abs=0.01)
    fit = BassFit(p=0.02, q=0.3, market=500, rmse=0)
    # share 0.5: t = -ln(0.5 / 8.5) / 0.32 = 2.833213 / 0.32 = 8.8538; peak at ln(15) / 0.32 = 8.4627
    assert fit.month_reaching(0.5) == pytest.approx(8.8538, abs=1e-4)
    assert fit.peak_month == pytest.approx(8.4627, abs=1e-4)


def test_bass_fit_recovers_known_coefficients_with_and_without_the_market():
    t = np.arange(1, 25)
    y = bass_cumulative(t, 0.012, 0.42, 900)
    fixed = fit_bass(t, y, market=900)
    free = fit_bass(t, y)
    assert (fixed.p, fixed.q) == pytest.approx((0.012, 0.42), rel=1e-4)
    assert (free.p, free.q, free.market) == pytest.approx((0.012, 0.42, 900), rel=1e-3)


def test_logistic_fit_recovers_its_midpoint():
    t = np.arange(1, 21)
    fit = fit_logistic(t, 400 / (1 + np.exp(-0.6 * (t - 9))))
    assert (fit.market, fit.rate, fit.midpoint) == pytest.approx((400, 0.6, 9), rel=1e-3)
    # 84% of the market: 9 + ln(0.84 / 0.16) / 0.6 = 9 + 1.6582 / 0.6 = 11.7637
    assert fit.month_reaching(0.84) == pytest.approx(11.7637, abs=1e-3)


@settings(max_examples=60, deadline=None)
@given(cost=st.floats(0, 1e6), users=st.floats(1, 1e5), more=st.floats(0, 1e5))
def test_more_active_users_never_raise_the_cost_per_user(cost, users, more):
    assert cost_per_active_user(cost, users + more) <= cost_per_active_user(cost, users) + 1e-9


@settings(max_examples=60, deadline=None)
@given(peak=st.integers(0, 100_000), room=st.floats(0, 1), extra=st.integers(0, 1000))
def test_right_size_covers_the_peak_and_grows_with_it(peak, room, extra):
    assert right_size(peak, headroom=room) >= peak
    assert right_size(peak + extra, headroom=room) >= right_size(peak, headroom=room)


@settings(max_examples=60, deadline=None)
@given(p=st.floats(0.001, 0.1), q=st.floats(0, 1), m=st.floats(1, 1e5))
def test_bass_adoption_rises_and_stays_within_the_market(p, q, m):
    values = bass_cumulative(np.arange(0, 60), p, q, m)
    assert values[0] == 0 and (np.diff(values) >= -1e-9).all() and (values <= m * (1 + 1e-12)).all()


@settings(max_examples=60, deadline=None)
@given(a=st.floats(0, 1), b=st.floats(0, 1))
def test_a_larger_share_never_moves_back_a_category(a, b):
    order = ["innovators", "early adopters", "early majority", "late majority", "laggards"]
    low, high = sorted((a, b))
    assert order.index(adopter_category(low)) <= order.index(adopter_category(high))


@pytest.mark.parametrize(("call", "message"), [
    (lambda: cost_per_active_user(100, -1), "active_users = -1 is not allowed"),
    (lambda: cost_per_active_user("100", 5), "annual_cost = '100' is not allowed"),
    (lambda: usage_summary(INVENTORY, [{**USAGE[0], "tool": "Nope"}]), "usage.tool = 'Nope' is not allowed"),
    (lambda: usage_summary(INVENTORY, [{**USAGE[0], "active_users": -3}]), "usage.active_users[0] = -3 is not allowed"),
    (lambda: usage_summary([{**INVENTORY[0], "licences": -5}], USAGE[:1]), "inventory.licences[0] (Quiz A) = -5 is not allowed"),
    (lambda: usage_summary(INVENTORY + INVENTORY[:1], USAGE), "inventory.tool = 'Quiz A' is not allowed: expected each tool listed once"),
    (lambda: usage_summary([{"tool": "A", "job": "quiz"}], USAGE), "inventory = ['tool', 'job'] is not allowed"),
    (lambda: renewal_plan(usage_summary(INVENTORY, USAGE), min_utilization=30), "min_utilization = 30 is not allowed"),
    (lambda: right_size(100, headroom=-0.1), "headroom = -0.1 is not allowed"),
    (lambda: fit_bass([1, 2, 3, 4], [5, 9, 14, 20], market=10), "market = 10 is not allowed: expected a number >= 20"),
    (lambda: fit_bass([1, 2, 3], [5, 9, 14]), "months = [1, 2, 3] is not allowed: expected at least 4 months"),
    (lambda: fit_bass([1, 2, 3, 4], [5, 9, 14]), "adopters = "),
    (lambda: BassFit(0.02, 0.3, 100, 0).month_reaching(1.0), "share = 1.0 is not allowed: expected a fraction below 1"),
    (lambda: adopter_category(-0.1), "share = -0.1 is not allowed"),
])
def test_bad_input_names_the_argument_and_the_value(call, message):
    with pytest.raises(InputError) as info:
        call()
    assert message in str(info.value)


@pytest.mark.parametrize("district", ["sample-rural", "sample-suburban", "sample-urban", "generated"])
def test_givens_follow_the_district_and_the_seed(district):
    d = generate_district("rural", seed=4242) if district == "generated" else load_district(district)
    a, b, c = tool_inventory(d, 7), tool_inventory(d, 7), tool_inventory(d, 8)
    pd.testing.assert_frame_equal(a, b)
    assert not a.equals(c)
    usage = tool_usage(d, 7)
    assert set(usage["school"]) == {f"School {i + 1:02d}" for i in range(d.schools)}
    s = usage_summary(a, usage)
    assert (s["active_users"] > 0).all() and (s["utilization"] < 1.2).all()
    adoption = teacher_adoption(d, 7)
    assert adoption.market == max(20, round(d.staff.certificated * 0.8)) and adoption.adopters[-1] <= adoption.market


def test_a_district_brings_its_own_usage_export(tmp_path):
    d = load_district("sample-rural")
    inventory, usage = tool_inventory(d, 3), tool_usage(d, 3)
    tools_file, usage_file = tmp_path / "tools.xlsx", tmp_path / "usage.csv"
    inventory.rename(columns={"price_per_licence": " Price_Per_Licence "}).to_excel(tools_file, index=False)
    usage.to_csv(usage_file, index=False)
    mine = usage_summary(load_dataset("instructional_tools", d, 0, path=tools_file), load_dataset("tool_usage", d, 0, path=usage_file))
    assert mine["cost_per_active_user"].tolist() == pytest.approx(usage_summary(inventory, usage)["cost_per_active_user"].tolist())
    assert math.isclose(float(mine["annual_cost"].sum()), float((inventory["licences"] * inventory["price_per_licence"]).sum()))


def test_each_bar_of_the_renewal_chart_sits_at_its_own_tool():
    from workbook.principles.e3.charts import cost_per_user_chart

    d = load_district("sample-suburban")
    summary = usage_summary(tool_inventory(d, 11), tool_usage(d, 11))
    plan = renewal_plan(summary)
    ax = cost_per_user_chart(plan, summary).axes[0]
    labels = {round(tick): label.get_text() for tick, label in zip(ax.get_yticks(), ax.get_yticklabels())}
    cost = summary.set_index("tool")["cost_per_active_user"]
    decision = plan.set_index("tool")["decision"]
    for bar in ax.patches:
        name = labels[round(bar.get_y() + bar.get_height() / 2)]
        assert bar.get_width() == pytest.approx(cost[name])
        assert (bar.get_hatch() == "//") == (decision[name] == "drop")

