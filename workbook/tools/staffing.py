"""Staffing: salary schedules, the full cost of a position by year, credentials, accounts, bargaining.

Pure calculators for the E2 notebook. The cost of a position **reuses** the
budget's benefit rules: :func:`workbook.tools.benefits.benefit_lines` (pension
at each fiscal year's employer rate from the ``pension_rates`` table, Social
Security for CalPERS members only, Medicare, unemployment insurance and
workers' compensation from ``statutory_benefits``) on a
:class:`~workbook.tools.budget_lines.BudgetLine` per year. Health and welfare
is the bargaining agreement's dollars: the employer pays the premium up to a cap.

=============================  ====================================================
:func:`salary_schedule`        a step-and-column (or range-and-step) schedule
:func:`salaries_by_year`       one employee's pay as they move a step a year
:func:`position_cost`          salary plus every employer benefit, year by year
:func:`compare_positions`      two positions side by side, with cost per day worked
:func:`projection_note`        which years' pension rate is a projection, said once
:func:`credential_status`      which assignments need a credential, and whose lapses
:func:`accounts_to_disable`    accounts HR's records say should be off
:func:`needs_bargaining`       changes that touch a matter within EERA's scope
=============================  ====================================================

Examples
--------
>>> cost = position_cost("Network technician", [100_000], "2025-26", "calpers", salary_object="2400")
>>> cost.table.loc["2025-26", ["pension", "social_security", "medicare", "total"]].tolist()
[26810.0, 6200.0, 1450.0, 136010.0]
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Any

from workbook.errors import InputError
from workbook.tools._validate import (as_float_array, as_table, check_choice, check_count, check_date, check_number, check_rate,
                                      is_blank, text_list)
from workbook.tools.benefits import benefit_lines
from workbook.tools.budget_lines import BudgetLine, line_values
from workbook.tools.fiscal_year import fiscal_years
from workbook.tools.reference import shared_table

__all__ = [
    "salary_schedule",
    "salaries_by_year",
    "PositionCost",
    "position_cost",
    "compare_positions",
    "projection_note",
    "CREDENTIAL_REQUIRED",
    "credential_status",
    "accounts_to_disable",
    "SCOPE_OF_REPRESENTATION",
    "needs_bargaining",
]

_COLUMNS = ["salary", "pension", "social_security", "medicare", "unemployment", "workers_comp", "health_and_welfare"]
_KIND = {"330": "social_security", "331": "medicare", "350": "unemployment", "360": "workers_comp"}


def salary_schedule(base: float, steps: int, columns: Sequence[str], step_increase: float, column_increase: float) -> Any:
    """A salary schedule: ``base`` at step 1 of the first column, each step and each column a fixed share higher.

    Certificated schedules are step (years of service) by column (education);
    classified ones are range (job class) by step; the arithmetic is the same.
    Amounts are rounded to whole dollars.

    >>> s = salary_schedule(60_000, 3, ["BA", "BA+30"], 0.03, 0.05)
    >>> float(s.loc[3, "BA+30"]), float(s.loc[1, "BA"])   # 60,000 x 1.03**2 x 1.05 = 66,836.7
    (66837.0, 60000.0)
    >>> salary_schedule(60_000, 3, [], 0.03, 0.05)
    Traceback (most recent call last):
    ...
    workbook.errors.InputError: columns = [] is not allowed: expected at least one column name
    """
    import pandas as pd

    base = check_number("base", base, minimum=0, strict_minimum=True)
    n = check_count("steps", steps, minimum=1)
    names = [str(c) for c in columns] if not isinstance(columns, str) else []
    if not names:
        raise InputError("columns", columns, "at least one column name")
    up, across = check_rate("step_increase", step_increase), check_rate("column_increase", column_increase)
    cells = [[round(base * (1 + up) ** s * (1 + across) ** c) for c in range(len(names))] for s in range(n)]
    return pd.DataFrame(cells, index=pd.RangeIndex(1, n + 1, name="step"), columns=names).astype(float)


def salaries_by_year(schedule: Any, step: int, column: str, years: int, *, schedule_increase: float = 0.0) -> list[float]:
    """One employee's salary for ``years`` years: a step up each year (until the top), on a schedule that grows.

    >>> s = salary_schedule(60_000, 3, ["BA"], 0.03, 0.05)
    >>> salaries_by_year(s, 2, "BA", 3, schedule_increase=0.02)
    [61800.0, 64927.08, 66225.62]
    """
    top = int(schedule.index.max())
    first = check_count("step", step, minimum=1)
    if first > top:
        raise InputError("step", step, f"a step from 1 to {top}")
    check_choice("column", column, list(schedule.columns))
    n = check_count("years", years, minimum=1)
    growth = check_rate("schedule_increase", schedule_increase)
    return [round(float(schedule.loc[min(first + k, top), column]) * (1 + growth) ** k, 2) for k in range(n)]


@dataclass(frozen=True)
class PositionCost:
    """A position's cost by fiscal year: ``table`` (salary, each benefit, total) and ``notes`` (projected rates)."""

    title: str
    system: str
    table: Any
    notes: tuple[str, ...]

    @property
    def total(self) -> float:
        """Everything the employer pays over the years, in dollars."""
        return float(self.table["total"].sum())

    @property
    def benefits_share(self) -> float:
        """Share of the total that is not salary (pension, statutory benefits, health and welfare)."""
        return 1 - float(self.table["salary"].sum()) / self.total


