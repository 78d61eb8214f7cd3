"""A run owns its warm parent, and everything a grader started dies with it (issue 11, attacks 7 and 8)."""

from __future__ import annotations

import os
import secrets
import signal
import subprocess
import sys
import time
from pathlib import Path

import nbformat
import pytest
from nbformat.v4 import new_code_cell

from workbook.grading.kernel_uids import FIRST_UID, STATE_ENV
from workbook.grading.warm import WarmKernelPool, zygote_status
from workbook.grading.warm.protocol import DIR_ENV

HERE = Path(__file__).parent
GRADING = HERE / "notebooks" / "grading"
CORRECT = HERE / "notebooks" / "hostile" / "correct.ipynb"


def _parent_of_a_kernel() -> int:
    """Start a kernel the way a grading worker does and return its parent's pid."""
    from jupyter_client.manager import KernelManager

    from workbook.grading.warm.kernelspec import KERNEL_NAME

    km = KernelManager(kernel_name=KERNEL_NAME)
    km.start_kernel()
    try:
        return int(Path(f"/proc/{km.provisioner.pid}/stat").read_text().rsplit(")", 1)[1].split()[1])
    finally:
        km.shutdown_kernel(now=True)


def test_warm_kernels_ownership_two_runs_never_share_or_retire_each_others_parent(monkeypatch: pytest.MonkeyPatch) -> None:
    from workbook.grading.warm import client

    with WarmKernelPool(idle_timeout=60) as first:
        parent = first.pid
        assert parent is not None and oct(first.folder.stat().st_mode & 0o777) == "0o700"
        # A second run, started after the sources changed, gets a parent of its own ...
        monkeypatch.setattr(client, "_local_fingerprint", lambda: "edited-since-the-first-run")
        with WarmKernelPool(idle_timeout=60) as second:
            assert second.folder != first.folder and second.pid not in (None, parent)
            assert _parent_of_a_kernel() == second.pid
            # ... and asking for a parent in the first run's folder neither retires nor replaces it.
            assert client.ensure_zygote(first.folder) == first.folder
            assert first.pid == parent
            other = second.pid
        # The second run's end does not touch the first: its kernels still come from its own parent.
        assert os.environ[DIR_ENV] == str(first.folder)
        assert _parent_of_a_kernel() == parent
        assert zygote_status(second.folder) is None
    assert not Path(f"/proc/{other}").exists() or "Z" in Path(f"/proc/{other}/stat").read_text().rsplit(")", 1)[1].split()[0]
    assert not first.folder.exists(), "a run's private folder goes with it"


def _descendants(root: int) -> set[int]:
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                ppid = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(ppid, []).append(int(entry.name))
    found: set[int] = set()
    todo = [root]
    while todo:
        for child in children.get(todo.pop(), []):
            if child not in found:
                found.add(child)
                todo.append(child)
    return found


def _alive(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


GRADER = """
import sys
from workbook.grading.execute import Limits
from workbook.grading.runner import grade_cohort, plan_jobs
from workbook.grading.warm import WarmKernelPool

subs, book, notebooks, exercises = sys.argv[1:5]
with WarmKernelPool(idle_timeout=120) as pool:
    jobs, _ = plan_jobs(subs, notebooks=notebooks, exercises=exercises, kernel_name=pool.kernel_name,
                        limits=Limits(cell_timeout=120, notebook_timeout=240))
    grade_cohort(jobs, book, workers=2, progress=False)
"""


@pytest.mark.skipif(os.geteuid() != 0, reason="kernel uids need root (as in CI)")
def test_warm_kernels_ownership_kill_9_of_the_grader_leaves_nothing_behind(tmp_path: Path) -> None:
    nb = nbformat.read(str(CORRECT), as_version=4)
    nb.cells.insert(3, new_code_cell("import time\ntime.sleep(300)", id="extra-sleep"))
    for name in ("ana", "ben"):
        (tmp_path / "subs" / name).mkdir(parents=True)
        nbformat.write(nb, str(tmp_path / "subs" / name / "Z9-grading-fixture.ipynb"))
    offset = 100_000_000 + secrets.randbelow(90_000_000)
    state = tmp_path / "uids"
    state.write_text(f"{offset}\n")
    state.chmod(0o600)
    env = dict(os.environ, **{STATE_ENV: str(state)})
    grader = subprocess.Popen(
        [sys.executable, "-c", GRADER, str(tmp_path / "subs"), str(tmp_path / "book.sqlite"),
         str(GRADING / "notebooks"), str(GRADING / "exercises")],
        env=env, start_new_session=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    seen: set[int] = set()
    try:
        from workbook.grading.kernel_uids import processes_of

        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            kernels = processes_of(FIRST_UID + offset) + processes_of(FIRST_UID + offset + 1)
            seen = _descendants(grader.pid)
            if len(kernels) >= 2 and set(kernels) <= seen:
                break
            assert grader.poll() is None, "the grader ended before its kernels started"
            time.sleep(0.2)
        else:
            pytest.fail("the grader's two kernels did not start within 120 s")
        assert len(seen) >= 7, seen  # 2 workers, the resource tracker, the warm parent, 2 monitors, 2 kernels
        os.kill(grader.pid, signal.SIGKILL)
        grader.wait()
        deadline = time.monotonic() + 15
        while (left := sorted(p for p in seen if _alive(p))) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert left == [], [Path(f"/proc/{p}/cmdline").read_bytes()[:100] for p in left if _alive(p)]
    finally:
        for pid in seen | {grader.pid}:
            if _alive(pid):
                os.kill(pid, signal.SIGKILL)


def test_pool_workers_take_the_graders_environment_each_run(monkeypatch) -> None:
    """The fork server outlives a pool; a later run in the same process still grades with its own environment."""
    from workbook.grading.runner import _executor

    for value in ("first run", "second run"):
        monkeypatch.setenv("CTO_WORKBOOK_TEST_RUN", value)
        with _executor(1) as pool:
            assert pool.submit(os.getenv, "CTO_WORKBOOK_TEST_RUN").result(timeout=120) == value


def test_warm_kernels_ownership_a_run_stopped_while_its_parent_warms_up_leaves_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    """`workbook grade` launches the parent before it plans; a plan that fails stops a parent still warming up."""
    monkeypatch.delenv(DIR_ENV, raising=False)
    pool = WarmKernelPool().launch()
    process, folder = pool._process, pool.folder
    assert process is not None and process.poll() is None
    pool.stop()
    assert process.poll() is not None, "the parent is reaped"
    assert not folder.exists() and DIR_ENV not in os.environ
    pool.stop()  # a second stop (the run's `with` block, then its clean-up) is harmless

    with WarmKernelPool().launch() as pool:  # launched early, then waited for: one parent, serving
        assert zygote_status(pool.folder) is not None and os.environ[DIR_ENV] == str(pool.folder)
        assert _parent_of_a_kernel() == pool.pid
    assert DIR_ENV not in os.environ
