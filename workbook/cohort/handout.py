"""Hand the candidate edition out: each candidate's ``~/cto-workbook/``, their own parameters.

For every notebook of the source folder (the released candidate edition) and
every candidate of the roster, papermill's own
:func:`papermill.parameterize.parameterize_notebook` injects the candidate's
``candidate``, ``district`` and ``seed`` after the ``parameters`` cell, and the
result is written into the candidate's workspace, owned by the candidate.

Only the released candidate edition is handed out: :func:`check_candidate_edition`
refuses a source with a cell tagged ``solution`` or ``instructor``, or an
``answer`` cell that no longer holds the released placeholder. The default
source is ``release/notebooks``, where ``workbook release`` writes.

A notebook the candidate has changed is never overwritten. The instructor
keeps a record of what each candidate was given (``cohort/handouts/<id>.json``,
a fingerprint of each file's cells): a file whose cells are still those handed
out may be replaced by new material (opening it in JupyterLab, which rewrites
its metadata, does not count as a change); a changed one stays, and the new
material lands beside it as ``L6-fiscal-management (updated 2026-11-28).ipynb``.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

from workbook.cohort import WORKSPACE
from workbook.cohort.homes import check_homes_template, home_of
from workbook.cohort.safefs import Owner, UnsafePathError, open_dir, read_file, split, write_file
from workbook.cohort.settings import DEFAULT_COHORT_DIR, private_dir
from workbook.errors import InputError
from workbook.grading.release import is_placeholder
from workbook.privatefs import write_private
from workbook.roster import candidate_parameters

__all__ = ["HandoutResult", "source_notebooks", "parameterized", "handout", "hand_out_to", "updated_name",
           "default_source", "home_of", "check_candidate_edition", "cells_fingerprint",
           "NotCandidateEdition"]

_FORBIDDEN_TAGS = ("solution", "instructor")


class NotCandidateEdition(InputError):
    """The hand-out source holds instructor material (solutions or instructor cells)."""


@dataclass(frozen=True)
class HandoutResult:
    """What happened to one notebook for one candidate.

    ``action`` is ``new``, ``updated`` (unchanged by the candidate, replaced),
    ``unchanged`` (already up to date), ``beside`` (the candidate changed it;
    new material written as ``path``), ``offered`` (that new material is
    already beside it) or ``skipped`` (with ``detail``: no home, a planted link).
    """

    candidate: str
    path: str
    action: str
    detail: str = ""


def default_source() -> Path:
    """Where ``workbook release`` writes the candidate edition by default: ``release/notebooks``.

    >>> default_source().as_posix()
    'release/notebooks'
    """
    return Path("release") / "notebooks"


def resolve_source(source: str | Path | None) -> Path:
    """The folder of notebooks to hand out.

    ``None`` means :func:`default_source`; a release folder (``release/``, which
    holds ``notebooks/`` and ``exercises/``) means its ``notebooks/``, so no
    nested folder ever lands in a candidate's workspace.

    >>> import tempfile
    >>> base = Path(tempfile.mkdtemp())
    >>> (base / "notebooks").mkdir(); (base / "exercises").mkdir()
    >>> resolve_source(base) == base / "notebooks"
    True
    >>> resolve_source(base / "nowhere")
    Traceback (most recent call last):
    ...
    workbook.errors.InputError: source = '.../nowhere' is not allowed: expected a folder of released notebooks: run `workbook release` first (it writes release/notebooks), or pass --source with the folder it wrote
    """
    root = Path(source) if source is not None else default_source()
    if not root.is_dir():
        raise InputError("source", str(root), "a folder of released notebooks: run `workbook release` "
                         "first (it writes release/notebooks), or pass --source with the folder it wrote")
    if (root / "notebooks").is_dir() and (root / "exercises").is_dir() and not list(root.glob("*.ipynb")):
        return root / "notebooks"
    return root


def check_candidate_edition(source: str | Path, notebooks: Sequence[str]) -> None:
    """Refuse a source that is not the released candidate edition, naming every offending cell.

    By the cell vocabulary of ``workbook.grading.release``: no cell tagged
    ``solution`` or ``instructor``, and every ``answer`` code cell still holds
    the released placeholder.
    """
    import nbformat

    problems: list[str] = []
    for rel in notebooks:
        try:
            nb = nbformat.read(str(Path(source) / rel), as_version=4)
        except Exception as exc:  # noqa: BLE001 - any unreadable file is reported, not raised
            problems.append(f"{rel}: not a readable notebook ({type(exc).__name__})")
            continue
        for i, cell in enumerate(nb.cells):
            tags = set(cell.get("metadata", {}).get("tags", []) or [])
            where = f"{rel}, cell {i + 1} (id {cell.get('id', '?')})"
            bad = tags & set(_FORBIDDEN_TAGS)
            if bad:
                problems.append(f"{where}: tagged {', '.join(sorted(bad))}")
            elif "answer" in tags and cell.cell_type == "code" and not is_placeholder(cell.source):
                problems.append(f"{where}: an answer cell that holds code instead of the released placeholder")
    if problems:
        shown = "; ".join(problems[:8]) + (f"; and {len(problems) - 8} more" if len(problems) > 8 else "")
        raise NotCandidateEdition(
            "source", str(source),
            f"the released candidate edition (run `workbook release`, then hand out release/notebooks); "
            f"this folder holds instructor material: {shown}")


def cells_fingerprint(data: bytes) -> str:
    """A fingerprint of a notebook's cells (id, type, source): what the candidate can change.

    Outputs, execution counts and metadata are left out, so a notebook that
    JupyterLab opened and saved again keeps its fingerprint.

    >>> import json
    >>> nb = {"cells": [{"id": "a", "cell_type": "code", "source": "x = 1", "outputs": []}], "metadata": {}}
    >>> touched = dict(nb, metadata={"kernelspec": {"name": "python3"}})
    >>> cells_fingerprint(json.dumps(nb).encode()) == cells_fingerprint(json.dumps(touched).encode())
    True
    >>> changed = {"cells": [dict(nb["cells"][0], source="x = 2")], "metadata": {}}
    >>> cells_fingerprint(json.dumps(nb).encode()) == cells_fingerprint(json.dumps(changed).encode())
    False
    """
    try:
        cells = json.loads(data.decode("utf-8"))["cells"]
        key = [[c.get("id"), c.get("cell_type"),
                "".join(c["source"]) if isinstance(c.get("source"), list) else c.get("source")]
               for c in cells]
    except (ValueError, KeyError, TypeError, AttributeError, UnicodeDecodeError):
        return "bytes:" + _sha(data)
    return _sha(json.dumps(key, sort_keys=True).encode("utf-8"))


def source_notebooks(source: str | Path) -> list[str]:
    """The notebooks of ``source`` as sorted relative POSIX paths (no checkpoints).

    Raises InputError when the folder does not exist or holds no notebook.
    """
    root = Path(source)
    if not root.is_dir():
        raise InputError("source", str(source), "a folder of notebooks (the candidate edition)")
    found = sorted(
        p.relative_to(root).as_posix()
        for p in root.rglob("*.ipynb")
        if not any(part.startswith(".") for part in p.relative_to(root).parts)
    )
    if not found:
        raise InputError("source", str(source), "a folder holding at least one .ipynb notebook")
    return found


def parameterized(path: str | Path, parameters: dict[str, Any]) -> bytes:
    """The notebook at ``path`` with ``parameters`` injected by papermill, as bytes."""
    import nbformat
    from papermill.iorw import load_notebook_node
    from papermill.parameterize import parameterize_notebook

    nb = load_notebook_node(str(path))  # papermill's loader: every cell gets metadata.tags
    nb = parameterize_notebook(nb, parameters, comment="Your parameters (set by your instructor)")
    for cell in nb.cells:  # papermill gives the injected cell a random id: make it stable,
        if "injected-parameters" in cell.metadata.get("tags", []):  # so a second hand-out
            cell.id = "injected-parameters"  # of the same material is byte-identical
    return (nbformat.writes(nb) + "\n").encode("utf-8")


def updated_name(name: str, day: dt.date, n: int = 1) -> str:
    """Where new material goes beside a changed notebook.

    >>> updated_name("L6-fiscal-management.ipynb", dt.date(2026, 11, 28))
    'L6-fiscal-management (updated 2026-11-28).ipynb'
    >>> updated_name("L6.ipynb", dt.date(2026, 11, 28), 2)
    'L6 (updated 2026-11-28, 2).ipynb'
    """
    p = PurePosixPath(name)
    extra = "" if n == 1 else f", {n}"
    return f"{p.stem} (updated {day.isoformat()}{extra}){p.suffix}"


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _load_record(path: Path) -> dict[str, dict[str, str]]:
    if path.is_file():
        return json.loads(path.read_text(encoding="utf-8"))
    return {}


def _hand_one(base: Path, owner: Owner, rel: str, data: bytes, record: dict[str, Any],
              today: dt.date, candidate: str) -> HandoutResult:
    folder, name = split(rel)
    new_sha, new_cells = _sha(data), cells_fingerprint(data)
    given_now = {"given": new_sha, "given_cells": new_cells, "offered": new_sha}
    entry = record.get(rel, {})
    dfd = open_dir(base, PurePosixPath(WORKSPACE) / folder, create=True, owner=owner)
    try:
        current = read_file(dfd, name)
        if current is None:
            write_file(dfd, name, data, owner=owner)
            record[rel] = given_now
            return HandoutResult(candidate, rel, "new")
        current_sha, current_cells = _sha(current[0]), cells_fingerprint(current[0])
        if current_sha == new_sha or current_cells == new_cells:
            record[rel] = given_now
            return HandoutResult(candidate, rel, "unchanged")
        if entry.get("given") == current_sha or entry.get("given_cells") == current_cells:
            write_file(dfd, name, data, owner=owner, replace=True)
            record[rel] = given_now
            return HandoutResult(candidate, rel, "updated")
        if entry.get("offered") == new_sha:
            return HandoutResult(candidate, rel, "offered", "the candidate changed it; "
                                 "this material is already beside it")
        for n in range(1, 100):
            beside = updated_name(name, today, n)
            existing = read_file(dfd, beside)
            if existing is not None and _sha(existing[0]) == new_sha:
                break
            if existing is None and write_file(dfd, beside, data, owner=owner):
                break
        else:  # pragma: no cover - a hundred hand-outs in one day
            raise UnsafePathError(f"{rel}: too many updated copies today")
        record[rel] = {"given": entry.get("given", ""), "given_cells": entry.get("given_cells", ""),
                       "offered": new_sha}
        where = str(PurePosixPath(folder) / beside) if folder != "." else beside
        return HandoutResult(candidate, where, "beside",
                             f"the candidate changed {rel}; new material is beside it")
    finally:
        os.close(dfd)


def handout(
    entries: Sequence[Any],
    source: str | Path | None,
    cohort_secret: str,
    *,
    cohort_dir: str | Path = DEFAULT_COHORT_DIR,
    homes: str | None = None,
    today: dt.date | None = None,
    only: Iterable[str] | None = None,
) -> list[HandoutResult]:
    """Hand every notebook of ``source`` to every candidate in ``entries``.

    Parameters
    ----------
    entries
        Roster entries (:func:`workbook.roster.read_roster`).
    source
        The folder of notebooks to hand out: the candidate edition that
        ``workbook release`` wrote (checked; see :func:`check_candidate_edition`).
    cohort_secret
        The cohort secret; seeds come from :func:`workbook.roster.candidate_parameters`.
    cohort_dir
        Instructor-only folder holding the hand-out records.
    homes
        A template like ``/home/{candidate}``; by default the system's record of each user.
    today
        The date used in the name of material written beside a changed notebook.
    only
        Candidate ids to hand out to (default: everyone on the roster).

    Returns
    -------
    list of HandoutResult
        One per candidate and notebook; candidates whose home is missing get
        one ``skipped`` result and the others carry on.
    """
    check_homes_template(homes)
    source = resolve_source(source)
    notebooks = source_notebooks(source)
    check_candidate_edition(source, notebooks)
    today = today or dt.date.today()
    wanted = set(only) if only is not None else None
    records = private_dir(Path(cohort_dir) / "handouts")
    results: list[HandoutResult] = []
    for entry in entries:
        if wanted is not None and entry.candidate not in wanted:
            continue
        params = candidate_parameters(entry, cohort_secret)
        try:
            base = home_of(entry.candidate, homes)
            owner = Owner.of(base)
        except InputError:
            results.append(HandoutResult(entry.candidate, "", "skipped",
                                         "no such user on this machine: import the roster into the hub first "
                                         "(`workbook cohort roster import`), or pass --homes '/path/to/homes/{candidate}'"))
            continue
        except FileNotFoundError:
            results.append(HandoutResult(entry.candidate, "", "skipped",
                                         f"the home folder {base} does not exist: create it for {entry.candidate} "
                                         "(or import the roster into the hub), or pass --homes with the right template"))
            continue
        results += hand_out_to(base, params, source, records / f"{entry.candidate}.json",
                               candidate=entry.candidate, today=today, owner=owner, notebooks=notebooks)
    return results


def hand_out_to(
    base: str | Path,
    params: dict[str, Any],
    source: str | Path,
    record_path: str | Path,
    *,
    candidate: str,
    today: dt.date | None = None,
    owner: Owner | None = None,
    notebooks: Sequence[str] | None = None,
) -> list[HandoutResult]:
    """Hand every notebook of ``source`` to one workspace, ``base/cto-workbook/``, with ``params``.

    The rules of :func:`handout` for one candidate: new material replaces a file
    still equal to what was handed out before (``record_path`` remembers it) and
    lands beside a changed one. :func:`handout` calls this for every candidate of a
    roster; ``workbook workspace`` (``make lab``) for the local candidate.

    Parameters
    ----------
    base
        The folder that holds the workspace (a candidate's home).
    params
        The parameters papermill injects (``candidate``, ``district``, ``seed``).
    source
        The folder of notebooks to hand out (the candidate edition).
    record_path
        The JSON file recording what was handed out (created when missing).
    candidate
        Named in each result.
    today
        The date used in the name of material written beside a changed notebook.
    owner
        Who new files belong to (default: the owner of ``base``).
    notebooks
        The relative paths to hand out (default: every notebook of ``source``).
    """
    base = Path(base)
    record_path = Path(record_path)
    owner = owner or Owner.of(base)
    today = today or dt.date.today()
    record = _load_record(record_path)
    results: list[HandoutResult] = []
    for rel in notebooks if notebooks is not None else source_notebooks(source):
        data = parameterized(Path(source) / rel, params)
        try:
            results.append(_hand_one(base, owner, rel, data, record, today, candidate))
        except UnsafePathError as exc:
            results.append(HandoutResult(candidate, rel, "skipped", str(exc)))
    write_private(record_path, json.dumps(record, indent=1, sort_keys=True))
    return results
