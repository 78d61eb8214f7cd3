"""File operations inside a candidate's home that never follow a planted link.

Hand-out and collection run as root on the hub host, inside folders the
candidate controls. A candidate could replace ``~/cto-workbook/leadership``
with a symbolic link to ``/etc`` or to another candidate's home; these helpers
walk with directory file descriptors and ``O_NOFOLLOW``, so such a link is
refused instead of followed, with no race between the check and the use.
"""

from __future__ import annotations

import os
import stat
import secrets as _secrets
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from workbook.errors import WorkbookError

__all__ = ["UnsafePathError", "Owner", "open_dir", "read_file", "write_file", "iter_notebooks", "Walk", "WalkLimits"]

_DIR_FLAGS = os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW | getattr(os, "O_CLOEXEC", 0)
MAX_NOTEBOOK_BYTES = 50 * 1024 * 1024


class UnsafePathError(WorkbookError):
    """A path inside a candidate's workspace is a link or not what it should be."""


@dataclass(frozen=True)
class Owner:
    """Who new files and folders belong to (the candidate)."""

    uid: int
    gid: int

    @classmethod
    def of(cls, path: str | Path) -> "Owner":
        """The owner of an existing path (a candidate's home folder)."""
        st = os.stat(path)
        return cls(st.st_uid, st.st_gid)

    def apply(self, fd: int) -> None:
        """Give ``fd`` to this owner (only root may; otherwise it is already ours)."""
        if os.geteuid() == 0:
            os.fchown(fd, self.uid, self.gid)


def _parts(relative: str | PurePosixPath) -> list[str]:
    parts = [p for p in PurePosixPath(relative).parts if p not in ("", ".")]
    if any(p in ("..", "/") for p in parts):
        raise UnsafePathError(f"{relative}: paths must stay inside the workspace")
    return parts


def open_dir(base: str | Path, relative: str | PurePosixPath, *, create: bool = False,
             owner: Owner | None = None, mode: int = 0o755) -> int:
    """Open ``base/relative`` as a directory fd, refusing links at every step below ``base``.

    ``base`` (a home folder made by the system) is trusted; each part of
    ``relative`` is opened with ``O_NOFOLLOW``. With ``create`` missing folders
    are made and given to ``owner``. The caller closes the returned fd.

    >>> import tempfile
    >>> base = tempfile.mkdtemp()
    >>> fd = open_dir(base, "a/b", create=True)
    >>> os.close(fd); os.path.isdir(os.path.join(base, "a", "b"))
    True
    >>> os.symlink("/etc", os.path.join(base, "a", "link"))
    >>> open_dir(base, "a/link")
    Traceback (most recent call last):
    ...
    workbook.cohort.safefs.UnsafePathError: a/link: 'link' is a link or not a folder; refusing to follow it
    """
    fd = os.open(base, _DIR_FLAGS & ~os.O_NOFOLLOW)
    try:
        for part in _parts(relative):
            if create:
                try:
                    os.mkdir(part, mode, dir_fd=fd)
                except FileExistsError:
                    pass
                else:
                    new = os.open(part, _DIR_FLAGS, dir_fd=fd)
                    try:
                        if owner is not None:
                            owner.apply(new)
                    finally:
                        os.close(new)
            try:
                nxt = os.open(part, _DIR_FLAGS, dir_fd=fd)
            except (NotADirectoryError, OSError) as exc:
                if isinstance(exc, FileNotFoundError):
                    raise
                raise UnsafePathError(
                    f"{relative}: {part!r} is a link or not a folder; refusing to follow it"
                ) from None
            os.close(fd)
            fd = nxt
    except BaseException:
        os.close(fd)
        raise
    return fd


def read_file(dir_fd: int, name: str, *, limit: int = MAX_NOTEBOOK_BYTES) -> tuple[bytes, float] | None:
    """Read a regular file in ``dir_fd``: ``(content, mtime)``, or None when it is missing.

    Raises :class:`UnsafePathError` for a link, a device, a fifo or a file over ``limit`` bytes.
    """
    try:
        fd = os.open(name, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK, dir_fd=dir_fd)
    except FileNotFoundError:
        return None
    except OSError:
        raise UnsafePathError(f"{name!r} is a link or cannot be opened; skipped") from None
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise UnsafePathError(f"{name!r} is not a regular file; skipped")
        if st.st_size > limit:
            raise UnsafePathError(f"{name!r} is {st.st_size} bytes, over the {limit}-byte limit; skipped")
        chunks = []
        while chunk := os.read(fd, 1 << 20):
            chunks.append(chunk)
        return b"".join(chunks), st.st_mtime
    finally:
        os.close(fd)


