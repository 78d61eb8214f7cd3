"""The notebook contract: metadata and answer payloads round-trip, old notebooks upgrade, hostile metadata earns nothing."""

from __future__ import annotations

import json
import math

import nbformat
import pytest
from hypothesis import given
from hypothesis import strategies as st
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_output

from workbook.cli import main
from workbook.contract import (
    ANSWER_MIME,
    SCHEMA_VERSION,
    AnswerError,
    CellMeta,
    ContractError,
    NotebookContractError,
    NotebookMeta,
    cell_id,
    cell_meta,
    cell_tags,
    check_notebook,
    decode_answer,
    notebook_meta,
    upgrade_notebook,
)
from workbook.grading.extract import extract_answers
from workbook.grading.release import release, release_notebook
from workbook.grading.restore import restore_submission
from workbook.notebook.answers import encode_answer
from workbook.portfolio.preprocessors._common import cell_label, tags_of
from workbook.portfolio.workspace import notebook_state
from workbook.progress import cells_progress

HOSTILE_WORKBOOK = [
    ["l6-x", "exercise"],
    "l6-x",
    42,
    {"id": 7, "kind": "exercise"},
    {"id": "l6-x", "kind": "exam"},
    {"id": "L6 X; DROP", "kind": "exercise"},
    {"id": "x" * 10_000, "kind": "exercise"},
    {"id": "l6-x", "kind": "exercise", "points": 100},
    {"id": {"$ne": ""}, "kind": "exercise"},
    {"id": "l6-x", "kind": ["exercise"]},
    {"id": "l6-x", "kind": "exercise", "title": ["a"]},
]
HOSTILE_TAGS = ["solution", {"a": 1}, [["x"]], 3, None]


def _template() -> nbformat.NotebookNode:
    nb = new_notebook(cells=[
        new_markdown_cell("# Z9", id="z9-title"),
        new_code_cell("x = 2\nanswer('z9-a', x)", id="z9-a",
                      metadata={"tags": ["solution"], "workbook": {"id": "z9-a", "kind": "exercise"}}),
        new_markdown_cell("*Write your reflection here.*", id="z9-reflect",
                          metadata={"tags": ["reflection"], "workbook": {"id": "z9-reflect", "kind": "reflection", "title": "Why"}}),
    ])
    nb.metadata["workbook"] = {"schema_version": SCHEMA_VERSION, "principle": "Z9", "title": "Fixture"}
    return nb


def test_cell_and_notebook_metadata_round_trip_through_json():
    cell = CellMeta(id="l6-tco-5yr", kind="exercise", title="Five-year TCO", schema_version=1)
    assert CellMeta.model_validate(json.loads(cell.model_dump_json())) == cell
    meta = NotebookMeta(principle="L6", title="Fiscal", edition="candidate")
    assert NotebookMeta.model_validate(json.loads(meta.model_dump_json())) == meta
    nb = nbformat.reads(nbformat.writes(_template()), as_version=4)
    assert [cell_id(c) for c in nb.cells] == ["", "z9-a", "z9-reflect"]
    assert notebook_meta(nb).principle == "Z9" and check_notebook(nb) == []


@pytest.mark.parametrize("value", [2.5, 7, True, "text", None, [1.0, float("inf")], {"p": float("nan")}])
def test_answer_payload_round_trips_through_a_saved_notebook(value):
    """nbformat hands the grader dict subclasses, not dicts: the payload must still validate."""
    cell = new_code_cell("", outputs=[new_output("display_data", data={ANSWER_MIME: encode_answer("z9-a", value)})])
    nb = nbformat.reads(nbformat.writes(new_notebook(cells=[cell])), as_version=4)
    exercise, back = decode_answer(nb.cells[0].outputs[0].data[ANSWER_MIME])
    assert exercise == "z9-a"
    assert json.dumps(back, allow_nan=True) == json.dumps(value, allow_nan=True) or (
        isinstance(value, dict) and math.isnan(back["p"]))


def test_version_0_notebook_upgrades_and_releases_at_the_current_version(tmp_path):
    old = _template()
    del old.metadata["workbook"]["schema_version"]
    for cell in old.cells:
        cell.metadata.get("workbook", {}).pop("kind", None)  # version 0 left the kind to the tags
    assert check_notebook(old)  # as it stands it breaks the current contract...
    new = upgrade_notebook(old)
    assert check_notebook(new) == []  # ...and the upgrade mends it, from the tags
    assert [cell_meta(c).kind for c in new.cells if cell_meta(c)] == ["exercise", "reflection"]
    assert "schema_version" not in old.metadata["workbook"], "the upgrade changed its input"
    released = release_notebook(old)
    assert released.metadata["workbook"]["schema_version"] == SCHEMA_VERSION
    assert release_notebook(released) == released


