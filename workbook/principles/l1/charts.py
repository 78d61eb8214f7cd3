"""Charts of the L1 notebook, in the workbook style: titles, units, grey-scale patterns.

Each takes a calculator's table and returns a matplotlib figure; show it with
:func:`workbook.notebook.display.show_figure` and a sentence of alt text.
"""

from __future__ import annotations

from typing import Any

from workbook.notebook.style import HATCHES, PALETTE, new_figure

__all__ = ["needs_chart", "sequence_chart", "plan_timeline_chart", "model_cost_chart"]


def needs_chart(needs: Any, top: int = 8, title: str = "Training needs: gap x headcount") -> Any:
    """Horizontal bars of the ``top`` needs' priority, the first need at the top, gap labelled.

    >>> from workbook.tools.training import training_needs
    >>> rows = [{"role": "teacher", "skill": "privacy", "level": 2}, {"role": "aide", "skill": "privacy", "level": 1}]
    >>> fig = needs_chart(training_needs(rows, {"teacher": 40, "aide": 5}))
    >>> fig.axes[0].get_xlabel()
    'Priority (gap in levels x staff in the role)'
    """
    by = needs.columns[0]
    rows = needs.head(top).iloc[::-1]
    labels = [f"{g} · {s}" for g, s in zip(rows[by], rows["skill"])]
    fig, ax = new_figure(title, "Priority (gap in levels x staff in the role)", "")
    ax.barh(labels, rows["priority"], color=PALETTE[0], edgecolor="white")
    for y, (p, gap) in enumerate(zip(rows["priority"], rows["gap"])):
        ax.annotate(f"gap {gap:.2f}", (p, y), xytext=(4, 0), textcoords="offset points", va="center", fontsize=8)
    ax.grid(axis="y", visible=False)
    return fig


def sequence_chart(plan: Any, months: list[str], title: str = "Scope and sequence of the training year") -> Any:
    """A Gantt-style chart: each offering's months, unscheduled offerings hatched across the year.

    >>> from workbook.tools.training import scope_and_sequence
    >>> plan = scope_and_sequence([{"offering": "A", "hours": 3, "participants": 50}], ["Aug", "Sep"], 10)
    >>> sequence_chart(plan, ["Aug", "Sep"]).axes[0].get_xlabel()
    'Month of the training year'
    """
    rows = plan.iloc[::-1].reset_index(drop=True)
    fig, ax = new_figure(title, "Month of the training year", "")
    fig.set_size_inches(8, max(3.0, 0.4 * len(rows) + 1.2))
    for y, row in rows.iterrows():
        if row["scheduled"]:
            start, end = int(row["start_index"]), int(row["finish_index"])
            ax.barh(y, end - start + 1, left=start - 0.5, color=PALETTE[2], edgecolor="white")
        else:
            ax.barh(y, len(months), left=0.5, color="white", edgecolor=PALETTE[4], hatch=HATCHES[1])
            ax.annotate("does not fit this year", (len(months) / 2 + 0.5, y), ha="center", va="center", fontsize=8)
    ax.set_yticks(range(len(rows)), rows["offering"])
    ax.set_xticks(range(1, len(months) + 1), months)
    ax.set_xlim(0.5, len(months) + 0.5)
    ax.grid(axis="y", visible=False)
    return fig


def plan_timeline_chart(plan: Any, months: list[str], title: str = "My professional development plan") -> Any:
    """The candidate's plan as a timeline: one bar per goal, labelled with its standard and evidence.

    >>> from workbook.tools.training import development_plan
    >>> plan = development_plan([{"goal": "g", "standard": "s", "activity": "a", "evidence": "e", "start": "Jan", "end": "Feb"}],
    ...                         ["Jan", "Feb"], ["s"])
    >>> plan_timeline_chart(plan, ["Jan", "Feb"]).axes[0].get_title()
    'My professional development plan'
    """
    rows = plan.iloc[::-1].reset_index(drop=True)
    fig, ax = new_figure(title, "Month", "")
    fig.set_size_inches(9, max(3.0, 0.7 * len(rows) + 1.2))
    standards = list(dict.fromkeys(plan["standard"]))
    for y, row in rows.iterrows():
        k = standards.index(row["standard"])
        ax.barh(y, row["end_index"] - row["start_index"] + 1, left=row["start_index"] - 0.5, color=PALETTE[k % len(PALETTE)],
                hatch=HATCHES[k % len(HATCHES)], edgecolor="white", label=row["standard"] if row["standard"] not in ax.get_legend_handles_labels()[1] else None)
        ax.annotate(f"evidence: {row['evidence']}", (row["start_index"] - 0.45, y - 0.38), fontsize=7)
    ax.set_yticks(range(len(rows)), rows["goal"])
    ax.set_xticks(range(1, len(months) + 1), months)
    ax.set_xlim(0.5, len(months) + 0.5)
    ax.grid(axis="y", visible=False)
    ax.legend(title="Standard", fontsize=8, loc="upper left", bbox_to_anchor=(1.0, 1.0))
    return fig


def model_cost_chart(table: Any, cap: float | None = None, title: str = "Cost per trained teacher by model") -> Any:
    """Bars of each model's cost per trained teacher (from ``model_comparison``), cheapest first, with the grant's cap as a line.

    >>> from workbook.districts import load_district
    >>> from workbook.principles.l1.givens import model_comparison, model_rates
    >>> model_cost_chart(model_comparison(model_rates(load_district("sample-rural"), 1)), 400).axes[0].get_ylabel()
    'Cost per trained teacher (US$)'
    """
    from workbook.notebook.style import money_axis

    rows = table.sort_values("per_trained")
    fig, ax = new_figure(title, "Professional learning model", "Cost per trained teacher (US$)")
    ax.bar(list(rows.index), rows["per_trained"], color=PALETTE[0], edgecolor="white")
    for i, v in enumerate(rows["per_trained"]):
        ax.annotate(f"{v:,.0f}", (i, v), ha="center", va="bottom", fontsize=8)
    if cap is not None:
        ax.axhline(cap, color="black", linestyle="--", linewidth=1, label=f"grant cap ({cap:,.0f} dollars)")
        ax.legend(fontsize=8)
    ax.tick_params(axis="x", labelrotation=20)
    money_axis(ax)
    return fig
