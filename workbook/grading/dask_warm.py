"""Warm kernels on a Dask cluster: each worker starts, owns and keeps its own warm parent.

:func:`workbook.grading.runner.grade_cohort` registers :class:`WarmParentPlugin`
on the cluster when its jobs ask for warm kernels. On every worker (those that
join later too) the plugin's ``setup`` starts a
:class:`~workbook.grading.warm.WarmKernelPool` in the worker's process: a parent
of the worker's own, in a private folder, pinned, killed when the worker dies,
and found by the worker's kernel launches through ``$CTO_WORKBOOK_ZYGOTE_DIR``
(set in that process only). Each kernel is isolated exactly as on a single
machine (its own namespaces, uid and root; see :mod:`workbook.grading.sandbox`).
The plugin is idempotent: a second grading run on the same cluster keeps the
parents already running. Restart the workers after upgrading the workbook.
"""

from __future__ import annotations

from typing import Any

from distributed import WorkerPlugin

__all__ = ["WarmParentPlugin", "PLUGIN_NAME"]

PLUGIN_NAME = "cto-workbook-warm-parent"


class WarmParentPlugin(WorkerPlugin):  # type: ignore[misc]
    """Start a warm parent owned by each Dask worker; stop it when the worker closes."""

    name = PLUGIN_NAME
    idempotent = True

    def __init__(self, idle_timeout: float = 365 * 24 * 3600.0) -> None:
        # A worker lives for as long as its cluster does: its parent must not leave when idle.
        self.idle_timeout = idle_timeout
        self._pool: Any = None

    def setup(self, worker: Any) -> None:
        import os

        from workbook.grading.warm import WarmKernelPool, ZygoteError

        if not (hasattr(os, "fork") and hasattr(os, "pidfd_open")):
            raise ZygoteError("warm kernels need Linux on every Dask worker; grade with --kernel python3 instead")
        self._pool = WarmKernelPool(idle_timeout=self.idle_timeout).start()

    def teardown(self, worker: Any) -> None:
        if self._pool is not None:
            self._pool.stop()
            self._pool = None
