"""The kernel's sandbox: no network, a scrubbed environment, hidden folders, limits.

Each check runs a real kernel through the grader's executor. The control
cases (without the sandbox) show that the checks can fail.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest
from nbformat.v4 import new_code_cell, new_notebook

from workbook.grading.execute import Limits, execute_notebook

GRADING = Path(__file__).parent / "notebooks" / "grading"
HIDDEN = GRADING / "exercises" / "hidden"
LIMITS = Limits(cell_timeout=10, notebook_timeout=60, memory_mb=1536)


def _run(sources: list[str], *, sandbox: bool = True, hide: tuple = (HIDDEN,),
         exercises: Path | None = GRADING / "exercises") -> tuple[list[str], list[str]]:
    nb = new_notebook(cells=[new_code_cell("x = 0", metadata={"tags": ["parameters"]})] + [new_code_cell(s) for s in sources])
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    run = execute_notebook(nb, {"x": 1}, limits=LIMITS, hide=hide, sandbox=sandbox, exercises_dir=exercises)
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


def _session_child(marker: str) -> str:
    return (
        "import subprocess, sys\n"
        f"subprocess.Popen([sys.executable, '-c', 'import time; time.sleep(120)', {marker!r}], start_new_session=True,\n"
        "                 stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)\n"
        "print('started')"
    )


def _marked(marker: str) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        try:
            if entry.name.isdigit() and marker.encode() in (entry / "cmdline").read_bytes():
                found.append(int(entry.name))
        except OSError:
            continue
    return found


def test_grade_sandbox_session_child_control_outlives_an_unsandboxed_kernel() -> None:
    marker = f"cto-workbook-control-child-{os.getpid()}"
    try:
        texts, _ = _run([_session_child(marker)], sandbox=False)
        assert texts == ["started"]
        assert _marked(marker), "without the sandbox a child in its own session outlives the kernel"
    finally:
        for pid in _marked(marker):
            os.kill(pid, 9)


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="the full sandbox needs root")
def test_grade_sandbox_session_child_ends_with_the_kernel() -> None:
    marker = f"cto-workbook-sandboxed-child-{os.getpid()}"
    texts, warnings = _run([_session_child(marker)])
    assert texts == ["started"] and warnings == []
    assert _marked(marker) == [], "a child that left the kernel's session must end with the kernel"


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="the full sandbox needs root")
def test_grade_sandbox_kernel_sees_only_what_it_needs() -> None:
    import workbook
    from workbook.grading.kernel_uids import is_kernel_uid

    checkout = Path(workbook.__file__).resolve().parents[1]
    namespaces = {n: os.readlink(f"/proc/self/ns/{n}") for n in ("pid", "mnt", "ipc", "net", "uts")}
    texts, warnings = _run([
        f"import os; print(sorted(os.listdir({str(checkout)!r})))",
        "import os, resource; print(os.getuid(), os.getgid(), os.getpid(), resource.getrlimit(resource.RLIMIT_NPROC)[0])",
        "import os; print({n: os.readlink(f'/proc/self/ns/{n}') for n in ('pid', 'mnt', 'ipc', 'net', 'uts')})",
        "import os; print([os.statvfs(p).f_blocks * os.statvfs(p).f_frsize // 2**20 for p in ('/tmp', '/var/tmp', '/dev/shm', '.')])",
        "import os; print(len([p for p in os.listdir('/proc') if p.isdigit()]), sorted(os.listdir('/tmp')))",
        "import pwd, os\ntry:\n    pwd.getpwuid(os.getuid()); print('named')\nexcept KeyError:\n    print('no account')",
    ], exercises=None)
    assert warnings == []
    assert ".git" not in texts[0] and "exercises" not in texts[0] and "notebooks" not in texts[0] and "tests" not in texts[0]
    uid, gid, pid, nproc = (int(x) for x in texts[1].split())
    assert is_kernel_uid(uid) and gid == uid and pid == 1 and nproc == 64
    inside = eval(texts[2])  # noqa: S307 - a dict literal printed by the kernel in this test
    assert all(inside[n] != namespaces[n] for n in namespaces), (inside, namespaces)
    assert eval(texts[3]) == [64, 64, 64, 256]  # noqa: S307
    count, listing = texts[4].split(" ", 1)
    assert int(count) <= 3, texts[4]
    # The private /tmp holds the kernel's own folder, and only the way to the bound package when the
    # checkout itself lives under /tmp (as a CI clone may): nothing of the host's /tmp.
    bound = {Path(p).resolve().parts[2] for p in [str(checkout), sys.prefix, *sys.path]
             if p and Path(p).resolve().parts[1:2] == ("tmp",) and len(Path(p).resolve().parts) > 2}
    entries = eval(listing)  # noqa: S307 - a list literal printed by the kernel
    assert [e for e in entries if e.startswith("wbg-")] and set(entries) - bound == {e for e in entries if e.startswith("wbg-")}, texts[4]
    assert texts[5] == "no account"


def test_grade_sandbox_control_without_sandbox_sees_the_checkout() -> None:
    import workbook

    checkout = Path(workbook.__file__).resolve().parents[1]
    texts, _ = _run([f"import os; print(sorted(os.listdir({str(checkout)!r})))"], sandbox=False)
    assert "exercises" in texts[0] and "tests" in texts[0]
