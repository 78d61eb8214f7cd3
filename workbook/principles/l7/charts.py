"""Charts for L7, in the workbook style: the Gantt chart, the finish-day spread, earned value and the WBS budget.

Each takes a calculator's result and returns a matplotlib figure with a title
and axis labels with units; critical work is drawn in vermillion **and**
hatched, so the chart reads in grey scale too. Show it with
:func:`workbook.notebook.display.show_figure` and a sentence of alt text.
"""

from __future__ import annotations

from typing import Any

from workbook.notebook.style import HATCHES, PALETTE, money_axis, new_figure

__all__ = ["gantt_chart", "finish_distribution_chart", "earned_value_chart", "wbs_budget_chart"]

CRITICAL, OTHER_WORK = PALETTE[4], PALETTE[0]


def gantt_chart(dated: Any, hard_date: str, title: str = "Summer project: Gantt chart") -> Any:
    """Bars from start to finish date for each activity; critical ones hatched; the hard date as a line.

    ``dated`` is :func:`workbook.tools.schedule_risk.schedule_dates`'s table.

    >>> from workbook.tools.projects import critical_path_schedule
    >>> from workbook.tools.schedule_risk import WorkCalendar, schedule_dates
    >>> s = critical_path_schedule([{"id": "A", "duration": 3, "predecessors": ""},
    ...                             {"id": "B", "duration": 2, "predecessors": ""}])
    >>> fig = gantt_chart(schedule_dates(s, WorkCalendar("2026-06-08")), "2026-08-13")
    >>> fig.axes[0].get_xlabel()
    'Date (work days are Monday to Friday)'
    """
    import matplotlib.dates as mdates
    import numpy as np
    from matplotlib.patches import Patch

    rows = dated.iloc[::-1]
    fig, ax = new_figure(title, "Date (work days are Monday to Friday)", "Activity", figsize=(8.5, 0.42 * len(rows) + 1.6))
    starts = np.array(rows["start_date"], dtype="datetime64[D]")
    ends = np.array(rows["finish_date"], dtype="datetime64[D]") + np.timedelta64(1, "D")  # to the end of the finish day
    labels = [f"{i} {n}" if n != i else str(i) for i, n in zip(rows["id"], rows["name"])]
    for y, (s, e, crit) in enumerate(zip(starts, ends, rows["critical"])):
        ax.barh(y, mdates.date2num(e) - mdates.date2num(s), left=mdates.date2num(s), height=0.6,
                color=CRITICAL if crit else OTHER_WORK, hatch="//" if crit else HATCHES[0], edgecolor="white")
    ax.set_yticks(range(len(rows)), labels, fontsize=8)
    line = mdates.date2num(np.datetime64(hard_date, "D"))
    ax.axvline(line, color="black", linestyle="--", linewidth=1.2)
    ax.text(line, 0.02, "first day of school ", transform=ax.get_xaxis_transform(), ha="right", va="bottom", fontsize=8, rotation=90)
    ax.xaxis.set_major_locator(mdates.WeekdayLocator(byweekday=mdates.MO))
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%b %d"))
    ax.tick_params(axis="x", labelrotation=45, labelsize=8)
    ax.legend(handles=[Patch(facecolor=CRITICAL, hatch="//", edgecolor="white", label="critical (least float)"),
                       Patch(facecolor=OTHER_WORK, edgecolor="white", label="has float")], fontsize=8, loc="lower left")
    return fig


def finish_distribution_chart(samples: Any, deadline: float, title: str = "Simulated project length") -> Any:
    """Histogram of simulated durations (working days) with the deadline marked."""
    import numpy as np

    fig, ax = new_figure(title, "Working days from the start to handover", "Share of simulations")
    weights = np.full(len(samples), 1 / len(samples))
    late = samples > deadline
    bins = np.arange(np.floor(samples.min()), np.ceil(samples.max()) + 1)
    bins = bins if len(bins) > 1 else 10
    ax.hist(samples[~late], bins=bins, weights=weights[~late], color=PALETTE[2], edgecolor="white", label="done before the first day")
    ax.hist(samples[late], bins=bins, weights=weights[late], color=CRITICAL, hatch="//", edgecolor="white", label="late")
    ax.axvline(deadline, color="black", linestyle="--", linewidth=1.2, label=f"working days available ({deadline:g})")
    ax.legend(fontsize=8)
    return fig


def earned_value_chart(history: Any, bac: float, title: str = "Earned value by status report") -> Any:
    """PV, EV and AC at each status report (lines), with the budget at completion."""
    fig, ax = new_figure(title, "Status report (working day)", "Cumulative (US$)")
    x = [str(i) for i in history.index]
    for (col, label), style, marker, color in zip((("pv", "planned value (PV)"), ("ev", "earned value (EV)"), ("ac", "actual cost (AC)")),
                                                  ("-", "--", ":"), ("o", "s", "^"), PALETTE[:3]):
        ax.plot(x, history[col], linestyle=style, marker=marker, color=color, label=label)
    ax.axhline(bac, color="black", linewidth=0.8)
    ax.annotate("budget at completion", (0, bac), va="bottom", fontsize=8)
    money_axis(ax)
    ax.legend(fontsize=8, loc="center right")
    return fig


def wbs_budget_chart(rollup: Any, title: str = "Budget by deliverable (WBS level 1)") -> Any:
    """Horizontal bars of the cost of each top-level WBS deliverable."""
    top = rollup[rollup["level"] == 1].iloc[::-1]
    fig, ax = new_figure(title, "Budget (US$)", "Deliverable")
    ax.barh([f"{c} {n}" for c, n in zip(top["wbs"], top["name"])], top["cost"], color=PALETTE[0], edgecolor="white")
    for y, (v, share) in enumerate(zip(top["cost"], top["share"])):
        ax.annotate(f" {share:.0%}", (v, y), va="center", fontsize=8)
    money_axis(ax, "x")
    return fig
