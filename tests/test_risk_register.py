"""Risk register, heat map, ALE, safeguard value, residual risk."""

from __future__ import annotations

import pytest

from workbook.errors import InputError
from workbook.tools.risk import (
    ale, heat_map_counts, residual_ale, residual_risk, risk_register, safeguard_value, sle,
)

ROWS = [
    {"id": "R1", "threat": "Phishing", "asset": "Email", "likelihood": "VH", "impact": "M", "owner": "CTO", "aro": 2},
    {"id": "R2", "threat": "Ransomware", "asset": "SIS", "likelihood": "M", "impact": "VH", "owner": "CTO"},
    {"id": "R3", "threat": "Fiber cut", "asset": "WAN", "likelihood": "L", "impact": "H", "owner": "Network"},
    {"id": "R4", "threat": "Filter bypass", "asset": "Filter", "likelihood": 90, "impact": 50, "owner": "Network",
     "control_status": "In place"},
]


def test_risk_register_ranks_by_level_then_score_and_keeps_extra_columns():
    reg = risk_register(ROWS)
    assert reg["id"].tolist() == ["R2", "R1", "R4", "R3"]
    assert reg["level"].tolist() == ["High", "Moderate", "Moderate", "Low"]
    assert reg["score"].tolist() == [50.0, 50.0, 45.0, 16.0]
    assert reg["rank"].tolist() == [1, 2, 3, 4]
    assert reg.loc[reg["id"] == "R4", "likelihood"].item() == "High"
    assert reg.loc[reg["id"] == "R4", "control_status"].item() == "in place"
    assert "aro" in reg.columns


def test_risk_register_bad_rows_named():
    with pytest.raises(InputError, match=r"rows\.id = 'R1'"):
        risk_register(ROWS + [dict(ROWS[0])])
    bad = [dict(ROWS[0], likelihood="sometimes")]
    with pytest.raises(InputError, match=r"rows\[0\]\.likelihood = 'sometimes'"):
        risk_register(bad)
    with pytest.raises(InputError, match=r"rows\[0\]\.control_status = 'done'"):
        risk_register([dict(ROWS[0], control_status="done")])
    with pytest.raises(InputError, match="missing: owner"):
        risk_register([{k: v for k, v in ROWS[0].items() if k != "owner"}])
    with pytest.raises(InputError, match="rows = 'R1'"):
        risk_register("R1")


def test_heat_map_counts_places_each_risk_once():
    grid = heat_map_counts(risk_register(ROWS))
    assert grid.shape == (5, 5)
    assert grid.index[0] == "Very High" and grid.columns[0] == "Very Low"
    assert int(grid.to_numpy().sum()) == 4
    assert int(grid.loc["Very High", "Moderate"]) == 1
    assert int(grid.loc["Moderate", "Very High"]) == 1
    assert int(grid.loc["High", "Moderate"]) == 1
    assert int(grid.loc["Low", "High"]) == 1


def test_ale_published_example():
    # $100,000 asset, 25% exposure factor: SLE $25,000; three events a year: ALE $75,000.
    assert sle(100_000, 0.25) == 25_000
    assert ale(100_000, 0.25, 3) == 75_000


def test_safeguard_value_by_hand():
    # ALE $75,000 falls to $15,000 with a $20,000 control: it is worth $40,000 a year.
    assert safeguard_value(75_000, 15_000, 20_000) == 40_000
    assert safeguard_value(10_000, 9_000, 5_000) == -4_000
    assert residual_ale(100_000, 0.25, 3, 0.8) == pytest.approx(15_000)


@pytest.mark.parametrize(
    ("call", "field"),
    [(lambda: ale(100_000, 25, 3), "exposure_factor"),
     (lambda: ale(-1, 0.25, 3), "asset_value"),
     (lambda: ale(100_000, 0.25, "3"), "aro"),
     (lambda: safeguard_value(1, 1, -1), "annual_cost"),
     (lambda: residual_risk("H", "H", 1.5), "effectiveness"),
     (lambda: residual_risk("H", "H", 0.5, reduces="cost"), "reduces")],
)
def test_quantitative_bad_input_named(call, field):
    with pytest.raises(InputError) as err:
        call()
    assert err.value.field == field


def test_residual_risk_by_hand():
    # High likelihood (80) halved is 40: Moderate; Moderate x Very High is High (Table I-2).
    r = residual_risk("High", "Very High", 0.5)
    assert (r["inherent_level"], r["residual_likelihood"], r["residual_level"]) == ("Very High", "Moderate", "High")
    # cutting impact instead: Very High (100) x 0.5 = 50, Moderate; High x Moderate = Moderate
    assert residual_risk("High", "Very High", 0.5, reduces="impact")["residual_level"] == "Moderate"
    assert residual_risk("H", "H", 0)["residual_level"] == "High"
