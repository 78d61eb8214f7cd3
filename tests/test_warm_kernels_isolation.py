"""Warm forked kernels behave like fresh ipykernels for papermill, and share nothing between notebooks."""

from __future__ import annotations

import os
import signal
import time
from pathlib import Path
from typing import Any

import nbformat
import papermill as pm
import pytest
from nbclient.exceptions import DeadKernelError
from nbformat.v4 import new_code_cell, new_notebook

from workbook.grading.warm import WarmKernelPool, zygote_status
from workbook.grading.warm.kernelspec import KERNEL_NAME, ensure_kernelspec
from workbook.kernels import kernel_config

SECRET = "grader-only-value-7f3a"


def notebook(*sources: str, parameters: str = "x = 0") -> nbformat.NotebookNode:
    cells = [new_code_cell(parameters, metadata={"tags": ["parameters"]})]
    cells += [new_code_cell(s) for s in sources]
    meta = {"kernelspec": {"name": "python3", "language": "python", "display_name": "Python 3"}}
    return new_notebook(cells=cells, metadata=meta)


def run(tmp: Path, nb: nbformat.NotebookNode, **kw: Any) -> nbformat.NotebookNode:
    src, out = tmp / f"in-{time.monotonic_ns()}.ipynb", tmp / f"out-{time.monotonic_ns()}.ipynb"
    nbformat.write(nb, str(src))
    kw.setdefault("parameters", {})
    kw.setdefault("config", kernel_config())  # as every workbook run: encrypted, no plain-TCP warning
    return pm.execute_notebook(str(src), str(out), kernel_name=KERNEL_NAME, progress_bar=False, **kw)


def stdout(cell: Any) -> str:
    return "".join(o.get("text", "") for o in cell.outputs if o.output_type == "stream")


def children_of(pid: int) -> list[int]:
    found = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        found += [int(p) for p in (task / "children").read_text().split()]
    return found


