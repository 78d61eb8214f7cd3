"""Charts for T1 Security Fundamentals, in the workbook style.

Each function takes a calculator's result and returns a matplotlib figure with
a title, axis labels with units, and shades or patterns that read in grey
scale. Show it with :func:`workbook.notebook.display.show_figure` and alt text.
"""

from __future__ import annotations

from typing import Any

from workbook.notebook.style import HATCHES, PALETTE, money_axis, new_figure

__all__ = ["risk_heat_map", "security_budget_chart", "bia_chart", "LEVEL_SHADES"]

#: Fill of a cell by its Table I-2 level: lighter is lower, so grey scale keeps the order.
LEVEL_SHADES = {
    "Very Low": "#f2f2f2",
    "Low": "#c6dbef",
    "Moderate": "#f4c27a",
    "High": "#d9622b",
    "Very High": "#7f1d1d",
}
_ABBR = {"Very Low": "VL", "Low": "L", "Moderate": "M", "High": "H", "Very High": "VH"}


def risk_heat_map(grid: Any, title: str = "Risk heat map (NIST SP 800-30 Table I-2)") -> Any:
    """A 5 x 5 likelihood/impact grid: each cell shaded by its risk level, with its count of risks.

    Parameters
    ----------
    grid
        :func:`workbook.tools.risk.heat_map_counts`: likelihood rows (Very High
        first), impact columns (Very Low first).

    Examples
    --------
    >>> from workbook.tools.risk import heat_map_counts
    >>> reg = [{"id": 1, "threat": "t", "asset": "a", "likelihood": "H", "impact": "VH", "owner": "o"}]
    >>> fig = risk_heat_map(heat_map_counts(reg))
    >>> fig.axes[0].get_xlabel(), len(fig.axes[0].texts)
    ('Impact', 25)
    """
    from matplotlib.colors import to_rgb
    from matplotlib.patches import Patch

    from workbook.tools.risk import LEVELS, RISK_MATRIX

    fig, ax = new_figure(title, "Impact", "Likelihood", figsize=(7.5, 5.2))
    ax.grid(False)
    rows, cols = list(grid.index), list(grid.columns)
    image = [[to_rgb(LEVEL_SHADES[RISK_MATRIX[(r, c)]]) for c in cols] for r in rows]
    ax.imshow(image, aspect="auto")
    for i, r in enumerate(rows):
        for j, c in enumerate(cols):
            level = RISK_MATRIX[(r, c)]
            n = int(grid.loc[r, c])
            dark = level in ("High", "Very High")
            text = f"{n} risk{'s' if n != 1 else ''}\n({_ABBR[level]})" if n else f"({_ABBR[level]})"
            ax.text(j, i, text, ha="center", va="center", fontsize=9 if n else 8,
                    fontweight="bold" if n else "normal", color="white" if dark else "black")
    ax.set_xticks(range(len(cols)), cols)
    ax.set_yticks(range(len(rows)), rows)
    ax.legend(handles=[Patch(facecolor=LEVEL_SHADES[lv], edgecolor="grey", label=f"{lv} ({_ABBR[lv]})") for lv in reversed(LEVELS)],
              title="Level of risk", loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize=8)
    return fig


def security_budget_chart(result: Any, title: str = "Security budget: loss reduced by each control") -> Any:
    """Horizontal bars of each control's ALE reduction, chosen ones solid, the rest hatched.

    ``result`` is :func:`workbook.tools.security_budget.security_budget`'s table.

    >>> import pandas as pd
    >>> from workbook.tools.security_budget import security_budget
    >>> out = security_budget(pd.DataFrame({"control": ["MFA", "EDR"], "cost": [1, 5], "ale_reduction": [9, 8]}), 2)
    >>> security_budget_chart(out).axes[0].get_xlabel()
    'Annualized loss reduced (US$ a year)'
    """
    rows = result.iloc[::-1]
    fig, ax = new_figure(title, "Annualized loss reduced (US$ a year)", "Control (greedy rank by loss reduced per dollar)")
    names = [f"{int(r.greedy_rank)}. {r.control}" for r in rows.itertuples()]
    colors = [PALETTE[0] if c else "white" for c in rows["chosen"]]
    hatches = ["" if c else HATCHES[1] for c in rows["chosen"]]
    bars = ax.barh(names, rows["ale_reduction"], color=colors, edgecolor=PALETTE[0])
    for bar, hatch in zip(bars, hatches):
        bar.set_hatch(hatch)
    for bar, cost in zip(bars, rows["cost"]):
        ax.text(bar.get_width(), bar.get_y() + bar.get_height() / 2, f"  cost ${cost:,.0f}", va="center", fontsize=8)
    money_axis(ax, "x")
    from matplotlib.patches import Patch

    ax.legend(handles=[Patch(facecolor=PALETTE[0], label="in the best set under the cap"),
                       Patch(facecolor="white", edgecolor=PALETTE[0], hatch=HATCHES[1], label="left out")],
              loc="lower right", fontsize=8)
    ax.set_xlim(0, float(rows["ale_reduction"].max()) * 1.35 or 1)
    return fig


def bia_chart(table: Any, title: str = "Business impact analysis: recovery time against MTD") -> Any:
    """Stacked RTO + work recovery bars per process, with each process's MTD marked.

    A process that misses its MTD or its RPO says so in its label.

    ``table`` is :func:`workbook.tools.continuity.bia`'s result.

    >>> from workbook.tools.continuity import bia
    >>> t = bia([{"process": "Payroll", "mtd_hours": 72, "rto_hours": 24, "wrt_hours": 8, "rpo_hours": 24, "backup_interval_hours": 24}])
    >>> bia_chart(t).axes[0].get_xlabel()
    'Hours'
    """
    rows = table.iloc[::-1]
    fig, ax = new_figure(title, "Hours", "Process")
    names = [
        str(p) + "".join(tag for tag, fails in ((" [misses MTD]", not mtd), (" [misses RPO]", not rpo)) if fails)
        for p, mtd, rpo in zip(rows["process"], rows["meets_mtd"], rows["meets_rpo"])
    ]
    ax.barh(names, rows["rto_hours"], color=PALETTE[0], edgecolor="white", label="RTO (restore the system)")
    ax.barh(names, rows["wrt_hours"], left=rows["rto_hours"], color=PALETTE[3], hatch=HATCHES[1], edgecolor="white", label="work recovery time")
    ax.scatter(rows["mtd_hours"], names, marker="|", s=400, color="black", linewidths=2.5, label="MTD", zorder=3)
    ax.legend(loc="lower right", fontsize=8)
    return fig
