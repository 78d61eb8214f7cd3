"""Charts of L3 Communications: the stakeholder map and customer service by site.

Each function returns a matplotlib figure in the workbook style (titles, axis
labels with units, markers and hatching that read in grey scale); show it with
:func:`workbook.notebook.display.show_figure` and a sentence of alt text.
"""

from __future__ import annotations

from typing import Any

from workbook.notebook.style import HATCHES, PALETTE, new_figure

__all__ = ["stakeholder_map_chart", "service_by_site_chart"]

_MARKERS = {"manage closely": ("o", PALETTE[4]), "keep satisfied": ("s", PALETTE[0]),
            "keep informed": ("^", PALETTE[2]), "monitor": ("D", PALETTE[7])}


def stakeholder_map_chart(mapped: Any, title: str = "Stakeholder map: power and interest", threshold: float = 3.0) -> Any:
    """A power x interest grid from :func:`workbook.tools.stakeholders.stakeholder_map`, one marker per quadrant.

    >>> from workbook.tools.stakeholders import stakeholder_map
    >>> fig = stakeholder_map_chart(stakeholder_map([{"stakeholder": "Board", "power": 5, "interest": 4}]))
    >>> fig.axes[0].get_xlabel()
    'Interest in the decision (1 to 5)'
    """
    fig, ax = new_figure(title, "Interest in the decision (1 to 5)", "Power over the decision (1 to 5)", figsize=(8.5, 6.0))
    ax.set_xlim(0.6, 5.9)
    ax.set_ylim(0.6, 5.6)
    ax.axvline(threshold - 0.01, color="black", linewidth=0.8, linestyle="--")
    ax.axhline(threshold - 0.01, color="black", linewidth=0.8, linestyle="--")
    corners = {"manage closely": (5.85, 5.5, "right"), "keep satisfied": (0.65, 5.5, "left"),
               "keep informed": (5.85, 0.7, "right"), "monitor": (0.65, 0.7, "left")}
    for quadrant, (x, y, ha) in corners.items():
        ax.text(x, y, quadrant.upper(), ha=ha, va="top" if y > 3 else "bottom", fontsize=9, color="#555555", fontweight="bold")
    seen: dict[tuple[float, float], int] = {}
    for quadrant, (marker, color) in _MARKERS.items():
        part = mapped[mapped["quadrant"] == quadrant]
        if part.empty:
            continue
        ax.scatter(part["interest"], part["power"], marker=marker, s=70, color=color, edgecolor="black", label=quadrant, zorder=3)
        for _, row in part.iterrows():
            key = (row["interest"], row["power"])
            k = seen.get(key, 0)
            seen[key] = k + 1
            ax.annotate(row["stakeholder"], key, xytext=(6, 4 - 11 * k), textcoords="offset points", fontsize=7.5)
    ax.legend(loc="upper left", bbox_to_anchor=(1.0, 1.0), fontsize=8, title="quadrant")
    return fig


def service_by_site_chart(by_site: Any, title: str = "Customer service by site") -> Any:
    """Paired bars of first-contact resolution and satisfaction (shares) per site.

    ``by_site`` is :func:`workbook.tools.helpdesk.customer_service` grouped by ``site``.

    >>> import pandas as pd
    >>> fig = service_by_site_chart(pd.DataFrame({"site": ["A", "B"], "first_contact_rate": [0.5, 0.6], "csat": [0.8, 0.7]}))
    >>> fig.axes[0].get_ylabel()
    'Share (%)'
    """
    import numpy as np

    fig, ax = new_figure(title, "Site", "Share (%)", figsize=(9.0, 4.4))
    x = np.arange(len(by_site))
    ax.bar(x - 0.2, by_site["first_contact_rate"] * 100, width=0.4, color=PALETTE[0], hatch=HATCHES[0],
           edgecolor="white", label="first-contact resolution")
    ax.bar(x + 0.2, by_site["csat"] * 100, width=0.4, color=PALETTE[1], hatch=HATCHES[1],
           edgecolor="white", label="satisfied (rated 4 or 5)")
    ax.set_xticks(x, [str(s).replace("District Office", "District\nOffice") for s in by_site["site"]], rotation=45, ha="right", fontsize=8)
    ax.set_ylim(0, 100)
    ax.legend(loc="upper left", bbox_to_anchor=(1.0, 1.0), fontsize=8)
    return fig
