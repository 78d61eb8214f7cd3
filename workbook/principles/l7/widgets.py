"""An ipywidgets explorer of the summer schedule: move two durations, watch the Gantt chart and the hard date.

The explorer shows its sliders, then one Gantt chart and one table for the
starting values; each move redraws them in place (see
:func:`workbook.notebook.live.live_panel`), so an export shows the chart as
last drawn. A bad value shows the calculator's message, never a traceback.
"""

from __future__ import annotations

from typing import Any

from workbook.notebook.live import live_panel

__all__ = ["schedule_explorer", "show_schedule"]


def show_schedule(activities: list[dict[str, Any]], window: Any) -> None:
    """Draw the Gantt chart of ``activities`` against ``window``'s first day of school, and its summary table."""
    import pandas as pd

    from workbook.notebook.display import show_figure, show_table
    from workbook.principles.l7.charts import gantt_chart
    from workbook.tools.projects import critical_path_schedule
    from workbook.tools.schedule_risk import schedule_dates

    schedule = critical_path_schedule(activities, deadline=window.deadline)
    dated = schedule_dates(schedule, window.calendar)
    finish = dated["finish_date"].max()
    slack = schedule.slack_to_deadline
    verdict = f"{slack:g} working days to spare" if slack >= 0 else f"{-slack:g} working days late"
    show_figure(gantt_chart(dated, window.first_day_of_school),
                f"Gantt chart of {len(dated)} activities from {dated['start_date'].min()} to {finish}; critical path "
                f"{' -> '.join(schedule.critical_path)} is hatched; first day of school {window.first_day_of_school}, {verdict}.")
    summary = pd.DataFrame({"value": [dated["start_date"].min(), finish, window.first_day_of_school, verdict,
                                      " -> ".join(schedule.critical_path)]},
                           index=pd.Index(["start", "handover", "first day of school", "margin", "critical path"], name="schedule"))
    show_table(summary, "The schedule against the hard date")


def schedule_explorer(activities: list[dict[str, Any]], window: Any) -> Any:
    """Sliders for the equipment lead time (B) and the cabling work (C); the Gantt chart follows."""
    import ipywidgets as w

    durations = {a["id"]: a["duration"] for a in activities}
    lead = w.IntSlider(value=int(durations["B"]), min=1, max=40, description="Equipment lead time (working days)", continuous_update=False)
    cabling = w.IntSlider(value=int(durations["C"]), min=1, max=40, description="Cabling work (working days)", continuous_update=False)

    def render() -> None:
        changed = [{**a, "duration": {"B": lead.value, "C": cabling.value}.get(a["id"], a["duration"])} for a in activities]
        show_schedule(changed, window)

    return live_panel("Move the sliders to see what a late delivery or a slow contractor does to the first day (live, needs a running kernel).",
                      [w.HBox([lead, cabling])], (lead, cabling), render)
