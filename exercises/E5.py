"""Rubric for E5 Finance Centered Aspects (public checks and reflection criteria).

Expected values are computed from the notebook's parameters and district by
the same library the candidate uses. This file ships with the candidate
edition: it drives the self-check. Hidden checks live in ``hidden/E5.py``.
"""

from __future__ import annotations

from workbook.principles.e5.givens import (
    ada_history,
    attendance_register,
    c2_project,
    district_in_cupccaa,
    general_fund,
    p2_ada,
    purchase_list,
)
from workbook.rubric import Check, Context, Criterion, Exercise, Level, Reflection, Rubric
from workbook.tools.erate import c2_project_cost
from workbook.tools.funding import attendance_point_value, lcff_entitlement, multiyear_projection, purchase_routes
from workbook.tools.purchasing import COMPETITIVE


def p2_total(ctx: Context) -> float:
    return round(sum(p2_ada(attendance_register(ctx.district, ctx["seed"])).values()), 2)


def funded_method(ctx: Context) -> str:
    return ada_history(ctx.district, ctx["seed"]).funded().method


def lcff_total(ctx: Context) -> float:
    funded = ada_history(ctx.district, ctx["seed"]).funded()
    return lcff_entitlement(funded.ada, ctx.district.unduplicated_pct, ctx["fiscal_year"]).total


def attendance_point(ctx: Context) -> float:
    return float(round(attendance_point_value(ctx.district.enrollment, ctx.district.unduplicated_pct, ctx["fiscal_year"])))


def competitive_purchases(ctx: Context) -> list[str]:
    routes = purchase_routes(purchase_list(ctx.district, ctx["seed"], ctx["fiscal_year"]), cupccaa=district_in_cupccaa(ctx["seed"]))
    return sorted(routes.loc[routes["route"].isin(COMPETITIVE), "id"])


def c2_district_share(ctx: Context) -> float:
    project = c2_project(ctx.district, ctx["seed"], ctx["fiscal_year"])
    return c2_project_cost(project.project_cost, project.remaining, ctx.district.nslp_pct, ctx.district.locale).district_share


def certification(ctx: Context) -> str:
    fund = general_fund(ctx.district, ctx["seed"], ctx["fiscal_year"])
    return multiyear_projection(list(fund.lines), ctx["fiscal_year"], **fund.kwargs()).certification


def _levels(*texts: str) -> tuple[Level, ...]:
    return tuple(Level(name, score, text) for (name, score), text in zip(
        (("beginning", 1), ("developing", 2), ("proficient", 3), ("exemplary", 4)), texts))


_MONEY = {"rtol": 0.001, "atol": 1.0, "partial": ((0.02, 0.5),)}

RUBRIC = Rubric(
    principle="E5",
    notebook="education/E5-finance-centered-aspects.ipynb",
    exercises=(
        Exercise(
            "e5-p2-ada",
            "P-2 ADA from the attendance register",
            (Check("e5-p2-ada", "P-2 ADA, all spans", 3, p2_total, rtol=0, atol=0.011, partial=((0.01, 0.5),)),),
            hint="ADA is the days of attendance divided by the days taught in the same period; add the spans' ADA.",
        ),
        Exercise(
            "e5-funded-ada",
            "Which ADA the state funds this year",
            (Check("e5-funded-ada", "current, prior or three-year average", 3, funded_method),),
            hint="Compare this year's total with the prior year's and with the average of the three prior years; the greatest is funded.",
        ),
        Exercise(
            "e5-lcff-total",
            "LCFF entitlement on the funded ADA",
            (Check("e5-lcff-total", "LCFF total in dollars", 4, lcff_total, **_MONEY),),
            hint="Base grant per ADA with the grade span adjustments for each span, then 20% x UPP, then 65% x the UPP above 55%, all on the adjusted base.",
        ),
        Exercise(
            "e5-attendance-point",
            "What one point of attendance is worth",
            (Check("e5-attendance-point", "LCFF dollars of one point", 3, attendance_point, **_MONEY),),
            hint="One point is 1% of each span's enrollment as ADA, valued at that span's full LCFF rate (base, supplemental and concentration).",
        ),
        Exercise(
            "e5-competitive-purchases",
            "Purchases that need the district's own competitive process",
            (Check("e5-competitive-purchases", "ids, sorted", 4, competitive_purchases, partial=((0.5, 0.5),)),),
            hint="Add up orders for one need; compare goods and services with the year's threshold (more than), public projects with theirs; a usable piggyback or CMAS contract needs no bid of your own.",
        ),
        Exercise(
            "e5-c2-district-share",
            "District share of a Category Two project",
            (Check("e5-c2-district-share", "district share in dollars", 3, c2_district_share, rtol=0.001, atol=0.5, partial=((0.05, 0.5),)),),
            hint="Budget = sum over schools of max(per-student amount x students, floor), less what earlier years used; the discount applies only to the part that fits.",
        ),
        Exercise(
            "e5-certification",
            "First interim certification",
            (Check("e5-certification", "positive, qualified or negative", 4, certification),),
            hint="Compare each year's unrestricted ending balance with zero (this year and next) and with the reserve minimum for the district's ADA band (all three years).",
        ),
    ),
    reflections=(
        Reflection(
            "e5-reflect-refresh-funding",
            "Paying for the next refresh: which sources, which refused and why, the purchasing route, and the year after the money ends.",
            (
                Criterion("Sources and restrictions", "Matches the refresh to funding sources and their rules (one-time vs ongoing, restricted vs unrestricted, Title IV-A's 15%, supplement not supplant, bond terms).",
                          _levels("names one source without its rules", "names sources with some rules", "justifies each source and each refusal with its rule",
                                  "as proficient, and ties the choice to the LCAP and unduplicated pupils")),
                Criterion("Purchasing route", "Chooses a lawful route (formal bid, competitive negotiation, piggyback, CMAS) for the amount and the year's threshold.",
                          _levels("no route", "a route without reasons", "a lawful route with the threshold and the splitting rule considered",
                                  "as proficient, and weighs price against life-cycle cost and support")),
                Criterion("Multiyear view", "Shows the refresh in the projection, including the year after one-time money ends, and its effect on reserves.",
                          _levels("no projection", "mentions later years", "shows the later years' cost and who pays",
                                  "as proficient, with the effect on the reserve minimum and the certification")),
            ),
        ),
        Reflection(
            "e5-reflect-vendor-relations",
            "A vendor at the door: answering a free pilot offer before a bid, in writing, and with student data in mind.",
            (
                Criterion("Fair process", "Applies conflicts of interest, equal information to all bidders and the bid calendar.",
                          _levels("no process", "a general wish to be fair", "specific rules (Government Code 1090, Form 700, one contact, shared answers)",
                                  "as proficient, and explains how the pilot could taint the bid and how to avoid it")),
                Criterion("Documentation", "Says what goes in writing and who sees it.",
                          _levels("nothing written", "a vague note", "a specific written reply and a record for the file",
                                  "as proficient, written so that an auditor could follow it")),
                Criterion("Student data", "Recognises the privacy terms a pilot with student data needs.",
                          _levels("not considered", "mentions privacy", "requires a data privacy agreement with the statutory terms before any data flows",
                                  "as proficient, and names what happens to the data after the pilot")),
            ),
        ),
    ),
)
