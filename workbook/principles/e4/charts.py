"""Charts for E4 Assessment and Accountability, in the workbook style.

The Dashboard's five colours are drawn with the Okabe-Ito palette (Red as
vermillion, Orange, Yellow, Green as bluish green, Blue) and each cell also
carries its colour's name and a hatch, so the charts read in grey scale.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from workbook.notebook.style import PALETTE, new_figure

__all__ = ["DASHBOARD_FILL", "grid_chart", "dfs_chart"]

DASHBOARD_FILL = {"Red": PALETTE[4], "Orange": PALETTE[1], "Yellow": PALETTE[6], "Green": PALETTE[2], "Blue": PALETTE[0]}
_HATCH = {"Red": "xx", "Orange": "//", "Yellow": "..", "Green": "\\\\", "Blue": ""}


def _short(group: str) -> str:
    words = {"All Students": "ALL", "Socioeconomically Disadvantaged": "SED", "English Learners": "EL",
             "Students with Disabilities": "SWD", "Foster Youth": "FOS", "Homeless Youth": "HOM"}
    return words.get(group, "".join(w[0] for w in group.split()).upper() if " " in group else group[:3].upper())


def grid_chart(grid: Any, table: Any = None, title: str = "Dashboard five-by-five grid") -> Any:
    """The 5x5 colour grid (from :func:`workbook.tools.dashboard.colour_grid`), with each coloured group in its cell.

    ``table`` is :func:`workbook.tools.dashboard.dashboard_table`'s result (groups
    without a colour are left out).

    >>> from workbook.tools.dashboard import colour_grid
    >>> grid_chart(colour_grid("ela_3_8")).axes[0].get_xlabel()
    'Change from last year'
    """
    fig, ax = new_figure(title, "Change from last year", "Status this year", figsize=(8.5, 5.2))
    ax.grid(False)
    rows, cols = list(grid.index), list(grid.columns)
    for i, status in enumerate(rows):
        for j, change in enumerate(cols):
            colour = grid.loc[status, change]
            y = len(rows) - 1 - i
            ax.add_patch(_rect(j, y, DASHBOARD_FILL[colour], _HATCH[colour]))
            ax.text(j + 0.05, y + 0.88, colour, fontsize=7, va="top")
    if table is not None:
        placed: dict[tuple[str, str], list[str]] = {}
        for group, row in table.iterrows():
            if row["colour"] is not None:
                placed.setdefault((row["status_level"], row["change_level"]), []).append(_short(str(group)))
        key = sorted({f"{_short(str(g))} {g}" for g, row in table.iterrows() if row["colour"] is not None})
        if key:
            fig.text(0.01, -0.02, "Groups: " + "; ".join(key), fontsize=7, ha="left", va="top", wrap=True)
        for (status, change), names in placed.items():
            y = len(rows) - 1 - rows.index(status)
            ax.text(cols.index(change) + 0.5, y + 0.42, "\n".join(", ".join(names[k:k + 3]) for k in range(0, len(names), 3)),
                    ha="center", va="center", fontsize=8, fontweight="bold",
                    bbox={"boxstyle": "round,pad=0.2", "facecolor": "white", "edgecolor": "black", "linewidth": 0.5})
    ax.set_xlim(0, len(cols))
    ax.set_ylim(0, len(rows))
    ax.set_xticks(np.arange(len(cols)) + 0.5, [c.replace(" ", "\n") for c in cols], fontsize=8)
    ax.set_yticks(np.arange(len(rows)) + 0.5, rows[::-1], fontsize=8)
    return fig


def _rect(x: float, y: float, color: str, hatch: str) -> Any:
    from matplotlib.patches import Rectangle

    return Rectangle((x, y), 1, 1, facecolor=color, hatch=hatch, edgecolor="white", linewidth=1.5)


def dfs_chart(table: Any, title: str = "Distance from standard by student group") -> Any:
    """Horizontal bars of each shown group's status (points from the Level 3 minimum), filled with its colour.

    >>> import pandas as pd
    >>> t = pd.DataFrame({"status": [-12.0, -80.0], "colour": ["Yellow", None]}, index=["All Students", "Foster Youth"])
    >>> dfs_chart(t).axes[0].get_xlabel()
    'Distance from standard (points)'
    """
    shown = table[table["status"].notna()].sort_values("status")
    fig, ax = new_figure(title, "Distance from standard (points)", "Student group")
    for name, row in shown.iterrows():
        colour = row["colour"]
        ax.barh(str(name), row["status"], color=DASHBOARD_FILL.get(colour, "#999999"), hatch=_HATCH.get(colour, "++"),
                edgecolor="white", label=colour or "no colour")
    ax.axvline(0, color="black", linewidth=0.8)
    handles, labels = ax.get_legend_handles_labels()
    unique = dict(zip(labels, handles))
    ax.legend(unique.values(), unique.keys(), loc="lower right", fontsize=8)
    return fig
