"""The kernel's sandbox, entered in the kernel's own process before ipykernel starts.

One implementation serves both kinds of grading kernel: a plain kernel
(``python -m workbook.grading.sandbox --config JSON -- <kernel argv>``, put in
front of the kernel's command by the grading executor) and a warm kernel
forked from the warm parent (:mod:`workbook.grading.warm.zygote` calls
:func:`enter_sandbox` in the forked child). A wrapper such as bubblewrap can
only start a new program, not isolate a process forked from a warm parent,
so the steps are done here with the same system calls bubblewrap uses.

:func:`enter_sandbox`, called by a single-threaded process running as root:

1. ``unshare`` of new mount, PID, IPC and UTS namespaces, and of the network
   namespace unless the network is allowed (the kernel talks to the grader over
   unix sockets, which need no network);
2. ``fork``: the child is process 1 of the new PID namespace and becomes the
   kernel. When it ends, the Linux kernel kills every process left in the
   namespace, so nothing the kernel starts outlives it, ``setsid`` or not.
   The parent stays behind as a small monitor: it ignores ``SIGINT`` (the
   grader interrupts the whole process group), turns ``SIGTERM`` into a kill
   of the kernel, kills the kernel if its own parent goes away, and exits
   with the kernel's status;
3. in the child: a fresh root with only what the kernel needs
   (:func:`workbook.grading.sandbox_fs.build_root`: system folders, the
   Python installation, the installed workbook package and its data, the
   public rubrics, never a checkout's ``.git``), private size-limited tmpfs for
   ``/tmp``, ``/var/tmp``, ``/dev/shm`` and the work folder, and its own ``/proc``;
4. the IPC folder (connection file and sockets) handed to the kernel's uid;
5. resource limits: address space, file size, no core dumps, and at most
   ``processes`` processes and threads for the uid;
6. ``setgroups([])``, ``setgid``/``setuid`` to the kernel's own uid (a fresh one
   per kernel, :mod:`workbook.grading.kernel_uids`), ``no_new_privs``, and
   ``SIGKILL`` when the monitor dies.

When a step is not permitted (no namespaces in a container, not root), the
sandbox carries on without it and records a warning in the ``report`` file,
which the grader turns into a submission warning: it degrades loudly, never
silently.
"""

from __future__ import annotations

import ctypes
import json
import os
import select
import signal
import sys
from dataclasses import asdict, dataclass, field
from typing import Any

__all__ = ["SandboxConfig", "enter_sandbox", "main", "ENV_VAR"]

#: The environment variable a non-local provisioner may read the config from.
ENV_VAR = "CTO_WORKBOOK_SANDBOX"

_CLONE_NEWNS = 0x00020000
_CLONE_NEWUTS = 0x04000000
_CLONE_NEWIPC = 0x08000000
_CLONE_NEWUSER = 0x10000000
_CLONE_NEWPID = 0x20000000
_CLONE_NEWNET = 0x40000000
_PR_SET_PDEATHSIG = 1
_PR_SET_NO_NEW_PRIVS = 38


@dataclass(frozen=True)
class SandboxConfig:
    """What the sandbox does before the kernel starts.

    Examples
    --------
    >>> c = SandboxConfig(workdir="/tmp/w", root="/tmp/r", hide=("/srv/exercises/hidden",), uid=1900000001)
    >>> SandboxConfig.from_json(c.to_json()) == c
    True
    """

    workdir: str
    root: str = ""
    ipc: str | None = None
    expose: tuple[str, ...] = ()
    hide: tuple[str, ...] = ()
    memory_bytes: int | None = None
    file_size_bytes: int | None = 256 * 2**20
    processes: int = 64
    work_bytes: int = 256 * 2**20
    tmp_bytes: int = 64 * 2**20
    network: bool = False
    env: dict[str, str] = field(default_factory=dict)
    uid: int | None = None
    user: str = "nobody"
    report: str | None = None
    quiet: bool = True

    def to_json(self) -> str:
        return json.dumps(asdict(self), sort_keys=True)

    @classmethod
    def from_json(cls, text: str) -> SandboxConfig:
        raw: dict[str, Any] = json.loads(text)
        for key in ("hide", "expose"):
            raw[key] = tuple(raw.get(key, ()))
        return cls(**raw)


