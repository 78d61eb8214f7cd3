"""Helpers for tests that execute the workbook's notebooks with papermill."""

from __future__ import annotations

import ast
from pathlib import Path
from typing import Any

import nbformat
import papermill as pm

from workbook.kernels import run_notebook
from workbook.notebook.answers import ANSWER_MIME, decode_answer
from workbook.paths import notebooks_dir


def notebook_file(notebook: str | Path) -> Path:
    """A notebook's path: absolute as given, or relative to the workbook's ``notebooks/``."""
    path = Path(notebook)
    return path if path.is_absolute() else notebooks_dir() / path


def execute(notebook: str | Path, out_dir: Path, **parameters: Any) -> nbformat.NotebookNode:
    """Execute a workbook notebook with papermill into ``out_dir`` and return it."""
    source = notebook_file(notebook)
    target = out_dir / source.name
    run_notebook(source, target, parameters, cwd=str(source.parent))
    return nbformat.read(str(target), as_version=4)


def notebook_defaults(notebook: str | Path) -> dict[str, Any]:
    """The parameters cell's names and default values (what a run without overrides uses)."""
    found = pm.inspect_notebook(str(notebook_file(notebook)))
    return {name: ast.literal_eval(info["default"]) for name, info in found.items()}


def recorded_answers(nb: nbformat.NotebookNode) -> dict[str, Any]:
    """Exercise id -> value, from answer payloads in the cells whose id matches."""
    found: dict[str, Any] = {}
    for cell in nb.cells:
        cid = cell.get("metadata", {}).get("workbook", {}).get("id")
        for out in cell.get("outputs", []):
            payload = out.get("data", {}).get(ANSWER_MIME)
            if payload and payload.get("exercise") == cid:
                exercise, value = decode_answer(payload)
                found[exercise] = value
    return found


def errors(nb: nbformat.NotebookNode) -> list[str]:
    return [f"{c.id}: {o.ename}: {o.evalue}" for c in nb.cells if c.cell_type == "code" for o in c.outputs if o.output_type == "error"]


def rubric_mismatches(nb: nbformat.NotebookNode, rubric: Any, params: dict[str, Any]) -> list[Any]:
    """What keeps a run from full marks: exercises with no recorded answer, then failed checks.

    Empty when every exercise of ``rubric`` (public and hidden checks) matches
    what the rubric expects for ``params``.
    """
    from workbook.rubric import Context, score_answers

    answers = recorded_answers(nb)
    missing = sorted({ex.id for ex in rubric.exercises} - set(answers))
    outcomes = score_answers(rubric, answers, Context(rubric.principle, params))
    return missing + [(o.exercise, o.check, o.reason) for o in outcomes if o.status != "correct"]


def self_check_texts(nb: nbformat.NotebookNode) -> list[str]:
    """The self-check lines ``answer()`` showed in the solution cells."""
    return [o["data"]["text/plain"] for c in nb.cells if c.metadata.get("tags") == ["solution"]
            for o in c.outputs if "data" in o]


def artifact_alt_texts(nb: nbformat.NotebookNode) -> dict[str, list[str]]:
    """Cell id -> alt texts of the PNG figures each code cell tagged ``artifact`` left."""
    return {
        c.id: [o["metadata"]["image/png"]["alt"] for o in c.outputs if "image/png" in o.get("data", {})]
        for c in nb.cells if c.cell_type == "code" and "artifact" in c.metadata.get("tags", [])
    }
