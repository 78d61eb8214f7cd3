"""A device program (1:1 laptops or Chromebooks) as TCO cost items.

The arithmetic of the workbook's classic exercise: a fleet bought in year 1,
replaced on a refresh cycle, with yearly software, support, training and
hidden costs. :func:`device_program` returns :class:`~workbook.tools.tco.CostItem`
objects for :func:`~workbook.tools.tco.tco`; the Monte Carlo helper
:func:`workbook.tools.tco_uncertainty.device_program_total` runs the same
arithmetic (:func:`program_specs`) on arrays.

Every amount defaults to 0 (left out). None of them is a sourced fact: the
candidate enters the district's own figures. (The rule of thumb "upkeep is
30-50% of the purchase price a year" is low-confidence and for illustration only.)
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np

from workbook.errors import InputError
from workbook.tools._validate import check_count, check_number, check_rate, check_same_length
from workbook.tools.tco import CostItem, TCOResult, tco

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["device_program", "device_program_tco", "tco_by_refresh_cycle", "program_specs"]

_PROGRAM_DEFAULTS: dict[str, float] = {
    "software_per_device": 0.0,
    "software_per_student": 0.0,
    "connectivity_per_year": 0.0,
    "facilities_upfront": 0.0,
    "support_hours_per_device": 0.0,
    "hourly_labor_cost": 0.0,
    "pd_per_staff": 0.0,
    "staff": 0.0,
    "contracts_per_year": 0.0,
    "user_support_hours_per_device": 0.0,
    "downtime_hours_per_device": 0.0,
    "user_hourly_cost": 0.0,
    "lost_instruction_hours_per_student": 0.0,
    "instructional_hour_value": 0.0,
    "escalation": 0.0,
    "device_price_change": 0.0,
}
_RATES = {"escalation", "device_price_change"}


def _param(name: str, value: Any, arrays: bool) -> Any:
    """A scalar (or, if ``arrays``, a 1-D array) that is finite and >= 0 (> -1 for rates)."""
    rate = name in _RATES
    if isinstance(value, (int, float, np.integer, np.floating)) and not isinstance(value, bool):
        return check_rate(name, value) if rate else check_number(name, value, minimum=0)
    if not arrays:
        raise InputError(name, value, "a number")
    try:
        out = np.asarray(value, dtype=float)
    except (TypeError, ValueError):
        raise InputError(name, value, "a number or a 1-D array of numbers") from None
    if out.ndim != 1 or out.size == 0:
        raise InputError(name, value, "a number or a non-empty 1-D array of numbers")
    low = -1.0 if rate else 0.0
    bad = ~np.isfinite(out) | (out <= low if rate else out < low)
    if bad.any():
        i = int(np.argmax(bad))
        limit = "> -1" if rate else ">= 0"
        raise InputError(f"{name}[{i}]", out[i].item(), f"a finite number {limit}")
    return out


def program_specs(devices: Any, students: Any, unit_cost: Any, refresh_years: int,
                  years: int, options: dict[str, Any], *, arrays: bool) -> list[tuple]:
    """(name, category, upfront, annual, escalation, start_year, repeat_every) per item.

    The one place where the device program's arithmetic lives: :func:`device_program`
    calls it with numbers, :func:`workbook.tools.tco_uncertainty.device_program_total`
    with arrays (``arrays=True``: any amount may be a 1-D array). Each tuple's
    amounts go to :func:`workbook.tools.tco.yearly_costs`. Inputs are validated
    here; ``options`` are :func:`device_program`'s keyword arguments.

    Examples
    --------
    >>> specs = program_specs(100, 100, 300, 4, 5, {}, arrays=False)
    >>> specs[1][:3]
    ('device refresh every 4 years', 'replacement', 30000.0)
    >>> program_specs(100, 100, 300, 4, 5, {"colour": 1}, arrays=False)
    Traceback (most recent call last):
    ...
    workbook.errors.InputError: colour = 1 is not allowed: expected one of the keyword arguments software_per_device, software_per_student, connectivity_per_year, facilities_upfront, support_hours_per_device, hourly_labor_cost, pd_per_staff, staff, contracts_per_year, user_support_hours_per_device, downtime_hours_per_device, user_hourly_cost, lost_instruction_hours_per_student, instructional_hour_value, escalation, device_price_change
    """
    options = dict(options)
    credit_residual = options.pop("credit_residual", False)
    if not isinstance(credit_residual, bool):
        raise InputError("credit_residual", credit_residual, "True or False")
    unknown = sorted(set(options) - set(_PROGRAM_DEFAULTS))
    if unknown:
        raise InputError(unknown[0], options[unknown[0]],
                         "one of the keyword arguments " + ", ".join(_PROGRAM_DEFAULTS))
    k = check_count("refresh_years", refresh_years, minimum=1)
    n = check_count("years", years, minimum=1)
    p = {name: _param(name, options.get(name, default), arrays)
         for name, default in _PROGRAM_DEFAULTS.items()}
    if arrays:
        d = _param("devices", devices, arrays)
        s = _param("students", students, arrays)
    else:
        d = check_count("devices", devices, minimum=1)
        s = check_count("students", students, minimum=1)
    unit = _param("unit_cost", unit_cost, arrays)
    shaped = {name: v for name, v in {"devices": d, "students": s, "unit_cost": unit, **p}.items()
              if isinstance(v, np.ndarray)}
    if shaped:
        check_same_length(**shaped)
    e, price = p["escalation"], p["device_price_change"]
    fleet = unit * d
    specs = [
        ("devices, initial purchase", "hardware", fleet, 0.0, price, 1, None),
        (f"device refresh every {k} years", "replacement", fleet, 0.0, price, 1 + k, k),
        ("software licenses per device", "software", 0.0, p["software_per_device"] * d, e, 1, None),
        ("software licenses per student", "software", 0.0, p["software_per_student"] * s, e, 1,
         None),
        ("connectivity", "connectivity", 0.0, p["connectivity_per_year"], e, 1, None),
        ("facilities retrofitting (electrical, HVAC, charging)", "facilities",
         p["facilities_upfront"], 0.0, e, 1, None),
        ("IT support labor", "it_labor", 0.0,
         p["support_hours_per_device"] * p["hourly_labor_cost"] * d, e, 1, None),
        ("professional development", "professional_development", 0.0,
         p["pd_per_staff"] * p["staff"], e, 1, None),
        ("service contracts", "contracts", 0.0, p["contracts_per_year"], e, 1, None),
        ("self and peer support time", "end_user_support", 0.0,
         p["user_support_hours_per_device"] * p["user_hourly_cost"] * d, e, 1, None),
        ("downtime", "downtime", 0.0,
         p["downtime_hours_per_device"] * p["user_hourly_cost"] * d, e, 1, None),
        ("lost instructional time", "lost_instruction", 0.0,
         p["lost_instruction_hours_per_student"] * p["instructional_hour_value"] * s, e, 1, None),
    ]
    # Straight-line residual value of the last fleet bought inside the horizon,
    # credited in the final year at that purchase's price.
    last_purchase = 1 + k * ((n - 1) // k)
    remaining = (k - (n - last_purchase + 1)) / k
    if credit_residual and remaining > 0:
        credit = -fleet * remaining * (1.0 + price) ** (last_purchase - 1)
        specs.append(("residual value of devices still in service (credit)", "hardware",
                      credit, 0.0, 0.0, n, None))
    return specs


def device_program(devices: int, students: int, unit_cost: float, refresh_years: int,
                   years: int, **options: Any) -> list[CostItem]:
    """The cost items of a device program (e.g. 1:1 Chromebooks) over ``years`` years.

    The whole fleet is bought in year 1 (``hardware``) and bought again every
    ``refresh_years`` years inside the horizon (``replacement``: years
    1 + k, 1 + 2k, ...). Every other cost is yearly from year 1, except the
    one-time facilities retrofit in year 1.

    Residual value: by default **none is credited** (a cash view: what the
    district pays during the horizon, so a fleet bought near the end counts
    in full). With ``credit_residual=True`` the unused share of the last
    fleet's price (straight line over ``refresh_years``) is credited in the
    final year as a negative ``hardware`` item.

    Parameters
    ----------
    devices, students
        Counts (at least 1).
    unit_cost
        Price of one device, in year-1 dollars.
    refresh_years
        Years a device stays in service before it is replaced.
    years
        Length of the horizon.
    **options
        Yearly amounts in year-1 dollars, each 0 (left out) unless given.
        They are not facts: put in your district's own figures.
        ``software_per_device``, ``software_per_student``, ``connectivity_per_year``,
        ``facilities_upfront`` (once, year 1), ``support_hours_per_device`` and
        ``hourly_labor_cost`` (IT labor), ``pd_per_staff`` and ``staff``
        (professional development per staff member per year),
        ``contracts_per_year``, ``user_support_hours_per_device`` and
        ``downtime_hours_per_device`` (both valued at ``user_hourly_cost``),
        ``lost_instruction_hours_per_student`` (valued at ``instructional_hour_value``),
        ``escalation`` (yearly growth of all but device prices),
        ``device_price_change`` (yearly change in the device price) and
        ``credit_residual`` (see above).

    Examples
    --------
    >>> items = device_program(100, 100, unit_cost=300, refresh_years=4, years=5,
    ...                        software_per_device=20)
    >>> [(i.category, i.start_year) for i in items[:3]]
    [('hardware', 1), ('replacement', 5), ('software', 1)]
    >>> tco(items, devices=100, students=100, years=5).total  # 2 fleets + 5 years of software
    70000.0
    >>> device_program(100, 100, 300, 4, 5, software=20)  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    workbook.errors.InputError: software = 20 is not allowed: expected one of the keyword arguments ...
    """
    specs = program_specs(devices, students, unit_cost, refresh_years, years, options,
                          arrays=False)
    return [CostItem(name, category, upfront=float(up), annual=float(yearly),
                     escalation=float(esc), start_year=start, repeat_every=every)
            for name, category, up, yearly, esc, start, every in specs]


def device_program_tco(devices: int, students: int, unit_cost: float, refresh_years: int,
                       years: int, **options: Any) -> TCOResult:
    """:func:`tco` of :func:`device_program` with the same counts, in one call.

    Examples
    --------
    >>> result = device_program_tco(100, 100, 300, refresh_years=4, years=5,
    ...                             credit_residual=True)
    >>> result.total  # 30,000 + 30,000 - 3/4 of the second fleet (22,500)
    37500.0
    """
    items = device_program(devices, students, unit_cost, refresh_years, years, **options)
    return tco(items, devices, students, years)


def tco_by_refresh_cycle(devices: int, students: int, unit_cost: float, years: int, *,
                         cycles: tuple[int, ...] = (3, 4, 5, 6), **options: Any) -> pd.DataFrame:
    """How the device program's TCO moves with the refresh cycle.

    One row per cycle (index ``refresh_years``) with the number of fleet
    purchases inside the horizon, the device cost (hardware + replacement),
    the other costs, the total and the TCO per device-year. ``options`` are
    those of :func:`device_program`, including ``credit_residual``.

    Examples
    --------
    >>> table = tco_by_refresh_cycle(100, 100, 300, years=6, cycles=(3, 6),
    ...                              support_hours_per_device=2, hourly_labor_cost=50)
    >>> table[["fleet_purchases", "total", "per_device_year"]]  # doctest: +NORMALIZE_WHITESPACE
                   fleet_purchases     total  per_device_year
    refresh_years
    3                            2  120000.0            200.0
    6                            1   90000.0            150.0
    """
    import pandas as pd

    if isinstance(cycles, (str, bytes)) or not hasattr(cycles, "__iter__") or not list(cycles):
        raise InputError("cycles", cycles, "a non-empty list of whole numbers of years")
    rows = []
    for i, k in enumerate(cycles):
        k = check_count(f"cycles[{i}]", k, minimum=1)
        result = device_program_tco(devices, students, unit_cost, k, years, **options)
        device_cost = float(result.by_category[["hardware", "replacement"]].sum())
        rows.append({
            "refresh_years": k,
            "fleet_purchases": 1 + (result.years - 1) // k,
            "device_cost": device_cost,
            "other_cost": result.total - device_cost,
            "total": result.total,
            "per_device_year": result.per_device_year,
        })
    return pd.DataFrame(rows).set_index("refresh_years")
