"""ipywidgets explorer of L3 Communications: where the line between high and low falls.

The explorer shows its control, then one figure and one table for the
starting value; moving it redraws them in place (see
:func:`workbook.notebook.live.live_panel`), so an HTML export or a portfolio
shows the view as last drawn, without a kernel.
"""

from __future__ import annotations

from typing import Any

from workbook.notebook.live import live_panel

__all__ = ["show_map", "stakeholder_explorer"]


def show_map(people: Any, threshold: float) -> Any:
    """Show the stakeholder map and the count per quadrant for a threshold; return the map."""
    import pandas as pd

    from workbook.notebook.display import show_figure, show_table
    from workbook.principles.l3.charts import stakeholder_map_chart
    from workbook.tools.stakeholders import MAX_INTERVAL_DAYS, stakeholder_map

    placed = stakeholder_map(people, threshold=threshold)
    counts = placed["quadrant"].value_counts()
    show_figure(stakeholder_map_chart(placed, f"Stakeholder map, high at {threshold:g} or more", threshold=threshold),
                f"Scatter chart of {len(placed)} stakeholders by interest and power split at {threshold:g}: "
                + "; ".join(f"{int(counts.get(q, 0))} to {q}" for q in MAX_INTERVAL_DAYS) + ".")
    table = pd.DataFrame({"stakeholders": [int(counts.get(q, 0)) for q in MAX_INTERVAL_DAYS],
                          "longest gap between contacts (days)": list(MAX_INTERVAL_DAYS.values())},
                         index=pd.Index(list(MAX_INTERVAL_DAYS), name="quadrant"))
    show_table(table, "Stakeholders per quadrant, and how often each quadrant hears from you")
    return placed


def stakeholder_explorer(people: Any) -> Any:
    """Move the score that counts as high (1 to 5) and watch stakeholders change quadrant.

    Parameters
    ----------
    people
        The stakeholders: ``stakeholder``, ``power`` and ``interest`` (1 to 5).
    """
    import ipywidgets as w

    threshold = w.FloatSlider(value=3.0, min=1.0, max=5.0, step=0.5, description="High from", continuous_update=False)
    return live_panel(
        "Move the threshold to see who changes quadrant (live, needs a running kernel).",
        [threshold], (threshold,), lambda: show_map(people, threshold.value),
    )
