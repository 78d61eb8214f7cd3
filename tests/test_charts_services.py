"""T3/T4 charts and explorers: titles, units, grey-scale patterns, static fallback, messages not tracebacks."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import pandas as pd
import pytest

from workbook.datasets import device_inventory, helpdesk_tickets, software_inventory
from workbook.districts import load_district
from workbook.principles.t3.charts import fleet_age_chart, refresh_schedule_chart, software_currency_chart, ticket_volume_chart
from workbook.principles.t4.charts import self_assessment_chart
from workbook.principles.t3.givens import refresh_inputs, student_fleet
from workbook.principles.t4.givens import sample_responses
from workbook.tools.services import fleet_age_profile, refresh_schedule, software_currency, ticket_volume
from workbook.tools.standards import self_assessment


@pytest.fixture(scope="module")
def district():
    return load_district("sample-rural")


def test_fleet_age_chart_hatches_only_the_devices_past_their_life(district):
    profile = fleet_age_profile(device_inventory(district, 1, "2026-27"), "2026-27", lifespan_years=4)
    ax = fleet_age_chart(profile).axes[0]
    hatches = [bar.get_hatch() for bar in ax.patches[: len(profile)]]
    assert hatches == ["//" if p else "" for p in profile["past_lifespan"]]
    assert [bar.get_height() for bar in ax.patches[: len(profile)]] == profile["devices"].tolist()
    assert ax.get_title() and ax.get_ylabel() == "Devices"


def test_refresh_schedule_chart_plots_replacements_and_backlog(district):
    r = refresh_inputs(district, 1, "2026-27")
    plan = refresh_schedule(student_fleet(device_inventory(district, 1, "2026-27")), **r.as_kwargs())
    ax = refresh_schedule_chart(plan).axes[0]
    assert [b.get_height() for b in ax.patches] == plan["replaced"].tolist()
    assert list(ax.lines[0].get_ydata()) == plan["past_lifespan_after"].tolist()
    assert ax.lines[0].get_linestyle() == "--"  # readable without colour


def test_ticket_volume_chart_stacks_to_the_monthly_totals(district):
    volume = ticket_volume(helpdesk_tickets(district, 1, "2026-27"), by=("category", "month"))
    ax = ticket_volume_chart(volume).axes[0]
    months = len(volume.columns)
    tops = {}
    for i, bar in enumerate(ax.patches):
        tops[i % months] = max(tops.get(i % months, 0), bar.get_y() + bar.get_height())
    assert [tops[i] for i in range(months)] == volume.sum(axis=0).tolist()
    assert ax.get_ylabel() == "Tickets opened"


def test_software_currency_chart_keeps_headroom_above_the_tallest_bar(district):
    currency = software_currency(software_inventory(district, 1, "2026-27"), "2026-07-01")
    ax = software_currency_chart(currency).axes[0]
    tallest = max(b.get_y() + b.get_height() for b in ax.patches)
    assert ax.get_ylim()[1] > tallest
    assert {t.get_text() for t in ax.get_legend().get_texts()} <= {"unsupported", "ending soon", "supported"}


def test_self_assessment_chart_puts_the_weakest_area_on_top_and_marks_thresholds():
    table = self_assessment(sample_responses(2026))
    ax = self_assessment_chart(table, gap=2, strength=4).axes[0]
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert labels[-1] == table.loc[0, "area"]  # barh draws bottom-up: the last label is on top
    assert sorted(float(line.get_xdata()[0]) for line in ax.lines) == [2.0, 4.0]


def test_self_assessment_chart_draws_unrated_areas_as_stubs():
    table = self_assessment({"net-wan": 4})
    ax = self_assessment_chart(table).axes[0]
    assert sum(1 for b in ax.patches if b.get_width() == 0) == 4


def test_refresh_explorer_shows_its_view_then_redraws_it_live(district, capsys):
    pytest.importorskip("ipywidgets")
    from workbook.principles.t3.widgets import refresh_explorer

    fleet = student_fleet(device_inventory(district, 1, "2026-27"))
    box = refresh_explorer(fleet, refresh_inputs(district, 1, "2026-27"))
    printed = capsys.readouterr().out
    assert "Bar chart of devices replaced" in printed and "Refresh schedule" in printed  # the static fallback
    budget = box.children[1].children[0]
    budget.value = 0.0  # moving a slider re-runs the calculator: nothing can be bought
    redrawn = capsys.readouterr().out
    assert "0 in the first year" in redrawn and "Cannot compute" not in redrawn
    box.children[2].value = 6
    assert "Bar chart of devices replaced" in capsys.readouterr().out


def test_self_assessment_explorer_has_one_slider_per_concept(capsys):
    pytest.importorskip("ipywidgets")
    import ipywidgets as w

    from workbook.principles.t4.widgets import self_assessment_explorer
    from workbook.tools.standards import concepts

    box = self_assessment_explorer({"net-wan": 5})
    assert "weakest" in capsys.readouterr().out
    sliders = [s for group in box.children[1:] for s in group.children if isinstance(s, w.IntSlider)]
    assert len(sliders) == len(concepts())
    assert {s.value for s in sliders} == {3, 5}
    sliders[0].value = 1  # the chart redraws with the new rating
    assert "Horizontal bar chart" in capsys.readouterr().out


def test_show_refresh_reports_a_bad_value_as_an_input_error(district):
    from workbook.errors import InputError
    from workbook.principles.t3.widgets import show_refresh

    with pytest.raises(InputError, match="unit_cost = 0"):
        show_refresh(pd.DataFrame({"purchase_year": [2024], "count": [5]}), 1000, 0, 4, 3, "2026-27")
