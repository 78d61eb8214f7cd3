"""Set off reflections as the candidate's own words, and collect them.

A reflection cell (tag ``reflection``) keeps its sanitized HTML; the page
template wraps it in a labelled section ("In the candidate's words"). The
reflections page lists every written reflection with a link back to its notebook.
"""

from __future__ import annotations

import re
from typing import Any

from nbconvert.preprocessors import Preprocessor

from workbook.contract import cell_meta
from workbook.portfolio.preprocessors._common import cell_label, context, tags_of
from workbook.progress import MIN_WORDS, reflection_written

__all__ = ["ReflectionsPreprocessor", "reflection_written", "MIN_WORDS"]

class ReflectionsPreprocessor(Preprocessor):
    """Mark reflection cells for the template and collect the written ones.

    Examples
    --------
    >>> import nbformat
    >>> cell = nbformat.v4.new_markdown_cell("A reflection " * 10, metadata={"tags": ["reflection"],
    ...     "workbook": {"id": "l6-reflect", "kind": "reflection"}})
    >>> cell.metadata["portfolio"] = {"html": "<p>A reflection</p>"}
    >>> nb, res = ReflectionsPreprocessor().preprocess(nbformat.v4.new_notebook(cells=[cell]), {})
    >>> nb.cells[0].metadata.portfolio["kind"], res["portfolio"]["reflections"][0]["id"]
    ('reflection', 'l6-reflect')
    """

    def preprocess_cell(self, cell: Any, resources: dict[str, Any], index: int) -> tuple[Any, dict[str, Any]]:
        if cell.cell_type != "markdown" or "reflection" not in tags_of(cell):
            return cell, resources
        meta = cell.metadata.setdefault("portfolio", {})
        written = reflection_written(cell.source)
        anchor = "reflection-" + re.sub(r"[^a-z0-9-]+", "-", cell_label(cell, index).lower()).strip("-")
        meta.update(kind="reflection", written=written, anchor=anchor)
        if written:
            wb = cell_meta(cell)
            context(resources)["reflections"].append(
                {"id": cell_label(cell, index), "anchor": anchor, "title": wb.title if wb else "", "html": meta.get("html", "")}
            )
        return cell, resources
