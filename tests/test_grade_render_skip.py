"""Grading kernels skip drawing figures; every recorded answer is the same as with drawing (issue 17).

Each available principle notebook (instructor edition, so every exercise is
answered) runs in a warm grading kernel twice, with its default district and
seed: drawn and not drawn. The answer payloads must be identical, cell by
cell, and the run without drawing must leave placeholders instead of PNGs.
"""

from __future__ import annotations

import os
from typing import Any

import nbformat
import pytest

from workbook.curriculum import principles
from workbook.grading.execute import Limits, execute_notebook
from workbook.grading.warm import WarmKernelPool
from workbook.notebook.answers import ANSWER_MIME

AVAILABLE = [p for p in principles() if p.status == "available" and p.notebook_path.is_file()]
LIMITS = Limits(cell_timeout=120, notebook_timeout=600)


def _answers(nb: Any) -> dict[str, list[Any]]:
    found: dict[str, list[Any]] = {}
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            if ANSWER_MIME in out.get("data", {}):
                found.setdefault(cell.get("id", ""), []).append(out["data"][ANSWER_MIME])
    return found


def _images(nb: Any) -> int:
    return sum("image/png" in o.get("data", {}) for c in nb.cells for o in c.get("outputs", []))


@pytest.fixture(scope="module")
def pool() -> Any:
    with WarmKernelPool(idle_timeout=120) as held:
        yield held


@pytest.mark.skipif(os.geteuid() != 0, reason="grading kernels need root for their sandbox (as in CI)")
@pytest.mark.parametrize("principle", AVAILABLE, ids=[p.id for p in AVAILABLE])
def test_grade_render_skip_same_answers_with_and_without_drawing(pool: WarmKernelPool, principle: Any) -> None:
    nb = nbformat.read(str(principle.notebook_path), as_version=4)
    drawn = execute_notebook(nb, {}, kernel_name=pool.kernel_name, limits=LIMITS, render=True)
    skipped = execute_notebook(nb, {}, kernel_name=pool.kernel_name, limits=LIMITS)
    assert drawn.status == skipped.status == "completed", (drawn.reason, skipped.reason)
    answers = _answers(drawn.notebook)
    assert answers, "the instructor edition records answers"
    assert _answers(skipped.notebook) == answers
    if _images(drawn.notebook):
        assert _images(skipped.notebook) < _images(drawn.notebook)
        texts = [o.get("data", {}).get("text/plain", "") for c in skipped.notebook.cells for o in c.get("outputs", [])]
        assert any("[chart not drawn while grading]" in str(t) for t in texts)
