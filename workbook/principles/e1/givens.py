"""E1 Student Centered Aspects: the givens of the exercises, per district and seed.

Everything here is **synthetic**: the systems, the vendors (invented names),
their agreements, the data flows, the directory requests, the counts and the
survey are generated from the district profile and ``seed``, so each candidate
gets their own. No real student, vendor contract or survey appears.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

import numpy as np

from workbook.tools._validate import check_count
from workbook.tools.fiscal_year import check_fiscal_year
from workbook.tools.privacy import AB1584_TERMS
from workbook.principles import salted_rng as _rng

__all__ = [
    "SystemsAndVendors",
    "systems_and_vendors",
    "DirectoryRequests",
    "directory_requests",
    "absence_counts",
    "climate_survey",
    "tracker_date",
    "terms_table",
]

# system, department, elements always held, elements held on some seeds, used directly by children under 13
_SYSTEMS = [
    ("Student information system", "Student services",
     ["student name", "home address", "telephone number", "date of birth", "grade level", "local student id",
      "statewide student identifier", "course schedule", "attendance record", "grades and transcripts",
      "English learner status", "discipline record"], ["foster youth status", "health record"], False),
    ("Rostering hub", "Technology", ["student name", "email address", "grade level", "local student id", "course schedule"], [], False),
    ("Learning management system", "Instruction", ["student name", "email address", "course schedule", "student work",
                                                   "grades and transcripts"], ["English learner status"], True),
    ("Reading practice app", "Instruction", ["student name", "grade level", "assessment scores", "student work"], [], True),
    ("Math practice app", "Instruction", ["student name", "grade level", "assessment scores"], ["English learner status"], True),
    ("Benchmark assessment platform", "Assessment", ["student name", "local student id", "statewide student identifier",
                                                     "grade level", "assessment scores", "English learner status"],
     ["special education record"], True),
    ("Special education IEP system", "Special education", ["student name", "date of birth", "statewide student identifier",
                                                           "special education record", "assessment scores"], ["health record"], False),
    ("Nutrition point of sale", "Nutrition services", ["student name", "local student id", "meal eligibility"], ["photograph"], False),
    ("Transportation routing", "Transportation", ["student name", "home address", "grade level"], ["special education record"], False),
    ("Web filter", "Technology", ["email address", "internet activity log"], [], False),
    ("Climate survey tool", "Student services", ["grade level", "survey answers on protected topics"], [], True),
    ("Yearbook service", "Student services", ["student name", "photograph", "grade level", "activities and sports"], [], False),
]
# Systems that hold no student data: staff and money.
_OTHER_SYSTEMS = [("Human resources system", "Human resources"), ("Finance system", "Business services")]
# A system the inventory misses: it only appears in the data flows.
_DOWNSTREAM = ("Assessment analytics dashboard", "Assessment")
_FLOWS = [
    ("Student information system", "Rostering hub", "rosters, enrollments, student accounts", True),
    ("Rostering hub", "Learning management system", "rosters and class lists", True),
    ("Rostering hub", "Reading practice app", "rosters and class lists", True),
    ("Rostering hub", "Math practice app", "rosters and class lists", True),
    ("Rostering hub", "Web filter", "student accounts and groups", True),
    ("Student information system", "Benchmark assessment platform", "enrollment and student groups", True),
    ("Benchmark assessment platform", "Student information system", "benchmark scores", True),
    ("Benchmark assessment platform", "Assessment analytics dashboard", "score exports by student", True),
    ("Student information system", "Special education IEP system", "enrollment and demographics", True),
    ("Student information system", "Nutrition point of sale", "enrollment and meal eligibility", True),
    ("Nutrition point of sale", "Finance system", "daily meal counts and revenue totals", False),
    ("Student information system", "Transportation routing", "addresses and grade levels", True),
    ("Student information system", "Yearbook service", "names, grades and photographs", True),
    ("Human resources system", "Finance system", "positions and payroll", False),
    ("Human resources system", "Rostering hub", "staff accounts", False),
]
_NAMES = ["Bramblecrest", "Tidewell", "Quillmark", "Sunfold", "Larkspan", "Copperfern", "Mistvale", "Oakharbor",
          "Driftglass", "Emberlane", "Fernhollow", "Glimmerbay", "Harrowgate", "Ivorystone", "Juniperly", "Kestrelway"]
_SUFFIX = {"Student services": "Student Systems", "Technology": "Networks", "Instruction": "Learning",
           "Assessment": "Assess", "Special education": "Special Ed", "Nutrition services": "Food Tech",
           "Transportation": "Routing", "Human resources": "HR Cloud", "Business services": "Finance"}



def tracker_date(fiscal_year: str) -> date:
    """The day the tracker is read: August 1 of the fiscal year's first calendar year, before school starts.

    >>> tracker_date("2026-27")
    datetime.date(2026, 8, 1)
    """
    return date(int(check_fiscal_year("fiscal_year", fiscal_year)[:4]), 8, 1)


@dataclass(frozen=True)
class SystemsAndVendors:
    """The district's systems (what each holds), the vendor tracker and the data flows, as tables."""

    systems: Any
    vendors: Any
    flows: Any

    @property
    def operators(self) -> dict[str, str]:
        """System -> ``"district"`` or its vendor."""
        return dict(zip(self.systems["system"], self.systems["operator"]))

    @property
    def inventoried(self) -> list[str]:
        """The systems the inventory lists as holding student data."""
        return [s for s, e in zip(self.systems["system"], self.systems["elements"]) if e]


