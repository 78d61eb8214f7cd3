"""The wheel is what a candidate's environment gets: candidate edition, public rubrics, offline assets.

No notebook in it has a solution or instructor cell, no solution line of the
instructor edition appears in any file of it, and ``exercises/hidden/`` is not in it.
"""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import nbformat
import pytest

from workbook.grading.release import instructor_notebooks, is_placeholder

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> zipfile.ZipFile:
    from hatchling.builders.wheel import WheelBuilder

    out = tmp_path_factory.mktemp("wheel")
    [path] = list(WheelBuilder(str(ROOT)).build(directory=str(out), versions=["standard"]))
    return zipfile.ZipFile(path)


def _solution_lines() -> set[str]:
    """Code lines of the instructor's solution cells that the candidate edition does not have."""
    lines: set[str] = set()
    public: set[str] = set()
    for path in instructor_notebooks(ROOT / "notebooks").values():
        nb = nbformat.read(path, as_version=4)
        for cell in nb.cells:
            code = {ln.strip() for ln in cell.source.splitlines()
                    if len(ln.strip()) > 12 and not ln.strip().startswith("#")}
            if "solution" in cell.metadata.get("tags", []):
                lines |= code
            elif "instructor" not in cell.metadata.get("tags", []):
                public |= code  # a line a later worked example shows anyway
    return lines - public


def test_release_wheel_has_public_rubrics_and_no_hidden_checks(wheel) -> None:
    names = wheel.namelist()
    public = sorted(p.name for p in (ROOT / "exercises").glob("*.py"))
    hidden = sorted((ROOT / "exercises" / "hidden").glob("*.py"))
    assert hidden, "the repository has hidden checks, so this test can fail"
    assert [n for n in names if "hidden" in n.split("/")] == []
    assert sorted(n.rsplit("/", 1)[1] for n in names if n.startswith("workbook/_exercises/")) == public
    assert "workbook/grading/release.py" in names
    assert not [n for n in names if n.startswith(("tests/", "notebooks/", "exercises/"))]
    for name in names:
        if name.endswith(".py") and name.startswith("workbook/_exercises/"):
            assert "HIDDEN" not in wheel.read(name).decode(), name


def test_release_wheel_notebooks_are_the_candidate_edition(wheel) -> None:
    names = [n for n in wheel.namelist() if n.startswith("workbook/_notebooks/") and n.endswith(".ipynb")]
    instructor = instructor_notebooks(ROOT / "notebooks")
    assert len(names) == len(instructor), names
    answers = 0
    for name in names:
        nb = nbformat.reads(wheel.read(name).decode("utf-8"), as_version=4)
        assert nb.metadata["workbook"]["edition"] == "candidate", name
        for cell in nb.cells:
            tags = set(cell.metadata.get("tags", []))
            assert not tags & {"solution", "instructor"}, (name, cell.get("id"))
            if "answer" in tags and cell.cell_type == "code":
                answers += 1
                assert is_placeholder(cell.source), (name, cell.source[:200])
            if cell.cell_type == "code":
                assert cell.outputs == [], (name, cell.get("id"))
    assert answers > 0, "the notebooks have exercises, so this test can fail"


def test_release_wheel_holds_no_line_of_any_solution(wheel) -> None:
    solutions = _solution_lines()
    assert len(solutions) > 20, "the instructor edition has solutions, so this test can fail"
    shipped: set[str] = set()  # every line of every cell the wheel's notebooks hold, as a line of its own
    for name in wheel.namelist():
        if name.startswith("workbook/_notebooks/") and name.endswith(".ipynb"):
            nb = nbformat.reads(wheel.read(name).decode("utf-8", "replace"), as_version=4)
            shipped |= {ln.strip() for cell in nb.cells for ln in cell.source.splitlines()}
        elif name.startswith("workbook/_notebooks/"):
            shipped |= {ln.strip() for ln in wheel.read(name).decode("utf-8", "replace").splitlines()}
    assert sorted(solutions & shipped) == []


def test_release_wheel_carries_the_offline_browser_assets(wheel) -> None:
    names = set(wheel.namelist())
    for probe in ("mathjax/MathJax.js", "mathjax/config/TeX-AMS_CHTML-full.js", "requirejs/require.js",
                  "@jupyter-widgets/html-manager/dist/embed-amd.js", "reveal.js/dist/reveal.js",
                  "reveal.js/plugin/notes/notes.js"):
        assert f"workbook/_assets/{probe}" in names, probe
    pinned = json.loads((ROOT / "package-lock.json").read_text())["packages"]
    shipped = json.loads(wheel.read("workbook/_assets/mathjax/package.json"))
    assert shipped["version"] == pinned["node_modules/mathjax"]["version"]
