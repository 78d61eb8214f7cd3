"""Rubric for E3 Educational Technology (public checks and reflection criteria).

Expected values are computed from the notebook's parameters and district by
the same library the candidate uses. This file ships with the candidate
edition: it drives the self-check. Hidden checks live in ``hidden/E3.py``.
"""

from __future__ import annotations

import math

from workbook.principles.e3.givens import EVIDENCE_TIERS, teacher_adoption, tool_inventory, tool_usage
from workbook.rubric import Check, Context, Criterion, derived, Exercise, Level, Reflection, Rubric
from workbook.tools.adoption import adopter_category, fit_bass, renewal_plan, usage_summary

PRACTICE_JOBS = ("math practice", "reading practice")


@derived
def summary(ctx: Context):
    inventory = tool_inventory(ctx.district, ctx["seed"])
    return usage_summary(inventory, tool_usage(ctx.district, ctx["seed"], inventory))


@derived
def plan(ctx: Context):
    return renewal_plan(summary(ctx), min_utilization=ctx["min_utilization"], headroom=ctx["headroom"])


def licences_used(ctx: Context) -> float:
    s = summary(ctx)
    return round(float(s["active_users"].sum() / s["licences"].sum()), 4)


def costliest_per_user(ctx: Context) -> str:
    s = summary(ctx)
    return str(s.sort_values("cost_per_active_user", ascending=False, kind="mergesort")["tool"].iloc[0])


def drop_at_renewal(ctx: Context) -> list[str]:
    return list(plan(ctx).attrs["dropped"])


def renewal_saving(ctx: Context) -> float:
    return float(plan(ctx).attrs["saving"])


@derived
def _fit(ctx: Context):
    data = teacher_adoption(ctx.district, ctx["seed"])
    return fit_bass(data.months, data.adopters, market=data.market)


def bass_fit(ctx: Context) -> dict[str, float]:
    fit = _fit(ctx)
    return {"p": round(fit.p, 4), "q": round(fit.q, 4)}


def adoption_stage(ctx: Context) -> str:
    data = teacher_adoption(ctx.district, ctx["seed"])
    return adopter_category(data.adopters[-1] / data.market)


def month_target(ctx: Context) -> int:
    return math.ceil(_fit(ctx).month_reaching(ctx["adoption_target"]))


def csi_eligible(ctx: Context) -> list[str]:
    inventory = tool_inventory(ctx.district, ctx["seed"])
    practice = inventory[inventory["job"].isin(PRACTICE_JOBS)]
    return sorted(t for t, e in zip(practice["tool"], practice["evidence"]) if 1 <= EVIDENCE_TIERS[e] <= 3)


def _levels(*texts: str) -> tuple[Level, ...]:
    return tuple(Level(name, i + 1, text) for i, (name, text) in enumerate(zip(("beginning", "developing", "proficient", "exemplary"), texts)))


