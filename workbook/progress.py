"""How far a candidate has got: per notebook and across the sixteen principles.

Pure Python over nbformat JSON: no kernel, no Jupyter UI. The start notebook
shows :func:`progress_table`; the portfolio's curriculum summary can use the
same statuses.

A notebook is **not started** when it has no recorded answer and no written
reflection, **completed** when every exercise has a recorded answer and every
reflection has text of its own, and **in progress** in between.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from workbook.notebook.answers import ANSWER_MIME

__all__ = ["NotebookProgress", "notebook_progress", "progress_table", "PLACEHOLDER_REFLECTION"]

#: The text a reflection cell holds until the candidate writes in it.
PLACEHOLDER_REFLECTION = "*Write your reflection here.*"

Status = Literal["not started", "in progress", "completed"]


@dataclass(frozen=True)
class NotebookProgress:
    principle: str
    path: Path | None
    exercises: int
    answered: int
    reflections: int
    written: int

    @property
    def status(self) -> Status:
        if self.path is None or (self.answered == 0 and self.written == 0):
            return "not started"
        if self.answered >= self.exercises and self.written >= self.reflections:
            return "completed"
        return "in progress"


def _source(cell: dict[str, Any]) -> str:
    src = cell.get("source", "")
    return "".join(src) if isinstance(src, list) else str(src)


def notebook_progress(path: str | Path, principle: str = "") -> NotebookProgress:
    """Count exercises answered and reflections written in one notebook file.

    Exercises are the cells whose ``metadata.workbook.kind`` is ``exercise``;
    one counts as answered when its outputs hold an answer payload for its id.
    A file that cannot be read counts as not started.
    """
    path = Path(path)
    try:
        nb = json.loads(path.read_text(encoding="utf-8"))
        cells = nb["cells"]
    except (OSError, ValueError, KeyError, TypeError):
        return NotebookProgress(principle, None, 0, 0, 0, 0)
    principle = principle or str(nb.get("metadata", {}).get("workbook", {}).get("principle", ""))
    exercises = answered = reflections = written = 0
    for cell in cells:
        meta = cell.get("metadata", {}).get("workbook", {}) if isinstance(cell, dict) else {}
        kind, cid = meta.get("kind"), meta.get("id")
        if kind == "exercise":
            exercises += 1
            for out in cell.get("outputs", []) or []:
                payload = (out.get("data") or {}).get(ANSWER_MIME) if isinstance(out, dict) else None
                if isinstance(payload, dict) and payload.get("exercise") == cid:
                    answered += 1
                    break
        elif kind == "reflection":
            reflections += 1
            text = _source(cell).strip()
            if text and text != PLACEHOLDER_REFLECTION:
                written += 1
    return NotebookProgress(principle, path, exercises, answered, reflections, written)


def progress_table(workspace: str | Path = ".") -> Any:
    """One row per principle: status, exercises answered, reflections written.

    ``workspace`` is the folder holding the candidate's notebooks, laid out as
    in ``notebooks/`` (``leadership/L6-fiscal-management.ipynb``, ...).

    >>> table = progress_table("/nonexistent")
    >>> len(table), table["status"].unique().tolist()
    (16, ['not started'])
    """
    import pandas as pd

    from workbook.curriculum import PRINCIPLES

    rows = []
    for p in PRINCIPLES:
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
