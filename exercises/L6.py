"""Rubric for L6 Fiscal Management (public checks and reflection criteria).

Expected values are computed from the notebook's parameters and district by
the same library the candidate uses. This file ships with the candidate
edition: it drives the self-check. Hidden checks live in ``hidden/L6.py``.
"""

from __future__ import annotations

from workbook.rubric import Check, Context, Criterion, derived, Exercise, Level, Reflection, Rubric
from workbook.principles.l6.givens import (
    budget_lines_with_grant,
    device_program_inputs,
    hosting_move,
    phone_migration,
    platform_age_at_purchase,
    title_iv_a_scenario,
)
from workbook.tools.budget import budget_worksheet
from workbook.tools.finance import SENSITIVITY_RATES, irr, npv, payback_period
from workbook.tools.title_iv import largest_infrastructure_purchase
from workbook.tools.tco_devices import device_program_tco, tco_by_refresh_cycle


@derived
def _inputs(ctx: Context):
    return device_program_inputs(ctx.district, ctx["seed"], years=ctx["horizon_years"])


def tco_total(ctx: Context) -> float:
    return device_program_tco(**_inputs(ctx).as_kwargs()).total


def tco_per_device_year(ctx: Context) -> float:
    return device_program_tco(**_inputs(ctx).as_kwargs()).per_device_year


@derived
def _phone_flows(ctx: Context) -> list[float]:
    return phone_migration(ctx.district, ctx["seed"], years=ctx["phone_years"]).cashflows()


def phone_npv(ctx: Context) -> float:
    return npv(ctx["discount_rate"], _phone_flows(ctx))


def phone_irr(ctx: Context) -> float | None:
    return irr(_phone_flows(ctx))


def phone_payback(ctx: Context) -> float | None:
    return payback_period(_phone_flows(ctx))


def refresh_per_device_year(ctx: Context):
    options = {k: v for k, v in _inputs(ctx).as_kwargs().items() if k != "refresh_years"}
    return tco_by_refresh_cycle(cycles=(3, 4, 5, 6), credit_residual=True, **options)["per_device_year"]


def rates_recommend(ctx: Context) -> list[float]:
    flows = hosting_move(ctx.district, ctx["seed"]).cashflows()
    return [r for r in SENSITIVITY_RATES if npv(r, flows) >= 0]


def refresh_choice(ctx: Context) -> int:
    table = refresh_per_device_year(ctx)
    life = 10 - platform_age_at_purchase(ctx["seed"])
    allowed = table[[c <= life for c in table.index]]
    best = allowed.min()
    return int(min(c for c, v in allowed.items() if v <= best + 1e-9))


def title_iv_device_cap(ctx: Context) -> float:
    return largest_infrastructure_purchase(title_iv_a_scenario(ctx.district, ctx["seed"]).technology)


def budget_unrestricted_net(ctx: Context) -> float:
    lines, one_time = budget_lines_with_grant(ctx.district, ctx["seed"], ctx["fiscal_year"])
    sheet = budget_worksheet(lines, ctx["fiscal_year"], 3, one_time=one_time)
    return float(sheet.summary().loc[("unrestricted", "net")].iloc[-1])


_MONEY = {"rtol": 0.005, "partial": ((0.05, 0.5),)}

