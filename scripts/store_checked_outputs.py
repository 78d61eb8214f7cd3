"""Authoring tool: execute notebooks and keep outputs only where nbval checks them.

    .venv/bin/python scripts/store_checked_outputs.py notebooks/leadership/L6-fiscal-management.ipynb

The committed notebooks carry no outputs except in cells whose source starts
with ``# NBVAL_CHECK_OUTPUT``: those outputs are what ``pytest --nbval-lax``
compares on every test run. Every other cell only has to run without error.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import nbformat

from workbook.kernels import run_notebook

MARK = "# NBVAL_CHECK_OUTPUT"


def store_checked_outputs(path: Path) -> int:
    with tempfile.TemporaryDirectory() as tmp:
        executed = Path(tmp) / path.name
        run_notebook(path, executed, cwd=str(path.parent))
        ran = {c.id: c for c in nbformat.read(str(executed), as_version=4).cells}
    nb = nbformat.read(str(path), as_version=4)
    kept = 0
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        checked = cell.source.startswith(MARK)
        cell.execution_count = 1 if checked else None
        cell.outputs = ran[cell.id].outputs if checked else []
        for out in cell.outputs:
            if "execution_count" in out:
                out["execution_count"] = 1
        kept += checked
    nbformat.write(nb, str(path))
    return kept


if __name__ == "__main__":
    for arg in sys.argv[1:]:
        print(f"{arg}: kept outputs of {store_checked_outputs(Path(arg))} checked cell(s)")
