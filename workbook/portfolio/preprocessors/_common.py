"""Helpers shared by the portfolio preprocessors: the build context and the report.

Every preprocessor reads the per-notebook context from ``resources["portfolio"]``
(a dict the site builder fills) and records what it removed or changed in
``resources["portfolio"]["removed"]`` / ``["alt_fallbacks"]``, so the build
report can say what left the portfolio and why.
"""

from __future__ import annotations

from typing import Any

from workbook.contract import cell_id, cell_tags

__all__ = ["context", "record_removal", "cell_label", "tags_of"]


def context(resources: dict[str, Any]) -> dict[str, Any]:
    """The portfolio context in ``resources``, created when missing.

    >>> ctx = context({})
    >>> sorted(ctx)
    ['alt_fallbacks', 'artifacts', 'notebook', 'parameters', 'reflections', 'removed']
    """
    ctx = resources.setdefault("portfolio", {})
    ctx.setdefault("notebook", "notebook")
    for key in ("removed", "alt_fallbacks", "artifacts", "reflections"):
        ctx.setdefault(key, [])
    ctx.setdefault("parameters", {})
    return ctx


def tags_of(cell: Any) -> set[str]:
    """The cell's tags as a set (only strings count: the candidate may write anything there).

    >>> tags_of({"metadata": {"tags": ["solution", "x", {"y": 1}]}}) == {"solution", "x"}
    True
    """
    return set(cell_tags(cell))


def cell_label(cell: Any, index: int) -> str:
    """How the report names a cell: its workbook id, else its cell id, else its position.

    >>> cell_label({"metadata": {"workbook": {"id": "l6-npv", "kind": "artifact"}}}, 3)
    'l6-npv'
    >>> cell_label({"metadata": {"workbook": ["l6-npv"]}}, 3)
    'cell 4'
    """
    wid = cell_id(cell)
    if wid:
        return wid
    if cell.get("id"):
        return f"cell {cell['id']}"
    return f"cell {index + 1}"


def record_removal(resources: dict[str, Any], what: str, where: str, reason: str) -> None:
    """Add one entry to the build report's list of removed content.

    >>> res = {}
    >>> record_removal(res, "cell", "cell 2", "tagged private")
    >>> res["portfolio"]["removed"]
    [{'notebook': 'notebook', 'what': 'cell', 'where': 'cell 2', 'reason': 'tagged private'}]
    """
    ctx = context(resources)
    ctx["removed"].append({"notebook": ctx["notebook"], "what": what, "where": where, "reason": reason})
