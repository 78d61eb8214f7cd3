"""Where submissions live: one path format, ``{candidate}/{notebook}.ipynb`` by default.

Fields: ``{candidate}`` (the roster id), ``{notebook}`` (the notebook's file
name without ``.ipynb``, e.g. ``L6-fiscal-management``) and ``{principle}``
(``L6``).
"""

from __future__ import annotations

import string
from pathlib import Path, PurePosixPath

from workbook.errors import InputError

__all__ = ["DEFAULT_FORMAT", "check_format", "submission_path", "find_submission", "candidates_in", "stray_entries"]

DEFAULT_FORMAT = "{candidate}/{notebook}.ipynb"
_FIELDS = {"candidate", "notebook", "principle"}


def check_format(fmt: str) -> str:
    """Validate a path format and return it.

    >>> check_format("{candidate}/{principle}.ipynb")
    '{candidate}/{principle}.ipynb'
    >>> check_format("{who}/{notebook}.ipynb")
    Traceback (most recent call last):
    ...
    workbook.errors.InputError: layout = '{who}/{notebook}.ipynb' is not allowed: expected a relative path with {candidate} and {notebook} or {principle} (fields: candidate, notebook, principle), e.g. '{candidate}/{notebook}.ipynb'
    """
    allowed = (
        "a relative path with {candidate} and {notebook} or {principle} "
        "(fields: candidate, notebook, principle), e.g. '" + DEFAULT_FORMAT + "'"
    )
    if not isinstance(fmt, str):
        raise InputError("layout", fmt, allowed)
    try:
        names = {name for _, name, _, _ in string.Formatter().parse(fmt) if name is not None}
    except ValueError:
        raise InputError("layout", fmt, allowed) from None
    parts = PurePosixPath(fmt).parts
    if (
        not names <= _FIELDS
        or "candidate" not in names
        or not names & {"notebook", "principle"}
        or fmt.startswith("/")
        or ".." in parts
    ):
        raise InputError("layout", fmt, allowed)
    return fmt


def submission_path(root: str | Path, candidate: str, notebook: str | Path, fmt: str = DEFAULT_FORMAT) -> Path:
    """The path of one candidate's submission of one notebook.

    >>> submission_path("subs", "ana-reyes", "leadership/L6-fiscal-management.ipynb").as_posix()
    'subs/ana-reyes/L6-fiscal-management.ipynb'
    >>> submission_path("subs", "ana", "L6-fiscal-management", "{principle}/{candidate}.ipynb").as_posix()
    'subs/L6/ana.ipynb'
    """
    check_format(fmt)
    stem = Path(notebook).name
    stem = stem[: -len(".ipynb")] if stem.endswith(".ipynb") else stem
    principle = stem.split("-", 1)[0].upper()
    return Path(root) / fmt.format(candidate=candidate, notebook=stem, principle=principle)


_STRAND_FOLDERS = {"T": "technology", "E": "education", "L": "leadership"}


def find_submission(root: str | Path, candidate: str, notebook: str | Path, fmt: str = DEFAULT_FORMAT) -> Path:
    """Like :func:`submission_path`, but with the default format also finds the
    notebook in its strand folder, as ``workbook cohort collect`` keeps it
    (``{candidate}/leadership/L6-fiscal-management.ipynb``).

    >>> find_submission("/nonexistent", "ana", "L6-fiscal-management").as_posix()
    '/nonexistent/ana/L6-fiscal-management.ipynb'
    """
    path = submission_path(root, candidate, notebook, fmt)
    if path.exists() or fmt != DEFAULT_FORMAT:
        return path
    folder = _STRAND_FOLDERS.get(path.stem[:1].upper())
    nested = Path(root) / candidate / folder / path.name if folder else path
    return nested if nested.exists() else path


def candidates_in(root: str | Path, fmt: str = DEFAULT_FORMAT) -> list[str]:
    """Candidate ids found under ``root`` when the format starts with ``{candidate}/``.

    Used when no roster is given: every folder name is a candidate.
    """
    check_format(fmt)
    base = Path(root)
    if not fmt.startswith("{candidate}/") or not base.is_dir():
        return []
    return sorted(p.name for p in base.iterdir() if p.is_dir() and not p.name.startswith("."))


#: Names the collection writes beside the submissions; never reported as stray.
_COLLECTION_NAMES = {"collection.json", "_history"}


def stray_entries(root: str | Path, candidates: set[str] | list[str], expected: set[Path] | list[Path], *,
                  limit: int = 50) -> list[str]:
    """Files and folders under ``root`` that grading will not read, as paths relative to ``root``.

    Looks at the top level (a folder that is no candidate of the roster, a
    loose file) and inside each candidate's folder (a file that is none of the
    notebooks being graded). Hidden names and the collection's own records are
    left out; at most ``limit`` are listed.

    >>> import tempfile
    >>> base = Path(tempfile.mkdtemp())
    >>> (base / "ana").mkdir(); (base / "stray").mkdir(); (base / "notes.txt").write_text("x")
    1
    >>> (base / "ana" / "L6-fiscal-management.ipynb").write_text("{}"); (base / "ana" / "draft.docx").write_text("x")
    2
    1
    >>> stray_entries(base, {"ana"}, {base / "ana" / "L6-fiscal-management.ipynb"})
    ['ana/draft.docx', 'notes.txt', 'stray/']
    """
    base = Path(root)
    wanted = {Path(p).resolve() for p in expected}
    out: list[str] = []
    for entry in sorted(base.iterdir()) if base.is_dir() else []:
        if entry.name.startswith(".") or entry.name in _COLLECTION_NAMES:
            continue
        if entry.is_dir() and not entry.is_symlink() and entry.name in candidates:
            for path in sorted(entry.rglob("*")):
                rel = path.relative_to(base)
                if any(part.startswith(".") or part in _COLLECTION_NAMES for part in rel.parts):
                    continue
                if path.is_file() and path.resolve() not in wanted:
                    out.append(rel.as_posix())
                if len(out) >= limit:
                    return out
        else:
            out.append(entry.name + ("/" if entry.is_dir() else ""))
        if len(out) >= limit:
            return out
    return out
