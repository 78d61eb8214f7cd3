"""The notebook file is the candidate's: nothing in it may mark content as already processed.

The later steps keep their own results in ``metadata.portfolio`` (of a cell or
an output): the rendered and sanitized HTML, an artifact's anchor, a
reflection's kind. A candidate can write those keys too, so this first step
removes them from every cell and output as the file came in, and brings every
field the templates read to the shape nbformat promises (a notebook that
nbformat only warns about must not turn into markup or a crash):

- ``metadata.portfolio`` of the notebook, of every cell and of every output: removed;
- ``metadata`` that is not a mapping, ``tags`` that are not a list of text,
  ``metadata.workbook`` that is not a mapping: reset;
- ``execution_count`` that is not a whole number (nbconvert prints it unescaped): ``None``;
  a cell id nbformat would refuse: a new one; ``language_info``, ``kernelspec``
  or ``widgets`` that is not a mapping: removed;
- outputs and output data of the wrong type, and output types nbconvert would
  render without escaping (``text/vnd.mermaid``) or that this site never shows: removed.
"""

from __future__ import annotations

import re
from typing import Any

from nbconvert.preprocessors import Preprocessor

from workbook.notebook.answers import ANSWER_MIME
from workbook.portfolio.preprocessors._common import cell_label, record_removal

__all__ = ["UntrustedInputPreprocessor", "PIPELINE_KEYS", "SHOWN_MIMES"]

#: Metadata keys the pipeline uses for its own results; never taken from input.
PIPELINE_KEYS = ("portfolio",)

#: Output types the site renders (the sanitizer handles each); anything else is dropped.
SHOWN_MIMES = frozenset({
    "text/plain", "text/html", "text/markdown", "text/latex", "image/png", "image/jpeg", "image/svg+xml",
    "application/javascript", "application/vnd.jupyter.widget-view+json",
    ANSWER_MIME,
})


_CELL_ID = re.compile(r"[a-zA-Z0-9_-]{1,64}")  # nbformat's pattern for a cell id


def _strip(meta: Any) -> tuple[dict[str, Any], bool]:
    if not isinstance(meta, dict):
        return {}, False
    found = False
    for key in PIPELINE_KEYS:
        if key in meta:
            del meta[key]
            found = True
    return meta, found


def _clean_output(output: Any) -> dict[str, Any] | None:
    if not isinstance(output, dict) or not isinstance(output.get("output_type"), str):
        return None
    output["metadata"], _ = _strip(output.get("metadata", {}))
    if "execution_count" in output and not _whole(output["execution_count"]):
        output["execution_count"] = None
    if "data" in output:
        data = output["data"] if isinstance(output["data"], dict) else {}
        for mime in list(data):
            value = data[mime]
            ok_text = isinstance(value, str) or (isinstance(value, list) and all(isinstance(v, str) for v in value))
            if mime not in SHOWN_MIMES or (not ok_text and not mime.endswith("json")):
                del data[mime]
        output["data"] = data
    for key in ("text", "ename", "evalue"):
        if key in output and not isinstance(output[key], (str, list)):
            output[key] = str(output[key])
    if "traceback" in output and not (isinstance(output["traceback"], list) and all(isinstance(t, str) for t in output["traceback"])):
        output["traceback"] = []
    return output


def _whole(value: Any) -> bool:
    return value is None or (isinstance(value, int) and not isinstance(value, bool))


class UntrustedInputPreprocessor(Preprocessor):
    """Remove the pipeline's own keys from the input and coerce what the templates read.

    Examples
    --------
    >>> import nbformat
    >>> cell = nbformat.v4.new_markdown_cell("hi", metadata={"portfolio": {"trusted": True, "html": "<script>x()</script>"}})
    >>> nb = nbformat.v4.new_notebook(cells=[cell, nbformat.v4.new_code_cell("1")])
    >>> code = nb.cells[1]
    >>> code["execution_count"] = "<img src=x onerror=alert(1)>"
    >>> code.outputs = [{"output_type": "display_data", "metadata": {"portfolio": {"answer": True}},
    ...                  "data": {"text/vnd.mermaid": "</pre><script>x()</script>", "text/plain": "ok"}}]
    >>> nb, res = UntrustedInputPreprocessor().preprocess(nb, {})
    >>> dict(nb.cells[0].metadata), nb.cells[1].execution_count, nb.cells[1].outputs[0]
    ({}, None, {'output_type': 'display_data', 'metadata': {}, 'data': {'text/plain': 'ok'}})
    >>> res["portfolio"]["removed"][0]["reason"]
    'metadata.portfolio in the notebook file (only the portfolio build may set it)'
    """

    def preprocess(self, nb: Any, resources: dict[str, Any]) -> tuple[Any, dict[str, Any]]:
        nb.metadata, _ = _strip(nb.get("metadata", {}))
        for key in ("language_info", "kernelspec", "widgets"):
            if key in nb.metadata and not isinstance(nb.metadata[key], dict):
                del nb.metadata[key]
        return super().preprocess(nb, resources)

    def preprocess_cell(self, cell: Any, resources: dict[str, Any], index: int) -> tuple[Any, dict[str, Any]]:
        meta, found = _strip(cell.get("metadata", {}))
        cell["metadata"] = meta
        if "id" in cell and not (isinstance(cell["id"], str) and _CELL_ID.fullmatch(cell["id"])):
            cell["id"] = f"cell-{index}"
        tags = meta.get("tags", [])
        if not isinstance(tags, list) or not all(isinstance(t, str) for t in tags):
            meta["tags"] = [t for t in tags if isinstance(t, str)] if isinstance(tags, list) else []
        if "workbook" in meta and not isinstance(meta["workbook"], dict):
            del meta["workbook"]
        if not isinstance(cell.get("source", ""), str):
            source = cell.get("source")
            cell["source"] = "".join(s for s in source if isinstance(s, str)) if isinstance(source, list) else ""
        if cell.get("cell_type") == "code":
            if not _whole(cell.get("execution_count")):
                cell["execution_count"] = None
            outputs = cell.get("outputs") if isinstance(cell.get("outputs"), list) else []
            found = found or any(isinstance(o, dict) and isinstance(o.get("metadata"), dict)
                                 and any(k in o["metadata"] for k in PIPELINE_KEYS) for o in outputs)
            cleaned = [_clean_output(o) for o in outputs]
            cell["outputs"] = [o for o in cleaned if o is not None]
        if found:
            record_removal(resources, "metadata", cell_label(cell, index),
                           "metadata.portfolio in the notebook file (only the portfolio build may set it)")
        return cell, resources