def test_notebook_from_a_newer_workbook_is_refused_by_name():
    nb = _template()
    nb.metadata["workbook"]["schema_version"] = SCHEMA_VERSION + 1
    with pytest.raises(ContractError, match=rf"schema_version = {SCHEMA_VERSION + 1}: this workbook reads versions up to"):
        upgrade_notebook(nb)


@pytest.mark.parametrize("raw", HOSTILE_WORKBOOK, ids=range(len(HOSTILE_WORKBOOK)))
def test_hostile_cell_metadata_counts_as_none_everywhere(raw):
    # built from a dict: nbformat's constructors would refuse the tags, a file on disk need not
    cell = nbformat.from_dict({
        "cell_type": "code", "id": "forged", "source": "answer('z9-a', 99)", "execution_count": 1,
        "metadata": {"tags": HOSTILE_TAGS, "workbook": raw},
        "outputs": [new_output("display_data", data={ANSWER_MIME: encode_answer("z9-a", 99.0)})],
    })
    assert cell_meta(cell) is None and cell_id(cell) == ""
    assert cell_tags(cell) == ["solution"] and tags_of(cell) == {"solution"}
    assert cell_label(cell, 0) == "cell forged"
    # a forged exercise cell earns nothing: not counted by progress, not read by the grader
    nb = nbformat.from_dict({"cells": [cell], "metadata": {}, "nbformat": 4, "nbformat_minor": 5})
    assert cells_progress([json.loads(json.dumps(cell))]).exercises == 0
    notebook_state(nb)
    assert extract_answers(nb, ["z9-a"]).answers == {}
    # restored on the template, it is a cell the candidate added, not the exercise
    restored = restore_submission(nb, _template()).notebook
    assert [c.source for c in restored.cells if cell_id(c) == "z9-a"] == ["x = 2\nanswer('z9-a', x)"]


@pytest.mark.parametrize("raw", [["L6"], "L6", {"principle": 6}, {"principle": "L6", "schema_version": "1"}, {"edition": "mine"}])
def test_hostile_notebook_metadata_counts_as_none(raw):
    nb = _template()
    nb.metadata["workbook"] = raw
    assert notebook_meta(nb) is None
    assert check_notebook(nb)


def test_release_refuses_an_instructor_notebook_that_breaks_the_contract_naming_each_problem(tmp_path, capsys):
    src = tmp_path / "notebooks"
    src.mkdir()
    nb = _template()
    nb.cells[1].metadata["workbook"] = {"id": "Z9 A", "kind": "exercise"}
    nb.cells[2].metadata["workbook"] = {"id": "z9-reflect", "kind": "essay"}
    nbformat.write(nb, src / "Z9-fixture.ipynb")
    with pytest.raises(NotebookContractError) as info:
        release(tmp_path / "out", notebooks=src, exercises=tmp_path)
    assert info.value.problems == [
        "Z9-fixture.ipynb: cell 2: metadata.workbook.id = 'Z9 A': must be a lower-case id like 'l6-tco-5yr' "
        "(letters, digits and dashes, at most 64 characters)",
        "Z9-fixture.ipynb: cell 3: metadata.workbook.kind = 'essay': must be one of exercise, reflection, artifact",
    ]
    assert not (tmp_path / "out").exists()
    assert main(["release", "--notebooks", str(src), "--exercises", str(tmp_path), "--out", str(tmp_path / "out")]) == 2
    err = capsys.readouterr().err
    assert "metadata.workbook.kind = 'essay'" in err and "Traceback" not in err


def test_duplicate_ids_in_an_instructor_notebook_are_a_problem():
    nb = _template()
    nb.cells[2].metadata["workbook"] = {"id": "z9-a", "kind": "reflection"}
    assert check_notebook(nb) == ["cell 3: metadata.workbook.id = 'z9-a': must be unique (cell 2 has it already)"]


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner, max_size=3),
    max_leaves=8,
)


@given(st.dictionaries(st.sampled_from(["schema_version", "exercise", "kind", "value", "extra"]), json_values)
       | st.fixed_dictionaries({"schema_version": st.just(1), "exercise": st.text(max_size=5),
                                "kind": st.sampled_from(["number", "integer", "table", "series", "list", "none"]),
                                "value": json_values}))
def test_any_json_payload_decodes_or_raises_answer_error_only(payload):
    try:
        decode_answer(payload)
    except AnswerError:
        pass
