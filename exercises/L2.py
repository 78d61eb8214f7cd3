"""Rubric for L2 Vision and Technology Planning (public checks and reflection criteria).

Expected values are computed from the notebook's parameters and district by
the same library the candidate uses. Hidden checks live in ``hidden/L2.py``.
"""

from __future__ import annotations

from workbook.principles.l2.givens import (
    GOAL_IDS,
    GROUPS,
    emerging_trends,
    funding_sources,
    plan_goals,
    plan_items,
    plan_start,
    site_plans,
    stakeholder_survey,
    status_date,
)
from workbook.rubric import Check, Context, Criterion, derived, Exercise, Level, Reflection, Rubric
from workbook.tools.planning import funding_gap, goal_status, needs_assessment, plan_cost, site_plan_review, smart_problems
from workbook.tools.trends import radar


@derived
def scores(ctx: Context):
    return needs_assessment(stakeholder_survey(ctx.district, ctx["seed"]), ctx["weights"])


def top_need(ctx: Context) -> str:
    return str(scores(ctx).index[0])


def need_scores(ctx: Context) -> dict[str, float]:
    return {str(k): float(v) for k, v in scores(ctx)["score"].items()}


def equal_top3(ctx: Context) -> list[str]:
    table = needs_assessment(stakeholder_survey(ctx.district, ctx["seed"]), {g: 1.0 for g in GROUPS})
    return [str(n) for n in table.index[:3]]


@derived
def goals(ctx: Context):
    return plan_goals(ctx.district, ctx["seed"], ctx["fiscal_year"])


def smart_failures(ctx: Context) -> dict[str, str]:
    return smart_problems(goals(ctx))


def goals_behind(ctx: Context) -> list[str]:
    tracked = goal_status(goals(ctx), status_date(ctx["fiscal_year"]), tolerance=ctx["tolerance"])
    return sorted(str(i) for i in tracked.index[tracked["status"].isin(["at risk", "off track"])])


@derived
def costs(ctx: Context):
    return plan_cost(plan_items(ctx.district, ctx["seed"]), plan_start(ctx["fiscal_year"]), ctx["plan_years"])


def plan_total(ctx: Context) -> float:
    return float(costs(ctx)["total"].sum())


def cliff_year(ctx: Context) -> str:
    sources = funding_sources(ctx.district, ctx["seed"], plan_start(ctx["fiscal_year"]), ctx["plan_years"])
    return funding_gap(costs(ctx), sources).attrs["first_gap_year"] or "none"


def site_first(ctx: Context) -> str:
    return str(site_plan_review(site_plans(ctx.district, ctx["seed"]), GOAL_IDS).index[0])


def radar_plan(ctx: Context) -> list[str]:
    placed = radar(emerging_trends(ctx["seed"]))
    return [str(t) for t in placed.loc[placed["ring"].isin(["adopt", "trial"]), "technology"]]


_LEVELS = ("beginning", "developing", "proficient", "exemplary")


def _criterion(name: str, description: str, *levels: str) -> Criterion:
    return Criterion(name, description, tuple(Level(n, i + 1, d) for i, (n, d) in enumerate(zip(_LEVELS, levels))))


