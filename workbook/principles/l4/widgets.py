"""ipywidgets explorer of L4 Personnel Management: how the weights and the panel move the ranking.

The explorer shows its controls, then one figure and one table for the
starting values; moving a control redraws them in place (see
:func:`workbook.notebook.live.live_panel`), so an HTML export or a portfolio
shows the view as last drawn, without a kernel.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from workbook.notebook.live import live_panel

__all__ = ["show_ranking", "ranking_explorer"]

_EVERYONE = "(the whole panel)"


def show_ranking(panel: Any, importance: Mapping[str, float], without: str | None = None) -> list[str]:
    """Show the weighted scores chart and the ranking table for relative importances (any positive numbers); return the ranking."""
    import pandas as pd

    from workbook.notebook.display import show_figure, show_table
    from workbook.principles.l4.charts import panel_scores_chart
    from workbook.tools.people import ranking, weighted_scores

    total = float(sum(importance.values()))
    weights = {k: float(v) / total for k, v in importance.items()}
    scores = weighted_scores(panel, weights, without=without)
    order = ranking(scores)
    who = "the whole panel" if without is None else f"the panel without the {without}"
    show_figure(panel_scores_chart(scores, f"Weighted scores, {who}"),
                f"Dot chart of each finalist's weighted score by rater with the panel's mean; with these weights {order[0]} ranks first, "
                f"at {scores.loc[order[0], 'mean']:.2f} out of 5.")
    table = pd.DataFrame({"rank": range(1, len(order) + 1), "finalist": order,
                          "mean weighted score": [round(float(scores.loc[c, "mean"]), 3) for c in order]}).set_index("rank")
    show_table(table, "Ranking with these weights (" + ", ".join(f"{k} {v:.0%}" for k, v in weights.items()) + ")", decimals=3)
    return order


def ranking_explorer(panel: Any, weights: Mapping[str, float]) -> Any:
    """Move each criterion's importance (1 to 10) and leave a rater out; watch the ranking.

    Parameters
    ----------
    panel
        The ratings (candidate, rater, criterion, score).
    weights
        The rubric's weights, the sliders' starting point (as points out of 20).
    """
    import ipywidgets as w

    sliders = {k: w.IntSlider(value=max(1, min(10, round(v * 20))), min=1, max=10, description=k, continuous_update=False)
               for k, v in weights.items()}
    raters = sorted(set(panel["rater"]))
    leave = w.Dropdown(options=[_EVERYONE, *raters], value=_EVERYONE, description="Leave out")
    return live_panel(
        "Move a criterion's importance or leave a rater out to see the ranking change (live, needs a running kernel).",
        [*sliders.values(), leave], (*sliders.values(), leave),
        lambda: show_ranking(panel, {k: s.value for k, s in sliders.items()}, None if leave.value == _EVERYONE else leave.value),
    )
