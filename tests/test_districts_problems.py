"""Bad district files: one plain message per problem, never a traceback."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from workbook.district_files import check_district_file, district_template
from workbook.districts import district_yaml, load_district
from workbook.errors import DistrictFileError

FIXTURE = Path(__file__).parent / "notebooks" / "districts" / "broken.yaml"

# (field, value as shown in the message) for each problem planted below.
PLANTED = [
    ("enrollment.tk_3", "-40"),
    ("county", '"Atlantis"'),
    ("staff.certificated", '"lots"'),
    ("classrooms", None),  # missing
    ("budget.coffee", "500"),  # unknown
]


def write_broken(path: Path) -> Path:
    """The rural sample with five planted problems, in YAML."""
    data = yaml.safe_load(district_yaml(load_district("sample-rural")))
    data["enrollment"]["tk_3"] = -40
    data["county"] = "Atlantis"
    data["staff"]["certificated"] = "lots"
    del data["classrooms"]
    data["budget"]["coffee"] = 500
    path.write_text(yaml.safe_dump(data, sort_keys=False))
    return path


def assert_one_message_per_planted_problem(problems: list[str], file_name: str) -> None:
    assert len(problems) == len(PLANTED), problems
    for field, shown in PLANTED:
        matching = [p for p in problems if re.match(rf"{re.escape(file_name)}: {re.escape(field)}\b", p)]
        assert len(matching) == 1, (field, problems)
        message = matching[0]
        if shown is None:
            assert "is missing" in message and "whole number" in message
        else:
            assert f"{field} = {shown}: " in message
    assert "Traceback" not in "\n".join(problems)


def test_districts_broken_file_gives_one_message_per_problem(tmp_path):
    problems = check_district_file(write_broken(tmp_path / "broken.yaml"))
    assert_one_message_per_planted_problem(problems, "broken.yaml")
    assert "broken.yaml: enrollment.tk_3 = -40: must be a whole number >= 0" in problems
    assert "broken.yaml: budget.coffee = 500: unknown field" in "\n".join(problems)


def test_districts_broken_fixture_gives_one_message_per_problem():
    assert_one_message_per_planted_problem(check_district_file(FIXTURE), "broken.yaml")


def test_districts_broken_csv_gives_the_same_messages(tmp_path):
    import pandas as pd

    data = yaml.safe_load(write_broken(tmp_path / "b.yaml").read_text())
    rows = []
    for key, value in data.items():
        if isinstance(value, dict):
            rows += [(f"{key}.{sub}", v) for sub, v in value.items()]
        else:
            rows.append((key, value))
    path = tmp_path / "my-district.csv"
    pd.DataFrame(rows, columns=["field", "value"]).to_csv(path, index=False)
    problems = check_district_file(path)
    assert_one_message_per_planted_problem(problems, "my-district.csv")
    assert "my-district.csv: enrollment.tk_3 = -40: must be a whole number >= 0" in problems


def test_districts_load_broken_file_raises_with_every_problem(tmp_path):
    path = write_broken(tmp_path / "broken.yaml")
    with pytest.raises(DistrictFileError) as info:
        load_district(path)
    assert info.value.problems == check_district_file(path)
    assert "5 problems" in str(info.value)


def test_districts_cross_field_problems_name_both_fields(tmp_path):
    data = yaml.safe_load(district_yaml(load_district("sample-rural")))
    data["ada"]["g4_6"] = data["enrollment"]["g4_6"] + 10
    data["staff"]["it"] = data["staff"]["classified"] + 1
    path = tmp_path / "cross.yaml"
    path.write_text(yaml.safe_dump(data))
    problems = check_district_file(path)
    assert len(problems) == 2
    assert problems[0].startswith(f"cross.yaml: ada.g4_6 = {data['ada']['g4_6']}: must be <= enrollment.g4_6")
    assert problems[1].startswith(f"cross.yaml: staff.it = {data['staff']['it']}: must be <= staff.classified")


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("m.yaml", "id: x\n  name: [\n", "m.yaml: not valid YAML at line 2"),
        ("e.yaml", "", "e.yaml: the file is empty"),
        ("l.yaml", "- 1\n- 2\n", "l.yaml: expected 'field: value' lines"),
        ("d.xls", "whatever", "d.xls: unknown file type ('.xls')"),
        ("d.txt", "whatever", "d.txt: unknown file type ('.txt')"),
        ("x.xlsx", "not a workbook", "x.xlsx: not a readable Excel .xlsx workbook"),
        ("g.yaml", "enrollment: 5\n", "g.yaml: enrollment = 5: must be a group of fields"),
    ],
)
def test_districts_unreadable_files_give_a_message(tmp_path, name, content, expected):
    path = tmp_path / name
    path.write_text(content)
    problems = check_district_file(path)
    assert problems[0].startswith(expected), problems
    assert sum(p.startswith(f"{name}: enrollment") for p in problems) <= 1


def test_districts_missing_file_gives_a_message(tmp_path):
    assert check_district_file(tmp_path / "nowhere.yaml") == [f"nowhere.yaml: file not found (looked in {tmp_path.resolve()})"]


def test_districts_csv_duplicate_and_overfull_rows_are_reported_once(tmp_path):
    lines = load_district("sample-rural").to_flat()
    text = "field,value\n" + "".join(f'{k},"{v}"\n' for k, v in lines.items())
    text += "schools,3\n"
    text = text.replace('classrooms,"44"', "classrooms,1,200")
    path = tmp_path / "rows.csv"
    path.write_text(text)
    problems = check_district_file(path)
    assert len(problems) == 2, problems
    assert problems[0].startswith("rows.csv: classrooms (row 8) has more cells")
    assert problems[1].startswith("rows.csv: schools appears twice")


def test_districts_blank_template_lists_every_field_as_blank(tmp_path):
    problems = check_district_file(district_template(tmp_path / "blank.csv"))
    assert len(problems) == len(load_district("sample-rural").to_flat())
    assert all(" is blank: fill it in, as " in p for p in problems)


def test_districts_boolean_is_not_a_number(tmp_path):
    data = yaml.safe_load(district_yaml(load_district("sample-rural")))
    data["schools"] = True
    path = tmp_path / "bool.yaml"
    path.write_text(yaml.safe_dump(data))
    assert check_district_file(path) == ["bool.yaml: schools = True: must be a whole number >= 1 (true/false is not a number)"]
