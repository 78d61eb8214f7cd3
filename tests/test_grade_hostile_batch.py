"""A cohort of correct, blank and hostile Z9 submissions graded in one batch.

Each fixture in tests/notebooks/hostile/ must get the status and score in
expected.json; every exercise gets a score and a reason; no submission file
changes; the batch is bounded by small time limits.
"""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

import pytest

from workbook.grading.execute import Limits
from workbook.grading.gradebook import Gradebook
from workbook.grading.runner import grade_cohort, plan_jobs

HERE = Path(__file__).parent
HOSTILE = HERE / "notebooks" / "hostile"
GRADING = HERE / "notebooks" / "grading"
EXPECTED = json.loads((HOSTILE / "expected.json").read_text())
LIMITS = Limits(cell_timeout=4, notebook_timeout=20, memory_mb=1536, output_mb=2, startup_timeout=30)


def _digest(root: Path) -> dict[str, str]:
    return {str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def batch(tmp_path_factory: pytest.TempPathFactory) -> dict:
    root = tmp_path_factory.mktemp("cohort")
    subs = root / "submissions"
    for name in EXPECTED:
        (subs / name).mkdir(parents=True)
        shutil.copyfile(HOSTILE / f"{name}.ipynb", subs / name / "Z9-grading-fixture.ipynb")
    (subs / "missing").mkdir()
    before = _digest(subs)
    jobs, warnings = plan_jobs(subs, notebooks=GRADING / "notebooks", exercises=GRADING / "exercises", limits=LIMITS)
    book_path = root / "grades" / "gradebook.sqlite"
    summary = grade_cohort(jobs, book_path, workers=2, progress=False)
    with Gradebook(book_path) as book:
        rows = {r["candidate"]: r for r in book.results()}
        outcomes = book.outcomes()
    return {"subs": subs, "before": before, "summary": summary, "rows": rows, "outcomes": outcomes, "jobs": jobs}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_grade_hostile_status_and_score(batch: dict, name: str) -> None:
    row = batch["rows"][name]
    want = EXPECTED[name]
    assert (row["status"], row["score"]) == (want["status"], want["score"]), row
    assert row["possible"] == 4


def test_grade_hostile_missing_submission(batch: dict) -> None:
    row = batch["rows"]["missing"]
    assert row["status"] == "missing" and row["score"] == 0
    assert "no submission" in row["reason"]


def test_grade_hostile_every_exercise_has_score_and_reason(batch: dict) -> None:
    by = {}
    for o in batch["outcomes"]:
        by.setdefault(o["candidate"], set()).add((o["exercise"], o["check_name"]))
        assert o["reason"], o
    for candidate in list(EXPECTED) + ["missing"]:
        assert by[candidate] == {("z9-total", "total"), ("z9-total", "total, exactly"), ("z9-double", "double")}


def test_grade_hostile_submissions_unchanged(batch: dict) -> None:
    assert _digest(batch["subs"]) == batch["before"]


def test_grade_hostile_reasons_explain(batch: dict) -> None:
    reasons = {(o["candidate"], o["exercise"], o["check_name"]): o["reason"] for o in batch["outcomes"]}
    assert "placeholder" in reasons[("blank", "z9-total", "total")]
    assert "deleted" in reasons[("deleted-exercise", "z9-double", "double")]
    assert "did not run" in reasons[("os-exit", "z9-double", "double")]
    assert "nul byte" in batch["rows"]["null-bytes"]["reason"].lower()
    assert "ends early" in batch["rows"]["truncated-json"]["reason"]
    rows = batch["rows"]
    assert any("appears in 3 cells" in w for w in rows["duplicated-cell"]["warnings"])
    assert any("output limit" in w or "dropped" in w for w in rows["huge-output"]["warnings"])
    assert any("reflection" in w or "changed" in w for w in rows["markdown-retyped"]["warnings"])
    assert any("each cell answers its own exercise" in w for w in rows["forged-answer"]["warnings"])


def test_grade_hostile_hidden_never_in_reasons(batch: dict) -> None:
    # The expected total for the default seed and base is 100 + 2026 % 7 = 105.
    for o in batch["outcomes"]:
        assert "105" not in o["reason"]


def test_grade_hostile_resume_skips_everything(batch: dict, tmp_path: Path) -> None:
    book_path = batch["subs"].parent / "grades" / "gradebook.sqlite"
    again = grade_cohort(batch["jobs"], book_path, workers=1, progress=False)
    assert again.results == [] and again.skipped == len(batch["jobs"])
