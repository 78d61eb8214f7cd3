"""ipywidgets front-end for E2: move the negotiated increase and the health cap, watch both positions' cost.

The chart and the comparison redraw in place (see
:func:`workbook.notebook.live.live_panel`), so an export shows the view as
last drawn. A bad value shows the calculator's message, never a traceback.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from workbook.notebook.live import live_panel

__all__ = ["position_explorer", "show_positions"]


def show_positions(choice: Any, start_year: str) -> None:
    """Show the two positions' costs: the chart, then the side-by-side comparison."""
    from workbook.notebook.display import show_figure, show_table
    from workbook.principles.e2.charts import position_alt_text, position_cost_chart
    from workbook.tools.staffing import compare_positions

    a, b = choice.tosa_cost(start_year), choice.specialist_cost(start_year)
    show_figure(position_cost_chart(a, b), position_alt_text(a, b))
    show_table(compare_positions(a, b, choice.tosa_days, choice.specialist_days), "The two positions side by side",
               money=("total", "per_day"), percent=("benefits_share",))


def position_explorer(choice: Any, start_year: str) -> Any:
    """Explore the position decision: the schedule increase each year and the classified unit's health cap."""
    import ipywidgets as w

    raise_ = w.FloatSlider(value=choice.schedule_increase, min=0, max=0.08, step=0.005, readout_format=".1%",
                           description="Schedule increase a year", continuous_update=False)
    cap = w.FloatSlider(value=choice.classified_cap, min=10_000, max=35_000, step=500, description="Classified health cap ($)",
                        continuous_update=False)
    return live_panel("Move the sliders to see both positions' cost change (live, needs a running kernel).",
                      [w.HBox([raise_, cap])], (raise_, cap),
                      lambda: show_positions(replace(choice, schedule_increase=raise_.value, classified_cap=cap.value), start_year))
