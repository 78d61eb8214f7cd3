"""The warm parent imports what the notebooks import: a grading kernel imports nothing heavy of its own.

Every module a notebook imports after the fork is imported again in every
kernel (once per submission). E3 once imported 368 modules of scipy in each
kernel (0.39 s of CPU a submission) because a calculator imported
``scipy.optimize`` on first use. This runs every available principle's
notebook, as a grading kernel would (rendering off), in a fresh interpreter
that has done only the parent's warm-up, and lists what each imported.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

from workbook.curriculum import principles

#: What a notebook may still import after the fork: its own rubric (never in the parent), and what
#: an in-process IPython shell imports where a real kernel has already imported it at start-up.
ALLOWED_PREFIXES = ("_workbook_rubric_", "matplotlib_inline", "IPython.core.pylabtools", "IPython.core.logger", "encodings.")

SCRIPT = r"""
import contextlib, io, json, os, sys
from workbook.grading.warm.preload import warm_up
warm_up(lambda text: None)
import papermill
from IPython.core.interactiveshell import InteractiveShell
from workbook.curriculum import principles
shell = InteractiveShell.instance()
found = {}
for p in principles():
    if p.status != "available" or not p.notebook_path.is_file():
        continue
    nb = papermill.parameterize.parameterize_notebook(papermill.iorw.load_notebook_node(str(p.notebook_path)),
                                                      {"district": "sample-suburban", "seed": 11})
    before = set(sys.modules)
    with contextlib.redirect_stdout(io.StringIO()):
        for cell in nb.cells:
            if cell.cell_type == "code":
                shell.run_cell(cell.source, store_history=False)
    found[p.id] = sorted(set(sys.modules) - before)
sys.__stdout__.write("RESULT " + json.dumps(found) + "\n")
"""


def test_grading_kernels_import_nothing_the_parent_could_have(tmp_path):
    env = {**os.environ, "CTO_WORKBOOK_RENDER": "0", "MPLBACKEND": "module://matplotlib_inline.backend_inline",
           "HOME": str(tmp_path)}
    run = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True, env=env, cwd=tmp_path, timeout=600)
    lines = [line for line in run.stdout.splitlines() if line.startswith("RESULT ")]
    assert run.returncode == 0 and lines, run.stderr[-3000:]
    found = json.loads(lines[-1][len("RESULT "):])
    available = {p.id for p in principles() if p.status == "available" and p.notebook_path.is_file()}
    assert set(found) == available
    extra = {pid: [m for m in mods if not m.startswith(ALLOWED_PREFIXES)] for pid, mods in found.items()}
    assert not any(extra.values()), (
        "modules imported in every grading kernel; add them to workbook/grading/warm/preload.py: "
        + json.dumps({k: v for k, v in extra.items() if v}))
