"""Collect each candidate's notebooks into ``submissions/{candidate}/`` for grading.

Run by the instructor on the hub host: it reads each candidate's
``~/cto-workbook/`` (never following a link the candidate planted) and copies
every notebook into an instructor-only folder, with ``collection.json``::

    {"candidate": "ana-reyes", "collected_at": "2026-12-01T17:05:00+00:00",
     "due": "2026-12-01T17:00:00+00:00", "late": false,
     "files": [{"path": "leadership/L6-fiscal-management.ipynb", "sha256": "...",
                "first_seen": "2026-12-01T16:00:00+00:00",
                "modified_at": "2026-12-01T16:40:12+00:00", "late": false}],
     "seen": {"<sha256>": "2026-12-01T16:00:00+00:00"}, "skipped": []}

Lateness never comes from the file: a candidate can set a notebook's
modification time to anything (``os.utime``). A notebook is late when the
collector first saw its content (its SHA-256) after the due date; every
collection remembers the contents it has seen (``seen``, carried from one
collection to the next). So run ``workbook cohort collect`` at the due time
(from cron or ``at``): that snapshot is what was handed in on time, and a later
collection flags only what changed since. ``modified_at`` is kept for
information only. The candidate is late when any notebook is.

The walk of a workspace is iterative and bounded (:class:`~workbook.cohort.safefs.WalkLimits`:
depth, folders, entries, notebooks, total apparent size, so sparse files count
in full); what it left out is listed in ``skipped``. One candidate's workspace
never stops the others' collection. Collecting again keeps the earlier
collection under ``submissions/_history/{candidate}/{collected_at}/``. There is
no shared writable folder and the candidate's copy is never changed.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import shutil
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from workbook.cohort import WORKSPACE
from workbook.cohort.homes import check_homes_template, home_of
from workbook.cohort.safefs import MAX_NOTEBOOK_BYTES, UnsafePathError, Walk, WalkLimits, iter_notebooks, parts_ok, read_file
from workbook.cohort.settings import private_dir
from workbook.errors import InputError
from workbook.privatefs import write_private

__all__ = ["Collection", "collect", "parse_due", "MANIFEST"]

MANIFEST = "collection.json"
HISTORY = "_history"


@dataclass
class Collection:
    """One candidate's collection: where it went, when, whether late, what was skipped."""

    candidate: str
    folder: Path
    collected_at: dt.datetime
    due: dt.datetime | None
    files: list[dict[str, Any]] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    seen: dict[str, str] = field(default_factory=dict)

    @property
    def late(self) -> bool:
        """True when the collector first saw any collected notebook's content after the due date."""
        return any(f["late"] for f in self.files)

    def as_json(self) -> dict[str, Any]:
        return {
            "schema_version": 1,
            "candidate": self.candidate,
            "collected_at": self.collected_at.isoformat(),
            "due": self.due.isoformat() if self.due else None,
            "late": self.late,
            "files": self.files,
            "skipped": self.skipped,
            "seen": self.seen,
        }


def parse_due(value: str | dt.datetime | None) -> dt.datetime | None:
    """A due date as an aware datetime; a date alone means the end of that day (local time).

    >>> parse_due("2026-12-01T17:00:00+00:00").isoformat()
    '2026-12-01T17:00:00+00:00'
    >>> parse_due("2026-12-01").hour, parse_due("2026-12-01").minute
    (23, 59)
    >>> parse_due("next week")
    Traceback (most recent call last):
    ...
    workbook.errors.InputError: due = 'next week' is not allowed: expected a date like 2026-12-01 or a time like 2026-12-01T17:00 (ISO 8601)
    """
    if value is None or isinstance(value, dt.datetime):
        when = value
    else:
        try:
            when = dt.datetime.fromisoformat(value)
        except (TypeError, ValueError):
            raise InputError("due", value, "a date like 2026-12-01 or a time like "
                             "2026-12-01T17:00 (ISO 8601)") from None
        if len(value.strip()) == 10:
            when = when.replace(hour=23, minute=59, second=59)
    if when is not None and when.tzinfo is None:
        when = when.astimezone()
    return when


def _stamp(when: dt.datetime) -> str:
    return when.strftime("%Y%m%dT%H%M%S%z")


def _earlier_seen(folder: Path) -> dict[str, str]:
    """Content hashes an earlier collection saw, with when they were first seen (``{}`` when none)."""
    try:
        earlier = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
        seen = earlier.get("seen") or {f["sha256"]: earlier["collected_at"] for f in earlier.get("files", [])}
        return {str(k): str(v) for k, v in seen.items()}
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return {}


