"""A multi-year budget worksheet with SACS codes, E-rate and variance.

Build :class:`~workbook.tools.budget_lines.BudgetLine` objects (or take them
from a district profile with :func:`district_budget_lines`), then call
:func:`budget_worksheet`. The result keeps restricted money (any resource
outside 0000-1999) apart from unrestricted money, so a grant spent over
several years never looks like an unrestricted surplus.

E-rate lines (``erate_category=1`` or ``2``) carry their pre-discount cost in
``amount``; the worksheet's year columns hold the **district's share** (what
the district budgets when the provider bills USAC for the discount), and
:attr:`BudgetWorksheet.erate` shows gross, E-rate share and district share.

Examples
--------
>>> lines = [
...     BudgetLine("LCFF", "revenue", "0000", "8011", 1_000_000, 0.03),
...     BudgetLine("Software", "expenditure", "0000", "5800", 200_000, 0.03),
... ]
>>> ws = budget_worksheet(lines, "2026-27", 3)
>>> ws.table[["2026-27", "2027-28", "2028-29"]].round(2).values.tolist()
[[1000000.0, 1030000.0, 1060900.0], [200000.0, 206000.0, 212180.0]]
>>> ws.summary().loc[("total", "net")].round(2).tolist()
[800000.0, 824000.0, 848720.0]
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from workbook.errors import InputError
from workbook.tools._validate import as_float_array, check_choice, check_fraction, check_number
from workbook.tools.budget_lines import (
    BudgetLine,
    benefit_line,
    district_budget_lines,
    line_values,
)
from workbook.tools.erate import erate_discount
from workbook.tools.fiscal_year import check_fiscal_year, fiscal_years
from workbook.tools.reference import carried_forward, provisional, shared_table

__all__ = [
    "BudgetLine",
    "BudgetWorksheet",
    "benefit_line",
    "budget_worksheet",
    "district_budget_lines",
    "fiscal_years",
    "variance",
]

MAJOR_OBJECTS = ["1000", "2000", "3000", "4000", "5000", "6000", "7000"]


@dataclass(frozen=True)
class BudgetWorksheet:
    """The result of :func:`budget_worksheet`.

    Attributes
    ----------
    years
        The fiscal years, in order.
    table
        One row per line: ``description``, ``kind``, ``resource``,
        ``object_code``, ``major_object``, ``restricted``, ``escalator``,
        ``erate_discount`` (0 unless an E-rate line), ``one_time`` (the year
        of a one-time line, else ``""``), then one column per fiscal year.
    erate
        One row per E-rate line and year: ``description``, ``fiscal_year``,
        ``gross``, ``discount``, ``erate_share``, ``district_share``.
    notes
        Plain-language notes, e.g. a rate carried forward past its table.
    """

    years: tuple[str, ...]
    table: pd.DataFrame
    erate: pd.DataFrame
    notes: tuple[str, ...]

    def summary(self) -> pd.DataFrame:
        """Revenue, expenditure and net per year, unrestricted / restricted / total.

        Rows are a MultiIndex ``(fund, measure)``; columns are fiscal years.
        """
        years = list(self.years)
        rows, index = [], []
        for fund, mask in (
            ("unrestricted", ~self.table["restricted"]),
            ("restricted", self.table["restricted"]),
            ("total", pd.Series(True, index=self.table.index)),
        ):
            part = self.table[mask]
            revenue = part.loc[part["kind"] == "revenue", years].sum()
            spend = part.loc[part["kind"] == "expenditure", years].sum()
            for measure, values in (
                ("revenue", revenue),
                ("expenditure", spend),
                ("net", revenue - spend),
            ):
                index.append((fund, measure))
                rows.append(values.to_numpy(dtype=float))
        return pd.DataFrame(
            rows,
            index=pd.MultiIndex.from_tuples(index, names=["fund", "measure"]),
            columns=years,
        )

    def by_object(self) -> pd.DataFrame:
        """Expenditure per major object (1000 ... 7000) and year, with the object's name."""
        years = list(self.years)
        spend = self.table[self.table["kind"] == "expenditure"]
        grouped = spend.groupby("major_object")[years].sum()
        grouped = grouped.reindex(MAJOR_OBJECTS, fill_value=0.0).astype(float)
        objects = shared_table("sacs_objects").set_index("object_code")["name"]
        grouped.insert(0, "name", [str(objects.get(code, "")) for code in MAJOR_OBJECTS])
        grouped.index.name = "object"
        return grouped

    def ending_balance(self, beginning_balance: float, *, restricted: float = 0.0) -> pd.DataFrame:
        """Fund balance year by year.

        Parameters
        ----------
        beginning_balance
            Total fund balance at the start of the first year (may be negative).
        restricted
            The part of ``beginning_balance`` that is restricted (>= 0).

        Returns
        -------
        pandas.DataFrame
            One row per fiscal year: ``beginning``, ``revenue``, ``expenditure``,
            ``net``, ``ending``, ``unrestricted_ending``, ``restricted_ending``.
        """
        total = check_number("beginning_balance", beginning_balance)
        held = check_number("restricted", restricted, minimum=0)
        summary = self.summary()
        years = list(self.years)
        unres = (total - held) + summary.loc[("unrestricted", "net"), years].cumsum()
        res = held + summary.loc[("restricted", "net"), years].cumsum()
        net = summary.loc[("total", "net"), years]
        ending = total + net.cumsum()
        out = pd.DataFrame(
            {
                "beginning": ending - net,
                "revenue": summary.loc[("total", "revenue"), years],
                "expenditure": summary.loc[("total", "expenditure"), years],
                "net": net,
                "ending": ending,
                "unrestricted_ending": unres,
                "restricted_ending": res,
            },
            index=pd.Index(years, name="fiscal_year"),
        )
        return out.astype(float)


