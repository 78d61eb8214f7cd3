"""An ipywidgets explorer for the cost of professional learning models: move the rates, watch the ranking.

The sliders, then one chart and one table for the district's rates; moving a
slider redraws them in place (:func:`workbook.notebook.live.live_panel`), so
an HTML export or a portfolio shows the view as last drawn. A bad value shows
the calculator's message, never a traceback.
"""

from __future__ import annotations

from typing import Any

from workbook.notebook.live import live_panel

__all__ = ["model_cost_explorer"]


def _with(rates: dict[str, dict[str, float]], substitute: float, stipend: float, completion_drop: float) -> dict[str, dict[str, float]]:
    """The rates with the substitute and stipend rates replaced and every completion rate lowered by ``completion_drop``."""
    out = {}
    for model, kwargs in rates.items():
        changed = dict(kwargs)
        if "substitute_daily_rate" in changed:
            changed["substitute_daily_rate"] = substitute
        if "stipend_hourly" in changed:
            changed["stipend_hourly"] = stipend
        if model == "PLC":  # a PLC's facilitator is paid a stipend too (1.2 times the hourly rate)
            changed["facilitator_hourly"] = round(stipend * 1.2, 0)
        changed["completion_rate"] = round(max(0.05, changed["completion_rate"] - completion_drop), 2)
        out[model] = changed
    return out


def _show(rates: dict[str, dict[str, float]], cap: float) -> None:
    from workbook.notebook.display import show_figure, show_table
    from workbook.principles.l1.charts import model_cost_chart
    from workbook.principles.l1.givens import model_comparison

    table = model_comparison(rates)
    within = table.index[table["per_trained"] <= cap].tolist()
    show_figure(model_cost_chart(table, cap), f"Bar chart of cost per trained teacher for {len(table)} models, cheapest "
                                              f"{table['per_trained'].idxmin()}; {len(within)} at or under the grant cap of {cap:,.0f} dollars.")
    show_table(table[["total", "staff_trained", "per_trained", "per_contact_hour"]], "One cohort, priced by model",
               money=("total", "per_trained", "per_contact_hour"), decimals=2)


def model_cost_explorer(rates: dict[str, dict[str, float]], cap: float) -> Any:
    """Explore how substitute and stipend rates and completion move each model's cost per trained teacher.

    Parameters
    ----------
    rates
        Each model's cost rates (``workbook.principles.l1.givens.model_rates``).
    cap
        The grant's cap per trained teacher, drawn as a line.
    """
    import ipywidgets as w

    subs = [k["substitute_daily_rate"] for k in rates.values() if "substitute_daily_rate" in k]
    stipends = [k["stipend_hourly"] for k in rates.values() if "stipend_hourly" in k]
    substitute = w.FloatSlider(value=subs[0] if subs else 200, min=100, max=400, step=5, description="Substitute a day ($)", continuous_update=False)
    stipend = w.FloatSlider(value=stipends[0] if stipends else 50, min=25, max=90, step=1, description="Stipend an hour ($)", continuous_update=False)
    drop = w.FloatSlider(value=0.0, min=0.0, max=0.4, step=0.05, description="Fewer completing (share)", continuous_update=False)
    return live_panel("Move the rates to see which models stay under the cap (live, needs a running kernel).",
                      [w.HBox([substitute, stipend]), drop], (substitute, stipend, drop),
                      lambda: _show(_with(rates, substitute.value, stipend.value, drop.value), cap))
