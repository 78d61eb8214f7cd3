"""District profiles: the model, the sample districts, and loading your own.

A profile holds what the calculators need to know about one school district:
enrollment and attendance by grade span, staff, salaries, devices, the
technology budget by SACS object and general fund revenue. Three synthetic
samples ship in ``data/districts/`` (``sample-rural``, ``sample-suburban``,
``sample-urban``); a candidate may bring their own district as a YAML, CSV or
Excel file (``workbook districts template my-district.csv`` writes a blank one).

This module is the entry point; the layers below it are
:mod:`workbook.district_model` (the pydantic model), :mod:`workbook.district_writer`
(writing files) and :mod:`workbook.district_files` (reading and checking them).

Examples
--------
>>> d = load_district("sample-suburban")
>>> d.id, d.locale
('sample-suburban', 'urban')
>>> d.ada.total <= d.enrollment.total
True
>>> load_district(d) is d
True
>>> district_yaml(d).splitlines()[0].startswith("# Sample")
True
"""

from __future__ import annotations

import difflib
import functools
from pathlib import Path

from workbook.district_files import read_district
from workbook.district_model import (
    CALIFORNIA_COUNTIES,
    CrossFieldError,
    Devices,
    District,
    Enrollment,
    FieldSpec,
    GradeSpans,
    Revenue,
    Salaries,
    Staff,
    TechBudget,
    field_specs,
)
from workbook.district_writer import district_yaml
from workbook.errors import InputError
from workbook.paths import data_dir

__all__ = [
    "CALIFORNIA_COUNTIES",
    "CrossFieldError",
    "District",
    "GradeSpans",
    "Enrollment",
    "Staff",
    "Salaries",
    "Devices",
    "TechBudget",
    "Revenue",
    "FieldSpec",
    "field_specs",
    "district_yaml",
    "load_district",
    "sample_ids",
]


# ---------------------------------------------------------------- loading


def _samples_dir() -> Path:
    return data_dir() / "districts"


def sample_ids() -> list[str]:
    """The ids of the synthetic sample districts, sorted.

    >>> sample_ids()
    ['sample-rural', 'sample-suburban', 'sample-urban']
    """
    return sorted(p.stem for p in _samples_dir().glob("*.yaml"))


@functools.lru_cache(maxsize=16)
def _load_sample(sample_id: str) -> District:
    return read_district(_samples_dir() / f"{sample_id}.yaml")


def load_district(ref: str | Path | District) -> District:
    """A district from a sample id, a file (.yaml, .yml, .csv, .xlsx) or a District.

    Raises
    ------
    workbook.errors.InputError
        ``ref`` is neither a sample id nor a path to a district file.
    workbook.errors.DistrictFileError
        The file is missing or has problems; ``.problems`` lists each one.

    Examples
    --------
    >>> load_district("sample-rural").name
    'Sample Ridge Joint Unified School District (synthetic)'
    >>> load_district("sample-big")
    Traceback (most recent call last):
    ...
    workbook.errors.InputError: district = 'sample-big' is not allowed: expected a sample id (sample-rural, sample-suburban, sample-urban) or a path to a .yaml, .yml, .csv or .xlsx file
    >>> load_district("sample-rurall")
    Traceback (most recent call last):
    ...
    workbook.errors.InputError: district = 'sample-rurall' is not allowed: expected a sample id (sample-rural, sample-suburban, sample-urban) or a path to a .yaml, .yml, .csv or .xlsx file (did you mean sample-rural?)
    """
    if isinstance(ref, District):
        return ref
    allowed = (
        "a sample id (" + ", ".join(sample_ids()) + ") or a path to a .yaml, .yml, .csv or .xlsx file"
    )
    if isinstance(ref, str) and ref.strip() in sample_ids():
        return _load_sample(ref.strip())
    if isinstance(ref, Path) or (isinstance(ref, str) and (Path(ref).suffix or "/" in ref or "\\" in ref)):
        return read_district(Path(ref))
    close = difflib.get_close_matches(ref.strip(), sample_ids(), n=1, cutoff=0.75) if isinstance(ref, str) else []
    raise InputError("district", ref, allowed + (f" (did you mean {close[0]}?)" if close else ""))
