"""Start, find, ask and stop the warm parent (one per folder, normally one per host and user).

The first kernel launch starts the parent on demand (:func:`ensure_zygote`);
a grading run can instead hold it for its whole length with
:class:`workbook.grading.warm.WarmKernelPool`. A parent whose fingerprint
(interpreter, installed distributions, workbook sources) no longer matches
is retired - it takes no new kernels and exits once its kernels have ended -
and a new one is started: after ``pip install`` or an edit of the workbook,
the next launch gets a parent that imported the new code.

A grading run owns its parent instead (:func:`start_owned_zygote`, used by
:class:`workbook.grading.warm.WarmKernelPool`): started for the run in a
private folder of its own, *pinned* (kept for the whole run, so every
submission of a run is graded with the same code), never used, retired or
replaced by another run, and killed with its owner (``PR_SET_PDEATHSIG``).
"""

from __future__ import annotations

import fcntl
import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from workbook.errors import WorkbookError
from workbook.grading.warm.protocol import (
    LOCK_NAME,
    LOG_NAME,
    OWNED_NAME,
    SOCKET_NAME,
    default_dir,
    fingerprint,
    private_dir,
    recv_message,
    send_message,
)

__all__ = ["ensure_zygote", "start_zygote", "start_owned_zygote", "launch_owned_zygote", "wait_owned_zygote", "stop_zygote", "zygote_status", "spawn_kernel", "ZygoteError"]


class ZygoteError(WorkbookError):
    """The warm parent could not be started or asked."""


def _local_fingerprint() -> str:
    # Computed afresh (about 7 ms): the sources may change while a grader runs.
    return fingerprint()


def _connect(folder: Path, timeout: float = 10.0) -> socket.socket:
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    sock.settimeout(timeout)
    try:
        sock.connect(str(folder / SOCKET_NAME))
    except OSError:
        sock.close()
        raise
    return sock


def _ask(folder: Path, request: dict[str, Any]) -> dict[str, Any]:
    sock = _connect(folder)
    with sock:
        send_message(sock, request)
        reply, _ = recv_message(sock)
    return reply


def zygote_status(folder: str | Path | None = None) -> dict[str, Any] | None:
    """The running parent's ``pid``, ``fingerprint`` and number of live ``kernels``, or ``None``."""
    try:
        return _ask(Path(folder) if folder else default_dir(), {"op": "hello"})
    except (OSError, ConnectionError, ValueError):
        return None


def _scrubbed_env() -> dict[str, str]:
    """The parent's whole environment: nothing of the grader's (it would be readable in every kernel)."""
    keep = ("PATH", "LANG", "LC_ALL", "TZ", "PYTHONHASHSEED", "PYTHONPATH", "CTO_WORKBOOK_PATH")  # the last: extra principles to preload
    env = {k: os.environ[k] for k in keep if k in os.environ}
    env.setdefault("PATH", os.pathsep.join([os.path.dirname(sys.executable), "/usr/bin", "/bin"]))
    env.update({"PYTHONNOUSERSITE": "1", "PYTHONDONTWRITEBYTECODE": "1", "PYDEVD_DISABLE_FILE_VALIDATION": "1"})
    return env


def _launch(where: Path, idle_timeout: float, pinned: bool, owner: bool) -> tuple[subprocess.Popen[bytes], bool]:
    """Start the parent's process; return it and whether it detaches (``setsid --fork``)."""
    for sub in ("mpl", "ipython"):
        (where / sub).mkdir(mode=0o700, exist_ok=True)
    env = _scrubbed_env() | {"HOME": str(where), "MPLCONFIGDIR": str(where / "mpl"), "IPYTHONDIR": str(where / "ipython")}
    cmd = [sys.executable, "-m", "workbook.grading.warm.zygote", "--dir", str(where), "--idle-timeout", str(idle_timeout)]
    if pinned:
        cmd.append("--pinned")
    setsid = None if owner else shutil.which("setsid")
    if owner:
        cmd += ["--die-with", str(os.getpid())]
    elif setsid:
        cmd = [setsid, "--fork", *cmd]  # detached: the caller never has to reap it
    with open(where / LOG_NAME, "ab") as out:
        launcher = subprocess.Popen(cmd, env=env, cwd=str(where), stdin=subprocess.DEVNULL, stdout=out,
                                    stderr=subprocess.STDOUT, close_fds=True, start_new_session=True)
    return launcher, setsid is not None


def _wait_ready(where: Path, launcher: subprocess.Popen[bytes], detached: bool, ready_timeout: float) -> int:
    if detached:
        launcher.wait()
    deadline = time.monotonic() + ready_timeout
    while time.monotonic() < deadline:
        status = zygote_status(where)
        if status is not None and not status.get("retired"):
            return int(status["pid"])
        if not detached and launcher.poll() is not None:
            break
        time.sleep(0.05)
    log = where / LOG_NAME
    tail = log.read_text(errors="replace")[-2000:] if log.exists() else ""
    raise ZygoteError(f"the warm kernel parent did not start within {ready_timeout:g} s; its log ({log}) ends with:\n{tail}")