def _archive(folder: Path, dest: Path, candidate: str) -> None:
    """Move an earlier collection aside so nothing collected is ever lost."""
    manifest = folder / MANIFEST
    try:
        earlier = json.loads(manifest.read_text(encoding="utf-8"))["collected_at"]
        stamp = _stamp(dt.datetime.fromisoformat(earlier))
    except (OSError, ValueError, KeyError):
        stamp = _stamp(dt.datetime.fromtimestamp(folder.stat().st_mtime).astimezone())
    target = private_dir(dest / HISTORY / candidate) / stamp
    n = 1
    while target.exists():
        n += 1
        target = target.with_name(f"{stamp}-{n}")
    shutil.move(str(folder), str(target))


def collect(
    entries: Sequence[Any],
    dest: str | Path = "submissions",
    *,
    due: str | dt.datetime | None = None,
    homes: str | None = None,
    now: dt.datetime | None = None,
    only: Iterable[str] | None = None,
    limits: WalkLimits | None = None,
) -> list[Collection]:
    """Copy each candidate's notebooks into ``dest/{candidate}/`` with ``collection.json``.

    Parameters
    ----------
    entries
        Roster entries.
    dest
        The instructor-only submissions folder (made 0700).
    due
        The due date (ISO 8601); without one nothing is late.
    homes
        A template like ``/home/{candidate}``; by default the system's record.
    now
        The collection time (default: now).
    only
        Candidate ids to collect (default: everyone on the roster).
    limits
        How much of each workspace to look at (default: :class:`WalkLimits`).
    """
    check_homes_template(homes)
    due_at = parse_due(due)
    collected_at = (now or dt.datetime.now(dt.timezone.utc)).astimezone()
    root = private_dir(dest)
    wanted = set(only) if only is not None else None
    out: list[Collection] = []
    for entry in entries:
        if wanted is not None and entry.candidate not in wanted:
            continue
        folder = root / entry.candidate
        result = Collection(entry.candidate, folder, collected_at, due_at)
        try:
            seen = _earlier_seen(folder)
            if folder.exists():
                _archive(folder, root, entry.candidate)
            private_dir(folder)
            result.seen = dict(seen)
            _collect_one(entry.candidate, homes, result, limits or WalkLimits())
        except Exception as exc:  # noqa: BLE001 - one candidate's workspace must not stop the others'
            result.skipped.append(f"collection stopped: {type(exc).__name__}: {str(exc)[:200]}")
        try:
            write_private(folder / MANIFEST, json.dumps(result.as_json(), indent=1))
        except OSError as exc:
            result.skipped.append(f"{MANIFEST} not written: {exc}")
        out.append(result)
    return out


def _collect_one(candidate: str, homes: str | None, result: Collection, limits: WalkLimits) -> None:
    """Copy one candidate's notebooks, one at a time (never all in memory), within ``limits``."""
    try:
        base = home_of(candidate, homes)
    except (InputError, FileNotFoundError, UnsafePathError) as exc:
        result.skipped.append(f"workspace: {exc}")
        return
    walk = Walk(limits)
    total = 0
    try:
        for rel, dirfd, name in iter_notebooks(base, WORKSPACE, walk):
            if len(result.files) >= limits.notebooks:
                result.skipped.append(f"more than {limits.notebooks} notebooks; the rest are not collected")
                break
            left = limits.total_bytes - total
            try:
                got = read_file(dirfd, name, limit=min(MAX_NOTEBOOK_BYTES, left))
            except UnsafePathError as exc:
                note = f" (the {limits.total_bytes // 2**20} MB for all of a candidate's notebooks are used up)" if left < MAX_NOTEBOOK_BYTES else ""
                result.skipped.append(f"{rel}: {exc}{note}")
                continue
            if got is None:
                continue
            data, mtime = got
            total += len(data)
            _store(result, rel, data, mtime)
    except (FileNotFoundError, UnsafePathError) as exc:
        result.skipped.append(f"workspace: {exc}")
    result.skipped += walk.notes


def _store(result: Collection, rel: str, data: bytes, mtime: float) -> None:
    target = result.folder.joinpath(*parts_ok(rel))
    write_private(target, data)  # 0600 in 0700 folders, whatever the umask
    os.utime(target, (mtime, mtime))
    sha = hashlib.sha256(data).hexdigest()
    first = result.seen.setdefault(sha, result.collected_at.isoformat())
    first_seen = dt.datetime.fromisoformat(first)
    modified = dt.datetime.fromtimestamp(mtime, dt.timezone.utc).astimezone()
    result.files.append({
        "path": rel,
        "sha256": sha,
        "bytes": len(data),
        "first_seen": first,
        "modified_at": modified.isoformat(),  # what the file says: information only, never lateness
        "late": bool(result.due is not None and first_seen > result.due),
    })
