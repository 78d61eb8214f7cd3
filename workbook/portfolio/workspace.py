"""A candidate's workspace: which principle notebooks are there, and how far each got.

Status of a principle, from its notebook alone:

- ``not started``: no notebook, or no code cell run and no reflection written;
- ``completed``: every code cell ran without an error and every reflection is written;
- ``in progress``: anything in between.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from workbook.contract import ANSWER_MIME, notebook_meta
from workbook.errors import InputError
from workbook.portfolio.preprocessors._common import tags_of
from workbook.progress import cells_progress, reflection_written

__all__ = ["NotebookState", "find_notebooks", "notebook_state", "STATUSES"]

STATUSES = ("completed", "in progress", "not started")
_ID = re.compile(r"^([TEL][1-9])(?:[-_ .]|$)", re.I)
_SKIPPED_TAGS = {"solution", "instructor", "private", "injected-parameters"}


@dataclass
class NotebookState:
    """How far a candidate got in one principle's notebook."""

    status: str = "not started"
    reflections_written: int = 0
    reflections_total: int = 0
    answers: int = 0
    artifacts: int = 0
    errors: int = 0
    code_cells: int = 0
    code_cells_run: int = 0
    details: dict[str, Any] = field(default_factory=dict)


def _principle_of(path: Path, nb: Any) -> str | None:
    meta = notebook_meta(nb)  # metadata that breaks the contract counts as none
    pid = meta.principle if meta else None
    if pid and re.fullmatch(r"[TEL][1-9]", pid):
        return pid
    m = _ID.match(path.name)
    return m.group(1).upper() if m else None


def find_notebooks(workspace: Path) -> tuple[dict[str, Path], list[str]]:
    """Map principle id to the candidate's notebook for it, plus warnings.

    A notebook belongs to a principle by ``metadata.workbook.principle`` or by a
    file name starting with the id (``L6-fiscal-management.ipynb``). When two
    notebooks claim one principle, the most recently modified one is used.

    Examples
    --------
    >>> find_notebooks(Path("no-such-folder"))
    Traceback (most recent call last):
    ...
    workbook.errors.InputError: workspace = 'no-such-folder' is not allowed: expected a folder of notebooks
    """
    from workbook.grading.reader import read_submission

    workspace = Path(workspace)
    if not workspace.is_dir():
        raise InputError("workspace", str(workspace), "a folder of notebooks")
    found: dict[str, Path] = {}
    warnings: list[str] = []
    for path in sorted(workspace.rglob("*.ipynb")):
        if ".ipynb_checkpoints" in path.parts or any(p.startswith(".") for p in path.relative_to(workspace).parts):
            continue
        read = read_submission(path)  # too deep, lone surrogates, bad JSON: a reason, never an exception
        if read.status != "ok":
            warnings.append(f"{path.relative_to(workspace)}: not a readable notebook ({read.reason}); skipped")
            continue
        nb = read.notebook
        pid = _principle_of(path, nb)
        if pid is None:
            continue
        if pid in found:
            newer = max(found[pid], path, key=lambda p: p.stat().st_mtime)
            warnings.append(
                f"{pid}: two notebooks ({found[pid].relative_to(workspace)}, {path.relative_to(workspace)}); "
                f"used {newer.relative_to(workspace)}, the most recently modified"
            )
            found[pid] = newer
        else:
            found[pid] = path
    return found, warnings


def notebook_state(nb: Any) -> NotebookState:
    """Count what the candidate did in a notebook; its status follows :func:`workbook.progress.status_of`.

    Examples
    --------
    >>> import nbformat
    >>> nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("x = 1")])
    >>> notebook_state(nb).status
    'not started'
    >>> nb.cells[0].execution_count = 1
    >>> notebook_state(nb).status
    'completed'
    >>> nb.cells.append(nbformat.v4.new_markdown_cell("> prompt", metadata={"tags": ["reflection"]}))
    >>> notebook_state(nb).status  # running cells is not starting a notebook that asks for writing
    'not started'
    >>> nb.cells.append(nbformat.v4.new_markdown_cell("> prompt", metadata={"tags": ["reflection"]}))
    >>> nb.cells[-1].source = "Our district will phase the refresh over three years to keep the fund steady."
    >>> notebook_state(nb).status
    'in progress'
    """
    state = NotebookState()
    for cell in nb.cells:
        tags = tags_of(cell)
        if tags & _SKIPPED_TAGS:
            continue
        if "artifact" in tags:
            state.artifacts += 1
        if cell.cell_type == "markdown" and "reflection" in tags:
            state.reflections_total += 1
            state.reflections_written += reflection_written(cell.source)
        if cell.cell_type != "code" or not cell.source.strip():
            continue
        state.code_cells += 1
        state.code_cells_run += cell.get("execution_count") is not None
        for output in cell.get("outputs", []):
            state.errors += output.get("output_type") == "error"
            state.answers += ANSWER_MIME in (output.get("data") or {})
    state.status = cells_progress(list(nb.cells)).status
    return state
