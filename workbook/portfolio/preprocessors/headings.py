"""Keep one ``h1`` per page: notebook headings move one level down.

The page template writes the page's ``h1`` (the principle's title), so a
notebook's ``#`` becomes ``h2``, ``##`` becomes ``h3`` and so on. The
notebook's own title (a ``#`` heading opening its first cell) repeats the
page's ``h1``: it is dropped, and so is the cell when nothing else is in it.
"""

from __future__ import annotations

import re
from typing import Any

from nbconvert.preprocessors import Preprocessor

__all__ = ["HeadingsPreprocessor", "demote_headings"]

_HEADING = re.compile(r"<(/?)h([1-5])\b", re.I)
_LEADING_H1 = re.compile(r"^\s*<h1\b[^>]*>.*?</h1>\s*", re.I | re.S)


def demote_headings(markup: str) -> str:
    """Move every heading one level down (``h6`` stays ``h6``).

    >>> demote_headings('<h1 id="a">T</h1><h5>x</h5><h6>y</h6>')
    '<h2 id="a">T</h2><h6>x</h6><h6>y</h6>'
    """
    return _HEADING.sub(lambda m: f"<{m.group(1)}h{int(m.group(2)) + 1}", markup)


class HeadingsPreprocessor(Preprocessor):
    """Demote headings in rendered markdown; drop a leading title-only cell.

    >>> import nbformat
    >>> cells = [nbformat.v4.new_markdown_cell("# L6 · Fiscal"), nbformat.v4.new_markdown_cell("## Part")]
    >>> cells[0].metadata["portfolio"] = {"html": "<h1>L6 · Fiscal</h1>"}
    >>> cells[1].metadata["portfolio"] = {"html": "<h2>Part</h2>"}
    >>> nb, _ = HeadingsPreprocessor().preprocess(nbformat.v4.new_notebook(cells=cells), {})
    >>> [c.metadata.portfolio["html"] for c in nb.cells]
    ['<h3>Part</h3>']
    >>> intro = nbformat.v4.new_markdown_cell("# L6 · Fiscal\\n\\nWelcome.")
    >>> intro.metadata["portfolio"] = {"html": "<h1>L6 · Fiscal</h1>\\n<p>Welcome.</p>"}
    >>> nb, _ = HeadingsPreprocessor().preprocess(nbformat.v4.new_notebook(cells=[intro]), {})
    >>> nb.cells[0].metadata.portfolio["html"]
    '<p>Welcome.</p>'
    """

    def preprocess(self, nb: Any, resources: dict[str, Any]) -> tuple[Any, dict[str, Any]]:
        first = nb.cells[0] if nb.cells and nb.cells[0].cell_type == "markdown" else None
        if first is not None and re.fullmatch(r"\s*#\s[^\n]*\s*", first.source):
            nb.cells = nb.cells[1:]
        elif first is not None and first.source.lstrip().startswith("# "):
            meta = first.get("metadata", {}).get("portfolio", {})
            if meta.get("html"):
                meta["html"] = _LEADING_H1.sub("", meta["html"], count=1)
        for cell in nb.cells:
            meta = cell.get("metadata", {}).get("portfolio", {})
            if cell.cell_type == "markdown" and meta.get("html"):
                meta["html"] = demote_headings(meta["html"])
        return nb, resources