def _libc() -> Any:
    return ctypes.CDLL(None, use_errno=True)


def _prctl(option: int, value: int) -> None:
    _libc().prctl(option, ctypes.c_ulong(value), 0, 0, 0)


def _unshare(flags: int) -> None:
    if _libc().unshare(ctypes.c_int(flags)) != 0:
        err = ctypes.get_errno()
        raise OSError(err, f"unshare: {os.strerror(err)}")


def _namespaces(config: SandboxConfig, warnings: list[str]) -> bool:
    """Enter the new namespaces; return whether they are in effect."""
    root = os.geteuid() == 0
    flags = _CLONE_NEWNS | _CLONE_NEWPID | _CLONE_NEWIPC | _CLONE_NEWUTS | (0 if config.network else _CLONE_NEWNET)
    uid, gid = os.geteuid(), os.getegid()
    try:
        _unshare(flags | (0 if root else _CLONE_NEWUSER))
    except OSError as exc:
        warnings.append(
            f"sandbox: Linux namespaces are not permitted here ({exc}); the kernel can use the network, see other "
            "processes and read every file its user can: run the grader as root on a host that allows namespaces"
        )
        return False
    if not root:
        for name, text in (("setgroups", "deny"), ("uid_map", f"{uid} {uid} 1"), ("gid_map", f"{gid} {gid} 1")):
            with open(f"/proc/self/{name}", "w") as fh:
                fh.write(text)
    return True


def _parent_alive(alive_fd: int) -> bool:
    readable, _, _ = select.select([alive_fd], [], [], 0)
    return not readable  # the monitor holds the other end: end of file means it is gone


def _monitor(child: int, keep_fd: int) -> None:
    """The parent left outside the kernel's PID namespace: wait for the kernel, exit with its status."""
    parent = os.getppid()
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # interrupts reach the kernel through the process group

    def kill_kernel(*_: Any) -> None:
        try:
            os.kill(child, signal.SIGKILL)
        except OSError:
            pass

    signal.signal(signal.SIGTERM, kill_kernel)
    signal.signal(signal.SIGHUP, kill_kernel)
    _prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    null = os.open(os.devnull, os.O_RDWR)
    for fd in (0, 1, 2):
        os.dup2(null, fd)
    os.closerange(3, keep_fd)
    os.closerange(keep_fd + 1, 65536)
    pidfd = os.pidfd_open(child)
    while True:
        if os.getppid() != parent:
            kill_kernel()
        try:
            readable, _, _ = select.select([pidfd], [], [], 1.0)
        except InterruptedError:
            continue
        if readable:
            break
    _, status = os.waitpid(child, 0)
    if os.WIFSIGNALED(status):
        sig = os.WTERMSIG(status)
        signal.signal(sig, signal.SIG_DFL)
        signal.pthread_sigmask(signal.SIG_UNBLOCK, [sig])
        os.kill(os.getpid(), sig)
    os._exit(os.waitstatus_to_exitcode(status) & 0xFF)


def _drop(config: SandboxConfig, warnings: list[str]) -> None:
    import pwd

    uid = gid = config.uid
    if uid is None:
        try:
            entry = pwd.getpwnam(config.user)
        except KeyError:
            warnings.append(f"sandbox: no user {config.user!r} and no kernel uid; the kernel runs as root")
            return
        uid, gid = entry.pw_uid, entry.pw_gid
        warnings.append(f"sandbox: no fresh uid for this kernel; it runs as {config.user!r}, shared with other kernels")
    if config.ipc:
        os.chown(config.ipc, uid, gid)
        os.chmod(config.ipc, 0o700)
        for name in os.listdir(config.ipc):
            os.lchown(os.path.join(config.ipc, name), uid, gid)
    os.chown(config.workdir, uid, gid)
    os.setgroups([])
    os.setgid(gid)
    os.setuid(uid)


