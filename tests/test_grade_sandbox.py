"""The kernel's sandbox: no network, a scrubbed environment, hidden folders, limits.

Each check runs a real kernel through the grader's executor. The control
cases (without the sandbox) show that the checks can fail.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from nbformat.v4 import new_code_cell, new_notebook

from workbook.grading.execute import Limits, execute_notebook

GRADING = Path(__file__).parent / "notebooks" / "grading"
HIDDEN = GRADING / "exercises" / "hidden"
LIMITS = Limits(cell_timeout=10, notebook_timeout=60, memory_mb=1536)


def _run(sources: list[str], *, sandbox: bool = True, hide: tuple = (HIDDEN,)) -> tuple[list[str], list[str]]:
    nb = new_notebook(cells=[new_code_cell("x = 0", metadata={"tags": ["parameters"]})] + [new_code_cell(s) for s in sources])
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    run = execute_notebook(nb, {"x": 1}, limits=LIMITS, hide=hide, sandbox=sandbox)
    assert run.status == "completed", run.reason
    texts = []
    ran = {c.source: c for c in run.notebook.cells if c.cell_type == "code"}
    for cell in (ran[s] for s in sources):
        texts.append("".join(o.get("text", "") or o.get("evalue", "") for o in cell.get("outputs", [])).strip())
    return texts, run.warnings


READ_HIDDEN = f"print(len(open({str(HIDDEN / 'Z9.py')!r}).read()))"


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="the full sandbox needs root")
def test_grade_sandbox_hides_rubric_blocks_network_scrubs_env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CTO_WORKBOOK_COHORT_SECRET", "grader-only-secret-value")
    texts, warnings = _run([
        READ_HIDDEN,
        f"import os; print(sorted(os.listdir({str(HIDDEN)!r})))",
        "import socket\ntry:\n    socket.create_connection(('127.0.0.1', 22), timeout=2); print('connected')\nexcept OSError as e:\n    print('blocked', type(e).__name__)",
        "import os; print(os.environ.get('CTO_WORKBOOK_COHORT_SECRET', 'absent'), os.getuid() != 0)",
        f"open({str(GRADING / 'exercises' / 'Z9.py')!r}, 'a')",
    ])
    assert warnings == []
    assert "No such file" in texts[0]
    assert texts[1] == "[]"
    assert texts[2].startswith("blocked")
    assert texts[3] == "absent True"
    assert "Permission denied" in texts[4] or "Read-only" in texts[4]


def test_grade_sandbox_control_without_sandbox_reads_everything(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CTO_WORKBOOK_COHORT_SECRET", "grader-only-secret-value")
    texts, _ = _run([READ_HIDDEN, "import os; print(os.environ.get('CTO_WORKBOOK_COHORT_SECRET', 'absent'))"], sandbox=False)
    assert texts[0].isdigit() and int(texts[0]) > 0
    assert texts[1] == "grader-only-secret-value"


def test_grade_sandbox_memory_limit_raises_memoryerror() -> None:
    texts, _ = _run(["hog = bytearray(8 * 2**30)", "print('still here')"])
    assert texts[0] == "" or "MemoryError" in texts[0] or texts[0] == "MemoryError"
    assert texts[1] == "still here"
