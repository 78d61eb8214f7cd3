"""Feedback pages for a graded L6 cohort (a correct and a blank submission, graded once):
scores, statuses, reasons and hints; hidden checks by name only; no expected value unless
the instructor publishes answers; no script or remote asset."""

from __future__ import annotations

import html

import re
from pathlib import Path

import nbformat
import pytest

from workbook.cli import main
from workbook.grading.execute import Limits
from workbook.grading.feedback import format_expected, write_feedback
from workbook.grading.gradebook import Gradebook
from workbook.grading.reflections import save_reflection
from workbook.grading.release import instructor_notebooks, release_notebook
from workbook.grading.runner import grade_cohort, plan_jobs
from workbook.grading.score import notebook_defaults
from workbook.paths import exercises_dir, notebooks_dir
from workbook.rubric import Context, load_rubric

SECRET = "a-test-cohort-secret-that-is-long"
REFLECTION = ("Our district bought carts of laptops with a one-time grant and nobody budgeted the batteries, "
              "the repairs or the technician hours. The grant ended and the general fund absorbed the cost.")


def _is_exercise(cell) -> bool:
    return (cell.metadata.get("workbook") or {}).get("kind") == "exercise"


@pytest.fixture(scope="module")
def cohort(tmp_path_factory: pytest.TempPathFactory) -> dict:
    l6 = instructor_notebooks(notebooks_dir()).get("L6")
    if l6 is None or not (exercises_dir() / "L6.py").is_file():
        pytest.skip("the L6 notebook or its rubric is not in this checkout")
    root = tmp_path_factory.mktemp("feedback")
    instructor = nbformat.read(l6, as_version=4)
    sources = {c["id"]: c.source for c in instructor.cells}
    released = release_notebook(instructor)
    correct, blank = nbformat.from_dict(released), nbformat.from_dict(released)
    for cell in correct.cells:
        if _is_exercise(cell):
            cell.source = sources[cell["id"]]
        elif "reflection" in (cell.metadata.get("tags") or []):
            cell.source = REFLECTION
    subs = root / "submissions"
    for candidate, nb in {"ana-reyes": correct, "ben-okafor": blank}.items():
        (subs / candidate).mkdir(parents=True)
        nbformat.write(nb, subs / candidate / l6.name)
    roster = root / "roster.csv"
    roster.write_text("candidate,name,email,district,seed\n"
                      "ana-reyes,Ana Reyes,ana@example.org,sample-rural,42\n"
                      "ben-okafor,Ben Okafor,ben@example.org,sample-urban,77\n", encoding="utf-8")
    jobs, _ = plan_jobs(subs, roster=roster, cohort_secret=SECRET, only=["L6"], limits=Limits(cell_timeout=120, notebook_timeout=600))
    book = root / "gb.sqlite"
    summary = grade_cohort(jobs, book, workers=2, progress=False)
    scores = {r.candidate: (r.status, r.score, r.possible) for r in summary.results}
    assert scores["ana-reyes"][0] == "graded" and scores["ana-reyes"][1] == scores["ana-reyes"][2] > 0, summary.results[0].reason
    rubric = load_rubric("L6", hidden=True)
    with Gradebook(book) as gb:
        save_reflection(gb, rubric, "ana-reyes", l6.stem, "l6-reflect-tco-story",
                        {"Fiscal placement": ("exemplary", "You traced the cost to the general fund after the grant ended.")},
                        grader="dr-lee")
    template = released
    expected = {}
    for job in jobs:
        ctx = Context("L6", notebook_defaults(template) | job.params)
        expected[job.candidate] = {(c.exercise, c.name): c.expected(ctx) for c in rubric.checks(include_hidden=True)}
    pages = write_feedback(subs, root / "feedback", gradebook=book, roster=roster, cohort_secret=SECRET)
    return {"root": root, "subs": subs, "book": book, "roster": roster, "rubric": rubric, "stem": l6.stem,
            "expected": expected, "pages": {p.parent.name: p.read_text(encoding="utf-8") for p in pages}}


def _numbers(value) -> list[float]:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return [float(value)]
    if hasattr(value, "tolist"):
        return [float(v) for v in value.tolist()]
    if isinstance(value, (list, tuple)):
        return [float(v) for v in value]
    return []


def _renderings(v: float) -> set[str]:
    """Ways an expected number could be written into a page."""
    forms = {f"{v:,.2f}", f"{v:.2f}", f"{v:.4g}", repr(v), format_expected(v)}
    if abs(v) >= 100:
        forms |= {f"{v:,.0f}", f"{v:.0f}", f"{v:,.1f}", f"{v:.1f}"}
    if abs(v) < 1:
        forms |= {f"{v * 100:.1f}%", f"{v * 100:.2f}%"}
    return {f for f in forms if sum(ch.isdigit() for ch in f) >= 3}


def _shown(form: str, text: str) -> bool:
    """Whether ``form`` stands in ``text`` as a number of its own (not inside a longer number or word)."""
    return re.search(r"(?<![\w.,])" + re.escape(form) + r"(?![\w]|[.,]\d)", text) is not None


