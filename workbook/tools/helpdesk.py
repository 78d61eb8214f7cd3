"""Help desk analytics over a ticket log: volume, backlog, time to resolve, SLA, staffing.

A ticket log is a DataFrame (or list of dicts) with at least ``opened``
(a timestamp) and ``resolved`` (a timestamp, empty while the ticket is open);
``category``, ``priority`` and ``site`` are needed by the functions that group
by them. Times to resolve (:func:`time_to_resolve`) are calendar hours from
opened to resolved; service levels (:func:`sla_attainment`) run on business
hours by default, as districts measure them, and count open tickets already
past their target as misses.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

import numpy as np

from workbook.errors import InputError
from workbook.tools._validate import as_table, check_count, check_number
from workbook.tools.business_hours import DEFAULT_BUSINESS_DAY, BusinessDay, business_hours_between

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = ["tickets_frame", "ticket_volume", "backlog", "time_to_resolve", "sla_attainment", "staffing_ratios",
           "customer_service"]

_GROUPS = ("category", "priority", "site", "month", "weekday", "fiscal_year")


def tickets_frame(tickets: Any, *, need: Sequence[str] = ()) -> pd.DataFrame:
    """Validate a ticket log and parse its dates; add ``month`` (``"2026-09"``) and ``hours``.

    >>> t = tickets_frame([{"opened": "2026-09-01 08:00", "resolved": "2026-09-01 11:30"}])
    >>> t.loc[0, "month"], float(t.loc[0, "hours"])
    ('2026-09', 3.5)
    >>> tickets_frame([{"opened": "yesterday", "resolved": None}])
    Traceback (most recent call last):
    ...
    workbook.errors.InputError: tickets[0].opened = 'yesterday' is not allowed: expected a date and time such as "2026-09-01 08:00"
    """
    import pandas as pd

    frame = as_table("tickets", tickets, ["opened", "resolved", *need])
    for col in ("opened", "resolved"):
        parsed = pd.to_datetime(frame[col], errors="coerce")
        bad = parsed.isna() & frame[col].notna()
        if bad.any():  # only the cells that did not parse: an empty text is an empty cell
            bad[bad] = frame.loc[bad, col].astype(str).str.strip() != ""
        if col == "opened":
            bad |= parsed.isna()
        if bad.any():
            i = int(bad.to_numpy().nonzero()[0][0])
            raise InputError(f"tickets[{i}].{col}", frame[col].iloc[i], 'a date and time such as "2026-09-01 08:00"')
        frame[col] = parsed
    early = frame["resolved"].notna() & (frame["resolved"] < frame["opened"])
    if early.any():
        i = int(early.to_numpy().nonzero()[0][0])
        raise InputError(f"tickets[{i}].resolved", str(frame["resolved"].iloc[i]), "a time no earlier than opened")
    opened = frame["opened"].dt
    years, months = opened.year, opened.month  # each taken apart once
    ym = years * 100 + months  # labels built once per distinct month, not once per ticket
    frame["month"] = ym.map({v: f"{v // 100}-{v % 100:02d}" for v in ym.unique()})
    frame["weekday"] = opened.day_name()
    year = years - (months < 7)
    frame["fiscal_year"] = year.map({y: f"{y}-{(y + 1) % 100:02d}" for y in year.unique()})
    frame["hours"] = (frame["resolved"] - frame["opened"]).dt.total_seconds() / 3600
    return frame


def ticket_volume(tickets: Any, by: Sequence[str] | str = ("category", "month")) -> pd.DataFrame:
    """Tickets opened, counted by one or two of category, priority, site, month, weekday, fiscal_year.

    With one key: a table with a ``tickets`` column. With two: a cross-table,
    rows by the first key and columns by the second.

    Examples
    --------
    >>> log = [
    ...     {"opened": "2026-08-20 09:00", "resolved": "2026-08-20 10:00", "category": "Password"},
    ...     {"opened": "2026-09-02 09:00", "resolved": None, "category": "Wi-Fi"},
    ...     {"opened": "2026-09-03 13:00", "resolved": "2026-09-04 13:00", "category": "Password"},
    ... ]
    >>> ticket_volume(log).values.tolist()
    [[1, 1], [0, 1]]
    >>> ticket_volume(log, by="category")["tickets"].tolist()
    [2, 1]
    >>> ticket_volume(log, by=("colour",))
    Traceback (most recent call last):
    ...
    workbook.errors.InputError: by = ('colour',) is not allowed: expected one or two of 'category', 'priority', 'site', 'month', 'weekday', 'fiscal_year'
    """
    import pandas as pd

    keys = (by,) if isinstance(by, str) else tuple(by)
    if not 1 <= len(keys) <= 2 or any(k not in _GROUPS for k in keys):
        raise InputError("by", by, "one or two of " + ", ".join(repr(g) for g in _GROUPS))
    frame = tickets_frame(tickets, need=[k for k in keys if k not in ("month", "weekday", "fiscal_year")])
    if len(keys) == 1:
        counts = frame.groupby(keys[0], sort=True).size()
        return pd.DataFrame({keys[0]: counts.index, "tickets": counts.to_numpy()})
    return pd.crosstab(frame[keys[0]], frame[keys[1]])


def backlog(tickets: Any, as_of: Any) -> pd.DataFrame:
    """Tickets open at ``as_of`` (opened by then, not yet resolved), oldest first, with ``age_days``.

    >>> log = [
    ...     {"opened": "2026-09-01 08:00", "resolved": "2026-09-03 08:00"},
    ...     {"opened": "2026-09-02 08:00", "resolved": None},
    ...     {"opened": "2026-09-10 08:00", "resolved": None},
    ... ]
    >>> b = backlog(log, "2026-09-04 08:00")
    >>> len(b), float(b["age_days"].iloc[0])
    (1, 2.0)
    """
    import pandas as pd

    frame = tickets_frame(tickets)
    try:
        when = pd.Timestamp(as_of)
    except (ValueError, TypeError):
        raise InputError("as_of", as_of, 'a date and time such as "2026-09-01 08:00"') from None
    if pd.isna(when):
        raise InputError("as_of", as_of, 'a date and time such as "2026-09-01 08:00"')
    open_ = frame[(frame["opened"] <= when) & (frame["resolved"].isna() | (frame["resolved"] > when))].copy()
    open_["age_days"] = ((when - open_["opened"]).dt.total_seconds() / 86400).round(2)
    return open_.sort_values("opened", kind="mergesort").reset_index(drop=True)


def time_to_resolve(tickets: Any, by: str | None = None) -> pd.DataFrame:
    """Median and 90th-percentile hours to resolve (resolved tickets only), overall or by a key.

    Percentiles use linear interpolation between tickets (numpy's default).

    >>> log = [{"opened": "2026-09-01 08:00", "resolved": f"2026-09-01 {8 + h:02d}:00", "priority": "P3"} for h in range(1, 11)]
    >>> time_to_resolve(log).values.tolist()
    [['all', 10, 5.5, 9.1]]
    """
    import pandas as pd

    if by is not None and by not in _GROUPS:
        raise InputError("by", by, "None or one of " + ", ".join(repr(g) for g in _GROUPS))
    frame = tickets_frame(tickets, need=[by] if by in ("category", "priority", "site") else [])
    done = frame.loc[frame["resolved"].notna().to_numpy(), ["hours"] if by is None else [by, "hours"]]
    groups = [("all", done["hours"])] if by is None else list(done.groupby(by, sort=True)["hours"])  # hours only, per group
    rows = []
    for key, part in groups:
        hours = part.dropna().to_numpy(dtype=float)
        # what Series.quantile computes (numpy's percentile, linear), both percentiles in one call
        median, p90 = np.percentile(hours, np.asarray([0.5, 0.9]) * 100) if len(hours) else (float("nan"),) * 2
        rows.append({
            by or "group": key,
            "resolved": int(len(part)),
            "median_hours": round(float(median), 2) if len(part) else float("nan"),
            "p90_hours": round(float(p90), 2) if len(part) else float("nan"),
        })
    return pd.DataFrame(rows)


def sla_attainment(
    tickets: Any,
    targets: Mapping[str, float],
    *,
    as_of: Any = None,
    clock: str = "business",
    business_day: BusinessDay = DEFAULT_BUSINESS_DAY,
) -> pd.DataFrame:
    """Share of tickets resolved within the target hours for their priority.

    Service levels run on the help desk's **business hours** by default (its
    support window, Monday to Friday, less holidays: see
    :class:`workbook.tools.business_hours.BusinessDay`); ``clock="calendar"``
    counts every hour. A ticket **still open** when the log is read and already
    past its target is a **miss**; an open ticket still inside its target is
    left out (it may yet be met).

    Parameters
    ----------
    tickets
        The log, with a ``priority`` column.
    targets
        Hours allowed per priority, e.g. ``{"P1": 4, "P2": 8, "P3": 24, "P4": 72}``.
        Every priority in the log needs a target.
    as_of
        When the log is read. By default the latest time in the log (its last
        opening or resolution); tickets opened after ``as_of`` are left out.
    clock
        ``"business"`` (default) or ``"calendar"``.
    business_day
        The support window for the business clock.

    Examples
    --------
    >>> log = [
    ...     {"opened": "2026-09-01 08:00", "resolved": "2026-09-01 10:00", "priority": "P1"},
    ...     {"opened": "2026-09-01 08:00", "resolved": "2026-09-01 14:00", "priority": "P1"},
    ...     {"opened": "2026-09-04 15:00", "resolved": "2026-09-07 09:00", "priority": "P1"},
    ...     {"opened": "2026-09-01 08:00", "resolved": "2026-09-02 08:00", "priority": "P3"},
    ...     {"opened": "2026-09-03 08:00", "resolved": None, "priority": "P3"},
    ... ]
    >>> sla_attainment(log, {"P1": 4, "P3": 16}).values.tolist()
    [['P1', 4.0, 3, 2, 0.6667], ['P3', 16.0, 2, 1, 0.5]]

    Friday 15:00 to Monday 09:00 is 3 business hours (met); the open P3 ticket
    has been open 19 business hours when the log ends (Monday 09:00): a miss.
    On the calendar clock the weekend counts:

    >>> sla_attainment(log, {"P1": 4, "P3": 16}, clock="calendar").values.tolist()
    [['P1', 4.0, 3, 1, 0.3333], ['P3', 16.0, 2, 0, 0.0]]
    >>> sla_attainment(log, {"P1": 4})
    Traceback (most recent call last):
    ...
    workbook.errors.InputError: targets = {'P1': 4} is not allowed: expected hours for every priority in the log (missing: P3)
    """
    import pandas as pd

    if not isinstance(targets, Mapping) or not targets:
        raise InputError("targets", targets, 'hours per priority, e.g. {"P1": 4, "P2": 8}')
    goal = {str(k): check_number(f"targets[{k!r}]", v, minimum=0) for k, v in targets.items()}
    if clock not in ("business", "calendar"):
        raise InputError("clock", clock, "'business' or 'calendar'")
    if not isinstance(business_day, BusinessDay):
        raise InputError("business_day", business_day, "a BusinessDay (support window, workdays, holidays)")
    frame = tickets_frame(tickets, need=["priority"])
    frame["priority"] = frame["priority"].astype(str)
    present = set(frame["priority"].unique())  # the distinct values, not one Python object per ticket
    absent = sorted(present - set(goal))
    if absent:
        raise InputError("targets", dict(targets), f"hours for every priority in the log (missing: {', '.join(absent)})")
    priorities = sorted(present)
    if as_of is None:
        when = max(frame["opened"].max(), frame["resolved"].max()) if frame["resolved"].notna().any() else frame["opened"].max()
    else:
        try:
            when = pd.Timestamp(as_of)
        except (ValueError, TypeError):
            raise InputError("as_of", as_of, 'a date and time such as "2026-09-01 08:00"') from None
        if pd.isna(when):
            raise InputError("as_of", as_of, 'a date and time such as "2026-09-01 08:00"')
    frame = frame[frame["opened"] <= when]
    done = frame["resolved"].notna() & (frame["resolved"] <= when)
    stop = frame["resolved"].where(done, when)
    if clock == "business":
        elapsed = np.asarray(business_hours_between(frame["opened"], stop, business_day), dtype=float)
    else:
        elapsed = ((stop - frame["opened"]).dt.total_seconds() / 3600).to_numpy()
    code = pd.Index(priorities).get_indexer(frame["priority"])  # each ticket's position in `priorities`
    target = np.array([goal[p] for p in priorities], dtype=float)[code]
    finished = done.to_numpy(dtype=bool)
    met = finished & (elapsed <= target + 1e-9)
    counted = finished | (elapsed > target + 1e-9)
    tickets_n = np.bincount(code[counted], minlength=len(priorities))
    met_n = np.bincount(code[counted & met], minlength=len(priorities))
    rows = []
    for k, prio in enumerate(priorities):
        n, hits = int(tickets_n[k]), int(met_n[k])
        rows.append({"priority": prio, "target_hours": goal[prio], "tickets": n, "met": hits,
                     "attainment": round(hits / n, 4) if n else float("nan")})
    return pd.DataFrame(rows)


def staffing_ratios(devices: int, staff: int, technicians: float) -> dict[str, float]:
    """Devices and staff supported per technician (full-time equivalents).

    >>> staffing_ratios(6_000, 900, 4)
    {'devices_per_technician': 1500.0, 'staff_per_technician': 225.0}
    >>> staffing_ratios(6_000, 900, 0)
    Traceback (most recent call last):
    ...
    workbook.errors.InputError: technicians = 0 is not allowed: expected a number > 0
    """
    d = check_count("devices", devices)
    s = check_count("staff", staff)
    t = check_number("technicians", technicians, minimum=0, strict_minimum=True)
    return {"devices_per_technician": round(d / t, 2), "staff_per_technician": round(s / t, 2)}


def customer_service(tickets: Any, by: str | None = None, *, satisfied_at: int = 4) -> pd.DataFrame:
    """First-contact resolution and satisfaction, overall or by a key.

    The log needs ``first_contact`` (True when the ticket was resolved during
    the first contact, without a hand-off or a second visit) and
    ``satisfaction`` (the user's 1-5 survey rating, empty when the user did
    not answer the survey).

    - ``first_contact_rate``: first-contact tickets over **resolved** tickets;
    - ``response_rate``: survey answers over resolved tickets;
    - ``csat``: the share of answers rated ``satisfied_at`` or higher (4 or 5
      on a five-point scale, the usual "top two boxes");
    - ``mean_rating``: the average answer.

    Shares are rounded to 4 decimals, the mean to 2; a group with no resolved
    ticket or no answer gets NaN.

    Examples
    --------
    >>> log = [
    ...     {"opened": "2026-09-01 08:00", "resolved": "2026-09-01 08:20", "site": "A", "first_contact": True, "satisfaction": 5},
    ...     {"opened": "2026-09-01 09:00", "resolved": "2026-09-02 09:00", "site": "A", "first_contact": False, "satisfaction": 2},
    ...     {"opened": "2026-09-01 10:00", "resolved": "2026-09-01 10:10", "site": "B", "first_contact": True, "satisfaction": None},
    ...     {"opened": "2026-09-03 10:00", "resolved": None, "site": "B", "first_contact": False, "satisfaction": None},
    ... ]
    >>> customer_service(log).values.tolist()
    [['all', 4, 3, 0.6667, 2, 0.6667, 0.5, 3.5]]
    >>> customer_service(log, by="site")[["site", "first_contact_rate", "csat"]].values.tolist()
    [['A', 0.5, 0.5], ['B', 1.0, nan]]
    >>> customer_service([{"opened": "2026-09-01 08:00", "resolved": "2026-09-01 09:00", "first_contact": True, "satisfaction": 7}])
    Traceback (most recent call last):
    ...
    workbook.errors.InputError: tickets[0].satisfaction = 7 is not allowed: expected a whole number from 1 to 5, or empty (no answer)
    """
    import pandas as pd

    if by is not None and by not in _GROUPS:
        raise InputError("by", by, "None or one of " + ", ".join(repr(g) for g in _GROUPS))
    top = check_count("satisfied_at", satisfied_at, minimum=1)
    if top > 5:
        raise InputError("satisfied_at", satisfied_at, "a whole number from 1 to 5")
    frame = tickets_frame(tickets, need=["first_contact", "satisfaction", *([by] if by in ("category", "priority", "site") else [])])
    flags = frame["first_contact"]
    if flags.dtype == bool:  # a true/false column holds nothing else: skip the check per ticket
        ok = pd.Series(True, index=flags.index)
    else:
        ok = flags.map(lambda v: isinstance(v, (bool, np.bool_)) or (isinstance(v, (int, np.integer)) and v in (0, 1)))
    if not ok.all():
        i = int((~ok).to_numpy().nonzero()[0][0])
        shown = flags.iloc[i]
        raise InputError(f"tickets[{i}].first_contact", shown.item() if hasattr(shown, "item") else shown, "True or False")
    rating = pd.to_numeric(frame["satisfaction"], errors="coerce")
    bad = (rating.isna() & frame["satisfaction"].notna()) | ~(rating.isna() | rating.isin([1, 2, 3, 4, 5]))
    if bad.any():
        i = int(bad.to_numpy().nonzero()[0][0])
        shown = frame["satisfaction"].iloc[i]
        raise InputError(f"tickets[{i}].satisfaction", shown.item() if hasattr(shown, "item") else shown,
                         "a whole number from 1 to 5, or empty (no answer)")
    done = frame["resolved"].notna()
    work = pd.DataFrame({
        "key": "all" if by is None else frame[by],
        "ticket": 1,
        "resolved": done.astype(int),
        "first": (done & flags.astype(bool)).astype(int),
        "answered": (done & rating.notna()).astype(int),
        "top": (done & (rating >= top)).astype(int),
        "points": rating.where(done, float("nan")),
    })
    sums = work.groupby("key", sort=True).agg(tickets=("ticket", "sum"), resolved=("resolved", "sum"), first=("first", "sum"),
                                              answered=("answered", "sum"), top=("top", "sum"), mean=("points", "mean"))
    n, answers = sums["resolved"], sums["answered"]
    out = pd.DataFrame({
        by or "group": sums.index,
        "tickets": sums["tickets"].astype(int).to_numpy(),
        "resolved": n.astype(int).to_numpy(),
        "first_contact_rate": (sums["first"] / n.where(n > 0)).round(4).to_numpy(),
        "responses": answers.astype(int).to_numpy(),
        "response_rate": (answers / n.where(n > 0)).round(4).to_numpy(),
        "csat": (sums["top"] / answers.where(answers > 0)).round(4).to_numpy(),
        "mean_rating": sums["mean"].round(2).to_numpy(),
    })
    return out
