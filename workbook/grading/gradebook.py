"""The gradebook: SQLite, one transaction per result, resumable, exportable.

Each finished submission is written in one transaction (its row in
``results`` and its rows in ``outcomes``), so a batch that is killed loses
nothing it finished. :meth:`Gradebook.is_current` tells the runner which
results it may skip: same submission hash, same rubric fingerprint, same
parameters.

Every result keeps the parameters it was graded with (``params``, JSON), so
feedback and reports show the candidate's own district and seed, never the
notebook's defaults. A result that is replaced moves to ``history`` first:
no score is ever lost, and :meth:`Gradebook.history` lists the earlier ones.

The gradebook file is created with mode 0600 (SQLite gives its ``-wal`` and
``-shm`` files the same mode), in folders created with mode 0700, before any
kernel starts: grading opens it first.
"""

from __future__ import annotations

import json
import sqlite3
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from workbook.privatefs import touch_private

__all__ = ["Result", "Gradebook", "STATUSES", "RESULT_COLUMNS"]

STATUSES = ("graded", "timeout", "crashed", "invalid", "missing")
#: The columns of ``results``, in order.
RESULT_COLUMNS = ("candidate", "notebook", "principle", "status", "reason", "score", "possible", "submission_sha256",
                  "rubric_version", "params_hash", "warnings", "seconds", "graded_at", "params")
_HISTORY_COLUMNS = ("candidate", "notebook", "principle", "status", "reason", "score", "possible", "submission_sha256",
                    "rubric_version", "params_hash", "params", "graded_at")

_SCHEMA = """
CREATE TABLE IF NOT EXISTS results (
    candidate TEXT NOT NULL,
    notebook TEXT NOT NULL,
    principle TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('graded','timeout','crashed','invalid','missing')),
    reason TEXT NOT NULL,
    score REAL NOT NULL,
    possible REAL NOT NULL,
    submission_sha256 TEXT,
    rubric_version TEXT NOT NULL,
    params_hash TEXT NOT NULL,
    warnings TEXT NOT NULL,
    seconds REAL NOT NULL,
    graded_at TEXT NOT NULL,
    params TEXT NOT NULL DEFAULT '{}',
    PRIMARY KEY (candidate, notebook)
);
CREATE TABLE IF NOT EXISTS history (
    candidate TEXT NOT NULL,
    notebook TEXT NOT NULL,
    principle TEXT NOT NULL,
    status TEXT NOT NULL,
    reason TEXT NOT NULL,
    score REAL NOT NULL,
    possible REAL NOT NULL,
    submission_sha256 TEXT,
    rubric_version TEXT NOT NULL,
    params_hash TEXT NOT NULL,
    params TEXT NOT NULL,
    graded_at TEXT NOT NULL,
    replaced_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS history_by_result ON history (candidate, notebook);
CREATE TABLE IF NOT EXISTS answers (
    candidate TEXT NOT NULL,
    notebook TEXT NOT NULL,
    exercise TEXT NOT NULL,
    payload TEXT NOT NULL,
    PRIMARY KEY (candidate, notebook, exercise)
);
CREATE TABLE IF NOT EXISTS outcomes (
    candidate TEXT NOT NULL,
    notebook TEXT NOT NULL,
    exercise TEXT NOT NULL,
    check_name TEXT NOT NULL,
    points REAL NOT NULL,
    possible REAL NOT NULL,
    status TEXT NOT NULL,
    reason TEXT NOT NULL,
    visibility TEXT NOT NULL,
    FOREIGN KEY (candidate, notebook) REFERENCES results (candidate, notebook) ON DELETE CASCADE
);
CREATE INDEX IF NOT EXISTS outcomes_by_result ON outcomes (candidate, notebook);
"""


@dataclass
class Result:
    """One graded (or ungradable) submission, as the runner hands it to the gradebook."""

    candidate: str
    notebook: str
    principle: str
    status: str
    reason: str = ""
    score: float = 0.0
    possible: float = 0.0
    submission_sha256: str | None = None
    rubric_version: str = ""
    params_hash: str = ""
    warnings: list[str] = field(default_factory=list)
    seconds: float = 0.0
    outcomes: list[dict[str, Any]] = field(default_factory=list)
    params: dict[str, Any] = field(default_factory=dict)
    #: exercise id -> the answer recorded in the grader's run, as its JSON payload (``encode_answer``)
    answers: dict[str, Any] = field(default_factory=dict)


