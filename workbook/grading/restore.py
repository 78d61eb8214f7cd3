"""Rebuild a submission on its released template: what is locked comes from the template.

The candidate owns exactly two kinds of cells, matched by ``metadata.workbook.id``
(read through :mod:`workbook.contract`: an id that does not follow the contract
counts as no id, so the cell is kept as one the candidate added):
exercise cells (tag ``answer`` in the candidate edition, ``solution`` in the instructor's) and reflection cells (tag ``reflection``).
Every other template cell (readings, parameters, set-up, worked examples,
artifacts) is taken from the template, whatever the submission holds. Cells
the candidate added (no known id) are kept, without tags or workbook ids, after
the template cell they followed in the submission. Outputs from the
submission are never kept: the grader trusts only what its own run produces.

Deterministic rules, each with a warning:

- **deleted** exercise or reflection: the template's placeholder is used (the
  exercise then scores 0 with that reason);
- **duplicated** id: the first copy that is not the unchanged placeholder wins
  (the first copy if all are); the other copies are dropped;
- **reordered** cells: the template's order is used;
- **retyped** cell (an exercise saved as markdown, a reflection as code): the
  candidate's text is kept in the template's cell type;
- **changed locked cell**: the template's version is used.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from typing import Any

from workbook.contract import cell_id, cell_tags
from workbook.grading.release import is_placeholder

__all__ = ["RestoreResult", "restore_submission", "editable_ids"]

_STRIP_TAGS = {"parameters", "injected-parameters", "solution", "answer", "reflection", "instructor"}


@dataclass
class RestoreResult:
    notebook: Any
    warnings: list[str] = field(default_factory=list)
    #: exercise or reflection id -> what happened to it ("deleted", "duplicated", "retyped")
    notes: dict[str, str] = field(default_factory=dict)


def editable_ids(template: Any) -> dict[str, Any]:
    """The template's candidate-owned cells by workbook id (exercises and reflections)."""
    out: dict[str, Any] = {}
    for cell in template.cells:
        wid = cell_id(cell)
        if wid and ({"solution", "answer", "reflection"} & set(cell_tags(cell))):
            out.setdefault(wid, cell)
    return out


def _clean_extra(cell: Any) -> Any:
    extra = copy.deepcopy(cell)
    meta = extra.setdefault("metadata", {})
    meta.pop("workbook", None)
    tags = [t for t in cell_tags(extra) if t not in _STRIP_TAGS]
    if tags:
        meta["tags"] = tags
    else:
        meta.pop("tags", None)
    if extra.cell_type == "code":
        extra["outputs"] = []
        extra["execution_count"] = None
    return extra


def _text(source: Any) -> str:
    return "".join(source) if isinstance(source, list) else str(source or "")


def restore_submission(submission: Any, template: Any) -> RestoreResult:
    """The notebook the grader runs: the template with the candidate's own cells in it.

    Neither argument is modified.
    """
    from nbformat.v4 import new_code_cell, new_markdown_cell

    editable = editable_ids(template)
    locked_ids = {c.get("id") for c in template.cells if cell_id(c) not in editable and c.get("id")}
    editable_cell_ids = {c.get("id"): wid for wid, c in editable.items() if c.get("id")}
    warnings: list[str] = []
    notes: dict[str, str] = {}

    copies: dict[str, list[Any]] = {}
    order_seen: list[str] = []
    extras: dict[str | None, list[Any]] = {}
    changed_locked = 0
    template_by_id = {c.get("id"): c for c in template.cells if c.get("id")}
    last_anchor: str | None = None
    for cell in submission.cells:
        wid, cid = cell_id(cell), cell.get("id")
        if wid in editable:
            copies.setdefault(wid, []).append(cell)
            anchor = editable[wid].get("id")
        elif cid in editable_cell_ids and not wid:
            # kept its cell id but lost its workbook metadata: still the candidate's cell
            copies.setdefault(editable_cell_ids[cid], []).append(cell)
            anchor = cid
        elif cid in locked_ids:
            anchor = cid
            t = template_by_id[cid]
            if t.cell_type != cell.cell_type or _text(t.source) != _text(cell.source):
                changed_locked += 1
        else:
            anchor = None  # added by the candidate (or a forged workbook id): kept as an extra cell
        if anchor is None:
            extras.setdefault(last_anchor, []).append(cell)
        else:
            if anchor not in order_seen:
                order_seen.append(anchor)
            last_anchor = anchor

    template_order = [c.get("id") for c in template.cells]
    positions = [template_order.index(a) for a in order_seen if a in template_order]
    if positions != sorted(positions):
        warnings.append("cells were moved; the released order was used")
    if changed_locked:
        warnings.append(f"{changed_locked} locked cell(s) were changed; the released version was used")

    chosen: dict[str, Any] = {}
    for wid, tcell in editable.items():
        found = copies.get(wid, [])
        if not found:
            kind = "exercise" if {"solution", "answer"} & set(cell_tags(tcell)) else "reflection"
            warnings.append(f"the {kind} cell {wid} was deleted; the released placeholder was used")
            notes[wid] = "deleted"
            continue
        pick = found[0]
        if len(found) > 1:
            pick = next((c for c in found if not is_placeholder(_text(c.source)) and _text(c.source) != _text(tcell.source)), found[0])
            warnings.append(f"{wid} appears in {len(found)} cells; copy {found.index(pick) + 1} was graded, the others were ignored")
            notes[wid] = "duplicated"
        if pick.cell_type != tcell.cell_type:
            warnings.append(f"{wid} was changed from a {tcell.cell_type} cell to a {pick.cell_type} cell; it was graded as {tcell.cell_type}")
            notes[wid] = "retyped"
        chosen[wid] = pick

    out = copy.deepcopy(template)
    cells: list[Any] = []
    used_ids: set[str] = set()

    def add(cell: Any) -> None:
        cid = cell.get("id") or "wb-cell"
        base, n = cid, 1
        while cid in used_ids:
            n += 1
            cid = f"{base}-{n}"
        cell["id"] = cid
        used_ids.add(cid)
        cells.append(cell)

    first_editable = next((c.get("id") for c in template.cells if cell_id(c) in editable), None)
    for tcell in template.cells:
        tid = tcell.get("id")
        if tid == first_editable:
            for extra in extras.get(None, []):
                add(_clean_extra(extra))
        wid = cell_id(tcell)
        if wid in chosen:
            source = _text(chosen[wid].source)
            maker = new_code_cell if tcell.cell_type == "code" else new_markdown_cell
            cell = maker(source=source, metadata=copy.deepcopy(tcell.metadata))
            if tcell.cell_type not in ("code", "markdown"):
                cell = copy.deepcopy(tcell)
                cell["source"] = source
            cell["id"] = tid
            add(cell)
        else:
            add(copy.deepcopy(tcell))
        for extra in extras.get(tid, []):
            add(_clean_extra(extra))
    if first_editable is None:
        for extra in extras.get(None, []):
            add(_clean_extra(extra))
    out.cells = cells
    return RestoreResult(out, warnings, notes)
