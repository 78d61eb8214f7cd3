"""Employee benefits on a salary line: pension plus the statutory benefits (SACS objects 3000s).

A salary line costs more than its pension: classified staff in CalPERS also
bring the employer's Social Security (OASDI, 6.2%) and Medicare (1.45%) taxes,
unemployment insurance and workers' compensation as a share of payroll, and
health and welfare benefits set by the bargaining agreement (a dollar amount
per employee, not a rate). The rates come from the reference table
``statutory_benefits`` (source, year and confidence on every row; workers'
compensation is an illustrative rate to replace with the district's).

Examples
--------
>>> from workbook.tools.budget_lines import BudgetLine, line_values
>>> pay = BudgetLine("Network technicians", "expenditure", "0000", "2000", 100_000)
>>> [(l.object_code, float(round(line_values(l, ["2026-27"])[0], 2))) for l in benefit_lines(pay)]
[('3202', 26400.0), ('3302', 6200.0), ('3312', 1450.0), ('3502', 50.0), ('3602', 1500.0)]
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from workbook.errors import InputError
from workbook.tools._validate import check_number
from workbook.tools.budget_lines import BudgetLine, benefit_line

__all__ = ["statutory_rates", "benefit_lines", "health_and_welfare_line"]

_LABELS = {
    "oasdi": "Social Security (OASDI)",
    "medicare": "Medicare",
    "sui": "Unemployment insurance",
    "workers_comp": "Workers' compensation",
}


def statutory_rates(*, workers_comp_rate: float | None = None) -> dict[str, float]:
    """Employer rates as fractions of payroll from ``statutory_benefits`` (workers' compensation overridable).

    >>> statutory_rates()
    {'oasdi': 0.062, 'medicare': 0.0145, 'sui': 0.0005, 'workers_comp': 0.015}
    >>> statutory_rates(workers_comp_rate=0.022)["workers_comp"]
    0.022
    """
    rates = dict(_table_rates())  # a copy: the caller may change theirs
    if workers_comp_rate is not None:
        rates["workers_comp"] = check_number("workers_comp_rate", workers_comp_rate, minimum=0, maximum=0.2)
    return rates


@lru_cache(maxsize=1)
def _table_rates() -> dict[str, float]:
    """The ``statutory_benefits`` rates, read once (hand out copies only)."""
    from workbook.tools.reference import shared_table

    table = shared_table("statutory_benefits")
    return {str(b): float(r) for b, r in zip(table["benefit"], table["rate"])}


def benefit_lines(salary_line: BudgetLine, system: str = "calpers", *, workers_comp_rate: float | None = None) -> list[BudgetLine]:
    """The employer benefits on a salary line: pension by year, then OASDI, Medicare, UI and workers' comp.

    The pension line follows :func:`workbook.tools.budget_lines.benefit_line`
    (that year's employer rate). Social Security applies to CalPERS members
    only: most CalSTRS members do not pay it, so ``system="calstrs"`` leaves
    it out. Each statutory line grows with the salary line (same escalator).
    Health and welfare is not a rate: add it with :func:`health_and_welfare_line`.

    >>> from workbook.tools.budget_lines import BudgetLine
    >>> teachers = BudgetLine("Teachers on special assignment", "expenditure", "0000", "1100", 200_000)
    >>> [l.object_code for l in benefit_lines(teachers, "calstrs")]
    ['3101', '3311', '3501', '3601']
    """
    lines = [benefit_line(salary_line, system)]
    suffix = "1" if system == "calstrs" else "2"
    for name, rate in statutory_rates(workers_comp_rate=workers_comp_rate).items():
        if name == "oasdi" and system == "calstrs":
            continue
        code = {"oasdi": "330", "medicare": "331", "sui": "350", "workers_comp": "360"}[name] + suffix
        lines.append(BudgetLine(
            f"{_LABELS[name]} on {salary_line.description}",
            "expenditure", salary_line.resource, code,
            round(salary_line.amount * rate, 2), salary_line.escalator,
        ))
    return lines


def health_and_welfare_line(description: str, amount: float, *, resource: str = "0000", classified: bool = True,
                            escalator: Any = 0.0) -> BudgetLine:
    """Health and welfare benefits (object 3401/3402): the bargaining agreement's dollars, not a rate.

    >>> health_and_welfare_line("Health and welfare, IT staff", 36_000, escalator=0.05).object_code
    '3402'
    """
    if not isinstance(classified, bool):
        raise InputError("classified", classified, "True (classified staff, 3402) or False (certificated, 3401)")
    return BudgetLine(description, "expenditure", resource, "3402" if classified else "3401", amount, escalator)
