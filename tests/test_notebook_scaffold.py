"""`workbook notebooks new`: a new principle's skeleton (source, package, rubric) is a working principle at once.

Written into a CTO_WORKBOOK_PATH root, so the workbook's own folders stay untouched.
"""

from __future__ import annotations

import pytest

from notebook_runs import errors, execute, notebook_defaults, rubric_mismatches
from readings_text import readings_text, sections
from workbook.cli import main
from workbook.curriculum import principle
from workbook.rubric import load_rubric
from workbook.sources import differences


@pytest.fixture()
def root(tmp_path, monkeypatch):
    folder = tmp_path / "cohort-principles"
    folder.mkdir()
    monkeypatch.setenv("CTO_WORKBOOK_PATH", str(folder))
    return folder


def test_new_principle_skeleton_runs_and_matches_its_rubric(root, tmp_path, capsys):
    assert main(["notebooks", "new", "E1", "--root", str(root)]) == 0
    written = capsys.readouterr().out
    source = root / "notebooks" / "education" / "E1-student-centered-aspects.md"
    for path in (source, source.with_suffix(".ipynb"), root / "principles" / "e1" / "givens.py",
                 root / "exercises" / "E1.py", root / "exercises" / "hidden" / "E1.py"):
        assert str(path) in written and path.is_file(), path
    assert principle("E1").source_path == source and principle("E1").status == "available"
    assert differences(source) == []
    text = source.read_text(encoding="utf-8")
    assert "Run each cell with **Shift+Enter**" in text, "the shared how-to-use text is stamped in"

    nb = execute(source.with_suffix(".ipynb"), tmp_path, **{**notebook_defaults(source.with_suffix(".ipynb")), "district": "sample-urban"})
    params = {**notebook_defaults(source.with_suffix(".ipynb")), "district": "sample-urban"}
    assert errors(nb) == []
    assert rubric_mismatches(nb, load_rubric("E1", hidden=True), params) == []

    found = sections(readings_text("E1"))
    topics = [t[0].upper() + t[1:] for t in principle("E1").topics]
    assert list(found) == ["Learning outcomes", *topics, "Reflection prompts", "Sources"]
    assert [r.id for r in load_rubric("E1").reflections] == ["e1-reflect-first", "e1-reflect-second"]


def test_new_principle_never_overwrites(root, capsys):
    assert main(["notebooks", "new", "E2", "--root", str(root)]) == 0
    rubric = root / "exercises" / "E2.py"
    rubric.write_text("# the author's own rubric\n", encoding="utf-8")
    capsys.readouterr()
    assert main(["notebooks", "new", "E2", "--root", str(root)]) == 2
    assert "E2 already has" in capsys.readouterr().err
    assert rubric.read_text(encoding="utf-8") == "# the author's own rubric\n"


def test_new_principle_with_an_unknown_id_is_a_clear_error(root, capsys):
    assert main(["notebooks", "new", "E9", "--root", str(root)]) == 2
    assert "id = 'E9' is not allowed" in capsys.readouterr().err
    assert not any(root.iterdir())