def _check_lines(name: str, lines: Any) -> list[BudgetLine]:
    if isinstance(lines, BudgetLine):
        return [lines]
    if isinstance(lines, (str, bytes, Mapping)) or not isinstance(lines, Sequence):
        raise InputError(name, lines, "a list of BudgetLine objects")
    for i, line in enumerate(lines):
        if not isinstance(line, BudgetLine):
            raise InputError(f"{name}[{i}]", line, "a BudgetLine")
    return list(lines)


def budget_worksheet(
    lines: Sequence[BudgetLine],
    start_year: str = "2026-27",
    years: int = 3,
    *,
    one_time: Mapping[str, Sequence[BudgetLine]] | None = None,
    nslp_pct: float | None = None,
    locale: str | None = None,
) -> BudgetWorksheet:
    """Project budget lines over ``years`` fiscal years.

    Parameters
    ----------
    lines
        Recurring :class:`BudgetLine` objects; ``amount`` is the first year's.
    start_year
        The first (base) fiscal year, e.g. ``"2026-27"``.
    years
        How many fiscal years (>= 1).
    one_time
        Lines that occur in one year only, keyed by that fiscal year, e.g. a
        grant award received up front: ``{"2026-27": [award_line]}``. Their
        escalator must be ``"none"``.
    nslp_pct, locale
        The district's NSLP share and E-rate locale; required when a line
        has an ``erate_category``.

    Examples
    --------
    A three-year grant received in the first year and spent evenly stays
    in the restricted column:

    >>> award = BudgetLine("Title IV award", "revenue", "4127", "8290", 300_000)
    >>> spend = BudgetLine("Title IV devices", "expenditure", "4127", "4400", 100_000)
    >>> ws = budget_worksheet([spend], "2026-27", 3, one_time={"2026-27": [award]})
    >>> ws.summary().loc[("unrestricted", "net")].tolist()
    [0.0, 0.0, 0.0]
    >>> ws.ending_balance(0)["restricted_ending"].tolist()
    [200000.0, 100000.0, 0.0]
    >>> budget_worksheet([spend], "2026-28")
    Traceback (most recent call last):
    ...
    workbook.errors.InputError: start_year = '2026-28' is not allowed: expected a fiscal year written "YYYY-YY" whose second part is the next year, e.g. "2026-27"
    """
    check_fiscal_year("start_year", start_year)
    try:
        span = fiscal_years(start_year, years)
    except InputError as exc:
        raise InputError("years", years, exc.allowed) from None
    recurring = _check_lines("lines", lines)
    extra: list[tuple[BudgetLine, str]] = []
    if one_time is not None:
        if not isinstance(one_time, Mapping):
            raise InputError("one_time", one_time, 'a mapping {"2026-27": [BudgetLine, ...]}')
        for year, group in one_time.items():
            check_choice("one_time", year, span)
            for line in _check_lines(f"one_time[{year!r}]", group):
                if line.escalator != "none":
                    raise InputError(
                        f"one_time[{year!r}].escalator", line.escalator, "'none' (one year only)"
                    )
                extra.append((line, year))
    if not recurring and not extra:
        raise InputError("lines", lines, "at least one BudgetLine")

    needs_erate = any(l.erate_category for l in recurring + [l for l, _ in extra])
    if needs_erate:
        if nslp_pct is None or locale is None:
            raise InputError(
                "nslp_pct" if nslp_pct is None else "locale",
                None,
                "the district's NSLP share and locale when a line has an erate_category",
            )
        check_fraction("nslp_pct", nslp_pct)
        check_choice("locale", locale, ["urban", "rural"])

    records, erate_rows = [], []
    entries = [(line, "") for line in recurring] + extra
    for line, year in entries:
        if year:
            gross = np.where(np.array(span) == year, line_values(line, [year])[0], 0.0)
        else:
            gross = line_values(line, span)
        discount = 0.0
        values = gross
        if line.erate_category:
            discount = erate_discount(nslp_pct, locale, line.erate_category)
            values = gross * (1 - discount)
            for fy, g, v in zip(span, gross, values):
                erate_rows.append((line.description, fy, g, discount, g - v, v))
        escalator = line.escalator if isinstance(line.escalator, str) else f"{line.escalator:g}"
        if line.pension:
            escalator = f"{escalator}; {line.pension} rate"
        records.append(
            {
                "description": line.description,
                "kind": line.kind,
                "resource": line.resource,
                "object_code": line.object_code,
                "major_object": line.major_object,
                "restricted": line.restricted,
                "escalator": escalator,
                "erate_discount": discount,
                "one_time": year,
                **dict(zip(span, values.astype(float))),
            }
        )
    table = pd.DataFrame.from_records(records)
    erate = pd.DataFrame(
        erate_rows,
        columns=[
            "description", "fiscal_year", "gross", "discount", "erate_share", "district_share"
        ],
    )
    notes = []
    uses = {"cola": any(l.escalator == "cola" for l, _ in entries)}
    uses["pension_rates"] = any(l.pension for l, _ in entries)
    for table_name, used in uses.items():
        if used:
            notes += [n for n in (carried_forward(table_name, y) for y in span) if n]
            notes += list(dict.fromkeys(n for n in (provisional(table_name, y) for y in span) if n))[:1]
    return BudgetWorksheet(years=tuple(span), table=table, erate=erate, notes=tuple(notes))


