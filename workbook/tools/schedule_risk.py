"""A schedule on the calendar, and the chance that it finishes by a date.

* :class:`WorkCalendar` counts working days (Monday to Friday, less the
  holidays given) from a project's first working day, with numpy's business
  day functions: day 0 is the start date.
* :func:`schedule_dates` adds calendar dates to a :class:`~workbook.tools.projects.Schedule`.
* :func:`finish_probability` is a seeded Monte Carlo of the activity
  durations, each drawn from a triangular distribution (optimistic, most
  likely, pessimistic: the three-point estimate of PERT), run through the
  same network with :func:`workbook.tools.tco_uncertainty.monte_carlo`; it
  returns the share of runs that finish by the deadline.

Examples
--------
>>> cal = WorkCalendar("2026-06-08", holidays=("2026-07-03",))
>>> cal.date_of(0), cal.date_of(18), cal.date_of(19)  # Friday July 3 is a holiday
('2026-06-08', '2026-07-02', '2026-07-06')
>>> cal.days_before("2026-08-13")
47
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import networkx as nx
import numpy as np

from workbook.errors import InputError
from workbook.tools._validate import check_number
from workbook.tools.projects import Schedule, activity_network
from workbook.tools.tco_uncertainty import MonteCarloResult, monte_carlo

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["WorkCalendar", "schedule_dates", "finish_probability", "project_durations"]


def _date(name: str, value: Any) -> np.datetime64:
    if isinstance(value, (dt.date, np.datetime64)):
        return np.datetime64(value, "D")
    if isinstance(value, str):
        try:
            return np.datetime64(dt.date.fromisoformat(value.strip()), "D")
        except ValueError:
            pass
    raise InputError(name, value, "a date written YYYY-MM-DD, such as '2026-08-13'")


@dataclass(frozen=True)
class WorkCalendar:
    """Working days (Monday to Friday, less ``holidays``) counted from ``start``, which is day 0.

    >>> WorkCalendar("2026-06-06")  # a Saturday
    Traceback (most recent call last):
    ...
    workbook.errors.InputError: start = '2026-06-06' is not allowed: expected a working day (Monday to Friday, not a holiday)
    """

    start: str
    holidays: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        start = _date("start", self.start)
        days = tuple(str(_date(f"holidays[{i}]", h)) for i, h in enumerate(self.holidays))
        object.__setattr__(self, "start", str(start))
        object.__setattr__(self, "holidays", days)
        if not np.is_busday(start, holidays=list(days)):
            raise InputError("start", str(start), "a working day (Monday to Friday, not a holiday)")

    def date_of(self, day: int) -> str:
        """The calendar date of working day ``day`` (0 is the start; -1 the working day before), as YYYY-MM-DD.

        >>> WorkCalendar("2026-06-08").date_of(-1)
        '2026-06-05'
        """
        if isinstance(day, bool) or not isinstance(day, (int, np.integer)) and not (isinstance(day, float) and day.is_integer()):
            raise InputError("day", day, "a whole number of working days (negative: before the start)")
        return str(np.busday_offset(self.start, int(day), roll="forward", holidays=list(self.holidays)))

    def days_before(self, date: Any) -> int:
        """How many working days there are from the start up to, not including, ``date``.

        A project that needs at most this many working days is done before ``date``.
        """
        return int(np.busday_count(self.start, _date("date", date), holidays=list(self.holidays)))


def schedule_dates(schedule: Schedule, calendar: WorkCalendar) -> pd.DataFrame:
    """The schedule's table with calendar dates: ``start_date``, ``finish_date``, ``late_finish_date``.

    An activity with early start 3 and duration 2 starts on working day 3 and
    finishes at the end of working day 4; a milestone (duration 0) finishes on
    the day it starts.

    >>> from workbook.tools.projects import critical_path_schedule
    >>> s = critical_path_schedule([{"id": "A", "duration": 5, "predecessors": ""},
    ...                             {"id": "B", "duration": 2, "predecessors": "A"}])
    >>> schedule_dates(s, WorkCalendar("2026-06-08"))[["id", "start_date", "finish_date"]].values.tolist()
    [['A', '2026-06-08', '2026-06-12'], ['B', '2026-06-15', '2026-06-16']]
    """
    if not isinstance(schedule, Schedule):
        raise InputError("schedule", schedule, "a Schedule from critical_path_schedule")
    if not isinstance(calendar, WorkCalendar):
        raise InputError("calendar", calendar, "a WorkCalendar")
    table = schedule.table.copy()

    def finish(start: float, end: float) -> str:
        return calendar.date_of(int(max(start, end - 1)))

    table["start_date"] = [calendar.date_of(int(d)) for d in table["early_start"]]
    table["finish_date"] = [finish(s, f) for s, f in zip(table["early_start"], table["early_finish"])]
    table["late_finish_date"] = [finish(s, f) for s, f in zip(table["late_start"], table["late_finish"])]
    return table


def _estimates(graph: nx.DiGraph, estimates: Mapping[str, Any]) -> dict[str, tuple]:
    if not isinstance(estimates, Mapping):
        raise InputError("estimates", estimates, "a dict of activity id -> (optimistic, most likely, pessimistic)")
    unknown = sorted(set(estimates) - set(graph))
    if unknown:
        raise InputError("estimates", unknown[0], f"ids of activities in the network ({', '.join(graph)})")
    specs = {}
    for n in graph:
        if n not in estimates:
            specs[n] = ("fixed", graph.nodes[n]["duration"])
            continue
        est = estimates[n]
        if not isinstance(est, (tuple, list)) or len(est) != 3:
            raise InputError(f"estimates[{n!r}]", est, "(optimistic, most likely, pessimistic) working days")
        low, mode, high = (check_number(f"estimates[{n!r}]", x, minimum=0) for x in est)
        if not low <= mode <= high:
            raise InputError(f"estimates[{n!r}]", est, "optimistic <= most likely <= pessimistic")
        specs[n] = ("fixed", mode) if low == high else ("triangular", low, mode, high)
    return specs


def project_durations(activities: Any, estimates: Mapping[str, Any], *, n: int = 10_000, seed: int = 0) -> MonteCarloResult:
    """Simulated project durations (working days): every duration drawn at once, ``n`` times.

    Parameters
    ----------
    activities
        The activity table (see :func:`workbook.tools.projects.activity_network`).
    estimates
        Activity id -> ``(optimistic, most likely, pessimistic)`` in working
        days; an activity not named keeps its table duration.
    n, seed
        Number of runs, and the seed that makes them repeatable.

    Examples
    --------
    >>> plan = [{"id": "A", "duration": 3, "predecessors": ""}, {"id": "B", "duration": 2, "predecessors": "A"}]
    >>> r = project_durations(plan, {"A": (2, 3, 7)}, n=2_000, seed=1)
    >>> float(r.samples.min()) >= 4, float(r.samples.max()) <= 9
    (True, True)
    >>> project_durations(plan, {"A": (5, 3, 7)})
    Traceback (most recent call last):
    ...
    workbook.errors.InputError: estimates['A'] = (5, 3, 7) is not allowed: expected optimistic <= most likely <= pessimistic
    """
    graph = activity_network(activities)
    specs = _estimates(graph, estimates)
    order = list(nx.topological_sort(graph))

    def finish(**draws: np.ndarray) -> np.ndarray:
        ef: dict[str, np.ndarray] = {}
        for node in order:
            preds = [ef[p] for p in graph.predecessors(node)]
            start = np.maximum.reduce(preds) if preds else 0.0
            ef[node] = start + draws[node]
        return np.maximum.reduce(list(ef.values()))

    return monte_carlo(finish, specs, n=n, seed=seed)


def finish_probability(activities: Any, estimates: Mapping[str, Any], deadline: float, *, n: int = 10_000, seed: int = 0) -> float:
    """The share of simulated runs that finish within ``deadline`` working days.

    Examples
    --------
    >>> plan = [{"id": "A", "duration": 4, "predecessors": ""}]
    >>> p = finish_probability(plan, {"A": (2, 4, 6)}, 4, n=20_000, seed=3)
    >>> round(p, 1)  # a symmetric triangle: half the runs are done by its middle
    0.5
    >>> finish_probability(plan, {"A": (2, 4, 6)}, 6)
    1.0
    """
    limit = check_number("deadline", deadline, minimum=0)
    result = project_durations(activities, estimates, n=n, seed=seed)
    return float(np.mean(result.samples <= limit + 1e-9))
