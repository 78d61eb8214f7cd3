"""Charts for T2 Infrastructure, in the workbook style (titles, units, grey-scale readable)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from workbook.notebook.style import HATCHES, PALETTE, new_figure

__all__ = ["bandwidth_projection_chart", "utilization_chart", "downtime_chart"]


def bandwidth_projection_chart(projection: Any, targets: Mapping[str, float], circuit_mbps: float | None = None,
                               title: str = "Internet bandwidth: projected demand against targets") -> Any:
    """Projected demand by year (line) against target levels and today's circuit (horizontal lines).

    Parameters
    ----------
    projection
        :func:`workbook.tools.infrastructure.bandwidth_projection` (``year``, ``mbps``).
    targets
        Label -> Mbps, for example ``{"SETDA 2020-21 target": 9000}``.
    circuit_mbps
        Today's circuit, drawn dashed.

    Examples
    --------
    >>> from workbook.tools.infrastructure import bandwidth_projection
    >>> fig = bandwidth_projection_chart(bandwidth_projection(500, 0.5, 3), {"target": 3000}, 1000)
    >>> fig.axes[0].get_ylabel(), len(fig.axes[0].lines)
    ('Bandwidth (Mbps)', 3)
    """
    fig, ax = new_figure(title, "Fiscal year", "Bandwidth (Mbps)")
    years = [str(y) for y in projection["year"]]
    ax.plot(years, projection["mbps"], marker="o", color=PALETTE[0], linestyle="-", linewidth=2, label="projected peak demand")
    styles = [":", "-."]
    for i, (label, value) in enumerate(targets.items()):
        ax.axhline(float(value), color=PALETTE[1 + i % 3], linestyle=styles[i % 2], linewidth=1.8, label=f"{label}: {value:,.0f} Mbps")
    if circuit_mbps is not None:
        ax.axhline(float(circuit_mbps), color="black", linestyle="--", linewidth=1.2, label=f"today's circuit: {circuit_mbps:,.0f} Mbps")
    for x, y in zip(years, projection["mbps"]):
        ax.annotate(f"{y:,.0f}", (x, y), textcoords="offset points", xytext=(0, 7), ha="center", fontsize=8)
    highest = max([float(projection["mbps"].max()), *(float(v) for v in targets.values()), float(circuit_mbps or 0)])
    ax.set_ylim(0, highest * 1.12 or 1)
    ax.yaxis.set_major_formatter(lambda v, _pos: f"{v:,.0f}")
    ax.legend(fontsize=8, loc="upper left", bbox_to_anchor=(1.01, 1.0))
    return fig


def utilization_chart(net: Any, title: str = "Daily peak internet use over the year") -> Any:
    """Daily peak Mbps (school days dark, other days light) under the circuit's capacity.

    ``net`` is :func:`workbook.datasets.network_utilization`'s table.

    >>> from workbook.districts import load_district
    >>> from workbook.datasets import network_utilization
    >>> utilization_chart(network_utilization(load_district("sample-rural"), 1)).axes[0].get_ylabel()
    'Peak use (Mbps)'
    """
    fig, ax = new_figure(title, "Date", "Peak use (Mbps)")
    school = net["school_day"].to_numpy()
    ax.scatter(net["date"][school], net["peak_mbps"][school], s=6, color=PALETTE[0], marker="o", label="school day")
    ax.scatter(net["date"][~school], net["peak_mbps"][~school], s=6, color=PALETTE[3], marker="x", label="weekend or break")
    ax.axhline(float(net["circuit_mbps"].iloc[0]), color="black", linestyle="--", linewidth=1.2, label="circuit capacity")
    ax.set_ylim(bottom=0)
    ax.legend(fontsize=8, loc="upper left", bbox_to_anchor=(1.01, 1.0))
    fig.autofmt_xdate()
    return fig


def downtime_chart(options: Mapping[str, float], title: str = "Expected downtime per year") -> Any:
    """Bars of expected hours down a year for each design option (label -> hours).

    >>> downtime_chart({"single link": 9.6, "with backup": 0.9}).axes[0].get_ylabel()
    'Hours down a year'
    """
    fig, ax = new_figure(title, "Design", "Hours down a year")
    labels = list(options)
    bars = ax.bar(labels, [float(v) for v in options.values()], color=[PALETTE[i % len(PALETTE)] for i in range(len(labels))],
                  edgecolor="white")
    for i, bar in enumerate(bars):
        bar.set_hatch(HATCHES[i % len(HATCHES)])
        h = bar.get_height()
        ax.annotate(f"{h:.2f} h ({h * 60:,.0f} min)", (bar.get_x() + bar.get_width() / 2, h), textcoords="offset points",
                    xytext=(0, 4), ha="center", fontsize=9)
    ax.set_ylim(0, max(float(v) for v in options.values()) * 1.25 or 1)
    return fig