def _as_series(name: str, values: Any) -> pd.Series:
    if isinstance(values, pd.DataFrame):
        raise InputError(name, "a DataFrame", "a Series (one column), a mapping or a list")
    if isinstance(values, Mapping):
        values = pd.Series(dict(values))
    if isinstance(values, pd.Series):
        if values.index.has_duplicates:
            raise InputError(name, list(values.index), "a Series whose labels are unique")
        items = [v.item() if isinstance(v, np.generic) else v for v in values]
        return pd.Series(as_float_array(name, items), index=values.index)
    numbers = as_float_array(name, values)
    return pd.Series(numbers)




def variance(budget: Any, actuals: Any, *, threshold: float = 0.05) -> pd.DataFrame:
    """Budget against actuals, with a flag where the gap is over ``threshold``.

    Parameters
    ----------
    budget, actuals
        Series (matched by label), mappings, or lists (matched by position).
    threshold
        Flag lines whose variance is more than this share of budget (0.05 = 5%).

    Returns
    -------
    pandas.DataFrame
        ``budget``, ``actual``, ``variance`` (actual - budget), ``variance_pct``
        (variance / budget; NaN when budget is 0) and ``flag`` (over the
        threshold, or any spending against a zero budget).

    Examples
    --------
    >>> b = pd.Series({"devices": 100_000.0, "software": 50_000.0})
    >>> a = pd.Series({"software": 51_000.0, "devices": 110_000.0})
    >>> variance(b, a)
                budget    actual  variance  variance_pct   flag
    devices   100000.0  110000.0   10000.0          0.10   True
    software   50000.0   51000.0    1000.0          0.02  False
    >>> variance(b, {"devices": 1.0})
    Traceback (most recent call last):
    ...
    workbook.errors.InputError: actuals = ['devices'] is not allowed: expected the same labels as budget: missing 'software'
    """
    limit = check_number("threshold", threshold, minimum=0)
    planned = _as_series("budget", budget)
    actual = _as_series("actuals", actuals)
    if isinstance(budget, (pd.Series, Mapping)) and isinstance(actuals, (pd.Series, Mapping)):
        missing = [k for k in planned.index if k not in actual.index]
        extra = [k for k in actual.index if k not in planned.index]
        if missing or extra:
            parts = []
            if missing:
                parts.append("missing " + ", ".join(repr(k) for k in missing))
            if extra:
                parts.append("unexpected " + ", ".join(repr(k) for k in extra))
            raise InputError(
                "actuals", list(actual.index), "the same labels as budget: " + "; ".join(parts)
            )
        actual = actual.reindex(planned.index)
    else:
        if len(actual) != len(planned):
            allowed = f"the same length as budget ({len(planned)}), not {len(actual)}"
            raise InputError("actuals", list(actual), allowed)
        actual = pd.Series(actual.to_numpy(), index=planned.index)
    gap = actual - planned
    pct = gap / planned.where(planned != 0)  # NaN where the budget is zero
    flag = (pct.abs() > limit) | ((planned == 0) & (actual != 0))
    return pd.DataFrame(
        {"budget": planned, "actual": actual, "variance": gap, "variance_pct": pct, "flag": flag}
    )
