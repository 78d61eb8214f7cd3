"""Writing district files: commented YAML, and CSV or Excel with a ``help`` column.

Every writer takes its field list, meanings and units from
:func:`workbook.district_model.field_specs`, so a template, a saved file and
the error messages of :mod:`workbook.district_files` always agree.
"""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path
from typing import Any

import yaml

from workbook.district_model import District, FieldSpec, field_specs
from workbook.errors import InputError

__all__ = ["SUFFIXES", "district_yaml", "save_district", "district_template"]

#: File types a district can be read from and written to.
SUFFIXES = (".yaml", ".yml", ".csv", ".xlsx")
_SUFFIX_TEXT = ".yaml, .yml, .csv or .xlsx"


# ---------------------------------------------------------------- writing


def _yaml_scalar(value: Any) -> str:
    if isinstance(value, bool) or value is None:
        return json.dumps(value)
    if isinstance(value, float):
        if value.is_integer():
            return str(int(value))
        text = repr(value)
        return text if "e" not in text else f"{value:.10f}"
    if isinstance(value, int):
        return str(value)
    text = str(value)
    plain = re.fullmatch(r"[A-Za-z][\w ().,'-]*", text) and yaml.safe_load(text) == text
    return text if plain else json.dumps(text, ensure_ascii=False)


def _comment(spec: FieldSpec, *, allowed: bool) -> str:
    text = spec.description.split(": ", 1)[-1] if "." in spec.field else spec.description
    if spec.unit:
        text += f" ({spec.unit})"
    if allowed:
        text += f"; {spec.allowed}"
    return text


def _yaml_lines(values: dict[str, Any] | None, header: list[str], *, allowed: bool) -> str:
    specs = field_specs()
    group_help = {name.split(".")[0]: spec.description.split(": ", 1)[0] for name, spec in specs.items() if "." in name}
    lines = [f"# {line}" if line else "#" for line in header]
    current = ""
    for name, spec in specs.items():
        group, _, leaf = name.rpartition(".")
        if group and group != current:
            lines.append(f"{group}:".ljust(34) + f"  # {group_help[group]}")
        current = group
        key = f"  {leaf}:" if group else f"{name}:"
        if values is not None:
            key += " " + _yaml_scalar(values[name])
        lines.append(key.ljust(34) + f"  # {_comment(spec, allowed=allowed)}")
    return "\n".join(lines) + "\n"


def district_yaml(district: District) -> str:
    """Commented YAML for a district; ``yaml.safe_load`` of it validates back to the same district.

    >>> from workbook.districts import load_district
    >>> "enrollment:" in district_yaml(load_district("sample-rural"))
    True
    """
    header = [
        f"{district.name}: district profile for CTO Workbook.",
        f"Source: {district.source}",
        "Each line is field: value; the comment says what it means and its unit.",
        "Check your edits with: workbook districts check FILE",
    ]
    return _yaml_lines(district.to_flat(), header, allowed=False)


def _table_rows(values: dict[str, Any] | None) -> list[list[Any]]:
    rows: list[list[Any]] = [["field", "value", "help"]]
    for name, spec in field_specs().items():
        value = None if values is None else values[name]
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        rows.append([name, value, f"{spec.description}" + (f" ({spec.unit})" if spec.unit else "") + f"; {spec.allowed}"])
    return rows


def _write(path: Path, values: dict[str, Any] | None, yaml_text: str, *, overwrite: bool) -> Path:
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise InputError("path", str(path), f"a file name ending in {_SUFFIX_TEXT}")
    if path.exists() and not overwrite:
        raise InputError("path", str(path), "a file that does not exist yet (pass overwrite=True, or --force, to replace it)")
    path.parent.mkdir(parents=True, exist_ok=True)
    if suffix in (".yaml", ".yml"):
        path.write_text(yaml_text, encoding="utf-8")
    elif suffix == ".csv":
        with path.open("w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle, lineterminator="\n")
            for row in _table_rows(values):
                writer.writerow(["" if c is None else (repr(c) if isinstance(c, float) else c) for c in row])
    else:
        import pandas as pd

        rows = _table_rows(values)
        frame = pd.DataFrame(rows[1:], columns=rows[0], dtype=object)
        with pd.ExcelWriter(path, engine="openpyxl") as writer:
            frame.to_excel(writer, sheet_name="district", index=False)
            sheet = writer.sheets["district"]
            for column, width in zip("ABC", (30, 45, 110)):
                sheet.column_dimensions[column].width = width
    return path


def save_district(district: District, path: str | Path, *, overwrite: bool = False) -> Path:
    """Write ``district`` to ``path`` (.yaml, .yml, .csv or .xlsx, by suffix); return the path.

    >>> import tempfile
    >>> from workbook.district_files import read_district
    >>> from workbook.districts import load_district
    >>> out = Path(tempfile.mkdtemp()) / "copy.csv"
    >>> read_district(save_district(load_district("sample-rural"), out)) == load_district("sample-rural")
    True
    """
    return _write(Path(path), district.to_flat(), district_yaml(district), overwrite=overwrite)


def district_template(path: str | Path, *, overwrite: bool = False) -> Path:
    """Write a blank, commented district file to fill in; the format follows the suffix.

    YAML gets a comment on every field (meaning, unit, allowed values); CSV and
    Excel get a third column ``help``. Refuses to replace an existing file
    unless ``overwrite`` is true.

    >>> import tempfile
    >>> out = district_template(Path(tempfile.mkdtemp()) / "mine.csv")
    >>> out.read_text().splitlines()[0]
    'field,value,help'
    >>> out.read_text().splitlines()[1].startswith("id,,")
    True
    """
    header = [
        "District profile template for CTO Workbook: fill in a value after each colon.",
        "Money in US dollars; shares as fractions (write 45% as 0.45); the fiscal year like 2026-27.",
        "Check your file with: workbook districts check FILE",
    ]
    return _write(Path(path), None, _yaml_lines(None, header, allowed=True), overwrite=overwrite)
