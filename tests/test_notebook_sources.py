"""Each notebook's MyST source (.md) and its generated .ipynb agree; the generator keeps ids stable.

The .md is the source of truth; ``make notebooks`` writes the .ipynb. A pair out
of sync (an .md edited without regenerating, an .ipynb edited by hand, a shared
text edited in one copy) fails here with the fix in the message.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import nbformat
import pytest

from workbook.curriculum import PRINCIPLES
from workbook.paths import notebooks_dir
from workbook.sources import CHECK_OUTPUT_TAG, build, differences, notebook_from_source, paired_notebook, source_paths

SOURCES = source_paths(notebooks_dir())


def test_every_available_principle_and_the_start_notebook_have_a_source():
    names = {p.relative_to(notebooks_dir()).as_posix() for p in SOURCES}
    assert "00-start-here.md" in names
    assert {p.source for p in PRINCIPLES if p.status == "available"} <= names
    assert len([p for p in PRINCIPLES if p.status == "available"]) >= 5


def test_every_ipynb_in_notebooks_has_its_source():
    generated = {paired_notebook(p) for p in SOURCES}
    orphans = [p for p in notebooks_dir().rglob("*.ipynb") if ".ipynb_checkpoints" not in p.parts and p not in generated]
    assert orphans == [], "every notebook is written from a .md source (docs/authoring.md)"


@pytest.mark.parametrize("source", SOURCES, ids=lambda p: p.stem)
def test_source_and_ipynb_are_in_sync(source):
    assert differences(source) == [], "run `make notebooks` to regenerate the .ipynb from the .md"


@pytest.mark.parametrize("source", SOURCES, ids=lambda p: p.stem)
def test_cell_ids_come_from_workbook_ids(source):
    nb = nbformat.read(paired_notebook(source), as_version=4)
    prefix = nb.metadata["workbook"]["principle"].lower()
    for i, cell in enumerate(nb.cells):
        wid = cell.metadata.get("workbook", {}).get("id")
        assert cell.id == (wid or f"{prefix}-cell-{i:02d}")
        assert not wid or wid.startswith(prefix + "-")


@pytest.mark.parametrize("source", SOURCES, ids=lambda p: p.stem)
def test_test_markers_are_cell_tags_not_comments(source):
    nb = nbformat.read(paired_notebook(source), as_version=4)
    assert not any("NBVAL" in c.source.upper() for c in nb.cells)
    checked = [c for c in nb.cells if CHECK_OUTPUT_TAG in c.metadata.get("tags", [])]
    assert all(c.outputs for c in checked)
    assert all(c.outputs == [] for c in nb.cells if c.cell_type == "code" and c not in checked)


def _copy_pair(tmp_path: Path, name: str = "technology/T1-security-fundamentals") -> Path:
    for suffix in (".md", ".ipynb"):
        target = tmp_path / "notebooks" / f"{name}{suffix}"
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(notebooks_dir() / f"{name}{suffix}", target)
    shutil.copytree(notebooks_dir() / "_shared", tmp_path / "notebooks" / "_shared")
    return tmp_path / "notebooks" / f"{name}.md"


def test_an_edit_to_the_md_alone_is_caught_and_build_fixes_it(tmp_path):
    source = _copy_pair(tmp_path)
    text = source.read_text(encoding="utf-8")
    source.write_text(text.replace("# Exercise 2 · The top risk", "# Exercise 2 · The risk at the top"), encoding="utf-8")
    found = differences(source)
    assert len(found) == 1 and "differs" in found[0]
    assert build([source]) == [paired_notebook(source)]
    assert differences(source) == []
    assert build([source]) == [], "a second build writes nothing"


def test_an_edited_ipynb_or_a_stray_output_is_caught(tmp_path):
    source = _copy_pair(tmp_path)
    target = paired_notebook(source)
    nb = nbformat.read(target, as_version=4)
    exercise = next(c for c in nb.cells if c.metadata.get("workbook", {}).get("id") == "t1-top-risk")
    exercise.outputs = [nbformat.v4.new_output("stream", name="stdout", text="R04\n")]
    exercise.execution_count = 3
    nbformat.write(nb, target)
    assert any("t1-top-risk" in line and "outputs" in line for line in differences(source))
    nb.cells[0].source += " (edited in the .ipynb)"
    nbformat.write(nb, target)
    assert any("cell 0 " in line for line in differences(source))


def test_a_cell_added_in_the_md_gets_a_stable_id(tmp_path):
    source = _copy_pair(tmp_path)
    text = source.read_text(encoding="utf-8")
    new_cells = '```{code-cell}\n---\nworkbook: {id: t1-extra, kind: exercise}\n---\nextra = 1\n```\n\nA new paragraph.\n\n+++\n\n'
    source.write_text(text.replace("```{code-cell}\n:tags: [parameters]", new_cells + "```{code-cell}\n:tags: [parameters]", 1), encoding="utf-8")
    build([source])
    written = [c.id for c in nbformat.read(paired_notebook(source), as_version=4).cells]
    assert written == [c.id for c in notebook_from_source(source)[0].cells], "ids depend on the .md alone"
    assert written[2:5] == ["t1-extra", "t1-cell-03", "t1-cell-04"]


def test_a_shared_text_edited_in_one_copy_is_caught_and_the_shared_file_wins(tmp_path):
    source = _copy_pair(tmp_path)
    text = source.read_text(encoding="utf-8")
    assert "<!-- shared: next-steps -->" in text
    edited = text.replace("save the notebook (Ctrl+S)", "save it")
    source.write_text(edited, encoding="utf-8")
    assert any("shared text (next-steps.md)" in line for line in differences(source))
    build([source])
    assert "save the notebook (Ctrl+S)" in source.read_text(encoding="utf-8")
    assert differences(source) == []


def test_a_shared_text_lives_once(tmp_path):
    shared = (notebooks_dir() / "_shared" / "next-steps.md").read_text(encoding="utf-8").strip()
    copies = [s for s in SOURCES if "<!-- shared: next-steps -->" in s.read_text(encoding="utf-8")]
    assert len(copies) >= 5
    for s in copies:
        nb = nbformat.read(paired_notebook(s), as_version=4)
        assert sum(c.source == f"<!-- shared: next-steps -->\n{shared}" for c in nb.cells) == 1


def test_notebooks_check_command_exits_1_until_build_fixes_the_pair(tmp_path, capsys):
    from workbook.cli import main

    source = _copy_pair(tmp_path)
    source.write_text(source.read_text(encoding="utf-8").replace("# Exercise 2 · The top risk", "# Exercise 2 · Top risk"), encoding="utf-8")
    assert main(["notebooks", "check", str(source)]) == 1
    assert "run make notebooks" in capsys.readouterr().out
    assert main(["notebooks", "build", str(source)]) == 0
    assert main(["notebooks", "check", str(source)]) == 0
    assert main(["notebooks", "check", str(tmp_path / "nope.md")]) == 2
    assert "expected an existing .md notebook source" in capsys.readouterr().err
