"""Rubric for T1 Security Fundamentals (public checks and reflection criteria).

Expected values are computed from the notebook's parameters and district by
the same library the candidate uses. This file ships with the candidate
edition: it drives the self-check. Hidden checks live in ``hidden/T1.py``.
"""

from __future__ import annotations

from workbook.rubric import Check, Context, Criterion, derived, Exercise, Level, Reflection, Rubric
from workbook.principles.t1.givens import (
    ig1_in_place,
    insurer_required_cost,
    HIGH_LEVELS,
    bia_processes,
    district_register,
    ransomware_scenario,
    security_budget_cap,
    security_controls,
)
from workbook.tools.continuity import bia
from workbook.tools.risk import ale, residual_ale, residual_risk, safeguard_value
from workbook.tools.security_assessment import ig1_gap_assessment
from workbook.tools.security_budget import first_divergence, security_budget


@derived
def _register(ctx: Context):
    return district_register(ctx.district, ctx["seed"])


def high_risks(ctx: Context) -> int:
    return int(_register(ctx)["level"].isin(HIGH_LEVELS).sum())


def top_risk(ctx: Context) -> str:
    return str(_register(ctx).loc[0, "id"])


def ransomware_ale(ctx: Context) -> float:
    s = ransomware_scenario(ctx.district, ctx["seed"])
    return ale(s.asset_value, s.exposure_factor, s.aro)


def ransomware_safeguard_value(ctx: Context) -> float:
    s = ransomware_scenario(ctx.district, ctx["seed"])
    before = ale(s.asset_value, s.exposure_factor, s.aro)
    after = residual_ale(s.asset_value, s.exposure_factor, s.aro, s.effectiveness)
    return safeguard_value(before, after, s.annual_cost)


def top_residual_level(ctx: Context) -> str:
    top = _register(ctx).iloc[0]
    return residual_risk(top["likelihood"], top["impact"], ctx["control_effectiveness"])["residual_level"]


def budget_reduction(ctx: Context) -> float:
    controls = security_controls(ctx.district, ctx["seed"])
    return security_budget(controls, security_budget_cap(ctx.district, ctx["seed"])).attrs["chosen_reduction"]


def ig1_next_control(ctx: Context) -> int:
    return int(ig1_gap_assessment(ig1_in_place(ctx.district, ctx["seed"])).loc[0, "control"])


def ig1_coverage(ctx: Context) -> float:
    return round(ig1_gap_assessment(ig1_in_place(ctx.district, ctx["seed"])).attrs["coverage"], 3)


def greedy_gap_cap(ctx: Context) -> float:
    return first_divergence(security_controls(ctx.district, ctx["seed"])) or 0.0


def insurance_shortfall(ctx: Context) -> float:
    controls = security_controls(ctx.district, ctx["seed"])
    return max(0.0, insurer_required_cost(controls) - security_budget_cap(ctx.district, ctx["seed"]))


def bia_failing(ctx: Context) -> list[str]:
    table = bia(bia_processes(ctx.district, ctx["seed"]))
    return table.loc[~table["ok"], "process"].tolist()


_MONEY = {"rtol": 0.005, "partial": ((0.05, 0.5),)}

