"""The curriculum as data: counts, wording, ids, notebook paths, outcomes, status."""

from __future__ import annotations

import dataclasses
import re
import subprocess
import sys
from pathlib import Path

import pytest

import workbook.paths
from workbook import curriculum
from workbook.curriculum import PRINCIPLES, STRANDS, curriculum_table, principle, principles
from workbook.errors import InputError

# The program's own curriculum, kept beside the repository (../shared in CI).
CURRICULUM_MD = workbook.paths.repo_root().parent / "shared" / "curriculum.md"

# Hard-coded so the tests can fail even where curriculum.md is absent.
EXPECTED_TOPIC_COUNTS = {
    "T1": 5, "T2": 2, "T3": 3, "T4": 2,
    "E1": 4, "E2": 5, "E3": 2, "E4": 3, "E5": 7,
    "L1": 4, "L2": 7, "L3": 7, "L4": 8, "L5": 4, "L6": 2, "L7": 3,
}  # fmt: skip
EXPECTED_TITLES = {
    "T1": "Security Fundamentals", "T2": "Infrastructure", "T3": "Technology Services",
    "T4": "IT Knowledge", "E1": "Student Centered Aspects", "E2": "Staff Centered Aspects",
    "E3": "Educational Technology", "E4": "Assessment and Accountability",
    "E5": "Finance Centered Aspects", "L1": "Professional Development and Training",
    "L2": "Vision and Technology Planning", "L3": "Communications and Public Relations",
    "L4": "Personnel Management", "L5": "Organizational Management",
    "L6": "Fiscal Management", "L7": "Project Management",
}  # fmt: skip


def _parse_curriculum_md(text: str) -> tuple[dict[str, tuple[str, list[str]]], dict[str, list[str]]]:
    """Topic rows ``| id | title | topics |`` and tool rows ``| id | tools |``."""
    topics: dict[str, tuple[str, list[str]]] = {}
    tools: dict[str, list[str]] = {}
    for line in text.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if not cells or not re.fullmatch(r"[TEL]\d", cells[0]):
            continue
        if len(cells) == 3:
            topics[cells[0]] = (cells[1], [t.strip() for t in cells[2].split(";")])
        elif len(cells) == 2:
            tools[cells[0]] = [t.strip() for t in cells[1].split(";")]
    return topics, tools


def test_curriculum_has_sixteen_principles_in_order():
    ids = [p.id for p in PRINCIPLES]
    assert ids == list(EXPECTED_TOPIC_COUNTS)
    assert len(set(ids)) == 16


def test_curriculum_strands_have_four_five_and_seven_principles():
    assert [s.name for s in STRANDS] == ["Technology", "Education", "Leadership"]
    assert [len(principles(s.name)) for s in STRANDS] == [4, 5, 7]
    for s in STRANDS:
        assert all(p.strand == s.name and p.id.startswith(s.prefix) for p in principles(s.name))


def test_curriculum_titles_and_topic_counts_match_hard_coded_values():
    assert {p.id: p.title for p in PRINCIPLES} == EXPECTED_TITLES
    assert {p.id: len(p.topics) for p in PRINCIPLES} == EXPECTED_TOPIC_COUNTS
    assert principle("E1").topics[-1] == "local, community, state and federal requirements"
    assert principle("L6").topics == ("building a budget", "decision tools (TCO/ROI)")


@pytest.mark.skipif(not CURRICULUM_MD.is_file(), reason=f"{CURRICULUM_MD} not present")
def test_curriculum_topics_and_tools_match_curriculum_md_word_for_word():
    topics, tools = _parse_curriculum_md(CURRICULUM_MD.read_text(encoding="utf-8"))
    assert len(topics) == 16 and len(tools) == 16
    for p in PRINCIPLES:
        title, expected = topics[p.id]
        assert p.title == title
        assert list(p.topics) == expected, p.id
        assert list(p.tools) == tools[p.id], p.id


def test_curriculum_notebook_paths_are_unique_and_follow_the_naming_rule():
    notebooks = [p.notebook for p in PRINCIPLES]
    assert len(set(notebooks)) == 16
    assert len({p.notebook_path for p in PRINCIPLES}) == 16
    for p in PRINCIPLES:
        folder = p.strand.lower()
        slug = "-".join(re.findall(r"[a-z0-9]+", p.title.lower()))
        assert p.notebook == f"{folder}/{p.id}-{slug}.ipynb"
        assert p.notebook_path.is_absolute()
        assert p.notebook_path.parts[-2:] == (folder, f"{p.id}-{slug}.ipynb")
    assert principle("L6").notebook == "leadership/L6-fiscal-management.ipynb"
    assert principle("T1").notebook == "technology/T1-security-fundamentals.ipynb"


