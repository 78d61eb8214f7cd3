"""Instructor files are 0700/0600 whatever the umask, and `workbook cohort check` finds any that are not."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from workbook.cli import main
from workbook.cohort.collect import collect
from workbook.cohort.handout import handout
from workbook.cohort.settings import ensure_secret
from workbook.grading.gradebook import Gradebook, Result
from workbook.roster import parse_roster

SOURCE = Path(__file__).parent / "hub" / "source"
ROSTER = "candidate,name,email,district\nana-reyes,Ana Reyes,ana@example.org,sample-rural\n"


def _mode(p: Path) -> str:
    return oct(p.stat().st_mode & 0o777)


@pytest.fixture
def wide_open_umask():
    old = os.umask(0)
    try:
        yield
    finally:
        os.umask(old)


def test_instructor_files_are_private_under_a_zero_umask(tmp_path, monkeypatch, wide_open_umask):
    monkeypatch.chdir(tmp_path)
    os.chmod(tmp_path, 0o755)
    (tmp_path / "home" / "ana-reyes").mkdir(parents=True)
    homes = str(tmp_path / "home" / "{candidate}")
    entries = parse_roster(ROSTER)
    Path("roster.csv").write_text(ROSTER, encoding="utf-8")  # 0666 under this umask: the input, not the copy
    assert main(["cohort", "init", "--roster", "roster.csv", "--cohort-dir", "srv/cohort"]) == 0
    secret = ensure_secret("srv/cohort")
    handout(entries, SOURCE, secret, cohort_dir="srv/cohort", homes=homes)
    collect(entries, "submissions", homes=homes)
    book = Path("grades") / "gradebook.sqlite"
    gb = Gradebook(book)
    gb.record(Result("ana-reyes", "L6-fiscal-management", "L6", "graded", "", 1.0, 2.0, "ab", "v1", "p1"))
    wal, shm = Path(f"{book}-wal"), Path(f"{book}-shm")
    assert wal.exists() and shm.exists(), "WAL mode keeps these while the gradebook is open"
    folders = [Path("srv"), Path("srv/cohort"), Path("srv/cohort/handouts"), Path("submissions"),
               Path("submissions/ana-reyes"), Path("submissions/ana-reyes/leadership"), Path("grades")]
    files = [Path("srv/cohort/secret"), Path("srv/cohort/roster.csv"), Path("srv/cohort/handouts/ana-reyes.json"), book, wal, shm,
             Path("submissions/ana-reyes/collection.json"),
             Path("submissions/ana-reyes/leadership/L6-fiscal-management.ipynb")]
    assert {str(p): _mode(p) for p in folders} == {str(p): "0o700" for p in folders}
    assert {str(p): _mode(p) for p in files} == {str(p): "0o600" for p in files}
    gb.close()


@pytest.fixture
def open_folder():
    """A folder every user can reach (pytest's own tmp_path sits under a 0700 folder)."""
    import tempfile

    path = Path(tempfile.mkdtemp(prefix="cwcheck-"))
    os.chmod(path, 0o755)
    try:
        yield path
    finally:
        shutil.rmtree(path, ignore_errors=True)


def test_cohort_check_reports_a_readable_roster_and_gradebook(open_folder, monkeypatch, capsys):
    tmp_path = open_folder
    monkeypatch.chdir(tmp_path)
    ensure_secret("cohort")
    Gradebook(Path("grades") / "gradebook.sqlite").close()
    roster = tmp_path / "roster.csv"
    roster.write_text(ROSTER, encoding="utf-8")
    os.chmod(roster, 0o600)
    assert main(["cohort", "check", "--roster", str(roster), "--source-tree", str(tmp_path / "none")]) == 0
    assert "no instructor file is readable" in capsys.readouterr().out

    os.chmod(roster, 0o644)
    os.chmod("grades", 0o755)
    os.chmod("grades/gradebook.sqlite", 0o644)
    assert main(["cohort", "check", "--roster", str(roster), "--source-tree", str(tmp_path / "none")]) == 1
    err = capsys.readouterr().err
    assert f"{roster}: readable by every user" in err and "chmod 0600" in err
    assert "grades/gradebook.sqlite: readable by every user" in err

    # a source checkout with hidden checks, readable by all: reported; made 0700: not
    tree = tmp_path / "src"
    shutil.copytree(Path(__file__).resolve().parents[1] / "exercises", tree / "exercises")
    os.chmod(roster, 0o600)
    os.chmod("grades", 0o700)
    os.chmod(tree, 0o755)
    for p in [tree / "exercises", tree / "exercises" / "hidden", *(tree / "exercises" / "hidden").iterdir()]:
        os.chmod(p, 0o755 if p.is_dir() else 0o644)
    assert main(["cohort", "check", "--source-tree", str(tree)]) == 1
    assert "hidden/L6.py: readable by every user" in capsys.readouterr().err
    os.chmod(tree, 0o700)
    assert main(["cohort", "check", "--source-tree", str(tree)]) == 0
