"""Instructional tools: use, cost per active user, overlap, renewal, and how adoption spreads.

Conventions (every function here follows them):

- Money is US dollars a year; a licence's price is per seat per year.
- A tool's **monthly active users** are the people who signed in at least once
  in that month. Its **active users** for the year are the mean of its monthly
  active users over the months in the usage table; its **peak** is the largest
  month. **Utilization** is active users divided by licences bought.
- **Cost per active user** is the annual cost divided by the active users.
- How adoption spreads (Rogers' categories, Bass and logistic fits) lives in
  :mod:`workbook.tools.diffusion`; its names are re-exported here.

Examples
--------
>>> cost_per_active_user(4_800, 240)
20.0
>>> right_size(300, headroom=0.10)
330
>>> adopter_category(0.30)
'early majority'
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any

import numpy as np

from workbook.errors import InputError
from workbook.tools._validate import as_table, check_fraction, check_number
from workbook.tools.diffusion import (ROGERS_CATEGORIES, BassFit, LogisticFit, adopter_category, bass_cumulative,
                                      fit_bass, fit_logistic)

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = [
    "cost_per_active_user",
    "usage_summary",
    "overlapping_tools",
    "right_size",
    "renewal_plan",
    "ROGERS_CATEGORIES",
    "adopter_category",
    "bass_cumulative",
    "BassFit",
    "fit_bass",
    "LogisticFit",
    "fit_logistic",
]

INVENTORY_COLUMNS = ("tool", "job", "licences", "price_per_licence")
USAGE_COLUMNS = ("tool", "school", "month", "logins", "active_users")


def cost_per_active_user(annual_cost: float, active_users: float) -> float:
    """Annual cost divided by active users, in dollars per active user.

    Examples
    --------
    >>> cost_per_active_user(12_000, 400)
    30.0
    >>> cost_per_active_user(12_000, 0)
    Traceback (most recent call last):
    ...
    workbook.errors.InputError: active_users = 0 is not allowed: expected a number > 0 (a tool nobody used has no cost per user: check the export, or drop it)
    """
    cost = check_number("annual_cost", annual_cost, minimum=0)
    users = check_number("active_users", active_users, minimum=0)
    if users == 0:
        raise InputError("active_users", active_users,
                         "a number > 0 (a tool nobody used has no cost per user: check the export, or drop it)")
    return cost / users


def _inventory(inventory: Any) -> pd.DataFrame:
    table = as_table("inventory", inventory, INVENTORY_COLUMNS, noun="tool")
    if table["tool"].duplicated().any():
        raise InputError("inventory.tool", table.loc[table["tool"].duplicated(), "tool"].iloc[0], "each tool listed once")
    for column in ("licences", "price_per_licence"):
        for i, value in enumerate(table[column]):
            v = value.item() if isinstance(value, np.generic) else value
            check_number(f"inventory.{column}[{i}] ({table['tool'].iloc[i]})", v, minimum=0)
    return table


def usage_summary(inventory: Any, usage: Any) -> pd.DataFrame:
    """Per tool: licences, annual cost, logins, active users, peak, utilization and cost per active user.

    Parameters
    ----------
    inventory
        One row per tool: ``tool``, ``job`` (what it is for: tools with the
        same job overlap), ``licences`` (seats bought) and
        ``price_per_licence`` (dollars per seat per year); other columns
        are kept.
    usage
        One row per tool, school and month: ``tool``, ``school``, ``month``,
        ``logins`` and ``active_users`` (people who signed in that month).
        Every tool must be in the inventory; a tool with no usage rows had no
        active users.

    Returns
    -------
    DataFrame
        The inventory's columns in its order, plus ``annual_cost``,
        ``logins``, ``active_users`` (mean over the months of the table),
        ``peak_active`` (largest month), ``utilization`` (active users over
        licences; 0 without licences) and ``cost_per_active_user`` (infinite
        when nobody used it).

    Examples
    --------
    >>> inv = [{"tool": "A", "job": "quiz", "licences": 100, "price_per_licence": 6.0}]
    >>> use = [{"tool": "A", "school": "S1", "month": "2026-09", "logins": 300, "active_users": 40},
    ...        {"tool": "A", "school": "S2", "month": "2026-09", "logins": 100, "active_users": 20},
    ...        {"tool": "A", "school": "S1", "month": "2026-10", "logins": 90, "active_users": 30}]
    >>> row = usage_summary(inv, use).iloc[0]
    >>> float(row["active_users"]), int(row["peak_active"]), float(row["utilization"]), float(row["cost_per_active_user"])
    (45.0, 60, 0.45, 13.333333333333334)
    >>> usage_summary(inv, [{"tool": "B", "school": "S1", "month": "2026-09", "logins": 1, "active_users": 1}])
    Traceback (most recent call last):
    ...
    workbook.errors.InputError: usage.tool = 'B' is not allowed: expected a tool of the inventory ('A')
    """
    import pandas as pd

    tools = _inventory(inventory)
    use = as_table("usage", usage, USAGE_COLUMNS)
    known = set(tools["tool"])
    for name in use["tool"]:
        if name not in known:
            raise InputError("usage.tool", name, "a tool of the inventory (" + ", ".join(repr(t) for t in tools["tool"]) + ")")
    for column in ("logins", "active_users"):
        values = pd.to_numeric(use[column], errors="coerce")
        bad = values.isna() | (values < 0)
        if bad.any():
            i = int(np.flatnonzero(bad.to_numpy())[0])
            value = use[column].iloc[i]
            raise InputError(f"usage.{column}[{i}]", value.item() if isinstance(value, np.generic) else value, "a number >= 0")
        use[column] = values
    months = max(int(use["month"].nunique()), 1)
    monthly = use.groupby(["tool", "month"])["active_users"].sum()
    by_tool = monthly.groupby(level="tool")
    tools["annual_cost"] = tools["licences"].astype(float) * tools["price_per_licence"].astype(float)
    tools["logins"] = tools["tool"].map(use.groupby("tool")["logins"].sum()).fillna(0).astype(int)
    tools["active_users"] = tools["tool"].map(by_tool.sum() / months).fillna(0.0)
    tools["peak_active"] = tools["tool"].map(by_tool.max()).fillna(0).astype(int)
    lic = tools["licences"].astype(float)
    tools["utilization"] = np.where(lic > 0, tools["active_users"] / lic.where(lic > 0, 1), 0.0)
    active = tools["active_users"]
    tools["cost_per_active_user"] = np.where(active > 0, tools["annual_cost"] / active.where(active > 0, 1), math.inf)
    return tools


def overlapping_tools(inventory: Any) -> dict[str, list[str]]:
    """Jobs done by more than one tool: job -> its tools, in inventory order.

    >>> overlapping_tools([{"tool": "A", "job": "quiz", "licences": 1, "price_per_licence": 1},
    ...                    {"tool": "B", "job": "video", "licences": 1, "price_per_licence": 1},
    ...                    {"tool": "C", "job": "quiz", "licences": 1, "price_per_licence": 1}])
    {'quiz': ['A', 'C']}
    """
    tools = _inventory(inventory)
    groups: dict[str, list[str]] = {}
    for tool, job in zip(tools["tool"], tools["job"]):
        groups.setdefault(str(job), []).append(str(tool))
    return {job: names for job, names in groups.items() if len(names) > 1}


def right_size(peak_active: float, *, headroom: float = 0.10) -> int:
    """Licences to renew: the peak month's active users plus ``headroom``, rounded up to a whole seat.

    Examples
    --------
    >>> right_size(240, headroom=0.25)
    300
    >>> right_size(0)
    0
    >>> right_size(100, headroom=1.5)
    Traceback (most recent call last):
    ...
    workbook.errors.InputError: headroom = 1.5 is not allowed: expected a fraction between 0 and 1 (write 25% as 0.25)
    """
    peak = check_number("peak_active", peak_active, minimum=0)
    room = check_fraction("headroom", headroom)
    return int(math.ceil(round(peak * (1 + room), 6)))


def renewal_plan(summary: Any, *, min_utilization: float = 0.30, headroom: float = 0.10) -> pd.DataFrame:
    """Keep, drop and right-size each tool at renewal, with the reason and the saving.

    The rules, in order:

    1. **Under-used**: a tool whose utilization is below ``min_utilization``
       is dropped.
    2. **Overlap**: among the tools left for the same job, the one with the
       lowest cost per active user is kept (ties: more active users, then
       the name); the others are dropped.
    3. **Right-size**: a kept tool renews :func:`right_size` licences (its
       peak month plus ``headroom``), which may be more or fewer than now.

    Parameters
    ----------
    summary
        The table :func:`usage_summary` returns (at least ``tool``, ``job``,
        ``licences``, ``price_per_licence``, ``active_users``,
        ``peak_active``, ``utilization``, ``cost_per_active_user``).

    Returns
    -------
    DataFrame
        ``tool``, ``job``, ``decision`` (``keep``/``drop``), ``reason``,
        ``licences``, ``renew_licences``, ``annual_cost``, ``renewal_cost``
        and ``saving`` (annual cost minus renewal cost), in the summary's
        order. ``attrs["saving"]`` is the total saving and ``attrs["dropped"]``
        the dropped tools, sorted by name.

    Examples
    --------
    >>> import pandas as pd
    >>> s = pd.DataFrame({"tool": ["A", "B", "C"], "job": ["quiz", "quiz", "video"],
    ...                   "licences": [100, 200, 50], "price_per_licence": [5.0, 4.0, 10.0],
    ...                   "active_users": [50.0, 60.0, 10.0], "peak_active": [70, 80, 12]})
    >>> s["annual_cost"] = s["licences"] * s["price_per_licence"]
    >>> s["utilization"] = s["active_users"] / s["licences"]
    >>> s["cost_per_active_user"] = s["annual_cost"] / s["active_users"]
    >>> plan = renewal_plan(s, min_utilization=0.25, headroom=0.10)
    >>> plan[["tool", "decision", "renew_licences", "saving"]].values.tolist()
    [['A', 'keep', 77, 115.0], ['B', 'drop', 0, 800.0], ['C', 'drop', 0, 500.0]]
    >>> plan.attrs["dropped"], plan.attrs["saving"]
    (['B', 'C'], 1415.0)
    >>> renewal_plan(s, min_utilization=30)
    Traceback (most recent call last):
    ...
    workbook.errors.InputError: min_utilization = 30 is not allowed: expected a fraction between 0 and 1 (write 25% as 0.25)
    """
    need = ("tool", "job", "licences", "price_per_licence", "annual_cost", "active_users", "peak_active",
            "utilization", "cost_per_active_user")
    table = as_table("summary", summary, need, noun="tool")
    floor = check_fraction("min_utilization", min_utilization)
    check_fraction("headroom", headroom)
    decision, reason = {}, {}
    for tool, used in zip(table["tool"], table["utilization"]):
        if float(used) < floor:
            decision[tool], reason[tool] = "drop", f"under-used: {float(used):.0%} of licences active, below {floor:.0%}"
    left = table[~table["tool"].isin(decision)]
    for job, group in left.groupby("job", sort=False):
        ranked = group.sort_values(["cost_per_active_user", "active_users", "tool"], ascending=[True, False, True], kind="mergesort")
        keeper = ranked["tool"].iloc[0]
        for tool in ranked["tool"]:
            if tool == keeper:
                decision[tool] = "keep"
                reason[tool] = "only tool for this job" if len(ranked) == 1 else "lowest cost per active user for this job"
            else:
                decision[tool], reason[tool] = "drop", f"overlap: {keeper} does the same job for less per active user"
    out = table[["tool", "job", "licences", "annual_cost"]].copy()
    out.insert(2, "decision", out["tool"].map(decision))
    out.insert(3, "reason", out["tool"].map(reason))
    out["renew_licences"] = [right_size(float(peak), headroom=headroom) if decision[t] == "keep" else 0
                             for t, peak in zip(table["tool"], table["peak_active"])]
    out["renewal_cost"] = out["renew_licences"] * table["price_per_licence"].astype(float)
    out["saving"] = out["annual_cost"].astype(float) - out["renewal_cost"]
    out = out[["tool", "job", "decision", "reason", "licences", "renew_licences", "annual_cost", "renewal_cost", "saving"]]
    out.attrs["saving"] = float(out["saving"].sum())
    out.attrs["dropped"] = sorted(str(t) for t, d in decision.items() if d == "drop")
    return out
