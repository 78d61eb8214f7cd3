"""``answer()``: record a candidate's answer as data and show the self-check."""

from __future__ import annotations

import html
from typing import Any

from workbook.notebook.answers import ANSWER_MIME, AnswerError, encode_answer
from workbook.notebook.selfcheck import SelfCheck, self_check

__all__ = ["answer", "answer_bundle", "NOT_ANSWERED"]

# Plain symbols every common font has (emoji render as empty boxes in some exports and on paper).
_ICON = {"matches": "✓", "partial": "◐", "not yet": "○", "not answered": "○", "unchecked": "i"}
#: What the released placeholder says when it runs as it is: ``answer("id", ...)``.
NOT_ANSWERED = "not answered yet (replace the ... with your value and run the cell again)"


def answer_bundle(exercise_id: str, value: Any) -> dict[str, Any]:
    """The MIME bundle ``answer()`` displays: the recorded data plus the self-check.

    >>> bundle = answer_bundle("l6-unknown", 3.0)
    >>> sorted(bundle)
    ['application/vnd.ctoworkbook.answer+json', 'text/html', 'text/plain']
    >>> bundle["application/vnd.ctoworkbook.answer+json"]["value"]
    3.0

    The placeholder's Ellipsis records nothing and says so:

    >>> answer_bundle("l6-unknown", ...)["text/plain"]
    '○ l6-unknown: not answered yet (replace the ... with your value and run the cell again)'
    """
    if value is Ellipsis:
        return _render(exercise_id, SelfCheck("not answered", NOT_ANSWERED))
    try:
        payload = encode_answer(exercise_id, value)
    except AnswerError as exc:
        check = SelfCheck("unchecked", f"Not recorded: {exc}")
        return _render(exercise_id, check)
    bundle = _render(exercise_id, self_check(exercise_id, value))
    bundle[ANSWER_MIME] = payload
    return bundle


def _render(exercise_id: str, check: SelfCheck) -> dict[str, Any]:
    icon = _ICON[check.status]
    text = f"{icon} {exercise_id}: {check.message}"
    css = "workbook-answer workbook-answer-" + check.status.replace(" ", "-")
    markup = f'<div class="{css}" role="status"><strong>{icon} {html.escape(exercise_id)}</strong>: {html.escape(check.message)}</div>'
    return {"text/plain": text, "text/html": markup}


def answer(exercise_id: str, value: Any) -> None:
    """Record ``value`` as your answer to ``exercise_id`` and check it.

    The value is stored in the cell's output, where the instructor's grader
    reads it. The self-check says "matches" or "not yet" with a hint; it never
    shows the expected value. A wrong answer never raises. ``answer(id, ...)``
    (the released placeholder) records nothing and says "not answered yet".

    Parameters
    ----------
    exercise_id
        The exercise's id, as written in the exercise cell (``"l6-tco-5yr"``).
    value
        A number, text, list, dict, pandas Series or DataFrame.
    """
    from IPython.display import display

    display(answer_bundle(exercise_id, value), raw=True)
