"""E-rate: discount rates, Category Two budgets and the district's net cost.

The discount percentage a district applies with is its NSLP share, or, for a
district in the Community Eligibility Provision (CEP, as most California
districts are), its identified-student percentage times 1.6, capped at 100%
(:func:`cep_percentage`). The Category Two budget has a **per-school** floor:
each school gets ``max(per-student amount x its students, floor)`` and the
district's five-year budget is the sum (:func:`c2_budget` with a list of
school enrollments). The California Teleconnect Fund (CPUC) then discounts
part of what the district still pays for eligible services
(:func:`ctf_net_cost`).

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
>>> c2_budget([900, 120, 60])       # per school: the two small schools get the floor
241763.0
>>> cep_percentage(0.45)
0.72
>>> erate_net_cost(100_000, 0.60, "rural", category=1)
ErateCost(pre_discount_cost=100000.0, discount=0.8, erate_share=80000.0, district_share=20000.0)
"""

from __future__ import annotations

from dataclasses import dataclass
from collections.abc import Sequence
from typing import Any

from workbook.errors import InputError
from workbook.tools._validate import check_choice, check_count, check_fraction, check_number
from workbook.tools.reference import shared_table

__all__ = [
    "erate_discount",
    "cep_percentage",
    "CEP_MULTIPLIER",
    "c2_budget",
    "c2_cycles",
    "erate_net_cost",
    "ErateCost",
    "ctf_net_cost",
    "c2_project_cost",
    "WAITING_DAYS",
    "latest_form470_date",
]

#: Days a Form 470 must be posted before the applicant selects a vendor, signs a contract and files Form 471 (USAC; H).
WAITING_DAYS = 28

#: CEP districts multiply their identified-student percentage by 1.6 (capped at 100%) (USAC; H).
CEP_MULTIPLIER = 1.6


def cep_percentage(identified_share: float) -> float:
    """The E-rate discount percentage of a Community Eligibility Provision district.

    Identified students (directly certified: SNAP, foster, homeless ...) as a
    share of enrollment, times :data:`CEP_MULTIPLIER` (1.6), capped at 1.
    Use the result where :func:`erate_discount` asks for ``nslp_pct``.

    Examples
    --------
    >>> cep_percentage(0.30), cep_percentage(0.70)
    (0.48, 1.0)
    >>> erate_discount(cep_percentage(0.45), "urban")   # 72% falls in the 50-74% band
    0.8
    >>> cep_percentage(45)
    Traceback (most recent call last):
    ...
    workbook.errors.InputError: identified_share = 45 is not allowed: expected a fraction between 0 and 1 (write 25% as 0.25)
    """
    share = check_fraction("identified_share", identified_share)
    return round(min(1.0, share * CEP_MULTIPLIER), 6)


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


def c2_budget(students: int | Sequence[int], cycle: str = "FY2026-30") -> float:
    """A district's five-year, pre-discount Category Two budget in dollars.

    The floor applies **per school**: each school's budget is
    ``max(per-student amount x its students, floor)`` and the district's
    budget is the sum over its schools, rounded to the cent. Give the list of
    the schools' enrollments; a single number is one school (or a district
    whose every school is above the floor, where the sum equals the
    per-student amount times all students).

    Parameters
    ----------
    students
        Enrolled students of each school (a list of whole numbers >= 0), or
        of one school.
    cycle
        ``"FY2026-30"`` ($201.57 per student, floor $30,175 per school; M) or
        ``"FY2021-25"`` ($167.00, floor $25,000; H).

    Examples
    --------
    >>> c2_budget(100)            # one small school: the floor applies
    30175.0
    >>> c2_budget([100, 100, 2_000])   # two small schools each get the floor
    463490.0
    >>> c2_budget(2_200)          # the same students counted as one site: understated
    443454.0
    >>> c2_budget(1_000, cycle="FY2021-25")
    167000.0
    >>> c2_budget(100, cycle="FY2031-35")
    Traceback (most recent call last):
    ...
    workbook.errors.InputError: cycle = 'FY2031-35' is not allowed: expected one of 'FY2021-25', 'FY2026-30'
    >>> c2_budget([])
    Traceback (most recent call last):
    ...
    workbook.errors.InputError: students = [] is not allowed: expected the enrollment of each school (at least one), or of one school
    """
    if isinstance(students, (list, tuple)) or (hasattr(students, "__iter__") and not isinstance(students, str)):
        values = list(students)
        if not values:
            raise InputError("students", values, "the enrollment of each school (at least one), or of one school")
        schools = [check_count(f"students[{i}]", _plain(n)) for i, n in enumerate(values)]
    else:
        schools = [check_count("students", _plain(students))]
    check_choice("cycle", cycle, c2_cycles())
    table = shared_table("erate_c2_budgets")
    row = table[table["cycle"] == cycle].iloc[0]
    per_student, floor = float(row["per_student"]), float(row["floor"])
    return round(sum(max(per_student * n, floor) for n in schools), 2)


