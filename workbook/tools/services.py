"""Technology services: device fleet age, a level-loaded refresh schedule, software currency.

The help desk analytics live in :mod:`workbook.tools.helpdesk` and are
re-exported here, so ``from workbook.tools.services import backlog`` works.

Ages count whole fiscal years: a device bought in the fiscal year that starts
in 2022 is 4 years old in 2026-27. ``purchase_year`` is that starting calendar
year (2022 for 2022-23).
"""

from __future__ import annotations

import datetime as dt
import math
import re
from typing import TYPE_CHECKING, Any

from workbook.errors import InputError
from workbook.tools._validate import as_table, check_count, check_number
from workbook.tools.fiscal_year import fiscal_year_start, fiscal_years
from workbook.tools.helpdesk import backlog, sla_attainment, staffing_ratios, ticket_volume, time_to_resolve

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = [
    "fleet_age_profile",
    "refresh_schedule",
    "software_currency",
    "ticket_volume",
    "backlog",
    "time_to_resolve",
    "sla_attainment",
    "staffing_ratios",
    "staffing_gap",
    "service_to_contract",
    "aue_within",
]


def _inventory(inventory: Any, as_of: str) -> pd.DataFrame:
    """Validated (purchase_year, count) rows; ``count`` defaults to 1 (one row per device)."""
    start = fiscal_year_start(as_of, name="as_of")
    frame = as_table("inventory", inventory)
    if "purchase_year" not in frame.columns:
        raise InputError("inventory", list(frame.columns), "a purchase_year column (and count, unless one row per device)")
    if "count" not in frame.columns:
        frame["count"] = 1
    years, counts = [], []
    for i, (y, c) in enumerate(zip(frame["purchase_year"], frame["count"])):
        y = y.item() if hasattr(y, "item") else y
        c = c.item() if hasattr(c, "item") else c
        year = check_count(f"inventory[{i}].purchase_year", y, minimum=1980)
        if year > start:
            raise InputError(f"inventory[{i}].purchase_year", y, f"a year no later than {start} (as_of is {as_of})")
        years.append(year)
        counts.append(check_count(f"inventory[{i}].count", c))
    frame["purchase_year"], frame["count"] = years, counts
    frame["age_years"] = [start - y for y in years]
    return frame


def fleet_age_profile(inventory: Any, as_of: str, lifespan_years: int | None = None) -> pd.DataFrame:
    """How many devices are each age, and which are past their planned life.

    Parameters
    ----------
    inventory
        DataFrame (or list of dicts) with ``purchase_year`` and ``count`` (or
        one row per device without ``count``).
    as_of
        The fiscal year to measure age in, e.g. ``"2026-27"``.
    lifespan_years
        Planned refresh cycle; when given, ``past_lifespan`` marks ages at or beyond it.

    Examples
    --------
    >>> inv = [{"purchase_year": 2022, "count": 300}, {"purchase_year": 2025, "count": 100},
    ...        {"purchase_year": 2022, "count": 50}]
    >>> fleet_age_profile(inv, "2026-27", lifespan_years=4).values.tolist()
    [[1, 100, 0.2222, 0.2222, False], [4, 350, 0.7778, 1.0, True]]
    """
    import pandas as pd

    frame = _inventory(inventory, as_of)
    total = int(frame["count"].sum())
    if total == 0:
        raise InputError("inventory", "0 devices", "at least one device")
    grouped = frame.groupby("age_years", sort=True)["count"].sum()
    out = pd.DataFrame({"age_years": grouped.index.astype(int), "devices": grouped.to_numpy().astype(int)})
    out["share"] = (out["devices"] / total).round(4)
    out["cumulative_share"] = (out["devices"].cumsum() / total).round(4)
    if lifespan_years is not None:
        life = check_count("lifespan_years", lifespan_years, minimum=1)
        out["past_lifespan"] = out["age_years"] >= life
    return out


