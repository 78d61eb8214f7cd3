"""An ipywidgets explorer for the needs assessment: move each group's weight, watch the ranking.

The sliders, then one chart and one table for the starting weights; moving a
slider redraws them in place (:func:`workbook.notebook.live.live_panel`), so
an HTML export or a portfolio shows the view as last drawn. A bad value shows
the calculator's message, never a traceback.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from workbook.notebook.live import live_panel

__all__ = ["weights_explorer"]


def _show(survey: Any, weights: dict[str, float]) -> None:
    from workbook.notebook.display import show_figure, show_table
    from workbook.principles.l2.charts import needs_chart
    from workbook.tools.planning import needs_assessment

    table = needs_assessment(survey, weights)
    shown = ", ".join(f"{g} {w:g}" for g, w in weights.items())
    show_figure(needs_chart(table), f"Bar chart of the needs ranked by weighted discrepancy with weights {shown}; "
                                    f"first: {table.index[0]}, then {table.index[1]} and {table.index[2]}.")
    show_table(table[["score", "rank"]], "Needs ranked with these weights", decimals=2)


def weights_explorer(survey: Any, weights: Mapping[str, float]) -> Any:
    """Explore how the ranking of needs moves with the weight each stakeholder group gets.

    Parameters
    ----------
    survey
        The stakeholder survey (``group``, ``need``, ``importance``, ``current``).
    weights
        The starting weight of each group; each slider runs from 0.05 to 1 (the
        calculator refuses all-zero weights, and every group keeps some voice).

    Returns
    -------
    The ipywidgets container (also displayed).
    """
    import ipywidgets as w

    sliders = {g: w.FloatSlider(value=float(v), min=0.05, max=1, step=0.05, description=g, continuous_update=False)
               for g, v in weights.items()}
    items = list(sliders.values())
    rows = [w.HBox(items[i:i + 2]) for i in range(0, len(items), 2)]
    return live_panel("Move a group's weight to see the ranking change (live, needs a running kernel).", rows, items,
                      lambda: _show(survey, {g: s.value for g, s in sliders.items()}))