RUBRIC = Rubric(
    principle="T1",
    notebook="technology/T1-security-fundamentals.ipynb",
    exercises=(
        Exercise(
            "t1-high-risks",
            "Risks rated High or Very High",
            (Check("t1-high-risks", "count of High and Very High risks", 2, high_risks),),
            hint="Count the rows whose Table I-2 level is High or Very High; the score only orders risks within a level.",
        ),
        Exercise(
            "t1-top-risk",
            "The register's top risk",
            (Check("t1-top-risk", "id of the rank-1 risk", 2, top_risk),),
            hint="The register is ranked by level, then score, then id: record the id (text such as 'R04') of the row ranked 1.",
        ),
        Exercise(
            "t1-ransomware-ale",
            "ALE of the ransomware risk",
            (Check("t1-ransomware-ale", "annualized loss expectancy", 3, ransomware_ale, **_MONEY),),
            hint="Annualized loss expectancy = asset value x exposure factor x annualized rate of occurrence.",
        ),
        Exercise(
            "t1-safeguard-value",
            "Yearly value of the backup-and-EDR safeguard",
            (Check("t1-safeguard-value", "ALE before - ALE after - annual cost", 3, ransomware_safeguard_value, rtol=0.005, atol=1.0, partial=((0.05, 0.5),)),),
            hint="The loss expected with the safeguard uses the rate of occurrence cut by the share of events prevented; value = ALE before - ALE after - annual cost.",
        ),
        Exercise(
            "t1-residual-level",
            "Residual level of the top risk after a control",
            (Check("t1-residual-level", "residual level (Table I-2)", 2, top_residual_level),),
            hint="Move the likelihood of the rank-1 risk down by the control's effectiveness on the 0-100 scale, keep the impact, and read Table I-2; record a level name.",
        ),
        Exercise(
            "t1-ig1-next-control",
            "The CIS Control with the most IG1 safeguards missing",
            (Check("t1-ig1-next-control", "control number", 3, ig1_next_control),),
            hint="Missing = the control's IG1 safeguards minus those in place; the largest wins, ties go to the smaller control number.",
        ),
        Exercise(
            "t1-ig1-coverage",
            "Share of IG1 in place",
            (Check("t1-ig1-coverage", "safeguards in place / 56, 3 decimals", 2, ig1_coverage, atol=0.0005, partial=((0.02, 0.5),)),),
            hint="Add up the safeguards in place over all controls and divide by the 56 IG1 safeguards; round to 3 decimals.",
        ),
        Exercise(
            "t1-budget-reduction",
            "Loss reduced by the best security budget under the cap",
            (Check("t1-budget-reduction", "ALE reduced by the best set", 4, budget_reduction, **_MONEY),),
            hint="The best set under the cap, not the greedy one; overlapping controls on one risk combine as 1 - (1 - a)(1 - b) of its loss.",
        ),
        Exercise(
            "t1-greedy-gap-cap",
            "The smallest cap at which the greedy ranking falls short",
            (Check("t1-greedy-gap-cap", "cap in dollars", 4, greedy_gap_cap, rtol=0.0, atol=0.5),),
            hint="Try each cap equal to the total cost of some set of controls, smallest first; compare the greedy ranking's loss reduced with the best set's.",
        ),
        Exercise(
            "t1-insurance-shortfall",
            "What the insurer's conditions cost beyond the cap",
            (Check("t1-insurance-shortfall", "shortfall in dollars", 3, insurance_shortfall, rtol=0.001, atol=0.5, partial=((0.05, 0.5),)),),
            hint="Add the annual costs of the three required controls and subtract the cap; a negative result means no shortfall (0).",
        ),
        Exercise(
            "t1-bia-failing",
            "Processes that fail the business impact analysis",
            (Check("t1-bia-failing", "processes failing MTD or RPO, in table order", 3, bia_failing, partial=((0.0, 0.5),)),),
            hint="A process fails when RTO + WRT exceeds its MTD or its backup interval exceeds its RPO; list the names in table order.",
        ),
    ),
    reflections=(
        Reflection(
            "t1-reflect-incident",
            "An incident you know: the properties it harmed, the NIST CSF 2.0 functions that worked or were missing, and what a BIA beforehand would have changed.",
            (
                Criterion("Security concepts", "Names the confidentiality, integrity and availability harm precisely.", (
                    Level("beginning", 1, "describes the incident without the three properties"),
                    Level("developing", 2, "names a property loosely"),
                    Level("proficient", 3, "names each property harmed and how"),
                    Level("exemplary", 4, "distinguishes primary and secondary harms and their consequences for students and staff"),
                )),
                Criterion("Framework", "Maps the response to the six CSF 2.0 functions, Govern included.", (
                    Level("beginning", 1, "no framework"),
                    Level("developing", 2, "one or two functions"),
                    Level("proficient", 3, "the functions that worked and those missing"),
                    Level("exemplary", 4, "the gaps with a concrete safeguard for each, from CIS IG1 or K12 SIX"),
                )),
                Criterion("Continuity", "Uses MTD, RTO, WRT and RPO to judge the recovery.", (
                    Level("beginning", 1, "no continuity terms"),
                    Level("developing", 2, "terms named but not applied"),
                    Level("proficient", 3, "objectives set for the affected process and compared with what happened"),
                    Level("exemplary", 4, "objectives, the gap, and a change to backups or recovery that closes it"),
                )),
            ),
        ),
        Reflection(
            "t1-reflect-cabinet",
            "Five minutes with your cabinet: the top risks in plain words, what the chosen controls buy, what is left out and why, and how you would measure success.",
            (
                Criterion("Risk communication", "Explains the top risks without jargon, with likelihood and impact.", (
                    Level("beginning", 1, "jargon or a list of products"),
                    Level("developing", 2, "risks named, little sense of scale"),
                    Level("proficient", 3, "plain words, likelihood and impact for each top risk"),
                    Level("exemplary", 4, "plain words tied to the district's mission (instruction, safety, payroll)"),
                )),
                Criterion("Budget reasoning", "Uses loss reduced per dollar and is honest about uncertainty and overlap.", (
                    Level("beginning", 1, "no numbers"),
                    Level("developing", 2, "costs without avoided loss"),
                    Level("proficient", 3, "avoided loss per dollar, the cap, and what is left out"),
                    Level("exemplary", 4, "adds the greedy/best difference or a what-if on effectiveness"),
                )),
                Criterion("Accountability", "Names measures, owners and a date to review.", (
                    Level("beginning", 1, "no measures"),
                    Level("developing", 2, "a generic measure"),
                    Level("proficient", 3, "specific measures with owners"),
                    Level("exemplary", 4, "measures, owners, baseline and a review date"),
                )),
            ),
        ),
    ),
)
