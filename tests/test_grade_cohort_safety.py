"""An instructor's month without surprises: nothing a command line does loses a grade.

A cohort of four (one correct, one untouched, one HTML file saved as the
notebook, one who submitted nothing), graded from the roster stored by
`workbook cohort init`; then the command lines that used to overwrite grades
(no roster, an export flag on `grade`) and the ones that must refuse before
any kernel starts (a misspelled district, an empty folder).
"""

from __future__ import annotations

import csv
import os
import shutil
from pathlib import Path

import pytest

from workbook.cli import main
from workbook.grading.gradebook import Gradebook
from workbook.grading.lms import CANVAS_ID_COLUMNS, POINTS_POSSIBLE
from workbook.roster import derive_seed

HERE = Path(__file__).parent
GRADING = HERE / "notebooks" / "grading"
HOSTILE = HERE / "notebooks" / "hostile"
NAME = "Z9-grading-fixture.ipynb"
ROSTER = (
    "candidate,name,email,district,seed,group\n"
    "ana,Ana Reyes,ana@example.org,sample-rural,,fall\n"
    "ben,Ben Okafor,ben@example.org,sample-urban,,fall\n"
    "cara,Cara Diaz,cara@example.org,sample-suburban,,spring\n"
    "dan,Dan Wu,dan@example.org,sample-rural,,\n"
)


def _grade(tmp: Path, *extra: str) -> list[str]:
    return ["grade", str(tmp / "submissions"), "--cohort-dir", str(tmp / "cohort"),
            "--notebooks", str(GRADING / "notebooks"), "--exercises", str(GRADING / "exercises"),
            "--gradebook", str(tmp / "gb.sqlite"), "--cell-timeout", "20", "--notebook-timeout", "90",
            "--no-progress", "--workers", "2", *extra]


@pytest.fixture
def cohort(tmp_path: Path) -> Path:
    (tmp_path / "roster.csv").write_text(ROSTER, encoding="utf-8")
    subs = tmp_path / "submissions"
    for who, kind in {"ana": "correct", "ben": "blank"}.items():
        (subs / who).mkdir(parents=True)
        shutil.copyfile(HOSTILE / f"{kind}.ipynb", subs / who / NAME)
    (subs / "cara").mkdir()
    (subs / "cara" / NAME).write_text("<!DOCTYPE html><html><body>my notebook</body></html>", encoding="utf-8")
    (subs / "zed").mkdir()  # a stray folder: nobody on the roster
    (subs / "notes.txt").write_text("a stray file", encoding="utf-8")
    return tmp_path


def _scores(book: Path) -> dict[str, tuple[str, float]]:
    with Gradebook(book) as gb:
        return {r["candidate"]: (r["status"], r["score"]) for r in gb.results()}


