"""Input checks shared by every calculator.

Each check returns the cleaned value or raises :class:`InputError` whose
message names the argument, the value and what is allowed.
"""

from __future__ import annotations

import math
import numbers
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import numpy as np

from workbook.errors import InputError

__all__ = [
    "check_number",
    "check_rate",
    "check_fraction",
    "check_count",
    "check_choice",
    "as_float_array",
    "check_same_length",
    "as_table",
    "text_list",
    "is_blank",
    "check_date",
]


def _is_real(value: Any) -> bool:
    return isinstance(value, numbers.Real) and not isinstance(value, bool)


def check_number(
    name: str,
    value: Any,
    *,
    minimum: float | None = None,
    maximum: float | None = None,
    strict_minimum: bool = False,
) -> float:
    """Return ``value`` as a finite float, or raise naming ``name``.

    Examples
    --------
    >>> check_number("cost", 12)
    12.0
    >>> check_number("cost", -1, minimum=0)
    Traceback (most recent call last):
    ...
    workbook.errors.InputError: cost = -1 is not allowed: expected a number >= 0
    >>> check_number("cost", "12")
    Traceback (most recent call last):
    ...
    workbook.errors.InputError: cost = '12' is not allowed: expected a number
    """
    if not _is_real(value):
        raise InputError(name, value, _describe(minimum, maximum, strict_minimum))
    result = float(value)
    if math.isnan(result) or math.isinf(result):
        raise InputError(name, value, "a finite number (not NaN or infinity)")
    if minimum is not None and (result < minimum or (strict_minimum and result == minimum)):
        raise InputError(name, value, _describe(minimum, maximum, strict_minimum))
    if maximum is not None and result > maximum:
        raise InputError(name, value, _describe(minimum, maximum, strict_minimum))
    return result


def _describe(minimum: float | None, maximum: float | None, strict: bool) -> str:
    parts = []
    if minimum is not None:
        parts.append(f"{'>' if strict else '>='} {minimum:g}")
    if maximum is not None:
        parts.append(f"<= {maximum:g}")
    return "a number" + (" " + " and ".join(parts) if parts else "")


def check_rate(name: str, value: Any) -> float:
    """A discount or growth rate as a fraction: greater than -1 (0.03 is 3%).

    >>> check_rate("rate", 0.03)
    0.03
    >>> check_rate("rate", -1)
    Traceback (most recent call last):
    ...
    workbook.errors.InputError: rate = -1 is not allowed: expected a number > -1
    """
    return check_number(name, value, minimum=-1.0, strict_minimum=True)


def check_fraction(name: str, value: Any) -> float:
    """A share between 0 and 1 inclusive (write 25% as 0.25).

    >>> check_fraction("exposure_factor", 0.25)
    0.25
    >>> check_fraction("exposure_factor", 25)
    Traceback (most recent call last):
    ...
    workbook.errors.InputError: exposure_factor = 25 is not allowed: expected a fraction between 0 and 1 (write 25% as 0.25)
    """
    if _is_real(value) and not math.isnan(float(value)) and 0 <= float(value) <= 1:
        return float(value)
    raise InputError(name, value, "a fraction between 0 and 1 (write 25% as 0.25)")


def check_count(name: str, value: Any, *, minimum: int = 0) -> int:
    """A whole number of things (devices, students, years), at least ``minimum``.

    >>> check_count("devices", 30)
    30
    >>> check_count("devices", 2.5)
    Traceback (most recent call last):
    ...
    workbook.errors.InputError: devices = 2.5 is not allowed: expected a whole number >= 0
    """
    ok = _is_real(value) and not math.isnan(float(value)) and float(value) == int(value)
    if not ok or int(value) < minimum:
        raise InputError(name, value, f"a whole number >= {minimum}")
    return int(value)


def check_choice(name: str, value: Any, choices: Iterable[Any]) -> Any:
    """One of ``choices``.

    >>> check_choice("locale", "urban", ["urban", "rural"])
    'urban'
    >>> check_choice("locale", "city", ["urban", "rural"])
    Traceback (most recent call last):
    ...
    workbook.errors.InputError: locale = 'city' is not allowed: expected one of 'urban', 'rural'
    """
    options = list(choices)
    if value in options:
        return value
    raise InputError(name, value, "one of " + ", ".join(repr(c) for c in options))


def as_float_array(
    name: str,
    values: Any,
    *,
    min_length: int = 1,
    minimum: float | None = None,
) -> np.ndarray:
    """A one-dimensional array of finite floats from a list, tuple, Series or array.

    Examples
    --------
    >>> as_float_array("cashflows", [-100, 60, 60])
    array([-100.,   60.,   60.])
    >>> as_float_array("cashflows", [])
    Traceback (most recent call last):
    ...
    workbook.errors.InputError: cashflows = [] is not allowed: expected at least 1 number
    >>> as_float_array("cashflows", [1, float("nan")])
    Traceback (most recent call last):
    ...
    workbook.errors.InputError: cashflows[1] = nan is not allowed: expected a finite number (not NaN or infinity)
    """
    if isinstance(values, (str, bytes, Mapping)) or _is_real(values) or values is None:
        raise InputError(name, values, "a list of numbers")
    try:
        items = list(values)
    except TypeError:
        raise InputError(name, values, "a list of numbers") from None
    if len(items) < min_length:
        raise InputError(
            name, values, f"at least {min_length} number" + ("" if min_length == 1 else "s")
        )
    out = np.empty(len(items), dtype=float)
    for i, item in enumerate(items):
        if isinstance(item, np.generic):
            item = item.item()
        out[i] = check_number(f"{name}[{i}]", item, minimum=minimum)
    return out


