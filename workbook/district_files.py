"""Reading and checking district files: YAML, CSV and Excel.

Writing them is :mod:`workbook.district_writer` (its functions are importable
from here too, as the one module for district files).

YAML files nest the groups (``enrollment:`` then ``tk_3: 300``); CSV and
Excel files use two columns, ``field`` and ``value``, with dotted field names
(``enrollment.tk_3``), and may carry a third column ``help`` that is ignored.
Excel files are read from their first sheet.

Every problem in a file becomes one plain message that names the file, the
field, the value and what is allowed; nothing here shows a traceback.

Examples
--------
>>> import tempfile
>>> from pathlib import Path
>>> folder = Path(tempfile.mkdtemp())
>>> bad = folder / "my-district.csv"
>>> _ = bad.write_text("field,value\\nenrollment.tk_3,-40\\n")
>>> problems = check_district_file(bad)
>>> problems[0]
"my-district.csv: id is missing: add it, as a lower-case slug like 'my-district' (short id: lower case letters, digits and dashes)"
>>> [p for p in problems if "enrollment.tk_3 =" in p]
['my-district.csv: enrollment.tk_3 = -40: must be a whole number >= 0']
"""

from __future__ import annotations

import csv
import difflib
import io
import json
import math
import re
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from workbook.district_model import CrossFieldError, District, FieldSpec, field_specs
from workbook.district_writer import SUFFIXES, district_template, district_yaml, save_district
from workbook.errors import DistrictFileError, InputError
from workbook.safe_yaml import MAX_BYTES, YAMLRefused, load_yaml

__all__ = [
    "SUFFIXES",
    "check_district_file",
    "district_template",
    "district_yaml",
    "read_district",
    "save_district",
]

_SUFFIX_TEXT = ".yaml, .yml, .csv or .xlsx"
#: Most fields a district file may hold (a complete one has about 60); more is refused unread.
MAX_FIELDS = 500


# ---------------------------------------------------------------- showing values


def _show(value: Any) -> str:
    """A value as the user wrote it: numbers bare, other text in quotes."""
    if isinstance(value, str):
        try:
            float(value.replace(",", ""))
            shown = value
        except ValueError:
            shown = json.dumps(value, ensure_ascii=False)
    elif isinstance(value, float) and value.is_integer():
        shown = str(int(value))
    else:
        shown = str(value)
    return shown if len(shown) <= 60 else shown[:57] + "..."


# ---------------------------------------------------------------- reading raw files


def _flatten(mapping: dict[Any, Any], prefix: str = "") -> dict[str, Any]:
    flat: dict[str, Any] = {}
    for key, value in mapping.items():
        name = f"{prefix}{str(key).strip().lower()}"
        if isinstance(value, dict) and value:
            flat.update(_flatten(value, name + "."))
        else:
            flat[name] = value
    return flat


def _read_yaml(path: Path, src: str) -> tuple[dict[str, Any], list[str]]:
    try:
        data = load_yaml(path.read_text(encoding="utf-8-sig"))
    except UnicodeDecodeError:
        return {}, [f"{src}: not UTF-8 text: save it as UTF-8"]
    except YAMLRefused as exc:
        hint = " (check the indentation and the colon after each field name)" if "not valid YAML" in str(exc) else ""
        return {}, [f"{src}: {exc}{hint}"]
    if data is None:
        return {}, [f"{src}: the file is empty: start from `workbook districts template {src}`"]
    if not isinstance(data, dict):
        return {}, [f"{src}: expected 'field: value' lines at the top level, found {type(data).__name__}"]
    return _flatten(data), []


