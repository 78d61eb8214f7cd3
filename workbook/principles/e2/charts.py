"""Charts for E2: what two positions cost, year by year, in the workbook style.

Hatching repeats what the colours say, so the chart reads in grey scale.
"""

from __future__ import annotations

from typing import Any

from workbook.notebook.style import HATCHES, PALETTE, money_axis, new_figure

__all__ = ["position_cost_chart", "position_alt_text"]

_PARTS = [("salary", ("salary",)), ("pension (CalSTRS or CalPERS)", ("pension",)),
          ("Social Security, Medicare, UI, workers' comp", ("social_security", "medicare", "unemployment", "workers_comp")),
          ("health and welfare", ("health_and_welfare",))]


def _short(title: str) -> str:
    """A bar label: ``TOSA`` or ``specialist`` for the two positions of E2, else the title cut to 14 characters."""
    known = {"teacher on special assignment": "TOSA", "instructional technology specialist": "specialist"}
    return known.get(title, title if len(title) <= 14 else title[:13] + "…")


def position_cost_chart(a: Any, b: Any, title: str = "What each position costs the district, by year") -> Any:
    """Side-by-side stacked bars of two :class:`~workbook.tools.staffing.PositionCost` results, one pair per fiscal year.

    >>> from workbook.tools.staffing import position_cost
    >>> x = position_cost("A", [80_000, 82_000], "2025-26", "calpers", salary_object="2400")
    >>> y = position_cost("B", [90_000, 92_000], "2025-26", "calstrs", salary_object="1900")
    >>> position_cost_chart(x, y).axes[0].get_ylabel()
    'Cost (US$)'
    """
    import numpy as np

    years = list(a.table.index)
    fig, ax = new_figure(title, f"Fiscal year (left bar: {_short(a.title)}; right bar: {_short(b.title)})", "Cost (US$)")
    x = np.arange(len(years))
    for offset, cost, edge in ((-0.2, a, "white"), (0.2, b, "black")):
        bottom = np.zeros(len(years))
        for i, (label, cols) in enumerate(_PARTS):
            values = cost.table[list(cols)].sum(axis=1).to_numpy()
            ax.bar(x + offset, values, width=0.38, bottom=bottom, color=PALETTE[i], hatch=HATCHES[i], edgecolor=edge,
                   linewidth=0.5, label=label if offset < 0 else None)
            bottom = bottom + values
        for k, total in enumerate(bottom):
            ax.text(x[k] + offset, total, _short(cost.title), ha="center", va="bottom", fontsize=8)
    ax.set_xticks(x, years)
    money_axis(ax)
    ax.legend(loc="upper left", bbox_to_anchor=(1.0, 1.0), fontsize=8)
    return fig


def position_alt_text(a: Any, b: Any) -> str:
    """One sentence for a reader who cannot see the chart.

    >>> from workbook.tools.staffing import position_cost
    >>> x = position_cost("A", [80_000], "2025-26", "calpers", salary_object="2400")
    >>> position_alt_text(x, x).startswith("Stacked bars of A and A")
    True
    """
    return (f"Stacked bars of {a.title} and {b.title} for {', '.join(a.table.index)}: salary, pension, other statutory "
            f"benefits and health; over the years {a.title} costs {a.total:,.0f} dollars ({a.benefits_share:.0%} benefits) "
            f"and {b.title} {b.total:,.0f} dollars ({b.benefits_share:.0%} benefits).")
