"""Earned value: is the project where the plan says, and what will it cost at the end?

Definitions (PMI, *Practice Standard for Earned Value Management*):

* **PV**, planned value: the budgeted cost of the work scheduled by the status date.
* **EV**, earned value: the budgeted cost of the work actually done.
* **AC**, actual cost: what the work done actually cost.
* **BAC**, budget at completion: the whole baseline budget.

=========  ==========================  =================================================
``cv``     EV - AC                     cost variance (negative: over budget)
``sv``     EV - PV                     schedule variance in dollars (negative: behind)
``cpi``    EV / AC                     cost performance index (below 1: over budget)
``spi``    EV / PV                     schedule performance index (below 1: behind)
``eac``    BAC / CPI                   estimate at completion, if the cost trend holds
``etc``    EAC - AC                    estimate to complete
``vac``    BAC - EAC                   variance at completion (negative: overrun)
``tcpi``   (BAC - EV) / (BAC - AC)     the CPI the rest of the work needs to end on budget
=========  ==========================  =================================================

Examples
--------
>>> ev = earned_value(bac=100_000, pv=50_000, ev=40_000, ac=45_000)
>>> ev.cv, ev.sv, round(ev.cpi, 4), ev.spi
(-5000.0, -10000.0, 0.8889, 0.8)
>>> ev.eac, ev.etc, ev.vac, round(ev.tcpi, 4)
(112500.0, 67500.0, -12500.0, 1.0909)
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING, Any

from workbook.errors import InputError
from workbook.tools._validate import check_fraction, check_number
from workbook.tools.projects import Schedule

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["EarnedValue", "earned_value", "planned_fraction", "status_report", "earned_value_history"]


@dataclass(frozen=True)
class EarnedValue:
    """One status report's earned value figures; the indicators are properties."""

    bac: float
    pv: float
    ev: float
    ac: float

    @property
    def cv(self) -> float:
        return self.ev - self.ac

    @property
    def sv(self) -> float:
        return self.ev - self.pv

    @property
    def cpi(self) -> float:
        return self.ev / self.ac

    @property
    def spi(self) -> float:
        return self.ev / self.pv

    @property
    def eac(self) -> float:
        """BAC / CPI; infinite when nothing has been earned for the money spent."""
        return math.inf if self.ev == 0 else self.bac * self.ac / self.ev

    @property
    def etc(self) -> float:
        return self.eac - self.ac

    @property
    def vac(self) -> float:
        return self.bac - self.eac

    @property
    def tcpi(self) -> float:
        """(BAC - EV) / (BAC - AC); infinite when the budget is spent and work remains."""
        left = self.bac - self.ac
        if left <= 0:
            return 0.0 if self.bac == self.ev else math.inf
        return (self.bac - self.ev) / left

    def as_dict(self) -> dict[str, float]:
        """Inputs and every indicator, by name."""
        return {**asdict(self), **{k: getattr(self, k) for k in ("cv", "sv", "cpi", "spi", "eac", "etc", "vac", "tcpi")}}


def earned_value(*, bac: float, pv: float, ev: float, ac: float) -> EarnedValue:
    """Earned value indicators from one status report (all amounts in dollars).

    >>> earned_value(bac=1000, pv=400, ev=400, ac=400).eac
    1000.0
    >>> earned_value(bac=1000, pv=400, ev=1200, ac=400)
    Traceback (most recent call last):
    ...
    workbook.errors.InputError: ev = 1200 is not allowed: expected at most bac (1000): work done cannot be worth more than the whole budget
    >>> earned_value(bac=1000, pv=0, ev=0, ac=10)
    Traceback (most recent call last):
    ...
    workbook.errors.InputError: pv = 0 is not allowed: expected a number > 0 (with no work planned yet the SPI has no meaning)
    """
    b = check_number("bac", bac, minimum=0, strict_minimum=True)
    for name, value in (("pv", pv), ("ev", ev)):
        if check_number(name, value, minimum=0) > b * (1 + 1e-12):
            raise InputError(name, value, f"at most bac ({b:g}): work {'planned' if name == 'pv' else 'done'} "
                             "cannot be worth more than the whole budget")
    if check_number("pv", pv, minimum=0) == 0:
        raise InputError("pv", pv, "a number > 0 (with no work planned yet the SPI has no meaning)")
    if check_number("ac", ac, minimum=0) == 0:
        raise InputError("ac", ac, "a number > 0 (with nothing spent yet the CPI has no meaning)")
    return EarnedValue(b, float(pv), float(ev), float(ac))


def planned_fraction(early_start: float, duration: float, day: float) -> float:
    """Share of an activity planned done by the end of working day ``day - 1`` (straight line).

    >>> planned_fraction(10, 4, 12), planned_fraction(10, 4, 20), planned_fraction(10, 0, 10)
    (0.5, 1.0, 1.0)
    """
    if duration <= 0:
        return 1.0 if day >= early_start else 0.0
    return min(1.0, max(0.0, (day - early_start) / duration))


