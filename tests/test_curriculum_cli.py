"""``workbook curriculum`` on the command line."""

from __future__ import annotations

import json
import subprocess
import sys

from workbook.cli import main
from workbook.curriculum import PRINCIPLES

ALL_IDS = [p.id for p in PRINCIPLES]


def test_curriculum_cli_table_lists_all_sixteen_principles(capsys):
    assert main(["curriculum"]) == 0
    out = capsys.readouterr().out
    for p in PRINCIPLES:
        assert f"│ {p.id} │" in out
        assert p.notebook in out  # wide enough that no path folds
    assert "16 principles" in out


def test_curriculum_cli_strand_filter_shows_only_that_strand(capsys):
    assert main(["curriculum", "--strand", "leadership"]) == 0
    out = capsys.readouterr().out
    assert all(f"│ L{i} │" in out for i in range(1, 8))
    assert "│ T1 │" not in out and "│ E5 │" not in out


def test_curriculum_cli_json_parses_with_every_field(capsys):
    assert main(["curriculum", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [d["id"] for d in data] == ALL_IDS
    l6 = data[ALL_IDS.index("L6")]
    assert l6["notebook"] == "leadership/L6-fiscal-management.ipynb"
    assert l6["status"] in ("available", "planned")
    assert l6["topics"] == ["building a budget", "decision tools (TCO/ROI)"]
    assert 3 <= len(l6["outcomes"]) <= 5


def test_curriculum_cli_one_principle_shows_topics_tools_and_outcomes(capsys):
    assert main(["curriculum", "l6"]) == 0
    out = capsys.readouterr().out
    assert "L6 · Fiscal Management" in out
    assert "decision tools (TCO/ROI)" in out
    assert "TCO and ROI/NPV/IRR/payback calculators with sensitivity" in out
    assert "Learning outcomes" in out


def test_curriculum_cli_unknown_strand_is_a_message_not_a_traceback(capsys):
    assert main(["curriculum", "--strand", "finance"]) == 2
    captured = capsys.readouterr()
    assert "strand = 'finance' is not allowed" in captured.err
    assert "Traceback" not in captured.err


def test_curriculum_cli_unknown_principle_exits_2(capsys):
    assert main(["curriculum", "X9", "--json"]) == 2
    assert "T1, T2" in capsys.readouterr().err


def test_curriculum_cli_runs_as_a_process_and_prints_json():
    proc = subprocess.run(
        [sys.executable, "-m", "workbook.cli", "curriculum", "--json", "--strand", "E"],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    assert [d["id"] for d in json.loads(proc.stdout)] == ["E1", "E2", "E3", "E4", "E5"]
