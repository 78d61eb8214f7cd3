"""The grade table an instructor reads: a status a person understands and a reason on every row short of full marks.

A row's *label* says "not submitted" for a missing notebook and "not started"
for one handed back with no exercise answered, instead of ``0 / N``. Its
*reason* is the run's own reason (a timeout, a crash, an unreadable file) or,
for a graded notebook short of full marks, the first check that lost points
and how many others did.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

__all__ = ["status_label", "row_reason", "grade_table", "table_rows", "summary_table", "params_change", "answer_payloads"]


def status_label(row: dict[str, Any]) -> str:
    """What the status column shows.

    >>> status_label({"status": "missing", "reason": "not submitted"})
    'not submitted'
    >>> status_label({"status": "graded", "reason": "not started: no exercise was answered"})
    'not started'
    >>> status_label({"status": "timeout", "reason": "cell 4 ran over 60 s"})
    'timeout'
    """
    if row["status"] == "missing":
        return "not submitted"
    if row["status"] == "graded" and str(row.get("reason", "")).startswith("not started"):
        return "not started"
    return str(row["status"])


def row_reason(row: dict[str, Any], outcomes: Sequence[dict[str, Any]]) -> str:
    """The reason a row shows: the run's reason, else the first check short of its points and how many others.

    A hidden check is named by its exercise only (its reason is not shown).

    >>> outs = [{"exercise": "a", "check_name": "total", "points": 1, "possible": 1, "reason": "ok", "visibility": "public"},
    ...         {"exercise": "b", "check_name": "npv", "points": 0, "possible": 2, "reason": "off by 12%", "visibility": "public"},
    ...         {"exercise": "c", "check_name": "x", "points": 0, "possible": 1, "reason": "secret", "visibility": "hidden"}]
    >>> row_reason({"status": "graded", "reason": "", "score": 1, "possible": 4}, outs)
    'b (npv): off by 12% (and 1 other check)'
    >>> row_reason({"status": "graded", "reason": "", "score": 4, "possible": 4}, outs[:1])
    ''
    """
    if row.get("reason"):
        return str(row["reason"])
    if float(row.get("score", 0)) >= float(row.get("possible", 0)) - 1e-9:
        return ""
    short = [o for o in outcomes if float(o["points"]) < float(o["possible"]) - 1e-9]
    if not short:
        return ""
    first = next((o for o in short if o.get("visibility", "public") != "hidden"), short[0])
    if first.get("visibility", "public") == "hidden":
        text = f"{first['exercise']}: a hidden check lost points"
    else:
        text = f"{first['exercise']} ({first['check_name']}): {first['reason'] or first['status']}"
    others = len(short) - 1
    if others:
        text += f" (and {others} other check{'s' if others > 1 else ''})"
    return text


def table_rows(book: Any, candidates: Iterable[str] | None = None) -> list[dict[str, Any]]:
    """Every stored result of ``book`` (a :class:`~workbook.grading.gradebook.Gradebook`) with its outcomes."""
    wanted = set(candidates) if candidates is not None else None
    rows = []
    for r in book.results():
        if wanted is not None and r["candidate"] not in wanted:
            continue
        rows.append(r | {"outcomes": book.outcomes(r["candidate"], r["notebook"])})
    return rows


def grade_table(rows: Sequence[dict[str, Any]], *, title: str = "Gradebook", caption: str = "") -> Any:
    """A rich table: candidate, notebook, district and seed when known, status, score, reason."""
    from rich.table import Table

    table = Table(title=title, caption=caption or None)
    for name in ("candidate", "notebook", "status", "score", "reason"):
        table.add_column(name, overflow="fold")
    for r in sorted(rows, key=lambda r: (r["candidate"], r["notebook"])):
        label = status_label(r)
        colour = "green" if label == "graded" else "yellow" if label in {"timeout", "not started", "not submitted"} else "red"
        score = "-" if label in {"not submitted", "not started"} else f"{r['score']:g} / {r['possible']:g}"
        table.add_row(r["candidate"], r["notebook"], f"[{colour}]{label}[/{colour}]", score, row_reason(r, r.get("outcomes", [])))
    return table


def summary_table(summary: Any) -> Any:
    """A rich table of a run's new results (a :class:`workbook.grading.runner.Summary`)."""
    rows = [{"candidate": r.candidate, "notebook": r.notebook, "status": r.status, "reason": r.reason,
             "score": r.score, "possible": r.possible, "outcomes": r.outcomes} for r in summary.results]
    caption = f"{len(summary.results)} graded now, {summary.skipped} unchanged and skipped"
    if summary.kept:
        caption += f", {len(summary.kept)} kept (graded with other parameters)"
    return grade_table(rows, title="Grading results", caption=caption)


def params_change(stored: dict[str, Any], asked: dict[str, Any]) -> str:
    """Why a stored result was kept: the parameters it was graded with, and those asked for now.

    >>> params_change({"candidate": "ana", "district": "sample-rural", "seed": 4}, {"candidate": "ana"})
    "graded with district sample-rural, seed 4; this run has the notebook's default district, the notebook's default seed"
    """
    def shown(p: dict[str, Any]) -> str:
        return ", ".join(f"{k} {p[k]}" if k in p else f"the notebook's default {k}" for k in ("district", "seed"))

    return f"graded with {shown(stored)}; this run has {shown(asked)}"


def answer_payloads(answers: dict[str, Any]) -> dict[str, Any]:
    """The recorded answers as JSON payloads, for the gradebook (item analysis reads them).

    >>> answer_payloads({"z9-total": 101.0})
    {'z9-total': {'schema_version': 1, 'exercise': 'z9-total', 'kind': 'number', 'value': 101.0}}
    """
    from workbook.notebook.answers import AnswerError, encode_answer

    out: dict[str, Any] = {}
    for exercise, value in answers.items():
        try:
            out[exercise] = encode_answer(exercise, value)
        except AnswerError:  # it was decoded from such a payload; never lose the result over it
            continue
    return out
