"""Reflection scoring: the rubric's criteria and levels, reusable comments, who and when.

An instructor scores each reflection (``Rubric.reflections``) criterion by
criterion, choosing one of the criterion's levels and, optionally, a comment.
Scores come from a CSV round trip (:func:`export_csv` then
:func:`import_csv`) or from the JupyterLab form in
:mod:`workbook.grading.reflection_widget`; both end in :func:`store_scores`,
which writes the gradebook in one transaction with the grader's name and the
time. Comments are kept per criterion in a bank and offered again (in the CSV's
``comments`` column as ``#1``, ``#2``, ... and in the form's comment box).

The tables are added to the grading gradebook by :func:`migrate` (idempotent,
additive: the grader's own ``results`` and ``outcomes`` are not touched, and
``--regrade`` never drops an instructor's scores).

The reflection texts are read from the submissions, rebuilt on the released
template (:mod:`workbook.grading.restore`); what the template already held (the
placeholder "*Write your reflection here.*", instructions) is not the
candidate's writing and is left out (:func:`own_text`).
"""

from __future__ import annotations

import csv
import re
import sqlite3
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from workbook.errors import InputError, WorkbookError

__all__ = [
    "SCHEMA_VERSION", "CSV_COLUMNS", "ReflectionCSVError", "CandidateNotebook", "ReflectionScore",
    "migrate", "own_text", "candidate_notebooks", "check_grader", "check_score", "store_scores",
    "save_reflection", "reflection_scores", "comment_bank", "export_csv", "import_csv",
]

SCHEMA_VERSION = 1
#: Columns of the scoring CSV, in order. The instructor fills ``level``, ``points`` (optional) and ``comment``.
CSV_COLUMNS = ("candidate", "notebook", "reflection", "criterion", "possible", "levels", "words", "excerpt",
               "scored", "level", "points", "comment", "comments")
_EXCERPT_CHARS = 1500

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


class ReflectionCSVError(WorkbookError):
    """A scoring CSV has bad rows; ``problems`` lists one message per bad cell. Nothing was stored.

    >>> print(ReflectionCSVError("s.csv", ["s.csv, row 2, column level: 'great' is not allowed: expected one of 'clear'"]))
    s.csv: 1 problem, nothing was stored
      s.csv, row 2, column level: 'great' is not allowed: expected one of 'clear'
    """

    def __init__(self, source: str, problems: list[str]) -> None:
        self.source, self.problems = source, list(problems)
        n = len(self.problems)
        head = f"{source}: {n} problem{'' if n == 1 else 's'}, nothing was stored"
        super().__init__("\n".join([head, *(f"  {p}" for p in self.problems)]))


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


@dataclass
class CandidateNotebook:
    """One candidate's submission of one notebook, rebuilt on the released template.

    ``owned`` maps each exercise and reflection id to the candidate's own text
    (template text removed); ``kinds`` to ``"exercise"`` or ``"reflection"``.
    """

    candidate: str
    notebook: str
    principle: str
    status: str  # ok, missing, invalid
    reason: str
    template: Any
    restored: Any = None
    owned: dict[str, str] = field(default_factory=dict)
    kinds: dict[str, str] = field(default_factory=dict)
    template_text: dict[str, str] = field(default_factory=dict)


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


def own_text(text: str, template_text: str = "") -> str:
    """The candidate's own writing: ``text`` without the lines the template already held.

    >>> own_text("*Write your reflection here.*\\nOur board asked for the TCO.", "*Write your reflection here.*")
    'Our board asked for the TCO.'
    >>> own_text("*Write your reflection here.*", "*Write your reflection here.*")
    ''
    """
    given = {line.strip() for line in template_text.splitlines() if line.strip()}
    text = re.sub(r"<!--.*?-->", " ", text, flags=re.S)
    return "\n".join(line for line in text.splitlines() if line.strip() not in given).strip()


def _text(source: Any) -> str:
    return "".join(source) if isinstance(source, list) else str(source or "")


def candidate_notebooks(
    submissions: str | Path,
    *,
    notebooks: str | Path | None = None,
    exercises: str | Path | None = None,
    layout: str | None = None,
    candidates: Iterable[str] | None = None,
    only: Sequence[str] = (),
) -> list[CandidateNotebook]:
    """Every candidate's submission of every notebook that has a rubric, read but never run.

    Candidates default to the folders under ``submissions``. A missing or
    unreadable file is kept with its status, so the caller can say so.
    """
    import nbformat

    from workbook.grading.layout import DEFAULT_FORMAT, candidates_in, submission_path
    from workbook.grading.reader import read_submission
    from workbook.grading.release import instructor_notebooks, release_notebook
    from workbook.grading.restore import editable_ids, restore_submission
    from workbook.paths import exercises_dir, notebooks_dir

    root = Path(submissions)
    if not root.is_dir():
        raise InputError("submissions", str(submissions), "an existing folder of submissions")
    layout = layout or DEFAULT_FORMAT
    ex_dir = Path(exercises) if exercises else exercises_dir()
    templates = {k: v for k, v in instructor_notebooks(Path(notebooks) if notebooks else notebooks_dir()).items()
                 if (ex_dir / f"{k}.py").is_file() and (not only or k in {o.upper() for o in only})}
    people = sorted(set(candidates)) if candidates is not None else candidates_in(root, layout)
    out: list[CandidateNotebook] = []
    for pid, path in sorted(templates.items()):
        template = release_notebook(nbformat.read(str(path), as_version=4))
        cells = editable_ids(template)
        kinds = {wid: ("reflection" if "reflection" in (c.metadata.get("tags") or []) else "exercise") for wid, c in cells.items()}
        given = {wid: _text(c.source) for wid, c in cells.items()}
        for who in people:
            read = read_submission(submission_path(root, who, path.stem, layout))
            item = CandidateNotebook(who, path.stem, pid, read.status, read.reason, template, kinds=kinds, template_text=given)
            if read.status == "ok":
                item.restored = restore_submission(read.notebook, template).notebook
                for cell in item.restored.cells:
                    wid = (cell.metadata.get("workbook") or {}).get("id")
                    if wid in cells and wid not in item.owned:
                        item.owned[wid] = own_text(_text(cell.source), given[wid])
            out.append(item)
    return out


# --------------------------------------------------------------------------- validation


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
) -> Path:
    """Write the scoring sheet: one row per candidate x reflection x criterion in the gradebook.

    ``level``, ``points`` and ``comment`` are left empty for the instructor;
    ``scored`` shows a score already stored and ``comments`` the criterion's
    reusable comments (write ``#2`` in ``comment`` to reuse the second).
    """
    from workbook.rubric import load_rubric

    migrate(book)
    results = book.results()
    if not results:
        raise WorkbookError(f"the gradebook {book.path} holds no graded submissions: run `workbook grade` first")
    wanted = {(r["candidate"], r["notebook"]) for r in results}
    principles = sorted({r["principle"] for r in results})
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
                    bank = _bank(_conn(book), refl.id, crit.name)
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
    from workbook.rubric import load_rubric

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
            bank = _bank(_conn(book), refl, crit.name)
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


