"""Business hours between two times: the clock help-desk service levels run on.

A district's help desk promises "resolved within 8 hours" in **business
hours**: the hours of its support day (for example 07:30 to 16:30), Monday to
Friday, less the holidays it names. A ticket opened on Friday at 16:00 and
resolved on Monday at 08:30 took 1.5 business hours, not 64.5 calendar hours.

The count is vectorized: each time is turned into "business hours since a
fixed Monday" (whole business days times the length of the day, plus the part
of its own day inside the support window), and a duration is the difference.

Examples
--------
>>> business_hours("2026-09-04 16:00", "2026-09-07 08:30")   # Friday to Monday
1.5
>>> business_hours("2026-09-05 10:00", "2026-09-05 12:00")   # a Saturday
0.0
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import numpy as np

from workbook.errors import InputError

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = ["BusinessDay", "DEFAULT_BUSINESS_DAY", "business_hours", "business_hours_since"]

_EPOCH = np.datetime64("2000-01-03")  # a Monday before any ticket


class BusinessDay:
    """The support window: start and end time of day, workdays Monday to Friday, holidays.

    Parameters
    ----------
    start, end
        Times of day as ``"HH:MM"`` (24-hour clock); ``end`` after ``start``.
    holidays
        Dates (``"2026-11-26"``) on which the help desk is closed.

    Examples
    --------
    >>> BusinessDay("07:30", "16:30").hours_per_day
    9.0
    >>> BusinessDay("17:00", "08:00")
    Traceback (most recent call last):
    ...
    workbook.errors.InputError: end = '08:00' is not allowed: expected a time of day after start ('17:00'), as "HH:MM"
    """

    def __init__(self, start: str = "07:30", end: str = "16:30", holidays: Sequence[Any] = ()) -> None:
        self.start = _time_of_day("start", start)
        self.end = _time_of_day("end", end)
        if self.end <= self.start:
            raise InputError("end", end, f"a time of day after start ({start!r}), as \"HH:MM\"")
        self.label = f"{start}-{end}"
        try:
            self.holidays = np.array(sorted({np.datetime64(str(dt.date.fromisoformat(str(h)[:10])), "D") for h in holidays}), dtype="datetime64[D]")
        except ValueError:
            raise InputError("holidays", list(holidays), 'dates such as "2026-11-26"') from None

    @property
    def hours_per_day(self) -> float:
        """Length of the support window in hours."""
        return (self.end - self.start) / 60

    def __repr__(self) -> str:
        return f"BusinessDay({self.label!r}, holidays={len(self.holidays)})"


def _time_of_day(name: str, value: Any) -> int:
    """Minutes after midnight of ``"HH:MM"``."""
    try:
        hours, minutes = (int(part) for part in str(value).split(":"))
    except ValueError:
        raise InputError(name, value, 'a time of day such as "07:30"') from None
    if not (0 <= hours <= 24 and 0 <= minutes < 60) or hours * 60 + minutes > 24 * 60:
        raise InputError(name, value, 'a time of day such as "07:30"')
    return hours * 60 + minutes


#: Monday to Friday, 07:30 to 16:30, no holidays: an illustrative support day; use your district's.
DEFAULT_BUSINESS_DAY = BusinessDay()


def business_hours_since(times: Any, day: BusinessDay = DEFAULT_BUSINESS_DAY) -> np.ndarray:
    """Business hours from a fixed Monday (2000-01-03) to each of ``times`` (NaN where a time is missing).

    >>> business_hours_since(["2000-01-03 08:30", "2000-01-04 07:00"]).tolist()
    [1.0, 9.0]
    """
    import pandas as pd

    stamps = pd.to_datetime(pd.Series(list(times) if not isinstance(times, pd.Series) else times), errors="coerce")
    missing = stamps.isna().to_numpy()
    filled = stamps.fillna(pd.Timestamp("2000-01-03"))
    days = filled.dt.floor("D").to_numpy().astype("datetime64[D]")
    whole_days = np.busday_count(_EPOCH, days, holidays=day.holidays)
    minute = (filled.dt.hour * 60 + filled.dt.minute + filled.dt.second / 60).to_numpy(dtype=float)
    inside = np.clip(minute - day.start, 0, day.end - day.start) / 60
    open_day = np.is_busday(days, holidays=day.holidays)
    out = whole_days * day.hours_per_day + np.where(open_day, inside, 0.0)
    out = out.astype(float)
    out[missing] = np.nan
    return out


def business_hours(opened: Any, resolved: Any, day: BusinessDay = DEFAULT_BUSINESS_DAY) -> float:
    """Business hours from ``opened`` to ``resolved`` (both date-times), rounded to 4 decimals.

    >>> business_hours("2026-09-01 15:00", "2026-09-02 09:30")   # 1.5 h on Tuesday, 2 h on Wednesday
    3.5
    >>> business_hours("2026-09-01 15:00", "2026-09-02 09:30", BusinessDay("08:00", "17:00", holidays=["2026-09-02"]))
    2.0
    """
    start, stop = business_hours_since([opened, resolved], day)
    if np.isnan(start) or np.isnan(stop):
        raise InputError("opened/resolved", (opened, resolved), 'two date-times such as "2026-09-01 08:00"')
    return round(float(stop - start), 4)


def business_hours_between(opened: pd.Series, resolved: pd.Series, day: BusinessDay = DEFAULT_BUSINESS_DAY) -> np.ndarray:
    """Element-wise business hours from ``opened`` to ``resolved`` (NaN where ``resolved`` is missing)."""
    return business_hours_since(resolved, day) - business_hours_since(opened, day)
