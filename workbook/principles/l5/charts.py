"""Charts for L5: the org chart drawn from its tree, and change readiness by Kotter step.

Vacant posts are drawn with a dashed outline **and** a hatched fill, the weakest
steps in vermillion **and** hatched, so both read in grey scale.
"""

from __future__ import annotations

import textwrap
from typing import Any

from workbook.notebook.style import OTHER, PALETTE, new_figure

__all__ = ["tree_layout", "org_chart_figure", "readiness_chart", "solution_chart"]


def tree_layout(graph: Any, head: str) -> dict[str, tuple[float, float]]:
    """x, y for each node of a tree: leaves side by side in reporting order, each manager centred over its team.

    >>> import networkx as nx
    >>> tree_layout(nx.DiGraph([("a", "b"), ("a", "c")]), "a")
    {'b': (0.0, -1.0), 'c': (1.0, -1.0), 'a': (0.5, 0.0)}
    """
    pos: dict[str, tuple[float, float]] = {}
    next_x = [0.0]

    def place(node: str, depth: int) -> float:
        children = sorted(graph.successors(node), key=lambda n: graph.nodes[n].get("order", 0))
        if not children:
            x = next_x[0]
            next_x[0] += 1
        else:
            xs = [place(c, depth + 1) for c in children]
            x = (xs[0] + xs[-1]) / 2
        pos[node] = (x, float(-depth) if depth else 0.0)
        return x

    place(head, 0)
    return pos


def org_chart_figure(chart: Any, title: str = "Technology department: org chart") -> Any:
    """The org chart (an :class:`~workbook.tools.organization.OrgChart`): one box per position, lines to the manager."""
    import matplotlib.pyplot as plt
    from matplotlib.patches import Patch

    from workbook.notebook.style import use_style

    use_style()
    graph = chart.graph
    pos = tree_layout(graph, chart.head)
    width = max(x for x, _ in pos.values()) + 1
    leaves = sum(1 for n in graph if graph.out_degree(n) == 0)
    small = leaves > 14  # many people: label boxes with their id only
    fig, ax = plt.subplots(figsize=(min(16, max(7.5, (0.3 if small else 0.9) * width + 2)), 1.3 * chart.layers + 1.2))
    ax.set_title(title)
    for boss, report in graph.edges:
        (x0, y0), (x1, y1) = pos[boss], pos[report]
        ax.plot([x0, x0, x1, x1], [y0 - 0.2, (y0 + y1) / 2, (y0 + y1) / 2, y1 + 0.2], color="#666666",
                linestyle="-", linewidth=0.8, zorder=1)
    spans = chart.table.set_index("id")["span"]
    for node, (x, y) in pos.items():
        vacant = graph.nodes[node]["vacant"]
        if small and not spans[node]:  # a big team: each person a square, filled or vacant
            ax.scatter([x], [y], marker="s", s=60, zorder=2, facecolor="white" if vacant else PALETTE[3],
                       edgecolor="black", hatch="////" if vacant else None, linestyle="--" if vacant else "-")
            continue
        label = textwrap.fill(graph.nodes[node]["title"], 14, break_long_words=False) if not small else node
        if spans[node]:
            label += f"\n[{spans[node]} reports]"
        ax.text(x, y, label, ha="center", va="center", fontsize=6.5 if small else 7, zorder=2,
                bbox={"boxstyle": "round,pad=0.3", "facecolor": "white" if vacant else PALETTE[3],
                      "edgecolor": "black", "linestyle": "--" if vacant else "-", "hatch": "//" if vacant else None})
    ax.set_xlim(-0.8, width - 0.2)
    ax.set_ylim(-chart.layers + 0.4, 0.6)
    ax.axis("off")
    ax.legend(handles=[Patch(facecolor=PALETTE[3], edgecolor="black", label="filled"),
                       Patch(facecolor="white", edgecolor="black", hatch="//", linestyle="--", label="vacant")],
              loc="upper left", fontsize=8)
    return fig


def readiness_chart(table: Any, threshold: float = 3.5, title: str = "Change readiness by Kotter step") -> Any:
    """Mean rating per step (1 to 5), the threshold as a line, the weakest steps highlighted."""
    fig, ax = new_figure(title, "Mean rating (1 strongly disagree to 5 strongly agree)", "Kotter step")
    rows = table.iloc[::-1]
    labels = [f"{i}. {name}" for i, name in zip(rows.index, rows["step_name"])]
    colors = [PALETTE[4] if w else (PALETTE[0] if r else OTHER) for w, r in zip(rows["weakest"], rows["ready"])]
    bars = ax.barh(labels, rows["mean"], color=colors, edgecolor="white")
    for bar, weak in zip(bars, rows["weakest"]):
        bar.set_hatch("//" if weak else "")
    ax.axvline(threshold, color="black", linestyle="--", linewidth=1, label=f"ready at {threshold:g}")
    ax.set_xlim(1, 5)
    ax.tick_params(axis="y", labelsize=8)
    from matplotlib.patches import Patch

    ax.legend(handles=[Patch(facecolor=PALETTE[4], hatch="//", edgecolor="white", label="weakest"),
                       Patch(facecolor=PALETTE[0], label="ready"), Patch(facecolor=OTHER, label="not ready"),
                       *ax.get_legend_handles_labels()[0]], fontsize=8, loc="lower right")
    return fig


def solution_chart(ranked: Any, title: str = "Build, buy or share: weighted scores") -> Any:
    """Weighted score of each option (from ``choose_solution``); options the department cannot support hatched grey."""
    fig, ax = new_figure(title, "Weighted score (0 to 3)", "Option")
    rows = ranked.iloc[::-1]
    bars = ax.barh(rows["option"], rows["score"], color=[PALETTE[0] if f else OTHER for f in rows["feasible"]], edgecolor="white")
    for bar, feasible, cost in zip(bars, rows["feasible"], rows["present_cost"]):
        bar.set_hatch("" if feasible else "xx")
        ax.annotate(f" ${cost:,.0f} present cost" + ("" if feasible else ", needs more staff than available"),
                    (bar.get_width(), bar.get_y() + bar.get_height() / 2), va="center", fontsize=8)
    ax.set_xlim(0, 4.8)
    return fig
