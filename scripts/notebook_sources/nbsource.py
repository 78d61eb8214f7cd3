"""Shared pieces of the notebook sources: readings, tags, reflections, the closing and writing.

Each ``build_<ID>.py`` assembles its own cells (title, parameters, exercises)
and uses these for everything every principle notebook has in common.
"""

from __future__ import annotations

import re
from pathlib import Path

import nbformat
from nbformat.v4 import new_code_cell as code  # noqa: F401  (re-exported for the build scripts)
from nbformat.v4 import new_markdown_cell as md
from nbformat.v4 import new_notebook

ROOT = Path(__file__).resolve().parents[2]

HOW_TO_USE = """This notebook works on **your district's numbers**. Run each cell with **Shift+Enter**, from the top. The parameters cell below says which district you are working on; the instructor's roster sets it for you, or you can put in the path of your own district file (see `00-start-here.ipynb`).

Exercises end with `answer("exercise-id", value)`: it records your answer for the instructor and tells you at once whether it **matches** or is **not yet** right (it never shows the expected value). Reflections are yours to write in the cells marked *Reflection*; charts and tables marked *Artifact* go to your portfolio."""


def readings(name: str) -> dict[str, str]:
    """The ``## `` sections of ``docs/readings/<name>.md``, by heading."""
    text = (ROOT / "docs" / "readings" / f"{name}.md").read_text(encoding="utf-8")
    parts = re.split(r"(?m)^## ", text)
    return {p.split("\n", 1)[0].strip(): p.split("\n", 1)[1].strip() for p in parts[1:]}


def tagged(cell, *tags, **wb):
    """Set a cell's tags, and its ``metadata.workbook`` (id, kind, title) when given."""
    cell.metadata["tags"] = list(tags)
    if wb:
        cell.metadata["workbook"] = wb
    return cell


def reflection_cells(sections: dict[str, str]) -> list:
    """The reflections part: a heading, then each prompt and a reflection cell with its id."""
    items = re.split(r"<!-- id: ([a-z0-9-]+) -->", sections["Reflection prompts"])
    cells = [md("# Reflections\n\nWrite in your own words, 250 to 400 words each, in the cells below the prompts (double-click to edit, Shift+Enter to finish). Your mentor reads these in your portfolio; the instructor scores them with the rubric's criteria.")]
    for i in range(1, len(items), 2):
        text = re.sub(r"^\d+\.\s*", "", items[i + 1].strip())
        text = re.sub(r"(?m)^   ", "", text)
        cells.append(md("### Reflection prompt\n\n" + text))
        cells.append(tagged(md("*Write your reflection here.*"), "reflection", id=items[i], kind="reflection"))
    return cells


def closing_cells(sections: dict[str, str]) -> list:
    """Sources, then what to do next."""
    return [
        md("## Sources\n\n" + sections["Sources"]),
        md("""---
**Next:** when you have answered every exercise and written both reflections, save the notebook (Ctrl+S). Your instructor collects it from your hub folder; `workbook portfolio build` turns it into a page of your portfolio."""),
    ]


def write_notebook(cells: list, principle: str, title: str, relative: str) -> Path:
    """Give every cell a stable id, set the notebook metadata, validate and write it under notebooks/."""
    nb = new_notebook(cells=cells)
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3 (ipykernel)", "language": "python"}
    nb.metadata["language_info"] = {"name": "python"}
    nb.metadata["workbook"] = {"schema_version": 1, "principle": principle, "title": title}
    prefix = principle.lower()
    for i, cell in enumerate(nb.cells):
        cell["id"] = cell.metadata.get("workbook", {}).get("id") or f"{prefix}-cell-{i:02d}"
    nbformat.validate(nb)
    path = ROOT / "notebooks" / relative
    nbformat.write(nb, str(path))
    print(len(nb.cells), "cells ->", path.relative_to(ROOT))
    return path
