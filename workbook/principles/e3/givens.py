"""E3 Educational Technology: the givens of the exercises, per district and seed.

Everything here is **synthetic and illustrative**: an inventory of twelve
made-up instructional tools (no real product is named), a school year of
usage by school and month, and the monthly adoption of a new tool by the
district's teachers. Counts are sized from the district profile (enrollment
by grade span, schools, certificated staff); prices, usage and evidence vary
with ``seed``. A district replaces them with its own exports
(:func:`workbook.datasets.read_dataset_file` with ``instructional_tools`` and
``tool_usage``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from workbook.tools._validate import check_count
from workbook.tools.diffusion import bass_cumulative
from workbook.tools.fiscal_year import fiscal_year_start
from workbook.principles import salted_rng as _rng

__all__ = ["TOOLS", "SCHOOL_MONTHS", "EVIDENCE_TIERS", "tool_inventory", "tool_usage", "AdoptionData", "teacher_adoption",
           "TEACHER_SHARE"]

_ALL = ("tk_3", "g4_6", "g7_8", "g9_12")
#: The inventory's tools: name, the job it does, the grade spans it serves, price range per licence a year (dollars).
TOOLS: tuple[tuple[str, str, tuple[str, ...], tuple[float, float]], ...] = (
    ("ClassHub", "learning management", _ALL, (4.0, 8.0)),
    ("QuizQuest", "quizzes and quick checks", _ALL, (2.0, 5.0)),
    ("PollPad", "quizzes and quick checks", ("g4_6", "g7_8", "g9_12"), (1.5, 4.0)),
    ("CheckIn Live", "quizzes and quick checks", ("g7_8", "g9_12"), (3.0, 6.0)),
    ("MathMotion", "math practice", ("tk_3", "g4_6", "g7_8"), (8.0, 16.0)),
    ("NumberNest", "math practice", ("tk_3", "g4_6"), (6.0, 12.0)),
    ("ReadRiver", "reading practice", ("tk_3", "g4_6"), (9.0, 18.0)),
    ("PageTurner", "reading practice", ("tk_3", "g4_6", "g7_8"), (7.0, 14.0)),
    ("ClipCast", "video and screen recording", ("g4_6", "g7_8", "g9_12"), (1.0, 3.0)),
    ("CodeCove", "coding", ("g7_8", "g9_12"), (5.0, 10.0)),
    ("DraftDesk", "writing feedback", ("g7_8", "g9_12"), (6.0, 12.0)),
    ("LabLens", "science simulations", ("g4_6", "g7_8", "g9_12"), (3.0, 7.0)),
)
#: ESSA's evidence tiers (ESEA section 8101(21)) by the word the inventory uses, and "none".
EVIDENCE_TIERS = {"strong": 1, "moderate": 2, "promising": 3, "rationale": 4, "none": 0}
#: The months of the school year in the usage table (August to May) and an illustrative seasonal pattern of use.
SCHOOL_MONTHS = (8, 9, 10, 11, 12, 1, 2, 3, 4, 5)
_SEASON = (0.55, 0.95, 1.0, 0.95, 0.75, 0.95, 1.0, 0.95, 0.85, 0.70)
#: Share of certificated staff who teach a class and could adopt a teacher tool (illustrative).
TEACHER_SHARE = 0.80



def _evidence(job: str, rng: np.random.Generator) -> str:
    # Practice programs are the tools most often studied for outcomes; the rest rarely have more than a logic model.
    if job in ("math practice", "reading practice"):
        return str(rng.choice(["strong", "moderate", "promising", "rationale", "none"], p=[0.2, 0.25, 0.25, 0.2, 0.1]))
    return str(rng.choice(["promising", "rationale", "none"], p=[0.1, 0.5, 0.4]))


def tool_inventory(district: Any, seed: int) -> Any:
    """The district's instructional tools: job, grades, licences, price, evidence tier (synthetic).

    Licences cover the students of the grade spans a tool serves (between
    70% and 110% of them, by seed), at least 25; the price per licence a
    year and the evidence tier vary with ``seed``.

    Examples
    --------
    >>> from workbook.districts import load_district
    >>> inv = tool_inventory(load_district("sample-rural"), 1)
    >>> len(inv), list(inv.columns)
    (12, ['tool', 'job', 'grades', 'licences', 'price_per_licence', 'evidence'])
    >>> bool((inv["licences"] >= 25).all())
    True
    """
    import pandas as pd

    rng = _rng(seed, 3301)
    rows = []
    for name, job, spans, (low, high) in TOOLS:
        audience = sum(int(getattr(district.enrollment, s)) for s in spans)
        licences = max(25, int(round(audience * rng.uniform(0.7, 1.1), -1)))
        rows.append({
            "tool": name,
            "job": job,
            "grades": ", ".join({"tk_3": "TK-3", "g4_6": "4-6", "g7_8": "7-8", "g9_12": "9-12"}[s] for s in spans),
            "licences": licences,
            "price_per_licence": round(float(rng.uniform(low, high)), 2),
            "evidence": _evidence(job, rng),
        })
    return pd.DataFrame(rows)


def _months(fiscal_year: str) -> list[str]:
    start = fiscal_year_start(fiscal_year)
    return [f"{start + (m < 7)}-{m:02d}" for m in SCHOOL_MONTHS]


def tool_usage(district: Any, seed: int, inventory: Any = None) -> Any:
    """A school year of sign-ins by tool, school and month (synthetic), August to May of the district's fiscal year.

    ``active_users`` are the people who signed in at least once that month
    at that school; ``logins`` count sign-ins. Each tool has its own level of
    use (between 12% and 90% of its licences in a typical month, by seed),
    shared unevenly among the schools and shaped by the school calendar.

    Examples
    --------
    >>> from workbook.districts import load_district
    >>> d = load_district("sample-rural")
    >>> use = tool_usage(d, 1)
    >>> list(use.columns), len(use) == 12 * d.schools * 10
    (['tool', 'school', 'month', 'logins', 'active_users'], True)
    >>> use["month"].iloc[0], use["month"].iloc[-1]
    ('2026-08', '2027-05')
    """
    import pandas as pd

    inv = tool_inventory(district, seed) if inventory is None else inventory
    rng = _rng(seed, 3302)
    schools = [f"School {i + 1:02d}" for i in range(int(district.schools))]
    months = _months(district.fiscal_year)
    cells = len(schools) * len(months)  # one row per school and month, schools outer, as the rows are listed
    # Each cell draws its active-user noise then its login noise: one call draws them all, in that order.
    low, high = np.tile([0.9, 0.85], cells), np.tile([1.1, 1.15], cells)
    parts = []
    for tool, licences in zip(inv["tool"], inv["licences"]):
        level = rng.uniform(0.12, 0.90)
        per_login = rng.uniform(2.0, 10.0)
        weights = rng.lognormal(0.0, 0.35, len(schools))
        weights = weights / weights.sum()
        noise = rng.uniform(low, high)
        share = np.repeat(weights, len(months))  # the school's share, for each of its months
        season = np.tile(np.asarray(_SEASON[: len(months)], dtype=float), len(schools))
        # licences x level x season x weight x noise, multiplied in that order (the same floating-point result)
        active = _whole(licences * level * season * share * noise[0::2])
        logins = _whole(active * per_login * noise[1::2])
        parts.append((tool, active, logins))
    if not cells or not parts:
        return pd.DataFrame([])  # no school or no tool: no row (and no column), as a list of no rows gives
    return pd.DataFrame({
        "tool": np.repeat(np.asarray([tool for tool, _, _ in parts], dtype=object), cells),
        "school": np.tile(np.repeat(np.asarray(schools, dtype=object), len(months)), len(parts)),
        "month": np.tile(np.asarray(months, dtype=object), len(schools) * len(parts)),
        "logins": np.concatenate([logins for _, _, logins in parts]),
        "active_users": np.concatenate([active for _, active, _ in parts]),
    })


def _whole(values: np.ndarray) -> np.ndarray:
    """``int(round(v))`` of each value (halves to even), with its error for NaN or infinity."""
    for bad in values[~np.isfinite(values)][:1]:
        int(round(bad))  # raises as the value would on its own
    return np.rint(values).astype(np.int64)


@dataclass(frozen=True)
class AdoptionData:
    """Monthly cumulative adopters of a new teacher tool since its launch (synthetic)."""

    tool: str
    market: int
    months: tuple[int, ...]
    adopters: tuple[int, ...]

    @property
    def share(self) -> float:
        """The share of the market that has adopted by the last month."""
        return self.adopters[-1] / self.market

    def table(self) -> Any:
        """Month, cumulative adopters and their share of the teachers."""
        import pandas as pd

        return pd.DataFrame({"month": list(self.months), "teachers_using": list(self.adopters),
                             "share_of_teachers": [round(a / self.market, 4) for a in self.adopters]}).set_index("month")


def teacher_adoption(district: Any, seed: int, months: int = 14) -> AdoptionData:
    """Teachers using a new feedback tool, month by month after its launch (synthetic).

    The market is the district's teachers (:data:`TEACHER_SHARE` of its
    certificated staff); adoption follows a Bass curve whose coefficients
    vary with ``seed`` (innovation 0.005-0.03, imitation 0.15-0.45 a month),
    with a little noise, never falling from one month to the next.

    Examples
    --------
    >>> from workbook.districts import load_district
    >>> data = teacher_adoption(load_district("sample-rural"), 1)
    >>> len(data.months), data.months[0], all(b >= a for a, b in zip(data.adopters, data.adopters[1:]))
    (14, 1, True)
    """
    count = check_count("months", months, minimum=4)
    rng = _rng(seed, 3303)
    market = max(20, int(round(int(district.staff.certificated) * TEACHER_SHARE)))
    p, q = rng.uniform(0.005, 0.03), rng.uniform(0.15, 0.45)
    t = np.arange(1, count + 1)
    noisy = bass_cumulative(t, p, q, market) * (1 + rng.normal(0, 0.03, count))
    adopters = np.minimum(np.maximum.accumulate(np.clip(np.round(noisy), 0, None)), market).astype(int)
    return AdoptionData(tool="FeedbackLoop", market=market, months=tuple(int(x) for x in t),
                        adopters=tuple(int(a) for a in adopters))
