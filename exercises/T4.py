"""Rubric for T4 IT Knowledge (public checks and reflection criteria).

Expected values are computed from the notebook's parameters by the same
library the candidate uses (the standards crosswalk and the self-assessment
scorer of workbook.tools.standards, the givens of workbook.principles.t4.givens).
This file ships with the candidate edition: it drives the self-check. Hidden
checks live in ``hidden/T4.py``.
"""

from __future__ import annotations

from workbook.rubric import Check, Context, Criterion, Exercise, Level, Reflection, Rubric
from workbook.principles.t4.givens import PUBLISHED, decision_question, gap_list, incident_scenario, overall_mean, sample_responses, standards_for
from workbook.tools.incident import incident_duties
from workbook.tools.standards import self_assessment


def decision_standards(ctx: Context) -> list[str]:
    return standards_for(decision_question(ctx["seed"]))


def ig1_safeguards(ctx: Context) -> int:
    return int(PUBLISHED["cis_ig1_safeguards"]["value"])


def self_mean(ctx: Context) -> float:
    return overall_mean(sample_responses(ctx["seed"]))


def weakest_area(ctx: Context) -> str:
    table = self_assessment(sample_responses(ctx["seed"]), gap=ctx["gap_threshold"])
    return str(table.loc[0, "area"])


def gaps(ctx: Context) -> list[str]:
    return gap_list(sample_responses(ctx["seed"]), gap=ctx["gap_threshold"])


def incident_reports(ctx: Context) -> list[str]:
    i = incident_scenario(ctx["seed"], ctx["fiscal_year"])
    return incident_duties(affected=i.affected, personal_info_acquired=i.personal_info_acquired, when=i.when)


RUBRIC = Rubric(
    principle="T4",
    notebook="technology/T4-it-knowledge.ipynb",
    exercises=(
        Exercise(
            "t4-decision-standards",
            "Which standards govern the decision",
            (Check("t4-decision-standards", "standards for the decision", 3, decision_standards, partial=((0.5, 0.5),)),),
            hint="The crosswalk has one row per requirement for a decision: take the standard of each row for your decision, each name once, sorted alphabetically.",
        ),
        Exercise(
            "t4-ig1-safeguards",
            "Safeguards in CIS Controls v8 Implementation Group 1",
            (Check("t4-ig1-safeguards", "IG1 safeguards", 1, ig1_safeguards),),
            hint="Read the requirement of the CIS Controls v8 IG1 row of the crosswalk, or the readings' section on frameworks; a whole number.",
        ),
        Exercise(
            "t4-self-mean",
            "Mean self-rating of the sample response set",
            (Check("t4-self-mean", "mean over all rated concepts", 2, self_mean, rtol=0.005, atol=0.005, partial=((0.05, 0.5),)),),
            hint="The mean of every concept's rating (not the mean of the area means), rounded to 2 decimals.",
        ),
        Exercise(
            "t4-weakest-area",
            "Weakest area of the sample response set",
            (Check("t4-weakest-area", "area with the lowest mean", 2, weakest_area),),
            hint="Group the ratings by area and take the area with the lowest mean; ties go to the area first in alphabetical order.",
        ),
        Exercise(
            "t4-gap-list",
            "The gap list",
            (Check("t4-gap-list", "concepts rated at or below the gap threshold", 3, gaps, partial=((0.5, 0.5),)),),
            hint="Concepts (by name, not id) rated at or below gap_threshold, sorted alphabetically.",
        ),
        Exercise(
            "t4-incident-duties",
            "What California requires after the incident",
            (Check("t4-incident-duties", "duties, sorted alphabetically", 3, incident_reports, partial=((0.5, 0.5),)),),
            hint="Cal-CSIC: more than 500 pupils and personnel affected, for an attack before January 1, 2027; breach notice: unencrypted personal information acquired. List the labels as printed, sorted.",
        ),
    ),
    reflections=(
        Reflection(
            "t4-reflect-my-assessment",
            "My self-assessment and professional development plan: the candidate's own ratings, the two gaps that matter most for their district, and a dated plan to close them.",
            (
                Criterion("Honest self-assessment", "Reports their own ratings and explains the evidence behind the highest and lowest.", (
                    Level("beginning", 1, "no ratings or only a list"),
                    Level("developing", 2, "ratings without evidence"),
                    Level("proficient", 3, "ratings with evidence from their work"),
                    Level("exemplary", 4, "ratings checked against someone else's view or a task they attempted"),
                )),
                Criterion("Prioritized gaps", "Chooses the gaps that matter for their district's plans and risks, not just the lowest scores.", (
                    Level("beginning", 1, "no priorities"),
                    Level("developing", 2, "lowest scores only"),
                    Level("proficient", 3, "gaps tied to a district plan or risk"),
                    Level("exemplary", 4, "gaps tied to plans and risks, with what delegating instead would mean"),
                )),
                Criterion("Professional development plan", "Names activities, resources, dates and how progress will show.", (
                    Level("beginning", 1, "no plan"),
                    Level("developing", 2, "intentions without dates"),
                    Level("proficient", 3, "activities with dates and resources"),
                    Level("exemplary", 4, "activities, dates, resources and a measurable sign of progress"),
                )),
            ),
        ),
        Reflection(
            "t4-reflect-standards-plain",
            "Standards in plain words: how a standard the district follows was developed and adopted, and a technical concept explained to a non-technical audience.",
            (
                Criterion("Standards development", "Explains who wrote the standard, by what process, and how the district adopted it.", (
                    Level("beginning", 1, "names a standard only"),
                    Level("developing", 2, "names the body, not the process"),
                    Level("proficient", 3, "the body, its process and the district's adoption"),
                    Level("exemplary", 4, "also how the district keeps its own standards current"),
                )),
                Criterion("Plain explanation", "Explains a technical concept accurately without jargon, with an analogy or example.", (
                    Level("beginning", 1, "jargon or inaccurate"),
                    Level("developing", 2, "accurate but technical"),
                    Level("proficient", 3, "accurate and plain"),
                    Level("exemplary", 4, "accurate, plain and tied to a decision the audience makes"),
                )),
                Criterion("Audience", "Fits the explanation to a real audience (board, cabinet, principals, parents).", (
                    Level("beginning", 1, "no audience"),
                    Level("developing", 2, "a general audience"),
                    Level("proficient", 3, "a named audience and its concerns"),
                    Level("exemplary", 4, "a named audience, its concerns and the ask"),
                )),
            ),
        ),
    ),
)