def position_cost(title: str, salaries: Any, start_year: str, system: str, *, salary_object: str,
                  health_premium: float = 0.0, health_growth: float = 0.0, health_cap: float | None = None,
                  workers_comp_rate: float | None = None) -> PositionCost:
    """The employer's full cost of one position, year by year from ``start_year``.

    Parameters
    ----------
    title
        The position, in words.
    salaries
        The salary in each year (see :func:`salaries_by_year`).
    start_year
        The first fiscal year, e.g. ``"2026-27"``.
    system
        ``"calstrs"`` (certificated: no Social Security) or ``"calpers"`` (classified).
    salary_object
        SACS object of the salary: 1000-1999 certificated, 2000-2999 classified.
    health_premium, health_growth, health_cap
        Health and welfare: the first year's premium, its yearly growth, and the
        most the bargaining agreement has the district pay (``None``: no cap).
    workers_comp_rate
        The district's rate; ``None`` uses the reference table's illustrative rate.

    Social Security is 6.2% of all pay here; pay above the federal wage base
    (far above these positions' salaries) would owe none on the excess.

    >>> c = position_cost("TOSA", [90_000, 92_000], "2025-26", "calstrs", salary_object="1900",
    ...                   health_premium=20_000, health_growth=0.10, health_cap=21_000)
    >>> c.table["health_and_welfare"].tolist(), float(c.table.loc["2025-26", "social_security"])
    ([20000.0, 21000.0], 0.0)
    >>> position_cost("TOSA", [90_000], "2025-26", "calstrs", salary_object="2400")
    Traceback (most recent call last):
    ...
    workbook.errors.InputError: salary_object = '2400' is not allowed: expected 1000-1999 for a certificated (CalSTRS) position
    """
    import pandas as pd

    check_choice("system", system, ["calstrs", "calpers"])
    pay = as_float_array("salaries", salaries, minimum=0)
    want = "1" if system == "calstrs" else "2"
    if not (isinstance(salary_object, str) and len(salary_object) == 4 and salary_object.isdigit() and salary_object[0] == want):
        allowed = "1000-1999 for a certificated (CalSTRS)" if want == "1" else "2000-2999 for a classified (CalPERS)"
        raise InputError("salary_object", salary_object, f"{allowed} position")
    premium = check_number("health_premium", health_premium, minimum=0)
    growth = check_rate("health_growth", health_growth)
    cap = None if health_cap is None else check_number("health_cap", health_cap, minimum=0)
    years = fiscal_years(start_year, len(pay))
    rows, notes = [], []
    for k, (fy, amount) in enumerate(zip(years, pay)):
        line = BudgetLine(title, "expenditure", "0000", salary_object, float(amount))
        row = dict.fromkeys(_COLUMNS, 0.0) | {"fiscal_year": fy, "salary": float(amount)}
        for benefit in benefit_lines(line, system, workers_comp_rate=workers_comp_rate):
            value = float(line_values(benefit, [fy])[0])
            row["pension" if benefit.pension else _KIND[benefit.object_code[:3]]] = round(value, 2)
        due = premium * (1 + growth) ** k
        row["health_and_welfare"] = round(due if cap is None else min(due, cap), 2)
        rows.append(row)
    note = projection_note(system, years)
    table = pd.DataFrame(rows).set_index("fiscal_year")[_COLUMNS]
    table["total"] = table.sum(axis=1)
    return PositionCost(title, system, table, (note,) if note else ())


