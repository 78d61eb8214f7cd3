"""Instructor files that no candidate can read, whatever the umask.

The cohort folder, its secret and roster, ``submissions/``, ``grades/`` and the
gradebook (with SQLite's ``-wal`` and ``-shm``, which SQLite creates with the
database file's own mode) are made 0700 (folders) and 0600 (files) by the
commands that make them: modes are set explicitly, never left to the umask.
:func:`exposures` finds any such file that another user could read, for
``workbook cohort check``.
"""

from __future__ import annotations

import grp
import os
import pwd
import stat
from dataclasses import dataclass
from pathlib import Path

__all__ = ["private_dir", "private_parents", "write_private", "touch_private", "Exposure", "exposures"]


def private_parents(path: str | Path) -> Path:
    """Create the missing folders above ``path`` as 0700; folders that exist are left alone.

    >>> import tempfile
    >>> base = Path(tempfile.mkdtemp())
    >>> _ = private_parents(base / "grades" / "gradebook.sqlite")
    >>> oct((base / "grades").stat().st_mode & 0o777)
    '0o700'
    """
    p = Path(path)
    missing = [d for d in [p.parent, *p.parent.parents] if not d.exists()]
    for d in reversed(missing):
        try:
            os.mkdir(d, 0o700)
        except FileExistsError:
            continue
        os.chmod(d, 0o700)
    return p


def private_dir(path: str | Path) -> Path:
    """Create ``path`` (and missing parents, all 0700) and make it 0700.

    >>> import tempfile
    >>> old = os.umask(0)
    >>> d = private_dir(Path(tempfile.mkdtemp()) / "srv" / "cohort")
    >>> _ = os.umask(old)
    >>> oct(d.stat().st_mode & 0o777), oct(d.parent.stat().st_mode & 0o777)
    ('0o700', '0o700')
    """
    p = private_parents(Path(path) / "x").parent
    os.chmod(p, 0o700)
    return p


def touch_private(path: str | Path) -> Path:
    """Create ``path`` empty if missing, and make it 0600 (before SQLite or anyone writes it).

    >>> import tempfile
    >>> f = touch_private(Path(tempfile.mkdtemp()) / "grades" / "gradebook.sqlite")
    >>> oct(f.stat().st_mode & 0o777), oct(f.parent.stat().st_mode & 0o777)
    ('0o600', '0o700')
    """
    p = private_parents(path)
    if p.exists():
        if p.stat().st_uid == os.geteuid():
            os.chmod(p, 0o600)
        return p
    fd = os.open(p, os.O_WRONLY | os.O_CREAT, 0o600)
    try:
        os.fchmod(fd, 0o600)
    finally:
        os.close(fd)
    return p


def write_private(path: str | Path, data: bytes | str) -> Path:
    """Write ``path`` (0600) atomically through a temporary file beside it.

    >>> import tempfile
    >>> old = os.umask(0)
    >>> f = write_private(Path(tempfile.mkdtemp()) / "a.json", "{}")
    >>> _ = os.umask(old)
    >>> f.read_text(), oct(f.stat().st_mode & 0o777)
    ('{}', '0o600')
    """
    p = private_parents(path)
    raw = data.encode("utf-8") if isinstance(data, str) else data
    tmp = p.with_name(f".{p.name}.{os.getpid()}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | os.O_NOFOLLOW, 0o600)
    try:
        os.fchmod(fd, 0o600)
        view = memoryview(raw)
        while view:
            view = view[os.write(fd, view):]
    finally:
        os.close(fd)
    os.replace(tmp, p)
    return p


@dataclass(frozen=True)
class Exposure:
    """A file or folder another user can read: who, and the command that closes it."""

    path: Path
    who: str
    fix: str

    def line(self) -> str:
        return f"{self.path}: readable by {self.who}; fix: {self.fix}"


def _group_members(gid: int) -> set[str]:
    try:
        g = grp.getgrgid(gid)
    except KeyError:
        return set()
    members = set(g.gr_mem)
    members |= {u.pw_name for u in pwd.getpwall() if u.pw_gid == gid}
    return members


def _reachable(path: Path, bit_other: int, gid: int | None) -> bool:
    """Whether every folder above ``path`` lets that class of user through (x bit)."""
    for d in path.resolve().parents:
        try:
            st = d.stat()
        except OSError:
            return False
        if st.st_mode & bit_other:
            continue
        if gid is not None and st.st_gid == gid and st.st_mode & stat.S_IXGRP:
            continue
        return False
    return True


def _who(path: Path, st: os.stat_result) -> str | None:
    if st.st_mode & stat.S_IROTH and _reachable(path, stat.S_IXOTH, None):
        return "every user (others have read access)"
    if st.st_mode & stat.S_IRGRP:
        owner = pwd.getpwuid(st.st_uid).pw_name if st.st_uid in {u.pw_uid for u in pwd.getpwall()} else ""
        others = _group_members(st.st_gid) - {owner}
        if others and _reachable(path, stat.S_IXOTH, st.st_gid):
            name = grp.getgrgid(st.st_gid).gr_name
            return f"the group {name} ({', '.join(sorted(others)[:5])})"
    return None


def exposures(paths: list[str | Path]) -> list[Exposure]:
    """Every file or folder at or below ``paths`` that a user other than its owner can read.

    Paths that do not exist are skipped. Links are not followed.

    >>> import tempfile
    >>> d = Path(tempfile.mkdtemp()); os.chmod(d, 0o755)
    >>> f = d / "roster.csv"; _ = f.write_text("x"); os.chmod(f, 0o644)
    >>> [e.fix.split()[:2] for e in exposures([f])]
    [['chmod', '0600']]
    >>> os.chmod(f, 0o600); exposures([f])
    []
    """
    found: list[Exposure] = []
    for raw in paths:
        top = Path(raw)
        if not top.exists() or top.is_symlink():
            continue
        items = [top]
        if top.is_dir():
            items += sorted(p for p in top.rglob("*") if not p.is_symlink())
        for p in items:
            try:
                st = p.lstat()
            except OSError:
                continue
            who = _who(p, st)
            if who:
                mode = "0700" if stat.S_ISDIR(st.st_mode) else "0600"
                found.append(Exposure(p, who, f"chmod {mode} {p}"))
    return found
