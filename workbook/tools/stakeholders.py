"""Stakeholders, communication plans and Brown Act notice times (L3 Communications).

Three small calculators a technology leader uses before going to the board:

- :func:`stakeholder_map` places each stakeholder on a **power x interest**
  grid (the grid usually credited to Mendelow, 1991) and gives the engagement
  its quadrant calls for;
- :func:`plan_gaps` checks a communication plan (audience, message, channel,
  cadence, owner) against that map: who is left out, and who hears from you
  less often than their quadrant needs;
- :func:`posting_deadline`, :func:`earliest_meeting` and
  :func:`submission_deadline` turn the Ralph M. Brown Act's notice times
  (Government Code 54954.2: an agenda posted 72 hours before a regular meeting;
  54956: 24 hours' notice of a special meeting; 54956.5: one hour for an
  emergency) into dates.

Conventions: scores run from 1 (low) to 5 (high) and a score **at or above**
the threshold (3 by default) counts as high. Hours of notice are clock hours,
weekends included, as the statute counts them; the office's own lead time
before posting is counted in **business days** (Monday to Friday, less the
holidays given).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

import numpy as np

from workbook.errors import InputError
from workbook.tools._validate import as_table, check_choice, check_count, check_number

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = [
    "QUADRANTS",
    "MAX_INTERVAL_DAYS",
    "CADENCE_DAYS",
    "NOTICE_HOURS",
    "stakeholder_map",
    "communication_plan",
    "plan_gaps",
    "posting_deadline",
    "earliest_meeting",
    "notice_is_timely",
    "submission_deadline",
]

#: (power high?, interest high?) -> (quadrant, the engagement it gets).
QUADRANTS: dict[tuple[bool, bool], tuple[str, str]] = {
    (True, True): ("manage closely", "involve: two-way engagement, early and often, before decisions"),
    (True, False): ("keep satisfied", "consult on what touches their interests; short briefings, no flood"),
    (False, True): ("keep informed", "inform regularly and give a channel for questions"),
    (False, False): ("monitor", "general updates; watch for a change in power or interest"),
}
#: The longest gap, in days, between two contacts that each quadrant gets (the workbook's illustrative standard).
MAX_INTERVAL_DAYS: dict[str, int] = {"manage closely": 30, "keep satisfied": 91, "keep informed": 30, "monitor": 365}
#: The cadences a communication plan may name, in days between contacts.
CADENCE_DAYS: dict[str, int] = {"weekly": 7, "every two weeks": 14, "monthly": 30, "quarterly": 91,
                                "twice a year": 182, "yearly": 365}
#: Brown Act notice, in hours before the meeting (Government Code 54954.2, 54956 and 54956.5).
NOTICE_HOURS: dict[str, int] = {"regular": 72, "special": 24, "emergency": 1}

_PLAN_COLUMNS = ("audience", "message", "channel", "cadence", "owner")


def stakeholder_map(stakeholders: Any, *, threshold: float = 3.0) -> pd.DataFrame:
    """Place each stakeholder in a power x interest quadrant with its engagement.

    Parameters
    ----------
    stakeholders
        A DataFrame or list of dicts with ``stakeholder`` (a unique name),
        ``power`` and ``interest`` (scores from 1 to 5).
    threshold
        A score at or above it is high (default 3).

    Returns
    -------
    DataFrame
        The rows in their order, with ``quadrant`` and ``engagement`` added.

    Examples
    --------
    >>> m = stakeholder_map([{"stakeholder": "Board", "power": 5, "interest": 4},
    ...                      {"stakeholder": "Vendors", "power": 2, "interest": 3},
    ...                      {"stakeholder": "County office", "power": 4, "interest": 2.9}])
    >>> m["quadrant"].tolist()
    ['manage closely', 'keep informed', 'keep satisfied']
    >>> stakeholder_map([{"stakeholder": "Board", "power": 6, "interest": 4}])
    Traceback (most recent call last):
    ...
    workbook.errors.InputError: stakeholders[0].power = 6 is not allowed: expected a number >= 1 and <= 5
    """
    level = check_number("threshold", threshold, minimum=1, maximum=5)
    frame = as_table("stakeholders", stakeholders, ["stakeholder", "power", "interest"], noun="stakeholder")
    names = frame["stakeholder"].astype(str).str.strip()
    for i, name in enumerate(names):
        if not name or name == "nan":
            raise InputError(f"stakeholders[{i}].stakeholder", frame["stakeholder"].iloc[i], "a non-empty name")
    dupes = sorted(set(names[names.duplicated()]))
    if dupes:
        raise InputError("stakeholders", dupes, "each stakeholder named once")
    for col in ("power", "interest"):
        frame[col] = [check_number(f"stakeholders[{i}].{col}", v.item() if hasattr(v, "item") else v, minimum=1, maximum=5)
                      for i, v in enumerate(frame[col])]
    frame["stakeholder"] = names
    placed = [QUADRANTS[(p >= level, q >= level)] for p, q in zip(frame["power"], frame["interest"])]
    frame["quadrant"] = [q for q, _ in placed]
    frame["engagement"] = [e for _, e in placed]
    return frame


def communication_plan(rows: Any) -> pd.DataFrame:
    """A validated communication plan: one row per audience and message, with ``interval_days``.

    >>> plan = communication_plan([{"audience": "Board", "message": "Quarterly technology report",
    ...                             "channel": "board meeting", "cadence": "quarterly", "owner": "CTO"}])
    >>> int(plan.loc[0, "interval_days"])
    91
    >>> communication_plan([{"audience": "Board", "message": "x", "channel": "email", "cadence": "often", "owner": "CTO"}])
    Traceback (most recent call last):
    ...
    workbook.errors.InputError: plan[0].cadence = 'often' is not allowed: expected one of 'weekly', 'every two weeks', 'monthly', 'quarterly', 'twice a year', 'yearly'
    """
    frame = as_table("plan", rows, _PLAN_COLUMNS, noun="row")
    for i, row in frame.iterrows():
        for col in ("audience", "message", "channel", "owner"):
            if not isinstance(row[col], str) or not row[col].strip():
                raise InputError(f"plan[{i}].{col}", row[col], "a non-empty text")
        check_choice(f"plan[{i}].cadence", row["cadence"], CADENCE_DAYS)
    frame["interval_days"] = frame["cadence"].map(CADENCE_DAYS).astype(int)
    return frame


def plan_gaps(plan: Any, stakeholders: Any) -> pd.DataFrame:
    """Every stakeholder of the map against the plan: its most frequent contact and whether it suffices.

    A stakeholder with no row in the plan is ``missing``; one whose most
    frequent contact is rarer than its quadrant's :data:`MAX_INTERVAL_DAYS` is
    ``too rare``; otherwise ``ok``. An audience the map does not name is an
    error (a typo would otherwise hide a gap).

    Examples
    --------
    >>> m = stakeholder_map([{"stakeholder": "Board", "power": 5, "interest": 5},
    ...                      {"stakeholder": "Parents", "power": 2, "interest": 4},
    ...                      {"stakeholder": "Media", "power": 3, "interest": 2}])
    >>> plan = [{"audience": "Board", "message": "update", "channel": "memo", "cadence": "quarterly", "owner": "CTO"},
    ...         {"audience": "Parents", "message": "news", "channel": "newsletter", "cadence": "monthly", "owner": "CTO"}]
    >>> plan_gaps(plan, m)[["stakeholder", "status"]].values.tolist()
    [['Board', 'too rare'], ['Parents', 'ok'], ['Media', 'missing']]
    >>> plan_gaps([{"audience": "Bored", "message": "x", "channel": "memo", "cadence": "weekly", "owner": "CTO"}], m)
    Traceback (most recent call last):
    ...
    workbook.errors.InputError: plan[0].audience = 'Bored' is not allowed: expected a stakeholder on the map ('Board', 'Parents', 'Media')
    """
    import pandas as pd

    mapped = stakeholders if {"quadrant", "stakeholder"} <= set(getattr(stakeholders, "columns", ())) else stakeholder_map(stakeholders)
    frame = communication_plan(plan)
    known = list(mapped["stakeholder"])
    for i, who in enumerate(frame["audience"]):
        if who not in known:
            raise InputError(f"plan[{i}].audience", who, "a stakeholder on the map (" + ", ".join(repr(k) for k in known) + ")")
    best = frame.groupby("audience")["interval_days"].min()
    rows = []
    for _, s in mapped.iterrows():
        need = MAX_INTERVAL_DAYS[s["quadrant"]]
        has = best.get(s["stakeholder"])
        status = "missing" if has is None else "too rare" if has > need else "ok"
        rows.append({"stakeholder": s["stakeholder"], "quadrant": s["quadrant"], "needed_days": need,
                     "planned_days": None if has is None else int(has), "status": status})
    return pd.DataFrame(rows)


def _timestamp(name: str, value: Any) -> pd.Timestamp:
    import pandas as pd

    try:
        when = pd.Timestamp(value)
    except (ValueError, TypeError):
        raise InputError(name, value, 'a date and time such as "2026-10-13 18:00"') from None
    if pd.isna(when) or when.tzinfo is not None:
        raise InputError(name, value, 'a local date and time such as "2026-10-13 18:00" (no time zone)')
    return when


def posting_deadline(meeting: Any, kind: str = "regular") -> pd.Timestamp:
    """The latest time the agenda (or the notice of a special meeting) may be posted.

    Hours are clock hours before the meeting, weekends and holidays included.

    Examples
    --------
    >>> str(posting_deadline("2026-10-13 18:00"))          # a Tuesday meeting: posted by Saturday 18:00
    '2026-10-10 18:00:00'
    >>> str(posting_deadline("2026-10-13 18:00", "special"))
    '2026-10-12 18:00:00'
    >>> posting_deadline("2026-10-13 18:00", "study session")
    Traceback (most recent call last):
    ...
    workbook.errors.InputError: kind = 'study session' is not allowed: expected one of 'regular', 'special', 'emergency'
    """
    import pandas as pd

    hours = NOTICE_HOURS[check_choice("kind", kind, NOTICE_HOURS)]
    return _timestamp("meeting", meeting) - pd.Timedelta(hours=hours)


def earliest_meeting(posted: Any, kind: str = "special") -> pd.Timestamp:
    """The earliest a meeting of ``kind`` may start when its notice goes up at ``posted``.

    >>> str(earliest_meeting("2026-03-20 09:30"))
    '2026-03-21 09:30:00'
    """
    import pandas as pd

    hours = NOTICE_HOURS[check_choice("kind", kind, NOTICE_HOURS)]
    return _timestamp("posted", posted) + pd.Timedelta(hours=hours)


def notice_is_timely(posted: Any, meeting: Any, kind: str = "regular") -> bool:
    """Whether a notice posted at ``posted`` gives the hours ``kind`` requires (exactly enough is enough).

    >>> notice_is_timely("2026-10-10 18:00", "2026-10-13 18:00"), notice_is_timely("2026-10-10 18:01", "2026-10-13 18:00")
    (True, False)
    """
    return bool(_timestamp("posted", posted) <= posting_deadline(meeting, kind))


def _dates(name: str, values: Iterable[Any]) -> list[np.datetime64]:
    import pandas as pd

    if isinstance(values, (str, bytes)):
        raise InputError(name, values, 'a list of dates such as ["2026-11-26"]')
    out = []
    for i, v in enumerate(values):
        try:
            stamp = pd.Timestamp(v)
        except (ValueError, TypeError):
            stamp = pd.NaT
        if pd.isna(stamp):
            raise InputError(f"{name}[{i}]", v, 'a date such as "2026-11-26"')
        out.append(np.datetime64(stamp.date(), "D"))
    return out


def submission_deadline(meeting: Any, kind: str = "regular", *, lead_business_days: int = 5,
                        holidays: Sequence[Any] = ()) -> dt.date:
    """The last day an item may reach the superintendent's office for the meeting's agenda.

    The clerk posts on the last business day on or before the posting
    deadline's date (an office closed on the weekend cannot post on Saturday
    what it did not have by Friday); items are due ``lead_business_days``
    business days before that day. Business days run Monday to Friday, less
    ``holidays``.

    Examples
    --------
    Tuesday 13 October 2026 at 18:00: the agenda must be up by Saturday 18:00,
    so the clerk posts on Friday the 9th, and items are due five business days
    earlier, on Friday the 2nd:

    >>> submission_deadline("2026-10-13 18:00")
    datetime.date(2026, 10, 2)

    With Friday 9 October a holiday, the clerk posts on Thursday the 8th:

    >>> submission_deadline("2026-10-13 18:00", holidays=["2026-10-09"])
    datetime.date(2026, 10, 1)
    >>> submission_deadline("2026-10-13 18:00", lead_business_days=-1)
    Traceback (most recent call last):
    ...
    workbook.errors.InputError: lead_business_days = -1 is not allowed: expected a whole number >= 0
    """
    lead = check_count("lead_business_days", lead_business_days)
    days = _dates("holidays", holidays)
    last = np.datetime64(posting_deadline(meeting, kind).date(), "D")
    post = np.busday_offset(last, 0, roll="backward", holidays=days)
    due = np.busday_offset(post, -lead, roll="backward", holidays=days)
    return dt.date.fromisoformat(str(due))
