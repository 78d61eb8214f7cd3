"""Load a dataset: the synthetic one for the district and seed, or the candidate's own file.

A candidate may replace any synthetic dataset with their district's real data
(exported from the help desk, the inventory system, the firewall) as a CSV or
Excel file with the columns listed in :data:`SCHEMAS`. Column names are matched
ignoring case and surrounding spaces; extra columns are kept. Every problem in
the file is reported at once, by row (as numbered in a spreadsheet, the header
being row 1) and column.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable

from workbook.errors import DistrictFileError, InputError
from workbook.tools._validate import check_choice

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = ["Schema", "SCHEMAS", "load_dataset", "dataset_names"]


@dataclass(frozen=True)
class Schema:
    """What a dataset file must hold."""

    required: tuple[str, ...]
    numbers: tuple[str, ...] = ()
    dates: tuple[str, ...] = ()  # must parse; empty allowed only in ``optional_dates``
    optional_dates: tuple[str, ...] = ()
    generator: str = ""
    text: tuple[str, ...] = ()  # identifiers read as text, so "0123456789" keeps its zero (the file is then read as text)
    flags: tuple[str, ...] = ()  # true/false columns, when present: yes/no, y/n, true/false or 1/0; names keep this spelling


_E4_FLAGS = ("Socioeconomically Disadvantaged", "English Learners", "Students with Disabilities", "Foster Youth", "Homeless Youth")
_TRUE, _FALSE = {"true", "yes", "y", "1", "1.0"}, {"false", "no", "n", "0", "0.0", ""}


SCHEMAS: dict[str, Schema] = {
    "risk_register": Schema(("id", "threat", "asset", "likelihood", "impact", "owner"),
                            generator="workbook.datasets.security:risk_register_seed"),
    "network_utilization": Schema(("date", "peak_mbps"), numbers=("peak_mbps",), dates=("date",),
                                  generator="workbook.datasets.network:network_utilization"),
    "device_inventory": Schema(("type", "purchase_year", "count", "unit_cost"),
                               numbers=("purchase_year", "count", "unit_cost"),
                               generator="workbook.datasets.inventory:device_inventory"),
    "software_inventory": Schema(("product", "version", "end_of_support", "count"), numbers=("count",),
                                 dates=("end_of_support",), generator="workbook.datasets.inventory:software_inventory"),
    "helpdesk_tickets": Schema(("opened", "resolved", "category", "priority", "site"), dates=("opened",),
                               optional_dates=("resolved",), generator="workbook.datasets.tickets:helpdesk_tickets"),
    "instructional_tools": Schema(("tool", "job", "licences", "price_per_licence"), numbers=("licences", "price_per_licence"),
                                  generator="workbook.principles.e3.givens:tool_inventory"),
    "tool_usage": Schema(("tool", "school", "month", "logins", "active_users"), numbers=("logins", "active_users"),
                         generator="workbook.principles.e3.givens:tool_usage"),
    "caaspp_results": Schema(("ssid", "grade", "subject", "scale_score"), numbers=("grade", "scale_score"), text=("ssid",),
                             flags=_E4_FLAGS, generator="workbook.principles.e4.givens:caaspp_results"),
    "sis_enrollment": Schema(("ssid", "school", "grade"), numbers=("grade",), text=("ssid",), flags=_E4_FLAGS,
                             generator="workbook.principles.e4.givens:sis_enrollment"),
    "benchmark_results": Schema(("ssid", "grade", "score", "band"), numbers=("grade", "score"), text=("ssid",),
                                generator="workbook.principles.e4.givens:benchmark_results"),
    "staff_skills_survey": Schema(("respondent", "role", "school", "skill", "level"), numbers=("level",),
                                  generator="workbook.principles.l1.givens:skills_survey"),
    "stakeholder_survey": Schema(("respondent", "group", "need", "importance", "current"), numbers=("importance", "current"),
                                 generator="workbook.principles.l2.givens:stakeholder_survey"),
}


def dataset_names() -> list[str]:
    """The datasets :func:`load_dataset` knows.

    >>> dataset_names()  # doctest: +NORMALIZE_WHITESPACE
    ['benchmark_results', 'caaspp_results', 'device_inventory', 'helpdesk_tickets', 'instructional_tools',
     'network_utilization', 'risk_register', 'sis_enrollment', 'software_inventory', 'staff_skills_survey',
     'stakeholder_survey', 'tool_usage']
    """
    return sorted(SCHEMAS)


def _plain(value: Any) -> Any:
    return value.item() if hasattr(value, "item") else value


def _generator(spec: str) -> Callable[..., pd.DataFrame]:
    import importlib

    module, func = spec.split(":")
    return getattr(importlib.import_module(module), func)


def load_dataset(name: str, district: Any, seed: int, path: str | Path | None = None) -> pd.DataFrame:
    """The named dataset: generated for ``district`` and ``seed``, or read and checked from ``path``.

    Parameters
    ----------
    name
        One of :func:`dataset_names`.
    district
        A District, a sample id or a path to a district file.
    seed
        Varies the synthetic data (ignored when ``path`` is given).
    path
        Your own ``.csv``, ``.xlsx`` or ``.xls`` file, or None for the synthetic data.

    Examples
    --------
    >>> len(load_dataset("risk_register", "sample-rural", 2026))
    12
    >>> load_dataset("tickets", "sample-rural", 2026)
    Traceback (most recent call last):
    ...
    workbook.errors.InputError: name = 'tickets' is not allowed: expected one of 'benchmark_results', 'caaspp_results', 'device_inventory', 'helpdesk_tickets', 'instructional_tools', 'network_utilization', 'risk_register', 'sis_enrollment', 'software_inventory', 'staff_skills_survey', 'stakeholder_survey', 'tool_usage'
    """
    check_choice("name", name, dataset_names())
    schema = SCHEMAS[name]
    if path is None:
        from workbook.datasets._common import as_district

        return _generator(schema.generator)(as_district(district), seed)
    return read_dataset_file(name, path)


def read_dataset_file(name: str, path: str | Path) -> pd.DataFrame:
    """Read a candidate's file for dataset ``name`` and check it against :data:`SCHEMAS`.

    >>> import tempfile, os
    >>> f = os.path.join(tempfile.mkdtemp(), "tickets.csv")
    >>> _ = open(f, "w").write("Opened,Category\\n2026-09-01 08:00,Printing\\n")
    >>> read_dataset_file("helpdesk_tickets", f)
    Traceback (most recent call last):
    ...
    workbook.errors.DistrictFileError: tickets.csv: 1 problem
      tickets.csv: missing columns resolved, priority, site (the file needs opened, resolved, category, priority, site)
    """
    import pandas as pd

    schema = SCHEMAS[check_choice("name", name, dataset_names())]
    p = Path(path)
    suffix = p.suffix.lower()
    if suffix not in (".csv", ".xlsx", ".xls"):
        raise InputError("path", str(path), "a .csv, .xlsx or .xls file")
    if not p.is_file():
        raise InputError("path", str(path), "an existing file")
    as_text = {"dtype": str, "keep_default_na": False} if schema.text else {}
    frame = pd.read_csv(p, **as_text) if suffix == ".csv" else pd.read_excel(p, sheet_name=0, **as_text)
    frame.columns = [str(c).strip().lower() for c in frame.columns]
    frame = frame.rename(columns={f.lower(): f for f in schema.flags})
    label = p.name
    missing = [c for c in schema.required if c not in frame.columns]
    if missing:
        raise DistrictFileError(label, [
            f"{label}: missing column{'s' if len(missing) > 1 else ''} {', '.join(missing)} "
            f"(the file needs {', '.join(schema.required)})"
        ])
    problems: list[str] = []
    for col in schema.numbers:
        values = pd.to_numeric(frame[col], errors="coerce")
        for i in frame.index[values.isna() | (values < 0)][:5]:
            problems.append(f"{label}: row {i + 2}, {col} = {_plain(frame.loc[i, col])!r}: must be a number >= 0")
        frame[col] = values
    for col in schema.dates + schema.optional_dates:
        raw = frame[col]
        parsed = pd.to_datetime(raw, errors="coerce", format="mixed")
        blank = raw.isna() | (raw.astype(str).str.strip() == "")
        bad = parsed.isna() & (~blank if col in schema.optional_dates else True)
        for i in frame.index[bad][:5]:
            problems.append(f"{label}: row {i + 2}, {col} = {_plain(raw.loc[i])!r}: must be a date such as 2026-09-01")
        frame[col] = parsed
    for col in schema.text:
        frame[col] = frame[col].astype(str).str.strip().str.replace(r"\.0$", "", regex=True)
    for col in (f for f in schema.flags if f in frame.columns):
        words = frame[col].astype(str).str.strip().str.lower()
        bad = ~words.isin(_TRUE | _FALSE)
        for i in frame.index[bad][:5]:
            problems.append(f"{label}: row {i + 2}, {col} = {_plain(frame.loc[i, col])!r}: must be yes or no (Y/N, true/false, 1/0)")
        frame[col] = words.isin(_TRUE)
    if frame.empty:
        problems.append(f"{label}: no data rows")
    if problems:
        raise DistrictFileError(label, problems)
    if name == "software_inventory":
        frame["end_of_support"] = frame["end_of_support"].dt.date
    return frame
