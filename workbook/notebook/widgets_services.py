"""ipywidgets front-ends for T3 (refresh schedule) and T4 (self-assessment).

Each explorer first leaves a **static** figure and table in the output (so an
HTML export or a portfolio shows the result without a kernel), then shows
sliders that re-run the calculator live. A bad value shows the calculator's
message, never a traceback.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from workbook.notebook.live import live_panel

__all__ = ["show_refresh", "refresh_explorer", "show_self_assessment", "self_assessment_explorer"]


def show_refresh(inventory: Any, annual_budget: float, unit_cost: float, lifespan_years: int, years: int, start: str) -> Any:
    """Show a refresh schedule's chart (with alt text) and table; return the schedule."""
    from workbook.notebook.charts_services import refresh_schedule_chart
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


def refresh_explorer(inventory: Any, inputs: Any, *, static: bool = True) -> Any:
    """Move the annual budget, the device price and the planned lifespan; watch the schedule.

    Parameters
    ----------
    inventory
        The fleet: ``purchase_year`` and ``count`` columns.
    inputs
        A :class:`workbook.scenarios.services.RefreshInputs`.
    static
        Leave the static figure and table for the starting values first.
    """
    import ipywidgets as w

    base = inputs.as_kwargs()
    if static:
        show_refresh(inventory, **base)
    top = max(10_000.0, round(base["annual_budget"] * 2.5, -3))
    budget = w.FloatSlider(value=base["annual_budget"], min=0, max=top, step=max(1_000.0, round(top / 100, -3)),
                           description="Budget $/yr", readout_format=",.0f", continuous_update=False)
    price = w.FloatSlider(value=base["unit_cost"], min=100, max=1_500, step=5, description="Device price $", continuous_update=False)
    life = w.IntSlider(value=base["lifespan_years"], min=2, max=10, description="Lifespan (yrs)", continuous_update=False)
    return live_panel(
        "Move the sliders to see the refresh schedule change (live, needs a running kernel).",
        [w.HBox([budget, price]), life], (budget, price, life),
        lambda: show_refresh(inventory, budget.value, price.value, life.value, base["years"], base["start"]),
    )


def show_self_assessment(responses: Mapping[str, int], title: str = "My technical concepts: strengths and gaps") -> Any:
    """Show the self-assessment chart by area and the table of strengths and gaps; return the table."""
    from workbook.notebook.charts_standards import self_assessment_chart
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


def self_assessment_explorer(responses: Mapping[str, int], *, static: bool = True) -> Any:
    """One 1-5 slider per concept, grouped by area; the chart redraws as you rate yourself.

    Parameters
    ----------
    responses
        Starting ratings ``{concept_id: 1-5}``; concepts left out start at 3.
    static
        Leave the static chart and table for the starting ratings first.
    """
    import ipywidgets as w

    from workbook.tools.standards import LIKERT, concepts

    table = concepts()
    start = {str(k): int(v) for k, v in responses.items()}
    if static:
        show_self_assessment(start)
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
