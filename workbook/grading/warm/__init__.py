"""Warm, forked kernels: one fresh kernel process per submission without paying start-up and imports.

A parent process (:mod:`~workbook.grading.warm.zygote`) imports ipykernel,
pandas, matplotlib and the workbook's calculators once; each kernel is a
``fork()`` of it, started by a jupyter_client provisioner
(:mod:`~workbook.grading.warm.provisioner`) named by the ``cto-workbook-warm``
kernelspec (:mod:`~workbook.grading.warm.kernelspec`). Give that kernel name
to papermill or to the grading executor::

    with WarmKernelPool() as pool:
        execute_notebook(nb, params, kernel_name=pool.kernel_name)

A grading run owns its parent (:class:`WarmKernelPool`): private to the run,
pinned for its length, killed with it. Outside a run (the kernelspec chosen
in JupyterLab), a shared parent is started on demand by the first launch and
restarts by itself when packages or workbook sources change.
Nothing heavy is imported by this module.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path
from types import TracebackType

from workbook.grading.warm.client import ZygoteError, ensure_zygote, stop_zygote, zygote_status
from workbook.grading.warm.protocol import DIR_ENV, default_dir

__all__ = ["WarmKernelPool", "ZygoteError", "ensure_zygote", "stop_zygote", "zygote_status", "KERNEL_NAME"]

KERNEL_NAME = "cto-workbook-warm"


class WarmKernelPool:
    """Own a warm parent for the length of a ``with`` block (a grading run).

    On entry: installs the kernelspec if needed, starts a parent of the run's
    own in a private folder (a fresh one unless ``folder`` is given, which no
    other parent may serve), pinned (every kernel of the run comes from it,
    even if the sources change meanwhile) and killed if this process dies; and
    sets ``$CTO_WORKBOOK_ZYGOTE_DIR`` so worker processes started inside the
    block find it. No other run uses, retires or replaces it. On exit: retires
    the parent (it exits once its last kernel has ended), reaps it, removes a
    folder it created and restores the variable.

    Parameters
    ----------
    folder
        The parent's private folder (default: a new temporary folder, mode 0700).
    idle_timeout
        Seconds the parent waits with no kernel before it exits on its own.
    """

    kernel_name = KERNEL_NAME

    def __init__(self, folder: str | Path | None = None, idle_timeout: float = 600.0) -> None:
        self._own_folder = folder is None
        self.folder = Path(folder) if folder else Path()
        self.idle_timeout = idle_timeout
        self._saved: str | None = None
        self._pointed = False  # whether start() set $CTO_WORKBOOK_ZYGOTE_DIR (stop() restores it)
        self._process: subprocess.Popen[bytes] | None = None

    def launch(self) -> WarmKernelPool:
        """Start the parent and return at once: it warms up while the caller goes on (plans the run).

        :meth:`start` (or entering the ``with`` block) then waits until it serves;
        :meth:`stop` ends it either way.
        """
        from workbook.grading.warm.client import launch_owned_zygote
        from workbook.grading.warm.kernelspec import ensure_kernelspec

        if self._process is None:
            ensure_kernelspec()
            if self._own_folder:
                self.folder = Path(tempfile.mkdtemp(prefix="cto-workbook-run-"))
            self._process = launch_owned_zygote(self.folder, idle_timeout=self.idle_timeout)
        return self

    def start(self) -> WarmKernelPool:
        """Start the parent (unless :meth:`launch` did) and wait until it serves; point workers at it."""
        from workbook.grading.warm.client import wait_owned_zygote

        self.launch()
        assert self._process is not None
        try:
            wait_owned_zygote(self.folder, self._process)  # kills and reaps it if it never serves
        except BaseException:
            self._process = None
            if self._own_folder:
                shutil.rmtree(self.folder, ignore_errors=True)
            raise
        self._saved, self._pointed = os.environ.get(DIR_ENV), True
        os.environ[DIR_ENV] = str(self.folder)
        return self

    def stop(self) -> None:
        if self._process is not None and zygote_status(self.folder) is None:
            self._process.kill()  # launched but not serving yet (the run stopped while it warmed up)
        stop_zygote(self.folder)
        if self._process is not None:
            try:
                self._process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self._process.kill()
                self._process.wait()
            self._process = None
        if self._own_folder:
            shutil.rmtree(self.folder, ignore_errors=True)
        if not self._pointed:
            return
        self._pointed = False
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
