"""Synthetic datasets: deterministic per seed, consistent with the district, loadable from a file."""

from __future__ import annotations

import pandas as pd
import pytest

from workbook.datasets import (
    dataset_names, device_inventory, helpdesk_tickets, load_dataset, network_utilization,
    risk_register_seed, software_inventory,
)
from workbook.districts import load_district, sample_ids
from workbook.errors import DistrictFileError, InputError
from workbook.tools.risk import risk_register
from workbook.tools.services import software_currency

GENERATORS = [risk_register_seed, network_utilization, device_inventory, software_inventory, helpdesk_tickets]


@pytest.fixture(scope="module", params=sample_ids())
def district(request):
    return load_district(request.param)


@pytest.mark.parametrize("make", GENERATORS, ids=lambda f: f.__name__)
def test_datasets_same_seed_same_data_other_seed_other_data(make, district):
    a, b, c = make(district, 2026), make(district, 2026), make(district, 2027)
    pd.testing.assert_frame_equal(a, b)
    assert not a.equals(c)


def test_datasets_fit_the_district(district):
    inv = device_inventory(district, 1)
    assert int(inv["count"].sum()) == district.devices.student_devices + district.devices.staff_devices
    modern = inv[(inv["platform"] == "ChromeOS") & (inv["platform_release_year"] >= 2021)]
    assert ((modern["aue_year"] - modern["platform_release_year"]) == 10).all()
    net = network_utilization(district, 1)
    assert len(net) == 365 and net["date"].iloc[0] == pd.Timestamp("2026-07-01")
    assert (net["utilization"] <= 1).all()
    tickets = helpdesk_tickets(district, 1)
    assert tickets["ticket_id"].is_unique
    assert set(tickets["site"]) <= {f"School {i + 1:02d}" for i in range(district.schools)} | {"District Office"}
    reg = risk_register(risk_register_seed(district, 1))
    assert len(reg) == 12 and reg["rank"].tolist() == list(range(1, 13))


def test_software_inventory_uses_published_dates(district):
    sw = software_inventory(district, 3)
    win10 = sw[sw["product"] == "Windows 10"]
    assert win10.empty or str(win10["end_of_support"].iloc[0]) == "2025-10-14"
    made_up = sw[sw["vendor"].str.contains("synthetic")]
    assert (made_up["confidence"] == "illustrative").all()
    assert len(software_currency(sw, "2026-07-01")) == len(sw)


def test_load_dataset_generates_or_reads_a_file(tmp_path):
    d = load_district("sample-rural")
    generated = load_dataset("helpdesk_tickets", d, 5)
    path = tmp_path / "my-tickets.csv"
    generated.head(20).to_csv(path, index=False)
    loaded = load_dataset("helpdesk_tickets", d, 5, path=path)
    assert len(loaded) == 20 and loaded["opened"].dtype.kind == "M"
    xlsx = tmp_path / "inventory.xlsx"
    device_inventory(d, 5).to_excel(xlsx, index=False)
    assert int(load_dataset("device_inventory", "sample-rural", 5, path=xlsx)["count"].sum()) > 0
    assert sorted(dataset_names()) == dataset_names()


def test_load_dataset_names_missing_columns_and_bad_values(tmp_path):
    path = tmp_path / "net.csv"
    pd.DataFrame({"Date": ["2026-09-01", "not a day"], "Peak Mbps": [10, 20]}).to_csv(path, index=False)
    with pytest.raises(DistrictFileError, match="missing column peak_mbps"):
        load_dataset("network_utilization", "sample-rural", 1, path=path)
    pd.DataFrame({"date": ["2026-09-01", "not a day"], "peak_mbps": [10, -5]}).to_csv(path, index=False)
    with pytest.raises(DistrictFileError) as err:
        load_dataset("network_utilization", "sample-rural", 1, path=path)
    assert "row 3, peak_mbps = -5" in str(err.value) and "row 3, date = 'not a day'" in str(err.value)
    with pytest.raises(InputError, match="path = "):
        load_dataset("network_utilization", "sample-rural", 1, path=tmp_path / "net.txt")
    with pytest.raises(InputError, match="seed = -1"):
        load_dataset("network_utilization", "sample-rural", -1)