def write_file(dir_fd: int, name: str, data: bytes, *, owner: Owner | None = None,
               replace: bool = False, mode: int = 0o644) -> bool:
    """Write ``name`` in ``dir_fd`` atomically, owned by ``owner``.

    With ``replace=False`` an existing ``name`` is left alone and False is
    returned. With ``replace=True`` the file is swapped in with a rename, which
    replaces a planted link itself rather than writing through it.
    """
    tmp = f".{name}.{_secrets.token_hex(6)}.tmp"
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, mode, dir_fd=dir_fd)
    try:
        if owner is not None:
            owner.apply(fd)
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view):]
        os.fsync(fd)
    finally:
        os.close(fd)
    try:
        if replace:
            os.rename(tmp, name, src_dir_fd=dir_fd, dst_dir_fd=dir_fd)
            return True
        try:
            os.link(tmp, name, src_dir_fd=dir_fd, dst_dir_fd=dir_fd, follow_symlinks=False)
        except FileExistsError:
            return False
        return True
    finally:
        try:
            os.unlink(tmp, dir_fd=dir_fd)
        except FileNotFoundError:
            pass


@dataclass(frozen=True)
class WalkLimits:
    """How much of one candidate's workspace a walk may look at.

    A workspace is a dozen folders and notebooks; these bounds are far above
    that and far below what a hostile one costs (1,200 nested folders, sparse
    49 MB files by the dozen).
    """

    depth: int = 8               # folders below the workspace
    folders: int = 500           # folders opened
    entries: int = 20_000        # names listed, files and folders together
    notebooks: int = 200         # notebooks collected
    total_bytes: int = 100 * 2**20  # apparent size of the notebooks collected (a sparse file counts in full)


@dataclass
class Walk:
    """What a walk met beyond its limits (one line each), filled while iterating."""

    limits: WalkLimits
    notes: list[str] = field(default_factory=list)
    folders: int = 0
    entries: int = 0


def iter_notebooks(base: str | Path, relative: str = ".", walk: Walk | None = None) -> Iterator[tuple[str, int, str]]:
    """Yield ``(relative_path, dir_fd, name)`` for every ``*.ipynb`` below ``base/relative``.

    Hidden folders (``.ipynb_checkpoints``, ``.Trash``) and links are skipped;
    the dir fds are valid only while iterating. The walk is iterative (no
    recursion, whatever the depth), holds one open folder per level, and stops
    at ``walk.limits``; what it left out is written to ``walk.notes``.

    >>> import tempfile
    >>> base = tempfile.mkdtemp()
    >>> deep = os.path.join(base, *["d"] * 12)
    >>> os.makedirs(deep)
    >>> open(os.path.join(deep, "x.ipynb"), "w").close()
    >>> open(os.path.join(base, "top.ipynb"), "w").close()
    >>> w = Walk(WalkLimits(depth=4))
    >>> [rel for rel, _, _ in iter_notebooks(base, ".", w)], w.notes
    (['top.ipynb'], ['d/d/d/d: folders nested deeper than 4 levels are not collected'])
    """
    walk = walk or Walk(WalkLimits())
    limits = walk.limits
    top = open_dir(base, relative)
    stack: list[tuple[int, str, int, list[str]]] = []
    try:
        fd, rel, depth = top, "", 0
        while True:
            names = []
            files = []
            with os.scandir(fd) as listing:
                for entry in listing:
                    walk.entries += 1
                    if walk.entries > limits.entries:
                        walk.notes.append(f"{rel or '.'}: more than {limits.entries:,} files and folders; the rest are not collected")
                        return
                    if entry.name.startswith("."):
                        continue
                    if entry.is_dir(follow_symlinks=False):
                        names.append(entry.name)
                    elif entry.name.endswith(".ipynb"):
                        files.append(entry.name)
            for name in sorted(files):
                yield (f"{rel}/{name}" if rel else name), fd, name
            subdirs = sorted(names)
            if subdirs and depth >= limits.depth:
                walk.notes.append(f"{rel}: folders nested deeper than {limits.depth} levels are not collected")
                subdirs = []
            stack.append((fd, rel, depth, subdirs))
            fd = -1
            while stack:
                parent, prel, pdepth, pending = stack[-1]
                if not pending:
                    stack.pop()
                    if parent != top:
                        os.close(parent)
                    continue
                name = pending.pop(0)
                walk.folders += 1
                if walk.folders > limits.folders:
                    walk.notes.append(f"{prel or '.'}: more than {limits.folders} folders; the rest are not collected")
                    return
                try:
                    fd = os.open(name, _DIR_FLAGS, dir_fd=parent)
                except OSError:
                    continue  # replaced by a link or removed meanwhile: never followed
                rel, depth = (f"{prel}/{name}" if prel else name), pdepth + 1
                break
            if fd == -1:
                return
    finally:
        for parent, _, _, _ in stack:
            if parent != top:
                os.close(parent)
        if fd not in (-1, top):
            os.close(fd)
        os.close(top)


def split(relative: str) -> tuple[str, str]:
    """``"a/b/c.ipynb"`` -> ``("a/b", "c.ipynb")``.

    >>> split("leadership/L6.ipynb"), split("00.ipynb")
    (('leadership', 'L6.ipynb'), ('.', '00.ipynb'))
    """
    p = PurePosixPath(relative)
    return (str(p.parent), p.name)


def parts_ok(relative: str) -> Sequence[str]:
    """Validate a relative path (no ``..``) and return its parts."""
    return _parts(relative)