def _plain(value: Any) -> Any:
    return value.item() if hasattr(value, "item") and not isinstance(value, (list, tuple)) else value


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


def c2_project_cost(pre_discount_cost: float, remaining_budget: float, nslp_pct: float, locale: str) -> ErateCost:
    """Split a Category Two project when the district's five-year C2 budget may not cover it.

    E-rate discounts eligible cost only up to what is left of the
    pre-discount C2 budget (:func:`c2_budget` less what earlier years used);
    the district pays its share of that part and **all** of the rest.

    Examples
    --------
    >>> c = c2_project_cost(300_000, 200_000, 0.60, "urban")    # 80% on 200,000; 100,000 unfunded
    >>> c.erate_share, c.district_share
    (160000.0, 140000.0)
    >>> c2_project_cost(100_000, -5, 0.60, "urban")
    Traceback (most recent call last):
    ...
    workbook.errors.InputError: remaining_budget = -5 is not allowed: expected a number >= 0
    """
    cost = check_number("pre_discount_cost", pre_discount_cost, minimum=0)
    left = check_number("remaining_budget", remaining_budget, minimum=0)
    covered = erate_net_cost(min(cost, left), nslp_pct, locale, category=2)
    return ErateCost(
        pre_discount_cost=cost,
        discount=covered.discount,
        erate_share=covered.erate_share,
        district_share=round(cost - covered.erate_share, 2),
    )


def ctf_net_cost(district_share: float, ctf_discount: float) -> float:
    """What the district pays for a CTF-eligible service after E-rate and the California Teleconnect Fund.

    The CPUC's California Teleconnect Fund discounts the part of an eligible
    service's cost that remains after the E-rate discount (M). Its rate is a
    parameter: check the CPUC's current rate for the service before using it
    in a real budget (the workbook's exercises use 0.50 as an example).

    Examples
    --------
    >>> e = erate_net_cost(120_000, 0.30, "urban", category=1)   # E-rate pays 50%
    >>> ctf_net_cost(e.district_share, 0.50)
    30000.0
    >>> ctf_net_cost(60_000, 1.5)
    Traceback (most recent call last):
    ...
    workbook.errors.InputError: ctf_discount = 1.5 is not allowed: expected a fraction between 0 and 1 (write 25% as 0.25)
    """
    share = check_number("district_share", district_share, minimum=0)
    rate = check_fraction("ctf_discount", ctf_discount)
    return round(share * (1 - rate), 2)


def latest_form470_date(form471_window_close: str) -> str:
    """The last day a Form 470 can be posted and still allow a Form 471 by the window's close.

    The applicant must wait at least 28 days after posting the Form 470
    before choosing a vendor, signing the contract and filing the Form 471,
    and the Form 471 must be in before the filing window closes. So the
    latest posting date is the window's last day minus 28 days (in practice,
    post weeks earlier: bids must be evaluated and a board may need to approve
    the contract).

    Examples
    --------
    >>> latest_form470_date("2026-04-01")   # FY2026 window closed April 1, 2026
    '2026-03-04'
    >>> latest_form470_date("April 1")
    Traceback (most recent call last):
    ...
    workbook.errors.InputError: form471_window_close = 'April 1' is not allowed: expected a date written as "2026-04-01"
    """
    import datetime as dt

    try:
        close = dt.date.fromisoformat(str(form471_window_close))
    except ValueError:
        raise InputError("form471_window_close", form471_window_close, 'a date written as "2026-04-01"') from None
    return (close - dt.timedelta(days=WAITING_DAYS)).isoformat()
