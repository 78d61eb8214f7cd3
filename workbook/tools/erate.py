"""E-rate: discount rates, Category Two budgets and the district's net cost.

The discount matrix and the C2 budget figures come from the reference tables
``erate_discounts`` and ``erate_c2_budgets`` (USAC; the FY2026-30 C2 values
are from the FCC public notice of 2025-06-04 via secondary sources, M).

Category 1 (C1) is data transmission and internet access; Category 2 (C2) is
internal connections, managed internal broadband and basic maintenance.

Examples
--------
>>> erate_discount(0.60, "urban", category=2)
0.8
>>> c2_budget(10_000)
2015700.0
>>> erate_net_cost(100_000, 0.60, "rural", category=1)
ErateCost(pre_discount_cost=100000.0, discount=0.8, erate_share=80000.0, district_share=20000.0)
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from workbook.errors import InputError
from workbook.tools._validate import check_choice, check_count, check_fraction, check_number
from workbook.tools.reference import shared_table

__all__ = ["erate_discount", "c2_budget", "c2_cycles", "erate_net_cost", "ErateCost"]


def _check_category(category: Any) -> int:
    if isinstance(category, bool) or category not in (1, 2):
        raise InputError("category", category, "1 (internet access) or 2 (internal connections)")
    return int(category)


def erate_discount(nslp_pct: float, locale: str, category: int = 2) -> float:
    """The E-rate discount rate for a district, as a fraction.

    Parameters
    ----------
    nslp_pct
        Share of students eligible for the National School Lunch Program,
        as a fraction (write 60% as 0.60). A share belongs to the band whose
        lower bound it reaches: 0.195 is in the 1-19% band.
    locale
        ``"urban"`` or ``"rural"`` (a district is rural when more than half
        of its schools are).
    category
        1 (data transmission and internet access) or 2 (internal connections).

    Examples
    --------
    >>> erate_discount(0.005, "rural")
    0.25
    >>> erate_discount(0.80, "urban", category=1)
    0.9
    >>> erate_discount(0.80, "urban", category=2)
    0.85
    >>> erate_discount(60, "urban")
    Traceback (most recent call last):
    ...
    workbook.errors.InputError: nslp_pct = 60 is not allowed: expected a fraction between 0 and 1 (write 25% as 0.25)
    """
    share = check_fraction("nslp_pct", nslp_pct)
    check_choice("locale", locale, ["urban", "rural"])
    cat = _check_category(category)
    table = shared_table("erate_discounts")
    rows = table[(table["category"] == cat) & (table["locale"] == locale)]
    band = rows[rows["nslp_min"] <= share].sort_values("nslp_min").iloc[-1]
    return float(band["discount"])


def c2_cycles() -> list[str]:
    """The Category Two budget cycles in the reference table.

    >>> c2_cycles()
    ['FY2021-25', 'FY2026-30']
    """
    return list(shared_table("erate_c2_budgets")["cycle"])


def c2_budget(students: int, cycle: str = "FY2026-30") -> float:
    """A district's five-year, pre-discount Category Two budget in dollars.

    ``max(per-student amount × students, floor)``, rounded to the cent.

    Parameters
    ----------
    students
        Enrolled students (whole number >= 0).
    cycle
        ``"FY2026-30"`` ($201.57 per student, floor $30,175; M) or
        ``"FY2021-25"`` ($167.00, floor $25,000; H).

    Examples
    --------
    >>> c2_budget(100)            # the floor applies
    30175.0
    >>> c2_budget(1_000, cycle="FY2021-25")
    167000.0
    >>> c2_budget(100, cycle="FY2031-35")
    Traceback (most recent call last):
    ...
    workbook.errors.InputError: cycle = 'FY2031-35' is not allowed: expected one of 'FY2021-25', 'FY2026-30'
    """
    n = check_count("students", students)
    check_choice("cycle", cycle, c2_cycles())
    table = shared_table("erate_c2_budgets")
    row = table[table["cycle"] == cycle].iloc[0]
    return round(max(float(row["per_student"]) * n, float(row["floor"])), 2)


@dataclass(frozen=True)
class ErateCost:
    """How a pre-discount E-rate cost splits between USAC and the district.

    Attributes
    ----------
    pre_discount_cost
        The full (gross) cost in dollars.
    discount
        The discount rate (fraction).
    erate_share
        The part E-rate pays: ``pre_discount_cost × discount``.
    district_share
        The part the district pays: the rest.
    """

    pre_discount_cost: float
    discount: float
    erate_share: float
    district_share: float


def erate_net_cost(
    pre_discount_cost: float, nslp_pct: float, locale: str, category: int = 2
) -> ErateCost:
    """Split an eligible cost into the E-rate share and the district share.

    Parameters
    ----------
    pre_discount_cost
        The eligible cost before discount, in dollars (>= 0).
    nslp_pct, locale, category
        As in :func:`erate_discount`.

    Examples
    --------
    >>> cost = erate_net_cost(50_000, 0.30, "urban")
    >>> cost.discount, cost.erate_share, cost.district_share
    (0.5, 25000.0, 25000.0)
    >>> erate_net_cost(-1, 0.30, "urban")
    Traceback (most recent call last):
    ...
    workbook.errors.InputError: pre_discount_cost = -1 is not allowed: expected a number >= 0
    """
    cost = check_number("pre_discount_cost", pre_discount_cost, minimum=0)
    rate = erate_discount(nslp_pct, locale, category)
    erate_share = round(cost * rate, 2)
    return ErateCost(
        pre_discount_cost=cost,
        discount=rate,
        erate_share=erate_share,
        district_share=round(cost - erate_share, 2),
    )
