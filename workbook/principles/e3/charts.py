"""Charts for E3 Educational Technology, in the workbook style.

Each function takes a calculator's result and returns a matplotlib figure with
a title, axis labels with units, and patterns that read in grey scale. Show it
with :func:`workbook.notebook.display.show_figure` and a sentence of alt text.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from workbook.notebook.style import PALETTE, money_axis, new_figure

__all__ = ["cost_per_user_chart", "adoption_chart"]


def cost_per_user_chart(plan: Any, summary: Any, title: str = "Cost per active user and the renewal decision") -> Any:
    """Horizontal bars of each tool's cost per active user, kept tools plain, dropped tools hatched.

    ``summary`` is :func:`workbook.tools.adoption.usage_summary`'s table and
    ``plan`` :func:`workbook.tools.adoption.renewal_plan`'s.

    >>> from workbook.districts import load_district
    >>> from workbook.principles.e3.givens import tool_inventory, tool_usage
    >>> from workbook.tools.adoption import renewal_plan, usage_summary
    >>> d = load_district("sample-rural")
    >>> s = usage_summary(tool_inventory(d, 1), tool_usage(d, 1))
    >>> fig = cost_per_user_chart(renewal_plan(s), s)
    >>> fig.axes[0].get_xlabel()
    'Cost per active user a year (US$)'
    >>> cheapest = s.sort_values("cost_per_active_user")["tool"].iloc[0]   # the bottom bar is the cheapest tool
    >>> fig.axes[0].get_yticklabels()[0].get_text() == cheapest
    True
    """
    frame = summary.set_index("tool")["cost_per_active_user"].sort_values()
    decisions = plan.set_index("tool")["decision"]
    fig, ax = new_figure(title, "Cost per active user a year (US$)", "Tool")
    names = list(frame.index)
    for decision, color, hatch in (("keep", PALETTE[0], ""), ("drop", PALETTE[4], "//")):
        rows = [i for i, t in enumerate(names) if decisions.get(t) == decision]
        ax.barh(rows, [min(float(frame.iloc[i]), 1e6) for i in rows], color=color, hatch=hatch, edgecolor="white", label=decision)
    ax.set_yticks(range(len(names)), names)
    money_axis(ax, "x")
    ax.legend(loc="lower right", fontsize=8)
    return fig


def adoption_chart(data: Any, fit: Any, title: str = "Teachers using the new tool: observed and fitted", horizon: int = 30) -> Any:
    """Observed share of teachers by month, the fitted Bass curve to ``horizon`` months, and Rogers' thresholds.

    >>> from workbook.districts import load_district
    >>> from workbook.principles.e3.givens import teacher_adoption
    >>> from workbook.tools.adoption import fit_bass
    >>> a = teacher_adoption(load_district("sample-rural"), 1)
    >>> adoption_chart(a, fit_bass(a.months, a.adopters, market=a.market)).axes[0].get_ylabel()
    'Share of teachers (%)'
    """
    t = np.linspace(0, horizon, 200)
    fig, ax = new_figure(title, "Months since launch", "Share of teachers (%)")
    ax.plot(t, 100 * fit.predict(t) / fit.market, color=PALETTE[0], linestyle="-",
            label=f"Bass fit (p = {fit.p:.3f}, q = {fit.q:.3f})")
    ax.plot(list(data.months), [100 * a / data.market for a in data.adopters], "o", color=PALETTE[1], label="observed")
    for share, name in ((16, "early adopters end"), (50, "early majority ends"), (84, "late majority ends")):
        ax.axhline(share, color="black", linestyle=":", linewidth=0.8)
        ax.annotate(name, (horizon, share), ha="right", va="bottom", fontsize=8)
    ax.set_ylim(0, 100)
    ax.set_xlim(0, horizon)
    ax.legend(loc="upper left", fontsize=8)
    return fig