def status_report(schedule: Schedule, day: float, percent_complete: Mapping[str, float],
                  actual_cost: Mapping[str, float]) -> pd.DataFrame:
    """Earned value by activity at a status date, from the baseline schedule and the team's report.

    Parameters
    ----------
    schedule
        The baseline (:func:`workbook.tools.projects.critical_path_schedule`);
        its ``cost`` column is each activity's budget, the sum is the BAC.
        Work is planned on the early dates, spread evenly over each activity.
    day
        The status date as a working day number: work planned for days
        ``0 .. day - 1`` counts in PV.
    percent_complete
        Activity id -> share done (0 to 1); an activity not named is 0.
    actual_cost
        Activity id -> dollars spent on it so far; an activity not named is 0.

    Returns
    -------
    DataFrame
        One row per activity: ``id``, ``budget``, ``pv``, ``ev``, ``ac``,
        ``cv``, ``sv``. ``attrs["total"]`` is the project's
        :class:`EarnedValue`.

    Examples
    --------
    >>> from workbook.tools.projects import critical_path_schedule
    >>> base = critical_path_schedule([{"id": "A", "duration": 4, "predecessors": "", "cost": 400},
    ...                                {"id": "B", "duration": 4, "predecessors": "A", "cost": 800}])
    >>> r = status_report(base, 6, {"A": 1.0, "B": 0.25}, {"A": 500, "B": 150})
    >>> r[["id", "pv", "ev", "ac"]].values.tolist()
    [['A', 400.0, 400.0, 500.0], ['B', 400.0, 200.0, 150.0]]
    >>> t = r.attrs["total"]; (t.pv, t.ev, t.ac, round(t.cpi, 3))
    (800.0, 600.0, 650.0, 0.923)
    >>> status_report(base, 6, {"A": 1.5}, {})
    Traceback (most recent call last):
    ...
    workbook.errors.InputError: percent_complete['A'] = 1.5 is not allowed: expected a fraction between 0 and 1 (write 25% as 0.25)
    """
    import pandas as pd

    if not isinstance(schedule, Schedule):
        raise InputError("schedule", schedule, "a Schedule from critical_path_schedule")
    d = check_number("day", day, minimum=0)
    ids = schedule.table["id"].tolist()
    for name, given in (("percent_complete", percent_complete), ("actual_cost", actual_cost)):
        if not isinstance(given, Mapping):
            raise InputError(name, given, "a dict of activity id -> value")
        unknown = sorted(set(given) - set(ids))
        if unknown:
            raise InputError(name, unknown[0], f"ids of activities in the schedule ({', '.join(ids)})")
    rows = []
    for _, a in schedule.table.iterrows():
        done = check_fraction(f"percent_complete[{a['id']!r}]", percent_complete.get(a["id"], 0.0))
        spent = check_number(f"actual_cost[{a['id']!r}]", actual_cost.get(a["id"], 0.0), minimum=0)
        pv = a["cost"] * planned_fraction(a["early_start"], a["duration"], d)
        ev = a["cost"] * done
        rows.append({"id": a["id"], "name": a["name"], "wbs": a["wbs"], "budget": float(a["cost"]),
                     "pv": float(pv), "ev": float(ev), "ac": spent, "cv": ev - spent, "sv": ev - pv})
    frame = pd.DataFrame(rows)
    frame.attrs["total"] = earned_value(bac=float(frame["budget"].sum()), pv=float(frame["pv"].sum()),
                                        ev=float(frame["ev"].sum()), ac=float(frame["ac"].sum()))
    return frame


def earned_value_history(reports: Mapping[Any, Any]) -> pd.DataFrame:
    """Project totals over several status reports, one row per report (in the order given).

    ``reports`` maps a label (a date, a week) to a :func:`status_report`
    table or an :class:`EarnedValue`.

    >>> h = earned_value_history({"wk1": earned_value(bac=100, pv=10, ev=8, ac=10),
    ...                           "wk2": earned_value(bac=100, pv=30, ev=27, ac=30)})
    >>> h[["pv", "ev", "ac", "cpi", "spi"]].round(2).values.tolist()
    [[10.0, 8.0, 10.0, 0.8, 0.8], [30.0, 27.0, 30.0, 0.9, 0.9]]
    """
    import pandas as pd

    if not isinstance(reports, Mapping) or not reports:
        raise InputError("reports", reports, "a non-empty dict of status date -> status report")
    rows = {}
    for label, report in reports.items():
        total = report if isinstance(report, EarnedValue) else getattr(report, "attrs", {}).get("total")
        if not isinstance(total, EarnedValue):
            raise InputError(f"reports[{label!r}]", report, "a status_report table or an EarnedValue")
        rows[label] = total.as_dict()
    return pd.DataFrame.from_dict(rows, orient="index")
