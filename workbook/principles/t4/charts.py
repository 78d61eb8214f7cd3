"""Charts for T4 IT Knowledge, in the workbook style.

:func:`self_assessment_chart` draws a self-assessment's areas (or concepts)
as horizontal bars on the 1-5 scale, with the strength and gap thresholds
marked, so strengths and gaps read at a glance, in colour or grey.
"""

from __future__ import annotations

from typing import Any

from workbook.notebook.style import PALETTE, new_figure

__all__ = ["self_assessment_chart"]

_STYLE = {"strength": (PALETTE[0], ""), "developing": (PALETTE[3], ".."), "gap": (PALETTE[1], "//"), "not rated": ("#bfbfbf", "xx")}


def self_assessment_chart(scores: Any, title: str = "Technical concepts: strengths and gaps", *, strength: float = 4, gap: float = 2) -> Any:
    """Horizontal bars of mean scores, weakest at the top, styled by status.

    Parameters
    ----------
    scores
        :func:`workbook.tools.standards.self_assessment`'s table: by area
        (``area``, ``mean_score``, ``status``) or by concept (``concept``,
        ``score``, ``status``). Unrated rows are drawn as empty stubs.
    strength, gap
        Where to draw the threshold lines (the same values given to ``self_assessment``).

    Examples
    --------
    >>> from workbook.tools.standards import self_assessment
    >>> fig = self_assessment_chart(self_assessment({"net-wan": 5, "sec-backup": 1}))
    >>> [float(x) for x in fig.axes[0].get_xlim()]
    [0.0, 5.0]
    """
    import math

    by_area = "area" in scores.columns and "mean_score" in scores.columns
    label_col, value_col = ("area", "mean_score") if by_area else ("concept", "score")
    frame = scores.sort_values(value_col, ascending=False, na_position="first", kind="mergesort")
    labels = [str(x) for x in frame[label_col]]
    values = [0.0 if (v is None or (isinstance(v, float) and math.isnan(v))) else float(v) for v in frame[value_col]]
    height = max(3.0, 0.32 * len(labels) + 1.4)
    fig, ax = new_figure(title, "Self-rating (1 new to me ... 5 could teach it)", "Area" if by_area else "Concept", figsize=(7.5, height))
    seen: set[str] = set()
    for y, (label, value, status) in enumerate(zip(labels, values, frame["status"])):
        color, hatch = _STYLE.get(status, _STYLE["not rated"])
        ax.barh(label, value, color=color, hatch=hatch, edgecolor="white", label=None if status in seen else status)
        seen.add(status)
        if value:
            ax.text(value + 0.05, y, f"{value:.1f}", va="center", fontsize=8)
    ax.axvline(gap, color="black", linestyle=":", linewidth=1, label=f"gap at or below {gap:g}")
    ax.axvline(strength, color="black", linestyle="--", linewidth=1, label=f"strength at or above {strength:g}")
    ax.set_xlim(0, 5)
    ax.legend(fontsize=8, loc="upper left", bbox_to_anchor=(1.0, 1.0), title="status", title_fontsize=8)
    return fig
