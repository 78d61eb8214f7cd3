"""L6 Fiscal Management: the givens of the exercises, per district and seed.

Every amount here is **synthetic and illustrative**: plausible magnitudes for a
California district, varied by ``seed`` so candidates get different numbers.
None is a published price; candidates replace them with their own quotes.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from workbook.principles import salted_rng as _rng
from workbook.tools._validate import check_count, check_rate

__all__ = [
    "DeviceProgramInputs",
    "device_program_inputs",
    "PhoneMigration",
    "phone_migration",
    "TitleIVAScenario",
    "title_iv_a_scenario",
    "budget_lines_with_grant",
    "HostingMove",
    "hosting_move",
    "platform_age_at_purchase",
    "LOADED_HOURS_PER_YEAR",
    "BENEFITS_LOAD",
]

#: Paid hours in a year for a full-time classified employee (2,080 less leave), for hourly costs.
LOADED_HOURS_PER_YEAR = 1_800
#: Benefits as a share of salary for an hourly "loaded" cost (illustrative; see E2 for statutory rates).
BENEFITS_LOAD = 0.40


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
class TitleIVAScenario:
    """The district's Title IV, Part A allocations and the technology department's part of them.

    Title IV-A is an annual allocation (not a multi-year grant): ``allocation``
    arrives each year. The district's plan gives ``technology_share`` of it to
    the effective use of technology (the rest goes to well-rounded education,
    safe and healthy students and administration, outside the technology
    department). Of the technology part, at most 15% may buy infrastructure
    (devices, equipment, software): ``infrastructure_share`` of it does, the
    rest pays for professional development in using technology well. Each year
    ``spent_in_year`` of the year's technology part is spent; the rest carries
    over and is spent the next year.
    """

    name: str
    resource: str
    allocation: float
    years: int
    technology_share: float
    infrastructure_share: float
    spent_in_year: float

    @property
    def technology(self) -> float:
        """The technology part of one year's allocation, in dollars."""
        return round(self.allocation * self.technology_share, 2)

    def spending(self) -> list[float]:
        """Technology dollars spent in each year (this year's part plus last year's carry-over)."""
        out, carry = [], 0.0
        for _ in range(self.years):
            now = round(self.technology * self.spent_in_year, 2)
            out.append(round(now + carry, 2))
            carry = round(self.technology - now, 2)
        return out

    def table(self) -> Any:
        import pandas as pd

        rows = {
            "allocation each year (US$)": self.allocation,
            "share planned for technology": self.technology_share,
            "technology part each year (US$)": self.technology,
            "share of the technology part on devices (infrastructure)": self.infrastructure_share,
            "share of the technology part spent in its own year": self.spent_in_year,
        }
        return pd.DataFrame({"value": pd.Series(list(rows.values()), dtype=object)}, index=pd.Index(list(rows), name="Title IV-A"))


def title_iv_a_scenario(district: Any, seed: int, *, years: int = 3) -> TitleIVAScenario:
    """The district's yearly Title IV-A allocation and its technology plan (illustrative, varied by seed).

    Examples
    --------
    >>> from workbook.districts import load_district
    >>> t = title_iv_a_scenario(load_district("sample-urban"), seed=5)
    >>> t.resource, t.years, t.allocation >= 30_000, t.infrastructure_share <= 0.15
    ('4127', 3, True, True)
    """
    years = check_count("years", years, minimum=1)
    rng = _rng(seed, 6003)
    per_student = float(rng.uniform(18, 30))
    allocation = round(max(31_000.0, district.enrollment.total * per_student), -2)
    return TitleIVAScenario(
        name="Title IV, Part A (synthetic allocation)",
        resource="4127",
        allocation=allocation,
        years=years,
        technology_share=round(float(rng.uniform(0.30, 0.45)), 2),
        infrastructure_share=round(float(rng.uniform(0.10, 0.15)), 2),
        spent_in_year=round(float(rng.uniform(0.75, 0.90)), 2),
    )


#: Yearly growth of health and welfare benefits (illustrative: premiums have risen faster than pay).
HEALTH_ESCALATOR = 0.05


