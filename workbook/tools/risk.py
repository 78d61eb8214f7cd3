"""Security risk: NIST SP 800-30 Rev. 1 scales, the risk matrix, a risk register and ALE.

Qualitative levels and their semi-quantitative equivalents come from NIST SP 800-30
Rev. 1, *Guide for Conducting Risk Assessments* (2012), Appendix G (likelihood),
Table H-3 (impact) and Table I-3 (risk); the matrix that combines likelihood and
impact into a level is Table I-2 of the same appendix.

=========== ======== ======
Level       0-100    0-10
=========== ======== ======
Very High   96-100   10
High        80-95    8
Moderate    21-79    5
Low         5-20     2
Very Low    0-4      0
=========== ======== ======

A number on the 0-100 scale falls in a band as follows: below 5 is Very Low,
5 up to (not including) 21 Low, 21 up to 80 Moderate, 80 up to 96 High, 96 and
above Very High. A number on the 0-10 scale is multiplied by 10 first, so the
published 0/2/5/8/10 values land in their own bands.

The quantitative side (single and annualized loss expectancy, safeguard value)
is the standard textbook arithmetic: SLE = asset value x exposure factor,
ALE = SLE x annualized rate of occurrence. The budget that picks controls lives
in :mod:`workbook.tools.security_budget` and is re-exported here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Literal

from workbook.errors import InputError
from workbook.tools._validate import as_table, check_choice, check_fraction, check_number
from workbook.tools.security_budget import security_budget as _impl

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = [
    "LEVELS",
    "SCALE_0_100",
    "SCALE_0_10",
    "RISK_MATRIX",
    "to_level",
    "level_value",
    "risk_level",
    "risk_matrix",
    "risk_register",
    "heat_map_counts",
    "sle",
    "ale",
    "safeguard_value",
    "residual_risk",
    "residual_ale",
    "security_budget",
]

#: The five qualitative levels, lowest first.
LEVELS: tuple[str, ...] = ("Very Low", "Low", "Moderate", "High", "Very High")

#: 0-100 band of each level (inclusive bounds as printed by NIST).
SCALE_0_100: dict[str, tuple[int, int]] = {
    "Very Low": (0, 4),
    "Low": (5, 20),
    "Moderate": (21, 79),
    "High": (80, 95),
    "Very High": (96, 100),
}

#: Representative 0-10 value of each level.
SCALE_0_10: dict[str, int] = {"Very Low": 0, "Low": 2, "Moderate": 5, "High": 8, "Very High": 10}

_ABBREV = {"vl": "Very Low", "l": "Low", "m": "Moderate", "h": "High", "vh": "Very High"}
_NAMES = {name.lower(): name for name in LEVELS} | _ABBREV | {"medium": "Moderate"}

_ROWS = {  # Table I-2: likelihood row -> levels for impact VL, L, M, H, VH
    "Very High": ("Very Low", "Low", "Moderate", "High", "Very High"),
    "High": ("Very Low", "Low", "Moderate", "High", "Very High"),
    "Moderate": ("Very Low", "Low", "Moderate", "Moderate", "High"),
    "Low": ("Very Low", "Low", "Low", "Low", "Moderate"),
    "Very Low": ("Very Low", "Very Low", "Very Low", "Low", "Low"),
}

#: ``RISK_MATRIX[(likelihood, impact)]`` is the level of risk (NIST SP 800-30 Table I-2).
RISK_MATRIX: dict[tuple[str, str], str] = {
    (lik, imp): row[j] for lik, row in _ROWS.items() for j, imp in enumerate(LEVELS)
}

Scale = Literal["0-100", "0-10"]


def to_level(value: Any, name: str = "value", *, scale: Scale = "0-100") -> str:
    """The NIST level for a level name, an abbreviation or a semi-quantitative number.

    Parameters
    ----------
    value
        ``"Very High"`` .. ``"Very Low"`` (any case), ``"VH"``, ``"H"``, ``"M"``,
        ``"L"``, ``"VL"``, or a number on ``scale``.
    name
        The argument's name, used in the error message.
    scale
        ``"0-100"`` (default) or ``"0-10"`` for numbers.

    Examples
    --------
    >>> to_level("vh"), to_level("moderate"), to_level(85), to_level(5, scale="0-10")
    ('Very High', 'Moderate', 'High', 'Moderate')
    >>> to_level("extreme", "likelihood")
    Traceback (most recent call last):
    ...
    workbook.errors.InputError: likelihood = 'extreme' is not allowed: expected a level (Very Low, Low, Moderate, High, Very High or VL, L, M, H, VH) or a number on the 0-100 scale
    """
    check_choice("scale", scale, ["0-100", "0-10"])
    if isinstance(value, str):
        key = " ".join(value.strip().lower().replace("-", " ").replace("_", " ").split())
        if key in _NAMES:
            return _NAMES[key]
        raise InputError(
            name,
            value,
            "a level (Very Low, Low, Moderate, High, Very High or VL, L, M, H, VH) "
            f"or a number on the {scale} scale",
        )
    top = 100.0 if scale == "0-100" else 10.0
    number = check_number(name, value, minimum=0, maximum=top)
    x = number * (1 if scale == "0-100" else 10)
    if x < 5:
        return "Very Low"
    if x < 21:
        return "Low"
    if x < 80:
        return "Moderate"
    if x < 96:
        return "High"
    return "Very High"


def level_value(level: Any, name: str = "level") -> int:
    """Representative value of a level on the 0-100 scale (10 x the 0-10 value).

    >>> [level_value(x) for x in LEVELS]
    [0, 20, 50, 80, 100]
    """
    return SCALE_0_10[to_level(level, name)] * 10


def risk_level(likelihood: Any, impact: Any, *, scale: Scale = "0-100") -> str:
    """Level of risk from likelihood and impact, exactly as NIST SP 800-30 Table I-2.

    Parameters
    ----------
    likelihood, impact
        Level names (``"High"``, ``"h"``, ...) or semi-quantitative numbers on
        ``scale`` (``"0-100"`` by default, or ``"0-10"``).

    Examples
    --------
    >>> risk_level("High", "Moderate")
    'Moderate'
    >>> risk_level("M", "VH")
    'High'
    >>> risk_level(85, 30)          # High likelihood (80-95), Moderate impact (21-79)
    'Moderate'
    >>> risk_level(2, 10, scale="0-10")
    'Moderate'
    """
    return RISK_MATRIX[(to_level(likelihood, "likelihood", scale=scale), to_level(impact, "impact", scale=scale))]


def risk_matrix() -> pd.DataFrame:
    """Table I-2 as a table: likelihood rows (Very High first), impact columns.

    >>> risk_matrix().loc["Moderate", "Very High"]
    'High'
    """
    import pandas as pd

    rows = list(reversed(LEVELS))
    frame = pd.DataFrame([[RISK_MATRIX[(r, c)] for c in LEVELS] for r in rows], index=rows, columns=list(LEVELS))
    frame.index.name = "likelihood"
    frame.columns.name = "impact"
    return frame


_REGISTER_REQUIRED = ("id", "threat", "asset", "likelihood", "impact", "owner")
CONTROL_STATUSES = ("none", "planned", "partial", "in place")


def risk_register(rows: Any) -> pd.DataFrame:
    """Validate a risk register and rank it: highest level first, then by score.

    Parameters
    ----------
    rows
        A DataFrame or a list of dicts with at least ``id``, ``threat``,
        ``asset``, ``likelihood``, ``impact`` and ``owner``; optionally
        ``control_status`` (none, planned, partial, in place; default none).
        Likelihood and impact are level names or 0-100 numbers. Other columns
        (asset value, ARO, notes, ...) are kept.

    Returns
    -------
    DataFrame
        The rows with likelihood and impact as level names, plus ``level``
        (Table I-2), ``score`` (likelihood x impact on the 0-100 scale / 100, a
        tie-breaker within a level, not a NIST quantity) and ``rank`` (1 = worst).

    Examples
    --------
    >>> reg = risk_register([
    ...     {"id": "R1", "threat": "Phishing", "asset": "Staff email", "likelihood": "VH", "impact": "M", "owner": "CTO"},
    ...     {"id": "R2", "threat": "Ransomware", "asset": "SIS", "likelihood": "M", "impact": "VH", "owner": "CTO"},
    ...     {"id": "R3", "threat": "Fiber cut", "asset": "WAN", "likelihood": "L", "impact": "H", "owner": "Network lead"},
    ... ])
    >>> print(reg[["id", "level", "score", "rank"]].to_string(index=False))
    id    level  score  rank
    R2     High   50.0     1
    R1 Moderate   50.0     2
    R3      Low   16.0     3
    >>> risk_register([{"id": "R1", "threat": "x"}])
    Traceback (most recent call last):
    ...
    workbook.errors.InputError: rows = ['id', 'threat'] is not allowed: expected columns id, threat, asset, likelihood, impact, owner (missing: asset, likelihood, impact, owner)
    """
    import pandas as pd

    frame = as_table("rows", rows, _REGISTER_REQUIRED, noun="risk")
    ids = frame["id"].astype(str)
    dup = ids[ids.duplicated()]
    if not dup.empty:
        raise InputError("rows.id", dup.iloc[0], "a unique id for every risk (this one repeats)")
    frame["id"] = ids
    lik = [to_level(v, f"rows[{i}].likelihood") for i, v in enumerate(frame["likelihood"])]
    imp = [to_level(v, f"rows[{i}].impact") for i, v in enumerate(frame["impact"])]
    lik_v = [_value_0_100(v, lv) for v, lv in zip(frame["likelihood"], lik)]
    imp_v = [_value_0_100(v, iv) for v, iv in zip(frame["impact"], imp)]
    if "control_status" not in frame.columns:
        frame["control_status"] = "none"
    status = []
    for i, v in enumerate(frame["control_status"]):
        key = "none" if v is None or (isinstance(v, float) and v != v) else str(v).strip().lower()
        status.append(check_choice(f"rows[{i}].control_status", key, CONTROL_STATUSES))
    frame["control_status"] = status
    frame["likelihood"] = lik
    frame["impact"] = imp
    frame["level"] = [RISK_MATRIX[(a, b)] for a, b in zip(lik, imp)]
    frame["score"] = [round(a * b / 100, 2) for a, b in zip(lik_v, imp_v)]
    order = {name: k for k, name in enumerate(LEVELS)}
    frame["_lv"] = frame["level"].map(order)
    frame = frame.sort_values(["_lv", "score", "id"], ascending=[False, False, True], kind="mergesort")
    frame = frame.drop(columns="_lv").reset_index(drop=True)
    frame["rank"] = range(1, len(frame) + 1)
    first = ["id", "threat", "asset", "likelihood", "impact", "level", "score", "owner", "control_status", "rank"]
    return pd.DataFrame(frame[first + [c for c in frame.columns if c not in first]])


def _value_0_100(raw: Any, level: str) -> float:
    if isinstance(raw, str):
        return float(SCALE_0_10[level] * 10)
    return float(raw)


def heat_map_counts(register: Any) -> pd.DataFrame:
    """How many risks sit in each cell of the 5 x 5 likelihood/impact grid.

    Rows are likelihood (Very High at the top, as on NIST's table), columns impact.

    >>> reg = risk_register([{"id": 1, "threat": "t", "asset": "a", "likelihood": "H", "impact": "L", "owner": "o"}])
    >>> grid = heat_map_counts(reg)
    >>> grid.shape, int(grid.loc["High", "Low"]), int(grid.to_numpy().sum())
    ((5, 5), 1, 1)
    """
    import pandas as pd

    reg = register if {"likelihood", "impact", "level"} <= set(getattr(register, "columns", [])) else risk_register(register)
    rows = list(reversed(LEVELS))
    grid = pd.DataFrame(0, index=rows, columns=list(LEVELS), dtype="int64")
    for i, (lik, imp) in enumerate(zip(reg["likelihood"], reg["impact"])):
        grid.loc[to_level(lik, f"register[{i}].likelihood"), to_level(imp, f"register[{i}].impact")] += 1
    grid.index.name = "likelihood"
    grid.columns.name = "impact"
    return grid


def sle(asset_value: float, exposure_factor: float) -> float:
    """Single loss expectancy: asset value x exposure factor (the share lost in one event).

    >>> sle(100_000, 0.25)
    25000.0
    """
    return check_number("asset_value", asset_value, minimum=0) * check_fraction("exposure_factor", exposure_factor)


def ale(asset_value: float, exposure_factor: float, aro: float) -> float:
    """Annualized loss expectancy: SLE x ARO (expected events a year; may exceed 1).

    >>> ale(100_000, 0.25, 3)      # the textbook example: $25,000 SLE, three times a year
    75000.0
    >>> ale(100_000, 0.25, -1)
    Traceback (most recent call last):
    ...
    workbook.errors.InputError: aro = -1 is not allowed: expected a number >= 0
    """
    return sle(asset_value, exposure_factor) * check_number("aro", aro, minimum=0)


def safeguard_value(ale_before: float, ale_after: float, annual_cost: float) -> float:
    """Value of a safeguard per year: ALE before - ALE after - its annual cost.

    A positive value means the control saves more than it costs.

    >>> safeguard_value(75_000, 15_000, 20_000)
    40000.0
    """
    before = check_number("ale_before", ale_before, minimum=0)
    after = check_number("ale_after", ale_after, minimum=0)
    return before - after - check_number("annual_cost", annual_cost, minimum=0)


def residual_risk(likelihood: Any, impact: Any, effectiveness: float, *, reduces: str = "likelihood") -> dict[str, Any]:
    """Level of risk left after a control that cuts likelihood (or impact) by ``effectiveness``.

    The inherent likelihood (or impact) is taken on the 0-100 scale (a level
    name counts as its representative value: 0, 20, 50, 80, 100), multiplied
    by ``1 - effectiveness``, and the result is placed back in its NIST band.
    This is a common convention for modeling controls, not a NIST formula.

    Examples
    --------
    >>> r = residual_risk("High", "Very High", 0.5)
    >>> r["inherent_level"], r["residual_likelihood"], r["residual_level"]
    ('Very High', 'Moderate', 'High')
    >>> residual_risk("H", "H", 0.9)["residual_level"]
    'Low'
    """
    eff = check_fraction("effectiveness", effectiveness)
    check_choice("reduces", reduces, ["likelihood", "impact"])
    lik_level, imp_level = to_level(likelihood, "likelihood"), to_level(impact, "impact")
    lik = _value_0_100(likelihood, lik_level)
    imp = _value_0_100(impact, imp_level)
    if reduces == "likelihood":
        lik *= 1 - eff
    else:
        imp *= 1 - eff
    new_lik, new_imp = to_level(lik), to_level(imp)
    return {
        "inherent_likelihood": lik_level,
        "inherent_impact": imp_level,
        "inherent_level": RISK_MATRIX[(lik_level, imp_level)],
        "residual_likelihood": new_lik,
        "residual_impact": new_imp,
        "residual_level": RISK_MATRIX[(new_lik, new_imp)],
        "residual_score": round(lik * imp / 100, 2),
    }


def residual_ale(asset_value: float, exposure_factor: float, aro: float, effectiveness: float) -> float:
    """ALE after a control that prevents ``effectiveness`` of the events (cuts the ARO).

    >>> residual_ale(100_000, 0.25, 3, 0.8)
    15000.0
    """
    cut = 1 - check_fraction("effectiveness", effectiveness)
    return round(ale(asset_value, exposure_factor, aro) * cut, 6)


def security_budget(controls: Any, budget: float, *, unit: float = 100.0) -> pd.DataFrame:
    """Pick controls to cut the most annualized loss under a budget cap.

    See :func:`workbook.tools.security_budget.security_budget` (re-exported here).

    >>> import pandas as pd
    >>> c = pd.DataFrame({"control": ["MFA", "EDR"], "cost": [20_000, 60_000], "ale_reduction": [90_000, 120_000]})
    >>> security_budget(c, 50_000)["chosen"].tolist()
    [True, False]
    """

    return _impl(controls, budget, unit=unit)
