"""Small command-line manners: a closed pipe (`| head`) ends quietly, paths print once, help is plain text."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from workbook.cli import main


def test_cli_output_into_a_closed_pipe_ends_without_traceback(tmp_path: Path) -> None:
    district = tmp_path / "d.yaml"
    assert main(["districts", "template", str(district)]) == 0
    read_end, write_end = os.pipe()
    os.close(read_end)  # like `| head` that has already exited
    try:
        proc = subprocess.run([sys.executable, "-m", "workbook.cli", "districts", "check", str(district)],
                              stdout=write_end, stderr=subprocess.PIPE, timeout=120, text=True)
    finally:
        os.close(write_end)
    assert "Traceback" not in proc.stderr and "BrokenPipeError" not in proc.stderr, proc.stderr
    assert proc.returncode != 0


def test_release_prints_its_folder_once(tmp_path: Path, capsys) -> None:
    assert main(["release", "--out", f"{tmp_path / 'rel'}/"]) == 0
    out = capsys.readouterr().out
    assert f"into {tmp_path / 'rel'}/" in out and "//" not in out.replace("file://", "")


def test_cohort_help_is_plain_text(capsys) -> None:
    try:
        main(["cohort", "--help"])
    except SystemExit:
        pass
    out = capsys.readouterr().out
    assert "``" not in out and "::" not in out and "workbook cohort init --roster roster.csv" in out
    assert "WORKBOOK_COHORT_SECRET" in out