def systems_and_vendors(district: Any, seed: int, fiscal_year: str) -> SystemsAndVendors:
    """The district's systems, vendors, agreements and flows (synthetic, varied by seed).

    At least one contract misses a term, and at least one vendor reached by
    student data has no covering agreement, so every exercise has something to find.

    >>> from workbook.districts import load_district
    >>> sv = systems_and_vendors(load_district("sample-rural"), 3, "2026-27")
    >>> len(sv.systems), set(sv.vendors["agreement"]) <= {"CA-NDPA signed", "CA-NDPA general offer adopted",
    ...     "vendor contract", "click-through terms", "none"}
    (15, True)
    """
    import pandas as pd

    rng = _rng(seed, 1101)
    as_of = tracker_date(fiscal_year)
    names = list(rng.permutation(_NAMES))
    rows, vendor_rows = [], []
    for k, (system, dept, always, sometimes, young) in enumerate(_SYSTEMS + [(s, d, [], [], False) for s, d in _OTHER_SYSTEMS]):
        elements = list(always) + [e for e in sometimes if rng.random() < 0.5]
        self_hosted = system in ("Human resources system", "Finance system") and rng.random() < 0.5
        operator = "district" if self_hosted else f"{names[k]} {_SUFFIX[dept]}"
        has_young = young and district.enrollment.tk_3 + district.enrollment.g4_6 > 0
        rows.append({"system": system, "department": dept, "operator": operator, "elements": "; ".join(elements), "under_13": bool(has_young)})
        if operator != "district":
            vendor_rows.append(_agreement(rng, operator, system, student_data=bool(elements), as_of=as_of))
    down_vendor = f"{names[len(rows)]} {_SUFFIX[_DOWNSTREAM[1]]}"
    rows.append({"system": _DOWNSTREAM[0], "department": _DOWNSTREAM[1], "operator": down_vendor, "elements": "", "under_13": False})
    # the dashboard's vendor signed click-through terms, listed as receiving no student data: the map says otherwise
    vendor_rows.append({**_agreement(rng, down_vendor, _DOWNSTREAM[0], student_data=False, as_of=as_of), "agreement": "click-through terms"})
    # the web filter's vendor is listed as receiving no student data, on some seeds
    if rng.random() < 0.5:
        for v in vendor_rows:
            if v["product"] == "Web filter":
                v["student_data"] = False
    contracts = [v for v in vendor_rows if v["agreement"] in ("vendor contract", "click-through terms") and v["student_data"]]
    if not any(v["terms"] != "; ".join(k for k, _ in AB1584_TERMS) for v in contracts):
        target = next(v for v in vendor_rows if v["student_data"] and v["product"] != "Student information system")
        keep = [k for k, _ in AB1584_TERMS if k not in ("no_targeted_ads", "deletion_at_end")]
        target.update(agreement="vendor contract", terms="; ".join(keep), expires=date(as_of.year + 2, 6, 30))
    flows = pd.DataFrame([{"source": s, "target": t, "data": d, "student_data": b} for s, t, d, b in _FLOWS])
    return SystemsAndVendors(pd.DataFrame(rows), pd.DataFrame(vendor_rows), flows)


def _agreement(rng: np.random.Generator, vendor: str, product: str, *, student_data: bool, as_of: date) -> dict[str, Any]:
    kind = str(rng.choice(["CA-NDPA signed", "CA-NDPA general offer adopted", "vendor contract", "click-through terms", "none"],
                          p=[0.45, 0.2, 0.2, 0.07, 0.08]))
    keep = {"vendor contract": 0.85, "click-through terms": 0.4}.get(kind, 0.0)
    terms = [k for k, _ in AB1584_TERMS if rng.random() < keep]
    ends = None if kind == "none" else date(as_of.year + int(rng.choice([-1, 0, 1, 2, 3], p=[0.1, 0.1, 0.3, 0.3, 0.2])), 6, 30)
    return {"vendor": vendor, "product": product, "student_data": student_data, "agreement": kind,
            "terms": "; ".join(terms), "expires": ends}


