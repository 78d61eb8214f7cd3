"""Device and software inventories for a district: synthetic counts, real or labeled dates.

Device counts come from the district profile (student and staff devices,
planned lifespan, average age); the spread over purchase years is drawn with
the seed. Chromebook Auto Update Expiration (AUE): Google gives platforms
released in 2021 or later 10 years of updates, counted from the platform's
release, not the purchase (announced September 2023). Eligible older platforms
reach the same 10 years only if an administrator opts in to extended updates
in the Admin console, which removes the Play Store and Android apps (Google
Admin Help, "Extended updates support"; H): their rows say
``aue_opt_in=True``. Check each model's date on Google's Auto Update policy page.

Windows 10 reached end of support on Oct 14, 2025; its cost to stay current is
a year of Extended Security Updates at Microsoft's education price for the ESU
year that starts in the fiscal year (reference table
``extended_security_updates``), or, once ESU ends, a replacement laptop.

Software end-of-support dates come from the reference table
``software_lifecycle`` (vendors' published dates marked M, made-up vendors
marked ``illustrative``); counts and upgrade costs are synthetic.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any

import numpy as np

from workbook.datasets._common import as_district, fiscal_year_of, rng_for
from workbook.tools.reference import reference_table

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = ["device_inventory", "software_inventory"]


def _age_mix(rng: np.random.Generator, n: int, mean_age: float, max_age: int) -> np.ndarray:
    """Counts of ``n`` devices by age 0..max_age, a truncated Poisson around ``mean_age``."""
    ages = np.arange(max_age + 1)
    lam = max(mean_age, 0.05)
    pmf = np.array([math.exp(-lam) * lam**k / math.factorial(k) for k in ages])
    pmf = pmf * rng.uniform(0.8, 1.2, size=len(ages))
    return rng.multinomial(n, pmf / pmf.sum())


def device_inventory(district: Any, seed: int, fiscal_year: str | None = None) -> pd.DataFrame:
    """One row per device group (type x purchase year) with count, cost and update dates.

    Returns
    -------
    DataFrame
        ``group_id``, ``type``, ``model``, ``platform``, ``purchase_year``
        (calendar year the fiscal year of purchase starts in), ``count``,
        ``unit_cost``, ``platform_release_year``, ``aue_year`` (Chromebooks;
        empty for Windows laptops) and ``aue_basis``.

    Examples
    --------
    >>> from workbook.districts import load_district
    >>> d = load_district("sample-rural")
    >>> inv = device_inventory(d, 2026)
    >>> int(inv["count"].sum()) == d.devices.student_devices + d.devices.staff_devices
    True
    >>> bool((inv["purchase_year"] <= 2026).all())
    True
    """
    import pandas as pd

    d = as_district(district)
    _, start = fiscal_year_of(d, fiscal_year)
    rng = rng_for(d, seed, "device_inventory")
    life = d.devices.lifespan_years
    rows = []
    student = _age_mix(rng, d.devices.student_devices, d.devices.average_age_years, life + 2)
    for age, count in enumerate(student):
        if count == 0:
            continue
        year = start - age
        release = year - int(rng.integers(0, 2))
        modern = release >= 2021
        rows.append({
            "type": "student Chromebook",
            "model": f"Education Chromebook, {release} platform (synthetic)",
            "platform": "ChromeOS",
            "purchase_year": year,
            "count": int(count),
            "unit_cost": round(d.devices.unit_cost * rng.uniform(0.92, 1.08), 2),
            "platform_release_year": release,
            "aue_year": release + 10,
            "aue_opt_in": not modern,
            "aue_basis": ("Google: 10 years from platform release (H)" if modern
                          else "Google: 10 years from platform release if the administrator opts in to extended updates (H)"),
        })
    staff = _age_mix(rng, d.devices.staff_devices, d.devices.average_age_years + 0.5, life + 2)
    staff_cost = float(rng.uniform(850, 1_200))
    for age, count in enumerate(staff):
        if count == 0:
            continue
        year = start - age
        rows.append({
            "type": "staff Windows laptop",
            "model": f"Business laptop, {year} model (synthetic)",
            "platform": "Windows",
            "purchase_year": year,
            "count": int(count),
            "unit_cost": round(staff_cost * rng.uniform(0.95, 1.05), 2),
            "platform_release_year": year,
            "aue_year": pd.NA,
            "aue_opt_in": False,
            "aue_basis": "not applicable: Windows support follows the OS version (see software_inventory)",
        })
    frame = pd.DataFrame(rows)
    frame["aue_year"] = frame["aue_year"].astype("Int64")
    frame.insert(0, "group_id", [f"G{i + 1:02d}" for i in range(len(frame))])
    return frame


# upgrade cost per unit by category: synthetic and illustrative
_UPGRADE_COST = {"client OS": (0, 0), "server OS": (900, 1_400), "database": (2_500, 4_500),
                 "productivity": (0, 120), "email": (0, 60), "line of business": (15_000, 60_000),
                 "network": (2_000, 8_000), "backup": (5_000, 15_000)}


def software_inventory(district: Any, seed: int, fiscal_year: str | None = None) -> pd.DataFrame:
    """Installed software with vendor end-of-support dates, counts and upgrade costs.

    Returns
    -------
    DataFrame
        ``product``, ``version``, ``vendor``, ``category``, ``end_of_support``
        (a date), ``count`` (installs or licences, synthetic),
        ``upgrade_cost_per_unit`` ($, illustrative), ``source`` and
        ``confidence`` of the date.

    Examples
    --------
    >>> from workbook.districts import load_district
    >>> sw = software_inventory(load_district("sample-suburban"), 2026)
    >>> str(sw.loc[sw["product"] == "Windows 10", "end_of_support"].iloc[0])
    '2025-10-14'
    >>> set(sw["confidence"]) <= {"H", "M", "illustrative"}
    True
    """
    import pandas as pd

    d = as_district(district)
    _, start = fiscal_year_of(d, fiscal_year)
    rng = rng_for(d, seed, "software_inventory")
    catalog = reference_table("software_lifecycle")
    staff_devices = d.devices.staff_devices
    servers = max(3, d.schools // 3 + 3)
    client = rng.dirichlet([1.0, 3.0, 6.0]) * staff_devices  # Windows 10, 11 23H2, 11 24H2
    server = rng.multinomial(servers, rng.dirichlet([0.5, 2, 3, 2]))
    counts: list[int] = []
    for _, row in catalog.iterrows():
        cat, product, version = row["category"], row["product"], row["version"]
        if cat == "client OS":
            k = ["22H2", "23H2", "24H2"].index(version[:4])
            n = int(round(client[k]))
        elif product == "Windows Server":
            n = int(server[["2012 R2", "2016", "2019", "2022"].index(version)])
        elif cat == "database":
            n = int(rng.integers(0, 3))
        elif cat == "productivity":
            n = int(rng.integers(0, max(2, staff_devices // 20)))
        elif cat == "email":
            n = int(rng.integers(0, 2))
        else:
            n = 1
        counts.append(n)
    frame = catalog.assign(count=counts)
    frame = frame[frame["count"] > 0].reset_index(drop=True)
    low_high = [_UPGRADE_COST[c] for c in frame["category"]]
    frame["upgrade_cost_per_unit"] = [float(round(rng.uniform(lo, hi), -1)) for lo, hi in low_high]
    windows10 = frame["product"] == "Windows 10"
    if windows10.any():
        frame.loc[windows10, "upgrade_cost_per_unit"] = _windows10_cost(start, staff_cost_hint=float(rng.uniform(850, 1_200)))
    frame["end_of_support"] = pd.to_datetime(frame["end_of_support"]).dt.date
    columns = ["product", "version", "vendor", "category", "end_of_support", "count", "upgrade_cost_per_unit", "source", "confidence"]
    return pd.DataFrame(frame[columns])


def _windows10_cost(start_year: int, *, staff_cost_hint: float) -> float:
    """Per device: the education ESU price of the ESU year starting in the fiscal year, else a replacement laptop."""
    import datetime as dt

    from workbook.tools.reference import reference_table

    esu = reference_table("extended_security_updates")
    esu = esu[esu["product"] == "Windows 10"]
    begin, end = dt.date(start_year, 7, 1), dt.date(start_year + 1, 6, 30)
    for _, row in esu.iterrows():
        if begin <= dt.date.fromisoformat(str(row["starts"])) <= end:
            return float(row["price_per_device"])
    last = max(dt.date.fromisoformat(str(e)) for e in esu["ends"])
    if begin > last:
        return float(round(staff_cost_hint, -1))  # ESU over: the device must be replaced or upgraded
    return float(esu["price_per_device"].min())
