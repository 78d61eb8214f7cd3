"""Charts for E5: revenue by source and the multiyear projection against the reserve minimum.

Each function returns a matplotlib figure in the workbook style (title, axis
labels with units, hatching that reads in grey scale); show it with
:func:`workbook.notebook.display.show_figure` and a sentence of alt text.
"""

from __future__ import annotations

from typing import Any

from workbook.notebook.style import PALETTE, money_axis, new_figure

__all__ = ["revenue_chart", "projection_chart"]


def revenue_chart(table: Any, title: str = "General fund revenue by source") -> Any:
    """Horizontal bars of revenue by source; restricted sources hatched.

    ``table`` is :func:`workbook.principles.e5.givens.revenue_by_source`'s.

    >>> import pandas as pd
    >>> t = pd.DataFrame({"restricted": [False, True], "dollars": [9e6, 1e6]}, index=["LCFF", "Title I"])
    >>> revenue_chart(t).axes[0].get_xlabel()
    'Revenue (US$ per year, log scale)'
    """
    rows = table.sort_values("dollars")
    fig, ax = new_figure(title, "Revenue (US$ per year, log scale)", "Source")
    colors = [PALETTE[4] if r else PALETTE[0] for r in rows["restricted"]]
    hatches = ["//" if r else "" for r in rows["restricted"]]
    bars = ax.barh([str(i) for i in rows.index], rows["dollars"], color=colors, edgecolor="white")
    for bar, hatch in zip(bars, hatches):
        bar.set_hatch(hatch)
    ax.barh([], [], color=PALETTE[0], label="unrestricted")
    ax.barh([], [], color=PALETTE[4], hatch="//", edgecolor="white", label="restricted")
    ax.set_xscale("log")
    ax.legend(loc="lower right", fontsize=8)
    return fig


def projection_chart(projection: Any, title: str = "Multiyear projection: available reserves and the state minimum") -> Any:
    """Bars of available reserves per year with the minimum reserve for economic uncertainties marked.

    ``projection`` is a :class:`workbook.tools.interim.MultiyearProjection`.
    """
    table = projection.table
    years = [str(y) for y in table.index]
    fig, ax = new_figure(f"{title} ({projection.certification})", "Fiscal year", "US$")
    ax.bar(years, table["unrestricted_ending"], color=PALETTE[0], edgecolor="white", label="available reserves (unrestricted ending balance)")
    ax.plot(years, table["reserve_minimum"], color="black", linestyle="--", marker="D", label="minimum reserve (5 CCR 15450)")
    ax.axhline(0, color="black", linewidth=0.8)
    money_axis(ax)
    ax.legend(fontsize=8, loc="upper left", bbox_to_anchor=(1.0, 1.0))
    return fig
