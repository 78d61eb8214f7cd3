"""Reference tables: pension rates, COLA, LCFF base grants, E-rate, SACS codes.

Each table is a CSV file in ``data/reference/`` (see the README there). Every
row names its ``source``, its ``year`` or ``fiscal_year`` and a
``confidence``: ``H`` (official text seen), ``M`` (reputable secondary),
``computed`` (derived by the stated formula) or ``illustrative`` (a plausible
example not checked against a stored source).

Years beyond a table
--------------------
:func:`pension_rate` and :func:`cola` **carry forward** the last row of their
table for later fiscal years: a 2028-29 CalPERS rate is the 2026-27 projected
rate. :func:`carried_forward` tells whether that happened, so a worksheet can
say so. A year *before* the first row raises :class:`InputError`.

Examples
--------
>>> {"cola", "pension_rates", "erate_discounts"} <= set(reference_tables())
True
>>> pension_rate("calpers", "2025-26")
0.2681
>>> cola("2024-25")
0.0107
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING, Any

from workbook.errors import InputError
from workbook.paths import data_dir
from workbook.tools._validate import check_choice
from workbook.tools.fiscal_year import check_fiscal_year

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = [
    "reference_tables",
    "reference_table",
    "pension_rate",
    "cola",
    "carried_forward",
    "provisional",
    "shared_table",
    "CONFIDENCE_LEVELS",
]

#: The confidence marks a reference row may carry.
CONFIDENCE_LEVELS = ("H", "M", "computed", "illustrative")

# Columns read as text so that codes keep their leading zeros ("0000").
_TEXT_COLUMNS = {
    "object_code",
    "code_from",
    "code_to",
    "fiscal_year",
    "year",
    "cycle",
    "confidence",
    "source",
    "note",
    "status",
    "system",
    "grade_span",
    "locale",
    "nslp_band",
    "name",
    "kind",
}


def _folder():
    return data_dir() / "reference"


def reference_tables() -> list[str]:
    """The names of the reference tables, sorted.

    >>> "pension_rates" in reference_tables()
    True
    """
    return sorted(p.stem for p in _folder().glob("*.csv"))


@lru_cache(maxsize=None)
def shared_table(name: str) -> pd.DataFrame:
    """One reference table, read once and shared by every caller: read it, never change it.

    The calculators use it for lookups; :func:`reference_table` hands out a copy
    for anyone who wants to change theirs. ``name`` is not checked here.

    >>> shared_table("cola") is shared_table("cola")
    True
    """
    import pandas as pd

    path = _folder() / f"{name}.csv"
    header = pd.read_csv(path, nrows=0).columns
    dtypes = {c: str for c in header if c in _TEXT_COLUMNS}
    frame = pd.read_csv(path, dtype=dtypes, keep_default_na=False, na_values=[""])
    for column in ("note",):
        if column in frame.columns:
            frame[column] = frame[column].fillna("")
    return frame


def reference_table(name: str) -> pd.DataFrame:
    """One reference table as a DataFrame (read once, then cached).

    Parameters
    ----------
    name
        A name from :func:`reference_tables`, e.g. ``"pension_rates"``.

    Returns
    -------
    pandas.DataFrame
        A fresh copy each call: changing it does not change the cache.

    Examples
    --------
    >>> table = reference_table("cola")
    >>> list(table.columns)
    ['fiscal_year', 'cola', 'status', 'source', 'confidence', 'note']
    >>> reference_table("pensions")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    workbook.errors.InputError: name = 'pensions' is not allowed: expected one of ..., 'pension_rates', ...
    """
    check_choice("name", name, reference_tables())
    return shared_table(name).copy()


def _by_year(name: str, fiscal_year: Any, where: dict[str, str] | None = None) -> tuple[Any, bool]:
    """The row of table ``name`` for ``fiscal_year``, carrying the last row forward (a fresh copy each call)."""
    year = check_fiscal_year("fiscal_year", fiscal_year)
    table, first, years = _year_rows(name, tuple(where.items()) if where else ())
    if year in first:
        return table.iloc[first[year]].copy(), False
    if year < years[0]:
        raise InputError(
            "fiscal_year", fiscal_year, f"{years[0]} or later (the {name} table starts there)"
        )
    return table.iloc[-1].copy(), True


@lru_cache(maxsize=64)
def _year_rows(name: str, where: tuple[tuple[str, str], ...]) -> tuple[Any, dict[str, int], list[str]]:
    """Table ``name`` filtered by ``where`` and sorted by year, each year's first position, and the years in order.

    Built once per table and filter (the tables are read-only, see :func:`shared_table`);
    :func:`_by_year` copies the row it hands out.
    """
    table = shared_table(name)
    for column, value in where:
        table = table[table[column] == value]
    table = table.sort_values("fiscal_year")
    years = list(table["fiscal_year"])
    first: dict[str, int] = {}
    for position, year in enumerate(years):
        first.setdefault(year, position)
    return table, first, years


def pension_rate(system: str, fiscal_year: str) -> float:
    """The employer pension contribution rate, as a fraction of payroll.

    Parameters
    ----------
    system
        ``"calstrs"`` (certificated staff) or ``"calpers"`` (the CalPERS Schools
        Pool: classified staff, including IT). Case does not matter.
    fiscal_year
        For example ``"2025-26"``. Years after the table use the last
        (projected) rate: see :func:`carried_forward`.

    Examples
    --------
    >>> pension_rate("calstrs", "2025-26")
    0.191
    >>> pension_rate("CalPERS", "2024-25")
    0.2705
    >>> pension_rate("calpers", "2029-30")   # carried forward from 2026-27 (projected)
    0.264
    >>> pension_rate("strs", "2025-26")
    Traceback (most recent call last):
    ...
    workbook.errors.InputError: system = 'strs' is not allowed: expected one of 'calstrs', 'calpers'
    """
    key = system.lower() if isinstance(system, str) else system
    if key not in ("calstrs", "calpers"):
        check_choice("system", system, ["calstrs", "calpers"])
    row, _ = _by_year("pension_rates", fiscal_year, {"system": key})
    return float(row["employer_rate"])


def cola(fiscal_year: str) -> float:
    """The LCFF cost-of-living adjustment for ``fiscal_year``, as a fraction.

    Years after the table carry the last (proposed) COLA forward.

    Examples
    --------
    >>> cola("2023-24")
    0.0822
    >>> cola("2026-27")
    0.0241
    >>> cola("2030-31")    # carried forward from 2026-27
    0.0241
    >>> cola("2019-20")
    Traceback (most recent call last):
    ...
    workbook.errors.InputError: fiscal_year = '2019-20' is not allowed: expected 2023-24 or later (the cola table starts there)
    """
    row, _ = _by_year("cola", fiscal_year)
    return float(row["cola"])


def carried_forward(table: str, fiscal_year: str) -> str | None:
    """A note if ``fiscal_year`` is past the end of a year-keyed table, else ``None``.

    Parameters
    ----------
    table
        ``"pension_rates"`` or ``"cola"``.

    Examples
    --------
    >>> carried_forward("cola", "2025-26") is None
    True
    >>> carried_forward("pension_rates", "2027-28")
    'pension_rates has no 2027-28 row: the 2026-27 (projected) value is carried forward'
    """
    check_choice("table", table, ["pension_rates", "cola"])
    row, carried = _by_year(table, fiscal_year)
    if not carried:
        return None
    status = row["status"]
    return (
        f"{table} has no {fiscal_year} row: the {row['fiscal_year']} ({status}) "
        "value is carried forward"
    )


def provisional(table: str, fiscal_year: str) -> str | None:
    """Why the value used for ``fiscal_year`` is a projection or proposal, or ``None`` when it is final.

    Parameters
    ----------
    table
        ``"pension_rates"`` (CalPERS, the classified staff's system) or ``"cola"``.

    Examples
    --------
    >>> provisional("cola", "2025-26") is None
    True
    >>> provisional("cola", "2026-27").startswith("cola 2026-27 is a proposal")
    True
    >>> provisional("pension_rates", "2028-29").startswith("pension_rates 2028-29 is a projection")
    True
    """
    check_choice("table", table, ["pension_rates", "cola"])
    where = {"system": "calpers"} if table == "pension_rates" else None
    row, _ = _by_year(table, fiscal_year, where)
    status = str(row["status"])
    if status not in ("projected", "proposed"):
        return None
    kind = "projection" if status == "projected" else "proposal"
    return f"{table} {fiscal_year} is a {kind} ({row['fiscal_year']} row): {row['note']}"
