"""ipywidgets front-ends for the TCO calculator and the budget worksheet.

Each explorer shows its sliders, then one figure and one table for the
starting values; moving a slider redraws them in place (see
:func:`workbook.notebook.live.live_panel`), so an HTML export or a portfolio
shows the view as last drawn, without a kernel. A bad value shows the
calculator's message, never a traceback.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from workbook.notebook.live import live_panel

__all__ = ["tco_explorer", "budget_explorer"]


def _show_tco(kwargs: dict[str, Any]) -> None:
    from workbook.principles.l6.charts import tco_by_year_chart
    from workbook.notebook.display import show_figure, show_table
    from workbook.tools.tco_devices import device_program_tco

    result = device_program_tco(**kwargs)
    show_figure(
        tco_by_year_chart(result),
        f"Stacked bar chart of the device program's cost per year by category; "
        f"total ${result.total:,.0f} over {kwargs['years']} years, ${result.per_device_year:,.0f} per device-year.",
    )
    show_table(result.summary(), "TCO summary", money="all")


def tco_explorer(inputs: Any) -> Any:
    """Explore a device program's TCO: price, refresh cycle, support hours, horizon.

    Parameters
    ----------
    inputs
        A :class:`workbook.principles.l6.givens.DeviceProgramInputs`.

    Returns
    -------
    The ipywidgets container (also displayed).
    """
    import ipywidgets as w

    base = inputs.as_kwargs()
    price = w.FloatSlider(value=base["unit_cost"], min=100, max=1500, step=10, description="Device price ($)", continuous_update=False)
    refresh = w.IntSlider(value=base["refresh_years"], min=2, max=8, description="Refresh cycle (years)", continuous_update=False)
    support = w.FloatSlider(value=base["support_hours_per_device"], min=0, max=6, step=0.1, description="Support hours per device a year", continuous_update=False)
    years = w.IntSlider(value=base["years"], min=1, max=10, description="Horizon (years)", continuous_update=False)
    return live_panel(
        "Move the sliders to see the TCO change (live, needs a running kernel).",
        [w.HBox([price, refresh]), w.HBox([support, years])],
        (price, refresh, support, years),
        lambda: _show_tco({**base, "unit_cost": price.value, "refresh_years": refresh.value,
                           "support_hours_per_device": support.value, "years": years.value}),
    )


def _show_budget(lines: list[Any], one_time: dict[str, list[Any]], start_year: str, years: int) -> None:
    from workbook.principles.l6.charts import budget_chart
    from workbook.notebook.display import show_figure, show_table
    from workbook.tools.budget import budget_worksheet

    sheet = budget_worksheet(lines, start_year, years, one_time=one_time)
    summary = sheet.summary()
    net = summary.loc[("unrestricted", "net")]
    show_figure(
        budget_chart(sheet),
        f"Grouped bar chart of unrestricted and restricted revenue and spending for {', '.join(sheet.years)}; "
        f"unrestricted net in {sheet.years[-1]} is ${net.iloc[-1]:,.0f}.",
    )
    frame = summary.copy()
    frame.index = [f"{fund} {measure}" for fund, measure in frame.index]
    show_table(frame, "Budget summary by fund", money="all")


def budget_explorer(lines: list[Any], one_time: dict[str, list[Any]], start_year: str, years: int = 3) -> Any:
    """Explore a multi-year budget: change the salary and software escalators and watch the net."""
    import ipywidgets as w

    salary = w.FloatSlider(value=0.02, min=0, max=0.08, step=0.005, readout_format=".1%", description="Salary and benefits growth a year", continuous_update=False)
    software = w.FloatSlider(value=0.03, min=0, max=0.15, step=0.005, readout_format=".1%", description="Software growth a year", continuous_update=False)
    def render() -> None:
        changed = []
        for line in lines:
            if line.object_code == "2000" or line.pension:
                line = replace(line, escalator=salary.value)
            elif line.object_code == "5800" and line.kind == "expenditure":
                line = replace(line, escalator=software.value)
            changed.append(line)
        _show_budget(changed, one_time, start_year, years)

    return live_panel("Move the sliders to change the escalators (live, needs a running kernel).",
                      [w.HBox([salary, software])], (salary, software), render)
