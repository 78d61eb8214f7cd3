"""School funding: LCFF entitlement, ADA from attendance, declining-enrollment protection.

The Local Control Funding Formula (LCFF; Education Code 42238.02) pays a
district per unit of **average daily attendance** (ADA):

* a **base grant** per ADA for each grade span (TK-3, 4-6, 7-8, 9-12), with
  grade span adjustments of 10.4% (TK-3, class size) and 2.6% (9-12, career
  technical education): the *adjusted base*;
* a **supplemental grant** = adjusted base x 20% x UPP, where UPP is the
  unduplicated pupil percentage (low income, English learner, foster youth,
  each counted once);
* a **concentration grant** = adjusted base x 65% x max(0, UPP - 55%) (50%
  before 2021-22).

Add-ons (home-to-school transportation, TIIG, ...) and the small-school
formula are left out. Rates come from ``data/reference/lcff_base_grants.csv``;
a fiscal year after the table is **projected** by each later year's COLA
(``cola.csv``), and the result's ``notes`` say so.

ADA is days of attendance divided by days taught (Education Code 41601,
46301); the P-2 report (July 1 to April 15) funds the year. Since 2022-23 a
district is funded on the greatest of current-year ADA, prior-year ADA and the
average of the three prior years (:func:`funded_ada`).

Purchasing and the multiyear projection live beside this module
(:mod:`workbook.tools.purchasing`, :mod:`workbook.tools.interim`) and are
re-exported here.

Examples
--------
A district of 100 ADA in grades 4-6 in 2024-25, half its pupils unduplicated:

>>> r = lcff_entitlement({"g4_6": 100}, 0.50, "2024-25")
>>> r.base, r.supplemental, r.concentration, r.total
(1017700.0, 101770.0, 0.0, 1119470.0)
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import pandas as pd

from workbook.errors import InputError
from workbook.tools._validate import check_fraction, check_number
from workbook.tools.fiscal_year import check_fiscal_year, fiscal_years
from workbook.tools.interim import MultiyearProjection, certification, multiyear_projection, reserve_minimum
from workbook.tools.purchasing import ROUTES, bid_threshold, purchase_route, purchase_routes
from workbook.tools.reference import cola, shared_table

__all__ = [
    "SPANS",
    "SUPPLEMENTAL_RATE",
    "CONCENTRATION_RATE",
    "CONCENTRATION_THRESHOLD",
    "base_grants",
    "LcffResult",
    "lcff_entitlement",
    "ada_from_attendance",
    "attendance_point_value",
    "FundedAda",
    "FUNDED_ADA_METHODS",
    "funded_ada",
    # re-exported
    "ROUTES",
    "bid_threshold",
    "purchase_route",
    "purchase_routes",
    "MultiyearProjection",
    "multiyear_projection",
    "reserve_minimum",
    "certification",
]

#: The four LCFF grade spans, as the district profile names them.
SPANS = ("tk_3", "g4_6", "g7_8", "g9_12")
_TABLE_SPAN = {"tk_3": "TK-3", "g4_6": "4-6", "g7_8": "7-8", "g9_12": "9-12"}
SUPPLEMENTAL_RATE = 0.20
CONCENTRATION_RATE = 0.65
CONCENTRATION_THRESHOLD = 0.55


def base_grants(fiscal_year: str) -> pd.DataFrame:
    """The LCFF base grant per ADA of each grade span for ``fiscal_year``.

    Years in ``lcff_base_grants.csv`` are read as they are; a later year is
    projected from the table's last year by each later year's COLA, each base
    rounded to the dollar and its grade span adjustment recomputed (rounded),
    with ``confidence`` ``"computed"`` and a ``note``.

    Returns
    -------
    pandas.DataFrame
        Indexed by span (``tk_3`` ...): ``base_grant``, ``gsa_rate``,
        ``gsa_amount``, ``adjusted_base``, ``confidence``, ``note``.

    Examples
    --------
    >>> base_grants("2024-25")["adjusted_base"].tolist()
    [11068.0, 10177.0, 10478.0, 12460.0]
    >>> float(base_grants("2026-27").loc["g4_6", "base_grant"])    # 10,411 x 1.0241, rounded
    10662.0
    >>> base_grants("2019-20")
    Traceback (most recent call last):
    ...
    workbook.errors.InputError: fiscal_year = '2019-20' is not allowed: expected 2023-24 or later (the LCFF rates table starts there)
    """
    year = check_fiscal_year("fiscal_year", fiscal_year)
    years = sorted(set(shared_table("lcff_base_grants")["fiscal_year"]))
    if year < years[0]:
        raise InputError("fiscal_year", fiscal_year, f"{years[0]} or later (the LCFF rates table starts there)")
    return _base_grants(year).copy()  # a copy: the caller may change theirs


@lru_cache(maxsize=32)
def _base_grants(year: str) -> pd.DataFrame:
    """:func:`base_grants` of a checked year the table covers or follows, built once per year (hand out copies only)."""
    table = shared_table("lcff_base_grants")
    years = sorted(set(table["fiscal_year"]))
    known = min(year, years[-1])
    rows = table[table["fiscal_year"] == known].set_index("grade_span")
    out = pd.DataFrame(
        {
            "base_grant": [float(rows.loc[_TABLE_SPAN[s], "base_grant"]) for s in SPANS],
            "gsa_rate": [float(rows.loc[_TABLE_SPAN[s], "gsa_rate"]) for s in SPANS],
            "gsa_amount": [float(rows.loc[_TABLE_SPAN[s], "gsa_amount"]) for s in SPANS],
            "confidence": [str(rows.loc[_TABLE_SPAN[s], "confidence"]) for s in SPANS],
            "note": "",
        },
        index=pd.Index(SPANS, name="span"),
    )
    if year > known:
        later = fiscal_years(known, int(year[:4]) - int(known[:4]) + 1)[1:]
        base = out["base_grant"].copy()
        for fy in later:
            base = (base * (1 + cola(fy))).round()
        out["base_grant"] = base
        out["gsa_amount"] = (base * out["gsa_rate"]).round()
        out["confidence"] = "computed"
        out["note"] = f"projected from {known} by the COLA of " + ", ".join(f"{fy} ({cola(fy):.2%})" for fy in later)
    out.insert(3, "adjusted_base", out["base_grant"] + out["gsa_amount"])
    return out


def _spans(name: str, ada: Any) -> dict[str, float]:
    """ADA (or enrollment) by span from a mapping or an object with ``tk_3`` ... attributes."""
    allowed = "a mapping or object with ADA by grade span (tk_3, g4_6, g7_8, g9_12), each a number >= 0"
    if isinstance(ada, Mapping):
        unknown = [k for k in ada if k not in SPANS]
        if unknown:
            raise InputError(name, dict(ada), allowed + f" (unknown: {', '.join(map(str, unknown))})")
        raw = {s: ada.get(s, 0.0) for s in SPANS}
    elif all(hasattr(ada, s) for s in SPANS):
        raw = {s: getattr(ada, s) for s in SPANS}
    else:
        raise InputError(name, ada, allowed)
    return {s: check_number(f"{name}.{s}", raw[s].item() if hasattr(raw[s], "item") else raw[s], minimum=0) for s in SPANS}


@dataclass(frozen=True)
class LcffResult:
    """An LCFF entitlement: the grants in dollars and the span-by-span table.

    Attributes
    ----------
    by_span
        Per span: ``ada``, ``adjusted_base`` (dollars per ADA), ``base`` (dollars).
    base, supplemental, concentration
        The three grants in dollars (unrounded).
    notes
        Plain-language notes (projected rates).
    """

    fiscal_year: str
    unduplicated_pct: float
    by_span: pd.DataFrame
    base: float
    supplemental: float
    concentration: float
    notes: tuple[str, ...]

    @property
    def total(self) -> float:
        """Base + supplemental + concentration, in dollars."""
        return self.base + self.supplemental + self.concentration

    @property
    def ada(self) -> float:
        """The ADA funded, all spans together."""
        return float(self.by_span["ada"].sum())

    @property
    def per_ada(self) -> float:
        """Dollars per unit of ADA, all spans blended (0 when there is no ADA)."""
        return self.total / self.ada if self.ada else 0.0

    def table(self) -> pd.DataFrame:
        """The three grants and the total, one row each, in dollars."""
        return pd.DataFrame(
            {"dollars": [self.base, self.supplemental, self.concentration, self.total]},
            index=pd.Index(["base (with grade span adjustments)", "supplemental", "concentration", "LCFF total"], name="grant"),
        )


def lcff_entitlement(ada: Any, unduplicated_pct: float, fiscal_year: str = "2025-26") -> LcffResult:
    """The LCFF base, supplemental and concentration grants for an ADA and UPP.

    Parameters
    ----------
    ada
        Funded ADA by grade span: a mapping (missing spans count as 0) or an
        object with ``tk_3``, ``g4_6``, ``g7_8``, ``g9_12`` (a district's ``ada``).
    unduplicated_pct
        The unduplicated pupil percentage as a fraction (write 62% as 0.62).
    fiscal_year
        The rates' year (see :func:`base_grants` for years after the table).

    Examples
    --------
    >>> r = lcff_entitlement({"tk_3": 100}, 0.75, "2024-25")
    >>> round(r.total)          # 1,106,800 x (1 + 0.20 x 0.75 + 0.65 x 0.20)
    1416704
    >>> lcff_entitlement({"tk_3": -5}, 0.5)
    Traceback (most recent call last):
    ...
    workbook.errors.InputError: ada.tk_3 = -5 is not allowed: expected a number >= 0
    >>> lcff_entitlement({"tk_3": 5}, 62)
    Traceback (most recent call last):
    ...
    workbook.errors.InputError: unduplicated_pct = 62 is not allowed: expected a fraction between 0 and 1 (write 25% as 0.25)
    """
    spans = _spans("ada", ada)
    upp = check_fraction("unduplicated_pct", unduplicated_pct)
    rates = base_grants(fiscal_year)
    by_span = pd.DataFrame({"ada": pd.Series(spans), "adjusted_base": rates["adjusted_base"]})
    by_span["base"] = by_span["ada"] * by_span["adjusted_base"]
    base = float(by_span["base"].sum())
    notes = tuple(dict.fromkeys(n for n in rates["note"] if n))
    return LcffResult(
        fiscal_year=str(fiscal_year),
        unduplicated_pct=upp,
        by_span=by_span,
        base=base,
        supplemental=base * SUPPLEMENTAL_RATE * upp,
        concentration=base * CONCENTRATION_RATE * max(0.0, upp - CONCENTRATION_THRESHOLD),
        notes=notes,
    )


def ada_from_attendance(days_attended: Any, days_taught: Any) -> float:
    """Average daily attendance: total days of attendance divided by days taught.

    Parameters
    ----------
    days_attended
        Days of attendance (one per student present per day), a number or a
        list (for example one per school month of the reporting period).
    days_taught
        Days school was taught in the same period: a number or a list of the
        same length.

    Examples
    --------
    >>> ada_from_attendance(27_000, 180)
    150.0
    >>> ada_from_attendance([2_850, 2_700], [20, 19])
    142.3077
    >>> ada_from_attendance(100, 0)
    Traceback (most recent call last):
    ...
    workbook.errors.InputError: days_taught = 0 is not allowed: expected a number > 0 (total days taught)
    """
    def total(name: str, value: Any) -> float:
        if isinstance(value, (Sequence, pd.Series)) and not isinstance(value, str):
            return sum(check_number(f"{name}[{i}]", v.item() if hasattr(v, "item") else v, minimum=0) for i, v in enumerate(value))
        return check_number(name, value, minimum=0)

    if isinstance(days_attended, (Sequence, pd.Series)) != isinstance(days_taught, (Sequence, pd.Series)) or (
        isinstance(days_attended, (Sequence, pd.Series)) and len(days_attended) != len(days_taught)
    ):
        raise InputError("days_taught", days_taught, "the same shape as days_attended (two numbers, or two lists of one length)")
    attended, taught = total("days_attended", days_attended), total("days_taught", days_taught)
    if taught <= 0:
        raise InputError("days_taught", days_taught, "a number > 0 (total days taught)")
    return round(attended / taught, 4)


def attendance_point_value(enrollment: Any, unduplicated_pct: float, fiscal_year: str = "2025-26", *, points: float = 1.0) -> float:
    """LCFF dollars that ``points`` percentage points of attendance are worth in a year funded on current ADA.

    One point of attendance in every span is 1% of each span's enrollment
    counted as ADA; its value is the LCFF entitlement of that ADA (base,
    supplemental and concentration), because the formula is linear in ADA for
    a fixed UPP. (A district funded on prior-year or average ADA gains nothing
    this year until its current ADA passes that level: see :func:`funded_ada`.)

    Examples
    --------
    >>> attendance_point_value({"g4_6": 1_000}, 0.0, "2024-25")    # 10 ADA x 10,177
    101770.0
    >>> attendance_point_value({"g4_6": 1_000}, 0.0, points=0)
    0.0
    """
    spans = _spans("enrollment", enrollment)
    share = check_number("points", points, minimum=0, maximum=100) / 100
    return lcff_entitlement({s: v * share for s, v in spans.items()}, unduplicated_pct, fiscal_year).total


@dataclass(frozen=True)
class FundedAda:
    """Which ADA the state funds: ``method`` and the ADA by span, with the three candidates' totals."""

    method: str
    ada: dict[str, float]
    totals: dict[str, float]

    @property
    def total(self) -> float:
        """The funded ADA, all spans together."""
        return float(sum(self.ada.values()))


#: The three ADA measures the state compares, in the order that breaks a tie.
FUNDED_ADA_METHODS = ("current", "prior", "three-year average")


def funded_ada(current: Any, prior_years: Sequence[Any]) -> FundedAda:
    """The greatest of current-year, prior-year and three-prior-year-average ADA (since 2022-23).

    The comparison is on total ADA; the method that wins supplies the ADA of
    every span (the workbook's simplification of the state's span-by-span
    rules). A tie goes to current, then prior.

    Parameters
    ----------
    current
        This year's P-2 ADA by span.
    prior_years
        At least three earlier years' P-2 ADA by span, the **most recent first**.

    Examples
    --------
    >>> f = funded_ada({"g4_6": 960}, [{"g4_6": 1000}, {"g4_6": 1050}, {"g4_6": 1100}])
    >>> f.method, f.total
    ('three-year average', 1050.0)
    >>> funded_ada({"g4_6": 960}, [{"g4_6": 1000}])
    Traceback (most recent call last):
    ...
    workbook.errors.InputError: prior_years = [{'g4_6': 1000}] is not allowed: expected ADA by span for at least the three prior years, most recent first
    """
    now = _spans("current", current)
    if isinstance(prior_years, (str, Mapping)) or not isinstance(prior_years, Sequence) or len(prior_years) < 3:
        raise InputError("prior_years", prior_years, "ADA by span for at least the three prior years, most recent first")
    earlier = [_spans(f"prior_years[{i}]", y) for i, y in enumerate(prior_years[:3])]
    average = {s: sum(y[s] for y in earlier) / 3 for s in SPANS}
    options = dict(zip(FUNDED_ADA_METHODS, (now, earlier[0], average)))
    totals = {m: round(sum(v.values()), 6) for m, v in options.items()}
    best = max(totals.values())
    method = next(m for m in FUNDED_ADA_METHODS if totals[m] >= best)
    return FundedAda(method=method, ada=options[method], totals=totals)

