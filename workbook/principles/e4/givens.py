"""E4 Assessment and Accountability: the givens of the exercises, per district and seed.

Everything here is **synthetic**: students with made-up ten-digit SSIDs,
their student groups, CAASPP scale scores in grades 3-8 (ELA and math),
chronic absenteeism in grades K-8 for this year and last, a local benchmark
assessment and the SIS enrollment it must be joined to. Sizes come from the
district profile (enrollment by grade span, schools, unduplicated pupil
share); group differences and trends are illustrative and vary with
``seed``. No real student appears, and none of the shares below is a
published statistic.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from workbook.errors import InputError
from workbook.tools._validate import check_count
from workbook.tools.assessment import level_minimums
from workbook.principles import kept_table
from workbook.principles import salted_rng as _rng

__all__ = ["FLAGS", "RACE_GROUPS", "CATEGORIES", "students", "caaspp_results", "sis_enrollment", "benchmark_results",
           "BENCHMARK_BANDS", "english_learner_view"]

#: True/false student group columns, with the share of students in each (illustrative; SED follows the district's UPP).
FLAGS = ("Socioeconomically Disadvantaged", "English Learners", "Students with Disabilities", "Foster Youth", "Homeless Youth")
#: Race/ethnicity groups as the Dashboard names them, with illustrative shares of enrollment.
RACE_GROUPS = (("Hispanic", 0.50), ("White", 0.21), ("Asian", 0.10), ("African American", 0.05), ("Filipino", 0.03),
               ("Two or More Races", 0.10), ("American Indian", 0.006), ("Pacific Islander", 0.004))
CATEGORIES = ("race_ethnicity",)
BENCHMARK_BANDS = ("at or above benchmark", "below benchmark", "well below benchmark")

# Illustrative differences in distance from standard (points) and in the chance of chronic absence (multipliers).
_DFS_EFFECT = {"Socioeconomically Disadvantaged": -25, "English Learners": -45, "Students with Disabilities": -80,
               "Foster Youth": -60, "Homeless Youth": -35, "Hispanic": -10, "White": 15, "Asian": 35, "African American": -25,
               "Filipino": 20, "Two or More Races": 10, "American Indian": -20, "Pacific Islander": -15}
_ABSENCE_FACTOR = {"Socioeconomically Disadvantaged": 1.3, "English Learners": 1.0, "Students with Disabilities": 1.4,
                   "Foster Youth": 1.8, "Homeless Youth": 2.0, "Hispanic": 1.1, "White": 0.9, "Asian": 0.5,
                   "African American": 1.6, "Filipino": 0.6, "Two or More Races": 1.0, "American Indian": 1.7,
                   "Pacific Islander": 1.5}



def _grade_counts(district: Any) -> dict[int, int]:
    e = district.enrollment
    counts = {g: e.tk_3 / 5 for g in (0, 1, 2, 3)}  # K-3: four of the five grades of TK-3
    counts.update({g: e.g4_6 / 3 for g in (4, 5, 6)})
    counts.update({g: e.g7_8 / 2 for g in (7, 8)})
    return {g: int(round(n)) for g, n in counts.items()}


def _trends(seed: int) -> dict[str, tuple[float, float, float]]:
    """Per group: change in ELA and math distance (points) and in chronic absence (fraction), from last year to this."""
    rng = _rng(seed, 4400)
    out = {"All": (rng.normal(0, 4), rng.normal(0, 4), rng.normal(-0.005, 0.008))}
    out.update({g: (rng.normal(0, 3), rng.normal(0, 3), rng.normal(0, 0.005)) for g in _DFS_EFFECT})
    return out


def students(district: Any, seed: int, year: int = 0) -> Any:
    """The district's K-8 students in one school year (``year`` 0: this year; -1: last year), one row each (synthetic).

    Columns: ``ssid`` (ten digits, as text), ``school``, ``grade`` (0 is
    kindergarten), the :data:`FLAGS` columns, ``race_ethnicity``, the
    student's ``ela_dfs`` and ``math_dfs`` (points from the Level 3 minimum;
    used in grades 3-8) and ``chronic_absent``.

    Examples
    --------
    >>> from workbook.districts import load_district
    >>> s = students(load_district("sample-rural"), 1)
    >>> sorted(set(s["grade"])) == list(range(9)), bool(s["ssid"].str.fullmatch(r"[1-9][0-9]{9}").all()), s["ssid"].is_unique
    (True, True, True)
    """
    import pandas as pd

    if year not in (0, -1) or isinstance(year, bool):
        raise InputError("year", year, "0 (this school year) or -1 (last year)")
    check_count("seed", seed)
    return kept_table("e4/students", district, int(seed), year, make=lambda: _students(district, seed, year))


def _students(district: Any, seed: int, year: int) -> Any:
    import pandas as pd

    rng = _rng(seed, 4401 + year)
    grades = np.concatenate([np.full(n, g) for g, n in _grade_counts(district).items()])
    n = len(grades)
    upp = float(district.unduplicated_pct)
    shares = {"Socioeconomically Disadvantaged": min(0.95, 0.9 * upp), "English Learners": 0.10 + 0.15 * upp,
              "Students with Disabilities": 0.13, "Foster Youth": 0.006, "Homeless Youth": 0.01 + 0.03 * upp}
    schools = np.array([f"School {i + 1:02d}" for i in range(int(district.schools))], dtype=object)
    frame = pd.DataFrame({"ssid": _unique_ids(rng, n).astype(str).astype(object),
                          "school": schools[rng.integers(0, len(schools), n)], "grade": grades})
    for flag in FLAGS:
        frame[flag] = rng.random(n) < shares[flag]
    names, weights = zip(*RACE_GROUPS)
    frame["race_ethnicity"] = rng.choice(np.array(names), n, p=np.array(weights) / sum(weights))
    trends = _trends(seed)
    base = _rng(seed, 4399).normal(25 - 30 * upp, 8)
    for k, subject in enumerate(("ela", "math")):
        shift = base - (15 if subject == "math" else 0)
        effect = np.full(n, shift + (trends["All"][k] if year == 0 else 0.0))
        for group, points in _DFS_EFFECT.items():
            member = frame[group].to_numpy() if group in FLAGS else (frame["race_ethnicity"] == group).to_numpy()
            effect += member * (points + (trends[group][k] if year == 0 else 0.0))
        frame[f"{subject}_dfs"] = np.round(effect + rng.normal(0, 85, n))
    rate = np.full(n, 0.05 + 0.10 * upp + (trends["All"][2] if year == 0 else 0.0))
    for group, factor in _ABSENCE_FACTOR.items():
        member = frame[group].to_numpy() if group in FLAGS else (frame["race_ethnicity"] == group).to_numpy()
        rate = rate * np.where(member, factor, 1.0) + member * (trends[group][2] if year == 0 else 0.0)
    frame["chronic_absent"] = rng.random(n) < np.clip(rate, 0.005, 0.9)
    return frame


def _unique_ids(rng: np.random.Generator, n: int) -> np.ndarray:
    start = int(rng.integers(1_000_000_000, 8_000_000_000))
    ids = start + np.cumsum(rng.integers(1, 40, n))
    return rng.permutation(ids)


def caaspp_results(district: Any, seed: int, year: int = 0) -> Any:
    """CAASPP Smarter Balanced results, one row per student and subject, grades 3-8 (synthetic).

    Scale scores are the Level 3 minimum of the grade and subject plus the
    student's distance, kept inside the range the calculators accept.

    Examples
    --------
    >>> from workbook.districts import load_district
    >>> r = caaspp_results(load_district("sample-rural"), 1)
    >>> sorted(set(r["subject"])), sorted(set(r["grade"])), bool(r["scale_score"].between(2000, 3000).all())
    (['ela', 'math'], [3, 4, 5, 6, 7, 8], True)
    """
    pupils = students(district, seed, year)  # checks seed and year
    return kept_table("e4/caaspp", district, int(seed), year, make=lambda: _caaspp_results(pupils))


def _caaspp_results(pupils: Any) -> Any:
    import pandas as pd

    tested = pupils[pupils["grade"].between(3, 8)]
    parts = []
    for subject in ("ela", "math"):
        part = tested.drop(columns=["ela_dfs", "math_dfs", "chronic_absent"]).copy()
        part.insert(3, "subject", subject)
        level3 = part["grade"].map({g: level_minimums(subject, g)[1] for g in range(3, 9)})
        part.insert(4, "scale_score", np.clip(level3 + tested[f"{subject}_dfs"], 2100, 2900).astype(int))
        parts.append(part)
    return pd.concat(parts, ignore_index=True)


def sis_enrollment(district: Any, seed: int) -> Any:
    """This year's enrollment from the SIS: SSID, school, grade and student groups, no results (synthetic)."""
    return students(district, seed).drop(columns=["ela_dfs", "math_dfs", "chronic_absent"])


