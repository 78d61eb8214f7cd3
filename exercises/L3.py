"""Rubric for L3 Communications and Public Relations (public checks and reflection criteria).

Expected values are computed from the notebook's parameters and district by
the same library the candidate uses. This file ships with the candidate
edition: it drives the self-check. Hidden checks live in ``hidden/L3.py``.
"""

from __future__ import annotations

from workbook.principles.l3.givens import (draft_plan, office_holidays, presentation_meeting, special_meeting, stakeholders,
                                           tickets_with_survey)
from workbook.rubric import Check, Context, Criterion, derived, Exercise, Level, Reflection, Rubric
from workbook.tools.helpdesk import customer_service
from workbook.tools.stakeholders import earliest_meeting, plan_gaps, posting_deadline, stakeholder_map, submission_deadline

_CLOCK = "%Y-%m-%d %H:%M"


def key_players(ctx: Context) -> list[str]:
    grid = stakeholder_map(stakeholders(ctx.district, ctx["seed"]))
    return sorted(grid.loc[grid["quadrant"] == "manage closely", "stakeholder"])


def gaps(ctx: Context) -> list[str]:
    found = plan_gaps(draft_plan(ctx.district, ctx["seed"]), stakeholders(ctx.district, ctx["seed"]))
    return sorted(found.loc[found["status"] != "ok", "stakeholder"])


@derived
def _meeting(ctx: Context):
    return presentation_meeting(ctx.district, ctx["seed"], ctx["fiscal_year"])


def posting(ctx: Context) -> str:
    return posting_deadline(_meeting(ctx), "regular").strftime(_CLOCK)


def submit_by(ctx: Context) -> str:
    return submission_deadline(_meeting(ctx), "regular", lead_business_days=ctx["lead_business_days"],
                               holidays=office_holidays(ctx["fiscal_year"])).isoformat()


def special_earliest(ctx: Context) -> str:
    return earliest_meeting(special_meeting(ctx.district, ctx["seed"], ctx["fiscal_year"]).posted, "special").strftime(_CLOCK)


@derived
def _service(ctx: Context, by: str | None = None):
    return customer_service(tickets_with_survey(ctx.district, ctx["seed"], ctx["fiscal_year"]), by=by)


def fcr(ctx: Context) -> float:
    return float(_service(ctx).loc[0, "first_contact_rate"])


def csat(ctx: Context) -> float:
    return float(_service(ctx).loc[0, "csat"])


def visit_first(ctx: Context) -> str:
    sites = _service(ctx, "site")
    schools = sites[(sites["site"] != "District Office") & (sites["responses"] >= ctx["min_responses"])]
    ranked = sorted(schools.itertuples(), key=lambda r: (r.csat, r.first_contact_rate, r.site))
    return str(ranked[0].site) if ranked else "none"


_SHARE = {"rtol": 0, "atol": 0.00015, "partial": ((0.05, 0.5),)}

