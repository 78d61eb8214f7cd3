"""E2 Staff Centered Aspects: the givens of the exercises, per district and seed.

Everything here is **synthetic and illustrative**: salary schedules scaled
from the district profile's average salaries, placements, health premiums and
caps, work years, the team's credentials, HR's records and the planned
changes vary with ``seed``. No real person or bargaining agreement appears;
candidates replace them with their own district's schedules and contracts.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

import numpy as np

from workbook.tools._validate import check_count
from workbook.tools.fiscal_year import check_fiscal_year
from workbook.tools.staffing import PositionCost, position_cost, salaries_by_year, salary_schedule
from workbook.principles import salted_rng as _rng

__all__ = ["TOSA", "SPECIALIST", "PositionChoice", "position_choice", "recommended_position", "team_credentials", "assignment_end", "hr_feed",
           "planned_changes", "review_date"]

TOSA = "teacher on special assignment"
SPECIALIST = "instructional technology specialist"
_TEACHER_COLUMNS = ["BA", "BA+30", "BA+45", "BA+60", "MA+60"]



@dataclass(frozen=True)
class PositionChoice:
    """A teacher on special assignment (certificated, CalSTRS) against an instructional technology specialist (classified, CalPERS)."""

    teacher_schedule: Any
    classified_schedule: Any
    tosa_step: int
    tosa_column: str
    specialist_step: int
    specialist_range: str
    schedule_increase: float
    health_premium: float
    health_growth: float
    certificated_cap: float
    classified_cap: float
    tosa_days: int
    specialist_days: int
    days_needed: int
    teaching_duties: bool
    allocation: float
    years: int = 3

    def tosa_cost(self, start_year: str, workers_comp_rate: float | None = None) -> PositionCost:
        """The TOSA's cost for ``years`` years from ``start_year`` (CalSTRS, object 1900: illustrative code)."""
        pay = salaries_by_year(self.teacher_schedule, self.tosa_step, self.tosa_column, self.years,
                               schedule_increase=self.schedule_increase)
        return position_cost(TOSA, pay, start_year, "calstrs", salary_object="1900", health_premium=self.health_premium,
                             health_growth=self.health_growth, health_cap=self.certificated_cap,
                             workers_comp_rate=workers_comp_rate)

    def specialist_cost(self, start_year: str, workers_comp_rate: float | None = None) -> PositionCost:
        """The specialist's cost for ``years`` years from ``start_year`` (CalPERS, object 2400: illustrative code)."""
        pay = salaries_by_year(self.classified_schedule, self.specialist_step, self.specialist_range, self.years,
                               schedule_increase=self.schedule_increase)
        return position_cost(SPECIALIST, pay, start_year, "calpers", salary_object="2400", health_premium=self.health_premium,
                             health_growth=self.health_growth, health_cap=self.classified_cap,
                             workers_comp_rate=workers_comp_rate)

    def table(self) -> Any:
        """The givens a cabinet would see, as a two-column table."""
        import pandas as pd

        rows = {
            "TOSA placement (teachers' schedule)": f"step {self.tosa_step}, column {self.tosa_column}",
            "specialist placement (classified schedule)": f"{self.specialist_range}, step {self.specialist_step}",
            "schedule increase each year (negotiated)": f"{self.schedule_increase:.1%}",
            "health plan premium, first year (dollars)": f"{self.health_premium:,.0f}, growing {self.health_growth:.0%} a year",
            "district's health cap, certificated unit (dollars a year)": f"{self.certificated_cap:,.0f}",
            "district's health cap, classified unit (dollars a year)": f"{self.classified_cap:,.0f}",
            "days worked a year: TOSA / specialist": f"{self.tosa_days} / {self.specialist_days}",
            "days of service the program needs a year": str(self.days_needed),
            "duties include teaching or coaching in classrooms (certificated work)": "yes" if self.teaching_duties else "no",
            f"board's allocation for {self.years} years (dollars)": f"{self.allocation:,.0f}",
        }
        return pd.DataFrame({"value": list(rows.values())}, index=pd.Index(list(rows), name="given"))


