"""Rubric for T3 Technology Services (public checks and reflection criteria).

Expected values are computed from the notebook's parameters and district by
the same library the candidate uses (datasets generated from the district and
seed, calculators from workbook.tools.services). This file ships with the
candidate edition: it drives the self-check. Hidden checks live in ``hidden/T3.py``.
"""

from __future__ import annotations

import math
from typing import Any

from workbook.rubric import Check, Context, Criterion, derived, Exercise, Level, Reflection, Rubric
from workbook.principles.t3.givens import (
    HIGH_PRIORITIES,
    refresh_inputs,
    service_catalogue,
    sla_targets,
    software_as_of,
    student_fleet,
    support_technicians,
    supported_staff,
)
from workbook.tools.services import (
    aue_within,
    fleet_age_profile,
    refresh_schedule,
    service_to_contract,
    sla_attainment,
    software_currency,
    staffing_gap,
    staffing_ratios,
    time_to_resolve,
)


@derived
def _inventory(ctx: Context):
    from workbook.datasets import device_inventory

    return device_inventory(ctx.district, ctx["seed"], ctx["fiscal_year"])


@derived
def _software(ctx: Context):
    from workbook.datasets import software_inventory

    return software_inventory(ctx.district, ctx["seed"], ctx["fiscal_year"])


@derived
def _tickets(ctx: Context):
    from workbook.datasets import helpdesk_tickets

    return helpdesk_tickets(ctx.district, ctx["seed"], ctx["fiscal_year"])


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


@derived
def _ttr(ctx: Context):
    return time_to_resolve(_tickets(ctx))


def ttr_median(ctx: Context) -> float:
    return float(_ttr(ctx).loc[0, "median_hours"])


def ttr_p90(ctx: Context) -> float:
    return float(_ttr(ctx).loc[0, "p90_hours"])


@derived
def _sla(ctx: Context):
    return sla_attainment(_tickets(ctx), sla_targets(ctx["sla_p1_hours"], ctx["sla_p2_hours"]))


def sla_high(ctx: Context) -> dict[str, float | None]:
    table = _sla(ctx).set_index("priority")
    # A priority with no resolved ticket has no attainment (NaN): any recorded answer is accepted for it.
    values = {p: float(table.loc[p, "attainment"]) if p in table.index else math.nan for p in HIGH_PRIORITIES}
    return {p: (None if math.isnan(v) else v) for p, v in values.items()}


def devices_per_technician(ctx: Context) -> float:
    devices = int(_inventory(ctx)["count"].sum())
    ratios = staffing_ratios(devices, supported_staff(ctx.district), support_technicians(ctx.district, ctx["seed"]))
    return ratios["devices_per_technician"]


def aue_in_plan(ctx: Context) -> int:
    from workbook.tools.fiscal_year import fiscal_year_start

    last = fiscal_year_start(ctx["fiscal_year"]) + ctx["plan_years"]
    return aue_within(student_fleet(_inventory(ctx)), last)


def staff_gap(ctx: Context) -> float:
    return staffing_gap(service_catalogue(ctx.district, ctx["seed"]), ctx.district.staff.it)


def contract_out(ctx: Context) -> str:
    catalogue = service_catalogue(ctx.district, ctx["seed"])
    return service_to_contract(catalogue, staffing_gap(catalogue, ctx.district.staff.it))


_MONEY = {"rtol": 0.005, "partial": ((0.05, 0.5),)}

RUBRIC = Rubric(
    principle="T3",
    notebook="technology/T3-technology-services.ipynb",
    exercises=(
        Exercise(
            "t3-past-lifespan",
            "Devices at or past their planned life",
            (Check("t3-past-lifespan", "devices at or past lifespan", 2, past_lifespan, partial=((0.05, 0.5),)),),
            hint="Age = the fiscal year's starting calendar year minus the purchase year; count every device (student and staff) whose age is at or above the planned lifespan.",
        ),
        Exercise(
            "t3-aue-in-plan",
            "Chromebooks whose updates end within the plan",
            (Check("t3-aue-in-plan", "student Chromebooks with AUE year <= the plan's last calendar year", 3, aue_in_plan, rtol=0, partial=((0.1, 0.5),)),),
            hint="AUE counts 10 years from the platform's release (older platforms by opting in); count student Chromebooks whose AUE year is at or before the calendar year in which the plan's last fiscal year ends.",
        ),
        Exercise(
            "t3-refresh-replaced",
            "Devices replaced each year under the budget",
            (Check("t3-refresh-replaced", "devices replaced per year", 3, refresh_replaced, partial=((0.05, 0.5),)),),
            hint="Each year buy the quota (fleet / life) plus as much of the backlog as the budget allows, oldest first, never over budget; record the devices replaced in each fiscal year.",
        ),
        Exercise(
            "t3-software-cost",
            "Cost to stay current for software ending within a year",
            (Check("t3-software-cost", "total cost to stay current", 2, software_cost, **_MONEY),),
            hint="On July 1 of the fiscal year with a one-year horizon, unsupported and ending-soon products carry count x upgrade cost per unit; add them up.",
        ),
        Exercise(
            "t3-software-ending",
            "Products whose support ends within a year",
            (Check("t3-software-ending", "products ending soon", 2, software_ending),),
            hint="Rows whose status is 'ending soon'; each product name once, sorted alphabetically (already unsupported ones are not 'ending soon').",
        ),
        Exercise(
            "t3-staff-gap",
            "How many FTE the draft catalogue is short",
            (Check("t3-staff-gap", "FTE needed minus IT staff, 1 decimal, 0 if enough", 2, staff_gap, atol=0.05, partial=((0.1, 0.5),)),),
            hint="Add the catalogue's FTE needed and subtract the IT staff of the district profile; round to 1 decimal; 0 when the staff suffice.",
        ),
        Exercise(
            "t3-contract-out",
            "The service to contract out",
            (Check("t3-contract-out", "smallest service covering the gap, else the largest, else 'none'", 3, contract_out),),
            hint="Among services whose FTE covers the gap take the smallest; if none covers it, the largest; with no gap, 'none'. Ties go to the service listed first.",
        ),
        Exercise(
            "t3-ttr-median",
            "Median hours to resolve",
            (Check("t3-ttr-median", "median hours", 1, ttr_median, rtol=0.001, partial=((0.05, 0.5),)),),
            hint="Over resolved tickets only, the median of calendar hours from opened to resolved (linear interpolation between tickets).",
        ),
        Exercise(
            "t3-ttr-p90",
            "90th-percentile hours to resolve",
            (Check("t3-ttr-p90", "90th-percentile hours", 2, ttr_p90, rtol=0.001, partial=((0.05, 0.5),)),),
            hint="Over resolved tickets only, the 90th percentile of calendar hours from opened to resolved (linear interpolation between tickets).",
        ),
        Exercise(
            "t3-sla-high",
            "SLA attainment for high-priority tickets",
            (Check("t3-sla-high", "P1 and P2 attainment", 3, sla_high, rtol=0.001, partial=((0.02, 0.5),)),),
            hint="Business hours (07:30-16:30, Monday to Friday); tickets still open past their target when the log ends are misses; record {'P1': ..., 'P2': ...} as fractions (0.62, not 62).",
        ),
        Exercise(
            "t3-devices-per-tech",
            "Devices per desktop support technician",
            (Check("t3-devices-per-tech", "devices per technician", 2, devices_per_technician, rtol=0.001, partial=((0.05, 0.5),)),),
            hint="Every device in the inventory (student and staff) divided by the support technicians (FTE).",
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
