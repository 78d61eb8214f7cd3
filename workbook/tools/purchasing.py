"""Purchasing: which route the Public Contract Code allows for a district purchase.

The decision table (Public Contract Code; thresholds in
``data/reference/bid_thresholds.csv`` with source, year and confidence):

=====================  ==========================================================
purchase               route
=====================  ==========================================================
goods or services,     ``piggyback``: another public agency's competitively bid
another agency's       contract that allows it (PCC 20118; goods only, not
contract               services or construction), after a board finding
goods or services      ``cmas``: the state's California Multiple Award Schedules
on CMAS                (PCC 10298-10299), no further bidding (not construction)
goods or services      ``formal bid`` when the amount is **more than** the PCC
                       20111(a) threshold of the purchase's calendar year
                       (for technology, ``formal bid or competitive
                       negotiation``: PCC 20118.2 allows an RFP that weighs more
                       than price; PCC 20118.1 lets the board choose among the
                       three lowest responsible bidders); otherwise ``informal``
public project          ``formal bid`` at **15,000 dollars or more** (PCC 20111(b));
(construction work)    a district under the Uniform Public Construction Cost
                       Accounting Act (CUPCCAA) instead: ``informal`` up to
                       75,000, ``cupccaa informal bid`` up to 220,000, above
                       that ``formal bid`` (PCC 22032, from 2025)
=====================  ==========================================================

**Splitting** a purchase into smaller orders to stay under a threshold is
unlawful (PCC 20116): :func:`purchase_routes` adds up the orders of one
``need`` in one fiscal year and decides on the total.

The threshold is set each January (the Superintendent of Public Instruction
adjusts it): a purchase dated in 2026 uses the 2026 figure. Years after the
table carry the last known threshold forward.

Examples
--------
>>> purchase_route(120_000, "technology", 2025)
'formal bid or competitive negotiation'
>>> purchase_route(120_000, "supplies", 2025, contract="cmas")
'cmas'
>>> purchase_route(20_000, "public_project", 2025, cupccaa=True)
'informal'
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from typing import Any

import numpy as np
import pandas as pd

from workbook.errors import InputError
from workbook.tools._validate import as_table, check_choice, check_number
from workbook.tools.reference import shared_table

__all__ = ["KINDS", "CONTRACTS", "ROUTES", "COMPETITIVE", "bid_threshold", "threshold_note", "purchase_route", "purchase_routes"]

#: What is bought: goods (supplies, equipment), technology (computers, software, telecommunications), services, or a public project.
KINDS = ("supplies", "technology", "services", "public_project")
#: An existing contract the district may use instead of its own bid.
CONTRACTS = ("none", "piggyback", "cmas")
#: Every route the decision table can return.
ROUTES = ("informal", "cupccaa informal bid", "formal bid", "formal bid or competitive negotiation", "piggyback", "cmas")
#: The routes that are a competitive process the district runs itself.
COMPETITIVE = ("formal bid", "formal bid or competitive negotiation")


def _year(name: str, value: Any) -> int:
    if isinstance(value, (dt.date, pd.Timestamp)):
        return int(value.year)
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip()[:10]).year
        except ValueError:
            raise InputError(name, value, "a calendar year (2026) or a date written YYYY-MM-DD") from None
    if isinstance(value, int) and not isinstance(value, bool) and 1990 <= value <= 2100:
        return value
    raise InputError(name, value, "a calendar year (2026) or a date written YYYY-MM-DD")


def _row(kind: str, year: int) -> tuple[Any, bool]:
    rows, years = _kind_rows(kind)
    if kind != "supplies_services":
        return rows.iloc[-1].copy(), False
    if year < int(rows["y"].iloc[0]):
        raise InputError("year", year, f"{rows['y'].iloc[0]} or later (the bid threshold table starts there)")
    known = rows.iloc[int(np.searchsorted(years, year, side="right")) - 1].copy()  # the last row with y <= year
    return known, int(known["y"]) < year


@lru_cache(maxsize=16)
def _kind_rows(kind: str) -> tuple[Any, Any]:
    """The ``bid_thresholds`` rows of one kind sorted by year (column ``y``), and those years: built once, read only."""
    table = shared_table("bid_thresholds")
    rows = table[table["kind"] == kind].assign(y=lambda t: t["year"].astype(int)).sort_values("y")
    return rows, rows["y"].to_numpy()


def bid_threshold(year: Any) -> float:
    """The PCC 20111(a) bid threshold for goods and services in a calendar year, in dollars.

    A purchase of **more than** this amount goes to formal bid.

    Examples
    --------
    >>> bid_threshold(2024), bid_threshold("2025-03-01")
    (114500.0, 114800.0)
    >>> bid_threshold(2027)        # not found after 2025: carried forward
    114800.0
    >>> bid_threshold(2019)
    Traceback (most recent call last):
    ...
    workbook.errors.InputError: year = 2019 is not allowed: expected 2021 or later (the bid threshold table starts there)
    """
    row, _ = _row("supplies_services", _year("year", year))
    return float(row["threshold"])


def threshold_note(year: Any) -> str | None:
    """A note when ``year``'s threshold is carried forward from an earlier year, else ``None``.

    >>> threshold_note(2025) is None
    True
    >>> threshold_note(2026)
    'the 2026 bid threshold was not found: the 2025 figure (114,800 dollars) is carried forward'
    """
    y = _year("year", year)
    row, carried = _row("supplies_services", y)
    if not carried:
        return None
    return f"the {y} bid threshold was not found: the {row['year']} figure ({float(row['threshold']):,.0f} dollars) is carried forward"


def purchase_route(amount: float, kind: str, year: Any, *, contract: str = "none", cupccaa: bool = False) -> str:
    """The route the decision table allows for one purchase (see the module docstring).

    Parameters
    ----------
    amount
        The whole purchase in dollars (for split orders, their total).
    kind
        One of :data:`KINDS`.
    year
        The calendar year (or date) of the purchase.
    contract
        ``"none"``, ``"piggyback"`` (another agency's bid contract that permits
        it) or ``"cmas"``.
    cupccaa
        Whether the district has opted into CUPCCAA (public projects only).

    Examples
    --------
    >>> purchase_route(114_800, "supplies", 2025), purchase_route(114_801, "supplies", 2025)
    ('informal', 'formal bid')
    >>> purchase_route(15_000, "public_project", 2025)
    'formal bid'
    >>> purchase_route(90_000, "services", 2025, contract="piggyback")
    Traceback (most recent call last):
    ...
    workbook.errors.InputError: contract = 'piggyback' is not allowed: expected 'none' or 'cmas' for services (PCC 20118 piggybacking is for goods)
    >>> purchase_route(50_000, "furniture", 2025)
    Traceback (most recent call last):
    ...
    workbook.errors.InputError: kind = 'furniture' is not allowed: expected one of 'supplies', 'technology', 'services', 'public_project'
    """
    money = check_number("amount", amount, minimum=0)
    check_choice("kind", kind, KINDS)
    check_choice("contract", contract, CONTRACTS)
    if not isinstance(cupccaa, bool):
        raise InputError("cupccaa", cupccaa, "True or False")
    y = _year("year", year)
    if kind == "public_project":
        if contract != "none":
            raise InputError("contract", contract, "'none' for a public project (construction is bid under PCC 20111(b) or CUPCCAA)")
        if cupccaa:
            if money <= float(_row("cupccaa_no_bid", y)[0]["threshold"]):
                return "informal"
            return "cupccaa informal bid" if money <= float(_row("cupccaa_informal", y)[0]["threshold"]) else "formal bid"
        return "formal bid" if money >= float(_row("public_project", y)[0]["threshold"]) else "informal"
    if contract == "piggyback" and kind == "services":
        raise InputError("contract", contract, "'none' or 'cmas' for services (PCC 20118 piggybacking is for goods)")
    if contract != "none":
        return contract
    if money <= bid_threshold(y):
        return "informal"
    return "formal bid or competitive negotiation" if kind == "technology" else "formal bid"


def _fiscal_year_of(day: dt.date) -> str:
    start = day.year if day.month >= 7 else day.year - 1
    return f"{start}-{(start + 1) % 100:02d}"


def purchase_routes(purchases: Any, *, cupccaa: bool = False) -> pd.DataFrame:
    """The route for each purchase in a list, adding up split orders (PCC 20116).

    Parameters
    ----------
    purchases
        A DataFrame or list of dicts with ``id``, ``description``, ``kind``,
        ``amount``, ``date`` (YYYY-MM-DD) and ``need`` (orders for the same
        need share a label; a blank need stands alone); optional ``contract``.
    cupccaa
        Whether the district has opted into CUPCCAA.

    Returns
    -------
    pandas.DataFrame
        The purchases with ``need_total`` (the need's total in that fiscal
        year), ``split`` (True when that total crosses into a route the single
        order would have escaped), ``threshold`` (the amount above which
        formal bidding applies to that kind) and ``route``.

    Examples
    --------
    >>> orders = [
    ...     {"id": "A", "description": "Chromebooks, school 1", "kind": "technology", "amount": 70_000, "date": "2025-08-04", "need": "fall refresh"},
    ...     {"id": "B", "description": "Chromebooks, school 2", "kind": "technology", "amount": 60_000, "date": "2025-09-15", "need": "fall refresh"},
    ...     {"id": "C", "description": "Toner", "kind": "supplies", "amount": 9_000, "date": "2025-10-01", "need": ""},
    ... ]
    >>> purchase_routes(orders)[["id", "need_total", "split", "route"]].values.tolist()
    [['A', 130000.0, True, 'formal bid or competitive negotiation'], ['B', 130000.0, True, 'formal bid or competitive negotiation'], ['C', 9000.0, False, 'informal']]
    """
    frame = as_table("purchases", purchases, ["id", "description", "kind", "amount", "date", "need"], noun="purchase")
    if "contract" not in frame.columns:
        frame["contract"] = "none"
    frame["contract"] = frame["contract"].fillna("none").replace("", "none")
    if frame["id"].duplicated().any():
        raise InputError("purchases.id", list(frame["id"]), "a unique id for each purchase")
    days, fys = [], []
    for i, row in frame.iterrows():
        amount = row["amount"].item() if hasattr(row["amount"], "item") else row["amount"]
        frame.at[i, "amount"] = check_number(f"purchases[{i}].amount", amount, minimum=0)
        check_choice(f"purchases[{i}].kind", row["kind"], KINDS)
        _year(f"purchases[{i}].date", row["date"])
        day = dt.date.fromisoformat(str(row["date"])[:10])
        days.append(day)
        fys.append(_fiscal_year_of(day))
    frame["amount"] = frame["amount"].astype(float)
    frame["need"] = frame["need"].fillna("").astype(str)
    frame["fiscal_year"] = fys
    key = frame["need"].where(frame["need"].str.strip() != "", "#" + frame["id"].astype(str))
    frame["need_total"] = frame.groupby([key, frame["fiscal_year"]])["amount"].transform("sum")
    routes, alone, thresholds = [], [], []
    for (i, row), day in zip(frame.iterrows(), days):
        try:
            routes.append(purchase_route(row["need_total"], row["kind"], day, contract=row["contract"], cupccaa=cupccaa))
            alone.append(purchase_route(row["amount"], row["kind"], day, contract=row["contract"], cupccaa=cupccaa))
        except InputError as exc:
            raise InputError(f"purchases[{i}].{exc.field}", exc.value, exc.allowed) from None
        if row["kind"] == "public_project":
            thresholds.append(float(_row("cupccaa_informal" if cupccaa else "public_project", day.year)[0]["threshold"]))
        else:
            thresholds.append(bid_threshold(day))
    frame["threshold"] = thresholds
    frame["route"] = routes
    frame["split"] = [r != a for r, a in zip(routes, alone)]
    return frame
