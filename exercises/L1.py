"""Rubric for L1 Professional Development and Training (public checks and reflection criteria).

Expected values are computed from the notebook's parameters and district by
the same library the candidate uses. Hidden checks live in ``hidden/L1.py``.
"""

from __future__ import annotations

from workbook.principles.l1.givens import (
    MONTHS,
    grant_cap_per_trained,
    model_comparison,
    model_rates,
    offering_costs,
    offerings_catalog,
    pd_budget,
    skills_survey,
    staff_headcounts,
    trainer_capacity,
    with_priority,
)
from workbook.rubric import Check, Context, Criterion, derived, Exercise, Level, Reflection, Rubric
from workbook.tools.training import ISTE_EDUCATORS, fund_offerings, scope_and_sequence, training_needs, uncovered


@derived
def needs(ctx: Context):
    return training_needs(skills_survey(ctx.district, ctx["seed"]), staff_headcounts(ctx.district), ctx["target_level"])


def top_need(ctx: Context) -> list[str]:
    first = needs(ctx).iloc[0]
    return [str(first["role"]), str(first["skill"])]


def teacher_priorities(ctx: Context) -> dict[str, float]:
    table = needs(ctx)
    teachers = table[table["role"] == "teacher"]
    return {str(k): float(v) for k, v in zip(teachers["skill"], teachers["priority"])}


@derived
def catalog(ctx: Context):
    return with_priority(offerings_catalog(ctx.district, ctx["seed"]), needs(ctx))


@derived
def plan(ctx: Context):
    cat = catalog(ctx)
    return scope_and_sequence(cat, MONTHS, trainer_capacity(ctx.district, ctx["seed"], cat))


def unscheduled(ctx: Context) -> list[str]:
    table = plan(ctx)
    return sorted(str(n) for n in table.loc[~table["scheduled"], "offering"])


def ai_credential_month(ctx: Context) -> str:
    row = plan(ctx).set_index("offering").loc["AI micro-credential"]
    return str(row["finish"]) if row["scheduled"] else "not this year"


def workshop_per_trained(ctx: Context) -> float:
    costs = offering_costs(catalog(ctx), model_rates(ctx.district, ctx["seed"])).set_index("offering")
    return float(costs.loc["AI in the classroom: first steps", "per_trained"])


def models_within_cap(ctx: Context) -> list[str]:
    priced = model_comparison(model_rates(ctx.district, ctx["seed"])).sort_values("per_trained")
    return [str(m) for m in priced.index[priced["per_trained"] <= grant_cap_per_trained(ctx["seed"])]]


@derived
def funding(ctx: Context):
    cat = catalog(ctx)
    costs = offering_costs(cat, model_rates(ctx.district, ctx["seed"]))
    table = cat[["offering", "priority"]].rename(columns={"priority": "value"}).assign(cost=costs["total"])
    return fund_offerings(table, pd_budget(ctx.district, ctx["seed"]))


def funded(ctx: Context) -> list[str]:
    table = funding(ctx)
    return [str(n) for n in table.loc[table["funded"], "offering"]]


def iste_gaps(ctx: Context) -> list[str]:
    return uncovered(offerings_catalog(ctx.district, ctx["seed"]), ISTE_EDUCATORS)


_LEVELS = ("beginning", "developing", "proficient", "exemplary")


def _criterion(name: str, description: str, *levels: str) -> Criterion:
    return Criterion(name, description, tuple(Level(n, i + 1, d) for i, (n, d) in enumerate(zip(_LEVELS, levels))))


