"""Total cost of ownership (TCO) of a technology program, in CoSN's K-12 categories.

CoSN and Gartner built the K-12 TCO tool (cosn.org/tco) around two groups of
costs. **Direct** (budgeted) costs: hardware, software, connectivity,
facilities (retrofitting: electrical, HVAC), IT labor (support,
administration, upgrades), replacement, professional development and
contracts. **Indirect** (hidden) costs: end-user support (the time staff and
students spend helping themselves and each other), downtime and lost
instructional time. The category names below follow that list.

A program is a list of :class:`CostItem`; :func:`tco` adds them up over a
horizon of fiscal years numbered 1..N and returns a :class:`TCOResult`.
Amounts are US dollars stated in year-1 prices; an item's ``escalation``
grows them by that fraction every year after year 1. A negative amount is a
credit (a trade-in or resale value).

:func:`device_program` builds the items of the workbook's classic exercise, a
device program with a refresh cycle; :func:`device_program_total` does the
same arithmetic on numpy arrays for Monte Carlo runs
(see :mod:`workbook.tools.tco_uncertainty`). Those device-program builders live in
:mod:`workbook.tools.tco_devices`, one layer above this module.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np

from workbook.errors import InputError
from workbook.tools._validate import check_count, check_number, check_rate

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "DIRECT_CATEGORIES",
    "INDIRECT_CATEGORIES",
    "CATEGORIES",
    "CostItem",
    "TCOResult",
    "tco",
    "yearly_costs",
]

DIRECT_CATEGORIES: tuple[str, ...] = (
    "hardware",
    "software",
    "connectivity",
    "facilities",
    "it_labor",
    "replacement",
    "professional_development",
    "contracts",
)
INDIRECT_CATEGORIES: tuple[str, ...] = ("end_user_support", "downtime", "lost_instruction")
CATEGORIES: tuple[str, ...] = DIRECT_CATEGORIES + INDIRECT_CATEGORIES


def yearly_costs(upfront: Any, annual: Any, escalation: Any, start_year: int,
                 repeat_every: int | None, years: int) -> np.ndarray:
    """Cost in each fiscal year 1..``years`` of one item; amounts may be arrays (one row per draw).

    An ``upfront`` amount is paid in ``start_year`` and again every
    ``repeat_every`` years (``None``: once); ``annual`` is paid every year from
    ``start_year`` on; both grow by ``escalation`` a year after year 1. No
    validation here: :class:`CostItem` and the device-program builders check
    their inputs first.

    Examples
    --------
    >>> yearly_costs(1000, 100, 0.0, 1, 2, 4).tolist()
    [1100.0, 100.0, 1100.0, 100.0]
    >>> yearly_costs([1000, 2000], 0, 0.10, 2, None, 3).round(2).tolist()
    [[0.0, 1100.0, 0.0], [0.0, 2200.0, 0.0]]
    """
    t = np.arange(1, years + 1)
    if repeat_every:
        buys = (t >= start_year) & ((t - start_year) % repeat_every == 0)
    else:
        buys = t == start_year
    runs = t >= start_year
    growth = (1.0 + np.asarray(escalation, dtype=float)[..., None]) ** (t - 1)
    up = np.asarray(upfront, dtype=float)[..., None]
    yearly = np.asarray(annual, dtype=float)[..., None]
    return (up * buys + yearly * runs) * growth


@dataclass(frozen=True)
class CostItem:
    """One line of a TCO: what it is, its category, and when it is paid.

    Parameters
    ----------
    name
        A label, e.g. ``"Chromebooks"``.
    category
        One of :data:`CATEGORIES`.
    upfront
        Paid once in ``start_year`` (and again every ``repeat_every`` years if set).
    annual
        Paid every year from ``start_year`` to the end of the horizon.
    per_device
        If true, both amounts are per device and get multiplied by the device count.
    escalation
        Yearly price growth as a fraction (0.03 = 3%), compounded from year 1:
        an amount in year t costs ``amount * (1 + escalation) ** (t - 1)``.
    start_year
        First fiscal year (1 = the first year of the horizon).
    repeat_every
        Repeat the upfront amount every this many years (a refresh cycle).

    Examples
    --------
    >>> item = CostItem("Chromebooks", "hardware", upfront=300, per_device=True)
    >>> item.kind
    'direct'
    >>> item.costs(devices=100, years=3).tolist()
    [30000.0, 0.0, 0.0]
    >>> CostItem("Wi-Fi", "network")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    workbook.errors.InputError: category = 'network' is not allowed: expected one of 'hardware', ...
    """

    name: str
    category: str
    upfront: float = 0.0
    annual: float = 0.0
    per_device: bool = False
    escalation: float = 0.0
    start_year: int = 1
    repeat_every: int | None = None

    def __post_init__(self) -> None:
        if not isinstance(self.name, str) or not self.name.strip():
            raise InputError("name", self.name, "a non-empty label such as 'Chromebooks'")
        if self.category not in CATEGORIES:
            raise InputError("category", self.category,
                             "one of " + ", ".join(repr(c) for c in CATEGORIES))
        if not isinstance(self.per_device, bool):
            raise InputError("per_device", self.per_device, "True or False")
        set_ = object.__setattr__
        set_(self, "upfront", check_number("upfront", self.upfront))
        set_(self, "annual", check_number("annual", self.annual))
        set_(self, "escalation", check_rate("escalation", self.escalation))
        set_(self, "start_year", check_count("start_year", self.start_year, minimum=1))
        if self.repeat_every is not None:
            set_(self, "repeat_every", check_count("repeat_every", self.repeat_every, minimum=1))

    @property
    def kind(self) -> str:
        """``"direct"`` or ``"indirect"``."""
        return "direct" if self.category in DIRECT_CATEGORIES else "indirect"

    def costs(self, devices: int, years: int) -> np.ndarray:
        """This item's cost in each fiscal year 1..``years``, for ``devices`` devices."""
        n = check_count("years", years, minimum=1)
        scale = check_count("devices", devices) if self.per_device else 1
        return yearly_costs(self.upfront, self.annual, self.escalation, self.start_year,
                            self.repeat_every, n) * scale


