"""ipywidgets explorer of T2 Infrastructure: bandwidth demand and WAN downtime.

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

__all__ = ["network_view", "network_explorer"]


def network_view(peak_mbps: float, growth: float, years: int, start_year: str, targets: Mapping[str, float],
                 circuit_mbps: float, core: float, primary: float, backup: float | None) -> dict[str, float]:
    """Show the bandwidth projection against targets and the WAN downtime; return the key numbers.

    ``backup=None`` means no redundant link.
    """
    from workbook.principles.t2.charts import bandwidth_projection_chart
    from workbook.notebook.display import show_figure, show_table
    from workbook.tools.infrastructure import (
        availability_parallel,
        availability_series,
        bandwidth_projection,
        downtime_per_year,
    )

    projection = bandwidth_projection(peak_mbps, growth, years, start_year=start_year)
    last = float(projection["mbps"].iloc[-1])
    show_figure(
        bandwidth_projection_chart(projection, targets, circuit_mbps),
        f"Line chart of peak demand growing {growth:.0%} a year from {peak_mbps:,.0f} Mbps in {start_year} to {last:,.0f} Mbps "
        f"in {projection['year'].iloc[-1]}, with target lines at "
        + ", ".join(f"{k} {v:,.0f} Mbps" for k, v in targets.items())
        + f" and today's circuit at {circuit_mbps:,.0f} Mbps.",
    )
    link = primary if backup is None else availability_parallel(primary, backup)
    availability = availability_series(core, link)
    hours = downtime_per_year(availability)
    table = projection.set_index("year").rename(columns={"mbps": "projected peak (Mbps)"})
    table["share of circuit"] = table["projected peak (Mbps)"] / circuit_mbps
    show_table(table, "Projected demand", percent=("share of circuit",))
    print(f"WAN path {'with' if backup is not None else 'without'} a backup link: availability {availability:.6f}, "
          f"about {hours:.2f} hours ({hours * 60:,.0f} minutes) down a year.")
    return {"final_mbps": last, "availability": availability, "downtime_hours": hours}


def network_explorer(peak_mbps: float, growth: float, years: int, start_year: str, targets: Mapping[str, float],
                     circuit_mbps: float, core: float, primary: float, backup: float) -> Any:
    """Move the growth rate, the horizon and the backup link and watch demand and downtime.

    Returns the ipywidgets container (also displayed).
    """
    import ipywidgets as w

    rate = w.FloatSlider(value=float(growth), min=0, max=1.0, step=0.05, readout_format=".0%", description="Demand growth a year",
                         continuous_update=False)
    horizon = w.IntSlider(value=int(years), min=1, max=8, description="Years ahead", continuous_update=False)
    redundant = w.Checkbox(value=True, description="Redundant backup link")
    backup_a = w.FloatSlider(value=float(backup), min=0.9, max=0.9999, step=0.0005, readout_format=".4f",
                             description="Backup link availability", continuous_update=False)
    return live_panel(
        "Move the sliders: demand growth, years ahead, and the backup link (live, needs a running kernel).",
        [w.HBox([rate, horizon]), w.HBox([redundant, backup_a])], (rate, horizon, redundant, backup_a),
        lambda: network_view(peak_mbps, rate.value, horizon.value, start_year, targets, circuit_mbps, core, primary,
                             backup_a.value if redundant.value else None),
    )
