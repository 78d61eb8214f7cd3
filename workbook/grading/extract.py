"""The recorded answers, read from the executed notebook, and what can be trusted in them.

Trust model. Everything in a cell's outputs comes from the candidate's kernel,
and candidate code can emit any output, including one that looks exactly like
what ``answer()`` emits (``ANSWER_MIME``), or replace ``answer()`` and the
self-check altogether. So the grader never asks whether an output is
"genuine"; it makes sure a forged output can do nothing that a genuine
``answer(id, value)`` call in the exercise's own cell could not:

- only outputs of the grader's own run count; the submission's saved outputs
  are dropped before execution (:mod:`workbook.grading.restore`), so a value
  typed into the file is never read;
- an answer counts only in the outputs of the cell whose
  ``metadata.workbook.id`` is that exercise (restored from the released
  template; copies, added cells and forged ids lose the id), and only when
  the payload names that same exercise: a cell cannot answer another one;
- nbclient files an output under the cell whose execution it belongs to (by
  the execute request's random message id, which the kernel cannot know in
  advance), so output sent from another cell, a thread or a timer lands in
  that cell, not in an exercise's; answers arriving as updates of an
  earlier display are ignored (:mod:`workbook.grading.engine`);
- the last valid payload in the cell wins, as for a re-run ``answer()``;
- the value is decoded as plain data (:func:`decode_answer`), bounded in
  size, and scored in the grader's process against the rubric and hidden
  checks the kernel could not read. The self-check's "matches" text is
  never read.

What cannot be prevented, and does not matter: the candidate choosing the
value of their own answer, however computed; that is what is scored.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from workbook.contract import ANSWER_MIME, AnswerError, cell_id, decode_answer
from workbook.grading.release import is_placeholder

__all__ = ["Extraction", "extract_answers"]


@dataclass
class Extraction:
    #: exercise id -> decoded value
    answers: dict[str, Any] = field(default_factory=dict)
    #: exercise id -> why no answer was recorded ("the cell raised NotImplementedError: ...")
    problems: dict[str, str] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)


def _source(cell: Any) -> str:
    src = cell.get("source", "")
    return "".join(src) if isinstance(src, list) else str(src)


def extract_answers(nb: Any, exercise_ids: list[str] | tuple[str, ...] | set[str]) -> Extraction:
    """Answers for ``exercise_ids`` from an executed, restored notebook.

    Examples
    --------
    >>> from nbformat.v4 import new_notebook, new_code_cell, new_output
    >>> from workbook.notebook.answers import encode_answer
    >>> genuine = new_code_cell("answer('z9-a', 2)", metadata={"workbook": {"id": "z9-a", "kind": "exercise"}})
    >>> genuine.outputs = [new_output("display_data", data={ANSWER_MIME: encode_answer("z9-a", 2.0)})]
    >>> forged = new_code_cell("...")
    >>> forged.outputs = [new_output("display_data", data={ANSWER_MIME: encode_answer("z9-b", 9.0)})]
    >>> got = extract_answers(new_notebook(cells=[genuine, forged]), ["z9-a", "z9-b"])
    >>> got.answers
    {'z9-a': 2.0}
    >>> got.problems["z9-b"]
    'the exercise cell z9-b is not in the notebook'
    """
    wanted = set(exercise_ids)
    out = Extraction()
    seen: set[str] = set()
    for cell in nb.cells:
        wid = cell_id(cell)
        if wid not in wanted or cell.get("cell_type") != "code":
            continue
        if wid in seen:
            out.warnings.append(f"{wid}: more than one cell carries this id; only the first was read")
            continue
        seen.add(wid)
        error = ""
        for output in cell.get("outputs", []):
            kind = output.get("output_type")
            if kind == "error":
                error = f"{output.get('ename', 'Error')}: {output.get('evalue', '')}".strip()
                continue
            if kind not in ("display_data", "execute_result"):
                continue
            payload = (output.get("data") or {}).get(ANSWER_MIME)
            if payload is None:
                continue
            try:
                exercise, value = decode_answer(payload)
            except AnswerError as exc:
                out.warnings.append(f"{wid}: an answer output could not be read ({exc})")
                continue
            if exercise != wid:
                out.warnings.append(f"{wid}: an answer for {exercise!r} in this cell was ignored (each cell answers its own exercise)")
                continue
            out.answers[wid] = value
        if wid in out.answers:
            continue
        if error:
            if error.startswith("KeyboardInterrupt"):
                out.problems[wid] = "no answer was recorded: the cell ran past its time limit and was interrupted"
            elif "NotImplementedError" in error and "not answered yet" in error:
                out.problems[wid] = "not answered: the placeholder is still in the exercise cell"
            else:
                out.problems[wid] = f"no answer was recorded: the cell raised {error[:300]}"
        elif is_placeholder(_source(cell)):
            out.problems[wid] = "not answered: the placeholder is still in the exercise cell"
        elif cell.get("execution_count") is None and not cell.get("outputs"):
            out.problems[wid] = "no answer was recorded: the cell did not run (an earlier time limit or crash)"
        else:
            out.problems[wid] = f'no answer was recorded: the cell ran but did not call answer("{wid}", ...)'
    for wid in sorted(wanted - seen):
        out.problems[wid] = f"the exercise cell {wid} is not in the notebook"
    return out
