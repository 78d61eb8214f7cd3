"""The kernel's sandbox, entered in the kernel's own process before ipykernel starts.

The grader starts each kernel as ``python -m workbook.grading.sandbox --config JSON
-- <kernel argv>``. This launcher, still single-threaded, then:

1. enters new Linux namespaces: a mount namespace always, a network namespace
   unless the network is allowed (the kernel talks to the grader over unix
   sockets, which work across network namespaces), and a user namespace when
   not root;
2. hides every path in ``hide``: an empty read-only tmpfs over each folder,
   ``/dev/null`` over each file (the hidden checks, the instructor edition,
   the other submissions, the gradebook, the roster and its secret);
3. as root, re-exposes what an unprivileged user needs to run Python when an
   ancestor folder is closed to others (``/root/.pyenv`` under ``/root``), hands
   the work folder to that user, then drops to it (``nobody`` by default), so the
   kernel cannot undo the mounts, read root-only files or touch the grader;
4. sets resource limits (address space, file size, no core dumps);
5. replaces the environment with ``env``, changes to ``workdir`` and executes
   the kernel.

When a step is not permitted (no namespaces in a container, not root and no
user namespaces), the launcher carries on without it and records a warning in
the ``report`` file, which the grader turns into a submission warning: the
sandbox degrades loudly, never silently.

:func:`enter_sandbox` is usable on its own, for example by a provisioner that
forks kernels from a warm parent: call it in the child, before the kernel
starts, with the same :class:`SandboxConfig`.
"""

from __future__ import annotations

import ctypes
import json
import os
import stat
import sys
import tempfile
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

__all__ = ["SandboxConfig", "enter_sandbox", "main", "ENV_VAR"]

#: The environment variable a non-local provisioner may read the config from.
ENV_VAR = "CTO_WORKBOOK_SANDBOX"

_CLONE_NEWNS = 0x00020000
_CLONE_NEWUSER = 0x10000000
_CLONE_NEWNET = 0x40000000
_MS_RDONLY = 1
_MS_NOSUID = 2
_MS_NODEV = 4
_MS_REMOUNT = 32
_MS_BIND = 4096
_MS_REC = 16384
_MS_PRIVATE = 1 << 18
_MNT_DETACH = 2


@dataclass(frozen=True)
class SandboxConfig:
    """What the launcher does before it executes the kernel.

    Examples
    --------
    >>> c = SandboxConfig(workdir="/tmp/w", hide=("/srv/exercises/hidden",), memory_bytes=2**31)
    >>> SandboxConfig.from_json(c.to_json()) == c
    True
    """

    workdir: str
    hide: tuple[str, ...] = ()
    memory_bytes: int | None = None
    file_size_bytes: int | None = 256 * 2**20
    network: bool = False
    env: dict[str, str] = field(default_factory=dict)
    user: str = "nobody"
    give: tuple[str, ...] = ()
    report: str | None = None
    quiet: bool = True

    def to_json(self) -> str:
        return json.dumps(asdict(self), sort_keys=True)

    @classmethod
    def from_json(cls, text: str) -> SandboxConfig:
        raw: dict[str, Any] = json.loads(text)
        raw["hide"] = tuple(raw.get("hide", ()))
        raw["give"] = tuple(raw.get("give", ()))
        return cls(**raw)


def _libc() -> Any:
    return ctypes.CDLL(None, use_errno=True)


def _call(result: int, what: str) -> None:
    if result != 0:
        err = ctypes.get_errno()
        raise OSError(err, f"{what}: {os.strerror(err)}")


def _mount(source: str, target: str, fstype: str | None, flags: int, data: str | None = None) -> None:
    libc = _libc()
    _call(
        libc.mount(
            source.encode(),
            target.encode(),
            fstype.encode() if fstype else None,
            ctypes.c_ulong(flags),
            data.encode() if data else None,
        ),
        f"mount {target}",
    )


def _unshare(flags: int) -> None:
    _call(_libc().unshare(ctypes.c_int(flags)), "unshare")


def _write(path: str, text: str) -> None:
    with open(path, "w") as fh:
        fh.write(text)


def _enter_namespaces(config: SandboxConfig, warnings: list[str]) -> bool:
    """Enter the namespaces; return whether a private mount namespace is in effect."""
    root = os.geteuid() == 0
    net = 0 if config.network else _CLONE_NEWNET
    user = 0 if root else _CLONE_NEWUSER
    uid, gid = os.geteuid(), os.getegid()
    for flags, lost in ((_CLONE_NEWNS | net | user, ""), (_CLONE_NEWNS | user, "network"), (net | user, "mount")):
        if lost == "network" and not net:
            continue
        try:
            _unshare(flags)
        except OSError as exc:
            last = exc
            continue
        if user:
            _write("/proc/self/setgroups", "deny")
            _write("/proc/self/uid_map", f"{uid} {uid} 1")
            _write("/proc/self/gid_map", f"{gid} {gid} 1")
        if lost:
            warnings.append(f"sandbox: no {lost} namespace here; the kernel has no {'network isolation' if lost == 'network' else 'hidden folders'}")
        return bool(flags & _CLONE_NEWNS)
    warnings.append(
        f"sandbox: Linux namespaces are not permitted here ({last}); the kernel can use the network "
        "and read every file its user can: run the grader as root or enable unprivileged user namespaces"
    )
    return False


