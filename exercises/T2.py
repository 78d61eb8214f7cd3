"""Rubric for T2 Infrastructure (public checks and reflection criteria).

Expected values are computed from the notebook's parameters and district by
the same library the candidate uses. This file ships with the candidate
edition: it drives the self-check. Hidden checks live in ``hidden/T2.py``.
"""

from __future__ import annotations

from workbook.rubric import Check, Context, Criterion, Exercise, Level, Reflection, Rubric
from workbook.principles.t2.givens import (
    backup_link_cost,
    cep_identified_share,
    current_peak_mbps,
    district_students,
    largest_site,
    school_enrollments,
    wan_paths,
)
from workbook.tools.erate import cep_percentage, erate_discount, latest_form470_date
from workbook.tools.infrastructure import (
    access_points_needed,
    availability_parallel,
    availability_series,
    bandwidth_need,
    bandwidth_projection,
    c2_five_year_budget,
    downtime_per_year,
    smallest_link,
    wan_need,
)


def internet_need(ctx: Context) -> float:
    return bandwidth_need(district_students(ctx.district), ctx["fiscal_year"])


def projected_demand(ctx: Context) -> float:
    peak = current_peak_mbps(ctx.district, ctx["seed"], ctx["fiscal_year"])
    return float(bandwidth_projection(peak, ctx["growth"], ctx["projection_years"])["mbps"].iloc[-1])


def site_wan_need(ctx: Context) -> float:
    return wan_need(largest_site(ctx.district, ctx["seed"]).students)


def site_wan_link(ctx: Context) -> float:
    return smallest_link(site_wan_need(ctx))


def site_access_points(ctx: Context) -> int:
    site = largest_site(ctx.district, ctx["seed"])
    return access_points_needed(site.classrooms, site.concurrent_devices, site.clients_per_ap)


def downtime_single(ctx: Context) -> float:
    p = wan_paths(ctx.district, ctx["seed"])
    return downtime_per_year(availability_series(p.core, p.primary))


def downtime_redundant(ctx: Context) -> float:
    p = wan_paths(ctx.district, ctx["seed"])
    return downtime_per_year(availability_series(p.core, availability_parallel(p.primary, p.backup)))


def backup_worth_it(ctx: Context) -> bool:
    saved = downtime_single(ctx) - downtime_redundant(ctx)
    return bool(saved * ctx["downtime_cost_per_hour"] >= backup_link_cost(ctx.district, ctx["seed"]))


def form470_deadline(ctx: Context) -> str:
    return latest_form470_date(ctx["form471_window_close"])


def cep_discount(ctx: Context) -> float:
    d = ctx.district
    return erate_discount(cep_percentage(cep_identified_share(d, ctx["seed"])), d.locale, category=2)


def c2_district_share(ctx: Context) -> float:
    d = ctx.district
    pct = cep_percentage(cep_identified_share(d, ctx["seed"]))
    return c2_five_year_budget(school_enrollments(d, ctx["seed"]), pct, d.locale)["district_share"]


_MONEY = {"rtol": 0.005, "partial": ((0.05, 0.5),)}

RUBRIC = Rubric(
    principle="T2",
    notebook="technology/T2-infrastructure.ipynb",
    exercises=(
        Exercise(
            "t2-bandwidth-need",
            "Internet bandwidth the district needs this year",
            (Check("t2-bandwidth-need", "Mbps per the target that applies", 3, internet_need, rtol=0.001, partial=((0.05, 0.5),)),),
            hint="SETDA's 2016 targets count students only and size the district by students; apply the per-student figure, or the minimum for a small district.",
        ),
        Exercise(
            "t2-demand-projected",
            "Peak demand after the projection years",
            (Check("t2-demand-projected", "projected peak in Mbps", 3, projected_demand, rtol=0.005, partial=((0.05, 0.5),)),),
            hint="Grow today's planning peak (the 95th percentile of school-day peaks) by `growth` a year, compounding, for `projection_years` years.",
        ),
        Exercise(
            "t2-wan-link",
            "The link to order for the largest school",
            (Check("t2-wan-link", "smallest standard link (Mbps) carrying 10 Gbps per 1,000 students", 3, site_wan_link, rtol=0),),
            hint="The WAN target is 10 Gbps per 1,000 students of the school; order the smallest standard Ethernet size at or above it (10 Gbps does not carry 12).",
        ),
        Exercise(
            "t2-access-points",
            "Access points for the largest school",
            (Check("t2-access-points", "access points (coverage or capacity)", 3, site_access_points, rtol=0, partial=((0.1, 0.5),)),),
            hint="Coverage needs one per space; capacity needs concurrent devices / clients per access point, rounded up; install the larger.",
        ),
        Exercise(
            "t2-downtime-single",
            "Hours down a year without a backup link",
            (Check("t2-downtime-single", "hours a year, core and primary in series", 2, downtime_single, rtol=0.005, partial=((0.05, 0.5),)),),
            hint="Both components are needed, so their availabilities multiply; hours down = (1 - availability) x 8,760.",
        ),
        Exercise(
            "t2-downtime-redundant",
            "Hours down a year with the backup link",
            (Check("t2-downtime-redundant", "hours a year, core in series with primary || backup", 3, downtime_redundant, rtol=0.005, partial=((0.05, 0.5),)),),
            hint="The two links back each other up (in parallel: their chances of failure multiply) and the pair is in series with the core.",
        ),
        Exercise(
            "t2-backup-worth-it",
            "Is the backup link worth its cost?",
            (Check("t2-backup-worth-it", "hours saved x value of an hour >= annual cost", 3, backup_worth_it),),
            hint="Hours saved a year = downtime without the backup - downtime with it; compare their value at `downtime_cost_per_hour` with the link's annual cost.",
        ),
        Exercise(
            "t2-form470-deadline",
            "The last day to post the Form 470",
            (Check("t2-form470-deadline", "window close minus 28 days, as YYYY-MM-DD", 3, form470_deadline),),
            hint="The Form 471 must be filed by the window's close, and only after the Form 470 has been posted at least 28 days.",
        ),
        Exercise(
            "t2-cep-discount",
            "The district's Category 2 discount under CEP",
            (Check("t2-cep-discount", "C2 discount (fraction)", 2, cep_discount, rtol=0),),
            hint="Under CEP the discount percentage is identified students x 1.6, capped at 100%; read the Category 2 band for the district's locale.",
        ),
        Exercise(
            "t2-c2-district-share",
            "District share of the E-rate Category 2 five-year budget",
            (Check("t2-c2-district-share", "district share in dollars", 3, c2_district_share, rtol=0.001, atol=1.0, partial=((0.05, 0.5),)),),
            hint="Each school gets the per-student amount or the per-school floor, whichever is larger; sum over schools, then the district pays budget x (1 - its CEP discount).",
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
