"""Rubric for T2 Infrastructure (public checks and reflection criteria).

Expected values are computed from the notebook's parameters and district by
the same library the candidate uses. This file ships with the candidate
edition: it drives the self-check. Hidden checks live in ``hidden/T2.py``.
"""

from __future__ import annotations

from workbook.rubric import Check, Context, Criterion, Exercise, Level, Reflection, Rubric
from workbook.principles.t2.givens import current_peak_mbps, district_users, largest_site, wan_paths
from workbook.tools.infrastructure import (
    access_points_needed,
    availability_parallel,
    availability_series,
    bandwidth_need,
    bandwidth_projection,
    c2_five_year_budget,
    downtime_per_year,
    wan_need,
)


def internet_need(ctx: Context) -> float:
    return bandwidth_need(district_users(ctx.district), ctx["fiscal_year"])


def projected_demand(ctx: Context) -> float:
    peak = current_peak_mbps(ctx.district, ctx["seed"], ctx["fiscal_year"])
    return float(bandwidth_projection(peak, ctx["growth"], ctx["projection_years"])["mbps"].iloc[-1])


def site_wan_need(ctx: Context) -> float:
    return wan_need(largest_site(ctx.district, ctx["seed"]).users)


def site_access_points(ctx: Context) -> int:
    site = largest_site(ctx.district, ctx["seed"])
    return access_points_needed(site.classrooms, site.concurrent_devices, site.clients_per_ap)


def downtime_single(ctx: Context) -> float:
    p = wan_paths(ctx.district, ctx["seed"])
    return downtime_per_year(availability_series(p.core, p.primary))


def downtime_redundant(ctx: Context) -> float:
    p = wan_paths(ctx.district, ctx["seed"])
    return downtime_per_year(availability_series(p.core, availability_parallel(p.primary, p.backup)))


def c2_district_share(ctx: Context) -> float:
    d = ctx.district
    return c2_five_year_budget(d.enrollment.total, d.nslp_pct, d.locale)["district_share"]


_MONEY = {"rtol": 0.005, "partial": ((0.05, 0.5),)}

RUBRIC = Rubric(
    principle="T2",
    notebook="technology/T2-infrastructure.ipynb",
    exercises=(
        Exercise(
            "t2-bandwidth-need",
            "Internet bandwidth the district needs this year",
            (Check("t2-bandwidth-need", "Mbps per the target that applies", 3, internet_need, rtol=0.001, partial=((0.05, 0.5),)),),
            hint="Users are students plus staff; bandwidth_need(users, fiscal_year) picks the SETDA target for the district's size.",
        ),
        Exercise(
            "t2-demand-projected",
            "Peak demand after the projection years",
            (Check("t2-demand-projected", "projected peak in Mbps", 3, projected_demand, rtol=0.005, partial=((0.05, 0.5),)),),
            hint="Grow today's planning peak (the 95th percentile of school-day peaks) at `growth` a year: the last row of bandwidth_projection(peak, growth, projection_years).",
        ),
        Exercise(
            "t2-wan-need",
            "WAN capacity for the largest school",
            (Check("t2-wan-need", "Mbps per FCC 14-99", 2, site_wan_need, rtol=0.001),),
            hint="10 Gbps per 1,000 users, where users are the school's students plus staff: wan_need(site.users).",
        ),
        Exercise(
            "t2-access-points",
            "Access points for the largest school",
            (Check("t2-access-points", "access points (coverage or capacity)", 3, site_access_points, rtol=0, partial=((0.1, 0.5),)),),
            hint="access_points_needed(site.classrooms, site.concurrent_devices, site.clients_per_ap): the larger of coverage and capacity.",
        ),
        Exercise(
            "t2-downtime-single",
            "Hours down a year without a backup link",
            (Check("t2-downtime-single", "hours a year, core and primary in series", 2, downtime_single, rtol=0.005, partial=((0.05, 0.5),)),),
            hint="The core and the primary link are both needed (in series): downtime_per_year(availability_series(core, primary)).",
        ),
        Exercise(
            "t2-downtime-redundant",
            "Hours down a year with the backup link",
            (Check("t2-downtime-redundant", "hours a year, core in series with primary || backup", 3, downtime_redundant, rtol=0.005, partial=((0.05, 0.5),)),),
            hint="The two links back each other up (in parallel) and the pair is in series with the core.",
        ),
        Exercise(
            "t2-c2-district-share",
            "District share of the E-rate Category 2 five-year budget",
            (Check("t2-c2-district-share", "district share in dollars", 3, c2_district_share, rtol=0.001, atol=1.0, partial=((0.05, 0.5),)),),
            hint="c2_five_year_budget(students, nslp_pct, locale) with students from enrollment: the district pays budget x (1 - discount).",
        ),
    ),
    reflections=(
        Reflection(
            "t2-reflect-spof",
            "The path from a school to a cloud service: components in series, single points of failure, the one that worries you most and the cost of removing it.",
            (
                Criterion("Systems thinking", "Lists the path completely: network, identity, power, hosted service.", (
                    Level("beginning", 1, "one or two components"),
                    Level("developing", 2, "the network path only"),
                    Level("proficient", 3, "network, identity and the hosted service"),
                    Level("exemplary", 4, "adds power, vendors and shared paths that break independence"),
                )),
                Criterion("Availability reasoning", "Uses series and parallel availability and hours down a year.", (
                    Level("beginning", 1, "no numbers"),
                    Level("developing", 2, "availability named, not computed"),
                    Level("proficient", 3, "downtime with and without redundancy computed"),
                    Level("exemplary", 4, "downtime compared with the cost of an hour down and of the fix"),
                )),
                Criterion("Priorities", "Chooses what to fix first and justifies it.", (
                    Level("beginning", 1, "no choice"),
                    Level("developing", 2, "a choice without reasons"),
                    Level("proficient", 3, "a justified choice"),
                    Level("exemplary", 4, "a justified choice with funding (E-rate or not) and timing"),
                )),
            ),
        ),
        Reflection(
            "t2-reflect-bandwidth-plan",
            "A paragraph for the superintendent: when the circuit runs out, the recommendation and bid timing, what E-rate changes, and the assumption most worth checking.",
            (
                Criterion("Targets and demand", "Compares measured demand, growth and the FCC/SETDA targets correctly.", (
                    Level("beginning", 1, "no comparison"),
                    Level("developing", 2, "target or demand alone"),
                    Level("proficient", 3, "both, with the year the circuit runs out"),
                    Level("exemplary", 4, "both, with growth tested at more than one rate"),
                )),
                Criterion("E-rate and timing", "Places the decision in the E-rate calendar and discount.", (
                    Level("beginning", 1, "no E-rate"),
                    Level("developing", 2, "E-rate named"),
                    Level("proficient", 3, "discount applied and Form 470 timing stated"),
                    Level("exemplary", 4, "category, discount, timing and the district's budget share"),
                )),
                Criterion("Communication", "Plain, brief and honest about assumptions.", (
                    Level("beginning", 1, "technical jargon"),
                    Level("developing", 2, "mostly plain"),
                    Level("proficient", 3, "plain with a clear recommendation"),
                    Level("exemplary", 4, "plain, a clear recommendation and the key assumption flagged"),
                )),
            ),
        ),
    ),
)
