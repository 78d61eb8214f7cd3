"""The gradebook: CLI grading with exports, --regrade, and a killed batch that resumes."""

from __future__ import annotations

import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pytest

from workbook.cli import main
from workbook.grading.gradebook import Gradebook

HERE = Path(__file__).parent
GRADING = HERE / "notebooks" / "grading"
HOSTILE = HERE / "notebooks" / "hostile"
NAME = "Z9-grading-fixture.ipynb"


def _cohort(root: Path, kinds: dict[str, str]) -> Path:
    subs = root / "submissions"
    for candidate, kind in kinds.items():
        (subs / candidate).mkdir(parents=True)
        shutil.copyfile(HOSTILE / f"{kind}.ipynb", subs / candidate / NAME)
    return subs


def _args(subs: Path, book: Path, *extra: str) -> list[str]:
    return ["grade", str(subs), "--notebooks", str(GRADING / "notebooks"), "--exercises", str(GRADING / "exercises"),
            "--gradebook", str(book), "--cell-timeout", "10", "--notebook-timeout", "60", "--no-progress", "--no-roster", *extra]


def test_gradebook_cli_grades_exports_and_regrades(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    subs = _cohort(tmp_path, {"ana": "correct", "ben": "blank"})
    book = tmp_path / "grades" / "gb.sqlite"
    csv, xlsx = tmp_path / "out" / "grades.csv", tmp_path / "out" / "grades.xlsx"
    assert main(_args(subs, book, "--workers", "2")) == 0
    out = capsys.readouterr().out
    assert "Grading results" in out and "1 graded" not in out  # two graded
    assert main(["gradebook", "export", "--gradebook", str(book), "--csv", str(csv), "--excel", str(xlsx)]) == 0
    table = pd.read_csv(csv)
    assert dict(zip(table["candidate"], table["score"])) == {"ana": 4.0, "ben": 0.0}
    assert set(table["status"]) == {"graded"}
    assert {"z9-total", "z9-double"} <= set(table.columns)
    sheets = pd.read_excel(xlsx, sheet_name=None)
    assert set(sheets) == {"summary", "checks"} and len(sheets["checks"]) == 6

    # Nothing changed: nothing is graded again.
    assert main(_args(subs, book)) == 0
    assert "nothing new; 2 unchanged" in capsys.readouterr().out
    # A changed submission is graded again; --regrade redoes one candidate whatever the gradebook holds.
    shutil.copyfile(HOSTILE / "correct.ipynb", subs / "ben" / NAME)
    assert main(_args(subs, book, "--regrade", "ana")) == 0
    assert "2 graded; 0 unchanged" in capsys.readouterr().out
    with Gradebook(book) as gb:
        assert {r["candidate"]: r["score"] for r in gb.results()} == {"ana": 4.0, "ben": 4.0}
        # Both replaced results are kept in the history, ben's earlier 0 among them.
        assert sorted((h["candidate"], h["score"]) for h in gb.history()) == [("ana", 4.0), ("ben", 0.0)]


def test_gradebook_killed_batch_loses_nothing_and_redoes_nothing(tmp_path: Path) -> None:
    subs = _cohort(tmp_path, {f"c{i}": "correct" for i in range(6)})
    book = tmp_path / "gb.sqlite"
    cmd = [sys.executable, "-m", "workbook.cli", *_args(subs, book, "--workers", "1")]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    done = 0
    deadline = time.monotonic() + 120
    while done < 2 and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.2)
        if book.exists():
            try:
                with sqlite3.connect(book, timeout=5) as conn:
                    done = conn.execute("SELECT count(*) FROM results").fetchone()[0]
            except sqlite3.OperationalError:
                pass
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    with Gradebook(book) as gb:
        before = {r["candidate"]: r["graded_at"] for r in gb.results()}
    assert 2 <= len(before) < 6, "the batch was killed part way"
    from workbook.grading.runner import grade_cohort, plan_jobs
    from workbook.grading.execute import Limits

    jobs, _ = plan_jobs(subs, notebooks=GRADING / "notebooks", exercises=GRADING / "exercises",
                        limits=Limits(cell_timeout=10, notebook_timeout=60))
    summary = grade_cohort(jobs, book, workers=2, progress=False)
    assert summary.skipped == len(before)
    assert sorted(r.candidate for r in summary.results) == sorted(set(f"c{i}" for i in range(6)) - set(before))
    with Gradebook(book) as gb:
        rows = gb.results()
    assert len(rows) == 6 and all(r["score"] == 4.0 for r in rows)
    assert {r["candidate"]: r["graded_at"] for r in rows if r["candidate"] in before} == before