def alive(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def zombies_of(pid: int) -> list[int]:
    dead = []
    for child in children_of(pid):
        try:
            if Path(f"/proc/{child}/stat").read_text().rsplit(")", 1)[1].split()[0] == "Z":
                dead.append(child)
        except OSError:
            pass
    return dead


@pytest.fixture(scope="module")
def pool(tmp_path_factory: pytest.TempPathFactory) -> Any:
    folder = tmp_path_factory.mktemp("zygote")
    os.chmod(folder, 0o700)
    os.environ["CTO_WORKBOOK_COHORT_SECRET"] = SECRET
    try:
        ensure_kernelspec()
        with WarmKernelPool(folder, idle_timeout=120) as held:
            yield held
    finally:
        os.environ.pop("CTO_WORKBOOK_COHORT_SECRET", None)


def test_warm_kernels_isolation_between_notebooks(pool: WarmKernelPool, tmp_path: Path) -> None:
    tamper = notebook(
        "import os, numpy as np, pandas as pd, matplotlib, matplotlib.pyplot as plt\n"
        "leftover = 42\n"
        "pd.DataFrame.sum = None\n"
        "np.pi = 3\n"
        "os.environ['WB_LEAK'] = '1'\n"
        "matplotlib.rcParams['lines.linewidth'] = 9\n"
        "fig = plt.figure(); plt.plot([1, 2])\n"
        "import sys; sys.modules['workbook_planted'] = object()\n"
        "print(os.getpid(), os.getppid())"
    )
    first = run(tmp_path, tamper)
    probe = notebook(
        "import os, sys, numpy as np, pandas as pd, matplotlib, matplotlib.pyplot as plt\n"
        "print('leftover' in globals(), pd.DataFrame.sum is None, np.pi, 'WB_LEAK' in os.environ,\n"
        "      matplotlib.rcParams['lines.linewidth'], plt.get_fignums(), 'workbook_planted' in sys.modules)\n"
        "print(os.getpid(), os.getppid())"
    )
    second = run(tmp_path, probe)
    assert stdout(second.cells[1]).splitlines()[0] == "False False 3.141592653589793 False 1.5 [] False"
    pid_a, parent_a = stdout(first.cells[1]).split()
    pid_b, parent_b = stdout(second.cells[1]).splitlines()[1].split()
    assert pid_a != pid_b, "each notebook must get its own kernel process"
    assert int(parent_a) == int(parent_b) == pool.pid, "both kernels are forks of the warm parent"


def test_warm_kernels_papermill_parameters_display_and_inline_png(pool: WarmKernelPool, tmp_path: Path) -> None:
    nb = notebook(
        "print(district, seed)",
        "from IPython.display import display, HTML\ndisplay(HTML('<b>shown</b>'))",
        "import matplotlib.pyplot as plt\nplt.plot([1, 3, 2])\nplt.show()",
        "import pandas as pd\npd.DataFrame({'cost': [1.5]})",
        parameters="district = 'x'\nseed = 1",
    )
    out = run(tmp_path, nb, parameters={"district": "sample-rural", "seed": 99})
    injected = [c for c in out.cells if "injected-parameters" in c.metadata.get("tags", [])]
    assert len(injected) == 1
    assert stdout(out.cells[2]) == "sample-rural 99\n"
    assert out.cells[3].outputs[0]["data"]["text/html"] == "<b>shown</b>"
    assert any("image/png" in o.get("data", {}) for o in out.cells[4].outputs), "inline matplotlib must give a PNG"
    assert "text/html" in out.cells[5].outputs[0]["data"]


def test_warm_kernels_fresh_random_state_and_no_rubric(pool: WarmKernelPool, tmp_path: Path) -> None:
    probe = notebook(
        "import sys, numpy as np\n"
        "import workbook.notebook.selfcheck as sc\n"
        "print(np.random.randint(0, 2**31), sc._public_rubric.cache_info().currsize)\n"
        "print('pandas' in sys.modules, [n for n, m in list(sys.modules.items()) if '/exercises/' in (getattr(m, '__file__', '') or '')])\n"
        f"print({SECRET!r} in open('/proc/self/environ', 'rb').read().decode('latin-1'), {SECRET!r} in str(__import__('os').environ))"
    )
    a, b = run(tmp_path, probe), run(tmp_path, probe)
    draw_a, cached = stdout(a.cells[1]).splitlines()[0].split()
    draw_b, _ = stdout(b.cells[1]).splitlines()[0].split()
    assert draw_a != draw_b, "numpy's global random state must be reseeded in each kernel"
    assert cached == "0", "the warm parent must not have loaded a rubric"
    # pandas is already imported (inherited); no rubric module. The parent's own environment
    # (/proc/self/environ) holds no grader secret; os.environ is what the grader passed,
    # as for a plain kernel (the grading sandbox scrubs it: see test_warm_kernels_grading).
    assert stdout(a.cells[1]).splitlines()[1:] == ["True []", "False True"]
    environ = Path(f"/proc/{pool.pid}/environ").read_bytes().decode("latin-1")
    assert SECRET not in environ, "the grader's environment must not reach the warm parent"


def test_warm_kernels_exit_is_a_dead_kernel_and_the_next_notebook_runs(pool: WarmKernelPool, tmp_path: Path) -> None:
    with pytest.raises(DeadKernelError):
        run(tmp_path, notebook("import os\nos._exit(1)", "print('not reached')"))
    after = run(tmp_path, notebook("print('still fine')"))
    assert stdout(after.cells[1]) == "still fine\n"
    deadline = time.monotonic() + 5
    while zombies_of(pool.pid) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert zombies_of(pool.pid) == []


def test_warm_kernels_cell_timeout_interrupts_and_goes_on(pool: WarmKernelPool, tmp_path: Path) -> None:
    from papermill.exceptions import PapermillExecutionError

    nb = notebook("import time\ntime.sleep(60)", "print('after')")
    src, target = tmp_path / "slow.ipynb", tmp_path / "slow-out.ipynb"
    nbformat.write(nb, str(src))
    with pytest.raises(PapermillExecutionError):
        pm.execute_notebook(str(src), str(target), kernel_name=KERNEL_NAME, progress_bar=False, config=kernel_config(),
                            execution_timeout=2, interrupt_on_timeout=True, allow_errors=True)
    out = nbformat.read(str(target), as_version=4)
    slow, after = (next(c for c in out.cells if c.source.startswith(start)) for start in ("import time", "print('after')"))
    errors = [o for o in slow.outputs if o.output_type == "error"]
    assert errors and errors[0].ename == "KeyboardInterrupt"
    assert stdout(after) == "after\n"


def test_warm_kernels_interrupt_restart_and_kill_from_outside(pool: WarmKernelPool) -> None:
    from jupyter_client.manager import KernelManager

    km = KernelManager(kernel_name=KERNEL_NAME, config=kernel_config())
    km.start_kernel()
    kc = km.client()
    kc.start_channels()
    try:
        kc.wait_for_ready(timeout=30)
        first_pid = km.provisioner.pid
        msg_id = kc.execute("while True: pass")
        time.sleep(0.5)
        km.interrupt_kernel()
        reply = kc.get_shell_msg(timeout=10)
        assert reply["parent_header"]["msg_id"] == msg_id
        assert reply["content"]["ename"] == "KeyboardInterrupt"
        km.restart_kernel(now=True)
        kc.wait_for_ready(timeout=30)
        assert km.provisioner.pid != first_pid
        assert km.is_alive()
        km.provisioner.send_signal  # noqa: B018 - the API exists
        os.kill(km.provisioner.pid, signal.SIGKILL)
        deadline = time.monotonic() + 5
        while km.is_alive() and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not km.is_alive()
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)


