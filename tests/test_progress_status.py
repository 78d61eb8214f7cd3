"""One status rule for the start notebook's progress table and the portfolio summary."""

from __future__ import annotations

import nbformat
import pytest

from workbook.demo import sample_candidate_notebook
from workbook.grading.release import release_notebook
from workbook.paths import notebooks_dir
from workbook.portfolio.workspace import notebook_state
from workbook.progress import notebook_progress, progress_table
from workbook.rubric import load_rubric

L6 = "leadership/L6-fiscal-management.ipynb"
EXERCISES = len(load_rubric("L6").exercises)  # every graded exercise of L6, as its rubric lists them
WRITTEN = "Our district bought carts without budgeting for charging stations, so facilities paid twice."


@pytest.fixture(scope="module")
def answered(tmp_path_factory):
    folder = tmp_path_factory.mktemp("candidate")
    completed = sample_candidate_notebook(notebooks_dir() / L6, folder / "src" / L6)
    from workbook.kernels import run_notebook

    out = folder / "workspace" / L6
    out.parent.mkdir(parents=True)
    run_notebook(completed, out, {"district": "sample-rural"}, cwd=str(completed.parent))
    return out


def test_progress_released_notebook_is_not_started(tmp_path):
    nb = release_notebook(nbformat.read(notebooks_dir() / L6, as_version=4))
    path = tmp_path / "L6.ipynb"
    nbformat.write(nb, path)
    progress = notebook_progress(path)
    assert (progress.exercises, progress.answered, progress.status) == (EXERCISES, 0, "not started")
    assert notebook_state(nb).status == "not started"


def test_progress_answers_without_reflections_is_in_progress(answered):
    progress = notebook_progress(answered)
    assert (progress.answered, progress.exercises, progress.written, progress.status) == (EXERCISES, EXERCISES, 0, "in progress")
    assert notebook_state(nbformat.read(answered, as_version=4)).status == "in progress"


def test_progress_answers_and_reflections_is_completed_in_both_views(answered, tmp_path):
    nb = nbformat.read(answered, as_version=4)
    for cell in nb.cells:
        if "reflection" in cell.metadata.get("tags", []):
            cell.source = WRITTEN
    path = tmp_path / L6
    path.parent.mkdir(parents=True)
    nbformat.write(nb, path)
    assert notebook_progress(path).status == "completed"
    assert notebook_state(nb).status == "completed"
    table = progress_table(tmp_path)
    assert table.loc["L6", "status"] == "completed"
    assert table.loc["L6", "exercises answered"] == f"{EXERCISES}/{EXERCISES}"
    assert set(table.drop(index="L6")["status"]) == {"not started"}
