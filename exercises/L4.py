"""Rubric for L4 Personnel Management (public checks and reflection criteria).

Expected values are computed from the notebook's parameters and district by
the same library the candidate uses. This file ships with the candidate
edition: it drives the self-check. Hidden checks live in ``hidden/L4.py``.
"""

from __future__ import annotations

from workbook.principles.l4.givens import interview_panel, weights, workload
from workbook.principles.t3.givens import support_technicians
from workbook.rubric import Check, Context, Criterion, derived, Exercise, Level, Reflection, Rubric
from workbook.tools.people import rater_agreement, ranking, technicians_to_hire, weighted_scores
from workbook.tools.staffing import position_cost


@derived
def _panel(ctx: Context):
    return interview_panel(ctx.district, ctx["seed"])


def weighted_means(ctx: Context) -> dict[str, float]:
    return {name: float(v) for name, v in weighted_scores(_panel(ctx), weights())["mean"].items()}


def recommend(ctx: Context) -> str:
    return ranking(weighted_scores(_panel(ctx), weights()))[0]


def alpha(ctx: Context) -> float:
    return round(float(rater_agreement(_panel(ctx), weights()).loc[0, "alpha"]), 3)


def odd_rater(ctx: Context) -> str:
    alone = rater_agreement(_panel(ctx), weights()).iloc[1:]
    best = alone["alpha"].max()
    return min(r for r, a in zip(alone["rater"], alone["alpha"]) if a >= best - 1e-12)


def first_without_odd(ctx: Context) -> str:
    return ranking(weighted_scores(_panel(ctx), weights(), without=odd_rater(ctx)))[0]


def fte_needed(ctx: Context) -> float:
    return round(float(workload(ctx.district, ctx["seed"], ctx["fiscal_year"], ctx["productive_share"])["fte"].sum()), 2)


def hire(ctx: Context) -> int:
    return technicians_to_hire(fte_needed(ctx), support_technicians(ctx.district, ctx["seed"]))


def hire_cost(ctx: Context) -> float:
    one = position_cost("Computer support technician", [ctx.district.salaries.it], ctx["fiscal_year"], "calpers", salary_object="2400")
    return hire(ctx) * float(one.table["total"].iloc[0])


RUBRIC = Rubric(
    principle="L4",
    notebook="leadership/L4-personnel-management.ipynb",
    exercises=(
        Exercise(
            "l4-weighted-means",
            "The panel's mean weighted score of each finalist",
            (Check("l4-weighted-means", "mean weighted score by finalist", 3, weighted_means, rtol=0.001, partial=((0.02, 0.5),)),),
            hint="For each rater, the sum over criteria of weight times score; then the mean over the raters.",
        ),
        Exercise(
            "l4-recommend",
            "The finalist to recommend",
            (Check("l4-recommend", "finalist's name", 3, recommend),),
            hint="The highest mean weighted score; a tie goes to the first name.",
        ),
        Exercise(
            "l4-alpha",
            "Krippendorff's alpha of the panel",
            (Check("l4-alpha", "alpha, interval", 3, alpha, rtol=0, atol=0.0015, partial=((0.05, 0.5),)),),
            hint="Raters as rows, (finalist, criterion) pairs as units, interval level of measurement.",
        ),
        Exercise(
            "l4-odd-rater",
            "The rater whose scores stand apart",
            (Check("l4-odd-rater", "rater's name", 3, odd_rater),),
            hint="Compute alpha again with each rater left out; the largest alpha points to the rater who disagrees most.",
        ),
        Exercise(
            "l4-first-without-odd",
            "The first finalist without that rater",
            (Check("l4-first-without-odd", "finalist's name", 3, first_without_odd),),
            hint="Recompute the mean weighted scores from the other three raters only.",
        ),
        Exercise(
            "l4-fte-needed",
            "Technicians the work calls for",
            (Check("l4-fte-needed", "full-time equivalents", 3, fte_needed, rtol=0.002, atol=0.011, partial=((0.05, 0.5),)),),
            hint="Ticket minutes by category, plus visit hours for every site in the log, plus fleet minutes per device; "
                 "divide the hours by paid hours times the productive share.",
        ),
        Exercise(
            "l4-hire",
            "Technician positions to request",
            (Check("l4-hire", "whole positions", 3, hire),),
            hint="The gap between the work's FTE and the staff on hand, rounded up to a whole position; zero if there is no gap.",
        ),
        Exercise(
            "l4-hire-cost",
            "First-year cost of the positions requested",
            (Check("l4-hire-cost", "dollars, salary and employer benefits", 2, hire_cost, rtol=0.005, atol=1.0, partial=((0.05, 0.5),)),),
            hint="One position's salary plus each employer benefit at the fiscal year's rates (CalPERS for classified staff), "
                 "times the positions you request.",
        ),
    ),
    reflections=(
        Reflection(
            "l4-reflect-hiring",
            "A hire you would make differently: the staffing case, posting, structured interview, rater check, references and "
            "orientation, and what to change within the district's rules.",
            (
                Criterion("Selection method", "Uses a structured interview, weighted criteria with anchors and a check of the raters.", (
                    Level("beginning", 1, "describes a hire without a method"),
                    Level("developing", 2, "names some steps"),
                    Level("proficient", 3, "walks through the steps and finds the weak one"),
                    Level("exemplary", 4, "finds the weak step, its cost and a concrete fix"),
                )),
                Criterion("Rules", "Works within the merit system or human resources rules, the law on postings and clearances.", (
                    Level("beginning", 1, "no rules named"),
                    Level("developing", 2, "rules named in general"),
                    Level("proficient", 3, "the district's rules named and applied"),
                    Level("exemplary", 4, "rules applied, with who must be involved and when"),
                )),
                Criterion("Action", "States what the candidate will do next time.", (
                    Level("beginning", 1, "no action"),
                    Level("developing", 2, "a general intention"),
                    Level("proficient", 3, "a specific practice"),
                    Level("exemplary", 4, "a specific practice with its first use and a measure"),
                )),
            ),
        ),
        Reflection(
            "l4-reflect-team",
            "A team, its motivation and a conflict: Tuckman's stage, a motivation strategy for one person, a conflict's modes, "
            "the method and how it was documented.",
            (
                Criterion("Team development", "Places the team in Tuckman's stages with evidence.", (
                    Level("beginning", 1, "no stage"),
                    Level("developing", 2, "a stage without evidence"),
                    Level("proficient", 3, "a stage with evidence"),
                    Level("exemplary", 4, "a stage, evidence and what would move it on"),
                )),
                Criterion("Motivation", "Fits a strategy to one person with Herzberg's or Deci and Ryan's terms.", (
                    Level("beginning", 1, "pay only"),
                    Level("developing", 2, "a generic strategy"),
                    Level("proficient", 3, "a strategy fitted to the person"),
                    Level("exemplary", 4, "a fitted strategy the leader controls, with how to tell if it works"),
                )),
                Criterion("Conflict", "Names the parties' modes, a method, and how the outcome was documented.", (
                    Level("beginning", 1, "a story without a method"),
                    Level("developing", 2, "modes or a method"),
                    Level("proficient", 3, "modes, a method and documentation"),
                    Level("exemplary", 4, "all of it, with human resources and the agreement where they apply"),
                )),
            ),
        ),
    ),
)