def _hide(paths: tuple[str, ...], warnings: list[str]) -> None:
    for raw in paths:
        p = os.path.realpath(raw)
        try:
            if os.path.isdir(p):
                _mount("none", p, "tmpfs", _MS_RDONLY | _MS_NOSUID | _MS_NODEV, "size=4k,mode=0555")
            elif os.path.exists(p):
                _mount("/dev/null", p, None, _MS_BIND)
        except OSError as exc:
            warnings.append(f"sandbox: could not hide {p} ({exc})")


def _closed_ancestor(path: str) -> str | None:
    """The top-most ancestor of ``path`` that others cannot traverse (or read, for ``path``)."""
    parts = Path(path).parts
    for i in range(2, len(parts) + 1):
        here = str(Path(*parts[:i]))
        try:
            mode = os.stat(here).st_mode
        except OSError:
            return None
        if stat.S_ISDIR(mode) and not mode & stat.S_IXOTH:
            return here
    return None


def _needed_paths() -> list[str]:
    paths = {sys.base_prefix, sys.prefix, os.path.dirname(os.path.realpath(sys.executable))}
    paths.update(p for p in sys.path if p and os.path.isdir(p))
    return sorted(os.path.realpath(p) for p in paths)


def _expose_for_others(warnings: list[str]) -> None:
    """Make the interpreter and its packages reachable for an unprivileged user.

    A folder closed to others (``/root``) is covered with a fresh tmpfs in this
    mount namespace; the needed paths under it are bound back in. Nothing else
    under it stays visible, which also keeps root's home away from the kernel.
    """
    closed: dict[str, list[str]] = {}
    for p in _needed_paths():
        top = _closed_ancestor(p)
        if top is not None:
            closed.setdefault(top, []).append(p)
    for top, needed in closed.items():
        needed = [p for p in needed if not any(p != q and p.startswith(q + os.sep) for q in needed)]
        stash = tempfile.mkdtemp(prefix="wb-stash-")
        try:
            held = []
            for i, p in enumerate(needed):
                spot = os.path.join(stash, str(i))
                os.mkdir(spot)
                _mount(p, spot, None, _MS_BIND | _MS_REC)
                held.append((p, spot))
            _mount("none", top, "tmpfs", _MS_NOSUID | _MS_NODEV, "mode=0755")
            for p, spot in held:
                os.makedirs(p, exist_ok=True)
                _mount(spot, p, None, _MS_BIND | _MS_REC)
                _call(_libc().umount2(spot.encode(), ctypes.c_int(_MNT_DETACH)), f"umount {spot}")
                os.rmdir(spot)
        except OSError as exc:
            warnings.append(f"sandbox: could not open {top} to the kernel's user ({exc})")
        finally:
            try:
                os.rmdir(stash)
            except OSError:
                pass


def _drop_to(user: str, give: tuple[str, ...], warnings: list[str]) -> None:
    import pwd

    try:
        entry = pwd.getpwnam(user)
    except KeyError:
        warnings.append(f"sandbox: no user {user!r}; the kernel runs as root")
        return
    for path in give:
        for dirpath, dirnames, filenames in os.walk(path):
            os.chown(dirpath, entry.pw_uid, entry.pw_gid)
            for name in dirnames + filenames:
                os.lchown(os.path.join(dirpath, name), entry.pw_uid, entry.pw_gid)
        if os.path.isfile(path):
            os.chown(path, entry.pw_uid, entry.pw_gid)
    os.setgroups([])
    os.setgid(entry.pw_gid)
    os.setuid(entry.pw_uid)


def _limits(config: SandboxConfig) -> None:
    import resource

    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    if config.memory_bytes:
        resource.setrlimit(resource.RLIMIT_AS, (config.memory_bytes, config.memory_bytes))
    if config.file_size_bytes:
        resource.setrlimit(resource.RLIMIT_FSIZE, (config.file_size_bytes, config.file_size_bytes))


def enter_sandbox(config: SandboxConfig) -> list[str]:
    """Apply ``config`` to the current process; return warnings for what was not possible.

    Call it in a single-threaded process that is about to become the kernel.
    It changes the process for good (namespaces, user, limits, directory).
    """
    warnings: list[str] = []
    # Opened now, while the process may still write where only the grader can.
    report = open(config.report, "w") if config.report else None  # noqa: SIM115
    if sys.platform != "linux":
        warnings.append("sandbox: not Linux; no namespaces, the kernel runs with the grader's rights")
    else:
        mounts = _enter_namespaces(config, warnings)
        if mounts:
            try:
                _mount("none", "/", None, _MS_REC | _MS_PRIVATE)
                _hide(config.hide, warnings)
            except OSError as exc:
                warnings.append(f"sandbox: mounts failed ({exc}); hidden folders are readable")
        elif config.hide:
            warnings.append("sandbox: hidden checks and instructor folders are readable by the kernel")
        if os.geteuid() == 0 and config.user:
            if mounts:
                _expose_for_others(warnings)
            try:
                _drop_to(config.user, config.give, warnings)
            except OSError as exc:
                warnings.append(f"sandbox: could not drop to user {config.user!r} ({exc})")
    _limits(config)
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
