"""Rubric for E1 Student Centered Aspects (public checks and reflection criteria).

Expected values are computed from the notebook's parameters and district by
the same library the candidate uses. This file ships with the candidate
edition: it drives the self-check. Hidden checks live in ``hidden/E1.py``.
"""

from __future__ import annotations

from workbook.principles.e1.givens import absence_counts, climate_survey, directory_requests, systems_and_vendors, tracker_date
from workbook.rubric import Check, Context, Criterion, derived, Exercise, Level, Reflection, Rubric
from workbook.tools.disclosure import needs_prior_consent, releasable_records, suppress_small_counts
from workbook.tools.privacy import data_inventory, dpa_tracker, integration_map, most_missing_term, unprotected_vendors


@derived
def _systems(ctx: Context):
    return systems_and_vendors(ctx.district, ctx["seed"], ctx["fiscal_year"])


@derived
def _tracker(ctx: Context):
    return dpa_tracker(_systems(ctx).vendors, tracker_date(ctx["fiscal_year"]))


def restricted_systems(ctx: Context) -> list[str]:
    sv = _systems(ctx)
    inventory = data_inventory(sv.systems[sv.systems["elements"] != ""])
    return sorted(inventory.loc[inventory["sensitivity"] == "restricted", "system"].unique())


def weakest_term(ctx: Context) -> str | None:
    return most_missing_term(_tracker(ctx))


def stop_data(ctx: Context) -> list[str]:
    sv = _systems(ctx)
    return unprotected_vendors(integration_map(sv.flows, sv.inventoried), sv.inventoried, sv.operators, _tracker(ctx))


def directory_release(ctx: Context) -> dict[str, int]:
    req = directory_requests(ctx.district, ctx["seed"])
    return {r.request: releasable_records(r.elements, req.designated, r.students, r.opted_out) for r in req.requests.itertuples()}


def withheld_cells(ctx: Context) -> int:
    return suppress_small_counts(absence_counts(ctx.district, ctx["seed"]), ctx["min_cell_size"], row_totals=True,
                                 column_totals=True).withheld


def survey_consent(ctx: Context) -> list[str]:
    return needs_prior_consent(climate_survey(ctx["seed"]))


_LEVELS = ("beginning", "developing", "proficient", "exemplary")


def _criterion(name: str, description: str, *levels: str) -> Criterion:
    return Criterion(name, description, tuple(Level(n, i + 1, d) for i, (n, d) in enumerate(zip(_LEVELS, levels))))


RUBRIC = Rubric(
    principle="E1",
    notebook="education/E1-student-centered-aspects.ipynb",
    exercises=(
        Exercise(
            "e1-restricted-systems",
            "Systems that hold restricted student data",
            (Check("e1-restricted-systems", "systems with a restricted element, sorted", 2, restricted_systems, partial=((0.5, 0.5),)),),
            hint="Look at every element each system holds; one restricted element is enough. Sort the system names alphabetically.",
        ),
        Exercise(
            "e1-weakest-term",
            "The AB 1584 term vendors most often leave out",
            (Check("e1-weakest-term", "term key", 2, weakest_term),),
            hint="Count, for each of the nine terms, the vendor contracts and click-through agreements that miss it; agreements of kind 'none' do not count. Ties go to the statute's order.",
        ),
        Exercise(
            "e1-stop-data",
            "Vendors that must stop receiving student data",
            (Check("e1-stop-data", "vendors without a covering agreement, sorted", 4, stop_data, partial=((0.5, 0.5),)),),
            hint="Follow every student-data flow from every inventoried system, through hubs and exports; a vendor is covered only when its tracker status is 'covered'.",
        ),
        Exercise(
            "e1-directory-release",
            "Directory information requests",
            (Check("e1-directory-release", "students per request", 3, directory_release, partial=((0.5, 0.5),)),),
            hint="A request is directory only if every item it asks for is designated; then every student counts except those whose families opted out.",
        ),
        Exercise(
            "e1-withheld-cells",
            "Cells withheld from the absence report",
            (Check("e1-withheld-cells", "withheld cells, primary and complementary", 3, withheld_cells, partial=((0.25, 0.5),)),),
            hint="Both school totals and group totals are published: after the small counts, check every row and every column for a single withheld cell, again and again.",
        ),
        Exercise(
            "e1-survey-consent",
            "Survey questions that need prior written consent",
            (Check("e1-survey-consent", "question ids in survey order", 3, survey_consent, partial=((0.5, 0.5),)),),
            hint="Compare each question with the eight protected areas: politics, mental health, sex, illegal behavior, appraisals of family, privileged relationships, religion, income.",
        ),
    ),
    reflections=(
        Reflection(
            "e1-reflect-data-owner",
            "Who owns the flow: one cross-department flow of student data, its owner, approval, agreement and laws, and the process change that would approve the next one before it is built.",
            (
                _criterion("Data ownership", "Names the owning department and the approval (or its absence) of a real flow.",
                           "no owner named", "an owner, no approval described", "owner and approval described",
                           "owner, approval and the steward's duties over time"),
                _criterion("Legal grounding", "Names the laws that govern the flow and the agreement that covers the vendor.",
                           "no law named", "laws named loosely", "the right laws and the agreement's status",
                           "laws, agreement status and the specific missing term or exception relied on"),
                _criterion("Process change", "Proposes a change to the request or governance process, with who must agree.",
                           "no change", "a generic change", "a specific change with the people who must agree",
                           "a specific change, its owner, timeline and how the district will know it works"),
            ),
        ),
        Reflection(
            "e1-reflect-parent",
            "Answering a parent: why the district shares data with apps, the protections, what families can do, breach notice, and one improvement, in a parent's words.",
            (
                _criterion("Accuracy", "States federal, state and local protections correctly.",
                           "errors or none named", "some correct, some vague", "correct at each level",
                           "correct and tied to what the district actually does"),
                _criterion("Family's options", "Explains what a family can do: opt out, review records, ask, and how breaches are told.",
                           "none", "one option", "opt-out, review and breach notice explained",
                           "all, with where and how to do each"),
                _criterion("Plain language and candour", "Speaks as to a parent, and names a real improvement.",
                           "jargon, defensive", "some plain language", "plain and honest with one improvement",
                           "plain, candid, and the improvement has a date and an owner"),
            ),
        ),
    ),
)
