"""Rubric for L7 Project Management (public checks and reflection criteria); hidden checks in hidden/L7.py.

Expected values are computed from the notebook's parameters and district by
the same library the candidate uses. This file ships with the candidate
edition: it drives the self-check.
"""

from __future__ import annotations

from workbook.principles.l7.givens import STATUS_DAYS, project_proposals, status_reports, summer_project, summer_window
from workbook.rubric import Check, Context, Criterion, derived, Exercise, Level, Reflection, Rubric
from workbook.tools.earned_value import EarnedValue, status_report
from workbook.tools.projects import rank_projects
from workbook.tools.schedule_risk import finish_probability, schedule_dates


@derived
def _project(ctx: Context):
    return summer_project(ctx.district, ctx["seed"])


@derived
def _window(ctx: Context):
    return summer_window(ctx["seed"], ctx["fiscal_year"], ctx["first_day_of_school"])


def duration(ctx: Context) -> int:
    return int(_project(ctx).schedule().duration)


def critical_path(ctx: Context) -> list[str]:
    return _project(ctx).schedule().critical_path


def latest_delivery(ctx: Context) -> str:
    window = _window(ctx)
    dated = schedule_dates(_project(ctx).schedule(window.deadline), window.calendar).set_index("id")
    return str(dated.loc["B", "late_finish_date"])


def p_on_time(ctx: Context) -> float:
    project, window = _project(ctx), _window(ctx)
    return finish_probability(project.activities, project.estimates, window.deadline, n=ctx["simulations"], seed=ctx["seed"])


@derived
def status(ctx: Context) -> EarnedValue:
    project = _project(ctx)
    done, spent = status_reports(project, ctx["seed"])[STATUS_DAYS[-1]]
    return status_report(project.schedule(), STATUS_DAYS[-1], done, spent).attrs["total"]


def ev_indices(ctx: Context) -> dict[str, float]:
    total = status(ctx)
    return {"cpi": total.cpi, "spi": total.spi}


def ev_vac(ctx: Context) -> float:
    return status(ctx).vac


def projects_funded(ctx: Context) -> list[str]:
    ranked = rank_projects(*project_proposals(ctx.district, ctx["seed"]))
    return ranked.loc[ranked["funded"], "project"].tolist()


RUBRIC = Rubric(
    principle="L7",
    notebook="leadership/L7-project-management.ipynb",
    exercises=(
        Exercise(
            "l7-duration",
            "Length of the summer plan",
            (Check("l7-duration", "working days, most likely durations", 2, duration, partial=((0.1, 0.5),)),),
            hint="The forward pass: each activity starts when the last thing it waits for finishes; the project ends at the largest early finish.",
        ),
        Exercise(
            "l7-critical-path",
            "The activities that cannot slip",
            (Check("l7-critical-path", "critical activities in order of start", 3, critical_path),),
            hint="Total float is late start minus early start; the critical activities are those with the least float. Order them by early start.",
        ),
        Exercise(
            "l7-latest-delivery",
            "The latest delivery date for the purchase order",
            (Check("l7-latest-delivery", "late finish of the delivery, as a date", 3, latest_delivery),),
            hint="Run the backward pass from the working days available before the first day of school, not from the plan's own finish; "
                 "then turn the delivery's late finish into a date, skipping weekends and the July holiday.",
        ),
        Exercise(
            "l7-p-on-time",
            "Probability of finishing before the first day of school",
            (Check("l7-p-on-time", "share of simulated runs on time", 3, p_on_time, rtol=0, atol=0.01, partial=((0.05, 0.5),)),),
            hint="Draw every activity's duration from its triangle at once, run the network, and count the runs whose length fits in the working days available.",
        ),
        Exercise(
            "l7-ev-indices",
            "CPI and SPI at the week-4 report",
            (Check("l7-ev-indices", "CPI and SPI", 3, ev_indices, rtol=0.005, partial=((0.05, 0.5),)),),
            hint="CPI is earned value over actual cost; SPI is earned value over planned value, all summed over the activities at working day 20.",
        ),
        Exercise(
            "l7-ev-vac",
            "Variance at completion",
            (Check("l7-ev-vac", "VAC in dollars", 3, ev_vac, rtol=0.005, atol=1.0, partial=((0.05, 0.5),)),),
            hint="If the cost trend holds, the estimate at completion is the budget divided by the CPI; the variance is the budget minus that estimate.",
        ),
        Exercise(
            "l7-projects-funded",
            "Projects recommended for funding",
            (Check("l7-projects-funded", "funded projects in rank order", 3, projects_funded, partial=((0.5, 0.5),)),),
            hint="Weighted score = sum of weight x rating; go down the ranking and skip a project that does not fit in the money left, then keep going.",
        ),
    ),
    reflections=(
        Reflection(
            "l7-reflect-hard-date",
            "The hard date: a project that had to finish before an immovable date, its critical path and float, and what the candidate would plan differently.",
            (
                Criterion("Schedule reasoning", "Identifies the critical path and where the float was, in the project's own activities.", (
                    Level("beginning", 1, "describes the project without its schedule logic"),
                    Level("developing", 2, "names some dependencies, no critical path"),
                    Level("proficient", 3, "names the critical path and the activities with float"),
                    Level("exemplary", 4, "also shows how the path shifted as the project ran"),
                )),
                Criterion("Risk and the date", "Treats the date as a constraint and the durations as uncertain.", (
                    Level("beginning", 1, "no mention of uncertainty"),
                    Level("developing", 2, "mentions risks in general"),
                    Level("proficient", 3, "names the risky activities and what a probability of finishing would have shown"),
                    Level("exemplary", 4, "proposes buffers, earlier procurement or re-sequencing with their effect on the date"),
                )),
                Criterion("Leadership insight", "Draws a lesson the candidate will act on as a district technology leader.", (
                    Level("beginning", 1, "no lesson"),
                    Level("developing", 2, "a generic lesson"),
                    Level("proficient", 3, "a specific lesson for their district"),
                    Level("exemplary", 4, "a specific practice, with who does it and when in the year"),
                )),
            ),
        ),
        Reflection(
            "l7-reflect-strategy",
            "From the strategic plan to a chartered project: a SMART objective tied to an LCAP or technology-plan goal, sponsor, RACI and the measures reported to the cabinet.",
            (
                Criterion("Strategic alignment", "Ties the project to a named LCAP or technology-plan goal with a SMART objective.", (
                    Level("beginning", 1, "no goal named"),
                    Level("developing", 2, "a goal named, objective not measurable"),
                    Level("proficient", 3, "a goal and a SMART objective"),
                    Level("exemplary", 4, "also the baseline and how the objective moves the LCAP measure"),
                )),
                Criterion("Roles", "Names the sponsor and a RACI with exactly one accountable person per deliverable.", (
                    Level("beginning", 1, "no roles"),
                    Level("developing", 2, "roles without a RACI, or a RACI with shared accountability"),
                    Level("proficient", 3, "a sponsor and a valid four-row RACI"),
                    Level("exemplary", 4, "a valid RACI that reaches outside the department (business office, sites, union)"),
                )),
                Criterion("Control", "Chooses measures to report and a threshold for re-scoping or stopping.", (
                    Level("beginning", 1, "no measures"),
                    Level("developing", 2, "measures without thresholds"),
                    Level("proficient", 3, "CPI/SPI or probability of the date, with a threshold"),
                    Level("exemplary", 4, "thresholds with the decision each triggers and who makes it"),
                )),
            ),
        ),
    ),
)