def _public_text(cohort: dict) -> str:
    """What every candidate is given anyway: the released notebook's cells (prompts, parameters, readings)."""
    nb = nbformat.read(next(cohort["subs"].glob(f"*/{cohort['stem']}.ipynb")), as_version=4)
    return html.escape("\n".join(c.source for c in nb.cells if c.cell_type == "markdown"
                                  or "parameters" in (c.metadata.get("tags") or [])), quote=False)


def _leaks(cohort: dict, who: str, page: str) -> list[tuple]:
    """Expected values of ``who`` written in ``page``, leaving out numbers the released notebook states itself."""
    public = _public_text(cohort)
    return [(key, form) for key, value in cohort["expected"][who].items() for v in _numbers(value)
            for form in _renderings(v) if _shown(form, page) and not _shown(form, public)]


def _text(page: str) -> str:
    return re.sub(r"<style.*?</style>", "", page, flags=re.S)


def test_feedback_shows_scores_reasons_and_no_expected_value(cohort: dict) -> None:
    ana, ben = _text(cohort["pages"]["ana-reyes"]), _text(cohort["pages"]["ben-okafor"])
    for exercise in cohort["rubric"].exercises:
        assert exercise.title in ana and exercise.title in ben
        assert f"{exercise.title}: {exercise.points:g} of {exercise.points:g} points" not in ben
    assert "Total</th><td>{0:g}".format(cohort["rubric"].exercise_points + 4) in ana  # all exercises plus the scored criterion
    assert "matches within 0.5%" in ana
    assert "not answered: the placeholder is still in the exercise cell" in ben
    first = cohort["rubric"].exercises[0]
    assert first.hint and f"Hint:</strong> {html.escape(first.hint, quote=False)}" in ben  # hints where points were lost
    assert "Hint:" not in ana
    # A reflection criterion scored by the instructor, with the level and the comment.
    assert "Fiscal placement: exemplary, 4 of 4" in ana and "You traced the cost to the general fund" in ana
    assert "Comment from dr-lee" in ana
    for who, page in (("ana-reyes", ana), ("ben-okafor", ben)):
        assert _leaks(cohort, who, page) == []
        # Hidden checks: their names and points, nothing else.
        for check in cohort["rubric"].hidden:
            row = re.search(re.escape(html.escape(check.name, quote=False)) + r" \(hidden check\)</td>(.*?)</tr>", page, flags=re.S)
            assert row is not None, check.name
            assert "the details of hidden checks are not shown" in row.group(1)
            assert "matches" not in row.group(1) and "placeholder" not in row.group(1)
        assert "Expected</th>" not in page


def test_feedback_pages_are_static_and_offline(cohort: dict) -> None:
    for page in cohort["pages"].values():
        assert "<script" not in page.lower()
        assert not re.search(r"""<(?:script|link|img|iframe)\b[^>]*(?:src|href)=["']?(?:https?:)?//""", page, flags=re.I)
        assert "<style>" in page and "Your notebook, with feedback" in page


def test_feedback_publish_answers_shows_expected_values(cohort: dict, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WORKBOOK_COHORT_SECRET", SECRET)
    out = tmp_path / "published"
    assert main(["review", "feedback", str(cohort["subs"]), "-o", str(out), "--gradebook", str(cohort["book"]),
                 "--roster", str(cohort["roster"]), "--candidate", "ben-okafor", "--publish-answers"]) == 0
    assert "wrote 1 feedback page(s)" in capsys.readouterr().out
    page = (out / "ben-okafor" / f"{cohort['stem']}.html").read_text(encoding="utf-8")
    expected = cohort["expected"]["ben-okafor"]
    first = cohort["rubric"].exercises[0].checks[0]
    tco = expected[(first.exercise, first.name)]
    assert f'<td class="wb-fb-expected">{format_expected(tco)}</td>' in page
    for check in cohort["rubric"].hidden:
        row = re.search(re.escape(html.escape(check.name, quote=False)) + r" \(hidden check\)</td>(.*?)</tr>", page, flags=re.S)
        assert row is not None and "not answered" in row.group(1)
        assert format_expected(expected[(check.exercise, check.name)]) in row.group(1)
    assert "<script" not in page.lower()


def test_feedback_leak_check_would_see_a_published_value(cohort: dict, tmp_path: Path) -> None:
    """The leak check above is not vacuous: on a published page it finds every public expected number."""
    pages = write_feedback(cohort["subs"], tmp_path / "pub", gradebook=cohort["book"], roster=cohort["roster"],
                           cohort_secret=SECRET, candidates=["ana-reyes"], publish_answers=True)
    page = _text(pages[0].read_text(encoding="utf-8"))
    values = [v for key, value in cohort["expected"]["ana-reyes"].items() for v in _numbers(value)]
    assert len(values) >= 10
    missed = [v for v in values if not any(_shown(form, page) for form in _renderings(v))]
    assert missed == []
    assert _leaks(cohort, "ana-reyes", page)  # the same check that passes on unpublished pages
