"""An ipywidgets front-end for the Dashboard's five-by-five grid.

Move this year's status and the change from last year and watch the cell and
the colour; the view is drawn once for the starting values and redrawn in
place (:func:`workbook.notebook.live.live_panel`), so an export shows the
view as last drawn. A bad value shows the calculator's message.
"""

from __future__ import annotations

from typing import Any

from workbook.notebook.live import live_panel

__all__ = ["show_cell", "colour_explorer"]


def show_cell(indicator: str, status: float, change: float) -> None:
    """Show the grid with the cell of one status and change marked, and a line that says which colour it is."""
    import pandas as pd

    from workbook.notebook.display import show_figure, show_table
    from workbook.principles.e4.charts import grid_chart
    from workbook.tools.dashboard import change_level, colour_grid, dashboard_colour, status_level

    colour = dashboard_colour(indicator, status, change)
    row = {"students": 100, "status_level": status_level(indicator, status), "change_level": change_level(indicator, change),
           "colour": colour}
    table = pd.DataFrame([row], index=["you"])
    show_figure(grid_chart(colour_grid(indicator), table, f"Where a result lands: {indicator.replace('_', ' ')}"),
                f"Five-by-five grid of status and change; a status of {status:g} with a change of {change:+g} lands in "
                f"{row['status_level']} status, {row['change_level']}, which is {colour}.")
    show_table(table.drop(columns=["students"]), "The cell")


def colour_explorer(indicator: str = "ela_3_8", status: float = -20.0, change: float = 5.0) -> Any:
    """Sliders for status (distance from standard, points) and change (points) on an academic indicator."""
    import ipywidgets as w

    s = w.FloatSlider(value=status, min=-150, max=100, step=0.5, description="Status: distance from standard (points)",
                      continuous_update=False)
    c = w.FloatSlider(value=change, min=-40, max=40, step=0.5, description="Change from last year (points)",
                      continuous_update=False)
    return live_panel("Move the sliders to see where a result lands on the grid (live, needs a running kernel).",
                      [w.HBox([s, c])], (s, c), lambda: show_cell(indicator, s.value, c.value))
