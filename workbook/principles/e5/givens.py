"""E5 Finance Centered Aspects: the givens of the exercises, per district and seed (no Jupyter).

Every figure is **synthetic**: derived from the district profile (enrollment,
ADA, unduplicated share, staff, salaries, revenue) and varied by ``seed``, so
each candidate gets their own numbers and the rubric recomputes them. Rates
and rules come from the calculators in :mod:`workbook.tools.funding` and the
reference tables; nothing here is a published price.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from workbook.tools._validate import check_rate
from workbook.tools.benefits import benefit_lines, health_and_welfare_line
from workbook.tools.budget_lines import BudgetLine, line_values
from workbook.tools.erate import c2_budget
from workbook.tools.fiscal_year import check_fiscal_year, fiscal_years
from workbook.tools.funding import SPANS, FundedAda, ada_from_attendance, funded_ada, lcff_entitlement
from workbook.tools.purchasing import bid_threshold
from workbook.principles import salted_rng as _rng

__all__ = [
    "attendance_register",
    "p2_ada",
    "AdaHistory",
    "ada_history",
    "purchase_list",
    "district_in_cupccaa",
    "C2Project",
    "c2_project",
    "revenue_by_source",
    "GeneralFund",
    "general_fund",
]

#: School months of the P-2 period (July 1 to April 15) and the days taught in each, before the seed's variation.
_MONTHS = ("Month 1 (Aug-Sep)", "Month 2 (Sep-Oct)", "Month 3 (Oct-Nov)", "Month 4 (Nov-Dec)",
           "Month 5 (Jan)", "Month 6 (Feb-Mar)", "Month 7 (Mar-Apr)")
_DAYS = (20, 20, 18, 17, 19, 18, 20)



def attendance_register(district: Any, seed: int) -> pd.DataFrame:
    """The district's P-2 attendance: days taught and days of attendance by grade span, per school month.

    Each span attends at about the rate of the profile's ADA over enrollment,
    moved a little by month and seed.

    Examples
    --------
    >>> from workbook.districts import load_district
    >>> reg = attendance_register(load_district("sample-rural"), 1)
    >>> list(reg.columns)
    ['days_taught', 'tk_3', 'g4_6', 'g7_8', 'g9_12']
    >>> int(reg["days_taught"].sum()) in range(126, 137)
    True
    """
    rng = _rng(seed, 5001)
    days = [d - int(rng.integers(0, 2)) for d in _DAYS]
    level = float(rng.uniform(0.985, 1.01))
    frame = pd.DataFrame({"days_taught": days}, index=pd.Index(_MONTHS, name="school month"))
    for span in SPANS:
        enrolled = int(getattr(district.enrollment, span))
        rate = min(0.99, float(getattr(district.ada, span)) / enrolled * level) if enrolled else 0.0
        monthly = np.clip(rate + rng.normal(0, 0.006, len(days)), 0, 1)
        frame[span] = [int(round(enrolled * r * d)) for r, d in zip(monthly, days)]
    return frame


def p2_ada(register: pd.DataFrame) -> dict[str, float]:
    """P-2 ADA by span from an attendance register: each span's days of attendance over days taught."""
    return {s: ada_from_attendance(list(register[s]), list(register["days_taught"])) for s in SPANS}


@dataclass(frozen=True)
class AdaHistory:
    """This year's P-2 ADA and the three prior years' (most recent first), by span."""

    current: dict[str, float]
    prior_years: tuple[dict[str, float], ...]
    trend: float

    def funded(self) -> FundedAda:
        """The ADA the state funds this year (declining-enrollment protection)."""
        return funded_ada(self.current, list(self.prior_years))

    def table(self) -> pd.DataFrame:
        """Total ADA by year, oldest first, with the three-year average of the prior years."""
        rows = {"three years ago": self.prior_years[2], "two years ago": self.prior_years[1],
                "prior year": self.prior_years[0], "current year (P-2)": self.current}
        frame = pd.DataFrame(rows).T[list(SPANS)]
        frame["total"] = frame.sum(axis=1)
        return frame.round(2)


