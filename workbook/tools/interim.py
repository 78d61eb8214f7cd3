"""A general fund multiyear projection, the reserve for economic uncertainties and interim certification.

Twice a year (first interim, data to October 31, board certification by
December 15; second interim, data to January 31, by March 17) a district's
board certifies whether the district will meet its financial obligations for
the current year and the two after it (Education Code 42130-42131):

* **negative**: it will not meet them for the rest of this year or next year;
* **qualified**: it may not meet them this year or in the two years after;
* **positive**: it will meet them.

The workbook's rule (a simplification of the State Criteria and Standards a
county office applies, which also weigh cash, deficit spending and more):
a year *fails* when available reserves fall below the minimum **reserve for
economic uncertainties** of California Code of Regulations, title 5, section
15450 (:func:`reserve_minimum`), and *runs out* when the unrestricted ending
balance is below zero. Negative: runs out in the current or the next year.
Qualified: otherwise, fails in any of the three years. Positive: no year fails.

Available reserves here are the unrestricted ending balance of the general
fund (the regulation counts the reserve and unassigned amounts of the general
fund and the special reserve fund, less any negative restricted balance).

Examples
--------
>>> reserve_minimum(10_000_000, ada=800)
400000.0
>>> certification([500_000, 300_000, 200_000], [300_000, 300_000, 300_000])
'qualified'
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import pandas as pd

from workbook.errors import InputError
from workbook.tools._validate import as_float_array, check_number
from workbook.tools.budget import BudgetWorksheet, budget_worksheet
from workbook.tools.reference import shared_table

__all__ = ["CERTIFICATIONS", "reserve_minimum", "certification", "MultiyearProjection", "multiyear_projection"]

#: The three interim certifications, best first.
CERTIFICATIONS = ("positive", "qualified", "negative")


def reserve_minimum(expenditures: float, ada: float) -> float:
    """The minimum reserve for economic uncertainties (5 CCR 15450), in dollars.

    Parameters
    ----------
    expenditures
        Total general fund expenditures and other financing uses (restricted
        and unrestricted) for the year, in dollars.
    ada
        The district's ADA, which picks the band: 5% (0-300 ADA) or 4%
        (301-1,000), each with a dollar floor; 3% (1,001-30,000); 2%
        (30,001-400,000); 1% above. ADA is rounded to the whole unit first.

    Examples
    --------
    >>> reserve_minimum(1_000_000, ada=250)      # 5% is 50,000: the floor wins
    55000.0
    >>> reserve_minimum(150_000_000, ada=12_000)
    4500000.0
    >>> reserve_minimum(-1, ada=100)
    Traceback (most recent call last):
    ...
    workbook.errors.InputError: expenditures = -1 is not allowed: expected a number >= 0
    """
    spend = check_number("expenditures", expenditures, minimum=0)
    units = round(check_number("ada", ada, minimum=0))
    table = shared_table("reserve_minimums")
    band = table[(table["ada_from"] <= units) & (table["ada_to"].isna() | (table["ada_to"] >= units))].iloc[0]
    return float(max(spend * float(band["rate"]), float(band["floor"])))


def certification(available_reserves: Sequence[float], minimums: Sequence[float]) -> str:
    """Positive, qualified or negative from three years of reserves against their minimums (the workbook's rule).

    Examples
    --------
    >>> certification([400, 350, 320], [300, 300, 300])
    'positive'
    >>> certification([400, -10, 320], [300, 300, 300])
    'negative'
    >>> certification([400, 350], [300, 300])
    Traceback (most recent call last):
    ...
    workbook.errors.InputError: available_reserves = [400, 350] is not allowed: expected three years (the current year and the two after it)
    """
    reserves = as_float_array("available_reserves", available_reserves)
    mins = as_float_array("minimums", minimums, minimum=0)
    if len(reserves) != 3:
        raise InputError("available_reserves", list(available_reserves), "three years (the current year and the two after it)")
    if len(mins) != 3:
        raise InputError("minimums", list(minimums), "three years, like available_reserves")
    if reserves[0] < 0 or reserves[1] < 0:
        return "negative"
    return "qualified" if (reserves < mins).any() else "positive"


@dataclass(frozen=True)
class MultiyearProjection:
    """The result of :func:`multiyear_projection`.

    Attributes
    ----------
    worksheet
        The :class:`~workbook.tools.budget.BudgetWorksheet` behind it.
    table
        Per fiscal year: ``revenue``, ``expenditure``, ``net``, ``ending``,
        ``unrestricted_ending`` (= available reserves), ``reserve_minimum``,
        ``above_minimum`` (reserves less the minimum; negative is a shortfall).
    certification
        ``"positive"``, ``"qualified"`` or ``"negative"``.
    """

    worksheet: BudgetWorksheet
    table: pd.DataFrame
    certification: str

    @property
    def notes(self) -> tuple[str, ...]:
        """The worksheet's notes (projected COLA or pension rates)."""
        return self.worksheet.notes


def multiyear_projection(
    lines: Sequence[Any],
    start_year: str,
    *,
    beginning_balance: float,
    ada: float | Sequence[float],
    restricted_balance: float = 0.0,
    one_time: Mapping[str, Sequence[Any]] | None = None,
) -> MultiyearProjection:
    """Project the general fund three years and certify it.

    Parameters
    ----------
    lines, one_time
        :class:`~workbook.tools.budget_lines.BudgetLine` objects, as for
        :func:`workbook.tools.budget.budget_worksheet` (a yearly LCFF figure
        recomputed from ADA goes in ``one_time``, one line per year).
    start_year
        The current fiscal year (the one being certified).
    beginning_balance, restricted_balance
        The general fund balance at the start of ``start_year`` and its
        restricted part.
    ada
        ADA for the reserve band: one number, or one per year.

    Examples
    --------
    >>> from workbook.tools.budget_lines import BudgetLine
    >>> lines = [BudgetLine("LCFF", "revenue", "0000", "8011", 10_000_000, "none"),
    ...          BudgetLine("Salaries", "expenditure", "0000", "1100", 10_200_000, 0.02)]
    >>> p = multiyear_projection(lines, "2026-27", beginning_balance=1_000_000, ada=900)
    >>> p.table["unrestricted_ending"].round().tolist(), p.certification
    ([800000.0, 396000.0, -216080.0], 'qualified')
    """
    sheet = budget_worksheet(list(lines), start_year, 3, one_time=one_time)
    ending = sheet.ending_balance(beginning_balance, restricted=restricted_balance)
    if isinstance(ada, (int, float)) and not isinstance(ada, bool):
        ada_years = [float(ada)] * 3
    else:
        ada_years = [float(a) for a in as_float_array("ada", ada, minimum=0)]
        if len(ada_years) != 3:
            raise InputError("ada", ada_years, "one number, or one per projected year (three)")
    minimums = [reserve_minimum(float(e), a) for e, a in zip(ending["expenditure"], ada_years)]
    table = ending[["revenue", "expenditure", "net", "ending", "unrestricted_ending"]].copy()
    table["reserve_minimum"] = minimums
    table["above_minimum"] = table["unrestricted_ending"] - table["reserve_minimum"]
    return MultiyearProjection(sheet, table, certification(list(table["unrestricted_ending"]), minimums))
