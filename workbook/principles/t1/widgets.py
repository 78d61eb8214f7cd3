"""ipywidgets explorer of T1 Security Fundamentals: the security budget under a cap.

Each explorer shows its sliders, then one figure and one table for the
starting values; moving a slider redraws them in place (see
:func:`workbook.notebook.live.live_panel`), so an HTML export or a portfolio
shows the view as last drawn, without a kernel. A bad value shows the
calculator's message, never a traceback.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from workbook.notebook.live import live_panel

__all__ = ["security_budget_view", "security_budget_explorer"]


def security_budget_view(controls: Any, budget: float, effectiveness_scale: float = 1.0) -> Any:
    """Show the security budget's choice (chart and table) and return the result table.

    ``effectiveness_scale`` multiplies every control's ALE reduction (0.5: the
    controls work half as well as estimated, 1.2: a fifth better); it is how a
    cabinet asks "what if the vendor's estimate is optimistic?".
    """
    from workbook.principles.t1.charts import security_budget_chart
    from workbook.notebook.display import show_figure, show_table
    from workbook.tools._validate import check_number
    from workbook.tools.security_budget import security_budget

    scale = check_number("effectiveness_scale", effectiveness_scale, minimum=0, maximum=2)
    frame = controls.copy()
    frame["ale_reduction"] = (frame["ale_reduction"] * scale).round(0)
    if "effectiveness" in frame.columns:  # overlapping controls: scale each one's share, capped at all of the loss
        frame["effectiveness"] = (frame["effectiveness"] * scale).clip(upper=1.0)
    result = security_budget(frame, budget)
    a = result.attrs
    show_figure(
        security_budget_chart(result, f"Security budget under a {budget:,.0f} dollar cap"),
        f"Horizontal bar chart of the annualized loss each control removes; the best set under the {budget:,.0f} dollar cap "
        f"costs {a['chosen_cost']:,.0f} dollars and removes {a['chosen_reduction']:,.0f} dollars of expected loss a year "
        f"(greedy ranking: {a['greedy_reduction']:,.0f}).",
    )
    show_table(result[["control", "cost", "ale_reduction", "reduction_per_dollar", "greedy_chosen", "chosen"]].set_index("control"),
               "Controls, best set under the cap", money=("cost", "ale_reduction"))
    return result


def security_budget_explorer(controls: Any, budget: float) -> Any:
    """Move the budget cap and the controls' effectiveness and watch the chosen set change.

    Returns the ipywidgets container (also displayed).
    """
    import ipywidgets as w

    total = float(controls["cost"].sum())
    step = max(500.0, round(total / 100, -2))
    cap = w.FloatSlider(value=float(budget), min=0, max=round(total + step, -2), step=step, description="Budget cap ($ a year)",
                        readout_format=",.0f", continuous_update=False)
    scale = w.FloatSlider(value=1.0, min=0.2, max=1.5, step=0.05, description="Effectiveness (× the estimate)", readout_format=".2f",
                          continuous_update=False)
    return live_panel(
        "Move the sliders: the budget cap, and how well the controls work compared with the estimate "
        "(live, needs a running kernel).",
        [w.HBox([cap, scale])], (cap, scale), lambda: security_budget_view(controls, cap.value, scale.value),
    )