def ada_history(district: Any, seed: int) -> AdaHistory:
    """This year's P-2 ADA (from :func:`attendance_register`) and three synthetic prior years.

    Year-to-year changes are drawn between -5% and +3.5%, so some districts
    grow, some decline and some bounce.

    >>> from workbook.districts import load_district
    >>> h = ada_history(load_district("sample-urban"), 3)
    >>> len(h.prior_years), h.funded().method in ("current", "prior", "three-year average")
    (3, True)
    """
    current = p2_ada(attendance_register(district, seed))
    rng = _rng(seed, 5002)
    changes = rng.uniform(-0.05, 0.035, 3)
    years, later = [], current
    for g in changes:
        later = {s: round(v / (1 + float(g)), 2) for s, v in later.items()}
        years.append(later)
    return AdaHistory(current=current, prior_years=tuple(years), trend=round(float(changes[0]), 4))


def district_in_cupccaa(seed: int) -> bool:
    """Whether the district has opted into the Uniform Public Construction Cost Accounting Act (synthetic)."""
    return bool(_rng(seed, 5003).random() < 0.5)


def purchase_list(district: Any, seed: int, fiscal_year: str) -> pd.DataFrame:
    """This year's technology purchases, with the contracts the district could use (synthetic).

    Amounts are set around the PCC 20111 threshold of each purchase's
    calendar year so that the decision is never obvious; two device orders
    serve one need.

    >>> from workbook.districts import load_district
    >>> p = purchase_list(load_district("sample-suburban"), 2, "2026-27")
    >>> list(p["id"])[:3], set(p["kind"]) <= {"supplies", "technology", "services", "public_project"}
    (['P1', 'P2', 'P3'], True)
    """
    start = int(check_fiscal_year("fiscal_year", fiscal_year)[:4])
    rng = _rng(seed, 5004)
    threshold = bid_threshold(start)
    share = lambda lo, hi: round(threshold * float(rng.uniform(lo, hi)), -2)  # noqa: E731
    size = max(1.0, district.enrollment.total / 10_000) ** 0.5
    rows = [
        ("P1", "Chromebooks and carts, elementary schools", "technology", share(0.60, 0.95), f"{start}-08-04", "student device refresh", "none"),
        ("P2", "Chromebooks and carts, middle schools", "technology", share(0.50, 0.90), f"{start}-10-13", "student device refresh", "none"),
        ("P3", "Core network switches", "technology", round(share(1.5, 3.0) * size, -2), f"{start}-09-08", "",
         str(rng.choice(["piggyback", "none"]))),
        ("P4", "Next-generation firewalls", "technology", share(0.7, 1.6), f"{start + 1}-01-20", "",
         str(rng.choice(["cmas", "none"]))),
        ("P5", "Classroom data cabling and electrical work", "public_project", round(float(rng.uniform(9_000, 90_000)), -2),
         f"{start + 1}-06-15", "", "none"),
        ("P6", "Help desk and asset management service, one year", "services", share(0.75, 1.3), f"{start}-07-15", "", "none"),
        ("P7", "Toner, cables and adapters", "supplies", round(float(rng.uniform(4_000, 30_000)), -2), f"{start + 1}-02-02", "", "none"),
        ("P8", "Student information system, three-year subscription", "technology", round(share(1.2, 2.5) * size, -2),
         f"{start + 1}-03-09", "", "none"),
    ]
    return pd.DataFrame(rows, columns=["id", "description", "kind", "amount", "date", "need", "contract"])


@dataclass(frozen=True)
class C2Project:
    """A Category Two (internal connections) project and what is left of the five-year C2 budget."""

    cycle: str
    school_enrollments: tuple[int, ...]
    used_before: float
    project_cost: float

    @property
    def budget(self) -> float:
        """The district's five-year, pre-discount C2 budget (per-school floors summed)."""
        return c2_budget(list(self.school_enrollments), self.cycle)

    @property
    def remaining(self) -> float:
        """What is left of it for this project, in dollars."""
        return round(max(0.0, self.budget - self.used_before), 2)

    def table(self) -> pd.DataFrame:
        rows = {"Category Two cycle": self.cycle, "schools": len(self.school_enrollments),
                "students at the smallest school": min(self.school_enrollments),
                "C2 budget already committed in earlier years (US$)": self.used_before,
                "wireless and switching project, pre-discount (US$)": self.project_cost}
        return pd.DataFrame({"value": pd.Series(list(rows.values()), dtype=object).to_numpy()}, index=pd.Index(list(rows), name="item"))