RUBRIC = Rubric(
    principle="L1",
    notebook="leadership/L1-professional-development-and-training.ipynb",
    exercises=(
        Exercise(
            "l1-top-need",
            "The training need that comes first",
            (Check("l1-top-need", "role and skill", 3, top_need),),
            hint="Average each role's self-ratings per skill; the gap is the target minus that average (not below zero); multiply by every staff member in the role, not only those who answered.",
        ),
        Exercise(
            "l1-teacher-priorities",
            "Teachers' priorities, skill by skill",
            (Check("l1-teacher-priorities", "priority of each teacher skill", 2, teacher_priorities, rtol=0.001, partial=((0.05, 0.5),)),),
            hint="One entry per skill teachers were asked about: (target minus teachers' mean level, at least 0) times the number of teachers.",
        ),
        Exercise(
            "l1-unscheduled",
            "Offerings that do not fit this year",
            (Check("l1-unscheduled", "names, alphabetical", 3, unscheduled),),
            hint="Trainer hours are sections (participants over the section size, rounded up) times hours; an offering starts only after all its prerequisites have finished, and one whose prerequisite does not fit cannot fit either.",
        ),
        Exercise(
            "l1-ai-credential-month",
            "When the AI micro-credential can finish",
            (Check("l1-ai-credential-month", "finishing month", 2, ai_credential_month),),
            hint="Follow its chain of prerequisites: each must finish in an earlier month, and higher-priority offerings take the capacity first.",
        ),
        Exercise(
            "l1-workshop-per-trained",
            "Cost per trained teacher of the one-day workshop",
            (Check("l1-workshop-per-trained", "dollars per trained teacher", 3, workshop_per_trained, rtol=0.005, partial=((0.05, 0.5),)),),
            hint="Facilitation for every section, materials and a substitute day for every participant; divide by participants times the completion rate.",
        ),
        Exercise(
            "l1-models-within-cap",
            "Models the grant can pay for",
            (Check("l1-models-within-cap", "models at or under the cap, cheapest first", 3, models_within_cap, partial=((0.5, 0.5),)),),
            hint="Price the same cohort under each model at its own hours, section size and rates; compare the cost per teacher who completes with the cap.",
        ),
        Exercise(
            "l1-funded",
            "Offerings funded within this year's money",
            (Check("l1-funded", "funded offerings in funding order", 3, funded, partial=((0.5, 0.5),)),),
            hint="Value per dollar is the offering's priority over its total cost; go down that list and skip what no longer fits the money left.",
        ),
        Exercise(
            "l1-iste-gaps",
            "ISTE educator roles no offering addresses",
            (Check("l1-iste-gaps", "roles in ISTE's order", 2, iste_gaps),),
            hint="Collect every role named in the standards column; the gaps are the seven roles not among them, in ISTE's order.",
        ),
    ),
    reflections=(
        Reflection(
            "l1-reflect-model-pilot",
            "A model for your top need: the research behind it, its cost per trained staff member and per contact hour, and the pilot you would run first.",
            (
                _criterion("Research", "Uses the research in the readings on the chosen model, accurately and with its limits.",
                           "no research", "names research without linking it to the choice", "links the model's evidence to the need",
                           "weighs the evidence, including what it does not show"),
                _criterion("Cost", "Prices the model per trained staff member and per contact hour, release time or stipends included.",
                           "no figures", "a total only", "both ratios with release time or stipends",
                           "both ratios and what would change them (completion, rates, section size)"),
                _criterion("Pilot design", "A pilot with a comparison, an evidence tier, and measures at Guskey's levels.",
                           "no pilot", "a pilot without a comparison or measures", "a comparison and measures at two levels",
                           "a comparison, the tier it can reach, measures at three or more levels and a decision rule"),
            ),
        ),
        Reflection(
            "l1-reflect-own-growth",
            "Your own growth: a self-assessment against ISTE's leader standards or CoSN's framework, the plan that closes two gaps, and its evidence.",
            (
                _criterion("Self-assessment", "Assesses themselves against a named framework and picks areas that matter for their district.",
                           "no framework", "a framework, generic areas", "two areas, justified for their district",
                           "two areas justified with evidence from their own work"),
                _criterion("Plan and evidence", "Activities, evidence of growth, dates and who sees the evidence.",
                           "activities only", "activities and dates", "activities, evidence and dates",
                           "all of these, and who reviews the evidence when"),
                _criterion("Modelling learning", "How the leader's own learning shapes the culture staff train in.",
                           "not addressed", "a general statement", "a specific practice", "a specific practice and how they will know it works"),
            ),
        ),
    ),
)
