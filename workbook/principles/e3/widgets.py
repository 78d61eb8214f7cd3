"""An ipywidgets front-end for the renewal rules of E3.

The explorer shows its sliders, then one figure and one table for the
starting values; moving a slider redraws them in place (see
:func:`workbook.notebook.live.live_panel`), so an HTML export or a portfolio
shows the view as last drawn, without a kernel. A bad value shows the
calculator's message, never a traceback.
"""

from __future__ import annotations

from typing import Any

from workbook.notebook.live import live_panel

__all__ = ["renewal_explorer", "show_renewal"]


def show_renewal(summary: Any, min_utilization: float, headroom: float) -> None:
    """Show the renewal plan for these rules: the chart of cost per active user and the plan's table."""
    from workbook.notebook.display import show_figure, show_table
    from workbook.principles.e3.charts import cost_per_user_chart
    from workbook.tools.adoption import renewal_plan

    plan = renewal_plan(summary, min_utilization=min_utilization, headroom=headroom)
    kept = int((plan["decision"] == "keep").sum())
    show_figure(
        cost_per_user_chart(plan, summary),
        f"Horizontal bar chart of each tool's cost per active user a year; with utilization at least "
        f"{min_utilization:.0%} and {headroom:.0%} headroom, {kept} of {len(plan)} tools are kept and the renewal "
        f"saves ${plan.attrs['saving']:,.0f} a year.",
    )
    show_table(plan.drop(columns=["job"]).set_index("tool"), "Renewal plan",
               money=("annual_cost", "renewal_cost", "saving"))


def renewal_explorer(summary: Any, min_utilization: float = 0.30, headroom: float = 0.10) -> Any:
    """Move the renewal rules (the utilization floor and the licence headroom) and watch the plan and its saving.

    Parameters
    ----------
    summary
        :func:`workbook.tools.adoption.usage_summary`'s table.

    Returns
    -------
    The ipywidgets container (also displayed).
    """
    import ipywidgets as w

    floor = w.FloatSlider(value=min_utilization, min=0, max=0.8, step=0.05, readout_format=".0%",
                          description="Drop below this utilization", continuous_update=False)
    room = w.FloatSlider(value=headroom, min=0, max=0.5, step=0.05, readout_format=".0%",
                         description="Headroom over the busiest month", continuous_update=False)
    return live_panel(
        "Move the sliders to change the renewal rules (live, needs a running kernel).",
        [w.HBox([floor, room])], (floor, room),
        lambda: show_renewal(summary, floor.value, room.value),
    )