def c2_project(district: Any, seed: int, fiscal_year: str) -> C2Project:
    """The district's schools, its earlier C2 commitments and this year's wireless project (synthetic).

    >>> from workbook.districts import load_district
    >>> c = c2_project(load_district("sample-rural"), 4, "2026-27")
    >>> c.cycle, sum(c.school_enrollments) == load_district("sample-rural").enrollment.total
    ('FY2026-30', True)
    """
    start = int(check_fiscal_year("fiscal_year", fiscal_year)[:4])
    rng = _rng(seed, 5005)
    total = int(district.enrollment.total)
    shares = rng.dirichlet(np.full(district.schools, 3.0))
    counts = np.floor(shares * total).astype(int)
    counts[0] += total - int(counts.sum())
    cycle = "FY2026-30" if start >= 2026 else "FY2021-25"
    budget = c2_budget([int(c) for c in counts], cycle)
    used = round(budget * float(rng.uniform(0.15, 0.55)), -2)
    cost = round(budget * float(rng.uniform(0.35, 0.75)), -2)
    return C2Project(cycle, tuple(int(c) for c in counts), used, cost)


def revenue_by_source(district: Any, seed: int) -> pd.DataFrame:
    """General fund revenue by source, restricted or not (synthetic split of the profile's revenue).

    >>> from workbook.districts import load_district
    >>> d = load_district("sample-suburban")
    >>> t = revenue_by_source(d, 1)
    >>> round(t["dollars"].sum()) == round(d.revenue.total)
    True
    """
    rng = _rng(seed, 5006)
    r = district.revenue
    f = rng.dirichlet([5, 1, 1, 4])  # Title I, II-A, IV-A, other federal (IDEA special education ...)
    lottery = round(r.other_state * float(rng.uniform(0.12, 0.18)), -2)
    restricted_lottery = round(lottery * float(rng.uniform(0.25, 0.35)), -2)
    mandates = round(r.other_state * float(rng.uniform(0.03, 0.06)), -2)
    rows = [
        ("LCFF (base, supplemental, concentration)", "0000", False, r.lcff),
        ("Title I, Part A", "3010", True, round(r.federal * f[0], -2)),
        ("Title II, Part A", "4035", True, round(r.federal * f[1], -2)),
        ("Title IV, Part A", "4127", True, round(r.federal * f[2], -2)),
        ("Other federal (special education ...)", "3310", True, 0.0),
        ("Lottery, unrestricted", "1100", False, lottery - restricted_lottery),
        ("Lottery, instructional materials (Prop 20)", "6300", True, restricted_lottery),
        ("Mandate Block Grant", "0000", False, mandates),
        ("Other state (special education, block grants ...)", "6500", True, 0.0),
        ("Local (interest, leases, parcel tax ...)", "0000", False, r.local),
    ]
    frame = pd.DataFrame(rows, columns=["source", "resource", "restricted", "dollars"]).set_index("source")
    frame.loc["Other federal (special education ...)", "dollars"] = r.federal - frame.loc[["Title I, Part A", "Title II, Part A", "Title IV, Part A"], "dollars"].sum()
    frame.loc["Other state (special education, block grants ...)", "dollars"] = r.other_state - lottery - mandates
    return frame


@dataclass(frozen=True)
class GeneralFund:
    """The inputs of a three-year general fund projection (see :func:`workbook.tools.funding.multiyear_projection`)."""

    lines: tuple[BudgetLine, ...]
    one_time: dict[str, list[BudgetLine]]
    beginning_balance: float
    ada: tuple[float, float, float]
    lcff: tuple[float, float, float]
    methods: tuple[str, str, str]

    def table(self) -> pd.DataFrame:
        """The recurring lines: description, kind, SACS resource and object, first-year amount, growth."""
        rows = [(line.description, line.kind, line.resource, line.object_code, line.amount,
                 f"{line.pension} rate by year" if line.pension else line.escalator) for line in self.lines]
        return pd.DataFrame(rows, columns=["line", "kind", "resource", "object", "first-year amount", "growth"]).set_index("line")

    def kwargs(self) -> dict[str, Any]:
        """The keyword arguments of ``multiyear_projection`` besides the lines and the start year."""
        return {"one_time": self.one_time, "beginning_balance": self.beginning_balance, "ada": list(self.ada)}