def position_choice(district: Any, seed: int, start_year: str, workers_comp_rate: float | None = None) -> PositionChoice:
    """The position decision for ``district``: schedules scaled from its average salaries (illustrative, varied by seed).

    >>> from workbook.districts import load_district
    >>> p = position_choice(load_district("sample-rural"), 3, "2026-27")
    >>> p.tosa_cost("2026-27").system, p.specialist_cost("2026-27").system, len(p.tosa_cost("2026-27").table)
    ('calstrs', 'calpers', 3)
    """
    rng = _rng(seed, 2201)
    teachers = salary_schedule(round(district.salaries.certificated / 1.3, -2), 10, _TEACHER_COLUMNS, 0.03, 0.045)
    ranges = [f"Range {r}" for r in range(40, 46)]
    classified = salary_schedule(round(district.salaries.it / 1.25, -2), 5, ranges, 0.05, 0.025)
    choice = PositionChoice(
        teacher_schedule=teachers, classified_schedule=classified,
        tosa_step=int(rng.integers(4, 11)), tosa_column=str(rng.choice(_TEACHER_COLUMNS[1:])),
        specialist_step=int(rng.integers(1, 4)), specialist_range=str(rng.choice(ranges)),
        schedule_increase=round(float(rng.uniform(0.015, 0.035)), 3),
        health_premium=round(float(rng.uniform(19_000, 27_000)), -2), health_growth=round(float(rng.uniform(0.05, 0.08)), 2),
        certificated_cap=round(float(rng.uniform(17_000, 24_000)), -2), classified_cap=round(float(rng.uniform(17_000, 24_000)), -2),
        tosa_days=int(rng.choice([185, 190, 195])), specialist_days=int(rng.choice([232, 236, 240])),
        days_needed=int(rng.integers(175, 221)), teaching_duties=bool(rng.random() < 0.35), allocation=0.0,
    )
    costs = (choice.tosa_cost(start_year, workers_comp_rate).total, choice.specialist_cost(start_year, workers_comp_rate).total)
    allocation = round(max(costs) * float(rng.uniform(0.93, 1.06)), -3)
    return PositionChoice(**{**choice.__dict__, "allocation": allocation})


def recommended_position(choice: PositionChoice, start_year: str, workers_comp_rate: float | None = None) -> str:
    """The position to fund: within the allocation and working the days needed, the lower cost per day worked; else "neither".

    Duties that include teaching or coaching in classrooms are certificated
    work: only the teacher on special assignment can take them.

    >>> from workbook.districts import load_district
    >>> recommended_position(position_choice(load_district("sample-rural"), 3, "2026-27"), "2026-27") in (TOSA, SPECIALIST, "neither")
    True
    """
    options = []
    for cost, days in ((choice.tosa_cost(start_year, workers_comp_rate), choice.tosa_days),
                       (choice.specialist_cost(start_year, workers_comp_rate), choice.specialist_days)):
        certificated = cost.system == "calstrs"
        if cost.total <= choice.allocation and days >= choice.days_needed and (certificated or not choice.teaching_duties):
            options.append((cost.total / (days * choice.years), cost.title))
    return min(options)[1] if options else "neither"


def assignment_end(fiscal_year: str) -> date:
    """The last day of the assignment: June 30 at the end of ``fiscal_year``.

    >>> assignment_end("2026-27")
    datetime.date(2027, 6, 30)
    """
    return date(int(check_fiscal_year("fiscal_year", fiscal_year)[:4]) + 1, 6, 30)


def review_date(fiscal_year: str) -> date:
    """The day of the account review: August 1, before school starts.

    >>> review_date("2026-27")
    datetime.date(2026, 8, 1)
    """
    return date(int(check_fiscal_year("fiscal_year", fiscal_year)[:4]), 8, 1)


_CREDENTIALS = {TOSA: ["multiple subject", "single subject", "education specialist"],
                "teacher librarian": ["teacher librarian services"],
                "director of technology (certificated)": ["administrative services"]}
_CLASSIFIED_ROLES = [SPECIALIST, "network technician", "help desk technician", "data systems analyst"]


