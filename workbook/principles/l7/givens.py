"""L7 Project Management: the summer project and its givens, per district and seed.

Everything here is **synthetic and illustrative**: a wireless refresh that must
be finished before the first day of school, sized from the district profile
(schools, classrooms, devices) and varied by ``seed`` so that every candidate
has their own network, costs and status reports. None of it is a published
price or a real district's calendar; candidates replace it with their own.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass
from typing import Any

import numpy as np

from workbook.tools.fiscal_year import fiscal_year_start
from workbook.tools.projects import Schedule, critical_path_schedule
from workbook.tools.schedule_risk import WorkCalendar
from workbook.principles import salted_rng as _rng

__all__ = ["SummerWindow", "summer_window", "SummerProject", "summer_project", "STATUS_DAYS", "status_reports",
           "project_proposals", "project_charter"]

#: Working days of the weekly status reports (the last one is the report the exercises use).
STATUS_DAYS = (5, 10, 15, 20)



def _weekday_on_or_after(day: dt.date) -> dt.date:
    while day.weekday() >= 5:
        day += dt.timedelta(days=1)
    return day


def _independence_day(year: int) -> str:
    """July 4 as observed: a Saturday moves to Friday, a Sunday to Monday."""
    day = dt.date(year, 7, 4)
    shift = {5: -1, 6: 1}.get(day.weekday(), 0)
    return str(day + dt.timedelta(days=shift))


@dataclass(frozen=True)
class SummerWindow:
    """The summer between two school years: when work can start and the date it must be done before."""

    last_day_of_school: str
    first_day_of_school: str
    holidays: tuple[str, ...]

    @property
    def calendar(self) -> WorkCalendar:
        """Working days from the first weekday after the last day of school (day 0)."""
        start = _weekday_on_or_after(dt.date.fromisoformat(self.last_day_of_school) + dt.timedelta(days=1))
        return WorkCalendar(str(start), self.holidays)

    @property
    def deadline(self) -> int:
        """Working days available: from the start up to, not including, the first day of school."""
        return self.calendar.days_before(self.first_day_of_school)

    def table(self) -> Any:
        import pandas as pd

        rows = {"last day of school (students)": self.last_day_of_school, "work can start": self.calendar.start,
                "holidays (district closed)": ", ".join(self.holidays), "first day of school (hard date)": self.first_day_of_school,
                "working days available": self.deadline}
        return pd.DataFrame({"value": pd.Series(list(rows.values()), dtype=object).to_numpy()}, index=pd.Index(list(rows), name="summer"))


def summer_window(seed: int, fiscal_year: str, first_day_of_school: str = "") -> SummerWindow:
    """The synthetic school calendar around the summer that opens ``fiscal_year``.

    The last day of school falls in early June and the first day in mid
    August (dates vary with ``seed``; illustrative, not a real district's
    calendar). ``first_day_of_school`` (YYYY-MM-DD) replaces the synthetic
    first day with the district's own.

    >>> w = summer_window(1, "2026-27")
    >>> w.last_day_of_school < "2026-07-01" < w.first_day_of_school, w.holidays
    (True, ('2026-07-03',))
    >>> summer_window(1, "2026-27", "2026-08-19").first_day_of_school
    '2026-08-19'
    >>> summer_window(1, "2026-27", "2026-06-01")
    Traceback (most recent call last):
    ...
    workbook.errors.InputError: first_day_of_school = '2026-06-01' is not allowed: expected a weekday between July 1 and September 30, 2026 (YYYY-MM-DD)
    """
    from workbook.errors import InputError

    year = fiscal_year_start(fiscal_year)
    rng = _rng(seed, 7001)
    last = dt.date(year, 6, 1) + dt.timedelta(days=int(rng.integers(2, 12)))
    while last.weekday() >= 5:
        last -= dt.timedelta(days=1)
    first = _weekday_on_or_after(dt.date(year, 8, 10) + dt.timedelta(days=int(rng.integers(0, 10))))
    if first.weekday() == 4:  # schools rarely open on a Friday
        first += dt.timedelta(days=3)
    if first_day_of_school:
        allowed = f"a weekday between July 1 and September 30, {year} (YYYY-MM-DD)"
        try:
            first = dt.date.fromisoformat(str(first_day_of_school).strip())
        except ValueError:
            raise InputError("first_day_of_school", first_day_of_school, allowed) from None
        if not (dt.date(year, 7, 1) <= first <= dt.date(year, 9, 30)) or first.weekday() >= 5:
            raise InputError("first_day_of_school", first_day_of_school, allowed)
    return SummerWindow(str(last), str(first), (_independence_day(year),))


@dataclass(frozen=True)
class SummerProject:
    """The summer wireless refresh: activities, three-point estimates and the WBS deliverables."""

    name: str
    schools: int
    access_points: int
    activities: list[dict[str, Any]]
    estimates: dict[str, tuple[float, float, float]]
    deliverables: dict[str, str]

    def schedule(self, deadline: float | None = None) -> Schedule:
        """The baseline schedule (most likely durations), against ``deadline`` when given."""
        return critical_path_schedule(self.activities, deadline=deadline)

    def estimates_table(self) -> Any:
        import pandas as pd

        rows = [{"id": a["id"], "activity": a["name"], "optimistic": lo, "most likely": ml, "pessimistic": hi}
                for a in self.activities for lo, ml, hi in [self.estimates[a["id"]]]]
        return pd.DataFrame(rows).set_index("id")

    @property
    def budget(self) -> float:
        return float(sum(a["cost"] for a in self.activities))


def summer_project(district: Any, seed: int) -> SummerProject:
    """This summer's phase of the wireless refresh, sized from the district and varied by ``seed``.

    >>> from workbook.districts import load_district
    >>> p = summer_project(load_district("sample-suburban"), 1)
    >>> [a["id"] for a in p.activities][:3], p.schedule().duration > 20
    (['A', 'B', 'C'], True)
    """
    rng = _rng(seed, 7002)
    schools = max(1, min(int(district.schools), 12))  # a phase of at most 12 schools a summer
    rooms = max(schools, round(district.classrooms * schools / max(1, district.schools)))
    aps = rooms + 4 * schools  # one per classroom, plus gyms, libraries and offices
    devices = round(district.devices.student_devices * schools / max(1, district.schools))
    crews = max(1, math.ceil(schools / 3))  # cabling crews the contractor commits
    it_day = district.salaries.it * 1.4 / 225  # a loaded working day of an IT technician (illustrative)

    def u(lo: float, hi: float) -> float:
        return float(rng.uniform(lo, hi))

    def days(value: float, lo: int, hi: int) -> int:
        return int(min(hi, max(lo, math.ceil(value))))

    lead = days(u(12, 20), 12, 20)
    cabling = days(rooms / (crews * u(3.5, 5.0)), 8, 24)
    removal = days(schools / u(2.0, 3.0), 2, 6)
    switches = days(schools / u(1.5, 2.5), 3, 8)
    mounting = days(aps / (crews * u(12, 18)), 5, 14)
    config = days(u(3, 5), 3, 5)
    techs = max(1, min(int(district.staff.it) // 2, 8))  # technicians free to re-image over the summer
    reimage = days(devices / (techs * u(40, 70)), 8, 22)
    testing = days(schools / u(2.0, 3.0), 2, 6)
    plan = [
        ("A", "Kickoff with sites and contractor", "1.1", 2, "", (1, 2, 3), 4 * it_day * 2),
        ("B", "Equipment delivery (vendor lead time)", "2.1", lead, "A", (lead - 4, lead, lead + 15),
         aps * u(650, 950) + schools * 3 * u(2_500, 4_000)),
        ("C", "Cabling: new and replaced runs", "3.1", cabling, "A", (round(cabling * 0.8), cabling, round(cabling * 1.5)), rooms * u(180, 260)),
        ("D", "Remove old access points and switches", "3.2", removal, "A", (removal - 1, removal, removal + 3), removal * 4 * it_day),
        ("E", "Install switches", "3.3", switches, "B, D", (switches - 1, switches, switches + 4), switches * 4 * it_day),
        ("F", "Mount access points", "3.4", mounting, "B, C", (mounting - 2, mounting, mounting + 6), mounting * crews * 2 * it_day),
        ("G", "Configure network: VLANs, SSIDs, content filter", "4.1", config, "E", (config - 1, config, config + 4), config * 2 * it_day),
        ("H", "Collect and re-image student devices", "5.1", reimage, "A", (reimage - 2, reimage, reimage + 5), reimage * 4 * it_day),
        ("I", "Coverage test at every school", "4.2", testing, "F, G", (testing - 1, testing, testing + 3), testing * 2 * it_day),
        ("J", "Staff training and help desk readiness", "5.2", 3, "G, H", (2, 3, 5), 3 * 3 * it_day + 2_000),
        ("K", "Handover and close-out", "1.2", 2, "I, J", (1, 2, 4), 2 * 2 * it_day),
    ]
    activities = [{"id": i, "name": n, "wbs": w, "duration": float(d), "predecessors": p, "cost": round(c, -2)}
                  for i, n, w, d, p, _, c in plan]
    estimates = {i: tuple(float(x) for x in e) for i, _, _, _, _, e, _ in plan}
    deliverables = {"1": "Project management", "2": "Equipment", "3": "Installation", "4": "Network ready", "5": "Devices and people ready"}
    return SummerProject(f"Summer wireless refresh, phase 1 ({schools} school{'s' if schools > 1 else ''})",
                         schools, aps, activities, estimates, deliverables)


def status_reports(project: SummerProject, seed: int) -> dict[int, tuple[dict[str, float], dict[str, float]]]:
    """Weekly status reports: working day -> (share complete, dollars spent) by activity (synthetic).

    Each activity runs on its own clock (a start up to two days late, a
    duration 15% shorter to 30% longer than planned) and costs its own
    multiple of its budget (0.90 to 1.25), so the reports agree week to week.

    >>> from workbook.districts import load_district
    >>> p = summer_project(load_district("sample-rural"), 3)
    >>> r = status_reports(p, 3)
    >>> sorted(r) == list(STATUS_DAYS), all(0 <= v <= 1 for v in r[20][0].values())
    (True, True)
    """
    from workbook.tools.earned_value import planned_fraction

    rng = _rng(seed, 7003)
    base = project.schedule().table.set_index("id")
    slip = {a: (int(rng.integers(0, 3)), float(rng.uniform(0.85, 1.3)), float(rng.uniform(0.9, 1.25))) for a in base.index}
    out = {}
    for day in STATUS_DAYS:
        done, spent = {}, {}
        for a, row in base.iterrows():
            late, stretch, cost = slip[a]
            share = round(planned_fraction(row["early_start"] + late, row["duration"] * stretch, day) * 20) / 20
            if share > 0:
                done[a] = share
                spent[a] = round(row["cost"] * share * cost, -1)
        out[day] = (done, spent)
    return out


def project_proposals(district: Any, seed: int) -> tuple[Any, dict[str, float], float]:
    """Proposed projects rated against the district's strategic goals: ``(table, weights, budget)``.

    Ratings run from 0 (no contribution) to 3 (strong) per goal; the weights
    are the cabinet's, the budget is this year's one-time money for projects.
    All synthetic.

    >>> from workbook.districts import load_district
    >>> t, w, b = project_proposals(load_district("sample-urban"), 2)
    >>> round(sum(w.values()), 6), len(t) == 6, bool(b < t["cost"].sum())
    (1.0, True, True)
    """
    import pandas as pd

    rng = _rng(seed, 7004)
    goals = ["learning", "safety", "equity", "efficiency"]
    raw = rng.uniform(0.5, 1.5, len(goals)) * np.array([4, 3, 3, 2])
    weights = {g: round(float(w), 2) for g, w in zip(goals, raw / raw.sum())}
    weights[goals[-1]] = round(1 - sum(weights[g] for g in goals[:-1]), 2)
    scale = max(1.0, district.enrollment.total / 5_000)
    names = {  # typical ratings for learning, safety, equity, efficiency, and a cost in thousands for 5,000 students
        "Wireless refresh": ((3, 1, 2, 1), 420), "Student information system migration": ((1, 1, 1, 3), 380),
        "Multi-factor authentication for all staff": ((0, 3, 0, 1), 90), "Hotspots for students without home internet": ((2, 0, 3, 0), 150),
        "Classroom display replacement": ((2, 0, 1, 0), 520), "Data dashboard for LCAP metrics": ((2, 0, 2, 2), 120),
    }
    rows = []
    for name, (ratings, cost) in names.items():
        jitter = [int(min(3, max(0, r + rng.integers(-1, 2)))) for r in ratings]
        rows.append({"project": name, **dict(zip(goals, jitter)), "cost": round(cost * 1_000 * scale * float(rng.uniform(0.8, 1.25)), -3)})
    table = pd.DataFrame(rows)
    budget = round(float(table["cost"].sum()) * float(rng.uniform(0.45, 0.6)), -3)
    return table, weights, budget


def project_charter(project: SummerProject, window: SummerWindow, district: Any) -> Any:
    """The project charter as a two-column table (the fields a sponsor signs)."""
    import pandas as pd

    schedule = project.schedule(window.deadline)
    finish = window.calendar.date_of(int(max(0, schedule.duration - 1)))
    rows = {
        "Project": project.name,
        "Sponsor": f"Assistant superintendent, business services, {district.name}",
        "Project manager": "Director of technology (the candidate)",
        "Purpose": f"Replace end-of-life wireless at {project.schools} school(s) before students return.",
        "Strategic goal served": "LCAP goal: every classroom ready for digital learning on the first day",
        "In scope": f"{project.access_points} access points, their switches and cabling; re-imaging student devices; staff readiness.",
        "Out of scope": "Classroom displays, phones, the student information system.",
        "Deliverables (WBS level 1)": "; ".join(f"{k} {v}" for k, v in project.deliverables.items()),
        "Budget at completion (US$)": f"{project.budget:,.0f}",
        "Start": window.calendar.start,
        "Planned finish": finish,
        "Hard date": f"{window.first_day_of_school} (first day of school)",
        "Critical path": " -> ".join(schedule.critical_path),
        "Success measures": "Coverage test passed in every room; zero open priority-1 tickets on the first day.",
        "Main risks": "Equipment lead time; contractor crews; a July holiday; devices not returned.",
    }
    return pd.DataFrame({"value": list(rows.values())}, index=pd.Index(list(rows), name="charter"))
