"""Scoring, in the grader's own process, with the hidden checks.

The kernel never sees what happens here: the rubric (public and hidden checks)
is loaded in the grader, expected values are computed from the candidate's
parameters (the roster's, over the notebook's defaults) and compared with the
recorded answers. Every check of every exercise gets points and a reason.
"""

from __future__ import annotations

import ast
import hashlib
from dataclasses import replace
from pathlib import Path
from typing import Any

from workbook.rubric import Context, Outcome

__all__ = ["GRADER_VERSION", "notebook_defaults", "score_submission", "rubric_fingerprint", "exercise_totals"]

#: Bump when a change in the grader can change a score: every result is then redone.
GRADER_VERSION = "1"


def notebook_defaults(nb: Any) -> dict[str, Any]:
    """The literal values assigned in the notebook's ``parameters`` cell.

    Only plain literals are read (``ast.literal_eval``); nothing is executed.

    >>> from nbformat.v4 import new_notebook, new_code_cell
    >>> cell = new_code_cell('district: str = "sample-rural"  # id\\nseed = 7\\nrate = 0.03', metadata={"tags": ["parameters"]})
    >>> notebook_defaults(new_notebook(cells=[cell]))
    {'district': 'sample-rural', 'seed': 7, 'rate': 0.03}
    """
    out: dict[str, Any] = {}
    for cell in nb.cells:
        if cell.get("cell_type") != "code" or "parameters" not in (cell.get("metadata", {}).get("tags") or []):
            continue
        try:
            tree = ast.parse(cell.source)
        except SyntaxError:
            return out
        for node in tree.body:
            target, value = None, None
            if isinstance(node, ast.Assign) and len(node.targets) == 1:
                target, value = node.targets[0], node.value
            elif isinstance(node, ast.AnnAssign) and node.value is not None:
                target, value = node.target, node.value
            if isinstance(target, ast.Name) and value is not None:
                try:
                    out[target.id] = ast.literal_eval(value)
                except ValueError:
                    pass
        break
    return out


def rubric_fingerprint(principle: str, folder: str | Path, template_bytes: bytes = b"") -> str:
    """A hash of everything that decides a score besides the submission and parameters."""
    base = Path(folder)
    digest = hashlib.sha256(f"grader {GRADER_VERSION}\n".encode())
    for path in (base / f"{principle.upper()}.py", base / "hidden" / f"{principle.upper()}.py"):
        digest.update(path.name.encode() + b"\0")
        digest.update(path.read_bytes() if path.is_file() else b"<none>")
    digest.update(template_bytes)
    return digest.hexdigest()[:16]


def score_submission(
    rubric: Any,
    answers: dict[str, Any],
    params: dict[str, Any],
    *,
    problems: dict[str, str] | None = None,
    notes: dict[str, str] | None = None,
) -> list[Any]:
    """Outcomes of every check (public and hidden) with a reason each.

    A check whose expected value raises is an ``error`` outcome naming the
    exception, never a crash of the grader.
    """

    problems = problems or {}
    notes = notes or {}
    context = Context(rubric.principle, dict(params))
    outcomes: list[Outcome] = []
    for check in rubric.checks(include_hidden=True):
        answered = check.exercise in answers
        try:
            outcome = check.run(answers.get(check.exercise), context, answered=answered)
        except Exception as exc:  # noqa: BLE001 - a rubric bug must not lose the cohort
            outcome = Outcome(check.exercise, check.name, 0.0, check.points, "error",
                              f"the check failed in the grader ({type(exc).__name__}); tell the instructor",
                              check.visibility)
        if not answered and check.exercise in problems:
            outcome = replace(outcome, reason=problems[check.exercise])
        if check.exercise in notes and answered:
            outcome = replace(outcome, reason=f"{outcome.reason} (cell {notes[check.exercise]})")
        outcomes.append(outcome)
    return outcomes


def exercise_totals(outcomes: list[Any]) -> dict[str, tuple[float, float]]:
    """Points and possible points per exercise id.

    >>> from workbook.rubric import Outcome
    >>> exercise_totals([Outcome("a", "x", 1, 2, "partial", "r"), Outcome("a", "y", 3, 3, "correct", "r")])
    {'a': (4.0, 5.0)}
    """
    totals: dict[str, tuple[float, float]] = {}
    for o in outcomes:
        got, possible = totals.get(o.exercise, (0.0, 0.0))
        totals[o.exercise] = (got + float(o.points), possible + float(o.possible))
    return totals
