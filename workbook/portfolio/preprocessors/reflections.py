"""Set off reflections as the candidate's own words, and collect them.

A reflection cell (tag ``reflection``) keeps its sanitized HTML; the page
template wraps it in a labelled section ("In the candidate's words"). The
reflections page lists every written reflection with a link back to its notebook.
"""

from __future__ import annotations

import re
from typing import Any

from nbconvert.preprocessors import Preprocessor

from workbook.portfolio.preprocessors._common import cell_label, context, tags_of

__all__ = ["ReflectionsPreprocessor", "reflection_written", "MIN_WORDS"]

MIN_WORDS = 12
_PLACEHOLDER = re.compile(
    r"(write|type) your (reflection|answer|response|thoughts)[^.\n]*|your (reflection|answer) (goes )?here|\btodo\b|\.\.\.|…",
    re.I,
)


def _own_words(source: str) -> str:
    """The cell's text without headings, quoted prompts, comments and placeholders."""
    text = re.sub(r"<!--.*?-->", " ", source, flags=re.S)
    kept = [ln for ln in text.splitlines() if not ln.lstrip().startswith(("#", ">"))]
    text = _PLACEHOLDER.sub(" ", "\n".join(kept))
    return re.sub(r"[*_`]", " ", text)


def reflection_written(source: str) -> bool:
    """Whether a reflection cell holds the candidate's writing, not just the prompt.

    Headings, quoted prompt lines (``>``), HTML comments and placeholders such as
    "Write your reflection here" do not count; at least :data:`MIN_WORDS` words must remain.

    Examples
    --------
    >>> reflection_written("### Reflection\\n> What would you tell the board?\\n\\n*Write your reflection here.*")
    False
    >>> reflection_written("> Prompt\\n\\nOur district should phase the refresh over three years so the "
    ...                    "general fund never carries the whole cost in one year.")
    True
    """
    return len(re.findall(r"\w+", _own_words(source))) >= MIN_WORDS


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
            wb = cell.metadata.get("workbook", {}) or {}
            context(resources)["reflections"].append(
                {"id": cell_label(cell, index), "anchor": anchor, "title": wb.get("title", ""), "html": meta.get("html", "")}
            )
        return cell, resources
