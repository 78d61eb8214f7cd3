"""ipywidgets explorer of T4 IT Knowledge: the technical-concepts self-assessment.

The explorer shows its sliders, then one chart and one table for the starting
ratings; moving a slider redraws them in place (see
:func:`workbook.notebook.live.live_panel`), so an HTML export or a portfolio
shows the view as last drawn, without a kernel.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from workbook.notebook.live import live_panel

__all__ = ["show_self_assessment", "self_assessment_explorer"]


def show_self_assessment(responses: Mapping[str, int], title: str = "My technical concepts: strengths and gaps") -> Any:
    """Show the self-assessment chart by area and the table of strengths and gaps; return the table."""
    from workbook.principles.t4.charts import self_assessment_chart
    from workbook.notebook.display import show_figure, show_table
    from workbook.tools.standards import self_assessment

    table = self_assessment(responses)
    rated = table.dropna(subset=["mean_score"])
    if len(rated):
        weakest, strongest = rated.iloc[0], rated.iloc[-1]
        alt = (f"Horizontal bar chart of mean self-ratings by area on a 1 to 5 scale; weakest {weakest['area']} "
               f"({weakest['mean_score']:.1f}), strongest {strongest['area']} ({strongest['mean_score']:.1f}).")
    else:
        alt = "Horizontal bar chart of self-ratings by area; nothing is rated yet."
    show_figure(self_assessment_chart(table, title), alt)
    show_table(table.set_index("area"), "Self-assessment by area (lowest mean first)")
    return table


def self_assessment_explorer(responses: Mapping[str, int]) -> Any:
    """One 1-5 slider per concept, grouped by area; the chart redraws as you rate yourself.

    Parameters
    ----------
    responses
        Starting ratings ``{concept_id: 1-5}``; concepts left out start at 3.
    """
    import ipywidgets as w

    from workbook.tools.standards import LIKERT, concepts

    table = concepts()
    start = {str(k): int(v) for k, v in responses.items()}
    sliders: dict[str, Any] = {}
    groups = []
    for area, part in table.groupby("area", sort=True):
        rows = []
        for cid, name in zip(part["concept_id"], part["concept"]):
            slider = w.IntSlider(value=start.get(cid, 3), min=1, max=5, description=str(name), continuous_update=False,
                                 style={"description_width": "260px"}, layout=w.Layout(width="480px"))
            sliders[cid] = slider
            rows.append(slider)
        groups.append(w.VBox([w.HTML(f"<b>{area}</b>"), *rows]))
    scale = "; ".join(f"{k} {v}" for k, v in LIKERT.items())
    return live_panel(
        f"Rate yourself on each concept ({scale}); the chart below redraws (needs a running kernel).",
        groups, sliders.values(), lambda: show_self_assessment({cid: s.value for cid, s in sliders.items()}),
    )
