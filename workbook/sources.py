"""Notebook sources: one MyST Markdown file per notebook, and the ``.ipynb`` made from it.

Each notebook is written as ``notebooks/<strand>/<ID>-<slug>.md`` in jupytext's
MyST notebook format (``md:myst``): readings, cells, tags and
``metadata.workbook`` in one text file that reads like prose in a diff and that
JupyterLab opens as a notebook (jupytext is installed in the lab environment).
The ``.ipynb`` beside it is generated, never edited by hand:

- cell ids are stable: an exercise, reflection or artifact cell's id is its
  ``metadata.workbook.id``; any other cell's is ``<prefix>-cell-NN`` by position
  (``l6-cell-04``), where the prefix is the principle id in lower case;
- a markdown cell opening with ``<!-- shared: NAME -->`` holds text every
  notebook shares; its body is ``notebooks/_shared/NAME.md`` (the nearest
  ``_shared/`` above the source, else the workbook's), stamped into the
  ``.md`` and the ``.ipynb`` by :func:`build` (edit the shared file, never the copy);
- outputs are stored only for cells tagged ``nbval-check-output`` (what
  ``pytest --nbval-lax`` compares); :func:`build` keeps them while the cell's
  source is unchanged and executes the notebook with papermill when one is missing;
- the notebook metadata is the source's ``kernelspec`` and ``workbook`` plus
  the jupytext pairing, so saving either file in JupyterLab updates both.

:func:`differences` lists what keeps a pair out of sync (``tests/test_notebook_sources.py``
requires none). ``make notebooks`` (``workbook notebooks build``) regenerates every pair.

Examples
--------
>>> text = SOURCE_HEADER.format(principle="Z9", title="Fixture") + '''
... # Z9 · Fixture
...
... ```{code-cell}
... :tags: [parameters]
...
... district: str = "sample-rural"
... ```
... '''
>>> nb = notebook_from_text(text)
>>> [c.id for c in nb.cells], nb.cells[1].metadata["tags"]
(['z9-cell-00', 'z9-cell-01'], ['parameters'])
>>> nb.metadata["workbook"], nb.metadata["jupytext"]["formats"]
({'principle': 'Z9', 'schema_version': 1, 'title': 'Fixture'}, 'ipynb,md:myst')
"""

from __future__ import annotations

import copy
import json
import re
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import jupytext
import nbformat

from workbook.errors import WorkbookError
from workbook.kernels import run_notebook

__all__ = [
    "SOURCE_FORMAT",
    "PAIRING",
    "CHECK_OUTPUT_TAG",
    "SHARED_FOLDER",
    "SOURCE_HEADER",
    "source_paths",
    "paired_notebook",
    "notebook_from_text",
    "notebook_from_source",
    "stamp_shared",
    "differences",
    "build",
]

