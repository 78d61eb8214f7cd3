"""Reflection scoring: the rubric's criteria and levels, reusable comments, who and when.

An instructor scores each reflection (``Rubric.reflections``) criterion by
criterion, choosing one of the criterion's levels and, optionally, a comment.
Scores come from a CSV round trip (:mod:`workbook.grading.reflection_csv`)
or from the JupyterLab form in
:mod:`workbook.grading.reflection_widget`; both end in :func:`store_scores`,
which writes the gradebook in one transaction with the grader's name and the
time. Comments are kept per criterion in a bank and offered again (in the CSV's
``comments`` column as ``#1``, ``#2``, ... and in the form's comment box).

The tables are added to the grading gradebook by :func:`migrate` (idempotent,
additive: the grader's own ``results`` and ``outcomes`` are not touched, and
``--regrade`` never drops an instructor's scores).

The reflection texts themselves are read from the submissions by
:mod:`workbook.grading.submission_texts`.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any

from workbook.errors import InputError

__all__ = [
    "SCHEMA_VERSION", "ReflectionScore", "migrate", "check_grader", "check_score", "store_scores",
    "save_reflection", "reflection_scores", "comment_bank",
]

SCHEMA_VERSION = 1

_SCHEMA = """
CREATE TABLE IF NOT EXISTS workbook_schema (part TEXT PRIMARY KEY, version INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS reflection_scores (
    candidate TEXT NOT NULL, notebook TEXT NOT NULL, principle TEXT NOT NULL,
    reflection TEXT NOT NULL, criterion TEXT NOT NULL, level TEXT NOT NULL,
    points REAL NOT NULL, possible REAL NOT NULL, comment TEXT NOT NULL,
    grader TEXT NOT NULL, scored_at TEXT NOT NULL, source TEXT NOT NULL,
    PRIMARY KEY (candidate, notebook, reflection, criterion)
);
CREATE TABLE IF NOT EXISTS reflection_score_history (
    candidate TEXT NOT NULL, notebook TEXT NOT NULL, principle TEXT NOT NULL,
    reflection TEXT NOT NULL, criterion TEXT NOT NULL, level TEXT NOT NULL,
    points REAL NOT NULL, possible REAL NOT NULL, comment TEXT NOT NULL,
    grader TEXT NOT NULL, scored_at TEXT NOT NULL, source TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS reflection_comments (
    reflection TEXT NOT NULL, criterion TEXT NOT NULL, text TEXT NOT NULL,
    added_by TEXT NOT NULL, added_at TEXT NOT NULL, uses INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (reflection, criterion, text)
);
"""


@dataclass(frozen=True)
class ReflectionScore:
    """One criterion of one reflection, scored."""

    candidate: str
    notebook: str
    principle: str
    reflection: str
    criterion: str
    level: str
    points: float
    possible: float
    comment: str = ""
    grader: str = ""
    scored_at: str = ""
    source: str = ""


def _conn(book: Any) -> sqlite3.Connection:
    return book if isinstance(book, sqlite3.Connection) else book.conn


def migrate(book: Any) -> None:
    """Add the reflection tables to a gradebook (a :class:`Gradebook` or a connection); idempotent.

    >>> from workbook.grading.gradebook import Gradebook
    >>> gb = Gradebook(":memory:"); migrate(gb); migrate(gb)
    >>> gb.conn.execute("SELECT version FROM workbook_schema WHERE part = 'reflections'").fetchone()[0]
    1
    """
    conn = _conn(book)
    conn.executescript(_SCHEMA)
    with conn:
        conn.execute("INSERT OR REPLACE INTO workbook_schema VALUES ('reflections', ?)", (SCHEMA_VERSION,))


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def check_grader(grader: Any) -> str:
    """The grader's name as stored with each score.

    >>> check_grader(" dr-lee ")
    'dr-lee'
    >>> check_grader("")
    Traceback (most recent call last):
    ...
    workbook.errors.InputError: grader = '' is not allowed: expected the grader's name or id (1 to 64 printable characters)
    """
    allowed = "the grader's name or id (1 to 64 printable characters)"
    if not isinstance(grader, str) or not grader.strip() or len(grader.strip()) > 64 or not grader.strip().isprintable():
        raise InputError("grader", grader, allowed)
    return grader.strip()


def _reflection(rubric: Any, reflection_id: str) -> Any:
    for r in rubric.reflections:
        if r.id == reflection_id:
            return r
    raise InputError("reflection", reflection_id, "one of " + ", ".join(repr(r.id) for r in rubric.reflections) if rubric.reflections else f"a reflection of {rubric.principle} (it has none)")


def check_score(rubric: Any, reflection_id: str, criterion: str, level: str, points: Any = None) -> tuple[Any, Any, float]:
    """Validate one score against the rubric: ``(criterion, level, points)``.

    ``points`` defaults to the level's points; when given it must lie between 0
    and the criterion's maximum.

    >>> from workbook.rubric import load_rubric
    >>> l6 = load_rubric("L6")
    >>> c, lv, pts = check_score(l6, "l6-reflect-voi-board", "Funding source", "proficient")
    >>> lv.name, pts
    ('proficient', 3.0)
    >>> check_score(l6, "l6-reflect-voi-board", "Funding source", "great")
    Traceback (most recent call last):
    ...
    workbook.errors.InputError: level = 'great' is not allowed: expected one of 'beginning', 'developing', 'proficient', 'exemplary'
    >>> check_score(l6, "l6-reflect-voi-board", "Funding source", "proficient", 9)
    Traceback (most recent call last):
    ...
    workbook.errors.InputError: points = 9 is not allowed: expected a number from 0 to 4
    """
    from workbook.tools._validate import check_choice, check_number

    refl = _reflection(rubric, reflection_id)
    names = [c.name for c in refl.criteria]
    crit = refl.criteria[names.index(check_choice("criterion", criterion, names))]
    levels = [lv.name for lv in crit.levels]
    chosen = crit.levels[levels.index(check_choice("level", level, levels))]
    if points is None or (isinstance(points, str) and not points.strip()):
        return crit, chosen, float(chosen.points)
    allowed = f"a number from 0 to {crit.points:g}"
    try:
        value = float(points) if isinstance(points, str) else points
        return crit, chosen, check_number("points", value, minimum=0, maximum=crit.points)
    except (InputError, ValueError):
        raise InputError("points", points, allowed) from None


# --------------------------------------------------------------------------- storage


def _bank(conn: sqlite3.Connection, reflection: str, criterion: str) -> list[str]:
    rows = conn.execute("SELECT text FROM reflection_comments WHERE reflection = ? AND criterion = ? ORDER BY added_at, rowid",
                        (reflection, criterion)).fetchall()
    return [r[0] for r in rows]


def comment_bank(book: Any, reflection: str, criterion: str) -> list[str]:
    """The reusable comments of one criterion, oldest first (``#1`` is the first).

    >>> from workbook.grading.gradebook import Gradebook
    >>> gb = Gradebook(":memory:")
    >>> _ = store_scores(gb, [ReflectionScore("ana", "Z9-x", "Z9", "z9-r", "clarity", "clear", 2, 2, "Plain and direct.")], grader="dr-lee")
    >>> comment_bank(gb, "z9-r", "clarity")
    ['Plain and direct.']
    """
    migrate(book)
    return _bank(_conn(book), reflection, criterion)


def store_scores(book: Any, scores: Iterable[ReflectionScore], *, grader: str, source: str = "widget") -> list[ReflectionScore]:
    """Write scores in one transaction, stamped with ``grader`` and the time; bank new comments.

    The scores must be valid already (:func:`check_score`); a score replaces an
    older one of the same criterion, and every write is kept in the history.
    """
    who, when = check_grader(grader), _now()
    migrate(book)
    conn = _conn(book)
    stamped = [ReflectionScore(s.candidate, s.notebook, s.principle, s.reflection, s.criterion, s.level, float(s.points),
                               float(s.possible), s.comment.strip(), who, when, source) for s in scores]
    with conn:
        for s in stamped:
            row = (s.candidate, s.notebook, s.principle, s.reflection, s.criterion, s.level, s.points, s.possible,
                   s.comment, s.grader, s.scored_at, s.source)
            conn.execute("INSERT OR REPLACE INTO reflection_scores VALUES (?,?,?,?,?,?,?,?,?,?,?,?)", row)
            conn.execute("INSERT INTO reflection_score_history VALUES (?,?,?,?,?,?,?,?,?,?,?,?)", row)
            if s.comment:
                conn.execute("INSERT OR IGNORE INTO reflection_comments (reflection, criterion, text, added_by, added_at) VALUES (?,?,?,?,?)",
                             (s.reflection, s.criterion, s.comment, who, when))
                conn.execute("UPDATE reflection_comments SET uses = uses + 1 WHERE reflection = ? AND criterion = ? AND text = ?",
                             (s.reflection, s.criterion, s.comment))
    return stamped


def save_reflection(
    book: Any, rubric: Any, candidate: str, notebook: str, reflection: str,
    choices: Mapping[str, tuple[str, str]], *, grader: str, source: str = "widget",
) -> list[ReflectionScore]:
    """Validate and store one reflection's scores: ``choices`` maps criterion -> (level, comment).

    Criteria with no level chosen are left as they are. Nothing is stored if any choice is invalid.

    >>> from workbook.grading.gradebook import Gradebook
    >>> from workbook.rubric import load_rubric
    >>> gb = Gradebook(":memory:")
    >>> got = save_reflection(gb, load_rubric("L6"), "ana", "L6-fiscal-management", "l6-reflect-voi-board",
    ...                       {"Funding source": ("exemplary", "Names the one-time money and the plan after it.")}, grader="dr-lee")
    >>> [(s.criterion, s.points, s.grader) for s in got]
    [('Funding source', 4.0, 'dr-lee')]
    """
    scores = []
    for criterion, (level, comment) in choices.items():
        if not level:
            continue
        crit, lv, pts = check_score(rubric, reflection, criterion, level)
        scores.append(ReflectionScore(candidate, notebook, rubric.principle, reflection, crit.name, lv.name, pts,
                                      float(crit.points), comment or ""))
    return store_scores(book, scores, grader=grader, source=source)


def reflection_scores(book: Any, candidate: str | None = None, notebook: str | None = None) -> list[ReflectionScore]:
    """The stored scores, optionally of one candidate and notebook."""
    migrate(book)
    sql, args = "SELECT * FROM reflection_scores", []
    where = [f"{col} = ?" for col, val in (("candidate", candidate), ("notebook", notebook)) if val]
    args = [val for val in (candidate, notebook) if val]
    if where:
        sql += " WHERE " + " AND ".join(where)
    rows = _conn(book).execute(sql + " ORDER BY candidate, notebook, reflection, rowid", args).fetchall()
    return [ReflectionScore(*tuple(r)) for r in rows]


# --------------------------------------------------------------------------- the CSV round trip