def general_fund(district: Any, seed: int, fiscal_year: str, *, salary_growth: float | None = None,
                 ada_trend: float | None = None) -> GeneralFund:
    """The district's general fund for a multiyear projection (synthetic, from the profile).

    Revenue: LCFF each year from the funded ADA (this year's P-2 and history,
    then ADA moving by ``ada_trend`` a year), federal money (restricted,
    spent as received), other state and local revenue (flat). Expenditure:
    certificated and classified pay growing by ``salary_growth`` (steps and
    settlements), their statutory benefits by year (CalSTRS or CalPERS,
    Medicare, Social Security for classified, UI, workers' compensation),
    health and welfare per employee, and other operating costs growing 3%,
    set so that this year's budget is close to balanced.

    >>> from workbook.districts import load_district
    >>> g = general_fund(load_district("sample-rural"), 7, "2026-27")
    >>> len(g.one_time), g.lcff[0] > 0, g.beginning_balance > 0
    (3, True, True)
    """
    years = fiscal_years(check_fiscal_year("fiscal_year", fiscal_year), 3)
    rng = _rng(seed, 5007)
    history = ada_history(district, seed)
    growth = float(rng.uniform(0.015, 0.04)) if salary_growth is None else check_rate("salary_growth", salary_growth)
    trend = history.trend if ada_trend is None else check_rate("ada_trend", ada_trend)
    current, prior = dict(history.current), list(history.prior_years)
    lcff, methods, adas, one_time = [], [], [], {}
    for k, fy in enumerate(years):
        if k:
            prior = [current] + prior
            current = {s: v * (1 + trend) for s, v in current.items()}
        funded = funded_ada(current, prior)
        amount = round(lcff_entitlement(funded.ada, district.unduplicated_pct, fy).total, 2)
        lcff.append(amount)
        methods.append(funded.method)
        adas.append(round(sum(current.values()), 2))
        one_time[fy] = [BudgetLine("LCFF on funded ADA", "revenue", "0000", "8011", amount)]
    r, staff, pay = district.revenue, district.staff, district.salaries
    cert = BudgetLine("Certificated salaries", "expenditure", "0000", "1100", staff.certificated * pay.certificated, growth)
    classified = BudgetLine("Classified salaries", "expenditure", "0000", "2000", staff.classified * pay.classified, growth)
    health = health_and_welfare_line("Health and welfare", (staff.certificated + staff.classified) * float(rng.uniform(14_000, 19_000)), escalator=0.05)
    people = [cert, *benefit_lines(cert, "calstrs"), classified, *benefit_lines(classified, "calpers"), health]

    paid = sum(float(line_values(line, years[:1])[0]) for line in people)
    unrestricted = lcff[0] + r.other_state + r.local
    other = max(0.0, unrestricted * (1 + float(rng.uniform(-0.02, 0.025))) - paid)
    lines = [
        BudgetLine("Federal revenue (Title I, II-A, IV-A, special education)", "revenue", "3010", "8290", r.federal),
        BudgetLine("Federal programs spent as received", "expenditure", "3010", "5800", r.federal),
        BudgetLine("Other state revenue", "revenue", "0000", "8590", r.other_state),
        BudgetLine("Local revenue", "revenue", "0000", "8699", r.local),
        *people,
        BudgetLine("Books, supplies, services and capital outlay", "expenditure", "0000", "5800", round(other, -2), 0.03),
    ]
    spend = paid + other + r.federal
    beginning = round(spend * float(rng.uniform(0.02, 0.10)), -3)
    return GeneralFund(tuple(lines), one_time, beginning, tuple(adas), tuple(lcff), tuple(methods))
