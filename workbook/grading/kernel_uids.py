"""A fresh, unprivileged user id for every grading kernel, never given out twice.

Each kernel runs as its own uid (and gid of the same number), taken from a
range no account uses (``FIRST_UID`` upwards, above the ranges Debian,
systemd and container tools hand out). The next free number is kept in a
small state file under a file lock, so concurrent graders, their workers and
later runs never share one: a kernel cannot signal, trace or read the files
of another, and the process limit (``RLIMIT_NPROC``, counted per uid) is
the kernel's alone.

Only root can run a process as another uid; for other users
:func:`allocate_uid` returns ``None`` and the sandbox says so in its warnings.
"""

from __future__ import annotations

import fcntl
import os
from pathlib import Path

from workbook.errors import WorkbookError

__all__ = ["FIRST_UID", "UID_COUNT", "STATE_ENV", "allocate_uid", "is_kernel_uid", "state_file", "processes_of", "end_processes_of"]

#: The first uid handed to a kernel (0x713FB300): above the regular, system and container ranges.
FIRST_UID = 1_900_000_000
#: How many uids the range holds before the state file must be reset by an administrator.
UID_COUNT = 200_000_000
#: Environment variable naming the state file (default ``/var/lib/cto-workbook/kernel-uids``).
STATE_ENV = "CTO_WORKBOOK_UID_STATE"


def state_file() -> Path:
    """Where the next free kernel uid is kept.

    >>> state_file().name
    'kernel-uids'
    """
    chosen = os.environ.get(STATE_ENV)
    return Path(chosen) if chosen else Path("/var/lib/cto-workbook/kernel-uids")


def is_kernel_uid(uid: int) -> bool:
    """Whether ``uid`` lies in the kernels' range.

    >>> is_kernel_uid(FIRST_UID), is_kernel_uid(0), is_kernel_uid(65534)
    (True, False, False)
    """
    return FIRST_UID <= uid < FIRST_UID + UID_COUNT


def allocate_uid() -> int | None:
    """The next never-used kernel uid, or ``None`` when this process cannot switch users (not root).

    Raises
    ------
    WorkbookError
        If the state file is not a regular file owned by root and closed to
        others, or the range is used up.
    """
    if not hasattr(os, "geteuid") or os.geteuid() != 0:
        return None
    path = state_file()
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW, 0o600)
    try:
        info = os.fstat(fd)
        if info.st_uid != 0 or info.st_mode & 0o077 or not os.path.samestat(info, os.lstat(path)):
            raise WorkbookError(f"the kernel uid state file {path} must be a regular file owned by root with mode 0600")
        fcntl.flock(fd, fcntl.LOCK_EX)
        raw = os.pread(fd, 64, 0).decode("ascii", "replace").strip()
        offset = int(raw) if raw.isdigit() else 0
        if offset >= UID_COUNT:
            raise WorkbookError(f"all {UID_COUNT} kernel uids in {path} have been used; an administrator may reset the file")
        text = f"{offset + 1}\n".encode()
        os.pwrite(fd, text, 0)
        os.ftruncate(fd, len(text))
        os.fsync(fd)
        return FIRST_UID + offset
    finally:
        os.close(fd)


def processes_of(uid: int) -> list[int]:
    """The live processes whose real uid is ``uid`` (from ``/proc``; empty where there is none).

    >>> processes_of(FIRST_UID + UID_COUNT - 1)
    []
    """
    found = []
    try:
        entries = os.listdir("/proc")
    except OSError:
        return found
    for name in entries:
        if not name.isdigit():
            continue
        try:
            with open(f"/proc/{name}/status", "rb") as fh:
                for line in fh:
                    if line.startswith(b"Uid:"):
                        if int(line.split()[1]) == uid:
                            found.append(int(name))
                        break
        except (OSError, ValueError):
            continue
    return found


def end_processes_of(uid: int, timeout: float = 5.0) -> int:
    """Kill every process of a kernel's ``uid`` and wait until none is left; return how many were killed.

    The kernel's PID namespace already ends them when the kernel ends; this
    makes sure of it before the grader reports the submission as done.
    """
    import signal
    import time

    if not is_kernel_uid(uid):
        raise ValueError(f"uid = {uid} is not allowed: expected a kernel uid ({FIRST_UID} to {FIRST_UID + UID_COUNT - 1})")
    killed: set[int] = set()
    deadline = time.monotonic() + timeout
    while (alive := processes_of(uid)) and time.monotonic() < deadline:
        for pid in alive:
            try:
                os.kill(pid, signal.SIGKILL)
                killed.add(pid)
            except OSError:
                pass
        time.sleep(0.01)
    return len(killed)
