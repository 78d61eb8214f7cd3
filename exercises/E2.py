"""Rubric for E2 Staff Centered Aspects (public checks and reflection criteria).

Expected values are computed from the notebook's parameters and district by
the same library the candidate uses. This file ships with the candidate
edition: it drives the self-check. Hidden checks live in ``hidden/E2.py``.
"""

from __future__ import annotations

from workbook.principles.e2.givens import (
    assignment_end,
    hr_feed,
    planned_changes,
    position_choice,
    recommended_position,
    review_date,
    team_credentials,
)
from workbook.rubric import Check, Context, Criterion, derived, Exercise, Level, Reflection, Rubric
from workbook.tools.staffing import accounts_to_disable, credential_status, needs_bargaining


@derived
def _choice(ctx: Context):
    return position_choice(ctx.district, ctx["seed"], ctx["fiscal_year"], ctx["workers_comp_rate"])


def tosa_cost(ctx: Context) -> float:
    return _choice(ctx).tosa_cost(ctx["fiscal_year"], ctx["workers_comp_rate"]).total


def specialist_cost(ctx: Context) -> float:
    return _choice(ctx).specialist_cost(ctx["fiscal_year"], ctx["workers_comp_rate"]).total


def position_to_fund(ctx: Context) -> str:
    return recommended_position(_choice(ctx), ctx["fiscal_year"], ctx["workers_comp_rate"])


def benefits_share(ctx: Context) -> float:
    return _choice(ctx).specialist_cost(ctx["fiscal_year"], ctx["workers_comp_rate"]).benefits_share


def credential_renewals(ctx: Context) -> list[str]:
    status = credential_status(team_credentials(ctx.district, ctx["seed"], ctx["fiscal_year"]), assignment_end(ctx["fiscal_year"]))
    return sorted(status.loc[status["status"].isin(["missing", "expires during the assignment"]), "id"])


def disable_accounts(ctx: Context) -> list[str]:
    people, accounts = hr_feed(ctx.district, ctx["seed"], ctx["fiscal_year"])
    return accounts_to_disable(accounts, people, review_date(ctx["fiscal_year"]))


def bargain_first(ctx: Context) -> list[str]:
    return needs_bargaining(planned_changes(ctx["seed"]))


_MONEY = {"rtol": 0.005, "partial": ((0.05, 0.5),)}
_LEVELS = ("beginning", "developing", "proficient", "exemplary")


def _criterion(name: str, description: str, *levels: str) -> Criterion:
    return Criterion(name, description, tuple(Level(n, i + 1, d) for i, (n, d) in enumerate(zip(_LEVELS, levels))))


RUBRIC = Rubric(
    principle="E2",
    notebook="education/E2-staff-centered-aspects.ipynb",
    exercises=(
        Exercise(
            "e2-tosa-cost",
            "Three-year cost of a teacher on special assignment",
            (Check("e2-tosa-cost", "three-year total, every employer cost", 3, tosa_cost, **_MONEY),),
            hint="Salary by step and year, then CalSTRS at each year's rate, Medicare, unemployment insurance, workers' compensation and health up to the certificated cap; no Social Security for CalSTRS members.",
        ),
        Exercise(
            "e2-specialist-cost",
            "Three-year cost of an instructional technology specialist",
            (Check("e2-specialist-cost", "three-year total, every employer cost", 3, specialist_cost, **_MONEY),),
            hint="Salary by step within the range and year, then CalPERS at each year's rate, Social Security, Medicare, unemployment insurance, workers' compensation and health up to the classified cap.",
        ),
        Exercise(
            "e2-position-choice",
            "The position to fund",
            (Check("e2-position-choice", "position name", 4, position_to_fund),),
            hint="First the rules that rule a position out (allocation, days, certificated duties); then, among what is left, cost per day worked.",
        ),
        Exercise(
            "e2-benefits-share",
            "The specialist's share of cost that is not salary",
            (Check("e2-benefits-share", "share of the three-year cost", 2, benefits_share, rtol=0.005, atol=0.001, partial=((0.05, 0.5),)),),
            hint="One minus the three years' salaries divided by the three-year total.",
        ),
        Exercise(
            "e2-credential-renewals",
            "Credentials to renew before the assignment year",
            (Check("e2-credential-renewals", "ids, sorted", 3, credential_renewals, partial=((0.5, 0.5),)),),
            hint="Only assignments that need a credential count; a credential must be on file and valid through June 30.",
        ),
        Exercise(
            "e2-disable-accounts",
            "Accounts to disable before school starts",
            (Check("e2-disable-accounts", "account names, sorted", 3, disable_accounts, partial=((0.5, 0.5),)),),
            hint="Active accounts only: a separation on or before the review date, or no HR record at all.",
        ),
        Exercise(
            "e2-bargain-first",
            "Changes that need notice and bargaining first",
            (Check("e2-bargain-first", "change ids in order", 3, bargain_first, partial=((0.5, 0.5),)),),
            hint="Ask of each change whether it touches hours, wages, safety, evaluation, discipline, transfer or another matter within scope, even if choosing the technology is the district's own decision.",
        ),
    ),
    reflections=(
        Reflection(
            "e2-reflect-position",
            "The position you would ask for: certificated or classified, its unit, three-year cost with every benefit, cost per day, the HR steps before posting, and the risk to flag.",
            (
                _criterion("Full cost", "Costs the position by year with each year's pension rate and every statutory benefit and health cap.",
                           "salary only", "salary and pension", "every benefit by year",
                           "every benefit by year, with the projections and negotiable items named"),
                _criterion("Classified or certificated", "Justifies the choice from duties, credentials, calendar and bargaining unit.",
                           "no justification", "cost only", "duties and cost", "duties, credential, calendar, unit and cost weighed together"),
                _criterion("HR process", "Names the HR steps (position control, classification or merit rules, credential check) in order.",
                           "none", "one step", "the main steps", "the steps with who owns each and how long they take"),
            ),
        ),
        Reflection(
            "e2-reflect-union",
            "A change that touches staff: the matters within scope it touched, the notice and bargaining owed, who to talk to first, and what to do differently.",
            (
                _criterion("Scope of representation", "Identifies the matters within scope the change touches, decision or effects.",
                           "none named", "named loosely", "named, with decision or effects distinguished",
                           "named and tied to the EERA scope list or a PERB case"),
                _criterion("Process", "Describes notice, the chance to bargain and who in HR and the union is involved, in order.",
                           "no process", "a vague process", "notice and bargaining in order with the people involved",
                           "a timeline that leaves room to bargain before implementation"),
                _criterion("Learning", "Draws a lesson the candidate will act on.",
                           "none", "generic", "specific to their district", "a specific practice with who and when"),
            ),
        ),
    ),
)
