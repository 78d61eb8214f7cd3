"""`workbook release`: placeholders, no outputs, no instructor cells, public rubrics only, idempotent."""

from __future__ import annotations

import hashlib
from pathlib import Path

import nbformat

from workbook.cli import main
from workbook.grading.release import is_placeholder, release_notebook

ROOT = Path(__file__).resolve().parents[1]
GRADING = Path(__file__).parent / "notebooks" / "grading"
Z9 = GRADING / "notebooks" / "technology" / "Z9-grading-fixture.ipynb"


def _tree(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.rglob("*")) if p.is_file()}


def _release(out: Path, capsys=None) -> int:
    return main(["release", "--out", str(out), "--notebooks", str(GRADING / "notebooks"), "--exercises", str(GRADING / "exercises")])


def test_release_fixture_candidate_edition(tmp_path: Path) -> None:
    assert _release(tmp_path / "rel") == 0
    nb = nbformat.read(tmp_path / "rel" / "notebooks" / "technology" / "Z9-grading-fixture.ipynb", as_version=4)
    instructor = nbformat.read(Z9, as_version=4)
    assert nb.metadata["workbook"]["schema_version"] == 1
    by_id = {c["id"]: c for c in nb.cells}
    assert "z9-cell-07" not in by_id, "instructor cells are removed"
    for wid in ("z9-total", "z9-double"):
        src = by_id[wid].source
        assert is_placeholder(src) and f'answer("{wid}", ...)' in src and "NotImplementedError" not in src
        assert "seed % 7" not in src
    assert by_id["z9-total"].source.startswith("# Exercise 1: compute the total and record it.")
    assert all(c.get("outputs", []) == [] and c.get("execution_count") is None for c in nb.cells if c.cell_type == "code")
    assert by_id["z9-cell-08"].metadata["editable"] is False and "editable" not in by_id["z9-total"].metadata
    assert by_id["z9-reflect"].source == {c["id"]: c for c in instructor.cells}["z9-reflect"].source
    assert sorted(p.name for p in (tmp_path / "rel" / "exercises").rglob("*")) == ["Z9.py"]


def test_release_twice_same_bytes_and_release_of_release_unchanged(tmp_path: Path) -> None:
    _release(tmp_path / "a")
    first = _tree(tmp_path / "a")
    _release(tmp_path / "a")
    assert _tree(tmp_path / "a") == first
    released = nbformat.read(tmp_path / "a" / "notebooks" / "technology" / "Z9-grading-fixture.ipynb", as_version=4)
    assert nbformat.writes(release_notebook(released)) == nbformat.writes(released)


def test_release_never_copies_hidden_even_if_planted(tmp_path: Path) -> None:
    planted = tmp_path / "rel" / "exercises" / "hidden"
    planted.mkdir(parents=True)
    (planted / "Z9.py").write_text("HIDDEN = []\n")
    _release(tmp_path / "rel")
    assert not planted.exists()


def test_release_repository_notebooks(tmp_path: Path, capsys) -> None:
    assert main(["release", "--out", str(tmp_path / "rel")]) == 0
    out = tmp_path / "rel"
    notebooks = sorted(out.rglob("*.ipynb"))
    assert notebooks, capsys.readouterr().out
    assert not (out / "exercises" / "hidden").exists()
    for path in notebooks:
        nb = nbformat.read(path, as_version=4)
        for cell in nb.cells:
            tags = cell.metadata.get("tags", [])
            assert "instructor" not in tags
            if "answer" in tags:
                assert "solution" not in tags
                assert is_placeholder(cell.source), (path.name, cell["id"])
    hidden_rubrics = {p.name for p in (ROOT / "exercises" / "hidden").glob("*.py")}
    assert hidden_rubrics, "the repository has hidden checks"
    assert all(not p.read_text().count("HIDDEN =") for p in (out / "exercises").glob("*.py"))


def test_released_notebooks_carry_no_test_markers_nor_authoring_markup(tmp_path: Path) -> None:
    assert main(["release", "--out", str(tmp_path / "rel")]) == 0
    released = sorted((tmp_path / "rel" / "notebooks").rglob("*.ipynb"))
    assert len(released) >= 6
    instructor_tags = set()
    for path in released:
        nb = nbformat.read(path, as_version=4)
        assert "jupytext" not in nb.metadata, "a candidate's notebook is not paired with a .md source"
        for cell in nb.cells:
            tags = cell.metadata.get("tags", [])
            assert not any(t.startswith("nbval") for t in tags), (path.name, cell.id)
            assert "NBVAL" not in cell.source.upper() and "<!-- shared:" not in cell.source, (path.name, cell.id)
    for path in (ROOT / "notebooks").rglob("*.ipynb"):
        instructor_tags |= {t for c in nbformat.read(path, as_version=4).cells for t in c.metadata.get("tags", [])}
    assert "nbval-check-output" in instructor_tags, "the instructor edition has the markers the release removes"
