"""Files no tool can hold (100,000 levels of nesting, a lone surrogate, a 5,000-digit integer)
are `invalid` with a reason in `grade`, and every review command processes the rest of the
cohort and lists them instead of stopping."""

from __future__ import annotations

import csv
import json
import shutil
from pathlib import Path

import nbformat
import pytest

from workbook.cli import main
from workbook.grading.execute import Limits
from workbook.grading.gradebook import Gradebook
from workbook.grading.reader import parse_submission, read_submission
from workbook.grading.runner import grade_cohort, plan_jobs

HERE = Path(__file__).parent
GRADING = HERE / "notebooks" / "grading"
HOSTILE = HERE / "notebooks" / "hostile"
TEXTS = json.loads((HERE / "notebooks" / "feedback" / "reflections.json").read_text(encoding="utf-8"))
NAME = "Z9-grading-fixture.ipynb"
BAD = {
    "deep-nesting": "nests lists or objects thousands of levels deep",
    "lone-surrogate": "cell 7 contains a lone surrogate character (\\ud800)",
    "huge-integer": "holds a value that cannot be read: Exceeds the limit (4300 digits)",
}
OPTS = ["--notebooks", str(GRADING / "notebooks"), "--exercises", str(GRADING / "exercises")]


def test_hostile_fixtures_break_the_stock_tools() -> None:
    """Control: without the reader's checks these files crash json, nbformat or the UTF-8 writer."""
    with pytest.raises(RecursionError):
        json.loads((HOSTILE / "deep-nesting.ipynb").read_text())
    nb = nbformat.reads((HOSTILE / "lone-surrogate.ipynb").read_text(), as_version=4)
    with pytest.raises(UnicodeEncodeError):
        nbformat.writes(nb).encode("utf-8")
    with pytest.raises(ValueError, match="4300 digits"):
        json.loads((HOSTILE / "huge-integer.ipynb").read_text())


@pytest.mark.parametrize("name", sorted(BAD))
def test_reader_marks_unloadable_file_invalid(name: str) -> None:
    read = read_submission(HOSTILE / f"{name}.ipynb")
    assert read.status == "invalid" and BAD[name] in read.reason
    assert read.sha256 and read.notebook is None


def test_reader_limits_depth_below_what_json_can_parse() -> None:
    nb = json.loads((HOSTILE / "correct.ipynb").read_text())
    nested: list = []
    for _ in range(500):
        nested = [nested]
    nb["cells"][2]["outputs"] = [{"output_type": "display_data", "metadata": {}, "data": {"application/json": {"x": nested}}}]
    read = parse_submission(json.dumps(nb).encode())
    assert read.status == "invalid"
    assert read.reason == "cell 3 nests lists or objects more than 100 levels deep: it was not saved by Jupyter"


def test_reader_accepts_an_escaped_surrogate_pair() -> None:
    nb = json.loads((HOSTILE / "correct.ipynb").read_text())
    nb["cells"][0]["source"] = "Emoji \ud83d\ude00 written escaped"
    read = parse_submission(json.dumps(nb, ensure_ascii=True).encode())
    assert read.status == "ok" and "\U0001F600" in read.notebook.cells[0].source


@pytest.fixture(scope="module")
def cohort(tmp_path_factory: pytest.TempPathFactory) -> dict:
    root = tmp_path_factory.mktemp("review-hostile")
    subs = root / "submissions"
    for candidate in ("cara", "dev", "ana"):
        nb = nbformat.read(HOSTILE / "correct.ipynb", as_version=4)
        for cell in nb.cells:
            if "reflection" in (cell.metadata.get("tags") or []):
                cell.source = TEXTS[candidate]
        (subs / candidate).mkdir(parents=True)
        nbformat.write(nb, subs / candidate / NAME)
    for name in BAD:
        (subs / name).mkdir()
        shutil.copyfile(HOSTILE / f"{name}.ipynb", subs / name / NAME)
    jobs, _ = plan_jobs(subs, notebooks=GRADING / "notebooks", exercises=GRADING / "exercises",
                        limits=Limits(cell_timeout=30, notebook_timeout=120))
    book = root / "gb.sqlite"
    summary = grade_cohort(jobs, book, workers=2, progress=False)
    with Gradebook(book) as gb:
        rows = {r["candidate"]: r for r in gb.results()}
    return {"root": root, "subs": subs, "book": book, "rows": rows, "summary": summary}


def test_grade_marks_unloadable_files_invalid_not_crashed(cohort: dict) -> None:
    rows = cohort["rows"]
    for name, reason in BAD.items():
        assert (rows[name]["status"], rows[name]["score"]) == ("invalid", 0), rows[name]
        assert reason in rows[name]["reason"]
    assert all(rows[c]["status"] == "graded" and rows[c]["score"] == 4 for c in ("cara", "dev", "ana"))


def _listed(out: str) -> None:
    assert "3 submission(s) could not be read; the rest were processed:" in out
    for name, reason in BAD.items():
        assert f"  {name}/Z9-grading-fixture: " in out and reason in out


def test_review_similarity_survives_and_lists_bad_files(cohort: dict, capsys: pytest.CaptureFixture[str]) -> None:
    out_dir = cohort["root"] / "similarity"
    assert main(["review", "similarity", str(cohort["subs"]), "-o", str(out_dir), *OPTS]) == 0
    out = capsys.readouterr().out
    _listed(out)
    with (out_dir / "similarity.csv").open(newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    flagged = {(r["item"], r["candidate_a"], r["candidate_b"]) for r in rows if r["flagged"] == "yes"}
    assert ("z9-reflect", "cara", "dev") in flagged  # the copied pair among the readable ones is still found
    assert not ({r["candidate_a"] for r in rows} | {r["candidate_b"] for r in rows}) & set(BAD)
    page = (out_dir / "similarity.html").read_text(encoding="utf-8")
    for name in BAD:
        assert name in page  # listed in the report as not compared


def test_review_feedback_survives_and_lists_bad_files(cohort: dict, capsys: pytest.CaptureFixture[str]) -> None:
    out_dir = cohort["root"] / "feedback"
    assert main(["review", "feedback", str(cohort["subs"]), "-o", str(out_dir), "--gradebook", str(cohort["book"]), *OPTS]) == 0
    out = capsys.readouterr().out
    assert "wrote 6 feedback page(s)" in out
    _listed(out)
    page = (out_dir / "lone-surrogate" / "Z9-grading-fixture.html").read_text(encoding="utf-8")
    assert "lone surrogate" in page and "\ud800" not in page


def test_review_reflections_export_survives_and_lists_bad_files(cohort: dict, capsys: pytest.CaptureFixture[str]) -> None:
    sheet = cohort["root"] / "scores.csv"
    assert main(["review", "reflections", "export", "--submissions", str(cohort["subs"]), "-o", str(sheet),
                 "--gradebook", str(cohort["book"]), *OPTS]) == 0
    _listed(capsys.readouterr().out)
    with sheet.open(newline="", encoding="utf-8-sig") as fh:
        rows = {r["candidate"]: r for r in csv.DictReader(fh)}
    assert set(rows) == {"cara", "dev", "ana", *BAD}
    assert rows["cara"]["words"] != "0"
    for name, reason in BAD.items():
        assert rows[name]["excerpt"].startswith("[invalid submission: ") and rows[name]["words"] == "0"
