"""Loading district profiles: samples, files of every format, round trips."""

from __future__ import annotations


import pandas as pd
import pytest

from workbook.district_files import check_district_file, read_district, save_district
from workbook.districts import CALIFORNIA_COUNTIES, District, district_yaml, load_district, sample_ids
from workbook.errors import DistrictFileError, InputError


def test_districts_sample_ids_are_the_three_samples():
    assert sample_ids() == ["sample-rural", "sample-suburban", "sample-urban"]


@pytest.mark.parametrize("sample", ["sample-rural", "sample-suburban", "sample-urban"])
def test_districts_load_each_sample(sample):
    d = load_district(sample)
    assert isinstance(d, District)
    assert d.id == sample
    assert "(synthetic)" in d.name
    assert d.county in CALIFORNIA_COUNTIES
    assert d.source.startswith("synthetic: workbook.district_generator")
    assert f"kind={sample.removeprefix('sample-')}" in d.source
    assert d.ada.total <= d.enrollment.total
    assert d.staff.it <= d.staff.classified
    assert d.budget.total > 0 and d.revenue.total > d.revenue.lcff > 0


def test_districts_sample_load_is_cached_and_frozen():
    first = load_district("sample-urban")
    assert load_district("sample-urban") is first
    with pytest.raises(Exception):
        first.enrollment.tk_3 = 1  # type: ignore[misc]


def test_districts_load_passes_a_district_through():
    d = load_district("sample-rural")
    assert load_district(d) is d


def test_districts_unknown_sample_id_lists_the_valid_ids():
    with pytest.raises(InputError) as info:
        load_district("sample-metro")
    for sample in sample_ids():
        assert sample in str(info.value)
    assert "sample-metro" in str(info.value)


@pytest.mark.parametrize("suffix", [".yaml", ".yml", ".csv", ".xlsx"])
def test_districts_load_by_path_in_every_format(tmp_path, suffix):
    original = load_district("sample-suburban")
    path = save_district(original, tmp_path / f"mine{suffix}")
    assert load_district(path) == original
    assert load_district(str(path)) == original


def test_districts_round_trip_yaml_csv_xlsx_gives_an_equal_district(tmp_path):
    from workbook.paths import data_dir

    from_yaml = read_district(data_dir() / "districts" / "sample-urban.yaml")
    from_csv = read_district(save_district(from_yaml, tmp_path / "d.csv"))
    from_xlsx = read_district(save_district(from_csv, tmp_path / "d.xlsx"))
    back_to_yaml = read_district(save_district(from_xlsx, tmp_path / "d.yaml"))
    assert from_csv == from_yaml
    assert from_xlsx == from_yaml
    assert back_to_yaml == from_yaml
    assert back_to_yaml.to_flat() == from_yaml.to_flat()


def test_districts_csv_and_xlsx_are_long_two_column_tables_with_help(tmp_path):
    d = load_district("sample-rural")
    csv_frame = pd.read_csv(save_district(d, tmp_path / "d.csv"), dtype=str)
    xlsx_frame = pd.read_excel(save_district(d, tmp_path / "d.xlsx"), sheet_name=0)
    for frame in (csv_frame, xlsx_frame):
        assert list(frame.columns) == ["field", "value", "help"]
        assert list(frame["field"]) == list(d.to_flat())
    assert "enrollment.tk_3" in set(csv_frame["field"])


def test_districts_to_flat_uses_dotted_names_and_optional_totals():
    d = load_district("sample-suburban")
    flat = d.to_flat()
    assert flat["enrollment.tk_3"] == d.enrollment.tk_3
    assert flat["budget.software"] == d.budget.software
    assert "budget.total" not in flat
    with_totals = d.to_flat(include_totals=True)
    assert with_totals["budget.total"] == d.budget.total
    assert with_totals["enrollment.total"] == d.enrollment.total


def test_districts_to_yaml_is_commented_and_loads_back(tmp_path):
    d = load_district("sample-rural")
    text = district_yaml(d)
    assert text.startswith("# ")
    assert "  tk_3: " in text and "# transitional kindergarten" in text
    path = tmp_path / "copy.yaml"
    path.write_text(text)
    assert read_district(path) == d


def test_districts_kind_input_is_accepted(tmp_path):
    """Thousands separators, dollar signs, percentages and capitals are read kindly."""
    d = load_district("sample-rural")
    flat = {k: v for k, v in d.to_flat().items()}
    flat["enrollment.tk_3"] = "1,200"
    flat["budget.software"] = "$65,900"
    flat["nslp_pct"] = "69.8%"
    flat["locale"] = "Rural"
    flat["county"] = "tehama county"
    path = tmp_path / "kind.csv"
    pd.DataFrame({"field": list(flat), "value": [str(v) for v in flat.values()]}).to_csv(path, index=False)
    assert check_district_file(path) == []
    loaded = load_district(path)
    assert loaded.enrollment.tk_3 == 1200
    assert loaded.budget.software == 65_900
    assert loaded.nslp_pct == pytest.approx(0.698)
    assert loaded.locale == "rural"
    assert loaded.county == "Tehama"


def test_districts_load_bad_file_raises_district_file_error(tmp_path):
    path = tmp_path / "bad.yaml"
    path.write_text(district_yaml(load_district("sample-rural")).replace("county: Tehama", "county: Atlantis"))
    with pytest.raises(DistrictFileError) as info:
        load_district(path)
    assert info.value.problems == ['bad.yaml: county = "Atlantis": must be one of California\'s 58 counties, e.g. \'Fresno\' (not a California county)']


def test_districts_load_missing_file_raises_district_file_error(tmp_path):
    with pytest.raises(DistrictFileError) as info:
        load_district(tmp_path / "absent.csv")
    assert info.value.problems[0].startswith("absent.csv: file not found")
