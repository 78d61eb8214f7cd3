"""Numbers shown as what they are, no index columns, full widget labels, one colour per series."""

from __future__ import annotations

import re

import pandas as pd
import pytest
from matplotlib.colors import to_hex

from workbook.districts import load_district
from workbook.notebook.display import table_html
from workbook.notebook.style import OTHER, PALETTE
from workbook.principles.l6.charts import tco_by_year_chart
from workbook.principles.l6.givens import device_program_inputs
from workbook.principles.t3.charts import ticket_volume_chart
from workbook.tools.tco_devices import device_program_tco

OKABE_ITO = {"#000000", "#e69f00", "#56b4e9", "#009e73", "#f0e442", "#0072b2", "#d55e00", "#cc79a7"}


def _cells(markup: str) -> list[list[str]]:
    return [re.findall(r"<t[dh][^>]*>(.*?)</t[dh]>", row) for row in re.findall(r"<tr>(.*?)</tr>", markup)]


@pytest.fixture(scope="module")
def urban_tco():
    return device_program_tco(**device_program_inputs(load_district("sample-urban"), 2026).as_kwargs())


def test_tco_summary_shows_money_as_money_the_share_as_a_percentage_and_no_index(urban_tco):
    rows = dict(_cells(table_html(urban_tco.summary(), "TCO summary", money="all"))[1:])
    assert rows["indirect share of total"] == f"{urban_tco.indirect / urban_tco.total:.1%}"
    assert rows["total cost of ownership"] == f"${urban_tco.total:,.0f}"
    assert _cells(table_html(urban_tco.summary(), money="all"))[0] == ["measure", "value"], "no 0..n-1 index column"


def test_counts_are_whole_numbers_years_plain_flags_yes_no():
    given = pd.DataFrame({"given": ["staff", "students per device", "share on free or reduced-price meals"],
                          "value": [651.0, 1.25, 0.62]})
    assert [r[1] for r in _cells(table_html(given))[1:]] == ["651", "1.25", "62.0%"]
    fleet = pd.DataFrame({"purchase_year": [2025], "count": [3082], "restricted": [False]})
    assert _cells(table_html(fleet))[1] == ["2025", "3,082", "no"]


def test_an_explicit_money_column_stays_money_even_when_named_like_a_rate():
    frame = pd.DataFrame({"hourly rate": [85.0]}, index=["technician"])
    assert _cells(table_html(frame, money=("hourly rate",)))[1] == ["technician", "$85"]


def test_palette_is_okabe_ito_with_distinct_colours():
    assert len(set(PALETTE)) == len(PALETTE) == 8
    assert {c.lower() for c in PALETTE} <= OKABE_ITO
    assert OTHER.lower() not in {c.lower() for c in PALETTE}


def _series_colours(fig) -> list[str]:
    handles, labels = fig.axes[0].get_legend_handles_labels()
    return [to_hex(h.patches[0].get_facecolor() if hasattr(h, "patches") else h.get_facecolor()) for h in handles]


def test_tco_chart_gives_every_category_its_own_colour(urban_tco):
    colours = _series_colours(tco_by_year_chart(urban_tco))
    shown = (urban_tco.by_year.drop(columns=["total"]) != 0).any().sum()
    assert len(colours) == min(shown, len(PALETTE))
    assert len(set(colours)) == len(colours)


def test_a_chart_with_more_categories_than_colours_folds_the_smallest_into_other():
    volume = pd.DataFrame({"2026-08": range(1, 13), "2026-09": range(2, 14)}, index=[f"category {i}" for i in range(12)])
    fig = ticket_volume_chart(volume)
    colours = _series_colours(fig)
    assert len(colours) == len(PALETTE) and len(set(colours)) == len(colours)
    assert colours[-1] == OTHER.lower()
    assert fig.axes[0].get_legend_handles_labels()[1][-1] == "all other categories"


def test_every_explorer_control_shows_its_whole_label(urban_tco, capsys):
    import ipywidgets as w

    from workbook.principles.l6.widgets import tco_explorer

    box = tco_explorer(device_program_inputs(load_district("sample-urban"), 2026))

    def controls(widget):
        if isinstance(widget, (w.FloatSlider, w.IntSlider, w.Checkbox)):
            yield widget
        for child in getattr(widget, "children", ()):
            yield from controls(child)

    found = list(controls(box))
    assert len(found) == 4
    for control in found:
        assert control.style.description_width == "initial", control.description
        assert "$" not in control.description or "($)" in control.description
