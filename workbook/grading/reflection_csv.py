"""Reflection scores as a CSV round trip: export a sheet to fill in, import it back.

:func:`export_csv` writes one row per candidate, reflection and criterion, with
an excerpt of the text and the criterion's bank of reusable comments;
:func:`import_csv` checks every row first and stores all of them or none.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from workbook.errors import InputError, ProblemsError, WorkbookError
from workbook.grading.reflections import (
    ReflectionScore,
    check_grader,
    check_score,
    comment_bank,
    migrate,
    reflection_scores,
    store_scores,
)
from workbook.grading.submission_texts import CandidateNotebook, candidate_notebooks
from workbook.rubric import load_rubric

__all__ = ["CSV_COLUMNS", "ReflectionCSVError", "export_csv", "import_csv"]

#: Columns of the scoring CSV, in order. The instructor fills ``level``, ``points`` (optional) and ``comment``.
CSV_COLUMNS = ("candidate", "notebook", "reflection", "criterion", "possible", "levels", "words", "excerpt",
               "scored", "level", "points", "comment", "comments")
_EXCERPT_CHARS = 1500


class ReflectionCSVError(ProblemsError):
    """A scoring CSV has bad rows; ``problems`` lists one message per bad cell. Nothing was stored.

    >>> print(ReflectionCSVError("s.csv", ["s.csv, row 2, column level: 'great' is not allowed: expected one of 'clear'"]))
    s.csv: 1 problem, nothing was stored
      s.csv, row 2, column level: 'great' is not allowed: expected one of 'clear'
    """

    suffix = "nothing was stored"


def _safe_cell(value: str) -> str:
    """Keep a spreadsheet from reading candidate text as a formula.

    >>> _safe_cell("=HYPERLINK(1)"), _safe_cell("fine")
    ("'=HYPERLINK(1)", 'fine')
    """
    return "'" + value if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value


def _excerpt(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= _EXCERPT_CHARS else flat[: _EXCERPT_CHARS - 1] + "…"


def export_csv(
    book: Any, submissions: str | Path, out: str | Path, *,
    notebooks: str | Path | None = None, exercises: str | Path | None = None, layout: str | None = None,
    items: Sequence[CandidateNotebook] | None = None,
) -> Path:
    """Write the scoring sheet: one row per candidate x reflection x criterion in the gradebook.

    ``level``, ``points`` and ``comment`` are left empty for the instructor;
    ``scored`` shows a score already stored and ``comments`` the criterion's
    reusable comments (write ``#2`` in ``comment`` to reuse the second).
    ``items`` are the submissions already read with
    :func:`~workbook.grading.submission_texts.candidate_notebooks` (read here when ``None``);
    a submission that cannot be read gets rows that say why.
    """

    migrate(book)
    results = book.results()
    if not results:
        raise WorkbookError(f"the gradebook {book.path} holds no graded submissions: run `workbook grade` first")
    wanted = {(r["candidate"], r["notebook"]) for r in results}
    principles = sorted({r["principle"] for r in results})
    if items is None:
        items = candidate_notebooks(submissions, notebooks=notebooks, exercises=exercises, layout=layout,
                                    candidates={c for c, _ in wanted}, only=principles)
    stored = {(s.candidate, s.notebook, s.reflection, s.criterion): s for s in reflection_scores(book)}
    rubrics = {pid: load_rubric(pid, folder=exercises) for pid in principles}
    path = Path(out)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", newline="", encoding="utf-8-sig") as fh:
        writer = csv.writer(fh)
        writer.writerow(CSV_COLUMNS)
        for item in items:
            if (item.candidate, item.notebook) not in wanted:
                continue
            for refl in rubrics[item.principle].reflections:
                text = item.owned.get(refl.id, "") if item.status == "ok" else f"[{item.status} submission: {item.reason}]"
                words = len(re.findall(r"\w+", text)) if item.status == "ok" else 0
                for crit in refl.criteria:
                    old = stored.get((item.candidate, item.notebook, refl.id, crit.name))
                    bank = comment_bank(book, refl.id, crit.name)
                    writer.writerow([
                        item.candidate, item.notebook, refl.id, crit.name, f"{crit.points:g}",
                        " | ".join(f"{lv.name} = {lv.points:g}: {lv.description}" for lv in crit.levels),
                        words, _safe_cell(_excerpt(text)) if text else "[nothing written]",
                        f"{old.level} ({old.points:g}) by {old.grader} at {old.scored_at}" if old else "",
                        "", "", "", " | ".join(_safe_cell(f"#{i} {c}") for i, c in enumerate(bank, 1)),
                    ])
    return path


def _cell(row: dict[str, Any], key: str) -> str:
    value = row.get(key)
    return "" if value is None else str(value).strip()


def import_csv(book: Any, path: str | Path, *, grader: str, exercises: str | Path | None = None) -> list[ReflectionScore]:
    """Validate every row of a filled-in scoring sheet, then store all of it or nothing.

    A row with ``level``, ``points`` and ``comment`` all empty is skipped.
    Problems (an unknown candidate, notebook, reflection or criterion, a level
    the criterion does not have, points out of range, an unknown ``#N``
    comment, a repeated row) are collected over the whole file and raised
    together as :class:`ReflectionCSVError`, one message per bad cell naming the
    file, the row (as a spreadsheet numbers it: the header is row 1), the
    column, the value and what is allowed.
    """

    who = check_grader(grader)
    src = Path(path)
    if not src.is_file():
        raise InputError("scores", str(path), "an existing CSV file written by `reflections export`")
    migrate(book)
    name = src.name
    with src.open(newline="", encoding="utf-8-sig") as fh:
        reader = csv.DictReader(fh)
        header = [h.strip() for h in (reader.fieldnames or [])]
        missing = [c for c in ("candidate", "notebook", "reflection", "criterion", "level", "points", "comment") if c not in header]
        if missing:
            raise ReflectionCSVError(name, [f"{name}, row 1: the column(s) {', '.join(missing)} are missing; expected the header {', '.join(CSV_COLUMNS)}"])
        rows = [{(k or "").strip(): v for k, v in row.items()} for row in reader]
    graded = {(r["candidate"], r["notebook"]): r["principle"] for r in book.results()}
    known_people = {c for c, _ in graded}
    rubrics: dict[str, Any] = {}
    problems: list[str] = []
    scores: list[ReflectionScore] = []
    seen: dict[tuple[str, ...], int] = {}

    def bad(line: int, column: str, value: Any, allowed: str) -> None:
        shown = repr(value) if len(repr(value)) <= 80 else repr(value)[:77] + "..."
        problems.append(f"{name}, row {line}, column {column}: {shown} is not allowed: expected {allowed}")

    for line, row in enumerate(rows, start=2):
        who_c, nb, refl, crit_name = (_cell(row, k) for k in ("candidate", "notebook", "reflection", "criterion"))
        level, points, comment = _cell(row, "level"), _cell(row, "points"), _cell(row, "comment")
        if not (level or points or comment):
            continue
        if who_c not in known_people:
            bad(line, "candidate", who_c, "a candidate with a graded submission in the gradebook")
            continue
        if (who_c, nb) not in graded:
            bad(line, "notebook", nb, "one of " + ", ".join(repr(n) for c, n in sorted(graded) if c == who_c))
            continue
        pid = graded[(who_c, nb)]
        if pid not in rubrics:
            rubrics[pid] = load_rubric(pid, folder=exercises)
        if not level:
            bad(line, "level", level, "a level when points or a comment are given")
            continue
        try:
            crit, lv, pts = check_score(rubrics[pid], refl, crit_name, level, points or None)
        except InputError as exc:
            bad(line, {"criterion": "criterion", "level": "level", "points": "points"}.get(exc.field, "reflection"), exc.value, exc.allowed)
            continue
        if re.fullmatch(r"#\d+", comment):
            bank = comment_bank(book, refl, crit.name)
            index = int(comment[1:])
            if not 1 <= index <= len(bank):
                bad(line, "comment", comment, f"#1 to #{len(bank)} (the criterion's reusable comments)" if bank else "a comment in your own words (this criterion has no reusable comments yet)")
                continue
            comment = bank[index - 1]
        key = (who_c, nb, refl, crit.name)
        if key in seen:
            bad(line, "criterion", crit_name, f"each criterion once per candidate and reflection (row {seen[key]} already scores it)")
            continue
        seen[key] = line
        scores.append(ReflectionScore(who_c, nb, pid, refl, crit.name, lv.name, pts, float(crit.points), comment))
    if problems:
        raise ReflectionCSVError(name, problems)
    return store_scores(book, scores, grader=who, source=f"csv:{name}")