def projection_note(system: str, years: Sequence[str]) -> str | None:
    """One sentence naming the years whose employer rate is a projection (or carried forward from one), or None.

    >>> projection_note("calpers", ["2024-25", "2025-26"]) is None
    True
    >>> projection_note("calstrs", ["2026-27", "2027-28"]).split(":")[0]
    'The CalSTRS employer rate for 2026-27, 2027-28 is the 2026-27 projection (19.10%), carried forward to later years'
    """
    check_choice("system", system, ["calstrs", "calpers"])
    rows, first = _pension_rows(system)
    last = rows.iloc[-1]
    flagged = []
    for fy in years:
        row = rows.iloc[first[fy]] if fy in first else (last if fy > last["fiscal_year"] else None)
        if row is not None and row["status"] != "adopted":
            flagged.append((fy, row))
    if not flagged:
        return None
    fy_list, row = [fy for fy, _ in flagged], flagged[-1][1]
    label = {"calstrs": "CalSTRS", "calpers": "CalPERS"}[system]
    later = " carried forward to later years" if fy_list[-1] > row["fiscal_year"] else ""
    return (f"The {label} employer rate for {', '.join(fy_list)} is the {row['fiscal_year']} projection "
            f"({float(row['employer_rate']):.2%}),{later}: {row['note']}").replace(",:", ":")


@lru_cache(maxsize=4)
def _pension_rows(system: str) -> tuple[Any, dict[str, int]]:
    """The system's ``pension_rates`` rows by year, and each year's first position: built once, read only."""
    table = shared_table("pension_rates")
    rows = table[table["system"] == system].sort_values("fiscal_year")
    first: dict[str, int] = {}
    for position, fy in enumerate(rows["fiscal_year"]):
        first.setdefault(fy, position)
    return rows, first


def compare_positions(a: PositionCost, b: PositionCost, days_a: float, days_b: float) -> Any:
    """Two positions side by side: total, benefits share, days worked a year and cost per day worked.

    >>> x = position_cost("A", [80_000], "2025-26", "calpers", salary_object="2400")
    >>> y = position_cost("B", [80_000], "2025-26", "calstrs", salary_object="1900")
    >>> t = compare_positions(x, y, 240, 185)
    >>> bool(t.loc["A", "total"] > t.loc["B", "total"]), round(float(t.loc["B", "per_day"]), 2)   # 97,680 / 185
    (True, 528.0)
    """
    import pandas as pd

    rows = []
    for cost, days, name in ((a, days_a, "days_a"), (b, days_b, "days_b")):
        if not isinstance(cost, PositionCost):
            raise InputError("a" if name == "days_a" else "b", cost, "a PositionCost")
        d = check_number(name, days, minimum=1, maximum=366)
        years = len(cost.table)
        rows.append({"position": cost.title, "system": cost.system, "years": years, "total": cost.total,
                     "benefits_share": cost.benefits_share, "days_per_year": d, "per_day": cost.total / (d * years)})
    return pd.DataFrame(rows).set_index("position")


#: The credential an assignment needs (California Commission on Teacher Credentialing), or None for a classified role.
CREDENTIAL_REQUIRED: dict[str, str | None] = {
    "teacher on special assignment": "a teaching credential (multiple subject, single subject or education specialist)",
    "teacher librarian": "a teacher librarian services credential",
    "director of technology (certificated)": "an administrative services credential",
    "instructional technology specialist": None,
    "network technician": None,
    "help desk technician": None,
    "data systems analyst": None,
    "director of technology (classified)": None,
}


