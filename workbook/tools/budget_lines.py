"""Budget lines: one revenue or expenditure with its SACS codes and escalator.

A :class:`BudgetLine` is what a district's business office would type into one
row of a multi-year projection: a description, revenue or expenditure, the
SACS **resource** (where the money comes from: 0000-1999 unrestricted,
3000-5999 federal, 6000-7999 state, 8000-9999 local) and **object** (what it
is: 1000 certificated pay ... 7000 other outgo; 8000 revenue), the first
year's amount, and how it grows.

Escalators
----------
``escalator`` is a fraction per year (``0.03`` = 3%), ``"none"`` (flat) or
``"cola"`` (the LCFF COLA of each later year, from the reference table). The
first worksheet year is the base year: its value is ``amount``; each later
year is the previous year's value times ``1 + rate of that year``.

Pension benefits
----------------
Statutory pension costs follow the salaries they are paid on. Build them
with :func:`benefit_line` (``benefit_line(salary_line, "calpers")``): the
result has ``pension="calpers"``, the salary line's amount and escalator, and
each year's value is *that year's salaries × that year's employer rate*
(:func:`workbook.tools.reference.pension_rate`).

E-rate
------
``erate_category=1`` or ``2`` marks an E-rate eligible expenditure whose
``amount`` is the pre-discount (gross) cost; the worksheet carries the
district's share and shows the split (see :mod:`workbook.tools.budget`).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Any

import numpy as np

from workbook.errors import InputError
from workbook.tools._validate import check_choice, check_number
from workbook.tools.reference import cola, pension_rate

__all__ = [
    "BudgetLine",
    "benefit_line",
    "district_budget_lines",
    "escalation_factors",
    "is_restricted",
    "PENSION_OBJECTS",
]

#: The object code a pension line gets: STRS on certificated positions, PERS on classified.
PENSION_OBJECTS = {"calstrs": "3101", "calpers": "3202"}

_CODE = re.compile(r"^\d{4}$")
_ESCALATOR_ALLOWED = (
    "a fraction per year between -1 and 1 (write 3% as 0.03), 'none' or 'cola'"
    " (for pension costs use benefit_line(salary_line, 'calstrs' or 'calpers'))"
)


def _check_code(name: str, value: Any, what: str) -> str:
    if isinstance(value, str) and _CODE.match(value):
        return value
    raise InputError(name, value, f'a 4-digit SACS {what} code written as text, e.g. "0000"')


def is_restricted(resource: str) -> bool:
    """True unless ``resource`` is in the unrestricted range 0000-1999.

    >>> is_restricted("0000"), is_restricted("1100"), is_restricted("3010")
    (False, False, True)
    """
    return int(_check_code("resource", resource, "resource")) >= 2000


def _check_escalator(value: Any) -> str | float:
    if isinstance(value, str):
        if value in ("none", "cola"):
            return value
        raise InputError("escalator", value, _ESCALATOR_ALLOWED)
    if isinstance(value, bool) or not isinstance(value, (int, float, np.floating, np.integer)):
        raise InputError("escalator", value, _ESCALATOR_ALLOWED)
    rate = float(value)
    if math.isnan(rate) or not -1 < rate <= 1:
        raise InputError("escalator", value, _ESCALATOR_ALLOWED)
    return rate


@dataclass(frozen=True)
class BudgetLine:
    """One revenue or expenditure line of a multi-year budget.

    Parameters
    ----------
    description
        What the line is, in words.
    kind
        ``"revenue"`` or ``"expenditure"``.
    resource
        4-digit SACS resource as text: ``"0000"`` unrestricted, ``"3010"`` Title I ...
    object_code
        4-digit SACS object as text: 8000-8999 for revenue, 1000-7999 for expenditure.
    amount
        The first (base) year's amount in dollars, >= 0.
    escalator
        Growth per later year: a fraction, ``"none"`` or ``"cola"``.
    erate_category
        ``None``, or 1 / 2 for an E-rate eligible expenditure (amount is pre-discount).
    pension
        ``None``, or ``"calstrs"`` / ``"calpers"``: ``amount`` is then the salary
        base and each year's value is salaries × employer rate. Use :func:`benefit_line`.

    Examples
    --------
    >>> line = BudgetLine("Network switches support", "expenditure", "0000", "5800", 12_000, 0.03)
    >>> line.restricted, line.major_object
    (False, '5000')
    >>> BudgetLine("Title IV", "expenditure", "12a", "4300", 1)
    Traceback (most recent call last):
    ...
    workbook.errors.InputError: resource = '12a' is not allowed: expected a 4-digit SACS resource code written as text, e.g. "0000"
    >>> BudgetLine("Help desk", "expenditure", "0000", "2000", 10, escalator="calpers")
    Traceback (most recent call last):
    ...
    workbook.errors.InputError: escalator = 'calpers' is not allowed: expected a fraction per year between -1 and 1 (write 3% as 0.03), 'none' or 'cola' (for pension costs use benefit_line(salary_line, 'calstrs' or 'calpers'))
    """

    description: str
    kind: str
    resource: str
    object_code: str
    amount: float
    escalator: str | float = "none"
    erate_category: int | None = None
    pension: str | None = None

    def __post_init__(self) -> None:
        if not isinstance(self.description, str) or not self.description.strip():
            raise InputError("description", self.description, "a non-empty text")
        check_choice("kind", self.kind, ["revenue", "expenditure"])
        _check_code("resource", self.resource, "resource")
        code = int(_check_code("object_code", self.object_code, "object"))
        if self.kind == "revenue" and not 8000 <= code <= 8999:
            raise InputError("object_code", self.object_code, "8000-8999 for a revenue line")
        if self.kind == "expenditure" and not 1000 <= code <= 7999:
            raise InputError("object_code", self.object_code, "1000-7999 for an expenditure line")
        amount = self.amount.item() if isinstance(self.amount, np.generic) else self.amount
        object.__setattr__(self, "amount", check_number("amount", amount, minimum=0))
        object.__setattr__(self, "escalator", _check_escalator(self.escalator))
        if self.erate_category is not None:
            if isinstance(self.erate_category, bool) or self.erate_category not in (1, 2):
                raise InputError("erate_category", self.erate_category, "None, 1 or 2")
            if self.kind != "expenditure":
                raise InputError("erate_category", self.erate_category, "None on a revenue line")
        if self.pension is not None:
            check_choice("pension", self.pension, [None, "calstrs", "calpers"])
            if self.kind != "expenditure":
                raise InputError("pension", self.pension, "None on a revenue line")

    @property
    def restricted(self) -> bool:
        """True unless the resource is 0000-1999."""
        return is_restricted(self.resource)

    @property
    def major_object(self) -> str:
        """The major object: ``"5800"`` -> ``"5000"``."""
        return self.object_code[0] + "000"


def escalation_factors(escalator: str | float, years: list[str]) -> np.ndarray:
    """Growth factors for ``years``: 1 for the first, compounding after.

    Examples
    --------
    >>> escalation_factors(0.03, ["2026-27", "2027-28", "2028-29"]).round(4).tolist()
    [1.0, 1.03, 1.0609]
    >>> escalation_factors("cola", ["2025-26", "2026-27"]).tolist()
    [1.0, 1.0241]
    """
    esc = _check_escalator(escalator)
    out = np.ones(len(years))
    for k in range(1, len(years)):
        if esc == "none":
            growth = 0.0
        elif esc == "cola":
            growth = cola(years[k])
        else:
            growth = float(esc)
        out[k] = out[k - 1] * (1 + growth)
    return out


def line_values(line: BudgetLine, years: list[str]) -> np.ndarray:
    """The gross value of ``line`` in each of ``years`` (pension applied)."""
    values = line.amount * escalation_factors(line.escalator, years)
    if line.pension is not None:
        values = values * np.array([pension_rate(line.pension, y) for y in years])
    return values


def benefit_line(
    salary_line: BudgetLine, system: str, *, description: str | None = None
) -> BudgetLine:
    """The employer pension cost on a salary line, year by year.

    Parameters
    ----------
    salary_line
        An expenditure line with object 1000-2999 (certificated or classified pay).
    system
        ``"calstrs"`` (object 3101) or ``"calpers"`` (object 3202).

    Examples
    --------
    >>> pay = BudgetLine("Network technicians", "expenditure", "0000", "2000", 100_000)
    >>> pers = benefit_line(pay, "calpers")
    >>> pers.object_code, pers.pension, pers.amount
    ('3202', 'calpers', 100000.0)
    >>> line_values(pers, ["2024-25", "2025-26"]).round(2).tolist()
    [27050.0, 26810.0]
    """
    if not isinstance(salary_line, BudgetLine):
        raise InputError("salary_line", salary_line, "a BudgetLine")
    if salary_line.kind != "expenditure" or salary_line.object_code[0] not in "12":
        raise InputError(
            "salary_line", salary_line.description, "a salary line (object 1000-2999)"
        )
    check_choice("system", system, list(PENSION_OBJECTS))
    label = {"calstrs": "CalSTRS", "calpers": "CalPERS"}[system]
    return BudgetLine(
        description=description or f"{label} employer contribution on {salary_line.description}",
        kind="expenditure",
        resource=salary_line.resource,
        object_code=PENSION_OBJECTS[system],
        amount=salary_line.amount,
        escalator=salary_line.escalator,
        pension=system,
    )


# (attribute, description, object code) for District.budget and District.revenue
_SPENDING = [
    ("it_salaries", "IT salaries", "2000"),
    ("it_benefits", "IT benefits", "3000"),
    ("devices", "Devices (non-capitalized equipment)", "4400"),
    ("software", "Software licences and subscriptions", "5800"),
    ("connectivity", "Connectivity (communications)", "5900"),
    ("contracted_services", "Contracted services", "5800"),
    ("professional_development", "Professional development", "5200"),
    ("capital_equipment", "Capital equipment", "6400"),
]
_REVENUE = [
    ("lcff", "LCFF", "0000", "8011"),
    ("federal", "Federal revenue (shown as Title I)", "3010", "8290"),
    ("other_state", "Other state revenue", "0000", "8590"),
    ("local", "Local revenue", "0000", "8699"),
]


def district_budget_lines(
    district: Any,
    *,
    expenditure_escalator: str | float = "none",
    lcff_escalator: str | float = "cola",
    include_revenue: bool = True,
) -> list[BudgetLine]:
    """Budget lines from a district profile's ``budget`` and ``revenue``.

    Technology spending becomes expenditure lines in resource 0000 with the
    objects of the district file (2000, 3000, 4400, 5800, 5900, 5200, 6400).
    Revenue becomes LCFF (0000/8011, growing with ``lcff_escalator``),
    federal (3010/8290: restricted; Title I stands in for all federal money),
    other state (0000/8590) and local (0000/8699). Other state and local
    revenue is treated as unrestricted; put restricted parts on their own
    lines with a 6000-7999 or 8000-9999 resource.

    The revenue is the whole general fund's, while the spending is the
    technology department's only, so the worksheet's "net" is not the
    district's surplus: pass ``include_revenue=False`` for a spending-only
    worksheet.

    Connectivity is carried as the district pays it. To show an E-rate
    discount instead, replace that line:
    ``dataclasses.replace(line, amount=gross, erate_category=1)``.

    Parameters
    ----------
    district
        A :class:`workbook.districts.District`, a sample id or a file path
        (loaded with :func:`workbook.districts.load_district`), or any object
        with ``budget`` and ``revenue`` attributes named as in District.
    expenditure_escalator
        Growth of every spending line: a fraction, ``"none"`` or ``"cola"``.
    lcff_escalator
        Growth of LCFF revenue (default ``"cola"``); other revenue stays flat.
    include_revenue
        Add the four revenue lines (default), or return spending lines only.

    Examples
    --------
    >>> from types import SimpleNamespace as NS
    >>> d = NS(budget=NS(it_salaries=500_000, it_benefits=200_000, devices=300_000,
    ...                  software=150_000, connectivity=90_000, contracted_services=60_000,
    ...                  professional_development=20_000, capital_equipment=0),
    ...        revenue=NS(lcff=80_000_000, federal=6_000_000, other_state=9_000_000, local=2_000_000))
    >>> lines = district_budget_lines(d)
    >>> [(l.object_code, l.resource, l.amount) for l in lines][-4:]
    [('8011', '0000', 80000000.0), ('8290', '3010', 6000000.0), ('8590', '0000', 9000000.0), ('8699', '0000', 2000000.0)]
    >>> len(district_budget_lines(d, include_revenue=False))
    8
    >>> district_budget_lines(NS(budget=None))
    Traceback (most recent call last):
    ...
    workbook.errors.InputError: district = namespace(budget=None) is not allowed: expected a District (or any object with budget.it_salaries ... and revenue.lcff ...)
    """
    if isinstance(district, str) or hasattr(district, "__fspath__"):
        from workbook.districts import load_district

        district = load_district(district)
    allowed = "a District (or any object with budget.it_salaries ... and revenue.lcff ...)"
    budget = getattr(district, "budget", None)
    revenue = getattr(district, "revenue", None)
    try:
        spend = [(getattr(budget, a), d, o) for a, d, o in _SPENDING]
        income = [(getattr(revenue, a), d, r, o) for a, d, r, o in _REVENUE]
    except AttributeError:
        raise InputError("district", district, allowed) from None
    lines = [
        BudgetLine(desc, "expenditure", "0000", obj, amount, expenditure_escalator)
        for amount, desc, obj in spend
    ]
    if not isinstance(include_revenue, bool):
        raise InputError("include_revenue", include_revenue, "True or False")
    for amount, desc, res, obj in income if include_revenue else []:
        esc = lcff_escalator if obj == "8011" else "none"
        lines.append(BudgetLine(desc, "revenue", res, obj, amount, esc))
    return lines
