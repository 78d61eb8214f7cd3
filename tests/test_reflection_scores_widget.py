"""The reflection scoring form, driven in-process: pick, read, choose levels and comments, save."""

from __future__ import annotations

import json
from pathlib import Path

import nbformat
import pytest

from workbook.grading.execute import Limits
from workbook.grading.gradebook import Gradebook
from workbook.grading.reflection_widget import ReflectionGrader, reflection_grader
from workbook.grading.reflections import comment_bank, reflection_scores
from workbook.grading.runner import grade_cohort, plan_jobs

HERE = Path(__file__).parent
GRADING = HERE / "notebooks" / "grading"
HOSTILE = HERE / "notebooks" / "hostile"
TEXTS = json.loads((HERE / "notebooks" / "feedback" / "reflections.json").read_text(encoding="utf-8"))
NAME = "Z9-grading-fixture.ipynb"
OPTS = {"notebooks": GRADING / "notebooks", "exercises": GRADING / "exercises"}


@pytest.fixture(scope="module")
def graded(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    root = tmp_path_factory.mktemp("widget")
    subs = root / "submissions"
    for candidate in ("eli", "fay"):
        nb = nbformat.read(HOSTILE / "correct.ipynb", as_version=4)
        for cell in nb.cells:
            if "reflection" in (cell.metadata.get("tags") or []):
                cell.source = TEXTS[candidate] + "\n\n<script>alert('x')</script>"
        (subs / candidate).mkdir(parents=True)
        nbformat.write(nb, subs / candidate / NAME)
    jobs, _ = plan_jobs(subs, limits=Limits(cell_timeout=30, notebook_timeout=120), **OPTS)
    grade_cohort(jobs, root / "gb.sqlite", workers=2, progress=False)
    return subs, root / "gb.sqlite"


def test_reflection_widget_saves_levels_and_comments_with_grader(graded: tuple[Path, Path]) -> None:
    subs, book = graded
    form = reflection_grader(book, subs, grader="ta-kim", **OPTS)
    assert isinstance(form, ReflectionGrader)
    assert list(form.candidate.options) == ["eli", "fay"]
    form.select("fay", "Z9-grading-fixture", "z9-reflect")
    assert "lease rather than buy" in form.text.value and "<script" not in form.text.value
    assert "What would you tell your board?" in form.prompt.value
    assert list(form.levels) == ["clarity"]

    form.levels["clarity"].value = "clear"
    form.comments["clarity"].value = "A clear request and a named risk."
    form.save_button.click()  # the same handler a click in JupyterLab runs
    assert "Saved 1 criterion (2 points) for fay as ta-kim" in form.status.value
    with Gradebook(book) as gb:
        (score,) = reflection_scores(gb, "fay")
        assert (score.level, score.points, score.comment, score.grader, score.source) == (
            "clear", 2.0, "A clear request and a named risk.", "ta-kim", "widget")
        assert score.scored_at

    # The comment is offered for the next candidate; a criterion left unscored stores nothing.
    form.select("eli", "Z9-grading-fixture", "z9-reflect")
    assert list(form.comments["clarity"].options) == ["A clear request and a named risk."]
    assert form.levels["clarity"].value == ""
    assert form.save() == []
    # Coming back shows the stored choice.
    form.select("fay", "Z9-grading-fixture", "z9-reflect")
    assert form.levels["clarity"].value == "clear" and "ta-kim" in form.criteria_box.children[0].children[0].value
    with Gradebook(book) as gb:
        assert [s.candidate for s in reflection_scores(gb)] == ["fay"]
        assert comment_bank(gb, "z9-reflect", "clarity") == ["A clear request and a named risk."]


def test_reflection_widget_refuses_a_blank_grader(graded: tuple[Path, Path]) -> None:
    subs, book = graded
    with pytest.raises(ValueError, match="grader"):
        ReflectionGrader(book, subs, grader="  ", **OPTS)
