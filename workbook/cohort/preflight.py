"""Check before running: the whole roster and every district it names, all problems at once.

``workbook grade``, ``workbook cohort handout`` and ``workbook review
feedback`` call :func:`check_roster` before any kernel starts or any file is
written. A roster problem (a bad cell, a duplicate id) and a district problem
(an unknown sample id, a missing file, a file with bad fields) are reported
together, one line each, with "did you mean ..." for a near miss.
"""

from __future__ import annotations

import csv
import difflib
import io
from pathlib import Path
from typing import Any

from workbook.roster import RosterError, read_roster

__all__ = ["check_roster", "district_problem"]


def district_problem(value: str, *, base: str | Path | None = None) -> list[str]:
    """What is wrong with one roster ``district`` value (``[]`` when it loads).

    A sample id must be one of the samples; anything with a suffix or a slash
    is a file, looked up as written and then beside the roster (``base``).

    >>> district_problem("sample-rural")
    []
    >>> district_problem("sample-rurall")
    ["'sample-rurall' is not a sample district (sample-rural, sample-suburban, sample-urban): did you mean sample-rural?"]
    >>> district_problem("nowhere/ben.yaml")
    ["'nowhere/ben.yaml': no such district file"]
    """
    from workbook.district_files import check_district_file
    from workbook.districts import sample_ids

    value = value.strip()
    samples = sample_ids()
    if value in samples:
        return []
    if Path(value).suffix or "/" in value or "\\" in value:
        path = Path(value)
        if not path.is_file() and base is not None and (Path(base) / value).is_file():
            path = Path(base) / value
        if not path.is_file():
            return [f"{value!r}: no such district file"]
        return [f"{value!r}: {p}" for p in check_district_file(path)]
    close = difflib.get_close_matches(value, samples, n=1, cutoff=0.6)
    hint = f": did you mean {close[0]}?" if close else ", and not a path to a .yaml, .yml, .csv or .xlsx file"
    return [f"{value!r} is not a sample district ({', '.join(samples)}){hint}"]


def _district_cells(path: Path) -> list[tuple[int, str]]:
    """(row number, district) for every non-blank row, read leniently (the strict read reports the rest)."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError):
        return []
    reader = csv.DictReader(io.StringIO(text))
    reader.fieldnames = [(h or "").strip() for h in (reader.fieldnames or [])]
    if "district" not in reader.fieldnames:
        return []
    out = []
    for number, row in enumerate(reader, start=2):
        value = (row.get("district") or "").strip()
        if value:
            out.append((number, value))
    return out


def check_roster(path: str | Path) -> list[Any]:
    """Read the roster and check every district it names; return the entries.

    Raises
    ------
    RosterError
        Listing every problem of the file and of its districts, one line each.
    FileNotFoundError
        When ``path`` does not exist.
    """
    roster = Path(path)
    if not roster.is_file():
        raise FileNotFoundError(2, "no such roster", str(roster))
    problems: list[str] = []
    entries: list[Any] = []
    try:
        entries = read_roster(roster)
    except RosterError as exc:
        problems += exc.problems
    seen: dict[str, list[str]] = {}
    for number, value in _district_cells(roster):
        if value not in seen:
            seen[value] = district_problem(value, base=roster.parent)
        problems += [f"{roster}: row {number}, column district = {p}" for p in seen[value]]
    if problems:
        raise RosterError(str(roster), problems)
    return entries
