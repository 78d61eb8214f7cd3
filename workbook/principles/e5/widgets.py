"""An ipywidgets explorer for E5's multiyear projection: move salary growth and the ADA trend.

The panel shows its sliders, then one figure and one table that every move
redraws in place (:func:`workbook.notebook.live.live_panel`), so an export
shows the view as last drawn. A bad value shows the calculator's message.
"""

from __future__ import annotations

from typing import Any

from workbook.notebook.live import live_panel

__all__ = ["projection_explorer"]


def _show(district: Any, seed: int, fiscal_year: str, salary_growth: float | None, ada_trend: float | None) -> None:
    from workbook.notebook.display import show_figure, show_table
    from workbook.principles.e5.charts import projection_chart
    from workbook.principles.e5.givens import general_fund
    from workbook.tools.funding import multiyear_projection

    fund = general_fund(district, seed, fiscal_year, salary_growth=salary_growth, ada_trend=ada_trend)
    result = multiyear_projection(list(fund.lines), fiscal_year, **fund.kwargs())
    last = result.table.iloc[-1]
    show_figure(
        projection_chart(result),
        f"Bar chart of available reserves for {', '.join(result.table.index)} against the state minimum reserve; "
        f"certification {result.certification}; in {result.table.index[-1]} reserves are {last['unrestricted_ending']:,.0f} dollars "
        f"against a minimum of {last['reserve_minimum']:,.0f} dollars.",
    )
    show_table(result.table, "Multiyear projection (general fund)", money="all")


def projection_explorer(district: Any, seed: int, fiscal_year: str) -> Any:
    """Sliders for salary growth and the yearly ADA change; the projection and its certification redraw."""
    import ipywidgets as w

    from workbook.principles.e5.givens import ada_history, general_fund

    given_growth = next(line.escalator for line in general_fund(district, seed, fiscal_year).lines if line.object_code == "1100")
    given_trend = ada_history(district, seed).trend
    salary = w.FloatSlider(value=float(given_growth), min=0.0, max=0.06, step=0.0025, readout_format=".2%",
                           description="Salary growth a year", continuous_update=False)
    trend = w.FloatSlider(value=given_trend, min=-0.06, max=0.04, step=0.0025, readout_format=".2%",
                          description="ADA change a year", continuous_update=False)
    start = (salary.value, trend.value)  # the sliders round to their step: until one moves, show the given case exactly

    def render() -> None:
        _show(district, seed, fiscal_year, salary.value if salary.value != start[0] else None,
              trend.value if trend.value != start[1] else None)

    return live_panel(
        "Move the sliders to see the reserves and the certification change (live, needs a running kernel).",
        [w.HBox([salary, trend])],
        (salary, trend),
        render,
    )
