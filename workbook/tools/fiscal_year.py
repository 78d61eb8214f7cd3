"""California fiscal years ("2026-27": July 1, 2026 to June 30, 2027).

Small helpers shared by the reference tables and the budget worksheet:
checking a fiscal-year string, stepping from one year to the next and
listing consecutive years.
"""

from __future__ import annotations

import re
from typing import Any

from workbook.errors import InputError
from workbook.tools._validate import check_count

__all__ = ["check_fiscal_year", "fiscal_year_start", "shift_fiscal_year", "fiscal_years"]

_PATTERN = re.compile(r"^(\d{4})-(\d{2})$")
_ALLOWED = 'a fiscal year written "YYYY-YY" whose second part is the next year, e.g. "2026-27"'


def check_fiscal_year(name: str, value: Any) -> str:
    """Return ``value`` if it is a fiscal year like ``"2026-27"``, else raise naming ``name``.

    Examples
    --------
    >>> check_fiscal_year("start_year", "2026-27")
    '2026-27'
    >>> check_fiscal_year("start_year", "2099-00")
    '2099-00'
    >>> check_fiscal_year("start_year", "2026-28")
    Traceback (most recent call last):
    ...
    workbook.errors.InputError: start_year = '2026-28' is not allowed: expected a fiscal year written "YYYY-YY" whose second part is the next year, e.g. "2026-27"
    """
    if not isinstance(value, str):
        raise InputError(name, value, _ALLOWED)
    match = _PATTERN.match(value.strip())
    if not match:
        raise InputError(name, value, _ALLOWED)
    first, second = int(match.group(1)), int(match.group(2))
    if (first + 1) % 100 != second or first < 1900:
        raise InputError(name, value, _ALLOWED)
    return value.strip()


def fiscal_year_start(fiscal_year: str, *, name: str = "fiscal_year") -> int:
    """The calendar year in which ``fiscal_year`` begins (July 1).

    >>> fiscal_year_start("2026-27")
    2026
    """
    return int(check_fiscal_year(name, fiscal_year)[:4])


def shift_fiscal_year(fiscal_year: str, years: int, *, name: str = "fiscal_year") -> str:
    """The fiscal year ``years`` after (or before, if negative) ``fiscal_year``.

    >>> shift_fiscal_year("2026-27", 2)
    '2028-29'
    >>> shift_fiscal_year("2000-01", -1)
    '1999-00'
    """
    start = fiscal_year_start(fiscal_year, name=name) + int(years)
    return f"{start}-{(start + 1) % 100:02d}"


def fiscal_years(start: str, n: int) -> list[str]:
    """``n`` consecutive fiscal years beginning with ``start``.

    Parameters
    ----------
    start
        The first fiscal year, e.g. ``"2026-27"``.
    n
        How many years (at least 1).

    Examples
    --------
    >>> fiscal_years("2026-27", 3)
    ['2026-27', '2027-28', '2028-29']
    >>> fiscal_years("2026-28", 3)
    Traceback (most recent call last):
    ...
    workbook.errors.InputError: start = '2026-28' is not allowed: expected a fiscal year written "YYYY-YY" whose second part is the next year, e.g. "2026-27"
    >>> fiscal_years("2026-27", 0)
    Traceback (most recent call last):
    ...
    workbook.errors.InputError: n = 0 is not allowed: expected a whole number >= 1
    """
    first = check_fiscal_year("start", start)
    count = check_count("n", n, minimum=1)
    return [shift_fiscal_year(first, k) for k in range(count)]