SOURCE_FORMAT = "md:myst"
PAIRING = {"formats": "ipynb,md:myst", "notebook_metadata_filter": "workbook,kernelspec"}
CHECK_OUTPUT_TAG = "nbval-check-output"
SHARED_FOLDER = "_shared"
_SHARED = re.compile(r"\A<!-- shared: ([a-z0-9-]+) -->\n?")
_KERNELSPEC = {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"}

#: The header a new source starts with (``str.format`` with ``principle`` and ``title``).
SOURCE_HEADER = """---
jupytext:
  formats: ipynb,md:myst
  notebook_metadata_filter: workbook,kernelspec
  text_representation:
    extension: .md
    format_name: myst
kernelspec:
  display_name: Python 3 (ipykernel)
  language: python
  name: python3
workbook:
  principle: {principle}
  schema_version: 1
  title: {title}
---
"""


def source_paths(folder: str | Path) -> list[Path]:
    """Every notebook source (``*.md`` with a jupytext header) under ``folder``, sorted.

    The shared texts (``_shared/``) and checkpoints are not sources.
    """
    base = Path(folder)
    found = []
    for path in sorted(base.rglob("*.md")):
        rel = path.relative_to(base).parts
        if SHARED_FOLDER in rel or ".ipynb_checkpoints" in rel:
            continue
        if path.read_text(encoding="utf-8").startswith("---\njupytext:"):
            found.append(path)
    return found


def paired_notebook(source: str | Path) -> Path:
    """The ``.ipynb`` generated from a source: same folder, same name.

    >>> paired_notebook("notebooks/leadership/L6-fiscal-management.md").as_posix()
    'notebooks/leadership/L6-fiscal-management.ipynb'
    """
    return Path(source).with_suffix(".ipynb")


def _shared_text(folder: Path, name: str) -> str:
    path = folder / f"{name}.md"
    if not path.is_file():
        raise WorkbookError(f"shared = {name!r} is not allowed: expected the name of a file in {folder} (no {path.name} there)")
    return path.read_text(encoding="utf-8").strip()


def stamp_shared(nb: nbformat.NotebookNode, shared_folder: str | Path) -> list[str]:
    """Replace the body of every ``<!-- shared: NAME -->`` cell with ``NAME.md``; return the names.

    >>> import nbformat.v4 as v4
    >>> folder = Path(tempfile.mkdtemp())
    >>> _ = (folder / "next.md").write_text("Save the notebook.\\n")
    >>> nb = v4.new_notebook(cells=[v4.new_markdown_cell("<!-- shared: next -->\\nan old copy")])
    >>> stamp_shared(nb, folder), nb.cells[0].source
    (['next'], '<!-- shared: next -->\\nSave the notebook.')
    """
    stamped = []
    for cell in nb.cells:
        match = _SHARED.match(cell.source) if cell.cell_type == "markdown" else None
        if match:
            name = match.group(1)
            cell.source = f"<!-- shared: {name} -->\n{_shared_text(Path(shared_folder), name)}"
            stamped.append(name)
    return stamped


def _prefix(nb: nbformat.NotebookNode) -> str:
    principle = str((nb.metadata.get("workbook") or {}).get("principle") or "")
    if not re.fullmatch(r"[A-Za-z]+[0-9]*", principle):
        raise WorkbookError(f"metadata.workbook.principle = {principle!r} is not allowed: expected an id such as L6 or START")
    return principle.lower()


def _normalise(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """Stable ids, the pairing metadata, and no outputs (the generated notebook's shape)."""
    prefix = _prefix(nb)
    meta = nb.metadata
    nb.metadata = nbformat.from_dict({
        "jupytext": dict(PAIRING),
        "kernelspec": meta.get("kernelspec") or dict(_KERNELSPEC),
        "language_info": {"name": "python"},
        "workbook": meta["workbook"],
    })
    seen: set[str] = set()
    for i, cell in enumerate(nb.cells):
        wid = (cell.metadata.get("workbook") or {}).get("id")
        cell.id = str(wid) if wid else f"{prefix}-cell-{i:02d}"
        if cell.id in seen:
            raise WorkbookError(f"cell id = {cell.id!r} is not allowed: expected each metadata.workbook.id once per notebook")
        seen.add(cell.id)
        if cell.cell_type == "code":
            cell.outputs = []
            cell.execution_count = None
    nbformat.validate(nb)
    return nb


def notebook_from_text(text: str, shared_folder: str | Path | None = None) -> nbformat.NotebookNode:
    """The notebook a MyST source text describes, with stable ids and no outputs."""
    nb = jupytext.reads(text, fmt=SOURCE_FORMAT)
    if shared_folder is not None:
        stamp_shared(nb, shared_folder)
    return _normalise(nb)


def _shared_folder_for(source: Path) -> Path:
    """The ``_shared`` folder of the notebooks tree holding ``source``, else the workbook's own."""
    from workbook.paths import notebooks_dir

    for parent in source.resolve().parents:
        if (parent / SHARED_FOLDER).is_dir():
            return parent / SHARED_FOLDER
    return notebooks_dir() / SHARED_FOLDER


def _checked(cell: Any) -> bool:
    return cell.cell_type == "code" and CHECK_OUTPUT_TAG in cell.metadata.get("tags", [])


def _carry_outputs(nb: nbformat.NotebookNode, previous: nbformat.NotebookNode | None) -> list[str]:
    """Copy checked outputs from ``previous`` where id and source match; return ids still missing."""
    old = {c.get("id"): c for c in previous.cells} if previous is not None else {}
    missing = []
    for cell in nb.cells:
        if not _checked(cell):
            continue
        before = old.get(cell.id)
        if before is not None and before.source == cell.source and before.get("outputs"):
            cell.outputs = copy.deepcopy(before.outputs)
            cell.execution_count = 1
        else:
            missing.append(cell.id)
    return missing


def notebook_from_source(source: str | Path, previous: nbformat.NotebookNode | None = None) -> tuple[nbformat.NotebookNode, list[str]]:
    """The generated notebook of ``source`` and the ids of checked cells that still need outputs.

    Outputs of cells tagged ``nbval-check-output`` come from ``previous`` (the
    current ``.ipynb``) when the cell's source is unchanged.
    """
    path = Path(source)
    nb = notebook_from_text(path.read_text(encoding="utf-8"), _shared_folder_for(path))
    return nb, _carry_outputs(nb, previous)


def _read_previous(path: Path) -> nbformat.NotebookNode | None:
    try:
        return nbformat.read(str(path), as_version=4) if path.is_file() else None
    except (ValueError, OSError, json.JSONDecodeError):
        return None


def _execute_checked(nb: nbformat.NotebookNode, folder: Path) -> None:
    """Run the notebook with papermill (in ``folder``) and keep the checked cells' outputs."""
    with tempfile.TemporaryDirectory() as tmp:
        src, out = Path(tmp) / "source.ipynb", Path(tmp) / "executed.ipynb"
        nbformat.write(nb, str(src))
        run_notebook(src, out, cwd=str(folder))
        ran = {c.id: c for c in nbformat.read(str(out), as_version=4).cells}
    for cell in nb.cells:
        if _checked(cell):
            cell.outputs = ran[cell.id].outputs
            cell.execution_count = 1
            for output in cell.outputs:
                if "execution_count" in output:
                    output["execution_count"] = 1


def _comparable(nb: nbformat.NotebookNode) -> list[tuple[str, str]]:
    rows = [("notebook metadata", json.dumps(nb.metadata, sort_keys=True))]
    for i, cell in enumerate(nb.cells):
        label = f"cell {i} ({cell.get('id')})"
        rows.append((label, json.dumps({k: cell.get(k) for k in ("cell_type", "id", "source", "metadata")}, sort_keys=True)))
        if cell.cell_type == "code":
            rows.append((f"{label} outputs", json.dumps([bool(cell.outputs), cell.execution_count if cell.outputs else None])))
    return rows


def differences(source: str | Path) -> list[str]:
    """What keeps ``source`` and its ``.ipynb`` out of sync; empty when they agree.

    They agree when the ``.ipynb`` is exactly what :func:`build` would write:
    same cells, ids, sources, tags and metadata, outputs only in checked cells
    (and there, some output). Fix a difference with ``make notebooks``.
    """
    path = Path(source)
    target = paired_notebook(path)
    if not target.is_file():
        return [f"{target} is missing"]
    current = _read_previous(target)
    if current is None:
        return [f"{target} is not a readable notebook"]
    wanted, missing = notebook_from_source(path, current)
    found = []
    if len(wanted.cells) != len(current.cells):
        found.append(f"{target}: {len(current.cells)} cells, the source has {len(wanted.cells)}")
    for (label, a), (_, b) in zip(_comparable(wanted), _comparable(current)):
        if a != b:
            found.append(f"{target}: {label} differs from {path.name}")
    found += [f"{target}: checked cell {cid} has no stored output" for cid in missing]
    text = path.read_text(encoding="utf-8")
    if any(n.cell_type == "markdown" and _SHARED.match(n.source) for n in wanted.cells):
        stamped = notebook_from_text(text, None)
        for mine, theirs in zip(stamped.cells, wanted.cells):
            if mine.source != theirs.source:
                found.append(f"{path}: cell {mine.id} differs from its shared text ({_SHARED.match(theirs.source).group(1)}.md)")
    return found


def _rewrite_source(path: Path, nb_text: str, shared: Path) -> bool:
    """Stamp shared texts into the ``.md`` itself; True when it changed."""
    nb = jupytext.reads(nb_text, fmt=SOURCE_FORMAT)
    before = [c.source for c in nb.cells]
    stamp_shared(nb, shared)
    if [c.source for c in nb.cells] == before:
        return False
    path.write_text(jupytext.writes(nb, fmt=SOURCE_FORMAT), encoding="utf-8")
    return True


def build(sources: Iterable[str | Path], *, execute: bool = False) -> list[Path]:
    """Generate the ``.ipynb`` of each source; return the files written.

    ``execute`` re-runs every notebook to refresh its checked outputs; without
    it a notebook is executed only when a checked cell has no output to keep.
    A file whose bytes would not change is left alone.
    """
    written = []
    for source in sources:
        path = Path(source)
        if _rewrite_source(path, path.read_text(encoding="utf-8"), _shared_folder_for(path)):
            written.append(path)
        target = paired_notebook(path)
        nb, missing = notebook_from_source(path, None if execute else _read_previous(target))
        if missing or (execute and any(_checked(c) for c in nb.cells)):
            _execute_checked(nb, path.parent)
        data = nbformat.writes(nb) + "\n"
        if not target.is_file() or target.read_text(encoding="utf-8") != data:
            target.write_text(data, encoding="utf-8")
            written.append(target)
    return written
