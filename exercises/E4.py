"""Rubric for E4 Assessment and Accountability (public checks and reflection criteria).

Expected values are computed from the notebook's parameters and district by
the same library the candidate uses. This file ships with the candidate
edition: it drives the self-check. Hidden checks live in ``hidden/E4.py``.
"""

from __future__ import annotations

from workbook.principles.e4.givens import (CATEGORIES, FLAGS, benchmark_results, caaspp_results, english_learner_view,
                                           sis_enrollment, students)
from workbook.rubric import Check, Context, Criterion, derived, Exercise, Level, Reflection, Rubric
from workbook.tools.assessment import match_on_ssid, results_by_group, score_levels
from workbook.tools.dashboard import absenteeism_by_group, da_priorities, dashboard_table
from workbook.tools.disclosure import suppress_small_counts


def _sizes(ctx: Context) -> dict[str, int]:
    return {"min_colour": ctx["min_group_colour"], "min_shown": ctx["min_group_shown"]}


@derived
def academic_table(ctx: Context, subject: str = "ela"):
    now = results_by_group(caaspp_results(ctx.district, ctx["seed"]), subject, FLAGS, CATEGORIES)
    before = results_by_group(caaspp_results(ctx.district, ctx["seed"], year=-1), subject, FLAGS, CATEGORIES)
    return dashboard_table(now, before, f"{subject}_3_8", **_sizes(ctx))


@derived
def absence_table(ctx: Context):
    now = absenteeism_by_group(students(ctx.district, ctx["seed"]), FLAGS, CATEGORIES)
    before = absenteeism_by_group(students(ctx.district, ctx["seed"], year=-1), FLAGS, CATEGORIES)
    return dashboard_table(now, before, "chronic_absenteeism", **_sizes(ctx))


def met_share(ctx: Context) -> float:
    results = caaspp_results(ctx.district, ctx["seed"])
    ela = score_levels(results[results["subject"] == "ela"])
    return round(float((ela["level"] >= 3).mean()), 4)


def dfs_groups(ctx: Context) -> dict[str, float]:
    return {g: float(v) for g, v in academic_table(ctx)["status"].dropna().items()}


def red_groups(ctx: Context) -> list[str]:
    table = academic_table(ctx)
    return sorted(table.index[table["colour"] == "Red"])


def no_colour_groups(ctx: Context) -> list[str]:
    table = academic_table(ctx)
    return sorted(g for g, n in table["students"].items() if n < ctx["min_group_colour"])


def absenteeism_colour(ctx: Context) -> str | None:
    return absence_table(ctx).loc["All Students", "colour"]


def da_groups(ctx: Context) -> list[str]:
    ela, math, absence = academic_table(ctx), academic_table(ctx, "math"), absence_table(ctx)
    colours = {g: (ela["colour"].get(g), math["colour"].get(g), absence["colour"].get(g)) for g in ela.index}
    return sorted(g for g, c in colours.items() if len(da_priorities(*c)) >= 2)


@derived
def _benchmark(ctx: Context):
    return benchmark_results(ctx.district, ctx["seed"]), sis_enrollment(ctx.district, ctx["seed"])


def unmatched(ctx: Context) -> int:
    return len(match_on_ssid(*_benchmark(ctx))[1])


def withheld_cells(ctx: Context) -> int:
    return suppress_small_counts(english_learner_view(*_benchmark(ctx)), ctx["min_cell_size"]).withheld


def _levels(*texts: str) -> tuple[Level, ...]:
    return tuple(Level(name, i + 1, text) for i, (name, text) in enumerate(zip(("beginning", "developing", "proficient", "exemplary"), texts)))