@dataclass(frozen=True)
class TCOResult:
    """The outcome of :func:`tco`: yearly costs by category and the usual ratios.

    ``by_year`` has one row per fiscal year (1..N), one column per category
    and a ``total`` column; ``by_item`` has one row per cost item.

    Examples
    --------
    >>> result = tco([CostItem("Laptops", "hardware", upfront=800, per_device=True),
    ...               CostItem("Downtime", "downtime", annual=40, per_device=True)],
    ...              devices=50, students=200, years=4)
    >>> result.total, result.per_device_year, result.per_student_per_year
    (48000.0, 240.0, 60.0)
    >>> result.summary().round(2)
                           measure     value
    0                  direct cost  40000.00
    1                indirect cost   8000.00
    2      total cost of ownership  48000.00
    3      indirect share of total      0.17
    4                     per year  12000.00
    5              per device-year    240.00
    6  per student (whole horizon)    240.00
    7         per student per year     60.00
    >>> result.by_fiscal_year("2026-27")["total"].to_dict()
    {'2026-27': 42000.0, '2027-28': 2000.0, '2028-29': 2000.0, '2029-30': 2000.0}
    """

    by_year: pd.DataFrame
    by_item: pd.DataFrame
    devices: int
    students: int
    years: int

    @property
    def by_category(self) -> pd.Series:
        """Total cost of each category over the whole horizon."""
        return self.by_year[list(CATEGORIES)].sum().rename("total")

    @property
    def direct(self) -> float:
        """Direct (budgeted) cost over the horizon."""
        return float(self.by_category[list(DIRECT_CATEGORIES)].sum())

    @property
    def indirect(self) -> float:
        """Indirect (hidden) cost over the horizon."""
        return float(self.by_category[list(INDIRECT_CATEGORIES)].sum())

    @property
    def total(self) -> float:
        """Total cost of ownership over the horizon."""
        return float(self.by_year["total"].sum())

    @property
    def per_year(self) -> float:
        """Average cost a year: total / years."""
        return self.total / self.years

    @property
    def per_device_year(self) -> float:
        """TCO per device-year: total / (devices * years)."""
        return self.total / (self.devices * self.years)

    @property
    def per_student(self) -> float:
        """Total over the whole horizon per student."""
        return self.total / self.students

    @property
    def per_student_per_year(self) -> float:
        """Total / (students * years)."""
        return self.total / (self.students * self.years)

    def by_fiscal_year(self, first_year: str) -> pd.DataFrame:
        """``by_year`` labelled with California fiscal years, year 1 = ``first_year`` ("2026-27")."""
        match = re.fullmatch(r"(\d{4})-(\d{2})", first_year) if isinstance(first_year, str) else None
        if not match or (int(match[1]) + 1) % 100 != int(match[2]):
            raise InputError("first_year", first_year, 'a fiscal year written like "2026-27"')
        start = int(match[1])
        labels = [f"{y}-{(y + 1) % 100:02d}" for y in range(start, start + self.years)]
        return self.by_year.set_axis(labels).rename_axis("fiscal_year")

    def summary(self) -> pd.DataFrame:
        """The headline figures as a tidy table with columns ``measure`` and ``value``."""
        import pandas as pd

        rows = [
            ("direct cost", self.direct),
            ("indirect cost", self.indirect),
            ("total cost of ownership", self.total),
            ("indirect share of total", self.indirect / self.total if self.total else 0.0),
            ("per year", self.per_year),
            ("per device-year", self.per_device_year),
            ("per student (whole horizon)", self.per_student),
            ("per student per year", self.per_student_per_year),
        ]
        return pd.DataFrame(rows, columns=["measure", "value"])