def start_zygote(folder: str | Path | None = None, idle_timeout: float = 600.0, ready_timeout: float = 120.0,
                 pinned: bool = False) -> int:
    """Start a shared, on-demand parent serving ``folder`` (detached from the caller); return its pid.

    Call it with the folder's lock held (:func:`ensure_zygote` does).
    """
    where = private_dir(folder or default_dir())
    launcher, detached = _launch(where, idle_timeout, pinned, owner=False)
    return _wait_ready(where, launcher, detached, ready_timeout)


def launch_owned_zygote(folder: str | Path, idle_timeout: float = 600.0) -> subprocess.Popen[bytes]:
    """Launch a parent owned by this process (pinned, killed when this process dies) and return at once.

    It imports and warms for a second or two while the caller goes on;
    :func:`wait_owned_zygote` waits until it serves. ``folder`` must be
    private and served by no other parent. The caller keeps the returned
    process and reaps it after :func:`stop_zygote`.
    """
    where = private_dir(folder)
    if zygote_status(where) is not None:
        raise ZygoteError(f"{where} is already served by another warm parent; each run needs a folder of its own")
    (where / OWNED_NAME).write_text(f"{os.getpid()}\n")
    launcher, _ = _launch(where, idle_timeout, pinned=True, owner=True)
    return launcher


def wait_owned_zygote(folder: str | Path, launcher: subprocess.Popen[bytes], ready_timeout: float = 120.0) -> None:
    """Wait until the parent :func:`launch_owned_zygote` started serves ``folder``; kill it if it never does."""
    try:
        _wait_ready(Path(folder), launcher, False, ready_timeout)
    except BaseException:
        launcher.kill()
        launcher.wait()
        raise


def start_owned_zygote(folder: str | Path, idle_timeout: float = 600.0, ready_timeout: float = 120.0) -> subprocess.Popen[bytes]:
    """Start a parent owned by this process: pinned, killed when this process dies, for one run only.

    :func:`launch_owned_zygote`, then :func:`wait_owned_zygote`.
    """
    launcher = launch_owned_zygote(folder, idle_timeout)
    wait_owned_zygote(folder, launcher, ready_timeout)
    return launcher


def _usable(status: dict[str, Any] | None) -> bool:
    if status is None or status.get("retired"):
        return False
    return bool(status.get("pinned")) or bool(status.get("fingerprint") == _local_fingerprint())


def ensure_zygote(folder: str | Path | None = None, idle_timeout: float = 600.0) -> Path:
    """Make sure a usable parent serves ``folder``; start (or replace a stale) one if needed.

    A pinned parent (owned by a run) is used as it is and never replaced; a
    folder owned by a run whose parent is gone raises :class:`ZygoteError`
    rather than getting a parent the run does not own. An on-demand parent
    must match the current fingerprint, or it is retired and a new one
    started. Returns the folder. Safe to call from many processes at once
    (a file lock).
    """
    where = Path(folder) if folder else default_dir()
    if _usable(zygote_status(where)):
        return where
    private_dir(where)
    with open(where / LOCK_NAME, "a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        status = zygote_status(where)
        if _usable(status):
            return where
        if (where / OWNED_NAME).exists():
            raise ZygoteError(f"the warm parent of the run that owns {where} is no longer running")
        if status is not None:
            _ask(where, {"op": "retire"})
        start_zygote(where, idle_timeout=idle_timeout)
    return where


def stop_zygote(folder: str | Path | None = None) -> bool:
    """Retire the parent serving ``folder``: no new kernels; it exits when its last kernel ends.

    Returns whether a parent was running.
    """
    try:
        _ask(Path(folder) if folder else default_dir(), {"op": "retire"})
    except (OSError, ConnectionError, ValueError):
        return False
    return True


def spawn_kernel(folder: Path, argv: list[str], env: dict[str, str], cwd: str, sandbox: str | None,
                 stdio: tuple[int, int, int]) -> tuple[socket.socket, int]:
    """Ask the parent for a kernel; return the open connection (which reports the exit code) and the pid.

    Keep the connection open while the kernel lives: closing it kills the kernel.
    """
    sock = _connect(folder, timeout=30)
    try:
        send_message(sock, {"op": "spawn", "argv": argv, "env": env, "cwd": cwd, "sandbox": sandbox}, list(stdio))
        reply, _ = recv_message(sock)
    except BaseException:
        sock.close()
        raise
    if "pid" not in reply:
        sock.close()
        raise ZygoteError(f"the warm kernel parent refused the kernel: {reply.get('error', reply)}")
    return sock, int(reply["pid"])
