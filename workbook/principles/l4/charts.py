"""Charts of L4 Personnel Management: the interview panel's scores and the staffing model.

Each function returns a matplotlib figure in the workbook style (titles, axis
labels with units, markers and hatching that read in grey scale); show it with
:func:`workbook.notebook.display.show_figure` and a sentence of alt text.
"""

from __future__ import annotations

from typing import Any

from workbook.notebook.style import HATCHES, PALETTE, new_figure

__all__ = ["panel_scores_chart", "staffing_chart"]

_MARKERS = ["o", "s", "^", "D", "v", "P"]


def panel_scores_chart(scores: Any, title: str = "Weighted interview scores by rater") -> Any:
    """One row per finalist: each rater's weighted score (a marker each) and the panel's mean (a bar).

    ``scores`` is :func:`workbook.tools.people.weighted_scores`'s table.

    >>> import pandas as pd
    >>> fig = panel_scores_chart(pd.DataFrame({"R1": [4.2, 3.8], "R2": [4.0, 5.0], "mean": [4.1, 4.4]}, index=["Ana", "Ben"]))
    >>> fig.axes[0].get_xlabel()
    'Weighted score (1 to 5)'
    """
    import numpy as np

    order = scores.sort_values("mean").index
    fig, ax = new_figure(title, "Weighted score (1 to 5)", "Finalist", figsize=(8.0, 0.6 * len(order) + 2.0))
    y = np.arange(len(order))
    ax.barh(y, scores.loc[order, "mean"], color="#dddddd", edgecolor="black", height=0.6, label="panel mean")
    raters = [c for c in scores.columns if c != "mean"]
    for i, rater in enumerate(raters):
        ax.scatter(scores.loc[order, rater], y + (i - (len(raters) - 1) / 2) * 0.12, marker=_MARKERS[i % len(_MARKERS)],
                   color=PALETTE[i % len(PALETTE)], edgecolor="black", s=45, zorder=3, label=str(rater))
    ax.set_yticks(y, [str(o) for o in order])
    ax.set_xlim(1, 5)
    ax.legend(loc="upper left", bbox_to_anchor=(1.0, 1.0), fontsize=8)
    return fig


def staffing_chart(workload: Any, on_staff: float, title: str = "Technicians the work calls for") -> Any:
    """Needed FTE split into ticket work, site visits and fleet work, beside the FTE on staff.

    ``workload`` is :func:`workbook.tools.people.workload_fte`'s table.

    >>> import pandas as pd
    >>> w = pd.DataFrame({"site": ["A", "fleet work (all sites)"], "ticket_hours": [500.0, 300.0], "visit_hours": [100.0, 0.0],
    ...                   "hours": [600.0, 300.0], "fte": [0.5, 0.25]})
    >>> staffing_chart(w, 1.0).axes[0].get_ylabel()
    'Full-time equivalents'
    """
    per_hour = float(workload["fte"].sum() / workload["hours"].sum()) if workload["hours"].sum() else 0.0
    fleet = workload["site"] == "fleet work (all sites)"
    parts = [("tickets", float(workload.loc[~fleet, "ticket_hours"].sum()) * per_hour),
             ("site visits", float(workload["visit_hours"].sum()) * per_hour),
             ("fleet work", float(workload.loc[fleet, "ticket_hours"].sum()) * per_hour)]
    fig, ax = new_figure(title, "", "Full-time equivalents", figsize=(6.5, 4.4))
    bottom = 0.0
    for i, (label, value) in enumerate(parts):
        ax.bar(["needed"], [value], bottom=bottom, color=PALETTE[i], hatch=HATCHES[i], edgecolor="white", label=label)
        bottom += value
    ax.bar(["on staff"], [on_staff], color=PALETTE[7], hatch=HATCHES[3], edgecolor="white", label="desktop support on staff")
    ax.legend(loc="upper left", bbox_to_anchor=(1.0, 1.0), fontsize=8)
    return fig
