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

    fund_growth = general_fund(district, seed, fiscal_year)
    base_pay = fund_growth.lines[4].escalator
    salary = w.FloatSlider(value=float(base_pay), min=0.0, max=0.06, step=0.0025, readout_format=".2%",
                           description="Salary growth a year", continuous_update=False)
    trend = w.FloatSlider(value=ada_history(district, seed).trend, min=-0.06, max=0.04, step=0.0025, readout_format=".2%",
                          description="ADA change a year", continuous_update=False)
    return live_panel(
        "Move the sliders to see the reserves and the certification change (live, needs a running kernel).",
        [w.HBox([salary, trend])],
        (salary, trend),
        lambda: _show(district, seed, fiscal_year, salary.value, trend.value),
    )
