"""ipywidgets explorer of T3 Technology Services: the refresh schedule.

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

__all__ = ["show_refresh", "refresh_explorer"]


def show_refresh(inventory: Any, annual_budget: float, unit_cost: float, lifespan_years: int, years: int, start: str) -> Any:
    """Show a refresh schedule's chart (with alt text) and table; return the schedule."""
    from workbook.principles.t3.charts import refresh_schedule_chart
    from workbook.notebook.display import show_figure, show_table
    from workbook.tools.services import refresh_schedule

    plan = refresh_schedule(inventory, annual_budget, unit_cost, lifespan_years, years, start=start)
    last = plan.iloc[-1]
    show_figure(
        refresh_schedule_chart(plan, f"Refresh under {annual_budget:,.0f} dollars a year, {lifespan_years}-year life"),
        f"Bar chart of devices replaced each year from {plan['fiscal_year'].iloc[0]} to {last['fiscal_year']}, "
        f"{int(plan['replaced'].iloc[0]):,} in the first year; {int(last['past_lifespan_after']):,} devices are still past "
        f"their planned life at the end of {last['fiscal_year']}.",
    )
    show_table(plan.set_index("fiscal_year"), "Refresh schedule", money=("cost", "budget", "unspent"))
    return plan


def refresh_explorer(inventory: Any, inputs: Any) -> Any:
    """Move the annual budget, the device price and the planned lifespan; watch the schedule.

    Parameters
    ----------
    inventory
        The fleet: ``purchase_year`` and ``count`` columns.
    inputs
        A :class:`workbook.principles.t3.givens.RefreshInputs`.
    """
    import ipywidgets as w

    base = inputs.as_kwargs()
    top = max(10_000.0, round(base["annual_budget"] * 2.5, -3))
    budget = w.FloatSlider(value=base["annual_budget"], min=0, max=top, step=max(1_000.0, round(top / 100, -3)),
                           description="Refresh budget ($ a year)", readout_format=",.0f", continuous_update=False)
    price = w.FloatSlider(value=base["unit_cost"], min=100, max=1_500, step=5, description="Device price ($)", continuous_update=False)
    life = w.IntSlider(value=base["lifespan_years"], min=2, max=10, description="Planned lifespan (years)", continuous_update=False)
    return live_panel(
        "Move the sliders to see the refresh schedule change (live, needs a running kernel).",
        [w.HBox([budget, price]), life], (budget, price, life),
        lambda: show_refresh(inventory, budget.value, price.value, life.value, base["years"], base["start"]),
    )