RUBRIC = Rubric(
    principle="L6",
    notebook="leadership/L6-fiscal-management.ipynb",
    exercises=(
        Exercise(
            "l6-tco-5yr",
            "Five-year TCO of a 1:1 Chromebook program",
            (Check("l6-tco-5yr", "total over the horizon", 4, tco_total, **_MONEY),),
            hint="Every category counts over the horizon, hidden costs (user support time, downtime) included, with the device refresh on its cycle.",
        ),
        Exercise(
            "l6-tco-per-device-year",
            "TCO per device-year",
            (Check("l6-tco-per-device-year", "cost per device-year", 2, tco_per_device_year, **_MONEY),),
            hint="Total cost divided by (devices x years), without any residual-value credit.",
        ),
        Exercise(
            "l6-phone-npv",
            "NPV of the phone migration",
            (Check("l6-phone-npv", "NPV at the discount rate", 3, phone_npv, **_MONEY),),
            hint="Year 0 is the migration cost and is not discounted; each later year's saving is divided by (1 + rate) to the power of its year.",
        ),
        Exercise(
            "l6-phone-irr",
            "IRR of the phone migration",
            (Check("l6-phone-irr", "internal rate of return", 2, phone_irr, rtol=0.001, atol=0.0005, partial=((0.02, 0.5),)),),
            hint="The rate at which the NPV of the flows is zero, as a fraction (0.12 is 12%).",
        ),
        Exercise(
            "l6-phone-payback",
            "Payback of the phone migration",
            (Check("l6-phone-payback", "simple payback in years", 2, phone_payback, rtol=0.01, partial=((0.15, 0.5),)),),
            hint="Undiscounted flows; the year in which the cumulative flow reaches zero, interpolated within the year.",
        ),
        Exercise(
            "l6-rates-recommend",
            "The discount rates at which the hosting move still pays",
            (Check("l6-rates-recommend", "rates with NPV >= 0, increasing", 3, rates_recommend, partial=((0.5, 0.5),)),),
            hint="Compute the move's NPV at 2%, 3%, 5% and 7%; keep the rates at which it is zero or positive, smallest first.",
        ),
        Exercise(
            "l6-refresh-per-device-year",
            "TCO per device-year by refresh cycle",
            (Check("l6-refresh-per-device-year", "per device-year for 3, 4, 5 and 6 years", 3, refresh_per_device_year, rtol=0.005, partial=((0.05, 0.5),)),),
            hint="Same inputs as Exercise 1 for cycles of 3, 4, 5 and 6 years, crediting devices still in service at the horizon for their remaining life.",
        ),
        Exercise(
            "l6-refresh-choice",
            "The refresh cycle to recommend",
            (Check("l6-refresh-choice", "cycle in years", 3, refresh_choice),),
            hint="Updates last 10 years from the platform's release, so a device bought that many years after release has 10 minus that many years; among cycles that fit, the lowest cost per device-year wins (ties: the shorter cycle).",
        ),
        Exercise(
            "l6-title-iv-device-cap",
            "The most Title IV-A can spend on devices this year",
            (Check("l6-title-iv-device-cap", "15% of the technology part, dollars", 3, title_iv_device_cap, rtol=0.001, atol=0.5, partial=((0.05, 0.5),)),),
            hint="Technology infrastructure (devices, equipment, software) may take at most 15% of the year's technology part of the allocation.",
        ),
        Exercise(
            "l6-budget-unrestricted-net",
            "Third-year unrestricted net of the budget",
            (Check("l6-budget-unrestricted-net", "unrestricted net, third year", 4, budget_unrestricted_net, rtol=0.005, atol=1.0, partial=((0.05, 0.5),)),),
            hint="Unrestricted revenue minus unrestricted expenditure in the third year; the Title IV-A lines are restricted and balance to zero.",
        ),
    ),
    reflections=(
        Reflection(
            "l6-reflect-tco-story",
            "The cost nobody budgeted: an initiative whose real cost exceeded its price, the forgotten costs, where they landed, and what a TCO estimate would have changed.",
            (
                Criterion("TCO reasoning", "Names specific direct and indirect (forgotten) costs and connects them to TCO per device-year.", (
                    Level("beginning", 1, "mentions cost overruns without naming categories"),
                    Level("developing", 2, "names some categories, little connection to TCO"),
                    Level("proficient", 3, "names several categories and explains how a TCO estimate would have exposed them"),
                    Level("exemplary", 4, "quantifies the hidden costs and shows how the decision or plan would change"),
                )),
                Criterion("Fiscal placement", "Locates the costs in the budget: fund, resource (restricted or not) and object.", (
                    Level("beginning", 1, "no budget placement"),
                    Level("developing", 2, "general placement (\"the general fund\")"),
                    Level("proficient", 3, "resource and object named correctly"),
                    Level("exemplary", 4, "placement plus its consequence (e.g. a grant ending, a fiscal cliff)"),
                )),
                Criterion("Leadership insight", "Draws a lesson the candidate would act on as a district technology leader.", (
                    Level("beginning", 1, "no lesson"),
                    Level("developing", 2, "a generic lesson"),
                    Level("proficient", 3, "a specific lesson for their district"),
                    Level("exemplary", 4, "a specific practice they will adopt, with who and when"),
                )),
            ),
        ),
        Reflection(
            "l6-reflect-voi-board",
            "Value for your board: a project framed with CoSN's Value of Investment, its qualitative benefits, main risk, funding source, and what to say if the NPV is negative.",
            (
                Criterion("Value of Investment", "Uses the five VOI steps: cost, savings, measurable qualitative benefits tied to LCAP goals, risk, comparison.", (
                    Level("beginning", 1, "one or two steps"),
                    Level("developing", 2, "most steps, benefits not measurable"),
                    Level("proficient", 3, "all steps with two measurable benefits tied to LCAP goals"),
                    Level("exemplary", 4, "all steps, measures with baselines and a comparison with an alternative"),
                )),
                Criterion("Funding source", "Chooses restricted or unrestricted, one-time or ongoing money, and justifies the choice.", (
                    Level("beginning", 1, "no source"),
                    Level("developing", 2, "a source without justification"),
                    Level("proficient", 3, "a justified source"),
                    Level("exemplary", 4, "a justified source and a plan for when one-time money ends"),
                )),
                Criterion("Communication", "Speaks to a school board: plain language, honest about a negative NPV, a clear ask.", (
                    Level("beginning", 1, "jargon, no ask"),
                    Level("developing", 2, "some plain language"),
                    Level("proficient", 3, "plain, honest and a clear ask"),
                    Level("exemplary", 4, "persuasive without overselling; anticipates the board's question"),
                )),
            ),
        ),
    ),
)
