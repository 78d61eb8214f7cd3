"""How far a candidate has got: per notebook and across the curriculum.

Pure Python over nbformat JSON: no kernel, no Jupyter UI. The start notebook
shows :func:`progress_table`; the portfolio's curriculum summary can use the
same statuses.

One rule, used by the start notebook's progress table and by the portfolio's
curriculum summary alike (:func:`status_of`): a notebook is **not started**
while no exercise is answered and no reflection written (for a notebook with
neither: while no code cell has run); **completed** when
every exercise has a recorded answer, every reflection holds the candidate's
own words (:func:`reflection_written`), every code cell has run and none
shows an error; **in
progress** in between.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from workbook.contract import ANSWER_MIME, cell_meta, cell_tags, notebook_meta
from workbook.curriculum import principles

__all__ = [
    "NotebookProgress", "notebook_progress", "cells_progress", "progress_table", "status_of",
    "reflection_written", "PLACEHOLDER_REFLECTION", "MIN_WORDS",
]

#: The text a reflection cell holds until the candidate writes in it.
PLACEHOLDER_REFLECTION = "*Write your reflection here.*"
#: Words of the candidate's own a reflection needs to count as written.
MIN_WORDS = 12

Status = Literal["not started", "in progress", "completed"]

_PLACEHOLDER = re.compile(
    r"(write|type) your (reflection|answer|response|thoughts)[^.\n]*|your (reflection|answer) (goes )?here|\btodo\b|\.\.\.|…",
    re.I,
)


def _own_words(source: str) -> str:
    """The cell's text without headings, quoted prompts, comments and placeholders."""
    text = re.sub(r"<!--.*?-->", " ", source, flags=re.S)
    kept = [ln for ln in text.splitlines() if not ln.lstrip().startswith(("#", ">"))]
    text = _PLACEHOLDER.sub(" ", "\n".join(kept))
    return re.sub(r"[*_`]", " ", text)


def reflection_written(source: str) -> bool:
    """Whether a reflection cell holds the candidate's writing, not just the prompt.

    Headings, quoted prompt lines (``>``), HTML comments and placeholders such as
    "Write your reflection here" do not count; at least :data:`MIN_WORDS` words must remain.

    Examples
    --------
    >>> reflection_written("### Reflection\\n> What would you tell the board?\\n\\n*Write your reflection here.*")
    False
    >>> reflection_written("> Prompt\\n\\nOur district should phase the refresh over three years so the "
    ...                    "general fund never carries the whole cost in one year.")
    True
    """
    return len(re.findall(r"\w+", _own_words(source))) >= MIN_WORDS


def status_of(*, exercises: int, answered: int, reflections: int, written: int, ran: int, errors: int,
              code: int | None = None) -> Status:
    """The one status rule (see the module docstring).

    >>> status_of(exercises=7, answered=0, reflections=2, written=0, ran=0, errors=0)
    'not started'
    >>> status_of(exercises=7, answered=7, reflections=2, written=1, ran=30, errors=0)
    'in progress'
    >>> status_of(exercises=7, answered=7, reflections=2, written=2, ran=30, errors=0, code=30)
    'completed'
    >>> status_of(exercises=0, answered=0, reflections=1, written=1, ran=2, errors=0, code=3)
    'in progress'
    """
    if answered == 0 and written == 0 and (exercises > 0 or reflections > 0 or ran == 0):
        return "not started"
    all_ran = code is None or ran >= code
    if answered >= exercises and written >= reflections and errors == 0 and all_ran:
        return "completed"
    return "in progress"


@dataclass(frozen=True)
class NotebookProgress:
    principle: str
    path: Path | None
    exercises: int
    answered: int
    reflections: int
    written: int
    ran: int = 0
    errors: int = 0
    code: int | None = None

    @property
    def status(self) -> Status:
        return status_of(exercises=self.exercises, answered=self.answered, reflections=self.reflections,
                         written=self.written, ran=self.ran, errors=self.errors, code=self.code)


def _source(cell: dict[str, Any]) -> str:
    src = cell.get("source", "")
    return "".join(src) if isinstance(src, list) else str(src)


def cells_progress(cells: list[Any], principle: str = "", path: Path | None = None) -> NotebookProgress:
    """Count exercises answered, reflections written, cells run and errors in notebook cells.

    Exercises are the cells whose ``metadata.workbook.kind`` is ``exercise``;
    one counts as answered when its outputs hold an answer payload for its id.
    Cells tagged ``solution`` are the instructor's, not the candidate's work,
    and are not counted (a candidate's exercise cells are tagged ``answer``).
    """
    exercises = answered = reflections = written = ran = errors = code = 0
    for cell in cells:
        if not isinstance(cell, dict):
            continue
        tags = cell_tags(cell)
        if "solution" in tags:
            continue
        wb = cell_meta(cell)  # metadata that breaks the contract counts as none
        kind, cid = (wb.kind, wb.id) if wb else (None, None)
        if kind == "reflection" or (cell.get("cell_type") == "markdown" and "reflection" in tags):
            reflections += 1
            written += reflection_written(_source(cell))
            continue
        if cell.get("cell_type") != "code" or not _source(cell).strip():
            continue
        code += 1
        ran += cell.get("execution_count") is not None
        outputs = cell.get("outputs", []) or []
        errors += sum(1 for out in outputs if isinstance(out, dict) and out.get("output_type") == "error")
        if kind == "exercise":
            exercises += 1
            answered += any(
                isinstance(out, dict) and isinstance((out.get("data") or {}).get(ANSWER_MIME), dict)
                and out["data"][ANSWER_MIME].get("exercise") == cid
                for out in outputs
            )
    return NotebookProgress(principle, path, exercises, answered, reflections, written, ran, errors, code)


def notebook_progress(path: str | Path, principle: str = "") -> NotebookProgress:
    """:func:`cells_progress` of a notebook file. A file that cannot be read counts as not started."""
    path = Path(path)
    try:
        nb = json.loads(path.read_text(encoding="utf-8"))
        cells = nb["cells"]
        if not isinstance(cells, list):
            raise TypeError("cells is not a list")
    except (OSError, ValueError, KeyError, TypeError):
        return NotebookProgress(principle, None, 0, 0, 0, 0)
    meta = notebook_meta(nb)
    principle = principle or (meta.principle if meta and meta.principle else "")
    return cells_progress(cells, principle, path)


def progress_table(workspace: str | Path = ".") -> Any:
    """One row per principle: status, exercises answered, reflections written.

    ``workspace`` is the folder holding the candidate's notebooks, laid out as
    in ``notebooks/`` (``leadership/L6-fiscal-management.ipynb``, ...).

    >>> table = progress_table("/nonexistent")
    >>> len(table), table["status"].unique().tolist()
    (16, ['not started'])
    """
    import pandas as pd

    rows = []
    for p in principles():
        path = Path(workspace) / p.notebook
        prog = notebook_progress(path, p.id) if path.is_file() else NotebookProgress(p.id, None, 0, 0, 0, 0)
        rows.append(
            {
                "principle": p.id,
                "title": p.title,
                "strand": p.strand.name if hasattr(p.strand, "name") else str(p.strand),
                "notebook": "yes" if path.is_file() else ("planned" if p.status == "planned" else "not in your folder"),
                "exercises answered": f"{prog.answered}/{prog.exercises}" if prog.path else "",
                "reflections written": f"{prog.written}/{prog.reflections}" if prog.path else "",
                "status": prog.status,
            }
        )
    return pd.DataFrame(rows).set_index("principle")