def test_cohort_graded_from_stored_roster_keeps_grades_against_rosterless_and_export_command_lines(
        cohort: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["cohort", "init", "--roster", str(cohort / "roster.csv"), "--cohort-dir", str(cohort / "cohort")]) == 0
    assert (cohort / "cohort" / "secret").stat().st_mode & 0o777 == 0o600
    assert (cohort / "cohort" / "roster.csv").read_text() == ROSTER
    capsys.readouterr()

    assert main(_grade(cohort)) == 0
    out, err = capsys.readouterr()
    assert "using the cohort's roster" in err
    assert "skipped (not graded): notes.txt, zed/" in out and out.count("zed/") == 1
    for label in ("not submitted", "not started", "invalid"):
        assert label in out, label
    assert _scores(cohort / "gb.sqlite") == {"ana": ("graded", 4.0), "ben": ("graded", 0.0),
                                              "cara": ("invalid", 0.0), "dan": ("missing", 0.0)}
    secret = (cohort / "cohort" / "secret").read_text().strip()
    with Gradebook(cohort / "gb.sqlite") as gb:
        stored = gb.stored_params("ana", "Z9-grading-fixture")
        assert "HTML, not a notebook" in gb.result("cara", "Z9-grading-fixture")["reason"]
    assert stored["district"] == "sample-rural" and stored["seed"] == derive_seed(secret, "ana")

    # The README's old line without a roster: nothing is overwritten, the exit status says so.
    assert main(_grade(cohort, "--no-roster")) == 1
    out = capsys.readouterr().out
    assert "kept:" in out and "--regrade ana" in out and "graded with district sample-rural" in out
    assert "skipped (not graded): notes.txt, zed/" in out, "without a roster a folder with no notebook is no candidate"
    assert _scores(cohort / "gb.sqlite")["ana"] == ("graded", 4.0)
    with Gradebook(cohort / "gb.sqlite") as gb:
        assert gb.stored_params("ana", "Z9-grading-fixture") == stored and gb.history() == []

    # An export flag on `grade` grades nothing and says where exporting went.
    assert main(_grade(cohort, "--export-excel", str(cohort / "g.xlsx"))) == 2
    assert "workbook gradebook export --excel" in capsys.readouterr().err
    assert not (cohort / "g.xlsx").exists()

    # An explicit regrade replaces ana's result; the earlier one stays in the history.
    assert main(_grade(cohort, "--regrade", "ana")) == 0
    with Gradebook(cohort / "gb.sqlite") as gb:
        assert [(h["candidate"], h["score"], h["params"]["seed"]) for h in gb.history()] == [("ana", 4.0, stored["seed"])]
    capsys.readouterr()
    assert main(["gradebook", "history", "--gradebook", str(cohort / "gb.sqlite")]) == 0
    assert f"ana Z9-grading-fixture: 4 / 4 (graded), graded" in capsys.readouterr().out
    assert main(["gradebook", "show", "--gradebook", str(cohort / "gb.sqlite")]) == 0
    shown = capsys.readouterr().out
    assert "not submitted" in shown and "not started" in shown and "invalid" in shown

    # Feedback without --roster shows each candidate's own parameters, from the gradebook.
    assert main(["review", "feedback", str(cohort / "submissions"), "-o", str(cohort / "fb"),
                 "--gradebook", str(cohort / "gb.sqlite"), "--cohort-dir", str(cohort / "cohort"),
                 "--notebooks", str(GRADING / "notebooks"), "--exercises", str(GRADING / "exercises")]) == 0
    page = (cohort / "fb" / "ana" / "Z9-grading-fixture.html").read_text(encoding="utf-8")
    assert str(stored["seed"]) in page and "sample-rural" in page and "2026" not in page.split("seed")[1][:40]

    # Exports read the gradebook: the plain CSV carries each result's district and seed.
    canvas = cohort / "out" / "canvas.csv"
    assert main(["gradebook", "export", "--gradebook", str(cohort / "gb.sqlite"), "--cohort-dir", str(cohort / "cohort"),
                 "--csv", str(cohort / "out" / "grades.csv"), "--canvas", str(canvas)]) == 0
    with (cohort / "out" / "grades.csv").open(encoding="utf-8") as fh:
        plain = {r["candidate"]: r for r in csv.DictReader(fh)}
    assert plain["ben"]["district"] == "sample-urban" and plain["ben"]["seed"] == str(derive_seed(secret, "ben"))
    _check_canvas_import(canvas, expected_ids=["ana", "ben", "cara", "dan"])


def _check_canvas_import(path: Path, expected_ids: list[str]) -> None:
    """Read the file back under Canvas's gradebook-import rules."""
    with path.open(newline="", encoding="utf-8") as fh:
        rows = list(csv.reader(fh))
    header, points, people = rows[0], rows[1], rows[2:]
    assert tuple(header[:5]) == CANVAS_ID_COLUMNS
    assignments = header[5:]
    assert assignments == ["Z9"] or all(a.startswith("Z9") for a in assignments)
    assert points[0].strip() == "Points Possible" and points[0] == POINTS_POSSIBLE and points[1:5] == ["", "", "", ""]
    possible = [float(p) for p in points[5:]]
    assert possible == [4.0]
    assert all(len(r) == len(header) for r in rows), "every row has one cell per column"
    ids = [r[2] for r in people]
    assert ids == expected_ids, "one row per roster candidate, identified by SIS User ID, and no stray rows"
    by_id = {r[2]: r for r in people}
    assert by_id["ana"][0] == "Ana Reyes" and by_id["ana"][3] == "ana@example.org" and by_id["ana"][4] == "fall"
    assert by_id["ana"][5] == "4" and by_id["dan"][5] == "" and by_id["ben"][5] == ""  # not submitted, not started: blank
    for r in people:
        assert r[5] == "" or 0 <= float(r[5]) <= possible[0]