def benchmark_results(district: Any, seed: int) -> Any:
    """A winter local benchmark in reading, grades 3-8, as the vendor exports it (synthetic).

    About 96% of students tested; the vendor's file carries the SSID as the
    district sent it in the fall, so a few are mistyped, shortened or blank.
    ``score`` is the vendor's scale (roughly 100-300) and ``band`` one of
    :data:`BENCHMARK_BANDS`.

    Examples
    --------
    >>> from workbook.districts import load_district
    >>> b = benchmark_results(load_district("sample-rural"), 1)
    >>> list(b.columns), set(b["band"]) <= set(BENCHMARK_BANDS)
    (['ssid', 'grade', 'score', 'band'], True)
    """
    import pandas as pd

    pupils = students(district, seed)
    rng = _rng(seed, 4402)
    tested = pupils[pupils["grade"].between(3, 8) & (rng.random(len(pupils)) < 0.96)].reset_index(drop=True)
    score = np.clip(np.round(200 + 0.6 * tested["ela_dfs"].to_numpy() + rng.normal(0, 25, len(tested))), 100, 300)
    band = np.where(score >= 205, BENCHMARK_BANDS[0], np.where(score >= 165, BENCHMARK_BANDS[1], BENCHMARK_BANDS[2]))
    ssid = tested["ssid"].to_numpy(dtype=object).copy()
    faults = rng.random(len(tested))
    for i in np.flatnonzero(faults < 0.02):
        kind = faults[i] / 0.02
        if kind < 0.4:  # two digits swapped
            s = list(ssid[i])
            j = int(rng.integers(0, 9))
            s[j], s[j + 1] = s[j + 1], s[j]
            ssid[i] = "".join(s) if s[j] != s[j + 1] else ssid[i][:-1] + str((int(ssid[i][-1]) + 1) % 10)
        elif kind < 0.7:  # last digit lost
            ssid[i] = ssid[i][:-1]
        elif kind < 0.85:  # blank
            ssid[i] = ""
        else:  # a digit mistyped
            ssid[i] = ssid[i][:-1] + str((int(ssid[i][-1]) + 3) % 10)
    return pd.DataFrame({"ssid": ssid, "grade": tested["grade"].to_numpy(), "score": score.astype(int), "band": band})


def english_learner_view(benchmark: Any, enrollment: Any) -> Any:
    """English learners' benchmark results by school (rows) and band (columns), from the records that match enrollment.

    The count table the board asked for, before any suppression: every
    school with at least one matched English learner, every band (zeros
    included).
    """
    import pandas as pd

    from workbook.tools.assessment import match_on_ssid

    matched, _ = match_on_ssid(benchmark, enrollment)
    el = matched[matched["English Learners"].astype(bool)]
    table = pd.crosstab(el["school"], el["band"]).reindex(columns=list(BENCHMARK_BANDS), fill_value=0)
    table.columns.name, table.index.name = "band", "school"
    return table
