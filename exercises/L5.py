"""Rubric for L5 Organizational Management (public checks and reflection criteria); hidden checks in hidden/L5.py.

Expected values are computed from the notebook's parameters and district by
the same library the candidate uses. This file ships with the candidate
edition: it drives the self-check.
"""

from __future__ import annotations

from workbook.principles.l5.givens import department_goals, department_positions, draft_raci, readiness_survey, solution_options
from workbook.tools.goals import goal_alignment
from workbook.rubric import Check, Context, Criterion, derived, Exercise, Level, Reflection, Rubric
from workbook.tools.organization import change_readiness, choose_solution, org_chart, raci_faults, single_points_of_knowledge


def lcap_gaps(ctx: Context) -> list[str]:
    lcap, goals = department_goals(ctx["seed"])
    alignment = goal_alignment(goals, lcap)
    return alignment.index[~alignment["served"]].tolist()


@derived
def _positions(ctx: Context):
    return department_positions(ctx.district, ctx["seed"])


def layers(ctx: Context) -> int:
    return org_chart(_positions(ctx)).layers


def widest_span(ctx: Context) -> str:
    return org_chart(_positions(ctx)).widest_span()


def single_points(ctx: Context) -> list[str]:
    coverage = single_points_of_knowledge(_positions(ctx))
    return coverage.loc[coverage["people"] < 2, "system"].tolist()


def raci_fix(ctx: Context) -> list[str]:
    faults = raci_faults(draft_raci(ctx["seed"]))
    return [a for a in dict.fromkeys(faults["activity"]) if a]


@derived
def readiness(ctx: Context):
    return change_readiness(readiness_survey(ctx.district, ctx["seed"]), threshold=ctx["readiness_threshold"])


def kotter_weakest(ctx: Context) -> list[int]:
    table = readiness(ctx)
    return [int(i) for i in table.loc[table["weakest"]].sort_values("mean", kind="stable").index]


def kotter_start(ctx: Context) -> int:
    table = readiness(ctx)
    not_ready = table.index[~table["ready"]].tolist()
    return int(not_ready[0]) if not_ready else 0


def solution(ctx: Context) -> str:
    options, weights, support = solution_options(ctx.district, ctx["seed"])
    ranked = choose_solution(options, weights, support_fte=support, discount_rate=ctx["discount_rate"])
    return str(ranked.loc[ranked["feasible"], "option"].iloc[0])


def _levels(*texts: str) -> tuple[Level, ...]:
    return tuple(Level(name, i + 1, text) for i, (name, text) in enumerate(zip(("beginning", "developing", "proficient", "exemplary"), texts)))


RUBRIC = Rubric(
    principle="L5",
    notebook="leadership/L5-organizational-management.ipynb",
    exercises=(
        Exercise("l5-lcap-gaps", "LCAP goals the department's goals do not serve",
                 (Check("l5-lcap-gaps", "LCAP goal ids, in the LCAP's order", 3, lcap_gaps, partial=((0.5, 0.5),)),),
                 hint="For each LCAP goal, look for a department goal that names it; list the ones with none, in the LCAP's order."),
        Exercise("l5-layers", "Layers of the department",
                 (Check("l5-layers", "layers, head included", 2, layers),),
                 hint="Count the levels on the longest reporting line, from the head of the department (layer 1) down."),
        Exercise("l5-widest-span", "The manager with the widest span of control",
                 (Check("l5-widest-span", "position id", 3, widest_span),),
                 hint="Span of control = direct reports, vacant posts included; compare every position that has at least one report."),
        Exercise("l5-single-points", "Systems to cross-train first",
                 (Check("l5-single-points", "systems known by fewer than two people in post", 3, single_points, partial=((0.5, 0.5),)),),
                 hint="For each system count the people in post (not vacant) who know it; keep counts of 0 and 1, fewest first, then by name ignoring case."),
        Exercise("l5-raci-fix", "Activities of the draft RACI to fix",
                 (Check("l5-raci-fix", "activities with a fault, in table order", 3, raci_fix, partial=((0.5, 0.5),)),),
                 hint="Each activity needs exactly one A and at least one R, only the letters R, A, C and I, and one row of its own."),
        Exercise("l5-kotter-weakest", "The two weakest Kotter steps",
                 (Check("l5-kotter-weakest", "two step numbers, weakest first", 3, kotter_weakest, partial=((0.5, 0.5),)),),
                 hint="Average every answer of each step; the two lowest means, lowest first, an earlier step winning a tie."),
        Exercise("l5-kotter-start", "Where the change plan starts",
                 (Check("l5-kotter-start", "earliest step not ready", 3, kotter_start),),
                 hint="Go through the steps in order and stop at the first whose mean rating is below the threshold."),
        Exercise("l5-solution", "Build, buy or share",
                 (Check("l5-solution", "the recommended option", 4, solution),),
                 hint="First the gate (support staff needed <= support staff available), then the weighted score of the options left; ties to the lower present cost."),
    ),
    reflections=(
        Reflection(
            "l5-reflect-mission",
            "Mission, goals and the chart: a one-sentence mission, three SMART goals tied to LCAP goals, and the organizational change that would protect them.",
            (
                Criterion("Mission and goals", "A clear mission and SMART goals, each tied to a named LCAP goal.",
                          _levels("no goals or only activities", "goals without measures or LCAP links",
                                  "three SMART goals each tied to an LCAP goal", "also baselines and who owns each goal")),
                Criterion("Organizational analysis", "Uses span, layers, vacancies or single points of knowledge from the real chart.",
                          _levels("no analysis", "a general impression", "a specific measure and the risk it creates",
                                  "several measures weighed, with the proposed chart")),
                Criterion("Process", "Names whom to involve: human resources, personnel commission, bargaining unit, cabinet.",
                          _levels("nobody named", "one party", "the parties and the order of the conversations",
                                  "also what each must agree to, and the effects to be bargained")),
            ),
        ),
        Reflection(
            "l5-reflect-change",
            "Leading a change: a real change walked through Kotter's eight steps, with the coalition, urgency, first win, anchoring and the expected weakest step.",
            (
                Criterion("Kotter's steps", "Applies all eight steps to the change, in order, with district specifics.",
                          _levels("lists steps only", "some steps applied", "all eight applied with specifics",
                                  "all eight, with how the order matters for this change")),
                Criterion("People", "Names a credible guiding coalition (including those the change affects most).",
                          _levels("no coalition", "leaders only", "a coalition across roles",
                                  "a coalition including employee organisations and users, with each one's part")),
                Criterion("Evidence", "Says how readiness and progress will be measured.",
                          _levels("no evidence", "a vague intention", "a named measure for the weakest step",
                                  "measures with targets and dates, including a short-term win")),
            ),
        ),
    ),
)
