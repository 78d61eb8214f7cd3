"""Infrastructure: bandwidth targets, wireless access points, availability and the E-rate C2 budget.

Bandwidth targets come from the reference table ``bandwidth_targets`` (FCC 14-99,
the 2014 E-rate Modernization Order, which adopted SETDA's goals of 100 Mbps per
1,000 users short term and 1 Gbps per 1,000 long term, with WAN links of
10 Gbps per 1,000; and SETDA's *Broadband Imperative II*, 2016, whose per-user
targets for 2017-18 and 2020-21 depend on district size). Districts are
sized by **students**. Each target row says what it counts (``counts``): the
FCC's internet goals are per 1,000 students and staff, SETDA's 2016 targets
and the WAN target are per student; staff are added only where the source
adds them.

Availability follows the usual reliability algebra: links in series are all
needed (multiply availabilities), links in parallel back each other up (the
service fails only when all fail), failures assumed independent.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from workbook.errors import InputError
from workbook.tools._validate import check_choice, check_count, check_fraction, check_number, check_rate
from workbook.tools.erate import c2_budget, erate_net_cost
from workbook.tools.fiscal_year import check_fiscal_year, fiscal_years
from workbook.tools.reference import reference_table

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = [
    "HOURS_PER_YEAR",
    "size_class",
    "bandwidth_target",
    "bandwidth_need",
    "wan_need",
    "bandwidth_projection",
    "access_points_needed",
    "availability_series",
    "availability_parallel",
    "downtime_per_year",
    "c2_five_year_budget",
    "STANDARD_LINKS_MBPS",
    "smallest_link",
]

#: Hours in a 365-day year.
HOURS_PER_YEAR = 8760.0
SIZES = ("small", "medium", "large")


def size_class(students: int) -> str:
    """SETDA's size class for a number of students: small under 1,000, large over 10,000.

    SETDA published targets for three example districts (under 1,000, about
    3,000 and over 10,000 students); the workbook treats everything in between
    as medium.

    >>> size_class(800), size_class(3_000), size_class(12_000)
    ('small', 'medium', 'large')
    """
    n = check_count("students", students)
    return "small" if n < 1_000 else "large" if n > 10_000 else "medium"


def _targets() -> pd.DataFrame:
    return reference_table("bandwidth_targets")


def bandwidth_target(year: str, district_size: str | None = None, students: int | None = None, *, users: int | None = None) -> dict[str, Any]:
    """The target row that applies in fiscal ``year``: per-student Mbps, minimum, source.

    Before 2017-18 the FCC short-term goal applies (0.1 Mbps per user); from
    2017-18 SETDA's 2017-18 targets by size; from 2020-21 on SETDA's 2020-21
    targets (the latest published, carried forward). ``district_size`` defaults
    to :func:`size_class` of ``students``. The ``mbps_per_user`` key keeps the
    table's column name; ``counts`` says whom the target counts. ``users`` is
    the old name of ``students``, still accepted.

    >>> t = bandwidth_target("2026-27", "small")
    >>> t["target"], t["mbps_per_user"], t["minimum_mbps"], t["confidence"]
    ('setda-2020-21', 4.3, 300.0, 'M')
    """
    fy = check_fiscal_year("year", year)
    if students is None:
        students = users
    if district_size is None:
        if students is None:
            raise InputError("district_size", None, "small, medium or large (or give students)")
        size = size_class(students)
    else:
        size = check_choice("district_size", district_size, SIZES)
    table = _targets()
    table = table[(table["kind"] == "internet") & (table["applies_from"] <= fy)]
    table = table[(table["district_size"] == size) | ((table["district_size"] == "any") & (table["target"] == "fcc-short-term"))]
    if table.empty:
        raise InputError("year", year, "2014-15 or later (the FCC short-term goal starts there)")
    row = table.sort_values(["applies_from", "district_size"], kind="mergesort").iloc[-1]
    return {
        "target": str(row["target"]),
        "district_size": size,
        "applies_from": str(row["applies_from"]),
        "mbps_per_user": float(row["mbps_per_user"]),
        "counts": str(row["counts"]),
        "minimum_mbps": float(row["minimum_mbps"]),
        "source": str(row["source"]),
        "confidence": str(row["confidence"]),
    }


def bandwidth_need(students: int, year: str, district_size: str | None = None, *, staff: int = 0) -> float:
    """Internet bandwidth (Mbps) a district should have in fiscal ``year`` for ``students``.

    ``max(count x per-unit target, minimum)`` from :func:`bandwidth_target`,
    where the count is the students, plus ``staff`` only when the target row
    counts staff (the FCC's 2014 goals do; SETDA's 2016 targets do not).

    Parameters
    ----------
    students
        Enrolled students (staff are not added: the targets are per student).
    year
        Fiscal year, e.g. ``"2026-27"``.
    district_size
        ``"small"``, ``"medium"`` or ``"large"``; by default from ``students``.
    staff
        Staff head count, added only under a target that counts staff.

    Examples
    --------
    >>> bandwidth_need(3_000, "2026-27")          # 3 Gbps per 1,000 students
    9000.0
    >>> bandwidth_need(50, "2026-27")             # small district: the 300 Mbps minimum
    300.0
    >>> bandwidth_need(3_000, "2026-27", staff=400)   # SETDA counts students only
    9000.0
    >>> bandwidth_need(5_000, "2015-16", staff=600)   # FCC short-term goal: 100 Mbps per 1,000 students and staff
    560.0
    >>> bandwidth_need(-3, "2026-27")
    Traceback (most recent call last):
    ...
    workbook.errors.InputError: students = -3 is not allowed: expected a whole number >= 0
    """
    n = check_count("students", students)
    extra = check_count("staff", staff)
    target = bandwidth_target(year, district_size, students=n)
    count = n + extra if "staff" in target["counts"] else n
    return round(max(count * target["mbps_per_user"], target["minimum_mbps"]), 3)


def wan_need(students: int) -> float:
    """WAN capacity (Mbps) to a school with ``students``: FCC 14-99's 10 Gbps per 1,000 students.

    >>> wan_need(650)
    6500.0
    """
    table = _targets()
    per_user = float(table.loc[table["target"] == "fcc-wan", "mbps_per_user"].iloc[0])
    return round(check_count("students", students) * per_user, 3)


#: Ethernet line rates (IEEE 802.3) a district's circuits and ports come in, in Mbps.
STANDARD_LINKS_MBPS = (100.0, 1_000.0, 10_000.0, 25_000.0, 40_000.0, 100_000.0)


def smallest_link(need_mbps: float, sizes: Iterable[float] = STANDARD_LINKS_MBPS) -> float:
    """The smallest standard link (Mbps) that carries ``need_mbps``: a 12 Gbps need does not fit in 10 Gbps.

    >>> smallest_link(9_000), smallest_link(12_000)
    (10000.0, 25000.0)
    >>> smallest_link(150_000)
    Traceback (most recent call last):
    ...
    workbook.errors.InputError: need_mbps = 150000 is not allowed: expected at most 100,000 Mbps (the largest size given); plan parallel links
    """
    need = check_number("need_mbps", need_mbps, minimum=0)
    options = sorted(check_number("sizes", s, minimum=0, strict_minimum=True) for s in sizes)
    for size in options:
        if size >= need:
            return float(size)
    raise InputError("need_mbps", need_mbps, f"at most {options[-1]:,.0f} Mbps (the largest size given); plan parallel links")


def bandwidth_projection(current_mbps: float, growth: float, years: int, *, start_year: str | None = None) -> pd.DataFrame:
    """Demand grown at ``growth`` a year (0.5 = 50%) for ``years`` years after today.

    EducationSuperHighway advised planning for 50-100% annual growth.

    Returns
    -------
    DataFrame
        ``year`` (0 = now; or the fiscal year label if ``start_year`` is given) and ``mbps``.

    Examples
    --------
    >>> bandwidth_projection(1_000, 0.5, 3)["mbps"].tolist()
    [1000.0, 1500.0, 2250.0, 3375.0]
    >>> bandwidth_projection(1_000, 0.5, 1, start_year="2026-27")["year"].tolist()
    ['2026-27', '2027-28']
    """
    import pandas as pd

    base = check_number("current_mbps", current_mbps, minimum=0)
    rate = check_rate("growth", growth)
    n = check_count("years", years)
    labels: list[Any] = fiscal_years(start_year, n + 1) if start_year is not None else list(range(n + 1))
    return pd.DataFrame({"year": labels, "mbps": [round(base * (1 + rate) ** t, 3) for t in range(n + 1)]})


def access_points_needed(
    rooms: int,
    devices: int,
    clients_per_ap: int = 40,
    *,
    aps_per_room: float = 1.0,
    headroom: float = 0.0,
) -> int:
    """Access points for coverage (per room) and capacity (concurrent devices), whichever is more.

    Parameters
    ----------
    rooms
        Teaching rooms (and other spaces) to cover.
    devices
        Devices expected to connect at once (plan for 1.5-3 per student).
    clients_per_ap
        Clients one access point serves well: enterprise APs handle about
        40-50 (L-M; check your vendor's design guide).
    aps_per_room
        Coverage rule: 1.0 is the common (disputed) one AP per classroom; 0 ignores coverage.
    headroom
        Extra capacity as a fraction (0.2 plans for 20% more devices).

    Examples
    --------
    >>> access_points_needed(30, 900)          # capacity: 900 / 40 = 22.5 -> 23; coverage 30
    30
    >>> access_points_needed(30, 2_000, 40)    # capacity wins: 50
    50
    >>> access_points_needed(30, 900, 0)
    Traceback (most recent call last):
    ...
    workbook.errors.InputError: clients_per_ap = 0 is not allowed: expected a whole number >= 1
    """
    r = check_count("rooms", rooms)
    d = check_count("devices", devices)
    per_ap = check_count("clients_per_ap", clients_per_ap, minimum=1)
    per_room = check_number("aps_per_room", aps_per_room, minimum=0)
    extra = check_number("headroom", headroom, minimum=0)
    capacity = math.ceil(round(d * (1 + extra) / per_ap, 9))
    coverage = math.ceil(round(r * per_room, 9))
    return int(max(capacity, coverage))


def _availabilities(args: tuple[Any, ...]) -> list[float]:
    items: list[Any]
    if len(args) == 1 and isinstance(args[0], Iterable) and not isinstance(args[0], (str, bytes)):
        items = list(args[0])
    else:
        items = list(args)
    if not items:
        raise InputError("availabilities", [], "at least one availability between 0 and 1 (99.9% is 0.999)")
    out = []
    for i, a in enumerate(items):
        a = a.item() if hasattr(a, "item") else a
        try:
            out.append(check_fraction(f"availabilities[{i}]", a))
        except InputError:
            raise InputError(f"availabilities[{i}]", a, "a fraction between 0 and 1 (write 99.9% as 0.999)") from None
    return out


def availability_series(*availabilities: Any) -> float:
    """Availability of links that are all needed (in series): the product.

    >>> round(availability_series(0.999, 0.999), 6)
    0.998001
    >>> availability_series([0.99, 0.98])
    0.9702
    >>> availability_series(99.9)
    Traceback (most recent call last):
    ...
    workbook.errors.InputError: availabilities[0] = 99.9 is not allowed: expected a fraction between 0 and 1 (write 99.9% as 0.999)
    """
    return round(math.prod(_availabilities(availabilities)), 12)


def availability_parallel(*availabilities: Any) -> float:
    """Availability of redundant links (in parallel): 1 - the chance that all are down.

    >>> round(availability_parallel(0.999, 0.999), 6)
    0.999999
    """
    return round(1 - math.prod(1 - a for a in _availabilities(availabilities)), 12)


def downtime_per_year(availability: float, *, hours_per_year: float = HOURS_PER_YEAR) -> float:
    """Expected hours down a year at ``availability`` (8,760 h in a year).

    >>> downtime_per_year(0.999)
    8.76
    >>> round(downtime_per_year(0.99999) * 60, 2)    # "five nines": minutes a year
    5.26
    """
    a = check_fraction("availability", availability)
    hours = check_number("hours_per_year", hours_per_year, minimum=0)
    return round((1 - a) * hours, 9)


def c2_five_year_budget(students: int | Sequence[int], nslp_pct: float, locale: str, cycle: str = "FY2026-30") -> dict[str, Any]:
    """The E-rate Category 2 five-year budget and how it splits between USAC and the district.

    The budget is pre-discount: per student, with a floor **per school**
    (give each school's enrollment; see :func:`workbook.tools.erate.c2_budget`).
    Spending all of it, E-rate pays the discount share and the district the
    rest. ``nslp_pct`` is the discount percentage the district applies with:
    its NSLP share, or :func:`workbook.tools.erate.cep_percentage` of its
    identified students for a CEP district.

    Examples
    --------
    >>> b = c2_five_year_budget(10_000, 0.60, "urban")
    >>> b["pre_discount_budget"], b["discount"], b["erate_share"], b["district_share"]
    (2015700.0, 0.8, 1612560.0, 403140.0)
    >>> c2_five_year_budget([120, 480, 900], 0.60, "rural")["pre_discount_budget"]   # the 120-student school gets the floor
    308341.6
    """

    budget = c2_budget(students, cycle=cycle)
    split = erate_net_cost(budget, nslp_pct, locale, category=2)
    counts = [int(n) for n in students] if not isinstance(students, (int, float)) and hasattr(students, "__iter__") else [int(students)]
    return {
        "students": sum(counts),
        "schools": len(counts),
        "cycle": cycle,
        "pre_discount_budget": budget,
        "discount": split.discount,
        "erate_share": split.erate_share,
        "district_share": split.district_share,
    }
