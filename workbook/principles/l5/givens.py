"""L5 Organizational Management: the department, its RACI, a readiness survey and a build/buy/share choice.

Everything here is **synthetic and illustrative**, sized from the district
profile (IT staff, all staff, enrollment) and varied by ``seed``, so every
candidate has their own org chart, matrix, survey and quotes. No real person,
survey or price is in it.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np

from workbook.principles import salted_rng as _rng

__all__ = ["department_positions", "draft_raci", "readiness_survey", "CHANGE", "solution_options", "SOLUTION", "department_goals"]

#: The change the readiness survey asks about.
CHANGE = "moving to a new student information system next summer"
#: The system the build/buy/share decision is about.
SOLUTION = "a data dashboard for the LCAP's metrics"

_AREAS = {  # area: (manager id, manager title, staff title, systems, share of the staff)
    "infra": ("mgr-infra", "Network and infrastructure manager", "Network engineer",
              ["firewall", "wireless controller", "core switches", "backups", "phone system", "virtual servers"], 0.25),
    "info": ("mgr-info", "Information systems manager", "SIS and data analyst",
             ["SIS", "CALPADS reporting", "rostering (OneRoster)", "data warehouse"], 0.20),
    "support": ("mgr-support", "User support manager", "Site technician",
                ["device management (MDM)", "ticketing system", "imaging", "printers"], 0.45),
    "edtech": ("coord-edtech", "Instructional technology coordinator", "Instructional technology specialist",
               ["learning management system", "Google Workspace", "content filter"], 0.10),
}



def department_positions(district: Any, seed: int) -> list[dict[str, Any]]:
    """The technology department's positions: id, title, reports_to, vacant, systems (synthetic).

    A small department is flat (everyone reports to the head); from 8
    positions there is a manager per area; a large user-support team has lead
    technicians, one per region. Vacancies and who knows which system vary
    with ``seed``.

    >>> from workbook.districts import load_district
    >>> rows = department_positions(load_district("sample-suburban"), 1)
    >>> rows[0]["id"], rows[0]["reports_to"], sum(not r["vacant"] for r in rows) == load_district("sample-suburban").staff.it
    ('cto', '', True)
    """
    rng = _rng(seed, 5001)
    in_post = max(2, int(district.staff.it))
    vacancies = max(1, round(in_post * float(rng.uniform(0.06, 0.15))))
    staff = in_post + vacancies - 1  # everyone but the head
    rows: list[dict[str, Any]] = [{"id": "cto", "title": "Chief technology officer", "reports_to": ""}]
    areas = list(_AREAS) if staff >= 12 else list(_AREAS)[:3]
    if staff < 7:  # flat: one of each role reports to the head
        for i in range(staff):
            area = areas[i % len(areas)]
            rows.append({"id": f"{area}-{i // len(areas) + 1}", "title": _AREAS[area][2], "reports_to": "cto", "area": area})
    else:
        left = staff - len(areas)
        counts = {a: max(1, math.floor(left * _AREAS[a][4] / sum(_AREAS[b][4] for b in areas))) for a in areas}
        counts["support"] += left - sum(counts.values())
        for area in areas:
            boss, title, worker, _, _ = _AREAS[area]
            rows.append({"id": boss, "title": title, "reports_to": "cto", "area": area})
            n = counts[area]
            leads = n // 9 if area == "support" and n >= 18 else 0
            regions = ["north", "south", "east", "west", "central", "coast", "valley", "hills"][:leads]
            for r in regions:
                rows.append({"id": f"lead-{r}", "title": f"Lead technician, {r}", "reports_to": boss, "area": area})
            for i in range(n - leads):
                manager = f"lead-{regions[i % leads]}" if leads else boss
                rows.append({"id": f"{area}-{i + 1}", "title": worker, "reports_to": manager, "area": area})
    open_posts = rng.choice(np.arange(1, len(rows)), size=min(vacancies, len(rows) - 1), replace=False)
    for i, row in enumerate(rows):
        row["vacant"] = bool(i in set(open_posts.tolist()))
        pool = _AREAS[row["area"]][3] if "area" in row else ["E-rate filing", "technology budget"]
        k = int(rng.integers(1, min(3, len(pool)) + 1))
        row["systems"] = ", ".join(sorted(rng.choice(pool, size=k, replace=False).tolist()))
        row.pop("area", None)
    return rows


_RACI_ROLES = ["CTO", "Network manager", "Systems manager", "Support manager", "Principal", "Business office", "Educational services"]
_RACI_BASE = [  # activity: letters per role, in the order of _RACI_ROLES (a valid matrix)
    ("Approve the technology budget", ["R", "C", "C", "C", "I", "A", "C"]),
    ("Replace the firewall", ["A", "R", "I", "I", "", "C", ""]),
    ("Report CALPADS data", ["I", "", "R", "", "C", "", "A"]),
    ("Image student devices over the summer", ["I", "", "", "A/R", "I", "", ""]),
    ("Choose instructional apps", ["C", "", "C", "", "C", "", "A/R"]),
    ("Respond to a cyber incident", ["A", "R", "R", "C", "I", "I", "I"]),
    ("Onboard new staff accounts", ["I", "", "A", "R", "", "C", ""]),
    ("Plan the device refresh", ["A", "", "", "R", "C", "C", "C"]),
]


def draft_raci(seed: int) -> Any:
    """A colleague's draft RACI matrix for the department, with a few faults in it (which ones vary with ``seed``).

    >>> m = draft_raci(3)
    >>> m.columns[0], len(m) >= 8
    ('activity', True)
    """
    import pandas as pd

    rng = _rng(seed, 5002)
    rows = [{"activity": a, **dict(zip(_RACI_ROLES, letters))} for a, letters in _RACI_BASE]
    targets = rng.choice(len(rows), size=4, replace=False).tolist()
    kinds = rng.permutation(["several accountable", "no accountable", "no responsible", "unknown code"]).tolist()
    for i, kind in zip(targets, kinds[: int(rng.integers(2, 5))]):
        row = rows[i]
        if kind == "several accountable":
            free = [r for r in _RACI_ROLES if "A" not in row[r]]
            row[free[int(rng.integers(len(free)))]] = "A"
        elif kind == "no accountable":
            for r in _RACI_ROLES:
                row[r] = row[r].replace("A/R", "R").replace("A", "C")
        elif kind == "no responsible":
            for r in _RACI_ROLES:
                row[r] = row[r].replace("A/R", "A").replace("R", "C")
        else:
            r = _RACI_ROLES[int(rng.integers(len(_RACI_ROLES)))]
            row[r] = "S"  # "supports": not a RACI letter
    if rng.random() < 0.5:  # the same activity entered twice
        rows.append(dict(rows[int(rng.integers(len(rows)))]))
    frame = pd.DataFrame(rows)
    if rng.random() < 0.5:
        frame["Superintendent"] = ""
    return frame


def readiness_survey(district: Any, seed: int) -> Any:
    """Staff answers to a change-readiness survey about :data:`CHANGE`: two statements per Kotter step, 1 to 5.

    >>> from workbook.districts import load_district
    >>> s = readiness_survey(load_district("sample-rural"), 2)
    >>> sorted(s["step"].unique().tolist()) == list(range(1, 9)), s["rating"].between(1, 5).all()
    (True, np.True_)
    """
    import pandas as pd

    rng = _rng(seed, 5003)
    staff = int(district.staff.certificated + district.staff.classified)
    n = int(min(160, max(24, staff // 8)))
    roles = rng.choice(["teacher", "site administrator", "office staff", "technology staff"], size=n, p=[0.6, 0.1, 0.2, 0.1])
    latent = rng.uniform(2.4, 4.2, 8)
    mood = rng.normal(0, 0.4, n)  # some people are more positive about everything
    # One noise draw per answer, person by person, step by step, item by item: drawn at once, in that order.
    person, step = np.repeat(np.arange(n), 16), np.tile(np.repeat(np.arange(1, 9), 2), n)
    noise = rng.normal(0, 0.8, n * 16)
    rating = np.clip(np.rint(latent[step - 1] + mood[person] + noise), 1, 5).astype(np.int64)
    return pd.DataFrame({"respondent": person + 1, "role": roles.astype(object)[person], "step": step,
                         "item": np.tile([1, 2], n * 8), "rating": rating})


def solution_options(district: Any, seed: int) -> tuple[Any, dict[str, float], float]:
    """Build, buy or share :data:`SOLUTION`: ``(options, weights, support_fte available)`` (synthetic).

    Ratings run 0 to 3 (higher is better) on fit to the requirements,
    standards (CALPADS, Ed-Fi, OneRoster), privacy and sustainability; costs
    scale with enrollment.

    >>> from workbook.districts import load_district
    >>> o, w, fte = solution_options(load_district("sample-urban"), 4)
    >>> o["option"].tolist(), round(sum(w.values()), 6), fte > 0
    (['build', 'buy', 'share'], 1.0, True)
    """
    import pandas as pd

    rng = _rng(seed, 5004)
    scale = max(0.5, district.enrollment.total / 10_000)

    def r(lo: float, hi: float, nd: int = 2) -> float:
        return round(float(rng.uniform(lo, hi)), nd)

    def rate(lo: int, hi: int) -> int:
        return int(rng.integers(lo, hi + 1))

    options = pd.DataFrame([
        {"option": "build", "upfront": round(60_000 * scale * r(0.8, 1.3), -3), "yearly": round(25_000 * scale * r(0.8, 1.3), -3),
         "years": 5, "support_fte": r(0.8, 1.6, 1), "fit": 3, "standards": rate(1, 2), "privacy": 3, "sustainability": rate(0, 1)},
        {"option": "buy", "upfront": round(15_000 * scale * r(0.8, 1.3), -3), "yearly": round(40_000 * scale * r(0.8, 1.3), -3),
         "years": 5, "support_fte": r(0.3, 0.6, 1), "fit": rate(2, 3), "standards": rate(2, 3), "privacy": rate(1, 2), "sustainability": rate(2, 3)},
        {"option": "share", "upfront": round(5_000 * scale * r(0.8, 1.3), -3), "yearly": round(30_000 * scale * r(0.8, 1.3), -3),
         "years": 5, "support_fte": r(0.1, 0.3, 1), "fit": rate(1, 2), "standards": 3, "privacy": rate(2, 3), "sustainability": 3},
    ])
    raw = rng.uniform(0.5, 1.5, 4) * np.array([4, 2, 2, 2])
    names = ["fit", "standards", "privacy", "sustainability"]
    weights = {n: round(float(w), 2) for n, w in zip(names, raw / raw.sum())}
    weights[names[-1]] = round(1 - sum(weights[n] for n in names[:-1]), 2)
    # even the smallest department can give the county's shared service the little it needs
    available = round(max(float(options.loc[2, "support_fte"]), min(2.0, district.staff.it * r(0.03, 0.08))), 1)
    return options, weights, available


_LCAP = {  # synthetic LCAP goals of the kind California districts adopt
    "1": "Every student reads and does mathematics at grade level",
    "2": "Safe, welcoming and well-maintained schools",
    "3": "Graduates ready for college and career",
    "4": "Families engaged as partners",
    "5": "English learners progress toward proficiency",
}
_DEPARTMENT = [  # a department goal and the LCAP goals it could serve
    ("Every classroom passes a wireless coverage test by June", ["1", "3"]),
    ("Multi-factor authentication for every staff account", ["2"]),
    ("A device for every student, refreshed on a four-year cycle", ["1", "3", "5"]),
    ("A parent portal in the families' home languages", ["4", "5"]),
    ("Dashboards of attendance and grades for every site team", ["1", "3"]),
    ("Help desk tickets resolved within two business days", ["2"]),
    ("Move staff email to a hosted service", []),
    ("Replace the phone system with hosted voice", []),
]


def department_goals(seed: int) -> tuple[dict[str, str], list[dict[str, str]]]:
    """``(lcap_goals, department goals)``: the district's LCAP goals and a draft of the department's goals (synthetic).

    Five of the draft's goals are drawn (one of them tied to no LCAP goal),
    each linked to one or two of the LCAP goals it could serve.

    >>> lcap, mine = department_goals(4)
    >>> len(lcap), len(mine), any(g["lcap"] == "" for g in mine)
    (5, 5, True)
    """
    rng = _rng(seed, 5005)
    aligned = [_DEPARTMENT[i] for i in sorted(rng.choice(6, size=4, replace=False).tolist())]
    loose = _DEPARTMENT[6 + int(rng.integers(2))]
    rows = []
    for text, could in [*aligned, loose]:
        k = min(len(could), int(rng.integers(1, 3)))
        rows.append({"goal": text, "lcap": ", ".join(sorted(rng.choice(could, size=k, replace=False).tolist())) if could else ""})
    return dict(_LCAP), rows
