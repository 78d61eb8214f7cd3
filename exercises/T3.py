"""Rubric for T3 Technology Services (public checks and reflection criteria).

Expected values are computed from the notebook's parameters and district by
the same library the candidate uses (datasets generated from the district and
seed, calculators from workbook.tools.services). This file ships with the
candidate edition: it drives the self-check. Hidden checks live in ``hidden/T3.py``.
"""

from __future__ import annotations

import math
from typing import Any

from workbook.rubric import Check, Context, Criterion, Exercise, Level, Reflection, Rubric
from workbook.principles.t3.givens import (
    HIGH_PRIORITIES,
    refresh_inputs,
    sla_targets,
    software_as_of,
    student_fleet,
    support_technicians,
    supported_staff,
)
from workbook.tools.services import fleet_age_profile, refresh_schedule, sla_attainment, software_currency, staffing_ratios, time_to_resolve


def _cached(ctx: Context, key: str, make: Any) -> Any:
    """Datasets are generated once per context (the self-check calls several checks)."""
    store = ctx.__dict__.setdefault("_t3_cache", {})
    if key not in store:
        store[key] = make()
    return store[key]


def _inventory(ctx: Context):
    from workbook.datasets import device_inventory

    return _cached(ctx, "devices", lambda: device_inventory(ctx.district, ctx["seed"], ctx["fiscal_year"]))


def _software(ctx: Context):
    from workbook.datasets import software_inventory

    return _cached(ctx, "software", lambda: software_inventory(ctx.district, ctx["seed"], ctx["fiscal_year"]))


def _tickets(ctx: Context):
    from workbook.datasets import helpdesk_tickets

    return _cached(ctx, "tickets", lambda: helpdesk_tickets(ctx.district, ctx["seed"], ctx["fiscal_year"]))


def past_lifespan(ctx: Context) -> int:
    profile = fleet_age_profile(_inventory(ctx), ctx["fiscal_year"], lifespan_years=ctx.district.devices.lifespan_years)
    return int(profile.loc[profile["past_lifespan"], "devices"].sum())


def refresh_plan(ctx: Context):
    inputs = refresh_inputs(ctx.district, ctx["seed"], ctx["fiscal_year"], years=ctx["plan_years"])
    return refresh_schedule(student_fleet(_inventory(ctx)), **inputs.as_kwargs())


def refresh_replaced(ctx: Context):
    return refresh_plan(ctx)["replaced"]


def _currency(ctx: Context):
    return software_currency(_software(ctx), software_as_of(ctx["fiscal_year"]), horizon_days=365)


def software_cost(ctx: Context) -> float:
    return float(_currency(ctx)["cost_to_stay_current"].sum())


def software_ending(ctx: Context) -> list[str]:
    table = _currency(ctx)
    return sorted(set(table.loc[table["status"] == "ending soon", "product"]))


def _ttr(ctx: Context):
    return _cached(ctx, "ttr", lambda: time_to_resolve(_tickets(ctx)))


def ttr_median(ctx: Context) -> float:
    return float(_ttr(ctx).loc[0, "median_hours"])


def ttr_p90(ctx: Context) -> float:
    return float(_ttr(ctx).loc[0, "p90_hours"])


def sla_high(ctx: Context) -> dict[str, float | None]:
    targets = sla_targets(ctx["sla_p1_hours"], ctx["sla_p2_hours"])
    table = _cached(ctx, f"sla{sorted(targets.items())}", lambda: sla_attainment(_tickets(ctx), targets)).set_index("priority")
    # A priority with no resolved ticket has no attainment (NaN): any recorded answer is accepted for it.
    values = {p: float(table.loc[p, "attainment"]) if p in table.index else math.nan for p in HIGH_PRIORITIES}
    return {p: (None if math.isnan(v) else v) for p, v in values.items()}


def devices_per_technician(ctx: Context) -> float:
    devices = int(_inventory(ctx)["count"].sum())
    ratios = staffing_ratios(devices, supported_staff(ctx.district), support_technicians(ctx.district, ctx["seed"]))
    return ratios["devices_per_technician"]


_MONEY = {"rtol": 0.005, "partial": ((0.05, 0.5),)}