@dataclass(frozen=True)
class DirectoryRequests:
    """The district's directory information designation, its opt-out share and three requests."""

    designated: list[str]
    opt_out_share: float
    requests: Any  # DataFrame: request, elements, students, opted_out


def directory_requests(district: Any, seed: int) -> DirectoryRequests:
    """Three requests for student information this fall, with the opt-outs on file (synthetic).

    >>> from workbook.districts import load_district
    >>> d = directory_requests(load_district("sample-urban"), 2)
    >>> list(d.requests["request"])
    ['PTA school directory', 'Newspaper graduation section', 'Nonprofit college fair']
    """
    import pandas as pd

    rng = _rng(seed, 1102)
    designated = ["student name", "grade level", "dates of attendance", "activities and sports"]
    designated += [e for e, p in (("photograph", 0.8), ("home address", 0.5), ("telephone number", 0.5), ("email address", 0.5))
                   if rng.random() < p]
    share = round(float(rng.uniform(0.02, 0.09)), 3)
    total = int(district.enrollment.total)
    high = int(district.enrollment.g9_12) or total
    asks = [
        ("PTA school directory", ["student name", "home address", "telephone number"], total),
        ("Newspaper graduation section", ["student name", "photograph", "grade level", "activities and sports"], high),
        ("Nonprofit college fair", ["student name", "email address", "grades and transcripts"], int(district.enrollment.g9_12)),
    ]
    rows = [{"request": r, "elements": "; ".join(e), "students": n, "opted_out": int(round(n * share * float(rng.uniform(0.8, 1.2))))}
            for r, e, n in asks]
    return DirectoryRequests(designated, share, pd.DataFrame(rows))


_GROUPS = {"English learners": (0.10, 0.30), "Foster youth": (0.002, 0.008), "Students with disabilities": (0.10, 0.15),
           "Homeless youth": (0.005, 0.03)}


def absence_counts(district: Any, seed: int) -> Any:
    """Chronically absent students by school and student group (synthetic), at most eight schools.

    >>> from workbook.districts import load_district
    >>> t = absence_counts(load_district("sample-suburban"), 4)
    >>> list(t.columns) == list(_GROUPS) and bool((t.to_numpy() >= 0).all())
    True
    """
    import pandas as pd

    rng = _rng(seed, 1103)
    schools = min(int(district.schools), 8)
    per_school = int(district.enrollment.total) / max(int(district.schools), 1)
    rows = {}
    for s in range(schools):
        size = per_school * float(rng.uniform(0.6, 1.4))
        absent = float(rng.uniform(0.12, 0.28))
        rows[f"School {chr(65 + s)}"] = [int(rng.binomial(max(int(size * float(rng.uniform(lo, hi))), 0), absent * 1.2))
                                         for lo, hi in _GROUPS.values()]
    return pd.DataFrame.from_dict(rows, orient="index", columns=list(_GROUPS)).rename_axis("school")


_QUESTIONS = [
    ("I feel safe at school.", ""),
    ("How many hours a week do you spend on homework?", ""),
    ("Has anyone at school bullied you online this year?", ""),
    ("In the past year, have you felt so sad or hopeless for two weeks that you stopped usual activities?", "mental_health"),
    ("What is your family's yearly income?", "income"),
    ("Which political party do your parents support?", "political"),
    ("How often do you attend religious services?", "religion"),
    ("Have you used alcohol or drugs at school in the past month?", "illegal_behavior"),
    ("Do your parents argue in ways that upset you?", "family_appraisals"),
    ("Do you have a device and internet at home for schoolwork?", ""),
    ("Is there an adult at school who cares about you?", ""),
    ("Have you ever had sexual intercourse?", "sex"),
    ("What has your doctor told you about your health?", "privileged_relationships"),
    ("Which after-school activities do you take part in?", ""),
]


def climate_survey(seed: int, *, questions: int = 9) -> Any:
    """A draft school climate survey (synthetic): ``id``, ``question`` and ``area`` (PPRA area or empty).

    >>> s = climate_survey(5)
    >>> len(s), list(s.columns)
    (9, ['id', 'question', 'area'])
    """
    import pandas as pd

    n = check_count("questions", questions, minimum=1)
    picks = sorted(_rng(seed, 1104).choice(len(_QUESTIONS), size=min(n, len(_QUESTIONS)), replace=False))
    return pd.DataFrame([{"id": f"q{i + 1}", "question": _QUESTIONS[k][0], "area": _QUESTIONS[k][1]} for i, k in enumerate(picks)])


def terms_table() -> Any:
    """The nine Education Code 49073.1 terms as a table (key, what the contract must say).

    >>> terms_table().shape
    (9, 1)
    """
    import pandas as pd

    return pd.DataFrame(AB1584_TERMS, columns=["term", "what the contract must say"]).set_index("term")
