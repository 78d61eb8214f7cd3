"""The kernel's file system: a fresh root holding only what the kernel needs.

Built inside the kernel's own mount namespace (:mod:`workbook.grading.sandbox`),
as root, just before the kernel drops to its own uid:

- an empty tmpfs becomes the new root (``pivot_root``); the old root is
  detached, so nothing that was not bound in is reachable;
- read-only binds of the system folders (``/usr``, ``/etc``, ``/lib``...),
  the Python installation, the installed ``workbook`` package, its ``data``
  folder and the public rubrics (:func:`kernel_view` lists them). A source
  checkout is never bound whole: with an editable install the checkout is on
  ``sys.path``, so only its ``workbook/`` and ``data/`` folders are bound
  (no ``.git``, no ``exercises/hidden``, no instructor notebooks, no tests);
- private, size-limited tmpfs for ``/tmp``, ``/var/tmp``, ``/dev/shm`` and the
  work folder (all gone when the kernel's last process ends);
- a minimal ``/dev`` (null, zero, full, random, urandom) and a ``/proc`` of the
  kernel's own PID namespace;
- the grader's IPC folder (the kernel's sockets and connection file), bound
  read-write at the same path;
- every path of ``hide`` that is still visible covered (an empty read-only tmpfs
  or ``/dev/null``).
"""

from __future__ import annotations

import ctypes
import os
import platform
import sys
from pathlib import Path
from typing import Any

__all__ = ["kernel_view", "build_root", "SYSTEM_PATHS"]

#: System folders bound read-only when they exist (symbolic links are copied as links).
SYSTEM_PATHS = ("/usr", "/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32", "/etc", "/opt")
_DEVICES = ("null", "zero", "full", "random", "urandom")

_MS_RDONLY = 1
_MS_NOSUID = 2
_MS_NODEV = 4
_MS_NOEXEC = 8
_MS_REMOUNT = 32
_MS_BIND = 4096
_MS_REC = 16384
_MS_PRIVATE = 1 << 18
_MNT_DETACH = 2
_PIVOT_ROOT = {"x86_64": 155, "aarch64": 217, "arm64": 217, "riscv64": 41, "ppc64le": 203, "s390x": 217}


def _libc() -> Any:
    return ctypes.CDLL(None, use_errno=True)


def _check(result: int, what: str) -> None:
    if result != 0:
        err = ctypes.get_errno()
        raise OSError(err, f"{what}: {os.strerror(err)}")


def mount(source: str | None, target: str, fstype: str | None, flags: int, data: str | None = None) -> None:
    """``mount(2)`` through libc."""
    _check(
        _libc().mount(
            source.encode() if source else None, target.encode(), fstype.encode() if fstype else None,
            ctypes.c_ulong(flags), data.encode() if data else None,
        ),
        f"mount {target}",
    )


def _dedupe(paths: list[str]) -> list[str]:
    """Real paths, without those inside another one of the list.

    >>> _dedupe(["/usr/lib", "/usr", "/opt/x"])
    ['/opt/x', '/usr']
    """
    real = sorted({os.path.realpath(p) for p in paths})
    return [p for p in real if not any(p != q and p.startswith(q.rstrip("/") + "/") for q in real)]


def kernel_view(exercises: str | Path | None = None) -> tuple[str, ...]:
    """The folders a grading kernel sees (read-only), computed in the grader's process.

    The interpreter (``sys.base_prefix``, ``sys.prefix``: the standard library
    and the installed packages), the installed ``workbook`` package and its
    data, the public rubric folder ``exercises``, and the ``principles/``
    packages of the extra roots (``$CTO_WORKBOOK_PATH``; never their rubrics or
    notebooks). Nothing else on the grader's ``sys.path``: the folder of the
    script that started the grader or a test runner's folders are not the
    kernel's business. With an editable install the checkout itself is never
    bound, only its package and data.

    >>> import workbook
    >>> package = str(Path(workbook.__file__).resolve().parent)
    >>> view = kernel_view()
    >>> any(package == v or package.startswith(v + "/") for v in view)
    True
    >>> str(Path(package).parent) in view or any(str(Path(package).parent).startswith(v + "/") for v in view)
    False
    """
    import workbook
    from workbook.paths import data_dir, extra_roots

    package = Path(workbook.__file__).resolve().parent
    checkout = package.parent
    wanted = [sys.base_prefix, sys.prefix, os.path.dirname(os.path.realpath(sys.executable)), str(package), str(data_dir())]
    if exercises:
        wanted.append(str(exercises))
    wanted += [str(r / "principles") for r in extra_roots() if (r / "principles").is_dir()]  # a cohort's own packages
    if checkout.name not in ("site-packages", "dist-packages"):  # an editable install: never the checkout itself
        wanted = [p for p in wanted if not checkout.is_relative_to(Path(p).resolve())]
    return tuple(_dedupe(wanted))