RUBRIC = Rubric(
    principle="T3",
    notebook="technology/T3-technology-services.ipynb",
    exercises=(
        Exercise(
            "t3-past-lifespan",
            "Devices at or past their planned life",
            (Check("t3-past-lifespan", "devices at or past lifespan", 2, past_lifespan, partial=((0.05, 0.5),)),),
            hint="fleet_age_profile(devices, fiscal_year, lifespan_years=...) with the district's planned lifespan; add the devices of the rows marked past_lifespan (student and staff devices together).",
        ),
        Exercise(
            "t3-refresh-replaced",
            "Devices replaced each year under the budget",
            (Check("t3-refresh-replaced", "devices replaced per year", 3, refresh_replaced, partial=((0.05, 0.5),)),),
            hint="refresh_schedule(student_fleet(devices), **refresh.as_kwargs()) and record its replaced column (one value per fiscal year).",
        ),
        Exercise(
            "t3-software-cost",
            "Cost to stay current for software ending within a year",
            (Check("t3-software-cost", "total cost to stay current", 2, software_cost, **_MONEY),),
            hint="software_currency(software, as_of, horizon_days=365) and add its cost_to_stay_current column (unsupported and ending-soon rows carry a cost).",
        ),
        Exercise(
            "t3-software-ending",
            "Products whose support ends within a year",
            (Check("t3-software-ending", "products ending soon", 2, software_ending),),
            hint="Rows whose status is 'ending soon'; each product name once, sorted alphabetically (already unsupported ones are not 'ending soon').",
        ),
        Exercise(
            "t3-ttr-median",
            "Median hours to resolve",
            (Check("t3-ttr-median", "median hours", 1, ttr_median, rtol=0.001, partial=((0.05, 0.5),)),),
            hint="time_to_resolve(tickets) over all resolved tickets: its median_hours.",
        ),
        Exercise(
            "t3-ttr-p90",
            "90th-percentile hours to resolve",
            (Check("t3-ttr-p90", "90th-percentile hours", 2, ttr_p90, rtol=0.001, partial=((0.05, 0.5),)),),
            hint="time_to_resolve(tickets) over all resolved tickets: its p90_hours.",
        ),
        Exercise(
            "t3-sla-high",
            "SLA attainment for high-priority tickets",
            (Check("t3-sla-high", "P1 and P2 attainment", 3, sla_high, rtol=0.001, partial=((0.02, 0.5),)),),
            hint='sla_attainment(tickets, targets) with targets = sla_targets(sla_p1_hours, sla_p2_hours); record {"P1": ..., "P2": ...} as fractions (0.62, not 62).',
        ),
        Exercise(
            "t3-devices-per-tech",
            "Devices per desktop support technician",
            (Check("t3-devices-per-tech", "devices per technician", 2, devices_per_technician, rtol=0.001, partial=((0.05, 0.5),)),),
            hint="Every device in the inventory (student and staff) divided by the support technicians (FTE): staffing_ratios(devices, staff, technicians).",
        ),
    ),
    reflections=(
        Reflection(
            "t3-reflect-service-catalogue",
            "Planning internal services: the department's service catalogue, the service levels it can honestly promise, and the staff each service needs.",
            (
                Criterion("Service planning", "Defines services from the user's side, with a level and hours for each.", (
                    Level("beginning", 1, "lists technologies rather than services"),
                    Level("developing", 2, "names services, levels vague"),
                    Level("proficient", 3, "services with measurable levels and hours"),
                    Level("exemplary", 4, "levels tied to evidence from the ticket analysis and to instructional priorities"),
                )),
                Criterion("Staffing", "Connects each service to the staff it needs and to ratios such as devices per technician.", (
                    Level("beginning", 1, "no staffing"),
                    Level("developing", 2, "a total head count only"),
                    Level("proficient", 3, "staff per service with a ratio or workload argument"),
                    Level("exemplary", 4, "a staffing case with trade-offs (automation, self-service, contracts)"),
                )),
                Criterion("Leadership insight", "Draws a decision the candidate would take in their district.", (
                    Level("beginning", 1, "no decision"),
                    Level("developing", 2, "a generic lesson"),
                    Level("proficient", 3, "a specific decision for their district"),
                    Level("exemplary", 4, "a decision with who, when and how it will be measured"),
                )),
            ),
        ),
        Reflection(
            "t3-reflect-currency-budget",
            "Hardware and software currency: what falls out of life or support in the plan period, what it costs, and how to present the refresh schedule to the cabinet.",
            (
                Criterion("Currency analysis", "Uses the fleet age, AUE and end-of-support dates to name what falls out of life when.", (
                    Level("beginning", 1, "no dates or ages"),
                    Level("developing", 2, "some dates, no consequence"),
                    Level("proficient", 3, "dates and ages with their risk and cost"),
                    Level("exemplary", 4, "a prioritized list with risk, cost and a mitigation for each"),
                )),
                Criterion("Budget reasoning", "Explains a level-loaded refresh against the annual budget, and what happens if it is cut.", (
                    Level("beginning", 1, "no budget"),
                    Level("developing", 2, "a total only"),
                    Level("proficient", 3, "a yearly schedule under the budget with the backlog it leaves"),
                    Level("exemplary", 4, "alternatives (longer life, fewer devices, different funding) with consequences"),
                )),
                Criterion("Communication", "Speaks to the cabinet: plain language, a clear ask.", (
                    Level("beginning", 1, "jargon, no ask"),
                    Level("developing", 2, "some plain language"),
                    Level("proficient", 3, "plain and a clear ask"),
                    Level("exemplary", 4, "anticipates the cabinet's questions"),
                )),
            ),
        ),
    ),
)