def _rows_to_flat(rows: list[list[Any]], src: str) -> tuple[dict[str, Any], list[str]]:
    """Turn ``field,value[,help]`` rows (header optional) into a flat mapping."""
    problems: list[str] = []
    cleaned = [[_blank_to_none(c) for c in row] for row in rows]
    numbered = [(n, row) for n, row in enumerate(cleaned, start=1) if any(c is not None for c in row)]
    if not numbered:
        return {}, [f"{src}: the file is empty: start from `workbook districts template {src}`"]
    field_col, value_col, width = 0, 1, 3
    first_n, first = numbered[0]
    header = [str(c).strip().lower() if c is not None else "" for c in first]
    if header and header[0] == "field":
        if "value" not in header:
            return {}, [f"{src}: row {first_n} is a header without a 'value' column: use field,value"]
        value_col = header.index("value")
        width = max(len([h for h in header if h]), 2)
        numbered = numbered[1:]
    flat: dict[str, Any] = {}
    seen: dict[str, int] = {}
    for n, row in numbered:
        name = row[field_col] if row else None
        if name is None or str(name).strip().startswith("#"):
            continue
        name = str(name).strip().lower()
        value = row[value_col] if len(row) > value_col else None
        extra = [c for c in row[width:] if c is not None]
        if extra:
            problems.append(
                f"{src}: {name} (row {n}) has more cells than field,value,help: "
                'put a value that contains a comma in double quotes, like "1,200"'
            )
            flat[name] = _REPORTED
            continue
        if name in seen:
            problems.append(f"{src}: {name} appears twice (rows {seen[name]} and {n}): keep one")
            continue
        seen[name] = n
        flat[name] = value
    return flat, problems


def _blank_to_none(cell: Any) -> Any:
    if hasattr(cell, "item") and not isinstance(cell, (str, bytes)):
        cell = cell.item()  # numpy scalar from pandas
    if cell is None or (isinstance(cell, float) and math.isnan(cell)):
        return None
    if isinstance(cell, str) and not cell.strip():
        return None
    return cell


def _read_csv(path: Path, src: str) -> tuple[dict[str, Any], list[str]]:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        return {}, [f"{src}: not UTF-8 text: in Excel use 'Save As' > 'CSV UTF-8'"]
    try:
        rows = list(csv.reader(io.StringIO(text)))
    except csv.Error as exc:
        return {}, [f"{src}: not a readable CSV file: {exc}"]
    return _rows_to_flat(rows, src)


def _read_xlsx(path: Path, src: str) -> tuple[dict[str, Any], list[str]]:
    import pandas as pd

    try:
        frame = pd.read_excel(path, sheet_name=0, header=None, dtype=object, engine="openpyxl")
    except Exception as exc:  # openpyxl raises several types for a damaged workbook
        return {}, [f"{src}: not a readable Excel .xlsx workbook ({type(exc).__name__}): save it again from Excel as .xlsx"]
    return _rows_to_flat(frame.values.tolist(), src)


def _read_raw(path: Path, src: str) -> tuple[dict[str, Any], list[str]]:
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        shown = f"'{path.suffix}'" if path.suffix else "none"
        return {}, [f"{src}: unknown file type ({shown}): use a {_SUFFIX_TEXT} file"]
    if not path.exists():
        return {}, [f"{src}: file not found (looked in {path.resolve().parent})"]
    if not path.is_file():
        return {}, [f"{src}: is a folder, not a district file"]
    size = path.stat().st_size
    if size > (limit := MAX_BYTES if suffix != ".xlsx" else 8 * MAX_BYTES):
        return {}, [f"{src}: the file is {size:,} bytes, over the limit of {limit:,} bytes for a district file"]
    if suffix in (".yaml", ".yml"):
        return _read_yaml(path, src)
    if suffix == ".csv":
        return _read_csv(path, src)
    return _read_xlsx(path, src)


# ---------------------------------------------------------------- cleaning and validating


_REPORTED = object()  # a field whose row already has a problem message

_NUMBER_JUNK = re.compile(r"[\s$,_]")


def _clean(spec: FieldSpec, value: Any) -> Any:
    """Be kind: "1,200" and "$1,200" are 1200, "45%" is 0.45 for a fraction, "Urban" is urban."""
    if spec.kind in ("integer", "number") and isinstance(value, str):
        text = _NUMBER_JUNK.sub("", value)
        scale = 1.0
        if spec.unit == "fraction" and text.endswith("%"):
            text, scale = text[:-1], 0.01
        try:
            number = float(text) * scale
        except ValueError:
            return value
        if math.isfinite(number) and spec.kind == "integer" and number.is_integer():
            return int(number)
        return number
    if spec.kind == "text" and isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(int(value)) if float(value).is_integer() else str(value)
    if spec.kind == "choice" and isinstance(value, str):
        return value.strip().lower()
    if spec.kind == "text" and isinstance(value, str):
        return value.strip()
    return value


def _unflatten(flat: dict[str, Any]) -> dict[str, Any]:
    nested: dict[str, Any] = {}
    for name, value in flat.items():
        group, _, leaf = name.partition(".")
        if leaf:
            nested.setdefault(group, {})[leaf] = value
        else:
            nested[name] = value
    return nested


