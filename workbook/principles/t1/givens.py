"""T1 Security Fundamentals: the givens of the exercises, per district and seed.

Every rating, dollar figure and hour here is **synthetic and illustrative**:
plausible magnitudes for a California district, varied by ``seed`` so
candidates get different numbers. None is a published price, loss or
recovery objective; candidates replace them with their own when they work on
their district's real register.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from workbook.tools._validate import check_count

if TYPE_CHECKING:  # pragma: no cover
    import numpy as np
    import pandas as pd

__all__ = [
    "district_register",
    "RansomwareScenario",
    "ransomware_scenario",
    "security_controls",
    "security_budget_cap",
    "bia_processes",
    "HIGH_LEVELS",
    "ig1_in_place",
    "INSURER_REQUIRED",
    "insurer_required_cost",
]

#: Levels counted as "High or above" on the register.
HIGH_LEVELS = ("High", "Very High")


def _rng(district: Any, seed: int, name: str) -> np.random.Generator:
    from workbook.datasets._common import rng_for

    check_count("seed", seed)
    return rng_for(district, seed, f"scenario/security/{name}")


def district_register(district: Any, seed: int) -> pd.DataFrame:
    """The district's starting risk register, validated and ranked (Table I-2 levels).

    Examples
    --------
    >>> from workbook.districts import load_district
    >>> reg = district_register(load_district("sample-rural"), 2026)
    >>> list(reg["rank"][:3]), reg.loc[0, "level"] in ("High", "Very High", "Moderate")
    ([1, 2, 3], True)
    """
    from workbook.datasets import risk_register_seed
    from workbook.tools.risk import risk_register

    return risk_register(risk_register_seed(district, seed))


@dataclass(frozen=True)
class RansomwareScenario:
    """Ransomware against the student information system and file servers, and one safeguard.

    ``asset_value``, ``exposure_factor`` and ``aro`` are the register's R01
    row; the safeguard (immutable, offline backups with tested restores plus
    endpoint detection) prevents ``effectiveness`` of the events for
    ``annual_cost`` a year.
    """

    asset_value: float
    exposure_factor: float
    aro: float
    effectiveness: float
    annual_cost: float

    def table(self) -> pd.DataFrame:
        """The givens as a two-column table to show in the notebook."""
        import pandas as pd

        rows = {
            "asset value (US$)": self.asset_value,
            "exposure factor (share lost in one event)": self.exposure_factor,
            "annualized rate of occurrence (events a year)": self.aro,
            "safeguard: share of events prevented": self.effectiveness,
            "safeguard: annual cost (US$)": self.annual_cost,
        }
        return pd.DataFrame({"value": list(rows.values())}, index=pd.Index(list(rows), name="given"))


def ransomware_scenario(district: Any, seed: int) -> RansomwareScenario:
    """The R01 ransomware risk of the district's register with a backup-and-EDR safeguard.

    Examples
    --------
    >>> from workbook.districts import load_district
    >>> s = ransomware_scenario(load_district("sample-suburban"), 7)
    >>> 0 < s.exposure_factor <= 1 and 0 < s.effectiveness < 1 and s.annual_cost > 0
    True
    """
    from workbook.datasets import risk_register_seed

    row = risk_register_seed(district, seed).set_index("id").loc["R01"]
    rng = _rng(district, seed, "ransomware")
    students = int(district.enrollment.total)
    effectiveness = round(float(rng.uniform(0.6, 0.85)), 2)
    annual_cost = float(round(max(12_000.0, students * float(rng.uniform(3.0, 6.0))), -2))
    return RansomwareScenario(
        asset_value=float(row["asset_value"]),
        exposure_factor=float(row["exposure_factor"]),
        aro=float(row["aro"]),
        effectiveness=effectiveness,
        annual_cost=annual_cost,
    )


# name, cost per student ($ a year), floor ($), risk ids it acts on, share of their ALE it removes
_CONTROLS: tuple[tuple[str, float, float, tuple[str, ...], float], ...] = (
    ("Multi-factor authentication for staff", 1.2, 6_000, ("R02", "R10"), 0.7),
    ("Immutable offline backups, restores tested", 2.5, 12_000, ("R01", "R08"), 0.6),
    ("Endpoint detection and response", 4.0, 15_000, ("R01", "R04"), 0.5),
    ("Phishing awareness training", 0.6, 3_000, ("R02",), 0.3),
    ("Patch and vulnerability management", 1.5, 8_000, ("R04",), 0.6),
    ("Vendor data privacy agreements and reviews", 0.8, 5_000, ("R03",), 0.4),
    ("Role-based SIS access reviews", 0.4, 2_500, ("R07",), 0.5),
    ("Second internet path and generator at the data center", 3.0, 20_000, ("R05", "R08", "R09"), 0.5),
)


def security_controls(district: Any, seed: int) -> pd.DataFrame:
    """Candidate controls with an annual cost, the risks each acts on and how well.

    ``effectiveness`` is the share of each listed risk's remaining ALE the
    control removes (ALE from the register's asset value, exposure factor and
    ARO); ``ale_reduction`` is what the control removes on its own. Two
    controls on the same risk (MFA and phishing training both act on R02)
    overlap: together they remove ``1 - (1 - e1)(1 - e2)`` of its loss, never
    more than all of it. The ALE of every risk rides along in
    ``attrs["risk_ale"]``, which :func:`workbook.tools.security_budget.security_budget`
    uses to combine overlapping controls. Costs scale with enrollment and vary
    with ``seed``.

    Examples
    --------
    >>> from workbook.districts import load_district
    >>> c = security_controls(load_district("sample-urban"), 1)
    >>> list(c.columns), len(c), bool((c["cost"] > 0).all())
    (['control', 'cost', 'ale_reduction', 'risks', 'effectiveness'], 8, True)
    >>> sorted(c.attrs["risk_ale"])[:3]
    ['R01', 'R02', 'R03']
    """
    import pandas as pd

    from workbook.datasets import risk_register_seed
    from workbook.tools.risk import ale

    reg = risk_register_seed(district, seed).set_index("id")
    loss = {str(rid): float(ale(r["asset_value"], r["exposure_factor"], r["aro"])) for rid, r in reg.iterrows()}
    rng = _rng(district, seed, "controls")
    students = int(district.enrollment.total)
    rows = []
    for name, per_student, floor, risks, share in _CONTROLS:
        cost = float(round(max(floor, students * per_student) * float(rng.uniform(0.85, 1.2)), -2))
        effectiveness = round(min(share * float(rng.uniform(0.85, 1.1)), 0.95), 3)
        rows.append({
            "control": name,
            "cost": cost,
            "ale_reduction": float(round(sum(loss[r] for r in risks) * effectiveness, 0)),
            "risks": ", ".join(risks),
            "effectiveness": effectiveness,
        })
    frame = pd.DataFrame(rows)
    frame.attrs["risk_ale"] = {rid: loss[rid] for rid in sorted({r for _, _, _, rs, _ in _CONTROLS for r in rs})}
    return frame


def security_budget_cap(district: Any, seed: int) -> float:
    """The annual security budget the cabinet offers: about 40-55% of what all controls cost.

    >>> from workbook.districts import load_district
    >>> d = load_district("sample-rural")
    >>> 0 < security_budget_cap(d, 3) < float(security_controls(d, 3)["cost"].sum())
    True
    """
    total = float(security_controls(district, seed)["cost"].sum())
    share = float(_rng(district, seed, "cap").uniform(0.40, 0.55))
    return float(round(total * share, -3))


# process, MTD, RTO, WRT, RPO, backup interval (hours), owner
_PROCESSES: tuple[tuple[str, float, float, float, float, float, str], ...] = (
    ("Attendance and the student information system", 24, 12, 4, 4, 24, "Director of student services"),
    ("Payroll", 72, 24, 8, 24, 24, "Chief business official"),
    ("Student meals point of sale", 8, 4, 2, 24, 24, "Nutrition services director"),
    ("Staff email and calendars (cloud)", 24, 8, 2, 1, 1, "CTO"),
    ("Special education records", 120, 48, 16, 24, 168, "Director of special education"),
    ("Emergency notification to families", 4, 2, 1, 24, 24, "Communications director"),
    ("Learning management system (hosted)", 48, 12, 4, 24, 24, "Director of curriculum"),
)


def bia_processes(district: Any, seed: int) -> pd.DataFrame:
    """Critical processes with MTD, RTO, work recovery time, RPO and backup interval (hours).

    Objectives start from plausible values and move with ``seed``: some rows
    will fail a check, as in a real first business impact analysis.
    The processes are the same in every district; the hours vary with the
    district and the seed.

    Examples
    --------
    >>> from workbook.districts import load_district
    >>> p = bia_processes(load_district("sample-rural"), 2026)
    >>> list(p.columns)[:6], len(p)
    (['process', 'mtd_hours', 'rto_hours', 'wrt_hours', 'rpo_hours', 'backup_interval_hours'], 7)
    """
    import pandas as pd

    rng = _rng(district, seed, "bia")
    rows = []
    for process, mtd, rto, wrt, rpo, backup, owner in _PROCESSES:
        rows.append({
            "process": process,
            "mtd_hours": float(mtd),
            "rto_hours": float(max(1, round(rto * float(rng.uniform(0.7, 1.6))))),
            "wrt_hours": float(max(1, round(wrt * float(rng.uniform(0.7, 1.5))))),
            "rpo_hours": float(rpo),
            "backup_interval_hours": float(rng.choice([backup, backup, backup * 2 if backup < 168 else backup, max(1.0, backup / 2)])),
            "owner": owner,
        })
    return pd.DataFrame(rows)



def ig1_in_place(district: Any, seed: int) -> dict[int, int]:
    """IG1 safeguards the district has in place, per CIS Control (synthetic first assessment).

    A plausible first assessment: inventories and training are partly done,
    some controls barely started; varies with ``seed``.

    >>> from workbook.districts import load_district
    >>> done = ig1_in_place(load_district("sample-rural"), 2026)
    >>> sorted(done)[:3], all(v >= 0 for v in done.values())
    ([1, 2, 3], True)
    """
    from workbook.tools.security_assessment import ig1_safeguards

    rng = _rng(district, seed, "ig1")
    out = {}
    for control, count in zip(ig1_safeguards()["control"], ig1_safeguards()["ig1_safeguards"]):
        if count:
            out[int(control)] = int(rng.integers(0, int(count) + 1))
    return out


#: Controls a cyber-insurance pool (often a JPA) requires before it covers a district (illustrative of
#: current practice: MFA, endpoint detection and response, offline or immutable backups; domain notes, M).
INSURER_REQUIRED = (
    "Multi-factor authentication for staff",
    "Endpoint detection and response",
    "Immutable offline backups, restores tested",
)


def insurer_required_cost(controls: Any) -> float:
    """Annual cost of the controls the insurer requires, from the candidate controls table.

    >>> from workbook.districts import load_district
    >>> insurer_required_cost(security_controls(load_district("sample-rural"), 2026)) > 0
    True
    """
    table = controls.set_index("control")
    return float(table.loc[list(INSURER_REQUIRED), "cost"].sum())
