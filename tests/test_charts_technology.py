"""T1/T2 charts and explorers: what each chart draws, and explorers that recompute on a slider move."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import pandas as pd  # noqa: E402
import pytest  # noqa: E402
from matplotlib.colors import to_hex  # noqa: E402

from workbook.districts import load_district  # noqa: E402
from workbook.errors import InputError  # noqa: E402
from workbook.principles.t2.charts import bandwidth_projection_chart, downtime_chart, utilization_chart  # noqa: E402
from workbook.principles.t1.charts import LEVEL_SHADES, bia_chart, risk_heat_map, security_budget_chart  # noqa: E402
from workbook.principles.t1.widgets import security_budget_explorer, security_budget_view  # noqa: E402
from workbook.principles.t2.widgets import network_explorer, network_view  # noqa: E402
from workbook.principles.t1.givens import security_budget_cap, security_controls  # noqa: E402
from workbook.tools.continuity import bia  # noqa: E402
from workbook.tools.infrastructure import bandwidth_projection  # noqa: E402
from workbook.tools.risk import RISK_MATRIX, heat_map_counts, risk_register  # noqa: E402
from workbook.tools.security_budget import security_budget  # noqa: E402


def _register():
    return risk_register([
        {"id": "R1", "threat": "t", "asset": "a", "likelihood": "VH", "impact": "M", "owner": "o"},
        {"id": "R2", "threat": "t", "asset": "a", "likelihood": "VH", "impact": "M", "owner": "o"},
        {"id": "R3", "threat": "t", "asset": "a", "likelihood": "M", "impact": "VH", "owner": "o"},
    ])


def test_heat_map_shades_every_cell_by_its_table_i2_level_and_counts_risks():
    grid = heat_map_counts(_register())
    fig = risk_heat_map(grid)
    ax = fig.axes[0]
    image = ax.images[0].get_array()
    rows, cols = list(grid.index), list(grid.columns)
    for i, r in enumerate(rows):
        for j, c in enumerate(cols):
            assert to_hex(tuple(image[i, j][:3])) == LEVEL_SHADES[RISK_MATRIX[(r, c)]]
    texts = {t.get_text() for t in ax.texts}
    assert "2 risks\n(M)" in texts and "1 risk\n(H)" in texts
    assert [t.get_text() for t in ax.get_yticklabels()] == rows


def test_heat_map_shades_get_darker_with_the_level():
    from matplotlib.colors import to_rgb

    def luminance(hex_colour):
        r, g, b = to_rgb(hex_colour)
        return 0.299 * r + 0.587 * g + 0.114 * b

    values = [luminance(LEVEL_SHADES[level]) for level in ("Very Low", "Low", "Moderate", "High", "Very High")]
    assert values == sorted(values, reverse=True)


def test_budget_chart_hatches_only_the_controls_left_out():
    controls = pd.DataFrame({"control": ["MFA", "Backups", "EDR"], "cost": [30, 50, 60], "ale_reduction": [90, 140, 150]})
    out = security_budget(controls, 110)
    fig = security_budget_chart(out)
    bars = fig.axes[0].patches[:3]
    chosen = list(out["chosen"].iloc[::-1])
    assert [bool(b.get_hatch()) for b in bars] == [not c for c in chosen]
    assert [b.get_width() for b in bars] == list(out["ale_reduction"].iloc[::-1])


def test_bia_chart_labels_processes_that_miss_an_objective():
    table = bia([
        {"process": "Payroll", "mtd_hours": 72, "rto_hours": 24, "wrt_hours": 8, "rpo_hours": 24, "backup_interval_hours": 24},
        {"process": "SIS", "mtd_hours": 8, "rto_hours": 6, "wrt_hours": 4, "rpo_hours": 1, "backup_interval_hours": 24},
    ])
    fig = bia_chart(table)
    labels = [t.get_text() for t in fig.axes[0].get_yticklabels()]
    assert labels == ["SIS [misses MTD] [misses RPO]", "Payroll"]


def test_projection_chart_draws_demand_targets_and_circuit():
    projection = bandwidth_projection(400, 0.5, 3, start_year="2026-27")
    fig = bandwidth_projection_chart(projection, {"SETDA": 3_000, "FCC": 1_000}, 1_000)
    ax = fig.axes[0]
    assert [tuple(line.get_ydata()) for line in ax.lines[:1]] == [tuple(projection["mbps"])]
    assert len(ax.lines) == 4
    assert [t.get_text() for t in ax.get_xticklabels()] == list(projection["year"])


def test_utilization_and_downtime_charts_have_units():
    from workbook.datasets import network_utilization

    fig = utilization_chart(network_utilization(load_district("sample-rural"), 3))
    assert fig.axes[0].get_ylabel() == "Peak use (Mbps)"
    fig = downtime_chart({"one": 8.76, "two": 0.01})
    assert [round(p.get_height(), 2) for p in fig.axes[0].patches] == [8.76, 0.01]


@pytest.fixture()
def district():
    return load_district("sample-suburban")


def test_security_budget_view_scales_the_reductions(district, capsys):
    controls = security_controls(district, 2026)
    cap = security_budget_cap(district, 2026)
    full = security_budget_view(controls, cap)
    half = security_budget_view(controls, cap, 0.5)
    # overlapping controls: halving each one's effectiveness removes at least half as much, never more than before
    assert full.attrs["chosen_reduction"] / 2 - 1 <= half.attrs["chosen_reduction"] <= full.attrs["chosen_reduction"]
    halved = controls.assign(effectiveness=controls["effectiveness"] * 0.5)
    assert half.attrs["chosen_reduction"] == pytest.approx(security_budget(halved, cap).attrs["chosen_reduction"])
    with pytest.raises(InputError, match="effectiveness_scale"):
        security_budget_view(controls, cap, -1)


def test_security_explorer_recomputes_when_the_cap_moves(district, capsys):
    controls = security_controls(district, 2026)
    box = security_budget_explorer(controls, security_budget_cap(district, 2026))
    cap_slider = box.children[1].children[0]
    capsys.readouterr()
    cap_slider.value = 0.0
    shown = capsys.readouterr().out
    assert "under the 0 dollar cap costs 0 dollars" in shown


def test_network_view_numbers_and_bad_growth(capsys):
    numbers = network_view(1_000, 0.5, 2, "2026-27", {"target": 3_000}, 2_000, 0.9999, 0.999, 0.995)
    assert numbers["final_mbps"] == pytest.approx(2_250)
    without = network_view(1_000, 0.5, 2, "2026-27", {"target": 3_000}, 2_000, 0.9999, 0.999, None)
    assert without["downtime_hours"] > numbers["downtime_hours"]
    with pytest.raises(InputError, match="growth"):
        network_view(1_000, -2, 2, "2026-27", {"target": 3_000}, 2_000, 0.9999, 0.999, 0.995)


def test_network_explorer_recomputes_when_redundancy_is_switched_off(capsys):
    box = network_explorer(1_000, 0.5, 2, "2026-27", {"target": 3_000}, 2_000, 0.9999, 0.999, 0.995)
    redundant = box.children[2].children[0]
    capsys.readouterr()
    redundant.value = False
    assert "without a backup link" in capsys.readouterr().out