def team_credentials(district: Any, seed: int, fiscal_year: str) -> Any:
    """The educational technology team next year: roles, credentials on file and their expiry (synthetic).

    >>> from workbook.districts import load_district
    >>> t = team_credentials(load_district("sample-urban"), 1, "2026-27")
    >>> list(t.columns), bool(t["role"].isin([TOSA]).any())
    (['id', 'role', 'credential', 'expires'], True)
    """
    import pandas as pd

    rng = _rng(seed, 2202)
    start = date(int(check_fiscal_year("fiscal_year", fiscal_year)[:4]), 7, 1)
    tosas = 2 + min(int(district.schools) // 10, 3)
    roles = [TOSA] * tosas + ["teacher librarian", "director of technology (certificated)"] + \
        [str(r) for r in rng.choice(_CLASSIFIED_ROLES, size=3)]
    rows = []
    for k, role in enumerate(roles):
        credential, expires = "", None
        if role in _CREDENTIALS and rng.random() > 0.1:
            credential = str(rng.choice(_CREDENTIALS[role]))
            expires = start + timedelta(days=int(rng.integers(-60, 5 * 365)))
        rows.append({"id": f"T{k + 1:02d}", "role": role, "credential": credential, "expires": expires})
    held = [r for r in rows if r["credential"]]
    if held and all(r["expires"] >= assignment_end(fiscal_year) for r in held):
        held[0]["expires"] = start + timedelta(days=200)  # someone always renews this year
    return pd.DataFrame(rows)


def hr_feed(district: Any, seed: int, fiscal_year: str) -> tuple[Any, Any]:
    """HR's employee records and the directory's accounts for one department (synthetic): ``(employees, accounts)``.

    >>> from workbook.districts import load_district
    >>> people, accounts = hr_feed(load_district("sample-rural"), 2, "2026-27")
    >>> len(accounts) > len(people)
    True
    """
    import pandas as pd

    rng = _rng(seed, 2203)
    when = review_date(fiscal_year)
    n = 12 + min(int(district.staff.it), 18)
    people, accounts = [], []
    for k in range(n):
        pid = f"E{1000 + k * 7}"
        roll = rng.random()
        left = None if roll < 0.7 else when + timedelta(days=int(rng.integers(-120, 90)))
        people.append({"employee_id": pid, "separation_date": left})
        accounts.append({"account": f"staff{k + 1:02d}", "employee_id": pid,
                         "active": bool(left is None or left > when or rng.random() < 0.7)})
    for j, who in enumerate(["contractor-network", "test-account", "vendor-support"]):
        accounts.append({"account": who, "employee_id": f"X{j + 1}", "active": bool(rng.random() < 0.8)})
    return pd.DataFrame(people), pd.DataFrame(accounts)


_CHANGES = [
    ("Move the help desk ticket system to a new cloud product; the same staff keep the same hours and duties.", ""),
    ("Install GPS trackers in the district's IT and maintenance vehicles and use the data to check where staff are.",
     "discipline; evaluation_procedures"),
    ("Install security cameras in the technology department's work areas.", "safety; discipline"),
    ("Replace the email system with another vendor's; every account moves as it is.", ""),
    ("Move the help desk's hours from 7:00-3:30 to 9:00-5:30.", "hours"),
    ("Use teachers' logins to the learning management system as evidence in their evaluations.", "evaluation_procedures"),
    ("Put the network team on a weekend on-call rotation.", "hours; wages"),
    ("Renew the antivirus licence with the same vendor for three more years.", ""),
    ("Reassign two technicians from the district office to school sites.", "transfer_and_reassignment"),
    ("Upgrade the core network switches over winter break, done by the IT team within its normal schedule.", ""),
]


def planned_changes(seed: int, *, count: int = 7) -> Any:
    """Next year's planned technology changes (synthetic): ``id``, ``change`` and ``matters`` within scope it touches.

    >>> planned_changes(4).shape
    (7, 3)
    """
    import pandas as pd

    n = check_count("count", count, minimum=1)
    picks = sorted(_rng(seed, 2204).choice(len(_CHANGES), size=min(n, len(_CHANGES)), replace=False))
    return pd.DataFrame([{"id": f"c{i + 1}", "change": _CHANGES[k][0], "matters": _CHANGES[k][1]} for i, k in enumerate(picks)])