def refresh_schedule(
    inventory: Any,
    annual_budget: float,
    unit_cost: float,
    lifespan_years: int,
    years: int,
    *,
    start: str = "2026-27",
) -> pd.DataFrame:
    """A level-loaded device refresh plan that never spends more than ``annual_budget``.

    Each year the plan replaces the steady-state quota, ``ceil(fleet / lifespan)``
    devices, oldest first; when more devices than that are already at or past
    their lifespan it replaces those too, so the backlog clears; and it never
    buys more than ``floor(annual_budget / unit_cost)`` devices. New devices
    join the fleet at age 0 and age with it.

    Returns
    -------
    DataFrame
        One row per fiscal year: ``fiscal_year``, ``due`` (at or past lifespan
        before replacing), ``replaced``, ``cost``, ``budget``, ``unspent``,
        ``past_lifespan_after``, ``average_age_after`` (years, at the end of the year's purchases).

    Examples
    --------
    >>> inv = [{"purchase_year": 2021, "count": 400}, {"purchase_year": 2023, "count": 400},
    ...        {"purchase_year": 2025, "count": 200}]
    >>> plan = refresh_schedule(inv, 100_000, 400, 4, 3, start="2026-27")
    >>> plan[["fiscal_year", "due", "replaced", "cost", "past_lifespan_after"]].values.tolist()
    [['2026-27', 400, 250, 100000.0, 150], ['2027-28', 550, 250, 100000.0, 300], ['2028-29', 300, 250, 100000.0, 50]]
    """
    import pandas as pd

    frame = _inventory(inventory, start)
    budget = check_number("annual_budget", annual_budget, minimum=0)
    cost = check_number("unit_cost", unit_cost, minimum=0, strict_minimum=True)
    life = check_count("lifespan_years", lifespan_years, minimum=1)
    n_years = check_count("years", years, minimum=1)
    # devices by age (index = age in years)
    ages: dict[int, int] = {}
    for a, c in zip(frame["age_years"], frame["count"]):
        ages[int(a)] = ages.get(int(a), 0) + int(c)
    fleet = sum(ages.values())
    quota = math.ceil(fleet / life)
    affordable = int(math.floor(budget / cost))
    while (affordable + 1) * cost <= budget:  # floating-point guard: never one short
        affordable += 1
    while affordable > 0 and affordable * cost > budget:  # ... and never one over
        affordable -= 1
    rows = []
    for label in fiscal_years(start, n_years):
        due = sum(c for a, c in ages.items() if a >= life)
        want = min(max(quota, due), fleet, affordable)
        left = want
        for a in sorted(ages, reverse=True):  # oldest first
            take = min(left, ages[a])
            ages[a] -= take
            left -= take
            if left == 0:
                break
        replaced = want - left
        ages[0] = ages.get(0, 0) + replaced
        ages = {a: c for a, c in ages.items() if c > 0}
        spent = replaced * cost
        rows.append({
            "fiscal_year": label,
            "due": due,
            "replaced": replaced,
            "cost": spent,
            "budget": budget,
            "unspent": budget - spent,
            "past_lifespan_after": sum(c for a, c in ages.items() if a >= life),
            "average_age_after": round(sum(a * c for a, c in ages.items()) / fleet, 2) if fleet else 0.0,
        })
        ages = {a + 1: c for a, c in ages.items()}  # a year passes
    return pd.DataFrame(rows)


def _as_date(name: str, value: Any) -> dt.date:
    import pandas as pd

    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str) and re.match(r"^\s*\d{4}-\d{1,2}-\d{1,2}", value):
        try:
            return pd.Timestamp(value).date()
        except (ValueError, TypeError):
            pass
    raise InputError(name, value, 'a date such as "2026-07-01"')


