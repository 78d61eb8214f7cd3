"""Show the notebook's parameters as a short table instead of the parameters cell.

Values come from the ``parameters`` cell, overridden by papermill's
``injected-parameters`` cell when there is one (what the notebook actually ran
with). The comment after each assignment becomes its description.
"""

from __future__ import annotations

import ast
import html
import io
import tokenize
from typing import Any

from nbconvert.preprocessors import Preprocessor

from workbook.portfolio.preprocessors._common import context, tags_of

__all__ = ["ParametersTablePreprocessor", "read_parameters", "parameters_table_html"]


def _comments(source: str) -> dict[int, str]:
    found: dict[int, str] = {}
    try:
        for tok in tokenize.generate_tokens(io.StringIO(source).readline):
            if tok.type == tokenize.COMMENT:
                found[tok.start[0]] = tok.string.lstrip("#").strip()
    except (tokenize.TokenError, IndentationError, SyntaxError):
        pass
    return found


def read_parameters(source: str) -> dict[str, dict[str, Any]]:
    """Assignments in a parameters cell: ``{name: {"value": ..., "description": ...}}``.

    Values that are not literals are kept as their source text.

    Examples
    --------
    >>> read_parameters('district: str = "sample-rural"  # which district\\nseed = 7')
    {'district': {'value': 'sample-rural', 'description': 'which district'}, 'seed': {'value': 7, 'description': ''}}
    >>> read_parameters("this is not python")
    {}
    """
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return {}
    comments = _comments(source)
    params: dict[str, dict[str, Any]] = {}
    for node in tree.body:
        if isinstance(node, ast.Assign) and len(node.targets) == 1:
            target, value = node.targets[0], node.value
        elif isinstance(node, ast.AnnAssign) and node.value is not None:
            target, value = node.target, node.value
        else:
            continue
        if not isinstance(target, ast.Name):
            continue
        try:
            literal: Any = ast.literal_eval(value)
        except (ValueError, SyntaxError, TypeError):
            literal = ast.unparse(value)
        params[target.id] = {"value": literal, "description": comments.get(node.lineno, "")}
    return params


def parameters_table_html(params: dict[str, dict[str, Any]]) -> str:
    """The parameters as an accessible HTML table (every value escaped).

    >>> print(parameters_table_html({"seed": {"value": 7, "description": "<b>x</b>"}}))  # doctest: +ELLIPSIS
    <table class="wb-parameters"><caption>Parameters this notebook ran with</caption>...<td>&lt;b&gt;x&lt;/b&gt;</td>...
    """
    from workbook.portfolio.fragments import parameters_table

    return parameters_table(
        (name, repr(p["value"]) if not isinstance(p["value"], str) else p["value"], p["description"])
        for name, p in params.items()
    )


class ParametersTablePreprocessor(Preprocessor):
    """Replace the ``parameters`` cell by a markdown cell holding the parameters table.

    The table is stored as ready HTML in ``cell.metadata.portfolio.html`` and the
    parameters in ``resources["portfolio"]["parameters"]`` (for the manifest).

    Examples
    --------
    >>> import nbformat
    >>> nb = nbformat.v4.new_notebook(cells=[
    ...     nbformat.v4.new_code_cell("seed = 1", metadata={"tags": ["parameters"]}),
    ...     nbformat.v4.new_code_cell("seed = 9", metadata={"tags": ["injected-parameters"]})])
    >>> nb, res = ParametersTablePreprocessor().preprocess(nb, {})
    >>> res["portfolio"]["parameters"], nb.cells[0].cell_type
    ({'seed': 9}, 'markdown')
    """

    def preprocess(self, nb: Any, resources: dict[str, Any]) -> tuple[Any, dict[str, Any]]:
        declared: dict[str, dict[str, Any]] = {}
        injected: dict[str, dict[str, Any]] = {}
        where = None
        for index, cell in enumerate(nb.cells):
            tags = tags_of(cell)
            if cell.cell_type == "code" and "parameters" in tags and where is None:
                declared, where = read_parameters(cell.source), index
            elif cell.cell_type == "code" and "injected-parameters" in tags:
                injected.update(read_parameters(cell.source))
        for name, p in injected.items():
            described = declared.get(name, {}).get("description", "")
            declared[name] = {"value": p["value"], "description": described}
        context(resources)["parameters"] = {k: v["value"] for k, v in declared.items()}
        if where is not None:
            from nbformat.v4 import new_markdown_cell

            cell = new_markdown_cell("", metadata={"tags": ["parameters-table"]})
            cell.metadata["portfolio"] = {"html": parameters_table_html(declared)}  # our own, escaped; sanitized again later
            nb.cells[where] = cell
        return nb, resources