def tco(items: list[CostItem], devices: int, students: int, years: int) -> TCOResult:
    """Add up cost items over fiscal years 1..``years``.

    Parameters
    ----------
    items
        The program's cost items (at least one).
    devices
        Devices in the program (at least 1); multiplies per-device items.
    students
        Students served (at least 1), for the per-student figures.
    years
        Length of the horizon in years (at least 1). Items starting later add nothing.

    Examples
    --------
    >>> items = [
    ...     CostItem("Chromebooks", "hardware", upfront=300, per_device=True),
    ...     CostItem("Help desk", "it_labor", annual=20_000),
    ...     CostItem("Peer support time", "end_user_support", annual=5, per_device=True),
    ... ]
    >>> result = tco(items, devices=100, students=100, years=4)
    >>> result.total, result.direct, result.indirect
    (112000.0, 110000.0, 2000.0)
    >>> result.per_device_year
    280.0
    >>> result.by_year["total"].tolist()
    [50500.0, 20500.0, 20500.0, 20500.0]
    """
    import pandas as pd

    if isinstance(items, CostItem) or not isinstance(items, (list, tuple)) or not items:
        raise InputError("items", items, "a non-empty list of CostItem")
    for i, item in enumerate(items):
        if not isinstance(item, CostItem):
            raise InputError(f"items[{i}]", item, "a CostItem")
    n_devices = check_count("devices", devices, minimum=1)
    n_students = check_count("students", students, minimum=1)
    n_years = check_count("years", years, minimum=1)

    table = np.zeros((n_years, len(CATEGORIES)))
    totals = []
    for item in items:
        costs = item.costs(n_devices, n_years)
        table[:, CATEGORIES.index(item.category)] += costs
        totals.append((item.name, item.category, item.kind, float(costs.sum())))
    index = pd.RangeIndex(1, n_years + 1, name="year")
    by_year = pd.DataFrame(table, index=index, columns=list(CATEGORIES))
    by_year["total"] = table.sum(axis=1)
    by_item = pd.DataFrame(totals, columns=["item", "category", "kind", "total"])
    return TCOResult(by_year, by_item, n_devices, n_students, n_years)