RUBRIC = Rubric(
    principle="L2",
    notebook="leadership/L2-vision-and-technology-planning.ipynb",
    exercises=(
        Exercise("l2-top-need", "The need the plan's first goal addresses",
                 (Check("l2-top-need", "need name", 3, top_need),),
                 hint="Within each group, average importance minus today's rating; then take the weighted mean over the groups."),
        Exercise("l2-need-scores", "Every need's weighted score",
                 (Check("l2-need-scores", "score of each need", 2, need_scores, rtol=0.001, partial=((0.05, 0.5),)),),
                 hint="The weights are scaled to add up to one; a group's score for a need is its mean discrepancy, not its sum."),
        Exercise("l2-equal-top3", "The top three with equal weights",
                 (Check("l2-equal-top3", "three needs in order", 2, equal_top3, partial=((0.5, 0.5),)),),
                 hint="Give every group the same weight and rank again."),
        Exercise("l2-smart-failures", "Goals that fail a SMART letter",
                 (Check("l2-smart-failures", "goal id to letters", 3, smart_failures, partial=((0.5, 0.5),)),),
                 hint="Check each goal's statement length, measure and numbers, owner, funding and dates; list letters in S-M-A-R-T order."),
        Exercise("l2-goals-behind", "Goals at risk or off track",
                 (Check("l2-goals-behind", "goal ids", 3, goals_behind, partial=((0.5, 0.5),)),),
                 hint="Progress is (current - baseline) / (target - baseline); expected is the share of the time from start to due that has passed on the report date."),
        Exercise("l2-plan-total", "The plan's cost over its life",
                 (Check("l2-plan-total", "total in dollars", 3, plan_total, rtol=0.005, partial=((0.05, 0.5),)),),
                 hint="Every item in every plan year: upfront amounts in their start year and again on their repeat cycle, annual amounts every year from their start, both grown by their escalation after year 1."),
        Exercise("l2-cliff-year", "The first fiscal year the plan runs short",
                 (Check("l2-cliff-year", "fiscal year or none", 3, cliff_year),),
                 hint="Set each year's cost against the ongoing and one-time money that arrives that year; one-time money stops after its last year."),
        Exercise("l2-site-first", "The site to help first",
                 (Check("l2-site-first", "site name", 2, site_first),),
                 hint="Count the checklist elements each site plan does not cover; most missing first, ties by name."),
        Exercise("l2-radar-plan", "Technologies that go into the plan",
                 (Check("l2-radar-plan", "adopt then trial, alphabetical within each", 3, radar_plan, partial=((0.5, 0.5),)),),
                 hint="A missing privacy agreement holds a technology whatever its evidence; adopt needs tier 1-2 evidence, a known cost, three peers and a phase past the trough; trial needs tier 1-3 and a known cost."),
    ),
    reflections=(
        Reflection(
            "l2-reflect-stakeholders",
            "Whose voice counted: the groups surveyed, how to reach those least likely to answer, the weights and why, and which needs held when the weights moved.",
            (
                _criterion("Stakeholders", "Names the groups, including those least likely to answer, and how each is reached.",
                           "no groups", "groups named, no plan to reach them", "groups and how each is reached",
                           "groups, reach, and how response gaps will be found and closed"),
                _criterion("Weights", "Chooses weights and justifies them; uses the equal-weight ranking and the explorer as evidence.",
                           "no weights", "weights without reasons", "justified weights and what moved when they changed",
                           "justified weights, what held and what did not, and how that is reported to the board"),
                _criterion("Connection to the LCAP", "Connects the process to LCAP consultation and the board's adoption.",
                           "none", "a mention", "a clear connection", "a connection with a timeline the board can follow"),
            ),
        ),
        Reflection(
            "l2-reflect-sustainability",
            "A plan that lasts: one goal rewritten as SMART, its life-cycle cost, who pays each year, what happens when one-time money ends, and the vision it serves.",
            (
                _criterion("SMART goal", "The rewritten goal passes every letter.", "not rewritten", "some letters", "every letter",
                           "every letter, with a baseline and a measure already collected"),
                _criterion("Sustainability", "Life-cycle cost with refresh and subscriptions; funding by year; the plan for the cliff.",
                           "no cost", "a purchase price only", "life-cycle cost and funding by year",
                           "all of these and a realistic plan for the year one-time money ends"),
                _criterion("Vision", "Ties the goal to the vision, the LCAP and the ISTE leader standards.",
                           "no tie", "a general tie", "a specific tie to an LCAP goal and an ISTE standard",
                           "a specific tie that a board member could repeat"),
            ),
        ),
    ),
)
