"""State assessment results: CAASPP scale scores, achievement levels, distance from standard by student group.

The Smarter Balanced tests of CAASPP report a **scale score** per student and
subject. The published minimum scale scores of Levels 2, 3 and 4 for each
grade and subject (reference table ``caaspp_cut_scores``, CDE/ETS) turn it
into an **achievement level**: 1 Standard Not Met, 2 Nearly Met, 3 Met,
4 Exceeded. The **distance from standard** (DFS) is the scale score minus the
Level 3 minimum of the student's grade and subject; a group's DFS is the mean
of its students' distances (the Dashboard's academic indicator).

Student groups are columns of a student table: a true/false column per group
(``English Learners``, ``Students with Disabilities``, ...) and, optionally,
columns whose values are groups (``race_ethnicity``). :func:`group_reporting`
says whether a group of ``n`` students gets a colour, a result without a
colour, or nothing (the minimum sizes are parameters: the workbook's sources
did not verify the Dashboard's current n-sizes). Colours are in
:mod:`workbook.tools.dashboard`; suppression of small cells in a table that
leaves the department is :func:`workbook.tools.disclosure.suppress_small_counts`.

Examples
--------
>>> achievement_level(2500, "ela", 5), achievement_level(2502, "ela", 5)
(2, 3)
>>> distance_from_standard(2480, "math", 3)
44.0
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from typing import TYPE_CHECKING, Any

import numpy as np

from workbook.errors import InputError
from workbook.tools._validate import as_table, check_choice, check_count, check_number
# Moved to workbook.tools.security_assessment; still importable here for T1 notebooks released before the move.
from workbook.tools.security_assessment import ig1_gap_assessment, ig1_safeguards  # noqa: F401

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = [
    "SUBJECTS",
    "GRADES",
    "LEVEL_NAMES",
    "caaspp_cut_scores",
    "level_minimums",
    "achievement_level",
    "distance_from_standard",
    "score_levels",
    "group_masks",
    "results_by_group",
    "group_reporting",
    "match_on_ssid",
]

SUBJECTS = ("ela", "math")
GRADES = (3, 4, 5, 6, 7, 8, 11)
LEVEL_NAMES = {1: "Standard Not Met", 2: "Standard Nearly Met", 3: "Standard Met", 4: "Standard Exceeded"}
#: The scale scores the calculators accept (Smarter Balanced scores lie well inside this range).
SCORE_RANGE = (2000.0, 3000.0)


def caaspp_cut_scores() -> pd.DataFrame:
    """The minimum scale scores of Levels 2-4 by subject and grade (CDE/ETS), one row per subject and grade.

    >>> caaspp_cut_scores().loc[("ela", 3)].tolist()
    [2367, 2432, 2490]
    """
    return _cut_scores().copy()


@lru_cache(maxsize=1)
def _cut_scores() -> pd.DataFrame:
    from workbook.tools.reference import reference_table

    table = reference_table("caaspp_cut_scores")
    table["grade"] = table["grade"].astype(int)
    wide = table.pivot_table(index=["subject", "grade"], columns="level", values="min_scale_score", aggfunc="first")
    wide.columns = [f"level_{int(c)}" for c in wide.columns]
    return wide.astype(int)


def _subject_grade(subject: Any, grade: Any) -> tuple[str, int]:
    subj = check_choice("subject", subject, SUBJECTS)
    g = check_count("grade", grade)
    if g not in GRADES:
        raise InputError("grade", grade, "a tested grade: 3, 4, 5, 6, 7, 8 or 11")
    return subj, g


def level_minimums(subject: str, grade: int) -> tuple[int, int, int]:
    """The minimum scale scores of Level 2, Level 3 and Level 4 for a subject and grade.

    >>> level_minimums("math", 11)
    (2543, 2628, 2718)
    >>> level_minimums("science", 5)
    Traceback (most recent call last):
    ...
    workbook.errors.InputError: subject = 'science' is not allowed: expected one of 'ela', 'math'
    >>> level_minimums("ela", 9)
    Traceback (most recent call last):
    ...
    workbook.errors.InputError: grade = 9 is not allowed: expected a tested grade: 3, 4, 5, 6, 7, 8 or 11
    """
    subj, g = _subject_grade(subject, grade)
    row = _cut_scores().loc[(subj, g)]
    return int(row["level_2"]), int(row["level_3"]), int(row["level_4"])


def _score(name: str, value: Any) -> float:
    return check_number(name, value.item() if isinstance(value, np.generic) else value,
                        minimum=SCORE_RANGE[0], maximum=SCORE_RANGE[1])


def achievement_level(scale_score: float, subject: str, grade: int) -> int:
    """The achievement level (1-4) of a scale score: the highest level whose minimum it reaches.

    >>> [achievement_level(s, "ela", 3) for s in (2366, 2367, 2431, 2432, 2489, 2490)]
    [1, 2, 2, 3, 3, 4]
    >>> achievement_level(250, "ela", 3)
    Traceback (most recent call last):
    ...
    workbook.errors.InputError: scale_score = 250 is not allowed: expected a number >= 2000 and <= 3000
    """
    score = _score("scale_score", scale_score)
    mins = level_minimums(subject, grade)
    return 1 + sum(score >= m for m in mins)


def distance_from_standard(scale_score: float, subject: str, grade: int) -> float:
    """Scale score minus the Level 3 (Standard Met) minimum of the grade and subject, in points.

    >>> distance_from_standard(2500, "ela", 5)
    -2.0
    """
    score = _score("scale_score", scale_score)
    return score - level_minimums(subject, grade)[1]


def score_levels(results: Any) -> pd.DataFrame:
    """Add ``level`` and ``dfs`` to a table of results with ``subject``, ``grade`` and ``scale_score``.

    >>> score_levels([{"subject": "ela", "grade": 8, "scale_score": 2567},
    ...               {"subject": "math", "grade": 8, "scale_score": 2503}])[["level", "dfs"]].to_dict("list")
    {'level': [3, 1], 'dfs': [0.0, -83.0]}
    """
    import pandas as pd

    table = as_table("results", results, ("subject", "grade", "scale_score"), noun="result")
    cuts = _cut_scores()
    known = set(cuts.index.tolist())
    # The distinct (subject, grade) pairs in order of first appearance, and each result's pair: a few, not one tuple per result.
    subject_code, subjects = pd.factorize(table["subject"], use_na_sentinel=False)
    grade_code, grades = pd.factorize(table["grade"], use_na_sentinel=False)
    pair_code, first_seen = pd.factorize(subject_code.astype(np.int64) * len(grades) + grade_code)
    subject_list, grade_list = subjects.tolist(), grades.tolist()
    pairs = [(subject_list[c // len(grade_list)], grade_list[c % len(grade_list)]) for c in first_seen.tolist()]
    for subject, grade in set(pairs) - known:
        _subject_grade(subject, grade)  # raises, naming the argument and the value
    scores = pd.to_numeric(table["scale_score"], errors="coerce")
    bad = scores.isna() | (scores < SCORE_RANGE[0]) | (scores > SCORE_RANGE[1])
    if bad.any():
        i = int(np.flatnonzero(bad.to_numpy())[0])
        _score(f"results.scale_score[{i}]", table["scale_score"].iloc[i])
    by_pair = np.array([cuts.loc[(subject, int(grade))].to_numpy() for subject, grade in pairs])  # Level 2-4 minimums
    mins = by_pair[pair_code]
    values = scores.to_numpy(dtype=float)
    table["level"] = 1 + (values[:, None] >= mins).sum(axis=1)
    table["dfs"] = values - mins[:, 1]
    return table


def group_masks(students: Any, flags: Sequence[str] = (), categories: Sequence[str] = ()) -> dict[str, Any]:
    """Student group -> which rows belong to it: ``All Students``, each true/false column in ``flags``,
    and each value of the columns in ``categories`` (in order of first appearance, blanks left out).

    >>> import pandas as pd
    >>> t = pd.DataFrame({"English Learners": [True, False, True], "race_ethnicity": ["Asian", "White", "Asian"]})
    >>> {k: v.tolist() for k, v in group_masks(t, ["English Learners"], ["race_ethnicity"]).items()}
    {'All Students': [True, True, True], 'English Learners': [True, False, True], 'Asian': [True, False, True], 'White': [False, True, False]}
    """
    import pandas as pd

    table = as_table("students", students, [*flags, *categories])
    masks: dict[str, Any] = {"All Students": pd.Series(True, index=table.index)}
    for column in flags:
        values = table[column]
        if values.dtype != bool and not values.map(lambda v: isinstance(v, (bool, np.bool_))).all():
            raise InputError(f"students.{column}", values.tolist()[:5], "True or False for every student")
        masks[column] = values.astype(bool)
    for column in categories:
        codes, values = pd.factorize(table[column])  # in order of first appearance; blanks (NaN) get -1
        for k, value in enumerate(values):
            if str(value).strip():
                masks[str(value)] = pd.Series(codes == k, index=table.index, name=column)
    return masks


def group_reporting(n: int, *, min_colour: int = 30, min_shown: int = 11) -> str:
    """How a student group of ``n`` students is reported: ``"colour"``, ``"no colour"`` (result only) or ``"not shown"``.

    >>> [group_reporting(n) for n in (10, 11, 29, 30)]
    ['not shown', 'no colour', 'no colour', 'colour']
    >>> group_reporting(40, min_colour=10, min_shown=11)
    Traceback (most recent call last):
    ...
    workbook.errors.InputError: min_colour = 10 is not allowed: expected a whole number >= min_shown (11)
    """
    count = check_count("n", n)
    shown = check_count("min_shown", min_shown, minimum=1)
    colour = check_count("min_colour", min_colour, minimum=1)
    if colour < shown:
        raise InputError("min_colour", min_colour, f"a whole number >= min_shown ({shown})")
    return "colour" if count >= colour else "no colour" if count >= shown else "not shown"


def results_by_group(results: Any, subject: str, flags: Sequence[str] = (), categories: Sequence[str] = ()) -> pd.DataFrame:
    """Per student group, for one subject: students tested, mean distance from standard and share at Level 3 or 4.

    Parameters
    ----------
    results
        One row per student and subject: ``subject``, ``grade``,
        ``scale_score`` and the group columns.
    subject
        ``"ela"`` or ``"math"``.
    flags, categories
        The group columns (see :func:`group_masks`).

    Returns
    -------
    DataFrame
        Indexed by group (``All Students`` first): ``students``, ``dfs``
        (mean, unrounded) and ``met_or_exceeded`` (share, unrounded).

    Examples
    --------
    >>> rows = [{"subject": "ela", "grade": 3, "scale_score": s, "English Learners": el}
    ...         for s, el in ((2432, False), (2400, True), (2500, True))]
    >>> results_by_group(rows, "ela", ["English Learners"]).round(2).values.tolist()
    [[3.0, 12.0, 0.67], [2.0, 18.0, 0.5]]
    """
    subj = check_choice("subject", subject, SUBJECTS)
    table = as_table("results", results, ("subject", "grade", "scale_score"), noun="result")
    table = table[table["subject"] == subj]
    if table.empty:
        raise InputError("subject", subject, "a subject with results in the table")
    scored = score_levels(table)
    dfs, met = scored["dfs"].to_numpy(dtype=float), (scored["level"] >= 3).to_numpy()
    rows = []
    for group, mask in group_masks(scored, flags, categories).items():
        member = mask.to_numpy(dtype=bool)
        n = int(np.count_nonzero(member))
        if n:  # the mean pandas takes of the group's rows: their sum (numpy's) over their count
            rows.append({"group": group, "students": n, "dfs": float(dfs[member].sum() / n),
                         "met_or_exceeded": float(np.count_nonzero(met[member]) / n)})
    import pandas as pd

    return pd.DataFrame(rows).set_index("group")


def _ssids(values: Any) -> Any:
    import pandas as pd

    series = pd.Series(values)
    floats = series.map(lambda v: isinstance(v, float)) if series.dtype == object else pd.Series(series.dtype.kind == "f", index=series.index)
    text = series.astype(object).where(series.notna(), "").astype(str).str.strip()
    if not floats.any():  # no number read from a spreadsheet: nothing to take ".0" off
        return text
    return text.where(~floats, text.str.replace(r"\.0$", "", regex=True))


def match_on_ssid(records: Any, enrollment: Any, column: str = "ssid") -> tuple[pd.DataFrame, pd.DataFrame]:
    """Join local assessment records to SIS enrollment on the statewide student identifier (SSID).

    The SSID is CALPADS' ten-digit identifier; compare it as text (a
    spreadsheet that turned it into a number is read back without ``.0``).

    Returns
    -------
    (matched, unmatched)
        ``matched``: each record with the enrollment's columns added (a clash
        gets ``_sis`` on the enrollment's side); ``unmatched``: the records
        that found no student, with a ``reason``: ``"blank"``, ``"not 10
        digits"`` or ``"not enrolled"``.

    Examples
    --------
    >>> sis = [{"ssid": "1234567890", "school": "A"}, {"ssid": "2234567890", "school": "B"}]
    >>> local = [{"ssid": 1234567890, "score": 310}, {"ssid": "223456789", "score": 290}, {"ssid": None, "score": 200}]
    >>> matched, unmatched = match_on_ssid(local, sis)
    >>> matched[["ssid", "school", "score"]].values.tolist(), unmatched["reason"].tolist()
    ([['1234567890', 'A', 310]], ['not 10 digits', 'blank'])
    >>> match_on_ssid(local, sis + sis[:1])
    Traceback (most recent call last):
    ...
    workbook.errors.InputError: enrollment.ssid = '1234567890' is not allowed: expected each student enrolled once
    """
    left = as_table("records", records, (column,))
    right = as_table("enrollment", enrollment, (column,), noun="student")
    left[column], right[column] = _ssids(left[column]).to_numpy(), _ssids(right[column]).to_numpy()
    dup = right[column].duplicated()
    if dup.any():
        raise InputError(f"enrollment.{column}", right.loc[dup, column].iloc[0], "each student enrolled once")
    # ten decimal digits: what the pattern \d{10} matches (Unicode category Nd), without a regex per record
    reason = np.where(left[column] == "", "blank",
                      np.where(~((left[column].str.len() == 10) & left[column].str.isdecimal()), "not 10 digits",
                               np.where(left[column].isin(right[column].unique()), "", "not enrolled")))
    matched = left[reason == ""].merge(right, on=column, how="left", suffixes=("", "_sis"))
    unmatched = left[reason != ""].assign(reason=reason[reason != ""]).reset_index(drop=True)
    return matched.reset_index(drop=True), unmatched
