"""L2 Vision and Technology Planning: the givens of the exercises, per district and seed.

Everything here is **synthetic and illustrative**: a stakeholder survey, the
plan's SMART goals with this year's measures, each goal's cost items, the
funding sources, five site plans and a list of emerging technologies, derived
from the district profile and varied by ``seed``. No real person, vendor quote
or Gartner placement appears; candidates replace these with their own.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import numpy as np

from workbook.tools.fiscal_year import fiscal_year_start, fiscal_years, shift_fiscal_year
from workbook.tools.planning import PLAN_ELEMENTS, plan_cost
from workbook.principles import salted_rng as _rng

__all__ = [
    "GROUPS",
    "NEEDS",
    "GOAL_IDS",
    "stakeholder_survey",
    "plan_start",
    "status_date",
    "plan_goals",
    "plan_items",
    "funding_sources",
    "site_plans",
    "emerging_trends",
]

#: Stakeholder groups the survey reaches (the LCAP consults the same people: Education Code 52060).
GROUPS = ("teachers", "students", "families", "classified staff", "administrators")
#: Need areas the survey asks about.
NEEDS = ("student devices", "home internet access", "classroom audio-visual", "staff professional learning", "cybersecurity",
         "data and assessment systems", "Wi-Fi capacity", "help desk response", "accessibility")
#: The plan's goals (ids used by the tracker, the cost items and the site plans).
GOAL_IDS = ("G1", "G2", "G3", "G4", "G5", "G6")

# What each group tends to care about (added to importance) and how well it thinks each need is met today.
_LEANS = {
    "teachers": {"classroom audio-visual": 0.8, "staff professional learning": 0.7, "help desk response": 0.5},
    "students": {"student devices": 0.8, "Wi-Fi capacity": 0.8, "accessibility": 0.3},
    "families": {"home internet access": 1.1, "student devices": 0.5, "cybersecurity": 0.3},
    "classified staff": {"help desk response": 0.8, "data and assessment systems": 0.4},
    "administrators": {"cybersecurity": 0.9, "data and assessment systems": 0.8},
}



def stakeholder_survey(district: Any, seed: int) -> Any:
    """One row per respondent and need: ``group``, ``need``, ``importance`` and ``current`` (1-5).

    Sample sizes follow the district's head counts (capped so the table stays
    small); each group has its own leanings, varied by ``seed``.

    >>> from workbook.districts import load_district
    >>> s = stakeholder_survey(load_district("sample-rural"), 3)
    >>> sorted(s["group"].unique()) == sorted(GROUPS), bool(s[["importance", "current"]].stack().between(1, 5).all())
    (True, True)
    """
    import pandas as pd

    rng = _rng(seed, 2001)
    students = int(district.enrollment.total)
    sizes = {"teachers": min(120, max(6, round(district.staff.certificated * 0.4))), "students": min(150, max(10, round(students * 0.05))),
             "families": min(150, max(10, round(students * 0.04))), "classified staff": min(60, max(4, round(district.staff.classified * 0.2))),
             "administrators": min(25, max(3, round(district.staff.certificated * 0.03)))}
    frames = []
    for group in GROUPS:
        n = sizes[group]
        importance = np.array([3.0 + _LEANS[group].get(need, 0.0) + rng.uniform(-0.5, 0.6) for need in NEEDS])
        current = np.array([rng.uniform(2.2, 3.8) for _ in NEEDS])
        imp = np.clip(np.rint(importance + rng.normal(0, 0.8, (n, len(NEEDS)))), 1, 5).astype(int)
        cur = np.clip(np.rint(current + rng.normal(0, 0.8, (n, len(NEEDS)))), 1, 5).astype(int)
        frames.append(pd.DataFrame({"respondent": np.repeat([f"{group[:3].upper()}{i + 1:03d}" for i in range(n)], len(NEEDS)),
                                    "group": group, "need": np.tile(NEEDS, n), "importance": imp.ravel(), "current": cur.ravel()}))
    return pd.concat(frames, ignore_index=True)


def plan_start(fiscal_year: str) -> str:
    """The plan's first fiscal year: it was adopted a year before ``fiscal_year`` (the year you are in).

    >>> plan_start("2026-27")
    '2025-26'
    """
    return shift_fiscal_year(fiscal_year, -1)


def status_date(fiscal_year: str) -> str:
    """The date of this year's progress report: February 15 of ``fiscal_year``'s spring.

    >>> status_date("2026-27")
    '2027-02-15'
    """
    return dt.date(fiscal_year_start(fiscal_year) + 1, 2, 15).isoformat()


#: How each goal reads when it is written vaguely (fails S).
_VAGUE = {"G1": "Better devices for students", "G2": "Improve the Wi-Fi", "G3": "Stronger account security",
          "G4": "More use of the LMS", "G5": "Faster help desk", "G6": "Hotspots for families"}


def plan_goals(district: Any, seed: int, fiscal_year: str) -> Any:
    """The plan's six goals with measures, owners, dates and this year's value (synthetic).

    Two goals, chosen by ``seed``, are written with a SMART flaw (a vague
    statement, a missing measure name, an owner who is nobody, or no resources
    named), as real plans often are. ``current`` is the measure on
    :func:`status_date`.

    >>> from workbook.districts import load_district
    >>> g = plan_goals(load_district("sample-urban"), 4, "2026-27")
    >>> list(g["id"]) == list(GOAL_IDS), bool((g["due"] > g["start"]).all())
    (True, True)
    """
    import pandas as pd

    rng = _rng(seed, 2002)
    first = fiscal_year_start(plan_start(fiscal_year))
    start = dt.date(first, 7, 1)
    aue = round(float(rng.uniform(0.70, 0.85)), 2)
    rows = [
        ("G1", "Every student in grades 3 to 12 has a school device within its update life", "share of student devices within update life",
         aue, 0.98, "Director of Technology", "LCFF technology budget", 3),
        ("G2", "Every classroom's Wi-Fi carries a full class streaming video at the same time", "share of classrooms passing the load test",
         round(float(rng.uniform(0.40, 0.65)), 2), 0.95, "Network Manager", "E-rate Category Two and bond funds", 4),
        ("G3", "Every staff account signs in with multi-factor authentication by the deadline", "share of staff accounts with MFA",
         round(float(rng.uniform(0.30, 0.60)), 2), 1.0, "Information Security Lead", "LCFF technology budget", 2),
        ("G4", "Teachers post assignments and return feedback in the LMS in every core class", "share of core classes active weekly",
         round(float(rng.uniform(0.35, 0.55)), 2), 0.90, "Director of Educational Technology", "Title IV-A and LCFF", 3),
        ("G5", "The help desk resolves priority-two tickets within one business day", "share of P2 tickets within the SLA",
         round(float(rng.uniform(0.55, 0.75)), 2), 0.90, "Help Desk Supervisor", "LCFF technology budget", 2),
        ("G6", "Families who ask for a hotspot receive one within ten school days", "median school days to deliver a hotspot",
         float(rng.integers(18, 30)), 10.0, "Family Engagement Coordinator", "one-time state grant", 2),
    ]
    frame = pd.DataFrame(rows, columns=["id", "goal", "measure", "baseline", "target", "owner", "funding", "years"])
    frame["start"] = start.isoformat()
    frame["due"] = [dt.date(first + y, 6, 30).isoformat() for y in frame["years"]]
    when = dt.date.fromisoformat(status_date(fiscal_year))
    expected = [min(1.0, (when - start).days / (dt.date.fromisoformat(d) - start).days) for d in frame["due"]]
    progress = [max(0.0, e + float(rng.normal(-0.08, 0.16))) for e in expected]
    frame["current"] = [round(b + p * (t - b), 2) for b, t, p in zip(frame["baseline"], frame["target"], progress)]
    flawed = rng.choice(len(rows), size=2, replace=False)
    flaws = rng.choice(["S", "M", "A", "R"], size=2, replace=False)
    for k, flaw in zip(flawed, flaws):
        if flaw == "S":
            frame.loc[k, "goal"] = _VAGUE[frame.loc[k, "id"]]
        elif flaw == "M":
            frame.loc[k, "measure"] = ""
        elif flaw == "A":
            frame.loc[k, "owner"] = "everyone"
        else:
            frame.loc[k, "funding"] = ""
    return frame.drop(columns="years")[["id", "goal", "measure", "baseline", "target", "current", "owner", "funding", "start", "due"]]


def plan_items(district: Any, seed: int) -> Any:
    """Each goal's cost items in year-1 prices, refresh cycles and subscriptions included (synthetic rates).

    >>> from workbook.districts import load_district
    >>> items = plan_items(load_district("sample-suburban"), 2)
    >>> sorted(items["goal"].unique()) == sorted(GOAL_IDS)
    True
    """
    import pandas as pd

    rng = _rng(seed, 2003)
    d = district
    u = lambda lo, hi: float(rng.uniform(lo, hi))  # noqa: E731
    staff = int(d.staff.certificated + d.staff.classified)
    hotspots = max(5, round(d.enrollment.total * u(0.03, 0.07)))
    rows = [
        ("G1", "Device refresh, a quarter of the fleet a year", "hardware", 0.0, round(d.devices.student_devices / d.devices.lifespan_years * d.devices.unit_cost, -2), None, 1, 0.03),
        ("G1", "Device management licences", "software", 0.0, round(d.devices.student_devices * u(5, 9), -2), None, 1, 0.04),
        ("G2", "Access points, district share after E-rate", "hardware", round(d.classrooms * u(900, 1300) * 0.3, -2), 0.0, None, 2, 0.0),
        ("G2", "Wireless licences and support", "contracts", 0.0, round(d.classrooms * u(40, 70), -2), None, 2, 0.03),
        ("G3", "MFA and single sign-on subscription", "software", 0.0, round(staff * u(3, 6), -2), None, 1, 0.05),
        ("G3", "Security awareness training", "professional_development", round(staff * u(8, 15), -2), 0.0, 2, 1, 0.0),
        ("G4", "Learning management system", "software", 0.0, round(d.enrollment.total * u(4, 8), -2), None, 1, 0.04),
        ("G4", "LMS coaching for teachers", "professional_development", round(d.staff.certificated * u(120, 200), -2), 0.0, None, 1, 0.0),
        ("G5", "One more help desk technician", "it_labor", 0.0, round(d.salaries.it * 1.4, -2), None, 2, 0.03),
        ("G6", "Hotspots", "hardware", round(hotspots * u(90, 130), -2), 0.0, 3, 1, 0.0),
        ("G6", "Hotspot data plans", "connectivity", 0.0, round(hotspots * u(12, 20) * 12, -2), None, 1, 0.02),
    ]
    return pd.DataFrame(rows, columns=["goal", "item", "category", "upfront", "annual", "repeat_every", "start_year", "escalation"])


def funding_sources(district: Any, seed: int, first_year: str, years: int) -> Any:
    """The plan's money (synthetic): an ongoing LCFF share and a one-time grant that ends early.

    The ongoing share is set against the plan's average yearly cost; the
    grant lasts one to three years, so the year the plan runs short varies.

    >>> from workbook.districts import load_district
    >>> s = funding_sources(load_district("sample-rural"), 1, "2025-26", 5)
    >>> list(s["kind"])
    ['ongoing', 'one-time']
    """
    import pandas as pd

    rng = _rng(seed, 2004)
    costs = plan_cost(plan_items(district, seed), first_year, years)
    mean = float(costs["total"].sum()) / years
    labels = fiscal_years(first_year, years)
    grant_years = int(rng.integers(1, 4))
    return pd.DataFrame([
        {"source": "LCFF share for the plan", "kind": "ongoing", "amount": round(mean * float(rng.uniform(0.80, 1.02)), -3),
         "first": labels[0], "last": labels[-1]},
        {"source": "One-time state grant", "kind": "one-time", "amount": round(mean * float(rng.uniform(0.15, 0.35)), -3),
         "first": labels[0], "last": labels[min(grant_years, years) - 1]},
    ])


def site_plans(district: Any, seed: int) -> Any:
    """Up to five schools' own technology plans: the elements each covers and the district goals its goals serve.

    >>> from workbook.districts import load_district
    >>> len(site_plans(load_district("sample-urban"), 2)) == 5
    True
    """
    import pandas as pd

    rng = _rng(seed, 2005)
    rows = []
    for i in range(min(5, max(1, int(district.schools)))):
        covers = [e for e in PLAN_ELEMENTS if rng.random() < 0.72]
        serves = [g for g in GOAL_IDS if rng.random() < 0.5] or ["G1"]
        if rng.random() < 0.25:
            serves.append("G7")  # a goal from last plan, no longer the district's
        rows.append({"site": f"School {i + 1:02d}", "covers": "; ".join(covers), "serves": "; ".join(serves)})
    return pd.DataFrame(rows)


#: Emerging technologies and where the workbook places them on the Hype Cycle (illustrative, not Gartner's placements).
_TRENDS = (
    ("Generative AI teaching assistants", "Peak of Inflated Expectations"),
    ("AI writing detectors", "Trough of Disillusionment"),
    ("Passkeys (passwordless sign-in)", "Slope of Enlightenment"),
    ("Virtual reality headsets", "Trough of Disillusionment"),
    ("Interactive flat panels", "Plateau of Productivity"),
    ("Learning analytics dashboards", "Slope of Enlightenment"),
    ("Wi-Fi 7 access points", "Innovation Trigger"),
    ("Emotion-recognition cameras", "Innovation Trigger"),
)


def emerging_trends(seed: int) -> Any:
    """The technologies the committee is watching, with the evidence found so far (synthetic, varied by seed).

    >>> t = emerging_trends(5)
    >>> len(t), sorted(t.columns)[:2]
    (8, ['cost_known', 'evidence_tier'])
    """
    import pandas as pd

    rng = _rng(seed, 2006)
    rows = []
    for name, phase in _TRENDS:
        late = phase in ("Slope of Enlightenment", "Plateau of Productivity")
        rows.append({"technology": name, "phase": phase,
                     "evidence_tier": int(rng.integers(1, 4)) if late else int(rng.integers(0, 5)),
                     "privacy_agreement": bool(name != "Emotion-recognition cameras" and rng.random() < 0.85),
                     "cost_known": bool(late or rng.random() < 0.6),
                     "peer_districts": int(rng.integers(2, 9)) if late else int(rng.integers(0, 4))})
    return pd.DataFrame(rows)