RUBRIC = Rubric(
    principle="L3",
    notebook="leadership/L3-communications-and-public-relations.ipynb",
    exercises=(
        Exercise(
            "l3-key-players",
            "The stakeholders to manage closely",
            (Check("l3-key-players", "names, alphabetical", 3, key_players, partial=((0.5, 0.5),)),),
            hint="High power and high interest: both scores at 3 or above. Names exactly as in the table, sorted.",
        ),
        Exercise(
            "l3-plan-gaps",
            "What the draft communication plan misses",
            (Check("l3-plan-gaps", "names, alphabetical", 4, gaps, partial=((0.5, 0.5),)),),
            hint="Place each stakeholder in its quadrant first; then compare its most frequent contact in the plan with the "
                 "quadrant's longest allowed gap. A stakeholder with no row at all counts too.",
        ),
        Exercise(
            "l3-posting-deadline",
            "The latest time to post the agenda",
            (Check("l3-posting-deadline", "date and time", 3, posting),),
            hint="A regular meeting needs its agenda posted 72 clock hours before it starts; weekends count.",
        ),
        Exercise(
            "l3-submit-by",
            "The day your agenda item is due",
            (Check("l3-submit-by", "date", 3, submit_by),),
            hint="Find the day the clerk posts (the last business day on or before the deadline's date), then count "
                 "business days back, skipping weekends and the office's holidays.",
        ),
        Exercise(
            "l3-special-earliest",
            "The earliest start of a special meeting",
            (Check("l3-special-earliest", "date and time", 3, special_earliest),),
            hint="A special meeting needs 24 hours' notice, counted from when the notice is posted.",
        ),
        Exercise(
            "l3-fcr",
            "First-contact resolution, districtwide",
            (Check("l3-fcr", "share of resolved tickets", 2, fcr, **_SHARE),),
            hint="Only resolved tickets count, in the denominator as in the numerator.",
        ),
        Exercise(
            "l3-csat",
            "Satisfaction, districtwide",
            (Check("l3-csat", "share of answers rated 4 or 5", 2, csat, **_SHARE),),
            hint="Count survey answers only (an empty rating is no answer), and the share of them rated 4 or 5.",
        ),
        Exercise(
            "l3-visit-first",
            "The school to visit first",
            (Check("l3-visit-first", "school name", 3, visit_first),),
            hint="Leave out the District Office and schools with too few answers; then the lowest satisfaction, "
                 "ties to the lower first-contact rate.",
        ),
    ),
    reflections=(
        Reflection(
            "l3-reflect-advice",
            "Advice the cabinet could act on: the decision, real options with life costs and risks, a recommendation, and "
            "how to involve the stakeholder who would push back.",
            (
                Criterion("Shape of the advice", "States the decision, two or three real options and a recommendation with a next step and date.", (
                    Level("beginning", 1, "a topic, no decision or options"),
                    Level("developing", 2, "a decision and options, no clear recommendation"),
                    Level("proficient", 3, "decision, options, recommendation and next step"),
                    Level("exemplary", 4, "all of it in a form a cabinet could act on in five minutes"),
                )),
                Criterion("Costs and risks", "Weighs cost over the life of each option and its risks, privacy and security included.", (
                    Level("beginning", 1, "price only"),
                    Level("developing", 2, "some costs or risks"),
                    Level("proficient", 3, "life costs and the main risk of each option"),
                    Level("exemplary", 4, "life costs, risks and what evidence would change the recommendation"),
                )),
                Criterion("Stakeholders", "Names who would push back and how they are involved before the board meeting.", (
                    Level("beginning", 1, "no stakeholder named"),
                    Level("developing", 2, "a stakeholder named, no plan"),
                    Level("proficient", 3, "a stakeholder placed on the map and a plan to involve them"),
                    Level("exemplary", 4, "a plan tied to the Brown Act calendar and the communication plan"),
                )),
            ),
        ),
        Reflection(
            "l3-reflect-partnership",
            "A partnership worth starting: shared goal, what each party gives and gets, the rules, measures, and its place in "
            "the communication plan.",
            (
                Criterion("Give and get", "States the shared goal and what each party gives and gets.", (
                    Level("beginning", 1, "a wish, one-sided"),
                    Level("developing", 2, "a goal with some contributions"),
                    Level("proficient", 3, "a shared goal and both sides' gives and gets"),
                    Level("exemplary", 4, "a balanced exchange that would last beyond its champions"),
                )),
                Criterion("Rules and measures", "Names the approvals, data rules and clearances, and how success is measured.", (
                    Level("beginning", 1, "none"),
                    Level("developing", 2, "rules or measures, not both"),
                    Level("proficient", 3, "the main rules and two measures"),
                    Level("exemplary", 4, "rules, measures with baselines and a review date"),
                )),
                Criterion("Communication", "Places the partner in the communication plan: who tells whom, how often, through which channel.", (
                    Level("beginning", 1, "not addressed"),
                    Level("developing", 2, "a general intention"),
                    Level("proficient", 3, "audience, channel, cadence and owner"),
                    Level("exemplary", 4, "both boards and publics covered, with a crisis path"),
                )),
            ),
        ),
    ),
)
