"""The candidate edition of every notebook runs to the end before anything is answered.

A new candidate's Run All must never stop at the first exercise: the released
placeholder says "not answered yet", and no cell after an exercise needs the
candidate to have solved it.
"""

from __future__ import annotations

from pathlib import Path

import nbformat
import pytest

from workbook.grading.release import instructor_notebooks, is_placeholder, release_notebook
from workbook.kernels import run_notebook
from workbook.notebook.answers import ANSWER_MIME
from workbook.paths import notebooks_dir

NOTEBOOKS = instructor_notebooks(notebooks_dir())


def _text(output: dict) -> str:
    data = output.get("data", {})
    return str(data.get("text/plain", "")) + str(output.get("text", ""))


@pytest.mark.parametrize("principle", sorted(NOTEBOOKS))
def test_candidate_edition_runs_to_the_end_unanswered(principle: str, tmp_path: Path) -> None:
    source = NOTEBOOKS[principle]
    released = release_notebook(nbformat.read(source, as_version=4))
    draft = tmp_path / source.name
    nbformat.write(released, draft)
    run_notebook(draft, tmp_path / "ran.ipynb", {"candidate": "new-candidate"}, cwd=str(source.parent))
    ran = nbformat.read(tmp_path / "ran.ipynb", as_version=4)

    code = [c for c in ran.cells if c.cell_type == "code"]
    errors = [f"{c.id}: {o.ename}: {o.evalue}" for c in code for o in c.outputs if o.output_type == "error"]
    assert errors == []
    assert all(c.execution_count is not None for c in code), "every code cell ran"
    stderr = [f"{c.id}: {o.text[:200]}" for c in code for o in c.outputs if o.output_type == "stream" and o.name == "stderr"]
    assert stderr == []
    placeholders = [c for c in code if "answer" in c.metadata.get("tags", [])]
    assert all(is_placeholder(c.source) for c in placeholders)
    for cell in placeholders:
        shown = " ".join(_text(o) for o in cell.outputs)
        assert "not answered yet" in shown, cell.id
        assert not any(ANSWER_MIME in o.get("data", {}) for o in cell.outputs), "a placeholder records no answer"
