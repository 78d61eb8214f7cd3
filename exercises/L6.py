"""Rubric for L6 Fiscal Management (public checks and reflection criteria).

Expected values are computed from the notebook's parameters and district by
the same library the candidate uses. This file ships with the candidate
edition: it drives the self-check. Hidden checks live in ``hidden/L6.py``.
"""

from __future__ import annotations

from workbook.rubric import Check, Context, Criterion, Exercise, Level, Reflection, Rubric
from workbook.principles.l6.givens import budget_lines_with_grant, device_program_inputs, phone_migration
from workbook.tools.budget import budget_worksheet
from workbook.tools.finance import irr, npv, payback_period
from workbook.tools.tco_devices import device_program_tco, tco_by_refresh_cycle


def _inputs(ctx: Context):
    return device_program_inputs(ctx.district, ctx["seed"], years=ctx["horizon_years"])


def tco_total(ctx: Context) -> float:
    return device_program_tco(**_inputs(ctx).as_kwargs()).total


def tco_per_device_year(ctx: Context) -> float:
    return device_program_tco(**_inputs(ctx).as_kwargs()).per_device_year


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
            hint="Use device_program_tco(**inputs.as_kwargs()) and record its .total; every category counts, hidden costs included.",
        ),
        Exercise(
            "l6-tco-per-device-year",
            "TCO per device-year",
            (Check("l6-tco-per-device-year", "cost per device-year", 2, tco_per_device_year, **_MONEY),),
            hint="Total cost divided by (devices x years): the result's .per_device_year.",
        ),
        Exercise(
            "l6-phone-npv",
            "NPV of the phone migration",
            (Check("l6-phone-npv", "NPV at the discount rate", 3, phone_npv, **_MONEY),),
            hint="Year 0 is the migration cost and is not discounted: npv(discount_rate, phone.cashflows()).",
        ),
        Exercise(
            "l6-phone-irr",
            "IRR of the phone migration",
            (Check("l6-phone-irr", "internal rate of return", 2, phone_irr, rtol=0.001, atol=0.0005, partial=((0.02, 0.5),)),),
            hint="IRR is a fraction (0.12 is 12%): irr(phone.cashflows()).",
        ),
        Exercise(
            "l6-phone-payback",
            "Payback of the phone migration",
            (Check("l6-phone-payback", "simple payback in years", 2, phone_payback, rtol=0.01, partial=((0.15, 0.5),)),),
            hint="Simple payback counts undiscounted flows and interpolates within the year: payback_period(flows).",
        ),
        Exercise(
            "l6-refresh-per-device-year",
            "TCO per device-year by refresh cycle",
            (Check("l6-refresh-per-device-year", "per device-year for 3, 4, 5 and 6 years", 3, refresh_per_device_year, rtol=0.005, partial=((0.05, 0.5),)),),
            hint="Record the per_device_year column of tco_by_refresh_cycle(cycles=(3, 4, 5, 6), credit_residual=True, ...).",
        ),
        Exercise(
            "l6-budget-unrestricted-net",
            "Third-year unrestricted net of the budget",
            (Check("l6-budget-unrestricted-net", "unrestricted net, third year", 4, budget_unrestricted_net, rtol=0.005, atol=1.0, partial=((0.05, 0.5),)),),
            hint="Take the summary's ('unrestricted', 'net') row and its last year; the grant is restricted and stays out of it.",
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
