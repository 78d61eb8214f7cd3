"""Charts of the L2 notebook, in the workbook style, and the one-page plan summary.

Each takes a calculator's table and returns a matplotlib figure; show it with
:func:`workbook.notebook.display.show_figure` and a sentence of alt text.
"""

from __future__ import annotations

import textwrap
from typing import Any

from workbook.errors import InputError
from workbook.notebook.style import HATCHES, LINESTYLES, PALETTE, money_axis, new_figure

__all__ = ["needs_chart", "cost_funding_chart", "radar_chart", "check_vision", "plan_summary_page"]

#: A vision statement fits on a page and in a board member's memory.
VISION_WORDS = (12, 60)


def needs_chart(table: Any, title: str = "Needs assessment: weighted discrepancy") -> Any:
    """Bars of each need's weighted score (first need at the top), with each group's mean as a marker.

    >>> from workbook.tools.planning import needs_assessment
    >>> t = needs_assessment([{"group": "a", "need": "x", "importance": 5, "current": 2}], {"a": 1})
    >>> needs_chart(t).axes[0].get_xlabel()
    'Importance minus how well it is met (points on a 1-5 scale)'
    """
    rows = table.iloc[::-1]
    groups = [c for c in table.columns if c not in ("score", "rank")]
    fig, ax = new_figure(title, "Importance minus how well it is met (points on a 1-5 scale)", "")
    ax.barh(list(rows.index), rows["score"], color=PALETTE[3], edgecolor="white", label="weighted score")
    markers = ["o", "s", "^", "D", "v", "P"]
    for k, group in enumerate(groups):
        ax.scatter(rows[group], list(rows.index), marker=markers[k % len(markers)], color=PALETTE[(k + 4) % len(PALETTE)],
                   s=22, zorder=3, label=group)
    ax.axvline(0, color="black", linewidth=0.8)
    ax.grid(axis="y", visible=False)
    ax.legend(fontsize=8, loc="upper left", bbox_to_anchor=(1.0, 1.0))
    return fig


def cost_funding_chart(costs: Any, gap: Any, title: str = "Plan cost by goal against its funding") -> Any:
    """Stacked bars of each goal's cost per fiscal year, with lines for ongoing and all funding.

    >>> from workbook.tools.planning import funding_gap, plan_cost
    >>> c = plan_cost([{"goal": "g", "item": "x", "category": "software", "upfront": 0, "annual": 100}], "2026-27", 2)
    >>> g = funding_gap(c, [{"source": "s", "kind": "ongoing", "amount": 90, "first": "2026-27", "last": "2027-28"}])
    >>> cost_funding_chart(c, g).axes[0].get_ylabel()
    'Cost (US$)'
    """
    years = [c for c in costs.columns if c != "total"]
    fig, ax = new_figure(title, "Fiscal year", "Cost (US$)")
    bottom = None
    for k, (goal, row) in enumerate(costs[years].iterrows()):
        values = row.to_numpy(dtype=float)
        ax.bar(years, values, bottom=bottom, color=PALETTE[k % len(PALETTE)], hatch=HATCHES[k % len(HATCHES)], edgecolor="white", label=goal)
        bottom = values if bottom is None else bottom + values
    ax.plot(years, gap["ongoing"], color="black", linestyle=LINESTYLES[1], marker="o", label="ongoing funding")
    ax.plot(years, gap["funding"], color="black", linestyle=LINESTYLES[0], marker="s", label="all funding")
    money_axis(ax)
    ax.legend(fontsize=8, loc="upper left", bbox_to_anchor=(1.0, 1.0))
    return fig


