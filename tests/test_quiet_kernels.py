"""Kernels the workbook starts print no "running over TCP without encryption" warning.

The control run (plain papermill, no workbook options) shows the warning on this
machine, so the test proves the workbook's runs are quiet, not that the warning
went away by itself.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import nbformat

WARNING = "Kernel is running over TCP without encryption"

SCRIPT = """
import sys
from pathlib import Path
import papermill as pm
from workbook.demo import execute_notebook
from workbook.kernels import run_notebook
source, target, how = sys.argv[1:]
if how == "workbook":
    run_notebook(source, target)
elif how == "demo":
    execute_notebook(Path(source), Path(target), {})
else:
    pm.execute_notebook(source, target, kernel_name="python3", progress_bar=False)
"""


def _run(tmp_path: Path, how: str) -> str:
    source = tmp_path / "in.ipynb"
    nbformat.write(nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("print(6 * 7)")]), source)
    target = tmp_path / f"out-{how}.ipynb"
    done = subprocess.run([sys.executable, "-c", SCRIPT, str(source), str(target), how],
                          capture_output=True, text=True, timeout=300, check=True)
    assert nbformat.read(target, as_version=4).cells[0].outputs[0]["text"] == "42\n"
    return done.stdout + done.stderr


def test_workbook_papermill_run_prints_no_tcp_encryption_warning(tmp_path: Path) -> None:
    assert WARNING in _run(tmp_path, "plain"), "control: a plain papermill run shows the warning here"
    assert WARNING not in _run(tmp_path, "workbook")


def test_demo_kernel_prints_no_tcp_encryption_warning(tmp_path: Path) -> None:
    assert WARNING not in _run(tmp_path, "demo")