def _limits(config: SandboxConfig) -> None:
    import resource

    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    if config.memory_bytes:
        resource.setrlimit(resource.RLIMIT_AS, (config.memory_bytes, config.memory_bytes))
    if config.file_size_bytes:
        resource.setrlimit(resource.RLIMIT_FSIZE, (config.file_size_bytes, config.file_size_bytes))
    if config.processes:
        resource.setrlimit(resource.RLIMIT_NPROC, (config.processes, config.processes))


def enter_sandbox(config: SandboxConfig) -> list[str]:
    """Apply ``config``; return (in the kernel's process) warnings for what was not possible.

    Call it in a single-threaded process that is about to become the kernel.
    With namespaces it forks: the calling process becomes the monitor and
    never returns; the child, process 1 of the new PID namespace, returns.
    """
    from workbook.grading.sandbox_fs import build_root

    warnings: list[str] = []
    # Opened now, while the process may still write where only the grader can.
    report = open(config.report, "w") if config.report else None  # noqa: SIM115
    isolated = False
    if sys.platform != "linux":
        warnings.append("sandbox: not Linux; no namespaces, the kernel runs with the grader's rights")
    elif _namespaces(config, warnings):
        isolated = True
        alive_r, alive_w = os.pipe()
        child = os.fork()
        if child:
            os.close(alive_r)
            if report is not None:
                report.close()
            _monitor(child, alive_w)
        os.close(alive_w)
        _prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
        if not _parent_alive(alive_r):
            os._exit(1)
        root = os.geteuid() == 0
        try:
            build_root(config.root, expose=config.expose, workdir=config.workdir, work_bytes=config.work_bytes,
                       tmp_bytes=config.tmp_bytes, ipc=config.ipc, hide=config.hide, warnings=warnings)
        except OSError as exc:
            if root:  # as root every step is expected to work: never run a kernel half-isolated
                if report is not None:
                    with report:
                        report.write(json.dumps({"warnings": [*warnings, f"sandbox: the kernel's file system failed ({exc})"]}))
                os._exit(70)
            warnings.append(f"sandbox: could not build the kernel's file system ({exc}); it sees every file its user can")
            os.makedirs(config.workdir, exist_ok=True)
    _limits(config)
    if os.geteuid() == 0:
        _drop(config, warnings)
    elif isolated:
        warnings.append("sandbox: not root; the kernel runs as the grader's own user")
    _prctl(_PR_SET_NO_NEW_PRIVS, 1)
    if isolated:
        _prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)  # a change of user clears it
        if not _parent_alive(alive_r):
            os._exit(1)
        os.close(alive_r)
    os.chdir(config.workdir)
    if config.quiet:
        null = os.open(os.devnull, os.O_RDWR)
        for fd in (0, 1, 2):
            os.dup2(null, fd)
        os.close(null)
    if report is not None:
        with report:
            report.write(json.dumps({"warnings": warnings, "uid": os.getuid()}))
    return warnings


def main(argv: list[str] | None = None) -> None:
    """``python -m workbook.grading.sandbox --config JSON -- kernel argv...``."""
    args = list(sys.argv[1:] if argv is None else argv)
    if len(args) < 4 or args[0] != "--config" or args[2] != "--":
        sys.stderr.write("usage: python -m workbook.grading.sandbox --config JSON -- KERNEL ARGV...\n")
        raise SystemExit(2)
    config = SandboxConfig.from_json(args[1])
    command = args[3:]
    enter_sandbox(config)
    os.execve(command[0], command, dict(config.env))


if __name__ == "__main__":  # pragma: no cover - runs as the kernel's launcher
    main()
