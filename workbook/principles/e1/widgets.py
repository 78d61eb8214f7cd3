"""ipywidgets front-end for E1: what a table of counts looks like when it leaves the district.

Move the minimum cell size and choose which totals are published; the table
and the count of withheld cells redraw in place (see
:func:`workbook.notebook.live.live_panel`), so an export shows the view as
last drawn. A bad value shows the calculator's message, never a traceback.
"""

from __future__ import annotations

from typing import Any

from workbook.notebook.live import live_panel

__all__ = ["suppression_explorer", "show_suppression"]


def show_suppression(counts: Any, min_cell: int, column_totals: bool) -> None:
    """Show the table as it may leave: withheld cells as '*', and how many were withheld."""
    from workbook.notebook.display import show_figure, show_table
    from workbook.principles.e1.charts import suppression_chart
    from workbook.tools.disclosure import suppress_small_counts

    result = suppress_small_counts(counts, min_cell, row_totals=True, column_totals=column_totals)
    rows, cols = counts.shape
    show_figure(suppression_chart(counts, result.mask, min_cell),
                f"Grid of {rows} schools by {cols} student groups; {result.withheld} of {rows * cols} cells are withheld: "
                f"{result.primary} under {min_cell} and {result.complementary} more so that the totals do not give them away.")
    show_table(result.shown, f"As it may leave the district: cells under {min_cell} withheld ('*')")


def suppression_explorer(counts: Any, min_cell: int = 11) -> Any:
    """Explore small-count suppression on ``counts``: the minimum cell size and whether group totals are published."""
    import ipywidgets as w

    size = w.IntSlider(value=min_cell, min=1, max=30, description="Minimum cell size", continuous_update=False)
    columns = w.Checkbox(value=True, description="District totals by group are published too")
    return live_panel("Move the minimum cell size (live, needs a running kernel).", [w.HBox([size, columns])],
                      (size, columns), lambda: show_suppression(counts, size.value, columns.value))
