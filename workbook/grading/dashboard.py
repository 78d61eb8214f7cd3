"""The cohort dashboard's content: where the cohort stands, and which exercises it got wrong with what.

Built from the gradebook (results, the answers recorded in the grader's own
run, reflection scores), the collection records (``collection.json``: late
flags) and the roster (who should have submitted, and each candidate's
mentor). :func:`dashboard_data` returns plain data; the page is drawn by
:mod:`workbook.grading.dashboard_page`.

Item analysis. For each exercise: how many candidates who worked on the
notebook got every check of it right, and the most common *wrong* answers,
grouped (numbers to four significant figures, text without case or extra
spaces). A right answer is never listed, so no expected value appears,
unless the instructor passes ``publish_answers``; then the right answers the
cohort gave are listed too.
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from workbook.errors import InputError
from workbook.grading.reflections import reflection_scores
from workbook.grading.report import row_reason, status_label
from workbook.rubric import load_rubric

__all__ = ["Item", "Cell", "DashboardData", "answer_label", "item_analysis", "dashboard_data"]

TOP_ANSWERS = 3


def answer_label(payload: dict[str, Any] | None) -> str:
    """A recorded answer as a short label, equal for answers that are the same to a reader.

    >>> answer_label({"kind": "number", "value": 123456.789}), answer_label({"kind": "number", "value": 123449.0})
    ('123,500', '123,400')
    >>> answer_label({"kind": "number", "value": 0.031249}), answer_label({"kind": "integer", "value": 7})
    ('0.03125', '7')
    >>> answer_label({"kind": "text", "value": "  Lease   the Devices "}), answer_label(None)
    ('lease the devices', 'no answer')
    >>> answer_label({"kind": "boolean", "value": True}), answer_label({"kind": "table", "value": {"columns": ["a"]}})
    ('yes', 'a table')
    """
    if not payload or payload.get("kind") == "none":
        return "no answer"
    kind, value = payload.get("kind"), payload.get("value")
    if kind == "boolean":
        return "yes" if value else "no"
    if kind in ("number", "integer"):
        if isinstance(value, str):
            return value  # nan, inf
        v = float(value)
        if v == 0 or not math.isfinite(v):
            return f"{v:g}"
        digits = 3 - int(math.floor(math.log10(abs(v))))
        rounded = round(v, digits)
        if digits <= 0:
            return f"{rounded:,.0f}"
        return f"{rounded:,.{digits}f}".rstrip("0").rstrip(".")
    if kind == "text":
        text = re.sub(r"\s+", " ", str(value)).strip().lower()
        return text[:80] + ("…" if len(text) > 80 else "")
    if kind == "table":
        return "a table"
    text = json.dumps(value, sort_keys=True, default=str)
    return text[:80] + ("…" if len(text) > 80 else "")


@dataclass
class Item:
    """One exercise's item analysis."""

    principle: str
    exercise: str
    title: str
    attempted: int
    right: int
    wrong_answers: list[tuple[str, int]] = field(default_factory=list)
    right_answers: list[tuple[str, int]] = field(default_factory=list)

    @property
    def share_right(self) -> float:
        return self.right / self.attempted if self.attempted else 0.0


@dataclass
class Cell:
    """One candidate and principle in the status matrix."""

    status: str
    score: float = 0.0
    possible: float = 0.0
    late: bool = False
    unscored: int = 0
    reason: str = ""


@dataclass
class DashboardData:
    candidates: list[str]
    principles: list[str]
    titles: dict[str, str]
    cells: dict[tuple[str, str], Cell]
    items: list[Item]
    scores: dict[str, list[float]]
    not_submitted: dict[str, list[str]]
    mentor: str | None = None
    publish_answers: bool = False


def _worked_on(row: dict[str, Any]) -> bool:
    return status_label(row) not in {"not submitted", "not started", "invalid"}


