"""L6 Fiscal Management: the givens of the exercises, per district and seed.

Every amount here is **synthetic and illustrative**: plausible magnitudes for a
California district, varied by ``seed`` so candidates get different numbers.
None is a published price; candidates replace them with their own quotes.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from workbook.tools._validate import check_count, check_rate

__all__ = [
    "DeviceProgramInputs",
    "device_program_inputs",
    "PhoneMigration",
    "phone_migration",
    "GrantScenario",
    "grant_scenario",
    "budget_lines_with_grant",
    "LOADED_HOURS_PER_YEAR",
    "BENEFITS_LOAD",
]

#: Paid hours in a year for a full-time classified employee (2,080 less leave), for hourly costs.
LOADED_HOURS_PER_YEAR = 1_800
#: Benefits as a share of salary for an hourly "loaded" cost (illustrative; see E2 for statutory rates).
BENEFITS_LOAD = 0.40


def _rng(seed: int, salt: int) -> np.random.Generator:
    check_count("seed", seed)
    return np.random.default_rng([int(seed), salt])


@dataclass(frozen=True)
class DeviceProgramInputs:
    """The arguments of :func:`workbook.tools.tco_devices.device_program` for a 1:1 program."""

    devices: int
    students: int
    unit_cost: float
    refresh_years: int
    years: int
    options: dict[str, float]

    def as_kwargs(self) -> dict[str, Any]:
        """Everything as keyword arguments for ``device_program`` / ``device_program_tco``."""
        return {
            "devices": self.devices,
            "students": self.students,
            "unit_cost": self.unit_cost,
            "refresh_years": self.refresh_years,
            "years": self.years,
            **self.options,
        }

    def table(self) -> Any:
        """The inputs as a two-column table to show in the notebook."""
        import pandas as pd

        rows = self.as_kwargs()
        # object dtype keeps counts as whole numbers next to dollar amounts
        return pd.DataFrame({"value": pd.Series(list(rows.values()), dtype=object)}).set_index(pd.Index(list(rows), name="input"))


def device_program_inputs(district: Any, seed: int, *, refresh_years: int | None = None, years: int = 5) -> DeviceProgramInputs:
    """A 1:1 Chromebook program for ``district``: fleet, price and yearly costs.

    Counts and the device price come from the district profile; hours and
    per-device amounts are illustrative and vary with ``seed``.

    Examples
    --------
    >>> from workbook.districts import load_district
    >>> inputs = device_program_inputs(load_district("sample-rural"), seed=1)
    >>> inputs.devices == load_district("sample-rural").devices.student_devices
    True
    >>> inputs.options["hourly_labor_cost"] > 0
    True
    """
    years = check_count("years", years, minimum=1)
    refresh = district.devices.lifespan_years if refresh_years is None else check_count("refresh_years", refresh_years, minimum=1)
    rng = _rng(seed, 6001)
    it_hourly = district.salaries.it * (1 + BENEFITS_LOAD) / LOADED_HOURS_PER_YEAR
    teacher_hourly = district.salaries.certificated * (1 + BENEFITS_LOAD) / LOADED_HOURS_PER_YEAR
    r = lambda lo, hi, nd=2: round(float(rng.uniform(lo, hi)), nd)  # noqa: E731
    options = {
        "software_per_device": r(25, 45, 0),  # management licence and apps per device per year
        "connectivity_per_year": round(district.budget.connectivity * r(0.10, 0.20), -2),
        "facilities_upfront": round(district.schools * r(4_000, 9_000, 0), -2),  # charging carts, electrical
        "support_hours_per_device": r(0.8, 1.6),
        "hourly_labor_cost": round(it_hourly, 2),
        "pd_per_staff": r(60, 140, 0),
        "staff": float(district.staff.certificated),
        "user_support_hours_per_device": r(0.3, 0.8),
        "downtime_hours_per_device": r(0.5, 1.5),
        "user_hourly_cost": round(teacher_hourly / 4, 2),  # a student's hour valued at a quarter of a teacher's: illustrative
        "escalation": 0.03,
    }
    return DeviceProgramInputs(
        devices=int(district.devices.student_devices),
        students=int(district.enrollment.total),
        unit_cost=float(district.devices.unit_cost),
        refresh_years=int(refresh),
        years=years,
        options=options,
    )


@dataclass(frozen=True)
class PhoneMigration:
    """A move from an on-premises phone system to hosted VoIP: the quotes."""

    handsets: int
    upfront: float
    annual_cost_new: float
    annual_cost_old: float
    years: int

    @property
    def annual_savings(self) -> float:
        return self.annual_cost_old - self.annual_cost_new

    def cashflows(self) -> list[float]:
        """Year 0 the migration cost (negative), then the yearly savings."""
        return [-self.upfront] + [self.annual_savings] * self.years

    def table(self) -> Any:
        import pandas as pd

        return pd.DataFrame(
            {
                "value": pd.Series(
                    [self.handsets, self.upfront, self.annual_cost_old, self.annual_cost_new, self.annual_savings, self.years],
                    dtype=object,
                ).to_numpy()
            },
            index=pd.Index(
                [
                    "handsets",
                    "one-time migration cost (year 0)",
                    "current system: yearly cost",
                    "hosted VoIP: yearly cost",
                    "yearly savings",
                    "years compared",
                ],
                name="quote",
            ),
        )


def phone_migration(district: Any, seed: int, *, years: int = 7) -> PhoneMigration:
    """The district's phone-system migration quotes (illustrative, varied by seed).

    Examples
    --------
    >>> from workbook.districts import load_district
    >>> p = phone_migration(load_district("sample-suburban"), seed=3)
    >>> p.cashflows()[0] < 0 < p.annual_savings
    True
    """
    years = check_count("years", years, minimum=1)
    rng = _rng(seed, 6002)
    staff = district.staff.certificated + district.staff.classified
    handsets = int(round(staff * 0.55 + district.schools * 6))
    per_handset = float(rng.uniform(260, 340))
    implementation = float(district.schools * rng.uniform(2_500, 4_500))
    upfront = round(handsets * per_handset + implementation, -2)
    old = round(handsets * float(rng.uniform(95, 130)) + district.schools * 3_000, -2)
    new = round(handsets * float(rng.uniform(45, 70)), -2)
    return PhoneMigration(handsets, upfront, new, old, years)


@dataclass(frozen=True)
class GrantScenario:
    """A restricted three-year grant that pays for part of the technology plan."""

    name: str
    resource: str
    award: float
    years: int
    spend_share: tuple[float, ...]


def grant_scenario(district: Any, seed: int) -> GrantScenario:
    """A three-year restricted technology grant sized to the district (illustrative).

    Examples
    --------
    >>> from workbook.districts import load_district
    >>> g = grant_scenario(load_district("sample-urban"), seed=5)
    >>> g.resource, g.years, round(sum(g.spend_share), 6)
    ('4127', 3, 1.0)
    """
    rng = _rng(seed, 6003)
    per_student = float(rng.uniform(18, 30))
    award = round(district.enrollment.total * per_student, -2)
    first = round(float(rng.uniform(0.40, 0.50)), 2)
    second = round(float(rng.uniform(0.30, 0.35)), 2)
    return GrantScenario(
        name="Title IV, Part A technology grant (synthetic award)",
        resource="4127",
        award=award,
        years=3,
        spend_share=(first, second, round(1 - first - second, 2)),
    )


def budget_lines_with_grant(district: Any, seed: int, fiscal_year: str, *, salary_escalator: float = 0.02) -> tuple[list[Any], dict[str, list[Any]]]:
    """The technology department's lines plus the grant: ``(lines, one_time)`` for ``budget_worksheet``.

    Recurring lines: the district's technology spending (unrestricted 0000,
    salaries growing by ``salary_escalator``, CalPERS on IT salaries by year) and
    the LCFF share that funds it, held flat (as many boards do). One-time lines: the grant's award in the first
    year (restricted revenue) and its planned spending in each year.
    """
    from workbook.tools.budget_lines import BudgetLine, benefit_line
    from workbook.tools.fiscal_year import fiscal_years

    check_rate("salary_escalator", salary_escalator)
    b = district.budget
    salaries = BudgetLine("IT salaries", "expenditure", "0000", "2000", b.it_salaries, salary_escalator)
    lines = [
        salaries,
        benefit_line(salaries, "calpers"),
        BudgetLine("Devices", "expenditure", "0000", "4400", b.devices, 0.0),
        BudgetLine("Software licences", "expenditure", "0000", "5800", b.software, 0.03),
        BudgetLine("Connectivity", "expenditure", "0000", "5900", b.connectivity, 0.0),
        BudgetLine("Contracted services", "expenditure", "0000", "5800", b.contracted_services, 0.03),
        BudgetLine("Professional development", "expenditure", "0000", "5200", b.professional_development, 0.0),
        BudgetLine(
            "LCFF allocated to technology",
            "revenue",
            "0000",
            "8011",
            round(b.total, -2),
            "none",
        ),
    ]
    grant = grant_scenario(district, seed)
    years = fiscal_years(fiscal_year, grant.years)
    one_time: dict[str, list[Any]] = {years[0]: [BudgetLine(grant.name, "revenue", grant.resource, "8290", grant.award)]}
    for fy, share in zip(years, grant.spend_share):
        one_time.setdefault(fy, []).append(
            BudgetLine("Grant-funded devices and training", "expenditure", grant.resource, "4400", round(grant.award * share, 2))
        )
    return lines, one_time
