"""Collect artifacts (cells tagged ``artifact``) for the artifacts gallery.

Each artifact keeps its title (``metadata.workbook.title``), its figures (as
data URIs with their alt text) and its tables (already sanitized HTML).
"""

from __future__ import annotations

import re
from typing import Any

from nbconvert.preprocessors import Preprocessor

from workbook.contract import cell_meta
from workbook.portfolio.preprocessors._common import cell_label, context, tags_of
from workbook.portfolio.preprocessors.alt_text import IMAGE_MIMES

__all__ = ["ArtifactsPreprocessor"]


class ArtifactsPreprocessor(Preprocessor):
    """Record each artifact cell's title, figures and tables in ``resources``.

    Examples
    --------
    >>> import nbformat
    >>> out = nbformat.v4.new_output("display_data", data={"image/png": "iVBO"}, metadata={"image/png": {"alt": "A chart"}})
    >>> cell = nbformat.v4.new_code_cell("", outputs=[out], metadata={"tags": ["artifact"],
    ...     "workbook": {"id": "l6-artifact-budget", "kind": "artifact", "title": "Budget"}})
    >>> nb, res = ArtifactsPreprocessor().preprocess(nbformat.v4.new_notebook(cells=[cell]), {})
    >>> a = res["portfolio"]["artifacts"][0]; a["title"], a["figures"][0]["alt"]
    ('Budget', 'A chart')
    """

    def preprocess_cell(self, cell: Any, resources: dict[str, Any], index: int) -> tuple[Any, dict[str, Any]]:
        if "artifact" not in tags_of(cell):
            return cell, resources
        label = cell_label(cell, index)
        wb = cell_meta(cell)
        anchor = "artifact-" + re.sub(r"[^a-z0-9-]+", "-", label.lower()).strip("-")
        figures, tables = [], []
        for output in cell.get("outputs", []):
            data = output.get("data") or {}
            for mime in IMAGE_MIMES:
                if mime in data:
                    alt = output.get("metadata", {}).get(mime, {}).get("alt", "")
                    figures.append({"src": f"data:{mime};base64,{''.join(data[mime]).strip()}", "alt": alt})
            if "text/html" in data and not any(m in data for m in IMAGE_MIMES):
                tables.append("".join(data["text/html"]))
        if cell.cell_type == "markdown":
            tables.append(cell.metadata.get("portfolio", {}).get("html", ""))
        cell.metadata.setdefault("portfolio", {})["anchor"] = anchor
        context(resources)["artifacts"].append(
            {"id": label, "anchor": anchor, "title": (wb.title if wb else "") or label, "figures": figures, "tables": tables}
        )
        return cell, resources