def _validate(flat: dict[str, Any], src: str) -> tuple[District | None, list[str]]:
    specs = field_specs()
    groups = {name.split(".")[0] for name in specs if "." in name}
    problems: list[str] = []
    known: dict[str, Any] = {}
    blank: set[str] = set()
    bad_groups: set[str] = set()
    for name, value in flat.items():
        if value is _REPORTED:
            bad_groups.add(name)  # reported once already: no "missing" message as well
        elif name in specs:
            if value is None or (isinstance(value, str) and not value.strip()):
                blank.add(name)
            else:
                known[name] = _clean(specs[name], value)
        elif name in groups and (value is None or value == {}):
            continue  # an empty group: reported below as the group missing
        elif name in groups:
            bad_groups.add(name)
            members = ", ".join(n for n in specs if n.startswith(name + "."))
            problems.append(f"{src}: {name} = {_show(value)}: must be a group of fields: {members}")
        else:
            close = difflib.get_close_matches(name, list(specs), n=1, cutoff=0.6)
            hint = f"did you mean {close[0]}?" if close else "see `workbook districts template` for the fields"
            problems.append(f"{src}: {name} = {_show(value)}: unknown field: remove it ({hint})")
    nested = _unflatten(known)
    for name in blank:  # a group left all blank: report each field, not the group
        group, _, leaf = name.partition(".")
        if leaf and not isinstance(nested.get(group), dict):
            nested[group] = {}
    try:
        district = District.model_validate(nested)
    except ValidationError as exc:
        for err in exc.errors(include_url=False):
            problems.extend(_describe_error(err, src, specs, blank, bad_groups))
        return None, problems
    return (district if not problems else None), problems


def _describe_error(
    err: Any, src: str, specs: dict[str, FieldSpec], blank: set[str], bad_groups: set[str]
) -> list[str]:
    name = ".".join(str(part) for part in err["loc"])
    spec = specs.get(name)
    detail = err.get("ctx", {}).get("error")
    if isinstance(detail, CrossFieldError):
        return [f"{src}: {f} = {_show(v)}: must be {allowed}" for f, v, allowed in detail.problems]
    if err["type"] == "missing":
        if name in bad_groups or name.split(".")[0] in bad_groups:
            return []  # already reported once, as the group
        if spec is None:
            members = ", ".join(n for n in specs if n.startswith(name + "."))
            return [f"{src}: {name} is missing: add the fields {members}"]
        unit = f", in {spec.unit}" if spec.unit and spec.unit != "fraction" else ""
        what = f"{spec.allowed} ({spec.description}{unit})"
        if name in blank:
            return [f"{src}: {name} is blank: fill it in, as {what}"]
        return [f"{src}: {name} is missing: add it, as {what}"]
    if spec is None:
        return [f"{src}: {name or 'the file'}: {err['msg']}"]
    message = f"{src}: {name} = {_show(err['input'])}: must be {spec.allowed}"
    if detail is not None and str(detail) and not isinstance(detail, InputError):
        message += f" ({detail})"
    return [message]


def check_district_file(path: str | Path) -> list[str]:
    """Every problem in a district file, one message each; ``[]`` if it is fine.

    >>> from workbook.paths import data_dir
    >>> check_district_file(data_dir() / "districts" / "sample-rural.yaml")
    []
    >>> check_district_file("nowhere/my-district.xls")
    ["my-district.xls: unknown file type ('.xls'): use a .yaml, .yml, .csv or .xlsx file"]
    """
    return _load(Path(path))[1]


def _load(path: Path) -> tuple[District | None, list[str]]:
    src = path.name or str(path)
    flat, problems = _read_raw(path, src)
    if not flat:
        return None, problems
    if len(flat) > MAX_FIELDS:
        return None, problems + [f"{src}: the file has {len(flat):,} fields, over the limit of {MAX_FIELDS}: "
                                 f"a district file has {len(field_specs())}"]
    district, more = _validate(flat, src)
    problems += more
    return (None if problems else district), problems


def read_district(path: str | Path) -> District:
    """Read and validate one district file.

    Raises
    ------
    workbook.errors.DistrictFileError
        With one message per problem in ``.problems``.
    """
    district, problems = _load(Path(path))
    if district is None:
        raise DistrictFileError(str(path), problems)
    return district
