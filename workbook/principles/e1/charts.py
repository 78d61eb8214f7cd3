"""Charts for E1: the integration map of student data flows, in the workbook style.

Shapes and line styles carry the meaning, colour only repeats it, so the map
reads in grey scale: squares are vendors without a covering agreement,
circles everything else; solid arrows carry student data, dotted ones do not.
"""

from __future__ import annotations

import textwrap
from typing import Any

from workbook.notebook.style import OTHER, PALETTE, new_figure

__all__ = ["integration_map_chart", "map_alt_text", "suppression_chart"]


def _layers(graph: Any, start: str) -> dict[str, int]:
    import networkx as nx

    depth = nx.single_source_shortest_path_length(graph, start) if start in graph else {}
    top = max(depth.values(), default=0)
    return {n: depth.get(n, top + 1) for n in graph.nodes}


def integration_map_chart(graph: Any, operators: dict[str, str], unprotected: list[str], *,
                          start: str = "Student information system", title: str = "Where student data flows") -> Any:
    """Draw the data flows left to right from ``start``; vendors in ``unprotected`` stand out.

    >>> from workbook.tools.privacy import integration_map
    >>> g = integration_map([{"source": "Student information system", "target": "App", "data": "rosters", "student_data": True}])
    >>> fig = integration_map_chart(g, {"Student information system": "district", "App": "Acme"}, ["Acme"])
    >>> fig.axes[0].get_title()
    'Where student data flows'
    """
    import networkx as nx

    fig, ax = new_figure(title, "Steps from the student information system", "", figsize=(10, 6.5))
    layer = _layers(graph, start)
    nx.set_node_attributes(graph, layer, "layer")
    pos = nx.multipartite_layout(graph, subset_key="layer", align="vertical")
    bad = [n for n in graph.nodes if operators.get(n) in unprotected]
    good = [n for n in graph.nodes if n not in bad]
    student = [(u, v) for u, v, d in graph.edges(data=True) if d["student_data"]]
    other = [(u, v) for u, v, d in graph.edges(data=True) if not d["student_data"]]
    into_bad = [(u, v) for u, v in student if v in bad]
    nx.draw_networkx_edges(graph, pos, edgelist=[e for e in student if e not in into_bad], ax=ax, edge_color=PALETTE[0],
                           arrows=True, arrowsize=12, node_size=900)
    nx.draw_networkx_edges(graph, pos, edgelist=into_bad, ax=ax, edge_color=PALETTE[4], width=2.6, arrows=True,
                           arrowsize=16, node_size=900)
    nx.draw_networkx_edges(graph, pos, edgelist=other, ax=ax, edge_color=OTHER, style="dotted", arrows=True, node_size=900)
    nx.draw_networkx_nodes(graph, pos, nodelist=good, ax=ax, node_color="#ffffff", edgecolors=PALETTE[0], node_size=900,
                           node_shape="o", label="district system or vendor with a covering agreement")
    nx.draw_networkx_nodes(graph, pos, nodelist=bad, ax=ax, node_color=PALETTE[4], edgecolors="black", node_size=900,
                           node_shape="s", label="vendor without a covering agreement")
    labels = {n: textwrap.fill(n, 16) for n in graph.nodes}
    nx.draw_networkx_labels(graph, pos, labels=labels, ax=ax, font_size=7,
                            bbox={"boxstyle": "round,pad=0.15", "fc": "white", "ec": "none", "alpha": 0.8})
    ax.plot([], [], color=PALETTE[0], label="flow carrying student data")
    ax.plot([], [], color=PALETTE[4], linewidth=2.6, label="student data to a vendor without a covering agreement")
    ax.plot([], [], color=OTHER, linestyle=":", label="flow without student data")
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.04), ncol=2, fontsize=8, markerscale=0.5)
    ax.set_xticks([])
    ax.set_yticks([])
    ax.grid(False)
    return fig


def map_alt_text(graph: Any, operators: dict[str, str], unprotected: list[str]) -> str:
    """One sentence describing the map for a reader who cannot see it.

    >>> from workbook.tools.privacy import integration_map
    >>> g = integration_map([{"source": "SIS", "target": "App", "data": "rosters", "student_data": True}])
    >>> map_alt_text(g, {"SIS": "district", "App": "Acme"}, ["Acme"])
    'Network diagram of 2 systems and 1 data flows (1 carrying student data); student data reaches 1 system run by vendors without a covering agreement: App.'
    """
    bad = sorted(n for n in graph.nodes if operators.get(n) in unprotected)
    carrying = sum(1 for *_, d in graph.edges(data=True) if d["student_data"])
    listed = ", ".join(bad) if bad else "none"
    return (f"Network diagram of {graph.number_of_nodes()} systems and {graph.number_of_edges()} data flows "
            f"({carrying} carrying student data); student data reaches {len(bad)} system{'s' if len(bad) != 1 else ''} "
            f"run by vendors without a covering agreement: {listed}.")


def suppression_chart(counts: Any, mask: Any, min_cell: int, title: str = "What the report may show") -> Any:
    """A grid of the counts: shown cells carry their number, withheld cells are dark, hatched and marked '*'.

    >>> import pandas as pd
    >>> t = pd.DataFrame({"A": [25, 4]}, index=["s1", "s2"])
    >>> fig = suppression_chart(t, t < 11, 11)
    >>> fig.axes[0].get_xlabel()
    'Student group'
    """
    from matplotlib.patches import Rectangle

    rows, cols = counts.shape
    fig, ax = new_figure(f"{title} (cells under {min_cell} withheld)", "Student group", "School",
                         figsize=(7.5, 0.5 * rows + 1.8))
    for i in range(rows):
        for j in range(cols):
            hidden = bool(mask.iloc[i, j])
            ax.add_patch(Rectangle((j, rows - 1 - i), 1, 1, facecolor=OTHER if hidden else "white",
                                   hatch="//" if hidden else "", edgecolor="black", linewidth=0.6))
            ax.text(j + 0.5, rows - 0.5 - i, "*" if hidden else f"{int(counts.iloc[i, j]):,}", ha="center", va="center",
                    fontsize=9, fontweight="bold" if hidden else "normal",
                    bbox={"fc": "white", "ec": "none", "pad": 1} if hidden else None)
    ax.set_xlim(0, cols)
    ax.set_ylim(0, rows)
    ax.set_xticks([j + 0.5 for j in range(cols)], [textwrap.fill(str(c), 14) for c in counts.columns], fontsize=8)
    ax.set_yticks([rows - 0.5 - i for i in range(rows)], [str(r) for r in counts.index], fontsize=8)
    ax.grid(False)
    return fig
