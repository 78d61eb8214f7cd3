"""``workbook districts``: list, show, template, check, generate."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest
import yaml

from workbook.cli import main
from workbook.district_files import check_district_file, district_template, read_district
from workbook.district_generator import generate_district
from workbook.districts import load_district

BROKEN = Path(__file__).parent / "notebooks" / "districts" / "broken.yaml"


def test_districts_cli_list_shows_every_sample(capsys):
    assert main(["districts", "list"]) == 0
    out = capsys.readouterr().out
    for sample in ("sample-rural", "sample-suburban", "sample-urban"):
        assert sample in out
    assert "Tehama" in out
    assert f"{load_district('sample-urban').enrollment.total:,}" in out


def test_districts_cli_show_prints_fields_and_totals(capsys):
    assert main(["districts", "show", "sample-suburban"]) == 0
    out = capsys.readouterr().out
    assert "enrollment.tk_3" in out and "budget.total" in out
    assert f"{load_district('sample-suburban').enrollment.tk_3:,}" in out


def test_districts_cli_show_unknown_id_is_a_message(capsys):
    assert main(["districts", "show", "sample-metro"]) == 2
    err = capsys.readouterr().err
    assert "sample-rural, sample-suburban, sample-urban" in err
    assert "Traceback" not in err


def test_districts_cli_check_broken_file_lists_each_problem_and_exits_1(capsys):
    assert main(["districts", "check", str(BROKEN)]) == 1
    captured = capsys.readouterr()
    lines = captured.out.splitlines()
    assert lines == check_district_file(BROKEN)
    assert len(lines) == 5
    assert "broken.yaml: enrollment.tk_3 = -40: must be a whole number >= 0" in lines
    assert "Traceback" not in captured.err + captured.out


def test_districts_cli_check_good_file_prints_ok(capsys):
    from workbook.paths import data_dir

    assert main(["districts", "check", str(data_dir() / "districts" / "sample-rural.yaml")]) == 0
    assert capsys.readouterr().out.strip() == f"OK: {load_district('sample-rural').name}"


def test_districts_cli_check_in_a_real_process_has_no_traceback():
    workbook_script = Path(sys.executable).parent / "workbook"
    result = subprocess.run(
        [str(workbook_script), "districts", "check", str(BROKEN)],
        capture_output=True, text=True, timeout=120, check=False,
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert len(result.stdout.splitlines()) == 5


def test_districts_cli_template_refuses_to_overwrite_without_force(tmp_path, capsys):
    path = tmp_path / "mine.yaml"
    assert main(["districts", "template", str(path)]) == 0
    assert path.exists()
    path.write_text("id: keep-me\n")
    assert main(["districts", "template", str(path)]) == 2
    assert "--force" in capsys.readouterr().err
    assert path.read_text() == "id: keep-me\n"
    assert main(["districts", "template", str(path), "--force"]) == 0
    assert "# District profile template" in path.read_text()


def test_districts_cli_generate_writes_a_valid_file(tmp_path, capsys):
    out = tmp_path / "practice.xlsx"
    assert main(["districts", "generate", "urban", "--seed", "9", "-o", str(out)]) == 0
    assert read_district(out) == generate_district("urban", seed=9)
    assert main(["districts", "generate", "rural", "--seed", "9"]) == 0
    printed = capsys.readouterr().out
    assert "id: synthetic-rural-9" in printed


def _filled_yaml(template: str, values: dict[str, object]) -> str:
    lines, group = [], ""
    for line in template.splitlines():
        if line.startswith("#") or not line.strip():
            lines.append(line)
            continue
        key, _, comment = line.partition("#")
        name = key.strip().rstrip(":")
        if not line.startswith(" "):
            group = name
        field = f"{group}.{name}" if line.startswith(" ") else name
        if field in values:
            lines.append(f"{key.rstrip()} {yaml.safe_dump(values[field], width=10**6).splitlines()[0]}  #{comment}")
        else:
            lines.append(line)
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("suffix", [".yaml", ".csv", ".xlsx"])
def test_districts_template_filled_in_passes_check(tmp_path, capsys, suffix):
    path = tmp_path / f"my-district{suffix}"
    assert main(["districts", "template", str(path)]) == 0
    assert main(["districts", "check", str(path)]) == 1  # blank
    mine = generate_district("suburban", seed=77).model_copy(update={"id": "my-district", "name": "My Unified"})
    values = mine.to_flat()
    if suffix == ".yaml":
        path.write_text(_filled_yaml(path.read_text(), values))
    elif suffix == ".csv":
        frame = pd.read_csv(path, dtype=str, keep_default_na=False)
        frame["value"] = [str(values[f]) for f in frame["field"]]
        frame.to_csv(path, index=False)
    else:
        frame = pd.read_excel(path, dtype=object)
        frame["value"] = [values[f] for f in frame["field"]]
        frame.to_excel(path, index=False)
    capsys.readouterr()
    assert check_district_file(path) == []
    assert main(["districts", "check", str(path)]) == 0
    assert capsys.readouterr().out.strip() == "OK: My Unified"
    assert read_district(path) == mine


def test_districts_template_yaml_comments_every_field(tmp_path):
    text = district_template(tmp_path / "t.yml").read_text()
    fields = [line for line in text.splitlines() if line and not line.startswith("#")]
    assert len(fields) == 41 + 7  # 41 fields and 7 group headings
    assert all("  # " in line for line in fields)
    assert "  tk_3:" in text and "(students); a whole number >= 0" in text
