"""T3 Technology Services: the givens of the exercises, per district and seed.

The datasets themselves (device inventory, software inventory, a year of help
desk tickets) come from :mod:`workbook.datasets`; this module adds what an
exercise needs on top: the share of the device budget that goes to student
devices, the service levels the department promises, the number of desktop
support technicians and a small catalogue of internal services.

Every amount and service level here is **synthetic and illustrative**: a
plausible magnitude for a California district, varied by ``seed``. None is a
published benchmark; candidates replace them with their own.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np

from workbook.principles import salted_rng as _rng
from workbook.tools._validate import check_count, check_number
from workbook.tools.fiscal_year import check_fiscal_year, fiscal_year_start

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = [
    "RefreshInputs",
    "refresh_inputs",
    "student_fleet",
    "sla_targets",
    "support_technicians",
    "supported_staff",
    "service_catalogue",
    "software_as_of",
    "HIGH_PRIORITIES",
]

#: The priorities a service-level report calls "high".
HIGH_PRIORITIES = ("P1", "P2")


def student_fleet(inventory: Any) -> pd.DataFrame:
    """The student Chromebook rows of a device inventory (``purchase_year``, ``count``, ...).

    >>> import pandas as pd
    >>> inv = pd.DataFrame({"type": ["student Chromebook", "staff Windows laptop"], "purchase_year": [2024, 2023], "count": [10, 2]})
    >>> student_fleet(inv)["count"].tolist()
    [10]
    """
    import pandas as pd

    return pd.DataFrame(inventory[inventory["type"] == "student Chromebook"].reset_index(drop=True))


@dataclass(frozen=True)
class RefreshInputs:
    """What a level-loaded refresh of the student fleet works with."""

    annual_budget: float
    unit_cost: float
    lifespan_years: int
    years: int
    start: str

    def as_kwargs(self) -> dict[str, Any]:
        """Keyword arguments for :func:`workbook.tools.services.refresh_schedule` (after the inventory)."""
        return {"annual_budget": self.annual_budget, "unit_cost": self.unit_cost,
                "lifespan_years": self.lifespan_years, "years": self.years, "start": self.start}

    def table(self) -> pd.DataFrame:
        import pandas as pd

        return pd.DataFrame(
            {"value": [self.annual_budget, self.unit_cost, self.lifespan_years, self.years, self.start]},
            index=pd.Index(["annual budget for student devices ($)", "price of one device ($)",
                            "planned lifespan (years)", "years planned", "first fiscal year"], name="input"),
        )


def refresh_inputs(district: Any, seed: int, fiscal_year: str, *, years: int = 5) -> RefreshInputs:
    """The student-device refresh budget: a seeded share of the district's device line.

    The device line (SACS object 4400) also buys staff laptops, carts and
    spares, so 60-85% of it (seeded, illustrative) goes to student devices.

    Examples
    --------
    >>> from workbook.districts import load_district
    >>> d = load_district("sample-rural")
    >>> r = refresh_inputs(d, 2026, "2026-27")
    >>> 0.6 * d.budget.devices <= r.annual_budget <= 0.85 * d.budget.devices, r.lifespan_years, r.start
    (True, 5, '2026-27')
    """
    fy = check_fiscal_year("fiscal_year", fiscal_year)
    n = check_count("years", years, minimum=1)
    share = float(_rng(seed, 3001).uniform(0.60, 0.85))
    budget = round(district.budget.devices * share, -3)
    return RefreshInputs(float(budget), float(district.devices.unit_cost), int(district.devices.lifespan_years), n, fy)


def sla_targets(p1_hours: float = 4.0, p2_hours: float = 8.0) -> dict[str, float]:
    """Hours to resolve promised per priority: P1 and P2 as given, P3 24 and P4 72 (illustrative).

    >>> sla_targets(2, 6)
    {'P1': 2.0, 'P2': 6.0, 'P3': 24.0, 'P4': 72.0}
    >>> sla_targets(-1)
    Traceback (most recent call last):
    ...
    workbook.errors.InputError: p1_hours = -1 is not allowed: expected a number > 0
    """
    p1 = check_number("p1_hours", p1_hours, minimum=0, strict_minimum=True)
    p2 = check_number("p2_hours", p2_hours, minimum=0, strict_minimum=True)
    return {"P1": p1, "P2": p2, "P3": 24.0, "P4": 72.0}


def support_technicians(district: Any, seed: int) -> float:
    """Full-time equivalents of desktop support among the IT staff (seeded 45-70%, at least 1).

    >>> from workbook.districts import load_district
    >>> d = load_district("sample-urban")
    >>> 1 <= support_technicians(d, 7) <= d.staff.it
    True
    """
    share = float(_rng(seed, 3002).uniform(0.45, 0.70))
    return max(1.0, round(district.staff.it * share * 2) / 2)  # to the half FTE


def supported_staff(district: Any) -> int:
    """Staff the help desk supports: certificated plus classified employees."""
    return int(district.staff.certificated + district.staff.classified)


def software_as_of(fiscal_year: str) -> str:
    """The date software currency is measured from: July 1 of the fiscal year.

    >>> software_as_of("2026-27")
    '2026-07-01'
    """
    return f"{fiscal_year_start(check_fiscal_year('fiscal_year', fiscal_year))}-07-01"


_SERVICES = [
    # service, what users get, hours of coverage, target (illustrative), FTE per 1,000 devices (illustrative)
    ("Help desk and desktop support", "device and account problems fixed", "school days 7:00-17:00", "P2 within 8 hours", 0.55),
    ("Device lifecycle", "imaging, deployment, repair, refresh, disposal", "school days", "new staff device within 5 days", 0.25),
    ("Network and Wi-Fi", "internet, WAN, wireless in every room", "24x7 monitoring", "99.9% availability in school hours", 0.12),
    ("Identity and accounts", "accounts, passwords, single sign-on, MFA", "school days, self-service 24x7", "new account within 1 day", 0.06),
    ("Student information system support", "SIS, rostering, state reporting", "school days", "reporting deadlines met", 0.08),
    ("Classroom audio-visual", "displays, projectors, sound", "school days", "classroom display within 1 day", 0.10),
    ("Security operations", "patching, backups, monitoring, incident response", "24x7 on call", "critical patches within 14 days", 0.08),
]


def service_catalogue(district: Any, seed: int) -> pd.DataFrame:
    """A draft catalogue of the department's internal services with levels and staff (illustrative).

    ``fte_needed`` scales an illustrative staffing factor per 1,000 devices
    (varied +-15% by seed) to the district's fleet.

    Examples
    --------
    >>> from workbook.districts import load_district
    >>> cat = service_catalogue(load_district("sample-suburban"), 1)
    >>> list(cat.columns)
    ['service', 'what users get', 'hours', 'service level', 'fte_needed']
    >>> bool((cat["fte_needed"] > 0).all())
    True
    """
    import pandas as pd

    rng = _rng(seed, 3003)
    devices = district.devices.student_devices + district.devices.staff_devices
    rows = []
    for name, what, hours, level, per_k in _SERVICES:
        fte = per_k * devices / 1000 * float(rng.uniform(0.85, 1.15))
        rows.append({"service": name, "what users get": what, "hours": hours, "service level": level,
                     "fte_needed": max(0.1, round(fte, 1))})
    return pd.DataFrame(rows)