def test_misspelled_district_and_bad_rows_are_named_before_any_kernel(cohort: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (cohort / "bad.csv").write_text(
        "candidate,name,email,district\n"
        "ana,Ana Reyes,ana@example.org,sample-rurall\n"
        "ben,Ben Okafor,ben-at-example,sample-urban\n"
        "cara,Cara Diaz,cara@example.org,districts/cara.yaml\n", encoding="utf-8")
    assert main(_grade(cohort, "--roster", str(cohort / "bad.csv"))) == 2
    err = capsys.readouterr().err
    assert "3 problems" in err
    assert "row 2, column district = 'sample-rurall' is not a sample district" in err and "did you mean sample-rural?" in err
    assert "row 3, column email = 'ben-at-example'" in err
    assert "row 4, column district = 'districts/cara.yaml': no such district file" in err
    assert not (cohort / "gb.sqlite").exists(), "nothing was graded"
    # The same check guards the hand-out.
    assert main(["cohort", "handout", "--roster", str(cohort / "bad.csv"), "--cohort-dir", str(cohort / "cohort"),
                 "--homes", str(cohort / "homes" / "{candidate}")]) == 2
    assert "did you mean sample-rural?" in capsys.readouterr().err and not (cohort / "homes").exists()


def test_grade_without_any_roster_refuses_and_says_how(cohort: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(_grade(cohort)) == 2
    err = capsys.readouterr().err
    assert "no roster: pass --roster roster.csv" in err and "workbook cohort init --roster roster.csv" in err
    assert "--no-roster" in err and not (cohort / "gb.sqlite").exists()


def test_empty_or_unmatched_submissions_exit_nonzero_with_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "roster.csv").write_text(ROSTER, encoding="utf-8")
    assert main(["cohort", "init", "--roster", str(tmp_path / "roster.csv"), "--cohort-dir", str(tmp_path / "cohort")]) == 0
    capsys.readouterr()
    (tmp_path / "submissions" / "someone-else").mkdir(parents=True)
    assert main(_grade(tmp_path, "--roster", str(tmp_path / "roster.csv"))) in (1, 2)
    err = capsys.readouterr().err
    assert "nothing to grade: no submission under" in err and len(err.strip().splitlines()) <= 2
    os.rmdir(tmp_path / "submissions" / "someone-else")
    assert main(_grade(tmp_path, "--no-roster")) in (1, 2)
    assert "nothing to grade" in capsys.readouterr().err


def test_handout_into_a_missing_home_says_what_to_do(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "roster.csv").write_text(ROSTER, encoding="utf-8")
    assert main(["cohort", "init", "--roster", str(tmp_path / "roster.csv"), "--cohort-dir", str(tmp_path / "cohort")]) == 0
    assert main(["cohort", "handout", "--cohort-dir", str(tmp_path / "cohort"), "--source", str(HERE / "hub" / "source"),
                 "--homes", str(tmp_path / "homes" / "{candidate}"), "--only", "ana"]) == 1
    err = capsys.readouterr().err
    assert "does not exist: create it for ana" in err and "--homes" in err and "Errno" not in err


@pytest.mark.parametrize("template", ["{home}", "/srv/homes", "/srv/{user}/x", "/srv/{candidate}/{0}", "/srv/{candidate"])
def test_homes_template_without_candidate_is_refused_before_anything_is_written(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], template: str) -> None:
    """A template that would put every candidate in one folder (or that does not parse) is refused, naming it."""
    (tmp_path / "roster.csv").write_text(ROSTER, encoding="utf-8")
    assert main(["cohort", "init", "--roster", str(tmp_path / "roster.csv"), "--cohort-dir", str(tmp_path / "cohort")]) == 0
    shared = tmp_path / "homes"
    shared.mkdir()
    for command in (["handout", "--source", str(HERE / "hub" / "source")], ["collect", "--out", str(tmp_path / "subs")]):
        code = main(["cohort", *command, "--cohort-dir", str(tmp_path / "cohort"), "--homes", template.replace("/srv", str(shared))])
        err = capsys.readouterr().err
        assert code == 2, err
        assert "--homes" in err and "{candidate}" in err and "Traceback" not in err
    assert list(shared.iterdir()) == [] and not (tmp_path / "subs").exists()


def test_gradebook_written_before_parameters_were_stored_opens_with_its_results(tmp_path: Path) -> None:
    import sqlite3

    old = tmp_path / "old.sqlite"
    with sqlite3.connect(old) as conn:
        conn.execute("CREATE TABLE results (candidate TEXT NOT NULL, notebook TEXT NOT NULL, principle TEXT NOT NULL, "
                     "status TEXT NOT NULL, reason TEXT NOT NULL, score REAL NOT NULL, possible REAL NOT NULL, "
                     "submission_sha256 TEXT, rubric_version TEXT NOT NULL, params_hash TEXT NOT NULL, "
                     "warnings TEXT NOT NULL, seconds REAL NOT NULL, graded_at TEXT NOT NULL, "
                     "PRIMARY KEY (candidate, notebook))")
        conn.execute("INSERT INTO results VALUES ('ana','L6-fiscal-management','L6','graded','',22,22,'ab','v1','p1','[]',1.0,'2026-11-01')")
    with Gradebook(old) as gb:
        [row] = gb.results()
        assert row["score"] == 22 and row["params"] == {}
        from workbook.grading.gradebook import Result

        gb.record(Result("ana", "L6-fiscal-management", "L6", "graded", "", 20.0, 22.0, "cd", "v1", "p2",
                         params={"district": "sample-rural", "seed": 5}))
        assert [h["score"] for h in gb.history("ana")] == [22.0]
        assert gb.stored_params("ana", "L6-fiscal-management") == {"district": "sample-rural", "seed": 5}
