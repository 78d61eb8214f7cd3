"""A starting risk register for a district: common K-12 threats, synthetic ratings and losses.

Every rating and dollar figure is **synthetic and illustrative**: likelihood and
impact start from a plausible level for a typical district and move one step up
or down with the seed; asset values scale with enrollment. The threats
themselves reflect what CISA's K-12 report (2023) and K12 SIX's incident
records describe (ransomware, phishing, vendor breaches, ...).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from workbook.datasets._common import as_district, rng_for
from workbook.tools.risk import CONTROL_STATUSES, LEVELS

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = ["risk_register_seed", "THREATS"]

# id, threat, asset, likelihood index, impact index (0 = Very Low .. 4 = Very High),
# owner, asset value per student ($), exposure factor, annualized rate of occurrence
THREATS: tuple[tuple[str, str, str, int, int, str, float, float, float], ...] = (
    ("R01", "Ransomware encrypts servers and backups", "Student information system and file servers", 2, 4, "CTO", 300, 0.6, 0.15),
    ("R02", "Phishing leads to staff account takeover", "Staff email and cloud drives", 4, 2, "Security lead", 40, 0.25, 2.0),
    ("R03", "Vendor breach exposes student records", "Student data held by edtech vendors", 2, 3, "Data privacy officer", 60, 0.4, 0.3),
    ("R04", "Unpatched internet-facing system is exploited", "VPN and web servers", 2, 3, "Systems lead", 80, 0.3, 0.25),
    ("R05", "Denial-of-service attack during state testing", "Internet access", 2, 2, "Network lead", 15, 0.5, 0.5),
    ("R06", "Student devices lost or stolen", "Student device fleet", 4, 1, "Help desk lead", 0, 0.02, 1.0),
    ("R07", "Insider misuses student information system access", "Student information system", 1, 3, "Director of student services", 50, 0.1, 0.2),
    ("R08", "Power shutoff (PSPS) or outage at the data center", "District data center", 2, 2, "Operations director", 20, 0.3, 0.5),
    ("R09", "Fiber cut isolates schools from the district office", "Wide area network", 1, 3, "Network lead", 25, 0.2, 0.2),
    ("R10", "Cloud folder shared publicly by mistake", "Staff shared drives", 3, 2, "Data privacy officer", 10, 0.3, 1.0),
    ("R11", "Students bypass the content filter", "Content filter and student network", 3, 1, "Network lead", 5, 0.2, 2.0),
    ("R12", "Wildfire or earthquake damages a network closet", "Site network equipment", 1, 3, "CTO", 30, 0.5, 0.05),
)


def risk_register_seed(district: Any, seed: int) -> pd.DataFrame:
    """Twelve common K-12 risks with synthetic ratings, owners and loss figures.

    Returns
    -------
    DataFrame
        ``id``, ``threat``, ``asset``, ``likelihood``, ``impact`` (NIST level
        names), ``owner``, ``control_status``, ``asset_value`` ($),
        ``exposure_factor``, ``aro``: ready for
        :func:`workbook.tools.risk.risk_register` and :func:`~workbook.tools.risk.ale`.

    Examples
    --------
    >>> from workbook.districts import load_district
    >>> reg = risk_register_seed(load_district("sample-rural"), 2026)
    >>> len(reg), reg["likelihood"].isin(LEVELS).all()
    (12, np.True_)
    >>> reg.equals(risk_register_seed(load_district("sample-rural"), 2026))
    True
    """
    import pandas as pd

    d = as_district(district)
    rng = rng_for(d, seed, "risk_register")
    students = d.enrollment.total
    fleet_value = d.devices.student_devices * d.devices.unit_cost
    rows = []
    for rid, threat, asset, lik, imp, owner, per_student, ef, aro in THREATS:
        step = rng.choice([-1, 0, 0, 1], size=2)
        value = fleet_value if per_student == 0 else max(per_student * students, 25_000)
        rows.append({
            "id": rid,
            "threat": threat,
            "asset": asset,
            "likelihood": LEVELS[int(min(4, max(0, lik + step[0])))],
            "impact": LEVELS[int(min(4, max(0, imp + step[1])))],
            "owner": owner,
            "control_status": str(rng.choice(CONTROL_STATUSES, p=[0.2, 0.3, 0.35, 0.15])),
            "asset_value": float(round(value * rng.uniform(0.8, 1.25), -3)),
            "exposure_factor": float(round(min(1.0, ef * rng.uniform(0.8, 1.2)), 2)),
            "aro": float(round(aro * rng.uniform(0.7, 1.4), 2)),
        })
    return pd.DataFrame(rows)
