"""Reflection scores through the CSV round trip: export, fill in, import with the grader's name;
a bad sheet stores nothing and names every bad row."""

from __future__ import annotations

import csv
import datetime as dt
import json
from pathlib import Path

import nbformat
import pytest

from workbook.cli import main
from workbook.grading.execute import Limits
from workbook.grading.gradebook import Gradebook
from workbook.grading.reflection_csv import CSV_COLUMNS, ReflectionCSVError, export_csv, import_csv
from workbook.grading.reflections import comment_bank, reflection_scores
from workbook.grading.runner import grade_cohort, plan_jobs

HERE = Path(__file__).parent
GRADING = HERE / "notebooks" / "grading"
HOSTILE = HERE / "notebooks" / "hostile"
TEXTS = json.loads((HERE / "notebooks" / "feedback" / "reflections.json").read_text(encoding="utf-8"))
NAME = "Z9-grading-fixture.ipynb"
EX = GRADING / "exercises"


@pytest.fixture(scope="module")
def graded(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A graded Z9 cohort of three (graded once for the module): submissions and gradebook."""
    root = tmp_path_factory.mktemp("reflections")
    subs = root / "submissions"
    for candidate in ("ana", "ben", "gus"):
        nb = nbformat.read(HOSTILE / "correct.ipynb", as_version=4)
        for cell in nb.cells:
            if "reflection" in (cell.metadata.get("tags") or []):
                cell.source = TEXTS[candidate]
        (subs / candidate).mkdir(parents=True)
        nbformat.write(nb, subs / candidate / NAME)
    jobs, _ = plan_jobs(subs, notebooks=GRADING / "notebooks", exercises=EX, limits=Limits(cell_timeout=30, notebook_timeout=120))
    grade_cohort(jobs, root / "gb.sqlite", workers=2, progress=False)
    return subs, root / "gb.sqlite"


def _book(graded: tuple[Path, Path], tmp_path: Path) -> Path:
    """A private copy of the module's gradebook, so each test starts with no reflection scores."""
    copy = tmp_path / "gb.sqlite"
    with Gradebook(graded[1]) as src:
        src.conn.execute("VACUUM INTO ?", (str(copy),))
    return copy


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(newline="", encoding="utf-8-sig") as fh:
        return list(csv.DictReader(fh))


def _write(path: Path, rows: list[dict[str, str]]) -> Path:
    with path.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=CSV_COLUMNS)
        writer.writeheader()
        writer.writerows(rows)
    return path


def test_reflection_scores_round_trip_stores_grader_and_time(graded: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    subs, _ = graded
    book = _book(graded, tmp_path)
    sheet = tmp_path / "scores.csv"
    common = ["--gradebook", str(book), "--exercises", str(EX)]
    assert main(["review", "reflections", "export", "--submissions", str(subs), "-o", str(sheet),
                 "--notebooks", str(GRADING / "notebooks"), *common]) == 0
    rows = _rows(sheet)
    assert [(r["candidate"], r["reflection"], r["criterion"]) for r in rows] == [
        ("ana", "z9-reflect", "clarity"), ("ben", "z9-reflect", "clarity"), ("gus", "z9-reflect", "clarity")]
    assert all(r["level"] == r["points"] == r["comment"] == "" for r in rows)
    by = {r["candidate"]: r for r in rows}
    assert by["ana"]["excerpt"] == " ".join(TEXTS["ana"].split()) and int(by["ana"]["words"]) > 50
    assert by["gus"]["excerpt"] == "[nothing written]"  # the template's own sentence is not the candidate's writing
    assert "missing = 0" in by["ana"]["levels"] and "clear = 2" in by["ana"]["levels"]

    by["ana"].update(level="clear", comment="Plain words and a clear ask.")
    by["gus"].update(level="missing", points="0")
    before = dt.datetime.now(dt.timezone.utc).replace(microsecond=0)
    assert main(["review", "reflections", "import", str(_write(sheet, rows)), "--grader", "dr-lee", *common]) == 0
    assert "stored 2 score(s)" in capsys.readouterr().out
    with Gradebook(book) as gb:
        stored = {s.candidate: s for s in reflection_scores(gb)}
        assert set(stored) == {"ana", "gus"}  # ben's row was left empty: skipped
        ana = stored["ana"]
        assert (ana.level, ana.points, ana.possible, ana.grader, ana.source) == ("clear", 2.0, 2.0, "dr-lee", "csv:scores.csv")
        assert dt.datetime.fromisoformat(ana.scored_at) >= before
        assert comment_bank(gb, "z9-reflect", "clarity") == ["Plain words and a clear ask."]

    # The comment is offered again on the next export, and "#1" reuses it.
    again = tmp_path / "again.csv"
    with Gradebook(book) as gb:
        export_csv(gb, subs, again, notebooks=GRADING / "notebooks", exercises=EX)
        rows = _rows(again)
        by = {r["candidate"]: r for r in rows}
        assert by["ben"]["comments"] == "#1 Plain words and a clear ask."
        assert by["ana"]["scored"].startswith("clear (2) by dr-lee")
        by["ben"].update(level="clear", points="1.5", comment="#1")
        import_csv(gb, _write(again, rows), grader="ta-kim", exercises=EX)
        ben = next(s for s in reflection_scores(gb, "ben"))
        assert (ben.points, ben.comment, ben.grader) == (1.5, "Plain words and a clear ask.", "ta-kim")
        history = gb.conn.execute("SELECT COUNT(*) FROM reflection_score_history").fetchone()[0]
        assert history == 3


def test_reflection_scores_bad_sheet_stores_nothing_and_names_every_row(graded: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    subs, _ = graded
    book = _book(graded, tmp_path)
    base = {k: "" for k in CSV_COLUMNS} | {"notebook": "Z9-grading-fixture", "reflection": "z9-reflect", "criterion": "clarity"}
    rows = [
        base | {"candidate": "ana", "level": "clear"},                      # row 2: good
        base | {"candidate": "zed", "level": "clear"},                      # row 3: unknown candidate
        base | {"candidate": "ben", "criterion": "style", "level": "clear"},  # row 4: unknown criterion
        base | {"candidate": "ben", "level": "superb"},                     # row 5: not a level of the criterion
        base | {"candidate": "gus", "level": "clear", "points": "7"},       # row 6: points out of range
        base | {"candidate": "gus"},                                        # row 7: empty, skipped
    ]
    sheet = _write(tmp_path / "bad.csv", rows)
    with Gradebook(book) as gb:
        with pytest.raises(ReflectionCSVError) as caught:
            import_csv(gb, sheet, grader="dr-lee", exercises=EX)
        assert reflection_scores(gb) == []  # not even the good row
    problems = caught.value.problems
    assert len(problems) == 4
    assert problems[0].startswith("bad.csv, row 3, column candidate: 'zed' is not allowed")
    assert problems[1].startswith("bad.csv, row 4, column criterion: 'style' is not allowed: expected one of 'clarity'")
    assert problems[2] == "bad.csv, row 5, column level: 'superb' is not allowed: expected one of 'missing', 'clear'"
    assert problems[3] == "bad.csv, row 6, column points: '7' is not allowed: expected a number from 0 to 2"

    # The command prints every problem and exits 2; the gradebook is still untouched.
    assert main(["review", "reflections", "import", str(sheet), "--grader", "dr-lee", "--gradebook", str(book), "--exercises", str(EX)]) == 2
    err = capsys.readouterr().err
    assert "4 problems, nothing was stored" in err and all(f"row {n}," in err for n in (3, 4, 5, 6))
    with Gradebook(book) as gb:
        assert reflection_scores(gb) == []
