"""T2 Infrastructure: the givens of the exercises, per district and seed.

Site sizes, device ratios, link availabilities and the measured peak are
**synthetic and illustrative**, varied by district and ``seed``; none is a
carrier's service level or a vendor's figure. Candidates replace them with
their own circuit records and monitoring data.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from workbook.tools._validate import check_count

if TYPE_CHECKING:  # pragma: no cover
    import numpy as np
    import pandas as pd

__all__ = [
    "district_users",
    "district_students",
    "school_enrollments",
    "backup_link_cost",
    "cep_identified_share",
    "current_peak_mbps",
    "SchoolSite",
    "largest_site",
    "WanPaths",
    "wan_paths",
]


def _rng(district: Any, seed: int, name: str) -> np.random.Generator:
    from workbook.datasets._common import rng_for

    check_count("seed", seed)
    return rng_for(district, seed, f"scenario/infrastructure/{name}")


def district_users(district: Any) -> int:
    """Students plus staff: the "users" of FCC 14-99's 2014 internet goals (SETDA's 2016 targets count students only).

    >>> from workbook.districts import load_district
    >>> district_users(load_district("sample-rural"))
    1206
    """
    from workbook.datasets._common import users_of

    return users_of(district)


def district_students(district: Any) -> int:
    """Enrolled students: the count SETDA's 2016 targets and the WAN target are stated per.

    >>> from workbook.districts import load_district
    >>> district_students(load_district("sample-rural"))
    1111
    """
    return int(district.enrollment.total)


def school_enrollments(district: Any, seed: int) -> list[int]:
    """Each school's enrollment (synthetic), summing to the district's: E-rate C2 counts per school.

    The split varies with ``seed``; in districts with several schools one or
    two are small (a continuation school, a small rural site, ...), as in many
    California districts, so the per-school C2 floor matters.

    >>> from workbook.districts import load_district
    >>> d = load_district("sample-suburban")
    >>> sizes = school_enrollments(d, 4)
    >>> len(sizes) == d.schools, sum(sizes) == d.enrollment.total, min(sizes) > 0
    (True, True, True)
    """
    total = int(district.enrollment.total)
    schools = max(1, int(district.schools))
    if schools == 1:
        return [total]
    rng = _rng(district, seed, "schools")
    small = min(schools - 1, 1 + int(rng.integers(0, 2)))  # one or two small sites
    small_sizes = [int(rng.integers(40, 150)) for _ in range(small)]
    rest = max(schools - small, 1)
    weights = rng.uniform(0.6, 1.6, size=rest)
    remaining = max(total - sum(small_sizes), rest)
    shares = [int(w) for w in (weights / weights.sum() * remaining)]
    shares[0] += remaining - sum(shares)
    sizes = [max(1, n) for n in shares + small_sizes]
    sizes[0] += total - sum(sizes)
    return sizes


def current_peak_mbps(district: Any, seed: int, fiscal_year: str | None = None, *, net: pd.DataFrame | None = None) -> float:
    """Today's planning peak: the 95th percentile of school-day peak use (Mbps), one decimal.

    From the synthetic year of daily peaks in
    :func:`workbook.datasets.network_utilization`, or from ``net`` when the
    caller already has that table (or the district's own measurements with
    ``school_day`` and ``peak_mbps`` columns).

    >>> from workbook.districts import load_district
    >>> current_peak_mbps(load_district("sample-suburban"), 7) > 0
    True
    """
    import numpy as np

    from workbook.datasets import network_utilization

    if net is None:
        net = network_utilization(district, seed, fiscal_year)
    return round(float(np.percentile(net.loc[net["school_day"], "peak_mbps"], 95)), 1)


@dataclass(frozen=True)
class SchoolSite:
    """The district's largest school: what its WAN link and Wi-Fi must carry."""

    name: str
    students: int
    staff: int
    classrooms: int
    devices_per_student: float
    clients_per_ap: int

    @property
    def users(self) -> int:
        return self.students + self.staff

    @property
    def concurrent_devices(self) -> int:
        """Devices expected at once: students x devices per student, plus one per staff member."""
        return int(round(self.students * self.devices_per_student)) + self.staff

    def table(self) -> pd.DataFrame:
        import pandas as pd

        rows = {
            "students": self.students,
            "staff": self.staff,
            "users (students + staff)": self.users,
            "classrooms and other spaces to cover": self.classrooms,
            "devices per student at once (assumption)": self.devices_per_student,
            "concurrent devices (students x ratio + staff)": self.concurrent_devices,
            "clients per access point (assumption)": self.clients_per_ap,
        }
        return pd.DataFrame({"value": list(rows.values())}, index=pd.Index(list(rows), name=self.name))