def credential_status(staff: Any, through: date) -> Any:
    """Each person's credential against their assignment, through the day the assignment ends.

    Rows carry ``id``, ``role`` (a key of :data:`CREDENTIAL_REQUIRED`),
    ``credential`` (held, or empty) and ``expires`` (a date, or empty).
    ``status`` is ``not required``, ``valid``, ``expires during the assignment``
    (before ``through``) or ``missing``.

    >>> t = credential_status([{"id": "S1", "role": "teacher on special assignment", "credential": "single subject",
    ...                         "expires": date(2027, 3, 1)},
    ...                        {"id": "S2", "role": "network technician", "credential": "", "expires": None}],
    ...                       through=date(2027, 6, 30))
    >>> t["status"].tolist()
    ['expires during the assignment', 'not required']
    """
    if not isinstance(through, date):
        raise InputError("through", through, "a date such as datetime.date(2027, 6, 30)")
    frame = as_table("staff", staff, ["id", "role", "credential", "expires"], noun="person")
    status = []
    for _, row in frame.iterrows():
        needed = CREDENTIAL_REQUIRED[check_choice("role", row["role"], list(CREDENTIAL_REQUIRED))]
        held = not is_blank(row["credential"]) and str(row["credential"]).strip() != ""
        if needed is None:
            status.append("not required")
        elif not held:
            status.append("missing")
        elif (ends := check_date("expires", row["expires"])) is not None and ends < through:
            status.append("expires during the assignment")
        else:
            status.append("valid")
    return frame.assign(needs=[CREDENTIAL_REQUIRED[r] or "" for r in frame["role"]], status=status)


def accounts_to_disable(accounts: Any, employees: Any, as_of: date) -> list[str]:
    """Active accounts that HR's records say should be off on ``as_of``, sorted.

    ``accounts`` rows: ``account``, ``employee_id`` and ``active`` (True/False).
    ``employees`` rows: ``employee_id`` and ``separation_date`` (empty while employed).
    An account is due off when its person separated on or before ``as_of``, or
    when no employee record carries its id (an orphan nobody answers for).

    >>> accounts_to_disable([{"account": "jdoe", "employee_id": "E1", "active": True},
    ...                      {"account": "old-vendor", "employee_id": "V9", "active": True}],
    ...                     [{"employee_id": "E1", "separation_date": date(2026, 6, 30)}], date(2026, 8, 1))
    ['jdoe', 'old-vendor']
    """
    if not isinstance(as_of, date):
        raise InputError("as_of", as_of, "a date such as datetime.date(2026, 8, 1)")
    acc = as_table("accounts", accounts, ["account", "employee_id", "active"], noun="account")
    hr = as_table("employees", employees, ["employee_id", "separation_date"])
    left = {str(r["employee_id"]): check_date("separation_date", r["separation_date"]) for _, r in hr.iterrows()}
    out = []
    for _, row in acc.iterrows():
        if not isinstance(row["active"], bool):
            raise InputError("active", row["active"], "True or False")
        person = str(row["employee_id"])
        gone = person not in left or (left[person] is not None and left[person] <= as_of)
        if row["active"] and gone:
            out.append(str(row["account"]))
    return sorted(out)


#: Matters within the scope of representation under EERA (Government Code 3543.2), as keys.
SCOPE_OF_REPRESENTATION = ("wages", "hours", "health_and_welfare", "leave", "transfer_and_reassignment", "safety",
                           "class_size", "evaluation_procedures", "organizational_security", "grievance_procedures",
                           "layoff", "discipline")


def needs_bargaining(changes: Any) -> list[str]:
    """Ids of planned changes that touch a matter within scope, so the union gets notice and a chance to bargain first.

    Rows carry ``id`` and ``matters`` (keys of :data:`SCOPE_OF_REPRESENTATION`
    the change touches, or empty). Under EERA even a change the district may
    decide alone must have its **effects** on such matters bargained.

    >>> needs_bargaining([{"id": "c1", "matters": ""}, {"id": "c2", "matters": "hours; evaluation_procedures"}])
    ['c2']
    >>> needs_bargaining([{"id": "c1", "matters": "morale"}])
    Traceback (most recent call last):
    ...
    workbook.errors.InputError: matters = 'morale' is not allowed: expected empty or keys of SCOPE_OF_REPRESENTATION: wages, hours, health_and_welfare, leave, transfer_and_reassignment, safety, class_size, evaluation_procedures, organizational_security, grievance_procedures, layoff, discipline
    """
    frame = as_table("changes", changes, ["id", "matters"], noun="change")
    out = []
    for _, row in frame.iterrows():
        touched = [] if is_blank(row["matters"]) else text_list("matters", row["matters"])
        for m in touched:
            if m not in SCOPE_OF_REPRESENTATION:
                raise InputError("matters", m, "empty or keys of SCOPE_OF_REPRESENTATION: " + ", ".join(SCOPE_OF_REPRESENTATION))
        if touched:
            out.append(str(row["id"]))
    return out
