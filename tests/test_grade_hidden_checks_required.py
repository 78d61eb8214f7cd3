"""Hidden checks are never silently absent: grading refuses without them, or marks every result public-only."""

from __future__ import annotations

import shutil
from pathlib import Path

import nbformat
import pytest

from workbook.cli import main
from workbook.grading.execute import Limits
from workbook.grading.feedback import write_feedback
from workbook.grading.gradebook import Gradebook
from workbook.grading.release import instructor_notebooks, release_notebook
from workbook.grading.runner import PUBLIC_ONLY, PUBLIC_ONLY_NOTE, HiddenChecksMissing, plan_jobs
from workbook.paths import exercises_dir, notebooks_dir
from workbook.rubric import load_rubric


@pytest.fixture()
def installed_like(tmp_path: Path) -> dict:
    """A rubric folder as an installed wheel has it (public rubrics, no hidden/), one blank submission."""
    public = tmp_path / "exercises"
    public.mkdir()
    for path in exercises_dir().glob("*.py"):
        shutil.copy(path, public / path.name)
    l6 = instructor_notebooks(notebooks_dir())["L6"]
    subs = tmp_path / "submissions" / "ana-reyes"
    subs.mkdir(parents=True)
    nbformat.write(release_notebook(nbformat.read(l6, as_version=4)), subs / l6.name)
    return {"exercises": public, "subs": subs.parent, "root": tmp_path, "stem": l6.stem}


def test_grade_refuses_without_hidden_checks_and_names_where_it_looked(installed_like, capsys) -> None:
    book = installed_like["root"] / "grades" / "gradebook.sqlite"
    rc = main(["grade", str(installed_like["subs"]), "--exercises", str(installed_like["exercises"]),
               "--only", "L6", "--gradebook", str(book), "--no-progress", "--no-roster"])
    assert rc == 2
    err = capsys.readouterr().err
    assert str(installed_like["exercises"] / "hidden" / "L6.py") in err
    assert "--exercises" in err and "--public-only" in err and "Traceback" not in err
    if book.exists():  # nothing is graded when the hidden checks are missing
        with Gradebook(book) as gb:
            assert gb.results() == []


def test_grade_with_a_stored_roster_refuses_without_hidden_checks(installed_like, capsys, monkeypatch) -> None:
    """As an instructor runs it (issue 12): `cohort init` stores the roster, `grade` has no --no-roster."""
    root = installed_like["root"]
    monkeypatch.chdir(root)
    roster = root / "roster.csv"
    roster.write_text("candidate,name,email,district\nana-reyes,Ana Reyes,ana@example.org,sample-rural\n",
                      encoding="utf-8")
    assert main(["cohort", "init", "--roster", str(roster)]) == 0
    capsys.readouterr()
    book = root / "grades" / "gradebook.sqlite"
    rc = main(["grade", str(installed_like["subs"]), "--exercises", str(installed_like["exercises"]),
               "--only", "L6", "--gradebook", str(book), "--no-progress"])
    err = capsys.readouterr().err
    assert rc == 2, err
    assert "using the cohort's roster cohort/roster.csv" in err and "no roster" not in err
    assert str(installed_like["exercises"] / "hidden" / "L6.py") in err
    assert "--exercises" in err and "--public-only" in err and "Traceback" not in err
    if book.exists():
        with Gradebook(book) as gb:
            assert gb.results() == []


def test_grade_plan_lists_every_principle_missing_its_hidden_checks(installed_like) -> None:
    with pytest.raises(HiddenChecksMissing) as info:
        plan_jobs(installed_like["subs"], exercises=installed_like["exercises"])
    assert set(info.value.principles) >= {"L6", "T1"}
    # the checkout's own folder has them all
    jobs, _ = plan_jobs(installed_like["subs"], only=["L6"])
    assert jobs


def test_grade_public_only_marks_results_in_gradebook_and_feedback(installed_like) -> None:
    subs, root = installed_like["subs"], installed_like["root"]
    jobs, _ = plan_jobs(subs, exercises=installed_like["exercises"], only=["L6"], public_only=True,
                        limits=Limits(cell_timeout=120, notebook_timeout=600))
    assert all(j.public_only for j in jobs)
    from workbook.grading.runner import grade_cohort

    book = root / "gb.sqlite"
    summary = grade_cohort(jobs, book, workers=1, progress=False)
    [result] = summary.results
    assert result.status == "graded", result.reason
    with Gradebook(book) as gb:
        [row] = gb.results()
        outcomes = gb.outcomes()
    assert row["rubric_version"].endswith(PUBLIC_ONLY)
    assert PUBLIC_ONLY_NOTE in row["warnings"]
    assert outcomes and {o["visibility"] for o in outcomes} == {"public"}
    with_hidden = load_rubric("L6", hidden=True)
    assert row["possible"] < with_hidden.exercise_points, "the hidden checks carry points, so this can fail"
    [page] = write_feedback(subs, root / "feedback", gradebook=book, exercises=installed_like["exercises"])
    assert "Public checks only:" in page.read_text(encoding="utf-8")
