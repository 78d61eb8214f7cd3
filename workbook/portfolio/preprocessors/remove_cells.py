"""Remove cells that must never reach a portfolio.

``solution`` (the instructor's answer), ``instructor`` (instructor-only notes),
``private`` (the candidate's own private work) and papermill's
``injected-parameters`` cell (its values are shown in the parameters table).
"""

from __future__ import annotations

from typing import Any

from nbconvert.preprocessors import Preprocessor

from workbook.portfolio.preprocessors._common import cell_label, record_removal, tags_of

__all__ = ["RemoveCellsPreprocessor", "REMOVED_TAGS"]

#: tag -> why cells carrying it are removed (shown in the build report)
REMOVED_TAGS: dict[str, str] = {
    "private": "tagged private: never leaves the candidate's workspace",
    "solution": "tagged solution: the instructor's answer, not the candidate's work",
    "instructor": "tagged instructor: instructor-only material",
    "injected-parameters": "papermill's injected parameters (shown in the parameters table instead)",
}


class RemoveCellsPreprocessor(Preprocessor):
    """Drop every cell tagged ``private``, ``solution``, ``instructor`` or ``injected-parameters``.

    Examples
    --------
    >>> import nbformat
    >>> nb = nbformat.v4.new_notebook(cells=[
    ...     nbformat.v4.new_markdown_cell("kept"),
    ...     nbformat.v4.new_code_cell("x = 42", metadata={"tags": ["solution"]})])
    >>> nb, res = RemoveCellsPreprocessor().preprocess(nb, {})
    >>> [c.source for c in nb.cells], res["portfolio"]["removed"][0]["reason"][:17]
    (['kept'], 'tagged solution: ')
    """

    def preprocess(self, nb: Any, resources: dict[str, Any]) -> tuple[Any, dict[str, Any]]:
        kept = []
        for index, cell in enumerate(nb.cells):
            hit = [t for t in REMOVED_TAGS if t in tags_of(cell)]
            if hit:
                record_removal(resources, "cell", cell_label(cell, index), REMOVED_TAGS[hit[0]])
            else:
                kept.append(cell)
        nb.cells = kept
        return nb, resources