RUBRIC = Rubric(
    principle="E3",
    notebook="education/E3-educational-technology.ipynb",
    exercises=(
        Exercise(
            "e3-licences-used",
            "Share of paid licences in use in an average month",
            (Check("e3-licences-used", "active users over licences, 4 decimals", 2, licences_used, rtol=0, atol=0.00011,
                   partial=((0.02, 0.5),)),),
            hint="Average each tool's monthly active users (summed over schools) over the school-year months; add those over all tools and divide by all licences.",
        ),
        Exercise(
            "e3-costliest-per-user",
            "The tool that costs the most per active user",
            (Check("e3-costliest-per-user", "tool name", 2, costliest_per_user),),
            hint="Annual cost is licences times price; divide by the tool's average monthly active users, not by its licences.",
        ),
        Exercise(
            "e3-drop-at-renewal",
            "Which tools to drop at renewal",
            (Check("e3-drop-at-renewal", "dropped tools, alphabetical", 4, drop_at_renewal, partial=((0.5, 0.5),)),),
            hint="Apply the under-use rule first; only then compare the remaining tools that share a job, by cost per active user.",
        ),
        Exercise(
            "e3-renewal-saving",
            "What the renewal plan saves a year",
            (Check("e3-renewal-saving", "saving in dollars", 3, renewal_saving, rtol=0.002, atol=1.0, partial=((0.05, 0.5),)),),
            hint="A dropped tool saves its whole annual cost; a kept one saves (or costs) the difference between today's licences and its busiest month plus headroom, rounded up, at today's price.",
        ),
        Exercise(
            "e3-bass-fit",
            "Bass coefficients of the rollout",
            (Check("e3-bass-fit", "p and q, 4 decimals", 3, bass_fit, rtol=0.01, atol=0.0002, partial=((0.5, 0.5),)),),
            hint="Least squares on the cumulative counts, with the market held at the number of teachers; p is innovation, q imitation, both per month.",
        ),
        Exercise(
            "e3-adoption-stage",
            "Rogers' category adopting now",
            (Check("e3-adoption-stage", "category name", 2, adoption_stage),),
            hint="Divide the last month's count by the teachers and compare with the cumulative thresholds 2.5%, 16%, 50% and 84%.",
        ),
        Exercise(
            "e3-month-target",
            "Month the fitted curve reaches the vendor's target",
            (Check("e3-month-target", "whole month", 3, month_target, partial=((0.1, 0.5),)),),
            hint="Solve the fitted Bass curve's share for the target and round the month up to a whole month.",
        ),
        Exercise(
            "e3-csi-eligible",
            "Practice tools a school in improvement may buy",
            (Check("e3-csi-eligible", "qualifying tools, alphabetical", 3, csi_eligible, partial=((0.5, 0.5),)),),
            hint="Only math and reading practice tools; school improvement funds accept strong, moderate and promising evidence, not a rationale alone.",
        ),
    ),
    reflections=(
        Reflection(
            "e3-reflect-retire",
            "A tool to retire: its numbers, who would object, and how the decision is made and announced.",
            (
                Criterion("Usage analysis", "Uses cost per active user, utilization, overlap and evidence to make the case.", _levels(
                    "an opinion without numbers",
                    "one measure, loosely applied",
                    "several measures applied correctly to the tool",
                    "measures with their limits (sign-ins are not learning, timing, rostering) and a fair alternative",
                )),
                Criterion("Change leadership", "Plans the decision and its communication: who decides, timing, replacement, teachers' concerns.", _levels(
                    "no plan",
                    "an announcement only",
                    "decision owner, renewal timing and replacement named",
                    "also addresses teachers' concerns and the adoption stage of the replacement",
                )),
                Criterion("Data stewardship", "Handles students' work and data when the tool goes.", _levels(
                    "not mentioned",
                    "mentioned generally",
                    "export of work and deletion of data under the contract",
                    "also the privacy agreement's terms and who verifies deletion",
                )),
            ),
        ),
        Reflection(
            "e3-reflect-evidence",
            "Evidence, not fashion: the strategy a promoted tool delivers, its ESSA tier, UDL and ISTE, its place on the adoption curve, and a first-year measure.",
            (
                Criterion("Evidence", "Names the learning strategy and the ESSA tier, with who reviewed the evidence.", _levels(
                    "no evidence discussed",
                    "a vendor's claim repeated",
                    "strategy and tier named with an independent source",
                    "also judges the study's fit to the district's students and dose",
                )),
                Criterion("Frameworks", "Connects the tool to UDL and an ISTE Standards for Educators role.", _levels(
                    "neither",
                    "one named without explanation",
                    "both connected to classroom practice",
                    "both, with a professional development implication",
                )),
                Criterion("Measurement", "Places the tool on Rogers' curve and proposes a first-year measure.", _levels(
                    "no measure",
                    "usage only",
                    "an outcome measure and the adoption stage",
                    "measure, baseline, decision rule and who reports it",
                )),
            ),
        ),
    ),
)
