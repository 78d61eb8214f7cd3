"""An ipywidgets explorer of the build/buy/share decision: move the cabinet's weights and the staff available.

It shows its sliders, then one chart and one table for the starting values;
each move redraws them in place (see :func:`workbook.notebook.live.live_panel`),
so an export shows the view as last drawn. A bad value shows the
calculator's message, never a traceback.
"""

from __future__ import annotations

from typing import Any

from workbook.notebook.live import live_panel

__all__ = ["solution_explorer"]


def _show(options: Any, weights: dict[str, float], support: float, rate: float) -> None:
    from workbook.notebook.display import show_figure, show_table
    from workbook.principles.l5.charts import solution_chart
    from workbook.tools.organization import choose_solution

    ranked = choose_solution(options, weights, support_fte=support, discount_rate=rate)
    first = ranked.iloc[0]
    verdict = f"{first['option']} ranks first" if first["feasible"] else "no option can be supported with this staff"
    show_figure(solution_chart(ranked), f"Bar chart of the weighted scores of build, buy and share with {support:g} FTE of support "
                                        f"staff available; {verdict}.")
    show_table(ranked.set_index("option")[["present_cost", "support_fte", "feasible", "score", "rank"]], "Options ranked",
               money=("present_cost",), decimals=2)


def solution_explorer(options: Any, weights: dict[str, float], support: float, rate: float = 0.03) -> Any:
    """Sliders for each criterion's weight and for the support staff available; the ranking follows."""
    import ipywidgets as w

    # Each criterion keeps some weight (0.05 at least): with every weight at 0 nothing could be ranked, and the
    # explorer must always show its chart and table.
    sliders = {k: w.FloatSlider(value=v, min=0.05, max=1, step=0.05, description=f"Weight: {k}", continuous_update=False)
               for k, v in weights.items()}
    staff = w.FloatSlider(value=support, min=0, max=3, step=0.1, description="Support staff available (FTE)", continuous_update=False)
    controls = [*sliders.values(), staff]
    return live_panel("Move the weights or the staff available: does the recommendation change? (live, needs a running kernel)",
                      [w.HBox(list(sliders.values())[:2]), w.HBox(list(sliders.values())[2:]), staff], controls,
                      lambda: _show(options, {k: s.value for k, s in sliders.items()}, staff.value, rate))