RUBRIC = Rubric(
    principle="E4",
    notebook="education/E4-assessment-and-accountability.ipynb",
    exercises=(
        Exercise(
            "e4-met-share",
            "Share of students who met or exceeded the ELA standard",
            (Check("e4-met-share", "fraction, 4 decimals", 2, met_share, rtol=0, atol=0.00011, partial=((0.02, 0.5),)),),
            hint="Level 3 starts at the published minimum of each student's own grade; count Levels 3 and 4 over everyone tested in ELA.",
        ),
        Exercise(
            "e4-dfs-groups",
            "ELA distance from standard by student group",
            (Check("e4-dfs-groups", "DFS per shown group, 1 decimal", 3, dfs_groups, rtol=0, atol=0.1001, partial=((0.5, 0.5),)),),
            hint="Each student's distance is the score minus the Level 3 minimum of the student's grade; average over the group's students; leave out groups below the size shown.",
        ),
        Exercise(
            "e4-red-groups",
            "Student groups in Red on ELA",
            (Check("e4-red-groups", "groups in Red, alphabetical", 4, red_groups, partial=((0.5, 0.5),)),),
            hint="Place status (this year's DFS) and change (this year minus last year) in their levels, then read the grid; only groups large enough get a colour.",
        ),
        Exercise(
            "e4-no-colour-groups",
            "Student groups too small for a colour",
            (Check("e4-no-colour-groups", "groups below the colour size, alphabetical", 2, no_colour_groups, partial=((0.5, 0.5),)),),
            hint="Count the students tested in ELA this year in each group, race/ethnicity groups included.",
        ),
        Exercise(
            "e4-absenteeism-colour",
            "Chronic absenteeism colour for all students",
            (Check("e4-absenteeism-colour", "colour name", 3, absenteeism_colour),),
            hint="Rates in percent to one decimal; for chronic absenteeism a rise is the bad direction, so the grid runs the other way.",
        ),
        Exercise(
            "e4-da-groups",
            "Student groups that make the district eligible for differentiated assistance",
            (Check("e4-da-groups", "groups meeting two priorities, alphabetical", 4, da_groups, partial=((0.5, 0.5),)),),
            hint="A group needs Red and Red, or Red and Orange, across ELA and math (priority 4) and Red on chronic absenteeism (priority 5).",
        ),
        Exercise(
            "e4-unmatched",
            "Benchmark records that do not join to enrollment",
            (Check("e4-unmatched", "records without an enrolled student", 3, unmatched, partial=((0.1, 0.5),)),),
            hint="Compare SSIDs as text; a blank, a nine-digit or a mistyped SSID finds nobody.",
        ),
        Exercise(
            "e4-withheld-cells",
            "Cells withheld before the table leaves the department",
            (Check("e4-withheld-cells", "primary plus complementary cells", 3, withheld_cells, partial=((0.2, 0.5),)),),
            hint="First every count below the minimum (zeros stay); then, school by school, a second cell wherever a row has exactly one withheld, repeated until no row has one alone.",
        ),
    ),
    reflections=(
        Reflection(
            "e4-reflect-data-quality",
            "A Red that was really a data problem: what happened, which system and team, how it was found, and the safeguard.",
            (
                Criterion("Accountability system", "Connects the data to the indicator, the priority and the Dashboard's rules.", _levels(
                    "no link between data and result",
                    "a general link",
                    "the indicator, its data source (CALPADS) and the priority named",
                    "also explains how the error moved status, change or group membership",
                )),
                Criterion("Ownership", "Names the system, the data owner and the technology department's part.", _levels(
                    "no owner",
                    "blames a team",
                    "system, owner and certification step named",
                    "a shared process with roles and deadlines",
                )),
                Criterion("Prevention", "Proposes a check the technology department would run before the Dashboard does.", _levels(
                    "none",
                    "\"be careful\"",
                    "a specific check (duplicate SSIDs, code mapping, rates by group) and when it runs",
                    "a check with a threshold, an owner and a report",
                )),
            ),
        ),
        Reflection(
            "e4-reflect-local-system",
            "Local data that helps and stays safe: join key, access, aggregate view and suppression, and comparison with state results.",
            (
                Criterion("Join design", "Uses the SSID and a plan for records that do not match.", _levels(
                    "no key",
                    "a key without a plan for mismatches",
                    "SSID with a count of mismatches and who fixes them",
                    "also fixes at the source (rostering) and monitors match rates",
                )),
                Criterion("Privacy", "Limits student-level access and suppresses small cells in what leaves.", _levels(
                    "none",
                    "general privacy language",
                    "FERPA school-official access and small-cell suppression, with complementary cells",
                    "also names the minimum cell size, who approves releases and the vendor's contract terms",
                )),
                Criterion("Interpretation", "Compares local and state results honestly.", _levels(
                    "treats them as the same",
                    "notes they differ",
                    "explains the difference of scales and timing and uses the benchmark as an early signal",
                    "proposes how to check the benchmark's prediction of state results each year",
                )),
            ),
        ),
    ),
)