def test_warm_kernels_client_hangup_kills_its_kernel(pool: WarmKernelPool, tmp_path: Path) -> None:
    from workbook.grading.warm.client import spawn_kernel

    conn, pid = spawn_kernel(pool.folder, ["-f", str(tmp_path / "k.json")], {"PATH": "/usr/bin"}, str(tmp_path), None, (0, 1, 2))
    fd = os.pidfd_open(pid)
    try:
        conn.close()
        import select

        readable, _, _ = select.select([fd], [], [], 10)
        assert readable, "the kernel of a client that hung up must be killed"
    finally:
        os.close(fd)


def test_warm_kernels_stale_parent_is_replaced_and_exits(pool: WarmKernelPool, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from workbook.grading.warm import client

    old = pool.pid
    assert old is not None
    monkeypatch.setattr(client, "_local_fingerprint", lambda: "after-a-pip-install")
    # A run's parent (pinned) is kept by kernel launches and by anyone asking for a parent there ...
    out = run(tmp_path, notebook("import os\nprint(os.getppid())"))
    assert int(stdout(out.cells[1])) == old
    assert client.ensure_zygote(pool.folder, idle_timeout=120) == pool.folder and pool.pid == old
    # ... while a shared, on-demand parent with other code installed is replaced and exits.
    shared = tmp_path / "shared"
    monkeypatch.undo()
    client.ensure_zygote(shared, idle_timeout=120)
    first = zygote_status(shared)
    assert first is not None and not first["pinned"]
    monkeypatch.setattr(client, "_local_fingerprint", lambda: "after-a-pip-install")
    client.ensure_zygote(shared, idle_timeout=120)
    second = zygote_status(shared)
    assert second is not None and second["pid"] != first["pid"]
    client.stop_zygote(shared)
    deadline = time.monotonic() + 10
    while (alive(first["pid"]) or alive(second["pid"])) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not alive(first["pid"]) and not alive(second["pid"]), "a retired parent with no kernels exits"


def test_warm_kernels_pool_stop_leaves_no_process(tmp_path: Path) -> None:
    folder = tmp_path / "own-zygote"
    with WarmKernelPool(folder, idle_timeout=60) as own:
        parent = own.pid
        assert parent is not None
        out = run(tmp_path, notebook("import os\nprint(os.getppid())"))
        assert int(stdout(out.cells[1])) == parent
        assert children_of(parent) == [], "no kernel outlives its notebook"
    deadline = time.monotonic() + 10
    while alive(parent) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not alive(parent), "the parent exits when the pool stops"
    assert zygote_status(folder) is None
