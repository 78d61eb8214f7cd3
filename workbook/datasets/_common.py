"""Shared helpers of the synthetic dataset generators: seeding, districts, fiscal years."""

from __future__ import annotations

import zlib
from typing import Any

import numpy as np

from workbook.errors import InputError
from workbook.tools._validate import check_count
from workbook.tools.fiscal_year import check_fiscal_year, fiscal_year_start

__all__ = ["rng_for", "as_district", "fiscal_year_of", "users_of"]


def as_district(district: Any) -> Any:
    """A District: an object with the District attributes is used as is; a str or Path is loaded."""
    if hasattr(district, "enrollment") and hasattr(district, "devices"):
        return district
    if isinstance(district, str) or hasattr(district, "__fspath__"):
        from workbook.districts import load_district

        return load_district(district)
    raise InputError("district", district, "a District, a sample id such as 'sample-suburban' or a path to a district file")


def rng_for(district: Any, seed: Any, name: str) -> np.random.Generator:
    """A generator that depends on the seed, the district id and the dataset name, nothing else.

    >>> class D: id = "x"
    >>> float(rng_for(D, 1, "a").random()) == float(rng_for(D, 1, "a").random())
    True
    """
    s = check_count("seed", seed)
    salt = zlib.crc32(f"{getattr(district, 'id', 'district')}/{name}".encode())
    return np.random.default_rng([s, salt])


def fiscal_year_of(district: Any, fiscal_year: str | None) -> tuple[str, int]:
    """The fiscal year to generate (default: the district's) and the calendar year it starts in."""
    fy = check_fiscal_year("fiscal_year", fiscal_year if fiscal_year is not None else district.fiscal_year)
    return fy, fiscal_year_start(fy)


def users_of(district: Any) -> int:
    """Students plus staff (certificated and classified), the users of SETDA's targets."""
    return int(district.enrollment.total + district.staff.certificated + district.staff.classified)
