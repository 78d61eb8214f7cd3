"""Hostile district files: alias bombs, self-reference, deep nesting, oversize files and
floods of keys give one plain message each, never a traceback, and cost nothing to refuse.
A district that cannot be read is read once per grading context, not once per check."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from workbook.cli import main
from workbook.district_files import MAX_FIELDS, check_district_file
from workbook.errors import WorkbookError
from workbook.rubric import Context, load_rubric, score_answers
from workbook.safe_yaml import MAX_BYTES, YAMLRefused, load_yaml

HOSTILE = Path(__file__).parent / "notebooks" / "districts" / "hostile"
ROOT = Path(__file__).parents[1]

EXPECTED = {
    "alias-bomb.yaml": "an anchor (&name) or alias (*name) at line 1, column 4",
    "self-reference.yaml": "an anchor (&name) or alias (*name) at line 1, column 5",
    "merge-keys.yaml": "an anchor (&name) or alias (*name) at line 1, column 11",
    "deep.yaml": "nested more than 20 levels deep at line 1, column 24",
    "deep-block.yaml": "nested more than 20 levels deep at line 20, column 20",
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_hostile_district_file_is_one_plain_message(name: str) -> None:
    assert check_district_file(HOSTILE / name) == [f"{name}: {EXPECTED[name]}" + (
        ": these are not allowed, write each value out in full" if "anchor" in EXPECTED[name]
        else ": a district file needs at most 3")]


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_hostile_district_file_check_command_exits_1(name: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["districts", "check", str(HOSTILE / name)]) == 1
    out = capsys.readouterr()
    assert EXPECTED[name] in out.out and "Traceback" not in out.out + out.err


def test_alias_bomb_check_in_a_real_process_has_no_traceback() -> None:
    run = subprocess.run([str(Path(sys.executable).parent / "workbook"), "districts", "check", str(HOSTILE / "alias-bomb.yaml")],
                         capture_output=True, text=True, timeout=300)
    assert run.returncode == 1, run
    assert "Traceback" not in run.stdout + run.stderr
    assert EXPECTED["alias-bomb.yaml"] in run.stdout


def test_plain_yaml_loader_would_have_taken_these_files(tmp_path: Path) -> None:
    # Control: the stock safe loader accepts the alias bomb (its expansion is what costs
    # gigabytes later) and fails on the deep file with a RecursionError, not a message.
    bomb = yaml.safe_load((HOSTILE / "alias-bomb.yaml").read_text())
    assert bomb["i"][0][0] is bomb["g"]
    with pytest.raises(RecursionError):
        yaml.safe_load((HOSTILE / "deep.yaml").read_text())


def test_oversize_district_file_refused_unread(tmp_path: Path) -> None:
    big = tmp_path / "big.yaml"
    with big.open("wb") as fh:  # sparse: 40 MB apparent, almost nothing on disk
        fh.truncate(40 * 2**20)
    [message] = check_district_file(big)
    assert message == f"big.yaml: the file is {40 * 2**20:,} bytes, over the limit of {MAX_BYTES:,} bytes for a district file"


def test_district_file_with_too_many_fields_refused(tmp_path: Path) -> None:
    many = tmp_path / "many.csv"
    many.write_text("field,value\n" + "".join(f"extra.k{i},{i}\n" for i in range(MAX_FIELDS + 1)))
    [message] = check_district_file(many)
    assert message.startswith(f"many.csv: the file has {MAX_FIELDS + 1:,} fields, over the limit of {MAX_FIELDS}")
    flood = tmp_path / "flood.yaml"
    flood.write_text("".join(f"k{i}: {i}\n" for i in range(3000)))
    [message] = check_district_file(flood)
    assert message == "flood.yaml: more than 5,000 values (reached at line 2500, column 8): too many for a data file"


def test_safe_yaml_reads_every_sample_district_like_the_stock_loader() -> None:
    for path in sorted((ROOT / "data" / "districts").glob("*.yaml")):
        text = path.read_text(encoding="utf-8")
        assert load_yaml(text) == yaml.safe_load(text)


def test_safe_yaml_refuses_aliases_even_when_harmless() -> None:
    with pytest.raises(YAMLRefused, match="anchor"):
        load_yaml("a: &x 1\nb: *x\n")


def test_district_read_once_per_context_when_it_fails(tmp_path: Path) -> None:
    """L6's checks all need the district: a bad file is opened once, and every check says why."""
    bomb = tmp_path / "mine.yaml"
    bomb.write_bytes((HOSTILE / "alias-bomb.yaml").read_bytes())
    opened: list[str] = []
    watching = [str(bomb)]

    def hook(event: str, args: tuple) -> None:
        if watching and event == "open" and args and args[0] == watching[0]:
            opened.append(event)

    sys.addaudithook(hook)  # audit hooks cannot be removed: this one goes quiet when the test ends
    rubric = load_rubric("L6", hidden=True)
    context = Context("L6", {"district": str(bomb), "seed": 1, "candidate": "x", "fiscal_year": "2026-27", "discount_rate": 0.03})
    answers = {e.id: 1.0 for e in rubric.exercises}
    outcomes = score_answers(rubric, answers, context)
    needing = [o for o in outcomes if o.status == "error"]
    assert len(needing) >= 2, outcomes
    assert all("anchor (&name) or alias (*name)" in o.reason for o in needing)
    assert len(opened) == 1
    with pytest.raises(WorkbookError):
        context.district
    assert len(opened) == 1
    watching.clear()