class Gradebook:
    """A SQLite gradebook file.

    Examples
    --------
    >>> book = Gradebook(":memory:")
    >>> book.record(Result("ana", "Z9-demo", "Z9", "graded", "", 3.0, 4.0, "ab", "v1", "p1",
    ...     outcomes=[{"exercise": "z9-a", "check_name": "total", "points": 3.0, "possible": 4.0,
    ...                "status": "partial", "reason": "within 5%", "visibility": "public"}]))
    >>> book.is_current("ana", "Z9-demo", "ab", "v1", "p1"), book.is_current("ana", "Z9-demo", "cd", "v1", "p1")
    (True, False)
    >>> [r["status"] for r in book.results()]
    ['graded']

    Replacing a result keeps the earlier one in the history:

    >>> book.record(Result("ana", "Z9-demo", "Z9", "graded", "", 4.0, 4.0, "cd", "v1", "p1", params={"seed": 7}))
    >>> [(h["score"], h["params"]) for h in book.history("ana")], book.stored_params("ana", "Z9-demo")
    ([(3.0, {})], {'seed': 7})
    """

    def __init__(self, path: str | Path) -> None:
        self.path = str(path)
        #: Problems with where the gradebook lives (a folder others can enter), for the caller to show.
        self.warnings: list[str] = []
        if self.path != ":memory:":
            # grades/ 0700 and the database 0600 before SQLite opens it: its -wal and
            # -shm files take the database's mode, so no candidate can read a score.
            touch_private(self.path)
            self._check_folder(Path(self.path))
        self.conn = sqlite3.connect(self.path, timeout=30)
        self.conn.row_factory = sqlite3.Row
        self.conn.execute("PRAGMA foreign_keys = ON")
        if self.path != ":memory:":
            self.conn.execute("PRAGMA journal_mode = WAL")
        self.conn.executescript(_SCHEMA)
        columns = {r[1] for r in self.conn.execute("PRAGMA table_info(results)")}
        if "params" not in columns:  # a gradebook written before parameters were stored
            with self.conn:
                self.conn.execute("ALTER TABLE results ADD COLUMN params TEXT NOT NULL DEFAULT '{}'")

    def _check_folder(self, path: Path) -> None:
        import os
        import stat

        for item in (Path(f"{path}-wal"), Path(f"{path}-shm"), Path(f"{path}-journal")):
            if item.exists() and item.stat().st_uid == os.geteuid() and stat.S_IMODE(item.stat().st_mode) & 0o077:
                item.chmod(0o600)
        if stat.S_IMODE(path.parent.stat().st_mode) & 0o077:
            self.warnings.append(
                f"the gradebook's folder {path.parent} is open to other users; keep the gradebook in a folder "
                "only you can enter (chmod 700)"
            )

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Gradebook:
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    def record(self, result: Result) -> None:
        """Write one result and its outcomes in a single transaction; an older result moves to ``history``."""
        names = ", ".join(_HISTORY_COLUMNS)
        with self.conn:
            self.conn.execute(
                f"INSERT INTO history ({names}, replaced_at) SELECT {names}, ? FROM results "
                "WHERE candidate = ? AND notebook = ?",
                (time.strftime("%Y-%m-%dT%H:%M:%S%z"), result.candidate, result.notebook),
            )
            self.conn.execute("DELETE FROM outcomes WHERE candidate = ? AND notebook = ?", (result.candidate, result.notebook))
            self.conn.execute("DELETE FROM answers WHERE candidate = ? AND notebook = ?", (result.candidate, result.notebook))
            self.conn.executemany(
                "INSERT INTO answers VALUES (?,?,?,?)",
                [(result.candidate, result.notebook, ex, json.dumps(payload, sort_keys=True, default=str))
                 for ex, payload in result.answers.items()],
            )
            self.conn.execute(
                f"INSERT OR REPLACE INTO results ({', '.join(RESULT_COLUMNS)}) VALUES ({', '.join('?' * len(RESULT_COLUMNS))})",
                (
                    result.candidate, result.notebook, result.principle, result.status, result.reason,
                    float(result.score), float(result.possible), result.submission_sha256, result.rubric_version,
                    result.params_hash, json.dumps(result.warnings), float(result.seconds),
                    time.strftime("%Y-%m-%dT%H:%M:%S%z"), json.dumps(result.params, sort_keys=True, default=str),
                ),
            )
            self.conn.executemany(
                "INSERT INTO outcomes VALUES (?,?,?,?,?,?,?,?,?)",
                [
                    (result.candidate, result.notebook, o["exercise"], o["check_name"], float(o["points"]),
                     float(o["possible"]), o["status"], o["reason"], o.get("visibility", "public"))
                    for o in result.outcomes
                ],
            )

    def result(self, candidate: str, notebook: str) -> dict[str, Any] | None:
        """The stored result of one candidate and notebook, or None."""
        row = self.conn.execute("SELECT * FROM results WHERE candidate = ? AND notebook = ?", (candidate, notebook)).fetchone()
        return _decode(row) if row is not None else None

    def stored_params(self, candidate: str, notebook: str) -> dict[str, Any]:
        """The parameters a stored result was graded with (empty when none are stored)."""
        found = self.result(candidate, notebook)
        return dict(found["params"]) if found else {}

    def answers(self, notebook: str | None = None) -> list[dict[str, Any]]:
        """The recorded answers (``candidate``, ``notebook``, ``exercise``, ``payload`` as a dict)."""
        sql, args = "SELECT * FROM answers", []
        if notebook:
            sql, args = sql + " WHERE notebook = ?", [notebook]
        rows = self.conn.execute(sql + " ORDER BY candidate, notebook, exercise", args).fetchall()
        return [dict(r) | {"payload": json.loads(r["payload"])} for r in rows]

    def history(self, candidate: str | None = None) -> list[dict[str, Any]]:
        """Earlier results that a regrade replaced, oldest first."""
        sql, args = "SELECT * FROM history", []
        if candidate:
            sql, args = sql + " WHERE candidate = ?", [candidate]
        rows = self.conn.execute(sql + " ORDER BY candidate, notebook, rowid", args).fetchall()
        return [dict(r) | {"params": json.loads(r["params"] or "{}")} for r in rows]

    def is_current(self, candidate: str, notebook: str, sha256: str | None, rubric_version: str, params_hash: str) -> bool:
        """Whether a stored result was made from this very submission, rubric and parameters."""
        row = self.conn.execute(
            "SELECT submission_sha256, rubric_version, params_hash FROM results WHERE candidate = ? AND notebook = ?",
            (candidate, notebook),
        ).fetchone()
        return row is not None and tuple(row) == (sha256, rubric_version, params_hash)

    def results(self) -> list[dict[str, Any]]:
        rows = self.conn.execute("SELECT * FROM results ORDER BY candidate, notebook").fetchall()
        return [_decode(r) for r in rows]

    def outcomes(self, candidate: str | None = None, notebook: str | None = None) -> list[dict[str, Any]]:
        sql, args = "SELECT * FROM outcomes", []
        where = []
        if candidate:
            where.append("candidate = ?")
            args.append(candidate)
        if notebook:
            where.append("notebook = ?")
            args.append(notebook)
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY candidate, notebook, rowid"
        return [dict(r) for r in self.conn.execute(sql, args).fetchall()]

    def summary_frame(self) -> Any:
        """One row per candidate and notebook, one column per exercise's points."""
        import pandas as pd

        results = pd.DataFrame(self.results(), columns=list(RESULT_COLUMNS))
        if results.empty:
            return results
        results["warnings"] = results["warnings"].map(lambda w: "; ".join(w))
        for key in ("district", "seed"):
            results.insert(4, key, results["params"].map(lambda p, k=key: p.get(k, "")))
        results = results.drop(columns=["params"])
        outcomes = pd.DataFrame(self.outcomes())
        if not outcomes.empty:
            wide = outcomes.pivot_table(index=["candidate", "notebook"], columns="exercise", values="points", aggfunc="sum")
            results = results.merge(wide.reset_index(), on=["candidate", "notebook"], how="left")
        return results

    def export_csv(self, path: str | Path) -> Path:
        """The summary as CSV (UTF-8)."""
        out = Path(path)
        out.parent.mkdir(parents=True, exist_ok=True)
        self.summary_frame().to_csv(out, index=False)
        return out

    def export_excel(self, path: str | Path) -> Path:
        """An Excel workbook: ``summary`` (one row per submission) and ``checks`` (one row per check)."""
        import pandas as pd

        out = Path(path)
        out.parent.mkdir(parents=True, exist_ok=True)
        with pd.ExcelWriter(out, engine="openpyxl") as writer:
            self.summary_frame().to_excel(writer, sheet_name="summary", index=False)
            pd.DataFrame(self.outcomes()).to_excel(writer, sheet_name="checks", index=False)
        return out


def _decode(row: sqlite3.Row) -> dict[str, Any]:
    return dict(row) | {"warnings": json.loads(row["warnings"]), "params": json.loads(row["params"] or "{}")}
