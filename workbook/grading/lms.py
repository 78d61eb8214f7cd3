"""Exports for a learning-management system, read from the gradebook (nothing is graded).

Canvas's gradebook import (Grades > Import) reads a CSV whose header starts
with the identifying columns ``Student, ID, SIS User ID, SIS Login ID,
Section`` followed by one column per assignment; an optional second row whose
``Student`` cell is ``Points Possible`` gives each assignment's points. Canvas
matches a row to a student by ``ID``, ``SIS User ID`` or ``SIS Login ID``; a
column whose name matches no assignment creates one. Source: Instructure,
Canvas Instructor Guide, "How do I import grades in the Gradebook?" (2024).

Here ``SIS User ID`` is the roster's candidate id, ``SIS Login ID`` its email,
``Section`` its group, and there is one column per principle holding the
exercise score. A notebook that was not submitted (or not started) is left
blank, which Canvas reads as "no change", so an import never turns a missing
grade into a zero by accident.
"""

from __future__ import annotations

import csv
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from workbook.curriculum import principles

__all__ = ["CANVAS_ID_COLUMNS", "POINTS_POSSIBLE", "canvas_rows", "write_canvas_csv"]

#: The identifying columns of a Canvas gradebook import, in Canvas's order.
CANVAS_ID_COLUMNS = ("Student", "ID", "SIS User ID", "SIS Login ID", "Section")
#: The ``Student`` cell of the points-possible row (Canvas writes it with leading spaces).
POINTS_POSSIBLE = "    Points Possible"


def _assignment(principle: str, titles: dict[str, str]) -> str:
    title = titles.get(principle, "")
    return f"{principle} {title}".strip()


def canvas_rows(results: Sequence[dict[str, Any]], entries: Sequence[Any] = (),
                titles: dict[str, str] | None = None) -> list[list[str]]:
    """The CSV's rows: header, points possible, one row per candidate.

    >>> res = [{"candidate": "ana", "principle": "L6", "status": "graded", "reason": "", "score": 18.5, "possible": 22.0},
    ...        {"candidate": "ben", "principle": "L6", "status": "missing", "reason": "not submitted", "score": 0, "possible": 22.0}]
    >>> for row in canvas_rows(res, titles={"L6": "Fiscal management"}):
    ...     print(row)
    ['Student', 'ID', 'SIS User ID', 'SIS Login ID', 'Section', 'L6 Fiscal management']
    ['    Points Possible', '', '', '', '', '22']
    ['ana', '', 'ana', '', '', '18.5']
    ['ben', '', 'ben', '', '', '']
    """
    titles = titles or {}
    principles = sorted({r["principle"] for r in results})
    possible = {p: max(float(r["possible"]) for r in results if r["principle"] == p) for p in principles}
    by_person = {e.candidate: e for e in entries}
    people = [e.candidate for e in entries] or sorted({r["candidate"] for r in results})
    scores: dict[tuple[str, str], str] = {}
    for r in results:
        unstarted = r["status"] == "missing" or str(r.get("reason", "")).startswith("not started")
        scores[(r["candidate"], r["principle"])] = "" if unstarted else f"{float(r['score']):g}"
    rows = [[*CANVAS_ID_COLUMNS, *(_assignment(p, titles) for p in principles)],
            [POINTS_POSSIBLE, "", "", "", "", *(f"{possible[p]:g}" for p in principles)]]
    for who in people:
        entry = by_person.get(who)
        rows.append([entry.name if entry else who, "", who, entry.email if entry else "", (entry.group or "") if entry else "",
                     *(scores.get((who, p), "") for p in principles)])
    return rows


def write_canvas_csv(book: Any, path: str | Path, entries: Sequence[Any] = ()) -> Path:
    """Write Canvas's gradebook import CSV from ``book`` (a Gradebook) for the roster ``entries``."""

    titles = {p.id: p.title for p in principles()}
    out = Path(path)
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", newline="", encoding="utf-8") as fh:
        csv.writer(fh).writerows(canvas_rows(book.results(), entries, titles))
    return out