_STOP = {"with", "from", "into", "other", "that", "their", "each"}


def _stems(text: str) -> set[str]:
    return {w[:5] for w in re.findall(r"[a-z]+", text.lower()) if len(w) >= 4 and w not in _STOP}


@pytest.mark.parametrize("p", PRINCIPLES, ids=lambda p: p.id)
def test_curriculum_outcomes_are_measurable_and_address_every_topic(p):
    assert 3 <= len(p.outcomes) <= 5
    assert len(set(p.outcomes)) == len(p.outcomes)
    for outcome in p.outcomes:
        assert outcome.startswith("Candidates can "), outcome
        assert outcome.endswith("."), outcome
    covered = set().union(*(_stems(o) for o in p.outcomes))
    for topic in p.topics:
        missing = _stems(topic) - covered
        assert not missing, f"{p.id} topic {topic!r}: no outcome mentions {sorted(missing)}"


def test_curriculum_principles_are_frozen():
    with pytest.raises(dataclasses.FrozenInstanceError):
        principle("L6").title = "Budgets"  # type: ignore[misc]


def test_curriculum_principle_lookup_ignores_case_and_spaces():
    assert principle("l6") is principle("L6") is principle(" L6 ")


@pytest.mark.parametrize("bad", ["L8", "", "fiscal", 6, None])
def test_curriculum_unknown_principle_raises_input_error_listing_ids(bad):
    with pytest.raises(InputError) as info:
        principle(bad)  # type: ignore[arg-type]
    assert info.value.field == "id"
    assert "T1, T2, T3, T4, E1, E2, E3, E4, E5, L1, L2, L3, L4, L5, L6, L7" in str(info.value)


def test_curriculum_strand_filter_accepts_names_and_letters():
    assert principles() == PRINCIPLES
    assert principles("Leadership") == principles("leadership") == principles("l")
    with pytest.raises(InputError, match="strand = 'Finance'"):
        principles("Finance")


def test_curriculum_table_has_one_printable_row_per_principle():
    rows = curriculum_table()
    assert [r["id"] for r in rows] == list(EXPECTED_TOPIC_COUNTS)
    assert set(rows[0]) == {"id", "strand", "principle", "topics", "status", "notebook"}
    assert {r["id"]: r["topics"] for r in rows} == EXPECTED_TOPIC_COUNTS
    assert [r["id"] for r in curriculum_table("E")] == ["E1", "E2", "E3", "E4", "E5"]


def test_curriculum_status_follows_the_notebook_source(tmp_path, monkeypatch):
    monkeypatch.setattr(workbook.paths, "notebooks_dir", lambda: tmp_path)
    l6 = principle("L6")
    assert l6.notebook_path == (tmp_path / "leadership" / "L6-fiscal-management.ipynb").resolve()
    assert l6.source_path == (tmp_path / "leadership" / "L6-fiscal-management.md").resolve()
    assert l6.status == "planned"
    l6.source_path.parent.mkdir(parents=True)
    l6.source_path.write_text("---\njupytext: {}\n---\n", encoding="utf-8")
    assert l6.status == "available"
    l6.source_path.unlink()
    l6.notebook_path.write_text("{}", encoding="utf-8")
    assert l6.status == "available", "an installed candidate edition ships the .ipynb without its source"
    assert principle("L7").status == "planned"
    row = next(r for r in curriculum_table() if r["id"] == "L6")
    assert row["status"] == "available"
    assert l6.to_dict()["status"] == "available"


def test_curriculum_status_of_l6_in_this_checkout():
    on_disk = workbook.paths.notebooks_dir() / "leadership" / "L6-fiscal-management.md"
    assert principle("L6").status == ("available" if on_disk.is_file() else "planned")


def test_curriculum_import_stays_light():
    code = (
        "import sys, workbook.curriculum\n"
        "print(sorted(m for m in ('numpy', 'pandas', 'rich', 'pydantic', 'matplotlib')"
        " if m in sys.modules))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True,
        cwd=Path(curriculum.__file__).parents[1],
    )  # fmt: skip
    assert out.stdout.strip() == "[]"
