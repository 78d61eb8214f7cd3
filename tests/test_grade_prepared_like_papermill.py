"""The grader prepares a notebook exactly as papermill would, without papermill's JSON round trips."""

from __future__ import annotations

import nbformat
import papermill
import pytest

from workbook.grading.engine import grading_engine
from workbook.grading.execute import _prepared
from workbook.paths import notebooks_dir


@pytest.mark.parametrize("parameters", [{"district": "sample-rural", "seed": 7, "fiscal_year": "2027-28"}, {}])
def test_grade_prepared_notebook_matches_papermill(parameters):
    grading_engine()  # registered, as execute_notebook does before it prepares
    source = next(notebooks_dir().rglob("L6-*.ipynb"))
    nb = nbformat.read(str(source), as_version=4)
    before = nbformat.writes(nb)
    ours = _prepared(nb, parameters, "python3")
    theirs = papermill.execute_notebook(nb, None, parameters=parameters, prepare_only=True, kernel_name="python3",
                                        progress_bar=False)
    assert nbformat.writes(nb) == before, "the notebook handed in is not modified"
    assert [(c.cell_type, c.source, c.metadata.get("tags")) for c in ours.cells] == \
        [(c.cell_type, c.source, c.metadata.get("tags")) for c in theirs.cells]
    assert ours.metadata.papermill["parameters"] == theirs.metadata.papermill["parameters"]
    nbformat.validate(ours)
