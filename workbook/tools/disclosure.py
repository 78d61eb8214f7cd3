"""What may leave the district: directory information, small-count suppression, survey consent.

Pure calculators for the E1 notebook (the inventory, agreements and data flows
are in :mod:`workbook.tools.privacy`):

==============================  =====================================================
:func:`releasable_records`      directory information: how many records may go to a requester
:func:`suppress_small_counts`   small-count suppression, primary and complementary
:func:`needs_prior_consent`     survey questions in PPRA's eight protected areas
==============================  =====================================================

Rules here are the workbook's teaching model of FERPA (34 CFR 99.37), the
National Center for Education Statistics' suppression methods (SLDS Technical
Brief 3, 2010) and PPRA (20 U.S.C. 1232h), not legal advice.

Examples
--------
>>> releasable_records(["student name", "photograph"], ["student name", "photograph", "grade level"], 120, 9)
111
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from workbook.errors import InputError
from workbook.tools._validate import as_table, check_count, is_blank, text_list

__all__ = ["PPRA_AREAS", "releasable_records", "Suppression", "suppress_small_counts", "needs_prior_consent"]

#: PPRA's eight protected areas (20 U.S.C. 1232h(b)), key and words.
PPRA_AREAS: tuple[tuple[str, str], ...] = (
    ("political", "political affiliations or beliefs of the student or the student's parent"),
    ("mental_health", "mental or psychological problems of the student or the student's family"),
    ("sex", "sex behavior or attitudes"),
    ("illegal_behavior", "illegal, anti-social, self-incriminating or demeaning behavior"),
    ("family_appraisals", "critical appraisals of others with whom respondents have close family relationships"),
    ("privileged_relationships", "legally recognized privileged relationships, such as with lawyers, physicians and ministers"),
    ("religion", "religious practices, affiliations or beliefs of the student or parent"),
    ("income", "income, other than what a program's eligibility requires"),
)


def releasable_records(requested: Any, designated: Any, students: int, opted_out: int) -> int:
    """How many students' records may go to a requester of directory information.

    FERPA lets a district release **directory information** it designated in
    its annual notice, except for students whose families opted out
    (34 CFR 99.37). A request that includes any element not designated gets
    nothing without consent: the answer is 0.

    >>> releasable_records(["student name", "grade level"], ["student name", "grade level"], 300, 12)
    288
    >>> releasable_records(["student name", "grades and transcripts"], ["student name"], 300, 12)
    0
    >>> releasable_records(["student name"], ["student name"], 10, 11)
    Traceback (most recent call last):
    ...
    workbook.errors.InputError: opted_out = 11 is not allowed: expected a whole number between 0 and students (10)
    """
    wanted, allowed = text_list("requested", requested), set(text_list("designated", designated))
    if not wanted:
        raise InputError("requested", requested, "at least one element")
    n = check_count("students", students)
    out = check_count("opted_out", opted_out)
    if out > n:
        raise InputError("opted_out", opted_out, f"a whole number between 0 and students ({n})")
    return n - out if all(w in allowed for w in wanted) else 0


@dataclass(frozen=True)
class Suppression:
    """A table of counts with its small cells withheld: ``shown`` ('*' where withheld) and ``mask`` (True there)."""

    shown: Any
    mask: Any
    primary: int
    complementary: int

    @property
    def withheld(self) -> int:
        return self.primary + self.complementary


def suppress_small_counts(counts: Any, min_cell: int = 11, *, row_totals: bool = True, column_totals: bool = False,
                          suppress_zero: bool = False) -> Suppression:
    """Withhold counts below ``min_cell`` (primary), then enough others that totals cannot reveal them (complementary).

    A row (or column, when its total is published) with exactly one withheld
    cell would give that cell away by subtraction from the total, so its
    smallest remaining cell is withheld too (ties: the first); the rows are
    checked from the top, then the columns from the left, and the passes are
    repeated until no row or column has exactly one (another order can end
    with a different count). Zeros are shown unless ``suppress_zero``.

    >>> import pandas as pd
    >>> t = pd.DataFrame({"A": [25, 12, 40], "B": [4, 15, 50], "C": [30, 9, 60]}, index=["s1", "s2", "s3"])
    >>> r = suppress_small_counts(t, 11)
    >>> r.primary, r.complementary, r.shown.loc["s1"].tolist()
    (2, 2, ['*', '*', 30])
    >>> suppress_small_counts(t, 11, column_totals=True).withheld
    6
    >>> suppress_small_counts(t, 0)
    Traceback (most recent call last):
    ...
    workbook.errors.InputError: min_cell = 0 is not allowed: expected a whole number >= 1
    """
    import pandas as pd

    if not isinstance(counts, pd.DataFrame) or counts.empty:
        raise InputError("counts", counts, "a non-empty DataFrame of counts (rows and columns are the groups)")
    threshold = check_count("min_cell", min_cell, minimum=1)
    for name, flag in (("row_totals", row_totals), ("column_totals", column_totals), ("suppress_zero", suppress_zero)):
        if not isinstance(flag, bool):
            raise InputError(name, flag, "True or False")
    values = counts.to_numpy()
    for (i, j), v in _cells(values):
        check_count(f"counts[{counts.index[i]!r}, {counts.columns[j]!r}]", v)
    mask = (values < threshold) & ((values > 0) | suppress_zero)
    primary = int(mask.sum())
    lines = ([("row", i) for i in range(values.shape[0])] if row_totals else []) + \
            ([("col", j) for j in range(values.shape[1])] if column_totals else [])
    changed = True
    while changed:
        changed = False
        for axis, k in lines:
            cells = [(k, j) for j in range(values.shape[1])] if axis == "row" else [(i, k) for i in range(values.shape[0])]
            if sum(mask[c] for c in cells) != 1:
                continue
            free = [c for c in cells if not mask[c]]
            if free:
                mask[min(free, key=lambda c: (values[c], c))] = True
                changed = True
    shown = counts.astype(object).mask(pd.DataFrame(mask, index=counts.index, columns=counts.columns), "*")
    return Suppression(shown, pd.DataFrame(mask, index=counts.index, columns=counts.columns), primary, int(mask.sum()) - primary)


def _cells(values: Any) -> Iterable[tuple[tuple[int, int], Any]]:
    for i in range(values.shape[0]):
        for j in range(values.shape[1]):
            v = values[i, j]
            yield (i, j), (v.item() if hasattr(v, "item") else v)


def needs_prior_consent(questions: Any) -> list[str]:
    """Ids of the survey questions that touch one of PPRA's eight protected areas, in survey order.

    Rows carry ``id`` and ``area`` (a key of :data:`PPRA_AREAS`, or empty
    when the question touches none).

    >>> needs_prior_consent([{"id": "q1", "area": ""}, {"id": "q2", "area": "income"}])
    ['q2']
    >>> needs_prior_consent([{"id": "q1", "area": "hobbies"}])
    Traceback (most recent call last):
    ...
    workbook.errors.InputError: area = 'hobbies' is not allowed: expected empty or one of political, mental_health, sex, illegal_behavior, family_appraisals, privileged_relationships, religion, income
    """
    frame = as_table("questions", questions, ["id", "area"], noun="question")
    keys = [k for k, _ in PPRA_AREAS]
    out = []
    for _, row in frame.iterrows():
        area = "" if row["area"] is None or is_blank(row["area"]) else str(row["area"]).strip()
        if area and area not in keys:
            raise InputError("area", area, "empty or one of " + ", ".join(keys))
        if area:
            out.append(str(row["id"]))
    return out
