"""Show ``answer()`` outputs as their self-check text only.

An answer output carries the recorded value (under ``ANSWER_MIME``), an HTML
self-check and the same self-check as plain text. A portfolio shows the plain
text: the recorded value is the grader's business, not the reader's.
"""

from __future__ import annotations

from typing import Any

from nbconvert.preprocessors import Preprocessor

from workbook.contract import ANSWER_MIME

__all__ = ["AnswerOutputsPreprocessor"]


class AnswerOutputsPreprocessor(Preprocessor):
    """Keep only ``text/plain`` in outputs that carry an answer payload.

    Examples
    --------
    >>> import nbformat
    >>> out = nbformat.v4.new_output("display_data", data={
    ...     ANSWER_MIME: {"value": 1}, "text/html": "<b>ok</b>", "text/plain": "l6-npv: matches"})
    >>> nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("", outputs=[out])])
    >>> nb, _ = AnswerOutputsPreprocessor().preprocess(nb, {})
    >>> dict(nb.cells[0].outputs[0].data), nb.cells[0].outputs[0].metadata["portfolio"]
    ({'text/plain': 'l6-npv: matches'}, {'answer': True})
    """

    def preprocess_cell(self, cell: Any, resources: dict[str, Any], index: int) -> tuple[Any, dict[str, Any]]:
        for output in cell.get("outputs", []):
            data = output.get("data")
            if data and ANSWER_MIME in data:
                text = data.get("text/plain", "")
                output["data"] = {"text/plain": text}
                output["metadata"] = {"portfolio": {"answer": True}}
        return cell, resources