def software_currency(inventory: Any, as_of: Any, *, horizon_days: int = 365) -> pd.DataFrame:
    """What reaches end of support when, and what staying current costs.

    Parameters
    ----------
    inventory
        DataFrame (or list of dicts) with ``product``, ``version``,
        ``end_of_support`` (a date) and ``count`` (installs or licences);
        optionally ``upgrade_cost_per_unit`` ($, default 0).
    as_of
        The date to measure from (``"2026-07-01"`` or a date).
    horizon_days
        Products whose support ends within this many days are "ending soon".

    Returns
    -------
    DataFrame
        Sorted by ``end_of_support``, with ``days_left`` (negative when past),
        ``status`` (``unsupported``, ``ending soon``, ``supported``),
        ``fiscal_year_of_end`` and ``cost_to_stay_current`` (count x upgrade
        cost for unsupported and ending-soon rows, else 0).

    Examples
    --------
    >>> inv = [
    ...     {"product": "Windows 10", "version": "22H2", "end_of_support": "2025-10-14", "count": 40, "upgrade_cost_per_unit": 0},
    ...     {"product": "SQL Server", "version": "2016", "end_of_support": "2026-07-14", "count": 2, "upgrade_cost_per_unit": 3_000},
    ...     {"product": "Windows Server", "version": "2019", "end_of_support": "2029-01-09", "count": 6, "upgrade_cost_per_unit": 1_000},
    ... ]
    >>> out = software_currency(inv, "2026-03-01")
    >>> out[["product", "days_left", "status", "fiscal_year_of_end", "cost_to_stay_current"]].values.tolist()
    [['Windows 10', -138, 'unsupported', '2025-26', 0.0], ['SQL Server', 135, 'ending soon', '2026-27', 6000.0], ['Windows Server', 1045, 'supported', '2028-29', 0.0]]
    """
    import pandas as pd

    day = _as_date("as_of", as_of)
    horizon = check_count("horizon_days", horizon_days)
    frame = as_table("inventory", inventory, ("product", "version", "end_of_support", "count"))
    if "upgrade_cost_per_unit" not in frame.columns:
        frame["upgrade_cost_per_unit"] = 0.0
    ends = [_as_date(f"inventory[{i}].end_of_support", v if not isinstance(v, pd.Timestamp) else v.date())
            for i, v in enumerate(frame["end_of_support"])]
    counts = [check_count(f"inventory[{i}].count", v.item() if hasattr(v, "item") else v) for i, v in enumerate(frame["count"])]
    unit = [check_number(f"inventory[{i}].upgrade_cost_per_unit", v.item() if hasattr(v, "item") else v, minimum=0)
            for i, v in enumerate(frame["upgrade_cost_per_unit"])]
    frame["end_of_support"], frame["count"], frame["upgrade_cost_per_unit"] = ends, counts, unit
    frame["days_left"] = [(e - day).days for e in ends]
    frame["status"] = ["unsupported" if d < 0 else "ending soon" if d <= horizon else "supported" for d in frame["days_left"]]
    frame["fiscal_year_of_end"] = [
        f"{e.year if e.month >= 7 else e.year - 1}-{(e.year + 1 if e.month >= 7 else e.year) % 100:02d}" for e in ends
    ]
    frame["cost_to_stay_current"] = [
        round(c * u, 2) if s != "supported" else 0.0 for c, u, s in zip(counts, unit, frame["status"])
    ]
    return pd.DataFrame(frame.sort_values(["end_of_support", "product"], kind="mergesort").reset_index(drop=True))


def staffing_gap(catalogue: Any, staff: float) -> float:
    """FTE the catalogue needs beyond the staff the department has (0 when it has enough), 1 decimal.

    >>> staffing_gap([{"service": "Help desk", "fte_needed": 4.5}, {"service": "Network", "fte_needed": 2.0}], 5)
    1.5
    >>> staffing_gap([{"service": "Help desk", "fte_needed": 1.0}], 3)
    0.0
    """
    frame = as_table("catalogue", catalogue, ("service", "fte_needed"))
    have = check_number("staff", staff, minimum=0)
    need = sum(check_number(f"catalogue[{i}].fte_needed", float(v), minimum=0) for i, v in enumerate(frame["fte_needed"]))
    return round(max(0.0, need - have), 1)


def service_to_contract(catalogue: Any, gap: float) -> str:
    """The service to contract out to close a staffing gap: the smallest whose FTE covers it.

    When no single service covers the gap, the largest (it closes the most);
    ``"none"`` when there is no gap. Ties go to the service listed first.

    >>> cat = [{"service": "Help desk", "fte_needed": 4.5}, {"service": "Network", "fte_needed": 2.0},
    ...        {"service": "Audio-visual", "fte_needed": 1.8}]
    >>> service_to_contract(cat, 1.5), service_to_contract(cat, 3.0), service_to_contract(cat, 9), service_to_contract(cat, 0)
    ('Audio-visual', 'Help desk', 'Help desk', 'none')
    """
    frame = as_table("catalogue", catalogue, ("service", "fte_needed"))
    need = check_number("gap", gap, minimum=0)
    if need <= 0:
        return "none"
    rows = [(float(f), i, str(name)) for i, (name, f) in enumerate(zip(frame["service"], frame["fte_needed"]))]
    covering = [r for r in rows if r[0] >= need - 1e-9]
    if covering:
        return min(covering)[2]
    return max(rows, key=lambda r: (r[0], -r[1]))[2]


def aue_within(inventory: Any, last_year: int) -> int:
    """Chromebooks whose Auto Update Expiration year is at or before ``last_year`` (a calendar year).

    >>> inv = [{"type": "student Chromebook", "count": 300, "aue_year": 2029},
    ...        {"type": "student Chromebook", "count": 500, "aue_year": 2033},
    ...        {"type": "staff Windows laptop", "count": 40, "aue_year": None}]
    >>> aue_within(inv, 2029)
    300
    """
    import pandas as pd

    frame = as_table("inventory", inventory, ("count", "aue_year"))
    year = check_count("last_year", last_year, minimum=1980)
    aue = pd.to_numeric(frame["aue_year"], errors="coerce")
    return int(frame.loc[aue.notna() & (aue <= year), "count"].sum())
