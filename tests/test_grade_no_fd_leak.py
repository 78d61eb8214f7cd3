"""A grading worker keeps no file descriptor of a finished submission (issue 17).

nbclient leaves a kernel manager it was handed open (client channels, control
socket, zmq context): about twenty descriptors per submission, so a worker
grading a hundred submissions of a cohort ran past ``select()``'s limit of
1024 and every later kernel failed to start.
"""

from __future__ import annotations

import os
from typing import Any

import pytest
from nbformat.v4 import new_code_cell, new_notebook

from workbook.grading.execute import Limits, execute_notebook
from workbook.grading.warm import WarmKernelPool


@pytest.fixture(scope="module")
def pool() -> Any:
    with WarmKernelPool(idle_timeout=120) as held:
        yield held


def _open_fds() -> int:
    return len(os.listdir("/proc/self/fd"))


@pytest.mark.parametrize("kernel", ["warm", "python3"])
def test_grade_no_fd_leak_across_submissions(pool: WarmKernelPool, kernel: str) -> None:
    nb = new_notebook(cells=[new_code_cell("print(6 * 7)")],
                      metadata={"kernelspec": {"name": "python3", "language": "python", "display_name": "Python 3"}})
    name = pool.kernel_name if kernel == "warm" else "python3"
    counts = []
    for _ in range(4):
        run = execute_notebook(nb, {}, kernel_name=name, limits=Limits(cell_timeout=30))
        assert run.status == "completed", run.reason
        assert run.notebook.cells[0].outputs[0]["text"] == "42\n"
        counts.append(_open_fds())
    assert counts[-1] <= counts[1], counts