def item_analysis(results: Sequence[dict[str, Any]], outcomes: Sequence[dict[str, Any]],
                  answers: Sequence[dict[str, Any]], titles: dict[str, str], *,
                  publish_answers: bool = False) -> list[Item]:
    """Per exercise: share right among candidates who worked on the notebook, and the commonest wrong answers.

    >>> res = [{"candidate": c, "notebook": "Z9-x", "principle": "Z9", "status": "graded", "reason": ""} for c in "abc"]
    >>> outs = [{"candidate": c, "notebook": "Z9-x", "exercise": "z9-t", "points": p, "possible": 2}
    ...         for c, p in zip("abc", (2, 0, 0))]
    >>> ans = [{"candidate": c, "notebook": "Z9-x", "exercise": "z9-t", "payload": {"kind": "number", "value": v}}
    ...        for c, v in zip("abc", (101.0, 99.0, 99.001))]
    >>> [item] = item_analysis(res, outs, ans, {"z9-t": "The total"})
    >>> item.right, item.attempted, item.wrong_answers, item.right_answers
    (1, 3, [('99', 2)], [])
    """
    worked = {(r["candidate"], r["notebook"]): r["principle"] for r in results if _worked_on(r)}
    totals: dict[tuple[str, str, str], list[float]] = {}
    order: list[tuple[str, str]] = []
    for o in outcomes:
        key = (o["candidate"], o["notebook"])
        if key not in worked:
            continue
        got = totals.setdefault((*key, o["exercise"]), [0.0, 0.0])
        got[0] += float(o["points"])
        got[1] += float(o["possible"])
        if (worked[key], o["exercise"]) not in order:
            order.append((worked[key], o["exercise"]))
    given = {(a["candidate"], a["notebook"], a["exercise"]): a["payload"] for a in answers}
    items = []
    for principle, exercise in order:
        right, wrong = Counter(), Counter()
        for (cand, nb, ex), (points, possible) in totals.items():
            if ex != exercise or worked.get((cand, nb)) != principle:
                continue
            label = answer_label(given.get((cand, nb, ex)))
            (right if points >= possible - 1e-9 else wrong)[label] += 1
        ranked = sorted(wrong.items(), key=lambda kv: (-kv[1], kv[0]))[:TOP_ANSWERS]
        shown_right = sorted(right.items(), key=lambda kv: (-kv[1], kv[0]))[:TOP_ANSWERS] if publish_answers else []
        items.append(Item(principle, exercise, titles.get(exercise, exercise), sum(right.values()) + sum(wrong.values()),
                          sum(right.values()), ranked, shown_right))
    return items


def _late_flags(submissions: Path | None) -> dict[tuple[str, str], bool]:
    """(candidate, notebook stem) -> late, from each candidate's ``collection.json``."""
    out: dict[tuple[str, str], bool] = {}
    if submissions is None or not submissions.is_dir():
        return out
    for manifest in sorted(submissions.glob("*/collection.json")):
        try:
            record = json.loads(manifest.read_text(encoding="utf-8"))
            for f in record.get("files", []):
                out[(manifest.parent.name, Path(str(f.get("path", ""))).stem)] = bool(f.get("late"))
        except (OSError, ValueError, AttributeError, TypeError):
            continue  # a damaged record flags nothing; the grade is unaffected
    return out


def dashboard_data(book: Any, *, roster: Sequence[Any] = (), submissions: str | Path | None = None,
                   exercises: str | Path | None = None, mentor: str | None = None,
                   publish_answers: bool = False) -> DashboardData:
    """Everything the dashboard shows, from a :class:`~workbook.grading.gradebook.Gradebook`.

    ``roster`` entries decide who should have submitted; ``mentor`` keeps only
    that mentor's mentees (as the roster's ``mentor`` column names them).
    """

    entries = list(roster)
    if mentor is not None:
        mentors = sorted({e.mentor for e in entries if e.mentor})
        entries = [e for e in entries if e.mentor == mentor]
        if not entries:
            raise InputError("mentor", mentor, "a mentor named in the roster's mentor column ("
                             + (", ".join(mentors) or "the roster names none") + ")")
    wanted = {e.candidate for e in entries} if entries else None
    results = [r for r in book.results() if wanted is None or r["candidate"] in wanted]
    principles = sorted({r["principle"] for r in results})
    candidates = [e.candidate for e in entries] or sorted({r["candidate"] for r in results})
    rubrics = {p: load_rubric(p, folder=exercises) for p in principles}
    titles = {e.id: e.title for r in rubrics.values() for e in r.exercises}
    late = _late_flags(Path(submissions) if submissions else None)
    scored = Counter((s.candidate, s.notebook) for s in reflection_scores(book) if s.level)
    cells: dict[tuple[str, str], Cell] = {}
    scores: dict[str, list[float]] = {p: [] for p in principles}
    outcomes = [o for o in book.outcomes() if wanted is None or o["candidate"] in wanted]
    by_result: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for o in outcomes:
        by_result.setdefault((o["candidate"], o["notebook"]), []).append(o)
    for r in results:
        label = status_label(r)
        criteria = sum(len(refl.criteria) for refl in rubrics[r["principle"]].reflections)
        waiting = max(0, criteria - scored[(r["candidate"], r["notebook"])]) if _worked_on(r) else 0
        cells[(r["candidate"], r["principle"])] = Cell(label, float(r["score"]), float(r["possible"]),
                                                       late.get((r["candidate"], r["notebook"]), False), waiting,
                                                       row_reason(r, by_result.get((r["candidate"], r["notebook"]), []))
                                                       if _worked_on(r) or label == "invalid" else "")
        if _worked_on(r) and r["possible"]:
            scores[r["principle"]].append(100.0 * float(r["score"]) / float(r["possible"]))
    not_submitted = {c: [p for p in principles if cells.get((c, p), Cell("not submitted")).status == "not submitted"]
                     for c in candidates}
    answers = [a for a in book.answers() if wanted is None or a["candidate"] in wanted]
    return DashboardData(candidates, principles, titles, cells,
                         item_analysis(results, outcomes, answers, titles, publish_answers=publish_answers),
                         scores, {c: ps for c, ps in not_submitted.items() if ps}, mentor, publish_answers)
