"""`workbook notebooks new`: a new principle's skeleton (source, package, rubric) is a working principle at once.

Written into a CTO_WORKBOOK_PATH root, so the workbook's own folders stay untouched.
"""

from __future__ import annotations

import pytest

from notebook_runs import errors, execute, notebook_defaults, rubric_mismatches
from readings_text import readings_text, sections
from workbook.cli import main
from workbook.curriculum import PRINCIPLES, principle
from workbook.rubric import load_rubric
from workbook.sources import differences

# A principle the workbook has not written yet (the skeleton goes into an extra root beside it).
PLANNED = [p.id for p in PRINCIPLES if p.status == "planned"]
needs_planned = pytest.mark.skipif(not PLANNED, reason="every principle has a notebook: nothing left to scaffold")


@pytest.fixture()
def root(tmp_path, monkeypatch):
    folder = tmp_path / "cohort-principles"
    folder.mkdir()
    monkeypatch.setenv("CTO_WORKBOOK_PATH", str(folder))
    return folder


@needs_planned
def test_new_principle_skeleton_runs_and_matches_its_rubric(root, tmp_path, capsys):
    pid = PLANNED[0]
    planned = principle(pid)
    assert main(["notebooks", "new", pid, "--root", str(root)]) == 0
    written = capsys.readouterr().out
    source = root / "notebooks" / planned.source_path.parent.name / planned.source_path.name
    for path in (source, source.with_suffix(".ipynb"), root / "principles" / pid.lower() / "givens.py",
                 root / "exercises" / f"{pid}.py", root / "exercises" / "hidden" / f"{pid}.py"):
        assert str(path) in written and path.is_file(), path
    assert principle(pid).source_path == source and principle(pid).status == "available"
    assert differences(source) == []
    text = source.read_text(encoding="utf-8")
    assert "Run each cell with **Shift+Enter**" in text, "the shared how-to-use text is stamped in"

    nb = execute(source.with_suffix(".ipynb"), tmp_path, **{**notebook_defaults(source.with_suffix(".ipynb")), "district": "sample-urban"})
    params = {**notebook_defaults(source.with_suffix(".ipynb")), "district": "sample-urban"}
    assert errors(nb) == []
    assert rubric_mismatches(nb, load_rubric(pid, hidden=True), params) == []

    found = sections(readings_text(pid))
    topics = [t[0].upper() + t[1:] for t in principle(pid).topics]
    assert list(found) == ["Learning outcomes", *topics, "Reflection prompts", "Sources"]
    assert [r.id for r in load_rubric(pid).reflections] == [f"{pid.lower()}-reflect-first", f"{pid.lower()}-reflect-second"]


def test_new_principle_never_overwrites(root, capsys):
    pid = (PLANNED or [PRINCIPLES[-1].id])[-1]  # into an empty root: a cohort's own copy when none is planned
    assert main(["notebooks", "new", pid, "--root", str(root)]) == 0
    rubric = root / "exercises" / f"{pid}.py"
    rubric.write_text("# the author's own rubric\n", encoding="utf-8")
    capsys.readouterr()
    assert main(["notebooks", "new", pid, "--root", str(root)]) == 2
    assert f"{pid} already has" in capsys.readouterr().err
    assert rubric.read_text(encoding="utf-8") == "# the author's own rubric\n"


def test_new_principle_with_an_unknown_id_is_a_clear_error(root, capsys):
    assert main(["notebooks", "new", "E9", "--root", str(root)]) == 2
    assert "id = 'E9' is not allowed" in capsys.readouterr().err
    assert not any(root.iterdir())