def _place(target: Path, like: str) -> None:
    """Create what a bind onto ``target`` needs: a folder, or an empty file for a file."""
    if os.path.isdir(like):
        target.mkdir(parents=True, exist_ok=True)
    else:
        target.parent.mkdir(parents=True, exist_ok=True)
        target.touch(exist_ok=True)


def _bind(root: Path, source: str, *, writable: bool = False, device: bool = False) -> None:
    target = root / source.lstrip("/")
    _place(target, source)
    mount(source, str(target), None, _MS_BIND | _MS_REC)
    flags = _MS_REMOUNT | _MS_BIND | _MS_NOSUID | (0 if device else _MS_NODEV) | (0 if writable else _MS_RDONLY)
    mount(None, str(target), None, flags)


def _tmpfs(target: Path, size: int, mode: str = "1777", device: bool = False) -> None:
    target.mkdir(parents=True, exist_ok=True)
    flags = _MS_NOSUID | (0 if device else _MS_NODEV)
    mount("tmpfs", str(target), "tmpfs", flags, f"size={max(int(size), 4096)},mode={mode}")


def _system(root: Path) -> None:
    for path in SYSTEM_PATHS:
        if os.path.islink(path):
            (root / path.lstrip("/")).symlink_to(os.readlink(path))
        elif os.path.isdir(path):
            _bind(root, path)


def _dev(root: Path, shm_bytes: int) -> None:
    dev = root / "dev"
    _tmpfs(dev, 2**16, "0755", device=True)
    for name in _DEVICES:
        if os.path.exists(f"/dev/{name}"):
            _bind(root, f"/dev/{name}", writable=True, device=True)
    for name, target in (("fd", "/proc/self/fd"), ("stdin", "/proc/self/fd/0"), ("stdout", "/proc/self/fd/1"), ("stderr", "/proc/self/fd/2")):
        (dev / name).symlink_to(target)
    _tmpfs(dev / "shm", shm_bytes)


def _hide(root: Path, hide: tuple[str, ...], warnings: list[str]) -> None:
    for raw in hide:
        target = root / os.path.realpath(raw).lstrip("/")
        try:
            if target.is_dir():
                mount("tmpfs", str(target), "tmpfs", _MS_RDONLY | _MS_NOSUID | _MS_NODEV, "size=4k,mode=0555")
            elif target.exists():
                mount("/dev/null", str(target), None, _MS_BIND)
        except OSError as exc:
            warnings.append(f"sandbox: could not hide {raw} ({exc})")


def _pivot(root: Path) -> None:
    number = _PIVOT_ROOT.get(platform.machine())
    os.chdir(root)
    if number is not None:
        _check(_libc().syscall(ctypes.c_long(number), b".", b"."), "pivot_root")
        _check(_libc().umount2(b".", ctypes.c_int(_MNT_DETACH)), "umount old root")
    else:  # an architecture whose pivot_root number is not listed: move the mount and chroot
        mount(".", "/", None, 8192)  # MS_MOVE
        os.chroot(".")
    os.chdir("/")


def build_root(root: str, *, expose: tuple[str, ...], workdir: str, work_bytes: int, tmp_bytes: int,
               ipc: str | None, hide: tuple[str, ...], warnings: list[str]) -> None:
    """Make a fresh root at ``root`` (an empty folder) and switch to it.

    Call it as root, in a new mount namespace and, for ``/proc``, as the first
    process of a new PID namespace.
    """
    mount(None, "/", None, _MS_REC | _MS_PRIVATE)
    base = Path(root)
    _tmpfs(base, 2**20, "0755")
    for folder in ("tmp", "var/tmp"):  # first: binds of paths under /tmp go on top of it
        _tmpfs(base / folder, tmp_bytes)
    _system(base)
    for path in _dedupe(list(expose)):
        if os.path.exists(path):
            _bind(base, path)
    if ipc:
        _bind(base, ipc, writable=True)
    _tmpfs(base / workdir.lstrip("/"), work_bytes, "0700")
    _dev(base, tmp_bytes)
    (base / "proc").mkdir(exist_ok=True)
    mount("proc", str(base / "proc"), "proc", _MS_NOSUID | _MS_NODEV | _MS_NOEXEC)
    _hide(base, hide, warnings)
    _pivot(base)
