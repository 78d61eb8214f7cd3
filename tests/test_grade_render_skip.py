"""Grading kernels skip drawing; every recorded answer and self-check is the same as with drawing (issue 17).

Each available principle notebook (instructor edition, so every exercise is
answered) runs in a warm grading kernel twice for every sample district, with
the notebook's default seed: drawn and not drawn. The answer outputs (the
recorded payload and the self-check shown with it) must be identical, cell by
cell; the run without drawing must hold no PNG, and leave placeholders where
the drawn run showed figures, tables or explorers.
"""

from __future__ import annotations

import os
from typing import Any

import nbformat
import pytest

from workbook.curriculum import principles
from workbook.districts import sample_ids
from workbook.grading.execute import Limits, execute_notebook
from workbook.grading.warm import WarmKernelPool
from workbook.notebook.answers import ANSWER_MIME

AVAILABLE = [p for p in principles() if p.status == "available" and p.notebook_path.is_file()]
CASES = [(p, d) for p in AVAILABLE for d in sample_ids()]
LIMITS = Limits(cell_timeout=120, notebook_timeout=600)
PLACEHOLDER = "not drawn while grading"


def _answers(nb: Any) -> dict[str, list[Any]]:
    """Every answer output (payload, plain text and HTML of the self-check), by cell id."""
    found: dict[str, list[Any]] = {}
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            if ANSWER_MIME in out.get("data", {}):
                found.setdefault(cell.get("id", ""), []).append(dict(out["data"]))
    return found


def _count(nb: Any, mime: str) -> int:
    return sum(mime in o.get("data", {}) and ANSWER_MIME not in o.get("data", {})
               for c in nb.cells for o in c.get("outputs", []))


@pytest.fixture(scope="module")
def pool() -> Any:
    with WarmKernelPool(idle_timeout=120) as held:
        yield held


def test_grade_render_skip_covers_every_principle_and_district() -> None:
    assert len(AVAILABLE) >= 5 and len(sample_ids()) == 3
    assert len(CASES) == len(AVAILABLE) * 3


@pytest.mark.skipif(os.geteuid() != 0, reason="grading kernels need root for their sandbox (as in CI)")
@pytest.mark.parametrize(("principle", "district"), CASES, ids=[f"{p.id}-{d}" for p, d in CASES])
def test_grade_render_skip_same_answers_with_and_without_drawing(pool: WarmKernelPool, principle: Any, district: str) -> None:
    nb = nbformat.read(str(principle.notebook_path), as_version=4)
    params = {"district": district}
    drawn = execute_notebook(nb, params, kernel_name=pool.kernel_name, limits=LIMITS, render=True)
    skipped = execute_notebook(nb, params, kernel_name=pool.kernel_name, limits=LIMITS)
    assert drawn.status == skipped.status == "completed", (drawn.reason, skipped.reason)
    answers = _answers(drawn.notebook)
    assert answers, "the instructor edition records answers"
    assert _answers(skipped.notebook) == answers
    assert _count(skipped.notebook, "image/png") == 0
    drawn_views = _count(drawn.notebook, "image/png") + _count(drawn.notebook, "text/html")
    if drawn_views:
        texts = [str(o.get("data", {}).get("text/plain", "")) for c in skipped.notebook.cells for o in c.get("outputs", [])]
        assert sum(PLACEHOLDER in t for t in texts) >= 1
        assert _count(skipped.notebook, "text/html") < drawn_views
