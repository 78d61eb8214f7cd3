"""Every explorer shows one chart and one table, and moving its controls redraws them in place.

Each notebook runs in a real kernel (nbclient). The explorer cell keeps its box of
controls; a later cell moves every control through the in-process ipywidgets API
(``slider.value = ...``), as JupyterLab does when the candidate drags a slider.
The explorer's cell must still hold exactly one PNG chart and one table, now
showing the new values, and the moving cell must show nothing of its own.
"""

from __future__ import annotations

import re
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

from workbook.grading.release import instructor_notebooks
from workbook.kernels import kernel_config
from workbook.paths import notebooks_dir

EXPLORER = re.compile(r"^(\w+_explorer\(.*\));?\s*$", re.MULTILINE)
NOTEBOOKS = {pid: path for pid, path in instructor_notebooks(notebooks_dir()).items()
             if any(EXPLORER.search(c.source) for c in nbformat.read(path, as_version=4).cells if c.cell_type == "code")}

MOVE_EVERY_CONTROL = """
import ipywidgets as _w

def _controls(widget):
    if isinstance(widget, (_w.FloatSlider, _w.IntSlider, _w.Checkbox)):
        yield widget
    for child in getattr(widget, "children", ()):
        yield from _controls(child)

_moved = 0
for _box in [v for k, v in list(globals().items()) if k.startswith("explorer_box_")]:
    for _c in _controls(_box):
        if isinstance(_c, _w.Checkbox):
            _c.value = not _c.value
        else:
            _c.value = _c.min if _c.value != _c.min else _c.max
        _moved += 1
assert _moved > 0
"""


def _views(cell: nbformat.NotebookNode) -> tuple[list[str], list[str], int]:
    """(chart alt texts, tables, number of outputs) shown by an explorer cell."""
    charts = [o["data"]["text/plain"] for o in cell.outputs if "image/png" in o.get("data", {})]
    tables = [o["data"]["text/html"] for o in cell.outputs if "<table" in str(o.get("data", {}).get("text/html", ""))]
    return charts, tables, len(cell.outputs)


@pytest.mark.parametrize("principle", sorted(NOTEBOOKS))
def test_moving_every_control_redraws_one_chart_and_one_table_in_place(principle: str) -> None:
    source = NOTEBOOKS[principle]
    nb = nbformat.read(source, as_version=4)
    explorers = []
    for index, cell in enumerate(nb.cells):
        if cell.cell_type == "code" and EXPLORER.search(cell.source):
            cell.source = EXPLORER.sub(lambda m: f"explorer_box_{index} = {m.group(1)}", cell.source)
            explorers.append(index)
    assert explorers
    nb.cells.append(nbformat.v4.new_code_cell(MOVE_EVERY_CONTROL))
    client = NotebookClient(nb, kernel_name="python3", timeout=600, config=kernel_config(),
                            resources={"metadata": {"path": str(source.parent)}})
    before: dict[int, tuple[list[str], list[str], int]] = {}
    with client.setup_kernel():
        for index, cell in enumerate(nb.cells):
            client.execute_cell(cell, index)
            if index in explorers:
                before[index] = _views(cell)

    moving = nb.cells[-1]
    assert [o for o in moving.outputs if o.output_type != "stream" or o.text.strip()] == []
    for index in explorers:
        charts, tables, count = before[index]
        assert len(charts) == 1 and len(tables) == 1, f"cell {index} before moving: {len(charts)} charts, {len(tables)} tables"
        after_charts, after_tables, after_count = _views(nb.cells[index])
        assert len(after_charts) == 1 and len(after_tables) == 1, f"cell {index}: {len(after_charts)} charts, {len(after_tables)} tables"
        assert after_count == count, "moving the controls added or removed outputs"
        assert (after_charts, after_tables) != (charts, tables), "the view was redrawn for the new values"
        errors = [o for o in nb.cells[index].outputs if o.output_type == "error" or "Cannot compute" in str(o.get("data", {}))]
        assert errors == []
