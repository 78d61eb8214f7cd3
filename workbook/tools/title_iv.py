"""Title IV, Part A (Student Support and Academic Enrichment): the spending rules of one year's allocation.

Title IV-A is an **annual** formula allocation, not a multi-year grant
(ESEA sections 4105-4109; U.S. Department of Education non-regulatory guidance,
2016; H). An LEA that receives **$30,000 or more** must:

* spend at least **20%** on activities for a well-rounded education (section 4107);
* spend at least **20%** on activities for safe and healthy students (section 4108);
* spend some part on the effective use of technology (section 4109), of which
  **at most 15%** may buy technology infrastructure (devices, equipment,
  software and other one-time technology purchases);
* and may keep at most **2%** for direct administrative costs.

An LEA under $30,000 needs to spend on only one of the three areas, and the 15%
limit still applies to what it spends on technology. Money not spent in the
year may carry over (Tydings), and a district recognises the revenue **as it
spends** it, deferring the rest: see :func:`recognized_revenue`.

Examples
--------
>>> plan = title_iv_a_check(60_000, well_rounded=12_000, safe_healthy=12_000,
...                         technology=36_000, technology_infrastructure=9_000)
>>> plan[["rule", "limit", "planned", "ok"]].values.tolist()[-2]
['technology infrastructure at most 15% of technology', 5400.0, 9000.0, False]
>>> plan.attrs["ok"]
False
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from workbook.errors import InputError
from workbook.tools._validate import check_number

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = [
    "TITLE_IV_A_TRIGGER",
    "WELL_ROUNDED_MIN",
    "SAFE_HEALTHY_MIN",
    "INFRASTRUCTURE_MAX",
    "ADMINISTRATION_MAX",
    "title_iv_a_check",
    "largest_infrastructure_purchase",
    "recognized_revenue",
]

#: Allocation from which the 20% / 20% / technology rules apply ($).
TITLE_IV_A_TRIGGER = 30_000.0
#: Minimum share of the allocation for a well-rounded education (ESEA 4106(e)(2)(C)).
WELL_ROUNDED_MIN = 0.20
#: Minimum share of the allocation for safe and healthy students (ESEA 4106(e)(2)(D)).
SAFE_HEALTHY_MIN = 0.20
#: Maximum share of the technology funds for technology infrastructure (ESEA 4109(b)).
INFRASTRUCTURE_MAX = 0.15
#: Maximum share of the allocation for direct administrative costs (ESEA 4105(c)).
ADMINISTRATION_MAX = 0.02


def title_iv_a_check(
    allocation: float,
    *,
    well_rounded: float,
    safe_healthy: float,
    technology: float,
    technology_infrastructure: float,
    administration: float = 0.0,
) -> pd.DataFrame:
    """Check one year's Title IV-A spending plan against the rules; one row per rule.

    Parameters
    ----------
    allocation
        The year's allocation in dollars.
    well_rounded, safe_healthy, technology
        Dollars planned for each of the three areas (technology includes its
        infrastructure part).
    technology_infrastructure
        The part of ``technology`` that buys devices, equipment or software.
    administration
        Direct administrative costs in dollars.

    Returns
    -------
    DataFrame
        ``rule``, ``limit`` (the dollar floor or ceiling), ``planned``, ``ok``
        and ``finding`` in plain words; ``attrs["ok"]`` is True when every rule holds.

    Examples
    --------
    >>> ok = title_iv_a_check(40_000, well_rounded=8_000, safe_healthy=8_000, technology=23_200,
    ...                       technology_infrastructure=3_480, administration=800)
    >>> ok.attrs["ok"], ok["ok"].tolist()
    (True, [True, True, True, True, True, True])
    >>> title_iv_a_check(20_000, well_rounded=0, safe_healthy=0, technology=20_000,
    ...                  technology_infrastructure=3_000).attrs["ok"]   # under $30,000: one area is enough
    True
    >>> title_iv_a_check(-1, well_rounded=0, safe_healthy=0, technology=0, technology_infrastructure=0)
    Traceback (most recent call last):
    ...
    workbook.errors.InputError: allocation = -1 is not allowed: expected a number >= 0
    """
    import pandas as pd

    total = check_number("allocation", allocation, minimum=0)
    wr = check_number("well_rounded", well_rounded, minimum=0)
    sh = check_number("safe_healthy", safe_healthy, minimum=0)
    tech = check_number("technology", technology, minimum=0)
    infra = check_number("technology_infrastructure", technology_infrastructure, minimum=0)
    admin = check_number("administration", administration, minimum=0)
    if infra > tech + 1e-9:
        raise InputError("technology_infrastructure", technology_infrastructure, f"a part of technology (at most {tech:,.2f})")
    big = total >= TITLE_IV_A_TRIGGER
    rows = [
        ("plan within the allocation", total, wr + sh + tech + admin, wr + sh + tech + admin <= total + 0.005, "ceiling"),
        ("well-rounded education at least 20%", round(total * WELL_ROUNDED_MIN, 2) if big else 0.0, wr,
         wr + 0.005 >= total * WELL_ROUNDED_MIN if big else True, "floor"),
        ("safe and healthy students at least 20%", round(total * SAFE_HEALTHY_MIN, 2) if big else 0.0, sh,
         sh + 0.005 >= total * SAFE_HEALTHY_MIN if big else True, "floor"),
        ("some effective use of technology" if big else "at least one of the three areas", 0.01, tech if big else wr + sh + tech,
         (tech > 0) if big else (wr + sh + tech > 0), "floor"),
        ("technology infrastructure at most 15% of technology", round(tech * INFRASTRUCTURE_MAX, 2), infra,
         infra <= tech * INFRASTRUCTURE_MAX + 0.005, "ceiling"),
        ("administration at most 2%", round(total * ADMINISTRATION_MAX, 2), admin, admin <= total * ADMINISTRATION_MAX + 0.005, "ceiling"),
    ]
    out = pd.DataFrame([
        {"rule": rule, "limit": float(limit), "planned": float(planned), "ok": bool(ok),
         "finding": ("meets the rule" if ok else
                     f"{'short by' if kind == 'floor' else 'over by'} {abs(planned - limit):,.2f} dollars")}
        for rule, limit, planned, ok, kind in rows
    ])
    out.attrs["ok"] = bool(out["ok"].all())
    out.attrs["allocation"] = total
    return out


def largest_infrastructure_purchase(technology: float) -> float:
    """The most the technology part of Title IV-A may spend on devices, equipment and software (15%).

    >>> largest_infrastructure_purchase(36_000)
    5400.0
    """
    return round(check_number("technology", technology, minimum=0) * INFRASTRUCTURE_MAX, 2)


def recognized_revenue(award: float, spending: Sequence[float]) -> list[dict[str, float]]:
    """Year-by-year revenue of a restricted award recognised as it is spent, the rest deferred.

    Revenue each year equals that year's spending; what is not yet spent is
    deferred revenue (a liability), not a surplus. Spending more than the
    award is an error.

    >>> recognized_revenue(90_000, [40_000, 30_000, 20_000])
    [{'revenue': 40000.0, 'deferred': 50000.0}, {'revenue': 30000.0, 'deferred': 20000.0}, {'revenue': 20000.0, 'deferred': 0.0}]
    >>> recognized_revenue(10_000, [8_000, 5_000])
    Traceback (most recent call last):
    ...
    workbook.errors.InputError: spending = [8000, 5000] is not allowed: expected yearly amounts >= 0 that add up to at most the award (10,000.00)
    """
    total = check_number("award", award, minimum=0)
    amounts = [check_number(f"spending[{i}]", v, minimum=0) for i, v in enumerate(spending)]
    if sum(amounts) > total + 0.005:
        raise InputError("spending", list(spending), f"yearly amounts >= 0 that add up to at most the award ({total:,.2f})")
    out, left = [], total
    for spent in amounts:
        left -= spent
        out.append({"revenue": round(spent, 2), "deferred": round(max(left, 0.0), 2)})
    return out
