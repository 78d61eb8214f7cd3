"""Release L6, then grade a correct and a blank submission with a roster's parameters."""

from __future__ import annotations

from pathlib import Path

import nbformat
import pytest

from workbook.cli import main
from workbook.grading.execute import Limits
from workbook.grading.gradebook import Gradebook
from workbook.grading.release import instructor_notebooks
from workbook.grading.runner import grade_cohort, plan_jobs
from workbook.paths import exercises_dir, notebooks_dir

SECRET = "a-test-cohort-secret-that-is-long"


@pytest.fixture(scope="module")
def l6() -> Path:
    found = instructor_notebooks(notebooks_dir()).get("L6")
    if found is None or not (exercises_dir() / "L6.py").is_file():
        pytest.skip("the L6 notebook or its rubric is not in this checkout")
    return found


def test_grade_L6_correct_full_marks_blank_zero(l6: Path, tmp_path: Path) -> None:
    assert main(["release", "--out", str(tmp_path / "rel")]) == 0
    released_path = tmp_path / "rel" / "notebooks" / l6.relative_to(notebooks_dir())
    blank = nbformat.read(released_path, as_version=4)
    instructor = {c["id"]: c for c in nbformat.read(l6, as_version=4).cells}
    correct = nbformat.read(released_path, as_version=4)
    for cell in correct.cells:
        if "answer" in cell.metadata.get("tags", []):
            cell.source = instructor[cell["id"]].source
    subs = tmp_path / "subs"
    for candidate, nb in {"ana-reyes": correct, "ben-okafor": blank}.items():
        (subs / candidate).mkdir(parents=True)
        nbformat.write(nb, subs / candidate / l6.name)
    roster = tmp_path / "roster.csv"
    roster.write_text("candidate,name,email,district,seed\n"
                      "ana-reyes,Ana Reyes,ana@example.org,sample-rural,42\n"
                      "ben-okafor,Ben Okafor,ben@example.org,sample-urban,\n")
    jobs, _ = plan_jobs(subs, roster=roster, cohort_secret=SECRET, only=["L6"],
                        limits=Limits(cell_timeout=120, notebook_timeout=600))
    assert jobs[0].params["seed"] == 42 and jobs[1].params["district"] == "sample-urban"
    summary = grade_cohort(jobs, tmp_path / "gb.sqlite", workers=2, progress=False)
    results = {r.candidate: r for r in summary.results}
    ana, ben = results["ana-reyes"], results["ben-okafor"]
    failed = [(o["exercise"], o["check_name"], o["reason"]) for o in ana.outcomes if o["points"] < o["possible"]]
    assert ana.status == "graded" and failed == [] and ana.score == ana.possible > 0, (ana.reason, failed, ana.warnings)
    assert ben.status == "graded" and ben.score == 0
    assert all("placeholder" in o["reason"] for o in ben.outcomes), ben.outcomes
    with Gradebook(tmp_path / "gb.sqlite") as gb:
        assert len(gb.results()) == 2