def radar_chart(table: Any, title: str = "Trends radar") -> Any:
    """Technologies on rings (adopt at the centre, hold outside), placed around by Hype Cycle phase.

    >>> from workbook.tools.trends import radar
    >>> t = radar([{"technology": "x", "phase": "Innovation Trigger", "evidence_tier": 0, "privacy_agreement": True,
    ...             "cost_known": False, "peer_districts": 0}])
    >>> radar_chart(t).axes[0].get_title()
    'Trends radar'
    """
    import matplotlib.pyplot as plt
    import numpy as np

    from workbook.tools.trends import HYPE_PHASES, RINGS

    fig = plt.figure(figsize=(8.5, 6.5))
    ax = fig.add_subplot(projection="polar")
    ax.set_title(title, fontweight="bold")
    width = 2 * np.pi / len(HYPE_PHASES)
    ax.set_rorigin(-1.2)  # room at the centre, so the adopt ring is not a dot
    ax.set_rlabel_position(0)  # ring names on a sector boundary, away from the points
    for k in range(len(RINGS)):
        ax.plot(np.linspace(0, 2 * np.pi, 200), [k + 1] * 200, color="#bbbbbb", linewidth=0.8, linestyle="-")
    seen: dict[tuple[str, str], int] = {}
    for _, row in table.iterrows():
        sector, ring = HYPE_PHASES.index(row["phase"]), RINGS.index(row["ring"])
        n = seen.get((row["phase"], row["ring"]), 0)
        seen[(row["phase"], row["ring"])] = n + 1
        angle = sector * width + width * (0.3 + 0.35 * (n % 2))
        radius = ring + 0.5 + 0.2 * (n // 2)
        ax.scatter([angle], [radius], color=PALETTE[ring], marker="os^x"[ring], s=45, zorder=3)
        ax.annotate(textwrap.shorten(str(row["technology"]), 28, placeholder="..."), (angle, radius), fontsize=7,
                    xytext=(4, 3), textcoords="offset points")
    ax.set_xticks([k * width + width / 2 for k in range(len(HYPE_PHASES))], [textwrap.fill(p, 16) for p in HYPE_PHASES], fontsize=8)
    ax.set_yticks([k + 0.5 for k in range(len(RINGS))], list(RINGS), fontsize=8)
    ax.set_ylim(0, len(RINGS))
    ax.grid(axis="x", color="#dddddd")
    return fig


def check_vision(text: Any) -> str:
    """A vision statement of 12 to 60 words, cleaned of extra spaces; anything else is refused with the reason.

    >>> check_vision("  Every student   learns with technology that works, safely, in every classroom and at home.  ")
    'Every student learns with technology that works, safely, in every classroom and at home.'
    >>> check_vision("Be the best.")
    Traceback (most recent call last):
    ...
    workbook.errors.InputError: vision = 'Be the best.' is not allowed: expected a statement of 12 to 60 words (this one has 3)
    """
    if not isinstance(text, str):
        raise InputError("vision", text, "a statement in words")
    cleaned = " ".join(text.split())
    n = len(cleaned.split())
    if not VISION_WORDS[0] <= n <= VISION_WORDS[1]:
        raise InputError("vision", text, f"a statement of {VISION_WORDS[0]} to {VISION_WORDS[1]} words (this one has {n})")
    return cleaned


def plan_summary_page(vision: str, goals: Any, status: Any, gap: Any, title: str = "Technology plan on one page") -> Any:
    """The one-page plan summary: the vision, each goal with its owner, due date and status, and cost against funding.

    >>> import pandas as pd
    >>> goals = pd.DataFrame([{"id": "G1", "goal": "Every student has a device", "owner": "CTO", "due": "2027-06-30"}])
    >>> status = pd.DataFrame([{"progress": 0.5, "status": "on track"}], index=pd.Index(["G1"], name="id"))
    >>> gap = pd.DataFrame({"cost": [10.0], "funding": [12.0], "gap": [-2.0]}, index=["2026-27"])
    >>> plan_summary_page("Every student learns with technology that works, safely, in every classroom and at home.",
    ...                   goals, status, gap).axes[0].get_title(loc="left")
    'Technology plan on one page'
    """
    import matplotlib.pyplot as plt

    statement = check_vision(vision)
    fig = plt.figure(figsize=(8.5, 11))
    top = fig.add_axes((0.06, 0.80, 0.88, 0.14))
    top.axis("off")
    top.set_title(title, fontweight="bold", fontsize=14, loc="left")
    top.text(0, 0.85, "Vision", fontweight="bold", fontsize=11, va="top")
    top.text(0, 0.62, textwrap.fill(statement, 95), fontsize=10, va="top", style="italic")
    middle = fig.add_axes((0.06, 0.40, 0.88, 0.38))
    middle.axis("off")
    middle.text(0, 1.0, "Goals", fontweight="bold", fontsize=11, va="top")
    cells = [[g["id"], textwrap.fill(str(g["goal"]), 50), textwrap.fill(str(g["owner"]) or "(no owner)", 22), str(g["due"]),
              f"{status.loc[g['id'], 'progress']:.0%}", status.loc[g["id"], "status"]] for _, g in goals.iterrows()]
    grid = middle.table(cellText=cells, colLabels=["", "goal", "owner", "due", "progress", "status"], loc="upper left",
                        bbox=(0, 0, 1, 0.92), colWidths=[0.05, 0.47, 0.20, 0.11, 0.08, 0.09], cellLoc="left")
    grid.auto_set_font_size(False)
    grid.set_fontsize(7.5)
    bottom = fig.add_axes((0.12, 0.06, 0.80, 0.27))
    years = list(gap.index)
    bottom.bar(years, gap["cost"], color=PALETTE[3], edgecolor="white", label="plan cost")
    bottom.plot(years, gap["funding"], color="black", marker="s", label="funding")
    bottom.set_title("Cost against funding by fiscal year", fontsize=10, loc="left")
    bottom.set_xlabel("Fiscal year")
    bottom.set_ylabel("US$")
    money_axis(bottom)
    bottom.legend(fontsize=8)
    return fig
