"""Warm kernels through the grading executor: the same sandbox, statuses and outputs as plain kernels."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from nbformat.v4 import new_code_cell, new_notebook

from workbook.grading.execute import Limits, execute_notebook
from workbook.grading.kernel_uids import is_kernel_uid
from workbook.grading.warm import WarmKernelPool
from workbook.grading.warm.kernelspec import KERNEL_NAME, ensure_kernelspec

PROBE = [
    "import os, resource, socket",
    "print(os.getuid(), sorted(os.environ))",
    "print(resource.getrlimit(resource.RLIMIT_AS)[0] // 2**20)",
    "try:\n    socket.create_connection(('192.0.2.1', 80), timeout=1)\n    print('network')\nexcept OSError:\n    print('no network')",
    "try:\n    print(open(HIDDEN).read())\nexcept OSError as e:\n    print('unreadable')",
    "try:\n    block = bytearray(3 * 2**30)\n    print('allocated')\nexcept MemoryError:\n    print('MemoryError')",
    "import matplotlib.pyplot as plt\nplt.plot([1, 2])\nplt.show()",
]


def notebook(*sources: str) -> Any:
    cells = [new_code_cell("HIDDEN = ''", metadata={"tags": ["parameters"]})] + [new_code_cell(s) for s in sources]
    return new_notebook(cells=cells, metadata={"kernelspec": {"name": "python3", "language": "python", "display_name": "Python 3"}})


def outputs(nb: Any) -> list[Any]:
    found = []
    for cell in nb.cells:
        tags = cell.metadata.get("tags", [])
        if cell.cell_type != "code" or "parameters" in tags or "injected-parameters" in tags:
            continue
        found.append(["".join(o.get("text", "")) or sorted(o.get("data", {})) for o in cell.get("outputs", [])])
    return found


@pytest.fixture(scope="module")
def pool(tmp_path_factory: pytest.TempPathFactory) -> Any:
    folder = tmp_path_factory.mktemp("zygote")
    os.chmod(folder, 0o700)
    ensure_kernelspec()
    with WarmKernelPool(folder, idle_timeout=120) as held:
        yield held


def test_warm_kernels_grading_sandbox_matches_plain_kernel(pool: WarmKernelPool, tmp_path: Path) -> None:
    secret_dir = tmp_path / "hidden"
    secret_dir.mkdir()
    (secret_dir / "answers.txt").write_text("42")
    params = {"HIDDEN": str(secret_dir / "answers.txt")}
    # RLIMIT_AS counts address space: a kernel that imported pandas and matplotlib,
    # plain or forked, already maps about 1 GB, so the limit must be well above that.
    limits = Limits(memory_mb=2048, cell_timeout=30)
    runs = {
        name: execute_notebook(notebook(*PROBE), params, kernel_name=name, limits=limits, hide=(str(secret_dir),))
        for name in ("python3", KERNEL_NAME)
    }
    plain, warm = runs["python3"], runs[KERNEL_NAME]
    assert plain.status == warm.status == "completed"
    assert plain.warnings == warm.warnings == []
    got, other = outputs(warm.notebook), outputs(plain.notebook)
    uid_warm, env_warm = got[1][0].split(" ", 1)
    uid_plain, env_plain = other[1][0].split(" ", 1)
    assert env_warm == env_plain
    assert uid_warm != uid_plain and is_kernel_uid(int(uid_warm)) and is_kernel_uid(int(uid_plain)), "each kernel has its own uid"
    assert got[:1] + got[2:] == other[:1] + other[2:]
    assert got[2] == ["2048\n"] and got[4] == ["unreadable\n"] and got[5] == ["MemoryError\n"]
    assert ["image/png", "text/plain"] in got[6]


def test_warm_kernels_grading_exit_is_crashed_then_next_is_graded(pool: WarmKernelPool) -> None:
    crash = execute_notebook(notebook("print('before')", "import os\nos._exit(1)", "print('after')"), {}, kernel_name=KERNEL_NAME)
    assert crash.status == "crashed"
    assert outputs(crash.notebook)[0] == ["before\n"]
    fine = execute_notebook(notebook("print('next')"), {}, kernel_name=KERNEL_NAME)
    assert fine.status == "completed" and outputs(fine.notebook) == [["next\n"]]


def test_warm_kernels_grading_endless_loop_times_out(pool: WarmKernelPool) -> None:
    run = execute_notebook(notebook("while True:\n    pass", "print('after')"), {}, kernel_name=KERNEL_NAME,
                           limits=Limits(cell_timeout=2, notebook_timeout=60))
    assert run.status == "timeout"
    assert outputs(run.notebook)[1] == ["after\n"]
