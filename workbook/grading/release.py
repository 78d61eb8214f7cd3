"""The candidate edition: solutions replaced by placeholders, no outputs, no instructor cells.

Rules for a cell tagged ``solution``:

- If its source has a ``# BEGIN SOLUTION`` line and a later ``# END SOLUTION``
  line, only the lines between them (markers included) are replaced, so
  scaffolding around them stays.
- Otherwise the leading comment lines stay (the exercise's instructions) and
  the rest is replaced.

The placeholder is the exercise's own call with the value left out,
``answer("l6-tco-5yr", ...)``: run as it is, it shows "not answered yet" and
records nothing, so Run All reaches the end of the notebook (the charts and
readings after an exercise never wait for it), and a blank submission scores
zero with a clear reason ("the placeholder is still there") instead of a
silent miss. Scaffolding kept around a ``# BEGIN SOLUTION`` block must not
need the answer's variables. Placeholders of earlier releases (``raise
NotImplementedError``) are still recognised.

A released solution cell is tagged ``answer`` instead: it now holds the
candidate's own work (the portfolio shows it; ``solution`` cells, the
instructor's, never reach a portfolio). Cells tagged ``instructor`` are removed; outputs and execution counts are
cleared; authoring markup goes (nbval's ``nbval-*`` test tags, the
``<!-- shared: NAME -->`` line of a shared text, the jupytext pairing); cell ids stay (the grader matches cells by them). Locked cells (all
but solutions and reflections) are marked not editable in JupyterLab. The
notebook carries ``metadata.workbook.schema_version``. Releasing a released
notebook changes nothing, and the files are written byte for byte the same
each time.

Only the public rubrics (``exercises/*.py``) are copied; ``exercises/hidden/``
never is.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from typing import Any

from workbook.contract import SCHEMA_VERSION, NotebookContractError, cell_id, cell_tags, check_notebook, notebook_meta, upgrade_notebook
from workbook.errors import WorkbookError
from workbook.paths import exercises_dir, exercises_dirs, notebooks_dir, notebooks_dirs

__all__ = [
    "SCHEMA_VERSION",
    "PLACEHOLDER_MARK",
    "release_notebook",
    "release_source",
    "is_placeholder",
    "release",
    "instructor_notebooks",
    "course_notebooks",
    "principle_of",
]

PLACEHOLDER_MARK = "# YOUR ANSWER HERE"
_BEGIN = re.compile(r"^\s*#+\s*BEGIN SOLUTION\s*$", re.IGNORECASE)
_END = re.compile(r"^\s*#+\s*END SOLUTION\s*$", re.IGNORECASE)
_ANSWER_CALL = re.compile(r"\banswer\(\s*[\"']([^\"']+)[\"']")
# Authoring markup a candidate never sees: nbval's test tags, the shared-text marker
# (workbook.sources) and the jupytext pairing of the instructor's .md source.
_TEST_TAG_PREFIX = "nbval-"
_SHARED_MARK = re.compile(r"\A<!-- shared: [a-z0-9-]+ -->\n?")


#: The placeholder's own call: ``answer("id", ...)`` with the Ellipsis still in it.
_UNANSWERED_CALL = re.compile(r"^\s*answer\(\s*[\"'][^\"']*[\"']\s*,\s*\.\.\.\s*\)\s*$", re.MULTILINE)


def _placeholder(exercise_id: str, indent: str = "") -> list[str]:
    return [
        f"{indent}{PLACEHOLDER_MARK}: replace these lines with your code, and the ... below with your value",
        f'{indent}answer("{exercise_id}", ...)',
    ]


def is_placeholder(source: str) -> bool:
    """Whether a cell's source still holds the released placeholder (this release's or an earlier one's).

    >>> is_placeholder(release_source("x = 1\\nanswer('z9-a', x)", "z9-a"))
    True
    >>> is_placeholder("answer('z9-a', 3)")
    False
    >>> is_placeholder("# YOUR ANSWER HERE: ...\\nraise NotImplementedError('z9-a: not answered yet')")
    True
    """
    if PLACEHOLDER_MARK not in source:
        return False
    return "raise NotImplementedError" in source or _UNANSWERED_CALL.search(source) is not None


def release_source(source: str, exercise_id: str = "") -> str:
    """The candidate edition of one solution cell's source.

    Examples
    --------
    >>> print(release_source("# Exercise 1: the five-year total\\nt = 3\\nanswer('z9-total', t)", "z9-total"))
    # Exercise 1: the five-year total
    # YOUR ANSWER HERE: replace these lines with your code, and the ... below with your value
    answer("z9-total", ...)
    >>> print(release_source("rows = load()\\n# BEGIN SOLUTION\\nt = sum(rows)\\n# END SOLUTION\\nshow(rows)", "z9-t"))
    rows = load()
    # YOUR ANSWER HERE: replace these lines with your code, and the ... below with your value
    answer("z9-t", ...)
    show(rows)
    """
    if is_placeholder(source):
        return source
    lines = source.splitlines()
    if not exercise_id:
        found = _ANSWER_CALL.search(source)
        exercise_id = found.group(1) if found else ""
    begin = next((i for i, line in enumerate(lines) if _BEGIN.match(line)), None)
    end = next((i for i, line in enumerate(lines) if _END.match(line) and begin is not None and i > begin), None)
    if begin is not None and end is not None:
        indent = re.match(r"\s*", lines[begin]).group(0)  # type: ignore[union-attr]
        return "\n".join(lines[:begin] + _placeholder(exercise_id, indent) + lines[end + 1 :])
    keep = 0
    while keep < len(lines) and lines[keep].lstrip().startswith("#"):
        keep += 1
    return "\n".join(lines[:keep] + _placeholder(exercise_id))


def release_notebook(nb: Any) -> Any:
    """The candidate edition of an instructor notebook (a new node; ``nb`` is unchanged).

    Its workbook metadata is first brought to the current schema version
    (:func:`workbook.contract.upgrade_notebook`).
    """
    out = upgrade_notebook(nb)
    cells = []
    for cell in out.cells:
        tags = cell_tags(cell)
        if "instructor" in tags:
            continue
        meta = cell.setdefault("metadata", {})
        for key in ("execution", "papermill", "collapsed", "scrolled"):
            meta.pop(key, None)
        if any(t.startswith(_TEST_TAG_PREFIX) for t in tags):
            tags = [t for t in tags if not t.startswith(_TEST_TAG_PREFIX)]
            meta["tags"] = tags
        if cell.cell_type == "markdown":
            cell["source"] = _SHARED_MARK.sub("", cell.source)
        if cell.cell_type == "code":
            cell["outputs"] = []
            cell["execution_count"] = None
            if "solution" in tags:
                cell["source"] = release_source(cell.source, cell_id(cell))
        if "solution" in tags:
            # In the candidate edition the cell holds the candidate's own answer.
            tags = ["answer" if t == "solution" else t for t in tags]
            meta["tags"] = tags
        editable = "answer" in tags or "reflection" in tags
        if editable:
            meta.pop("editable", None)
        else:
            meta["editable"] = False
        meta["deletable"] = False
        cells.append(cell)
    out.cells = cells
    wb = out.metadata.setdefault("workbook", {})
    wb["schema_version"] = SCHEMA_VERSION
    wb["edition"] = "candidate"
    out.metadata.pop("papermill", None)
    out.metadata.pop("jupytext", None)
    return out


def principle_of(nb: Any, path: str | Path = "") -> str:
    """The principle id of a notebook: ``metadata.workbook.principle`` or the file name's prefix.

    >>> import nbformat
    >>> principle_of(nbformat.v4.new_notebook(), "leadership/L6-fiscal-management.ipynb")
    'L6'
    """
    meta = notebook_meta(nb)
    if meta is not None and meta.principle:
        return meta.principle
    stem = Path(path).stem
    match = re.match(r"^([A-Za-z]+\d+)\b", stem)
    if not match:
        raise WorkbookError(f"{path}: cannot tell the principle (no metadata.workbook.principle, no ID- prefix)")
    return match.group(1).upper()


def instructor_notebooks(folder: str | Path) -> dict[str, Path]:
    """The instructor notebooks under ``folder``, by principle id (``{"L6": path}``).

    Only notebooks whose metadata names a principle, or whose name starts with one
    (``L6-...``), count; checkpoints are skipped.
    """
    import nbformat

    base = Path(folder)
    found: dict[str, Path] = {}
    for path in sorted(base.rglob("*.ipynb")):
        if ".ipynb_checkpoints" in path.parts:
            continue
        try:
            nb = nbformat.read(str(path), as_version=4)
            pid = principle_of(nb, path)
        except (WorkbookError, ValueError, OSError):
            continue
        found.setdefault(pid, path)
    return found


def course_notebooks(notebooks: str | Path | None = None, exercises: str | Path | None = None) -> dict[str, tuple[Path, Path, Path]]:
    """Principle id -> (instructor notebook, its notebooks folder, its rubrics folder).

    With neither folder given: the workbook's own ``notebooks/`` and ``exercises/``,
    then each extra root's (``$CTO_WORKBOOK_PATH``, :func:`workbook.paths.extra_roots`);
    the first that has a principle wins. A folder given alone pairs with the default other.
    """
    if notebooks or exercises:
        pairs = [(Path(notebooks) if notebooks else notebooks_dir(), Path(exercises) if exercises else exercises_dir())]
    else:
        pairs = list(zip(notebooks_dirs(), exercises_dirs()))
    found: dict[str, tuple[Path, Path, Path]] = {}
    for nb_dir, ex_dir in pairs:
        if nb_dir.is_dir():
            for pid, path in instructor_notebooks(nb_dir).items():
                found.setdefault(pid, (path, nb_dir, ex_dir))
    return found


def _write_if_changed(path: Path, data: bytes) -> None:
    if path.is_file() and path.read_bytes() == data:
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)


def release(
    out: str | Path = "release",
    *,
    notebooks: str | Path | None = None,
    exercises: str | Path | None = None,
) -> list[Path]:
    """Write the candidate edition of every notebook and the public rubrics under ``out``.

    ``out/notebooks/<same relative path>`` and ``out/exercises/<ID>.py``. Returns the
    files written (or already up to date). ``exercises/hidden/`` is never copied.
    Without ``notebooks`` and ``exercises``, the principles of the extra roots
    (``$CTO_WORKBOOK_PATH``) are released too (:func:`course_notebooks`).
    """
    import nbformat

    src_nb = Path(notebooks) if notebooks else notebooks_dir()
    target = Path(out)
    if not src_nb.is_dir():
        raise WorkbookError(f"notebooks folder {src_nb} does not exist")
    course = course_notebooks(notebooks, exercises)
    resolved = target.resolve()
    for nb_dir, ex_dir in {(c[1], c[2]) for c in course.values()}:
        if resolved in (nb_dir.resolve(), ex_dir.resolve()) or nb_dir.resolve() in resolved.parents:
            raise WorkbookError(f"--out {target} must not be the instructor's notebooks or exercises folder, nor inside it")
    written: list[Path] = []
    found = sorted(course.items())
    problems = [f"{path.relative_to(nb_dir)}: {p}" for _, (path, nb_dir, _) in found for p in check_notebook(nbformat.read(str(path), as_version=4))]
    if problems:
        raise NotebookContractError(", ".join(sorted({str(c[1]) for _, c in found})), problems)
    for pid, (path, nb_dir, ex_dir) in found:
        nb = nbformat.read(str(path), as_version=4)
        data = nbformat.writes(release_notebook(nb)).encode("utf-8") + b"\n"
        dest = target / "notebooks" / path.relative_to(nb_dir)
        _write_if_changed(dest, data)
        written.append(dest)
        rubric = ex_dir / f"{pid}.py"
        if rubric.is_file():
            dest_ex = target / "exercises" / rubric.name
            _write_if_changed(dest_ex, rubric.read_bytes())
            written.append(dest_ex)
    hidden = target / "exercises" / "hidden"
    if hidden.exists():  # never ship hidden checks, even if an older release did
        shutil.rmtree(hidden)
    return written