def check_same_length(**arrays: Any) -> int:
    """Check that every named sequence has the same length; return it.

    >>> check_same_length(costs=[1, 2], benefits=[3, 4])
    2
    >>> check_same_length(costs=[1, 2], benefits=[3])
    Traceback (most recent call last):
    ...
    workbook.errors.InputError: benefits = [3] is not allowed: expected the same length as costs (2), not 1
    """
    first_name, first = next(iter(arrays.items()))
    n = len(first)
    for other_name, other in arrays.items():
        if len(other) != n:
            raise InputError(
                other_name, other, f"the same length as {first_name} ({n}), not {len(other)}"
            )
    return n


def as_table(name: str, rows: Any, required: Sequence[str] = (), *, noun: str = "") -> Any:
    """A fresh DataFrame (0-based index) from a DataFrame or a list of dicts, with ``required`` columns.

    ``noun`` names one row ("risk", "process"); when given, an empty table is
    rejected too.

    Examples
    --------
    >>> as_table("controls", [{"control": "MFA", "cost": 9000}], ["control", "cost"]).shape
    (1, 2)
    >>> as_table("controls", [{"control": "MFA"}], ["control", "cost"])
    Traceback (most recent call last):
    ...
    workbook.errors.InputError: controls = ['control'] is not allowed: expected columns control, cost (missing: cost)
    >>> as_table("controls", "MFA")
    Traceback (most recent call last):
    ...
    workbook.errors.InputError: controls = 'MFA' is not allowed: expected a DataFrame or a list of dicts, one per row
    """
    import pandas as pd

    if isinstance(rows, pd.DataFrame):
        frame = rows
    elif isinstance(rows, Iterable) and not isinstance(rows, (str, bytes, Mapping)):
        items = list(rows)
        if not all(isinstance(r, Mapping) for r in items):
            raise InputError(name, rows, "a DataFrame or a list of dicts, one per row")
        frame = pd.DataFrame(items)
    else:
        raise InputError(name, rows, "a DataFrame or a list of dicts, one per row")
    missing = [c for c in required if c not in frame.columns]
    if missing:
        raise InputError(name, list(frame.columns), f"columns {', '.join(required)} (missing: {', '.join(missing)})")
    if noun and frame.empty:
        raise InputError(name, [], f"at least one {noun}")
    return frame.reset_index(drop=True).copy()


def text_list(name: str, values: Any) -> list[str]:
    """A list of non-empty texts from a list or from one text separated by ';'.

    >>> text_list("elements", "student name; grade level")
    ['student name', 'grade level']
    """
    if isinstance(values, str):
        values = [v.strip() for v in values.split(";")]
    if not isinstance(values, Iterable) or any(not isinstance(v, str) for v in values):
        raise InputError(name, values, "a list of texts (or one text separated by ';')")
    return [v for v in values if v]


def is_blank(value: Any) -> bool:
    """True for None or a spreadsheet's empty cell (NaN).

    >>> is_blank(float("nan")), is_blank("x")
    (True, False)
    """
    if value is None:
        return True
    try:
        return bool(value != value)  # NaN from a spreadsheet's empty cell
    except (TypeError, ValueError):
        return False


def check_date(name: str, value: Any) -> Any:
    """A date (``datetime.date``) from a date, a timestamp or text such as ``"2027-06-30"``; ``None`` when blank.

    >>> check_date("expires", "2027-06-30")
    datetime.date(2027, 6, 30)
    >>> check_date("expires", None) is None
    True
    >>> check_date("expires", "next June")
    Traceback (most recent call last):
    ...
    workbook.errors.InputError: expires = 'next June' is not allowed: expected a date such as 2027-06-30, or empty
    """
    import datetime

    import pandas as pd

    if is_blank(value) or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    try:
        stamp = pd.Timestamp(value)
    except (ValueError, TypeError):
        raise InputError(name, value, "a date such as 2027-06-30, or empty") from None
    if pd.isna(stamp):
        return None
    return stamp.date()


def check_ratings(values: Sequence[Any], name: str, scale: tuple[float, float]) -> None:
    """Check a column of survey ratings at once: raise for the first value that is not a number on ``scale``, as ``name[i]``.

    >>> check_ratings([1, 4, 2.5], "level", (1, 4))
    >>> check_ratings([1, 5], "level", (1, 4))
    Traceback (most recent call last):
    ...
    workbook.errors.InputError: level[1] = 5 is not allowed: expected a number >= 1 and <= 4
    """
    for i, value in enumerate(values):
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not scale[0] <= value <= scale[1]:
            check_number(f"{name}[{i}]", value, minimum=scale[0], maximum=scale[1])