def budget_lines_with_grant(district: Any, seed: int, fiscal_year: str, *, salary_escalator: float = 0.02) -> tuple[list[Any], dict[str, list[Any]]]:
    """The technology department's lines plus its Title IV-A part: ``(lines, one_time)`` for ``budget_worksheet``.

    Recurring lines cover everything the district profile's technology budget
    holds, so the base year balances: IT salaries growing by
    ``salary_escalator``; their benefits (CalPERS by year, Social Security,
    Medicare, unemployment insurance and workers' compensation as shares of
    pay, and health and welfare as the rest of the profile's benefits,
    growing 5% a year: illustrative); devices, software, connectivity,
    contracts, professional development and the **capital equipment** line
    (object 6400); funded by the LCFF allocation the board holds flat.
    One-time lines, year by year: the Title IV-A technology spending
    (restricted resource 4127: professional development, and devices within
    the 15% infrastructure limit) and its revenue **recognised as spent** (the
    carried-over part is deferred, not a surplus).
    """
    from workbook.tools.benefits import benefit_lines, health_and_welfare_line
    from workbook.tools.budget_lines import BudgetLine, line_values
    from workbook.tools.fiscal_year import fiscal_years
    from workbook.tools.title_iv import recognized_revenue

    check_rate("salary_escalator", salary_escalator)
    b = district.budget
    salaries = BudgetLine("IT salaries", "expenditure", "0000", "2000", b.it_salaries, salary_escalator)
    benefits = benefit_lines(salaries, "calpers")
    statutory = sum(float(line_values(line, [fiscal_year])[0]) for line in benefits)
    health = round(max(0.0, float(b.it_benefits) - statutory), 2)
    lines = [
        salaries,
        *benefits,
        health_and_welfare_line("Health and welfare, IT staff", health, escalator=HEALTH_ESCALATOR),
        BudgetLine("Devices", "expenditure", "0000", "4400", b.devices, 0.0),
        BudgetLine("Software licences", "expenditure", "0000", "5800", b.software, 0.03),
        BudgetLine("Connectivity", "expenditure", "0000", "5900", b.connectivity, 0.0),
        BudgetLine("Contracted services", "expenditure", "0000", "5800", b.contracted_services, 0.03),
        BudgetLine("Professional development", "expenditure", "0000", "5200", b.professional_development, 0.0),
        BudgetLine("Capital equipment (network, servers)", "expenditure", "0000", "6400", b.capital_equipment, 0.0),
        BudgetLine("LCFF allocated to technology", "revenue", "0000", "8011", round(b.total, -2), "none"),
    ]
    grant = title_iv_a_scenario(district, seed)
    years = fiscal_years(fiscal_year, grant.years)
    spending = grant.spending()
    revenue = recognized_revenue(grant.technology * grant.years, spending)
    one_time: dict[str, list[Any]] = {}
    for fy, spent, booked in zip(years, spending, revenue):
        devices = round(spent * grant.infrastructure_share, 2)
        one_time[fy] = [
            BudgetLine("Title IV-A technology part, recognised as spent", "revenue", grant.resource, "8290", booked["revenue"]),
            BudgetLine("Title IV-A: devices (technology infrastructure)", "expenditure", grant.resource, "4400", devices),
            BudgetLine("Title IV-A: professional development in using technology", "expenditure", grant.resource, "5200",
                       round(spent - devices, 2)),
        ]
    return lines, one_time


@dataclass(frozen=True)
class HostingMove:
    """Moving the district's on-premises servers to a hosted data center: a thin-margin project (synthetic)."""

    upfront: float
    annual_savings: float
    years: int

    def cashflows(self) -> list[float]:
        """Year 0 the move (negative), then the yearly savings."""
        return [-self.upfront] + [self.annual_savings] * self.years

    def table(self) -> Any:
        import pandas as pd

        return pd.DataFrame(
            {"value": pd.Series([self.upfront, self.annual_savings, self.years], dtype=object).to_numpy()},
            index=pd.Index(["one-time cost of the move (year 0)", "yearly savings (power, cooling, hardware refresh)", "years compared"], name="quote"),
        )


def hosting_move(district: Any, seed: int, *, years: int = 10) -> HostingMove:
    """Quotes for moving servers to a hosted data center, with a return near the usual discount rates.

    >>> from workbook.districts import load_district
    >>> from workbook.tools.finance import irr
    >>> m = hosting_move(load_district("sample-suburban"), seed=3)
    >>> 0.01 < irr(m.cashflows()) < 0.09
    True
    """
    years = check_count("years", years, minimum=1)
    rng = _rng(seed, 6004)
    upfront = round(max(1, int(district.schools)) ** 0.7 * float(rng.uniform(40_000, 70_000)), -2)
    target = float(rng.uniform(0.015, 0.085))
    savings = round(upfront * target / (1 - (1 + target) ** -years), -2)
    return HostingMove(upfront, savings, years)


def platform_age_at_purchase(seed: int) -> int:
    """Years between the quoted Chromebook model's platform release and the purchase (synthetic, 1-5).

    >>> 1 <= platform_age_at_purchase(7) <= 5
    True
    """
    return int(_rng(seed, 6005).integers(1, 6))
