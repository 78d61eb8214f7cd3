"""Warm, forked kernels: one fresh kernel process per submission without paying start-up and imports.

A parent process (:mod:`~workbook.grading.warm.zygote`) imports ipykernel,
pandas, matplotlib and the workbook's calculators once; each kernel is a
``fork()`` of it, started by a jupyter_client provisioner
(:mod:`~workbook.grading.warm.provisioner`) named by the ``cto-workbook-warm``
kernelspec (:mod:`~workbook.grading.warm.kernelspec`). Give that kernel name
to papermill or to the grading executor::

    with WarmKernelPool() as pool:
        execute_notebook(nb, params, kernel_name=pool.kernel_name)

The parent is started on demand by the first launch, or held for a grading
run by :class:`WarmKernelPool`, and retired at its end (or after an idle
timeout). It restarts by itself when packages or workbook sources change.
Nothing heavy is imported by this module.
"""

from __future__ import annotations

import os
from pathlib import Path
from types import TracebackType

from workbook.grading.warm.client import ZygoteError, ensure_zygote, stop_zygote, zygote_status
from workbook.grading.warm.protocol import DIR_ENV, default_dir

__all__ = ["WarmKernelPool", "ZygoteError", "ensure_zygote", "stop_zygote", "zygote_status", "KERNEL_NAME"]

KERNEL_NAME = "cto-workbook-warm"


class WarmKernelPool:
    """Hold a warm parent for the length of a ``with`` block (a grading run).

    On entry: installs the kernelspec if needed, starts the parent (or reuses a
    current one), pins it (every kernel of the run comes from it, even if the
    sources change meanwhile) and sets ``$CTO_WORKBOOK_ZYGOTE_DIR`` so worker processes
    started inside the block find it. On exit: retires the parent (it exits
    once its last kernel has ended) and restores the variable.

    Parameters
    ----------
    folder
        The parent's private folder (default: :func:`~workbook.grading.warm.protocol.default_dir`).
    idle_timeout
        Seconds the parent waits with no kernel before it exits on its own.
    """

    kernel_name = KERNEL_NAME

    def __init__(self, folder: str | Path | None = None, idle_timeout: float = 600.0) -> None:
        self.folder = Path(folder) if folder else default_dir()
        self.idle_timeout = idle_timeout
        self._saved: str | None = None

    def start(self) -> WarmKernelPool:
        from workbook.grading.warm.kernelspec import ensure_kernelspec

        ensure_kernelspec()
        self._saved = os.environ.get(DIR_ENV)
        os.environ[DIR_ENV] = str(self.folder)
        ensure_zygote(self.folder, idle_timeout=self.idle_timeout, pin=True)
        return self

    def stop(self) -> None:
        stop_zygote(self.folder)
        if self._saved is None:
            os.environ.pop(DIR_ENV, None)
        else:
            os.environ[DIR_ENV] = self._saved

    @property
    def pid(self) -> int | None:
        """The parent's process id, or ``None`` when none is running."""
        status = zygote_status(self.folder)
        return int(status["pid"]) if status else None

    def __enter__(self) -> WarmKernelPool:
        return self.start()

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        self.stop()