def largest_site(district: Any, seed: int) -> SchoolSite:
    """The district's largest school (synthetic): about 1.4-2.2x an average school.

    >>> from workbook.districts import load_district
    >>> site = largest_site(load_district("sample-urban"), 3)
    >>> site.students > 0 and site.classrooms > 0 and 1.5 <= site.devices_per_student <= 3
    True
    """
    rng = _rng(district, seed, "site")
    schools = max(1, int(district.schools))
    factor = 1.0 if schools == 1 else float(rng.uniform(1.4, 2.2))
    students = min(int(district.enrollment.total), int(round(district.enrollment.total / schools * factor)))
    staff_total = district.staff.certificated + district.staff.classified
    staff = int(round(staff_total * students / max(1, district.enrollment.total)))
    classrooms = max(1, int(round(district.classrooms * students / max(1, district.enrollment.total) * float(rng.uniform(1.05, 1.2)))))
    ratio = round(float(rng.choice([1.5, 2.0, 2.5, 3.0])), 1)
    per_ap = int(rng.choice([30, 35, 40, 45, 50]))
    return SchoolSite("Largest school (synthetic)", students, staff, classrooms, ratio, per_ap)


@dataclass(frozen=True)
class WanPaths:
    """The path from a school to the internet: core equipment, the primary link and a candidate backup."""

    core: float
    primary: float
    backup: float

    def single_path(self) -> list[float]:
        """Availabilities in series without the backup."""
        return [self.core, self.primary]

    def table(self) -> pd.DataFrame:
        import pandas as pd

        return pd.DataFrame(
            {"availability": [self.core, self.primary, self.backup]},
            index=pd.Index(["district core router and firewall", "primary fiber link", "backup link (second carrier)"], name="component"),
        )


def wan_paths(district: Any, seed: int) -> WanPaths:
    """Availabilities of the core, the primary link and a backup link (synthetic).

    >>> from workbook.districts import load_district
    >>> p = wan_paths(load_district("sample-rural"), 1)
    >>> 0.99 <= p.backup < p.primary < 1 and p.core >= 0.999
    True
    """
    rng = _rng(district, seed, "wan")
    core = float(rng.choice([0.9995, 0.9999, 0.99995]))
    primary = float(rng.choice([0.999, 0.9993, 0.9995, 0.9997]))
    backup = float(rng.choice([0.99, 0.995, 0.998]))
    return WanPaths(core, primary, backup)


def backup_link_cost(district: Any, seed: int) -> float:
    """Annual cost of the backup link from a second carrier, in dollars (synthetic quote).

    >>> from workbook.districts import load_district
    >>> 5_000 <= backup_link_cost(load_district("sample-rural"), 1) <= 60_000
    True
    """
    rng = _rng(district, seed, "backup-cost")
    base = float(rng.uniform(6_000, 18_000)) + 1_500 * max(1, int(district.schools)) ** 0.5
    return float(round(min(base, 60_000), -2))


def cep_identified_share(district: Any, seed: int) -> float:
    """Share of students directly certified (identified students) for a CEP district (synthetic).

    Identified students are usually a good deal fewer than those eligible for
    free or reduced-price meals, which is why CEP multiplies their share by 1.6.

    >>> from workbook.districts import load_district
    >>> d = load_district("sample-urban")
    >>> 0 < cep_identified_share(d, 3) < d.nslp_pct
    True
    """
    rng = _rng(district, seed, "cep")
    return round(float(district.nslp_pct) * float(rng.uniform(0.50, 0.75)), 3)
