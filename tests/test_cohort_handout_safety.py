"""Hand-out gives out only the released candidate edition, where `workbook release` writes it,
and treats a notebook as changed only when its cells changed."""

from __future__ import annotations

import re

import datetime as dt
import json
from pathlib import Path

import nbformat
import pytest

from workbook.cli import main
from workbook.cohort.handout import NotCandidateEdition, handout
from workbook.paths import notebooks_dir
from workbook.roster import parse_roster

SECRET = "test-cohort-secret-0123456789"
ROSTER = "candidate,name,email,district\nana-reyes,Ana Reyes,ana@example.org,sample-rural\n"
L6 = "leadership/L6-fiscal-management.ipynb"


@pytest.fixture
def place(tmp_path, monkeypatch):
    home = tmp_path / "home" / "ana-reyes"
    home.mkdir(parents=True)
    (tmp_path / "roster.csv").write_text(ROSTER, encoding="utf-8")
    cohort = tmp_path / "cohort"
    cohort.mkdir()
    (cohort / "secret").write_text(SECRET, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return {"root": tmp_path, "home": home, "homes": str(tmp_path / "home" / "{candidate}"),
            "entries": parse_roster(ROSTER)}


def _cli_handout(place, *extra: str) -> int:
    return main(["cohort", "handout", "--roster", "roster.csv", "--homes", place["homes"], *extra])


def test_handout_refuses_the_instructor_edition_naming_the_solution_cells(place, capsys):
    assert _cli_handout(place, "--source", str(notebooks_dir())) == 2
    err = capsys.readouterr().err
    assert re.search(r"\w+/[\w-]+\.ipynb, cell \d+ \(id [\w-]+\): tagged solution", err) and "workbook release" in err, err
    assert not (place["home"] / "cto-workbook").exists()


def test_handout_refuses_answer_cells_holding_code(place, tmp_path):
    """The demo's 'sample candidate' turns solutions into answer cells: still not handed out."""
    from workbook.demo import sample_candidate_notebook

    src = tmp_path / "filled"
    sample_candidate_notebook(notebooks_dir() / L6, src / L6)
    with pytest.raises(NotCandidateEdition, match="answer cell that holds code"):
        handout(place["entries"], src, SECRET, cohort_dir=tmp_path / "cohort", homes=place["homes"])


def test_handout_without_a_release_says_to_run_release_first(place, capsys):
    assert _cli_handout(place) == 2
    err = capsys.readouterr().err
    assert "release/notebooks" in err and "workbook release" in err


def test_handout_default_source_is_what_release_writes_with_no_nested_folder(place, capsys):
    assert main(["release"]) == 0
    assert _cli_handout(place) == 0
    workspace = place["home"] / "cto-workbook"
    assert (workspace / "00-start-here.ipynb").is_file() and (workspace / L6).is_file()
    assert not (workspace / "notebooks").exists() and not (workspace / "exercises").exists()
    # pointing at the release folder itself (README's older advice) lands the same way
    assert _cli_handout(place, "--source", "release") == 0
    assert not (workspace / "notebooks").exists()


def test_handout_opened_in_jupyterlab_is_not_a_change(place):
    """JupyterLab rewrites metadata (kernelspec, language_info) and may add outputs: not the candidate's edit."""
    assert main(["release"]) == 0
    kw = dict(cohort_dir=place["root"] / "cohort", homes=place["homes"])
    handout(place["entries"], None, SECRET, today=dt.date(2026, 11, 28), **kw)
    mine = place["home"] / "cto-workbook" / L6
    nb = json.loads(mine.read_text())
    nb["metadata"]["kernelspec"] = {"name": "python3", "display_name": "Python 3 (ipykernel)", "language": "python"}
    nb["metadata"]["language_info"] = {"name": "python", "version": "3.11.2"}
    code = next(c for c in nb["cells"] if c["cell_type"] == "code")
    code["outputs"] = [{"output_type": "stream", "name": "stdout", "text": "ran it\n"}]
    code["execution_count"] = 1
    mine.write_text(json.dumps(nb, indent=1))

    # new material: an erratum in the release
    released = Path("release/notebooks") / L6
    new = nbformat.read(released, as_version=4)
    new.cells.append(nbformat.v4.new_markdown_cell("Erratum: the 2026-27 rates were updated."))
    nbformat.write(new, released)
    results = {r.path: r.action for r in handout(place["entries"], None, SECRET, today=dt.date(2026, 11, 29), **kw)}
    assert results[L6] == "updated"
    assert "Erratum" in mine.read_text()
    assert not list(mine.parent.glob("*updated*"))

    # a real edit (a changed cell) is kept, and the next material lands beside it
    nb = json.loads(mine.read_text())
    refl = next(c for c in nb["cells"] if "reflection" in c["metadata"].get("tags", []))
    refl["source"] = "My district would phase the refresh over three years."
    mine.write_text(json.dumps(nb, indent=1))
    new.cells.append(nbformat.v4.new_markdown_cell("Second erratum."))
    nbformat.write(new, released)
    results = {r.path: r.action for r in handout(place["entries"], None, SECRET, today=dt.date(2026, 11, 30), **kw)}
    assert results["leadership/L6-fiscal-management (updated 2026-11-30).ipynb"] == "beside"
    assert "phase the refresh" in mine.read_text() and "Second erratum" not in mine.read_text()
