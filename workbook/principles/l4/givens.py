"""L4 Personnel Management: the givens of the exercises, per district and seed.

The hiring rubric's criteria and anchors, the interview panel's ratings, the
minutes a ticket of each category takes and the hours of site visits are
**synthetic and illustrative**: plausible for a California district, varied by
``seed`` so candidates get different answers. None is a published benchmark.
The tickets are T3's (:func:`workbook.datasets.helpdesk_tickets`), and the
desktop support staff is T3's (:func:`workbook.principles.t3.givens.support_technicians`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np

from workbook.datasets._common import as_district, rng_for
from workbook.principles import kept_table
from workbook.tools._validate import check_count

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = ["CRITERIA", "hiring_rubric", "interview_panel", "RATERS", "MINUTES_PER_TICKET", "visit_hours_per_site",
           "PAID_HOURS", "minutes_per_device", "weights", "ticket_log", "workload", "orientation_checklist", "job_posting"]

#: Criterion, weight, and what a 1, a 3 and a 5 look like (behavioural anchors; illustrative).
CRITERIA: list[tuple[str, float, str, str, str]] = [
    ("Technical troubleshooting", 0.30, "guesses; no method", "isolates the fault with help", "finds the cause methodically and explains it"),
    ("Customer service", 0.25, "blames the user", "polite and fixes the issue", "fixes it, teaches the user, follows up"),
    ("Communication", 0.15, "unclear or jargon", "clear to a colleague", "clear to a teacher, a parent and a principal"),
    ("Teamwork", 0.15, "works alone", "shares work when asked", "documents and shares without being asked"),
    ("Student data privacy and security", 0.15, "unaware of the rules", "knows the district's rules", "applies FERPA and Education Code 49073.1 to a new case"),
]
#: The interview panel (roles, not people).
RATERS = ["IT manager", "Lead technician", "Site principal", "HR analyst"]
#: Hands-on minutes one ticket of each category takes (illustrative; the help desk's resolution time is not effort).
MINUTES_PER_TICKET = {"Account or password": 10, "Chromebook hardware": 45, "Software or app": 25, "Network or Wi-Fi": 40,
                      "Classroom display or audio": 50, "Printing": 30, "Student information system": 35, "Other": 25}
#: Paid hours of a full-time classified employee in a year (2,080 less leave and holidays; illustrative).
PAID_HOURS = 1_800


def hiring_rubric() -> pd.DataFrame:
    """The weighted interview scoring matrix: criterion, weight and anchors for 1, 3 and 5.

    >>> r = hiring_rubric()
    >>> round(float(r["weight"].sum()), 6), len(r)
    (1.0, 5)
    """
    import pandas as pd

    return pd.DataFrame(CRITERIA, columns=["criterion", "weight", "1: beginning", "3: solid", "5: exemplary"])


def weights() -> dict[str, float]:
    """Criterion -> weight of :func:`hiring_rubric`."""
    return {c: w for c, w, *_ in CRITERIA}


def interview_panel(district: Any, seed: int, *, candidates: int = 5) -> pd.DataFrame:
    """Four raters' scores (1-5) of each finalist on each criterion, long form.

    Each finalist has a level per criterion; each rater is a little lenient
    or strict; one rater (seeded) scores erratically, so leaving someone out
    can matter (all illustrative).

    Examples
    --------
    >>> p = interview_panel("sample-rural", 3)
    >>> len(p), sorted(p["rater"].unique()) == sorted(RATERS), set(p["score"]) <= {1, 2, 3, 4, 5}
    (100, True, True)
    """
    import pandas as pd

    n = check_count("candidates", candidates, minimum=2)
    rng = rng_for(as_district(district), seed, "l4/interview_panel")
    names = [f"Finalist {chr(65 + i)}" for i in range(n)]
    erratic = RATERS[int(rng.integers(len(RATERS)))]
    level = rng.normal(3.2, 0.6, size=(n, 1)) + rng.normal(0, 0.7, size=(n, len(CRITERIA)))
    lean = dict(zip(RATERS, rng.normal(0, 0.3, size=len(RATERS))))
    rows = []
    for i, name in enumerate(names):
        for rater in RATERS:
            noise = rng.normal(0, 1.2 if rater == erratic else 0.35, size=len(CRITERIA))
            scores = np.clip(np.rint(level[i] + lean[rater] + noise), 1, 5).astype(int)
            rows += [{"candidate": name, "rater": rater, "criterion": c[0], "score": int(s)} for c, s in zip(CRITERIA, scores)]
    return pd.DataFrame(rows)


def visit_hours_per_site(district: Any) -> float:
    """Hours of visits a site gets in a year: a weekly visit over 36 school weeks, longer where travel is (illustrative).

    >>> visit_hours_per_site("sample-rural"), visit_hours_per_site("sample-urban")
    (108.0, 72.0)
    """
    d = as_district(district)
    return 36 * (3.0 if d.locale == "rural" else 2.0)


def minutes_per_device(district: Any, seed: int) -> float:
    """Minutes a year each device takes outside any ticket: imaging, deployment, summer checks, inventory (seeded 12-20; illustrative).

    >>> 12 <= minutes_per_device("sample-rural", 1) <= 20
    True
    """
    return float(round(rng_for(as_district(district), seed, "l4/minutes_per_device").uniform(12, 20), 1))


def ticket_log(district: Any, seed: int, fiscal_year: str) -> pd.DataFrame:
    """T3's help desk tickets for the district, seed and fiscal year (:func:`workbook.datasets.helpdesk_tickets`).

    >>> ticket_log("sample-rural", 1, "2026-27").equals(ticket_log("sample-rural", 1, "2026-27"))
    True
    """
    from workbook.datasets import helpdesk_tickets

    check_count("seed", seed)
    d = as_district(district)
    return kept_table("l4/tickets", d, int(seed), str(fiscal_year), make=lambda: helpdesk_tickets(d, seed, fiscal_year))


def workload(district: Any, seed: int, fiscal_year: str, productive_share: float) -> pd.DataFrame:
    """The staffing model's table (:func:`workbook.tools.people.workload_fte`) with this module's illustrative inputs.

    >>> w = workload("sample-rural", 1, "2026-27", 0.75)
    >>> w["site"].iloc[-1], bool(w["fte"].sum() > 0)
    ('fleet work (all sites)', True)
    """
    from workbook.tools._validate import check_fraction
    from workbook.tools.people import workload_fte

    share = check_fraction("productive_share", productive_share)
    d = as_district(district)

    def make() -> Any:
        return workload_fte(ticket_log(d, seed, fiscal_year), MINUTES_PER_TICKET, visit_hours_per_site=visit_hours_per_site(d),
                            productive_hours=PAID_HOURS * share, devices=int(d.devices.student_devices + d.devices.staff_devices),
                            minutes_per_device=minutes_per_device(d, seed))

    return kept_table("l4/workload", d, int(seed), str(fiscal_year), share, make=make)


def orientation_checklist() -> pd.DataFrame:
    """A new technician's first 90 days: what, by when (working day), and who owns it (illustrative).

    >>> orientation_checklist()["by_day"].is_monotonic_increasing
    True
    """
    import pandas as pd

    rows = [
        ("Fingerprint clearance and tuberculosis screening complete (before starting)", 0, "Human resources"),
        ("Accounts, badge, keys, laptop and phone ready", 1, "IT manager"),
        ("Welcome from the CTO: mission, goals, how the department is measured", 1, "CTO"),
        ("Acceptable use, FERPA and student data privacy training signed", 3, "IT manager"),
        ("Shadow a senior technician at two schools", 5, "Lead technician"),
        ("Meet each assigned site's principal and office manager", 10, "New technician"),
        ("First tickets handled alone, reviewed with the lead", 15, "Lead technician"),
        ("Performance goals for the probationary period agreed in writing", 20, "IT manager"),
        ("30-day check-in: what is working, what is not", 30, "IT manager"),
        ("60-day check-in and written feedback", 60, "IT manager"),
        ("90-day review against the goals", 90, "IT manager"),
    ]
    return pd.DataFrame(rows, columns=["step", "by_day", "owner"])


def job_posting(district: Any) -> dict[str, str]:
    """A draft posting for a technician: what a candidate reads first (illustrative).

    >>> job_posting("sample-suburban")["title"]
    'Computer Support Technician (classified)'
    """
    d = as_district(district)
    salary = d.salaries.it
    return {
        "title": "Computer Support Technician (classified)",
        "district": d.name,
        "pay": f"{salary * 0.85:,.0f} to {salary * 1.15:,.0f} dollars a year on the classified salary schedule (illustrative range)",
        "duties": "device repair and imaging; account and password support; classroom technology; tickets at several schools",
        "requirements": "two years of desktop support or an equivalent certificate; a driver's licence; fingerprint clearance",
        "how to apply": "application and supplemental questions; a skills test; a structured interview with a panel of four",
    }
