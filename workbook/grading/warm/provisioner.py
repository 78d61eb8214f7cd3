"""A jupyter_client kernel provisioner whose kernels are forked from the warm parent.

Registered under the entry point group ``jupyter_client.kernel_provisioners``
as ``cto-workbook-warm-fork`` and named by the ``cto-workbook-warm`` kernelspec
(:mod:`workbook.grading.warm.kernelspec`), so papermill and nbclient need only
``kernel_name="cto-workbook-warm"``.

It reuses :class:`~jupyter_client.provisioning.LocalProvisioner`'s
``pre_launch`` (connection file, ports, environment), then asks the parent to
fork instead of running the kernel command. The kernel is a child of the
parent, not of this process: liveness comes from ``os.pidfd_open`` and the
exit code from the parent, over the connection that stays open for the
kernel's life (closing it kills the kernel).

Sandbox: when the kernel manager carries ``sandbox_json`` (the grading
executor's :class:`~workbook.grading.sandbox.SandboxConfig`), or the kernel's
environment has ``CTO_WORKBOOK_SANDBOX``, the child enters that sandbox
before the kernel starts - namespaces, hidden folders, memory limit, user,
environment and working folder - exactly as the launcher does for plain kernels.
"""

from __future__ import annotations

import asyncio
import os
import select
import signal
import socket
import sys
from typing import Any

from jupyter_client.provisioning import LocalProvisioner
from traitlets import Float, Unicode

from workbook.grading.warm.client import ZygoteError, ensure_zygote, spawn_kernel
from workbook.grading.warm.protocol import recv_message

__all__ = ["WarmForkProvisioner", "PROVISIONER_NAME", "kernel_arguments"]

PROVISIONER_NAME = "cto-workbook-warm-fork"


def kernel_arguments(cmd: list[str]) -> list[str]:
    """The ipykernel arguments of a kernel command (what follows ``-m ipykernel_launcher``).

    >>> kernel_arguments(["python", "-m", "ipykernel_launcher", "-f", "/tmp/k.json"])
    ['-f', '/tmp/k.json']
    >>> kernel_arguments(["R", "--slave"])
    Traceback (most recent call last):
    ...
    workbook.grading.warm.client.ZygoteError: a warm kernel can only replace `python -m ipykernel_launcher ...`, not ['R', '--slave']
    """
    for i in range(len(cmd) - 1):
        if cmd[i] == "-m" and cmd[i + 1] in ("ipykernel_launcher", "ipykernel"):
            return list(cmd[i + 2 :])
    raise ZygoteError(f"a warm kernel can only replace `python -m ipykernel_launcher ...`, not {cmd!r}")


def _stdio_fd(stream: Any, default: int) -> int:
    if stream is None:
        return default
    if isinstance(stream, int) and stream >= 0:
        return stream
    fileno = getattr(stream, "fileno", None)
    return fileno() if fileno else default


class WarmForkProvisioner(LocalProvisioner):  # type: ignore[misc]
    """Launch each kernel as a fresh fork of the warm parent (see the module docstring)."""

    zygote_dir = Unicode("", config=True, help="Folder of the warm parent's socket (default: $CTO_WORKBOOK_ZYGOTE_DIR or a per-user temp folder).")
    idle_timeout = Float(600.0, config=True, help="Seconds an on-demand parent stays up with no kernel.")

    _conn: socket.socket | None = None
    _pidfd: int | None = None
    _exit_code: int | None = None

    @property
    def has_process(self) -> bool:
        return self._pidfd is not None

    async def launch_kernel(self, cmd: list[str], **kwargs: Any) -> Any:
        argv = kernel_arguments(cmd)
        env = dict(kwargs.get("env") or os.environ)
        cwd = str(kwargs.get("cwd") or os.getcwd())
        sandbox = getattr(self.parent, "sandbox_json", "") or env.get("CTO_WORKBOOK_SANDBOX") or None
        null = os.open(os.devnull, os.O_RDONLY)
        stdio = (null, _stdio_fd(kwargs.get("stdout"), sys.__stdout__.fileno()),
                 _stdio_fd(kwargs.get("stderr"), sys.__stderr__.fileno()))
        try:
            for attempt in (1, 2):
                folder = ensure_zygote(self.zygote_dir or None, idle_timeout=self.idle_timeout)
                try:
                    self._conn, pid = spawn_kernel(folder, argv, env, cwd, sandbox, stdio)
                    break
                except (OSError, ConnectionError, ZygoteError):
                    if attempt == 2:  # the parent retired or died between the check and the request
                        raise
        finally:
            os.close(null)
        self.pid = self.pgid = pid
        self._exit_code = None
        try:
            self._pidfd = os.pidfd_open(pid)
        except ProcessLookupError:
            self._pidfd = os.open(os.devnull, os.O_RDONLY)  # already gone: reads as "exited"
        self.cwd = cwd
        return self.connection_info

    def _exited(self) -> bool:
        if self._pidfd is None:
            return True
        readable, _, _ = select.select([self._pidfd], [], [], 0)
        return bool(readable)

    def _collect_exit_code(self) -> int:
        if self._exit_code is None:
            code = -int(signal.SIGKILL)
            if self._conn is not None:
                try:
                    self._conn.settimeout(5)
                    reply, _ = recv_message(self._conn)
                    code = int(reply.get("exit", code))
                except (OSError, ConnectionError, ValueError):
                    pass
            self._exit_code = code
        return self._exit_code

    async def poll(self) -> int | None:
        if self._exit_code is not None:
            return self._exit_code
        if self._pidfd is None:
            return 0
        if not self._exited():
            return None
        return self._collect_exit_code()

    async def wait(self) -> int | None:
        if self._pidfd is None:
            return self._exit_code if self._exit_code is not None else 0
        while await self.poll() is None:
            await asyncio.sleep(0.02)
        self._release()
        return self._exit_code

    def _release(self) -> None:
        if self._pidfd is not None:
            os.close(self._pidfd)
            self._pidfd = None
        if self._conn is not None:
            self._conn.close()  # if the kernel still lived, the parent now kills it
            self._conn = None

    async def send_signal(self, signum: int) -> None:
        if self._pidfd is None or self._exited():
            return
        if self.pgid:
            try:
                os.killpg(self.pgid, signum)
                return
            except OSError:
                pass
        try:
            signal.pidfd_send_signal(self._pidfd, signum)
        except ProcessLookupError:
            pass

    async def kill(self, restart: bool = False) -> None:
        await self.send_signal(signal.SIGKILL)

    async def terminate(self, restart: bool = False) -> None:
        await self.send_signal(signal.SIGTERM)

    async def cleanup(self, restart: bool = False) -> None:
        self._release()
        await super().cleanup(restart=restart)

    def __del__(self) -> None:
        try:
            self._release()
        except Exception:  # noqa: BLE001 - interpreter shutdown
            pass
