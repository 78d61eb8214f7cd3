"""The honest self-check: "matches" or "not yet" with a hint, never the answer.

It uses only the rubric's public checks (``exercises/<ID>.py``); hidden checks
are never loaded in a candidate's kernel.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Literal

from workbook.errors import WorkbookError
from workbook.notebook.session import current_session
from workbook.rubric import load_rubric

__all__ = ["SelfCheck", "self_check"]


@dataclass(frozen=True)
class SelfCheck:
    status: Literal["matches", "partial", "not yet", "not answered", "unchecked"]
    message: str


@lru_cache(maxsize=32)
def _public_rubric(principle: str) -> Any:
    return load_rubric(principle, hidden=False)


def self_check(exercise_id: str, value: Any) -> SelfCheck:
    """Check ``value`` against the public checks of the current session's rubric."""

    session = current_session()
    if session is None:
        return SelfCheck("unchecked", "Run the set-up cell (the one with start(...)) first, then this cell again.")
    try:
        rubric = _public_rubric(session.principle)
        exercise = rubric.exercise(exercise_id)
    except WorkbookError as exc:
        return SelfCheck("unchecked", f"No self-check available: {exc}")
    outcomes = [check.run(value, session.context) for check in exercise.checks]
    if all(o.status == "correct" for o in outcomes):
        return SelfCheck("matches", "matches")
    hint = f" Hint: {exercise.hint}" if exercise.hint else ""
    reasons = "; ".join(o.reason for o in outcomes if o.status != "correct")
    partly = any(o.status in ("correct", "partial") for o in outcomes)
    status: Literal["partial", "not yet"] = "partial" if partly else "not yet"
    return SelfCheck(status, f"not yet ({reasons}).{hint}")
