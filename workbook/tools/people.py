"""Hiring and staffing (L4 Personnel Management): interview scoring, rater agreement, staffing.

- :func:`weighted_scores` turns a panel's ratings (candidate, rater, criterion,
  score) and the criteria's weights into each rater's weighted score of each
  candidate and the panel's mean; :func:`ranking` orders the candidates;
  :func:`ranking_without_each_rater` shows how the order changes when one
  rater is left out.
- :func:`rater_agreement` computes **Krippendorff's alpha** with the
  ``krippendorff`` package (Krippendorff, *Content Analysis*, 2004), over every
  (candidate, criterion) the panel rated, and the alpha left when each rater is
  removed; :func:`agreement_level` reads alpha the way Krippendorff does
  (0.800 or more: reliable; 0.667 to 0.800: tentative; below: not reliable).
- :func:`workload_fte` estimates the technicians a help desk's tickets and
  site visits call for; :func:`technicians_to_hire` turns a need and a staff
  into whole positions.

Scores are whole numbers from 1 to 5. Weights are fractions that sum to 1.
Ties in a ranking go to the candidate first by name (say so in the prompt).
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

import numpy as np

from workbook.errors import InputError
from workbook.tools._validate import as_table, check_choice, check_count, check_fraction, check_number

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = [
    "check_weights",
    "ratings_frame",
    "weighted_scores",
    "ranking",
    "ranking_without_each_rater",
    "krippendorff_alpha",
    "rater_agreement",
    "agreement_level",
    "workload_fte",
    "technicians_to_hire",
]


def check_weights(weights: Any) -> dict[str, float]:
    """Criterion -> weight, each between 0 and 1, summing to 1 (within 0.001).

    >>> check_weights({"technical": 0.6, "service": 0.4})
    {'technical': 0.6, 'service': 0.4}
    >>> check_weights({"technical": 0.6, "service": 0.5})
    Traceback (most recent call last):
    ...
    workbook.errors.InputError: weights = {'technical': 0.6, 'service': 0.5} is not allowed: expected fractions that sum to 1 (they sum to 1.1)
    """
    if not isinstance(weights, Mapping) or not weights:
        raise InputError("weights", weights, 'criterion -> fraction, e.g. {"technical": 0.6, "service": 0.4}')
    out = {str(k): check_fraction(f"weights[{k!r}]", v) for k, v in weights.items()}
    total = sum(out.values())
    if abs(total - 1) > 1e-3:
        raise InputError("weights", dict(weights), f"fractions that sum to 1 (they sum to {total:g})")
    return out


def ratings_frame(ratings: Any, weights: Mapping[str, float]) -> pd.DataFrame:
    """Validate a panel's ratings: one row per candidate, rater and criterion, every one present, scores 1 to 5.

    >>> ratings_frame([{"candidate": "A", "rater": "R1", "criterion": "technical", "score": 6}], {"technical": 1})
    Traceback (most recent call last):
    ...
    workbook.errors.InputError: ratings[0].score = 6 is not allowed: expected a whole number from 1 to 5
    """
    import pandas as pd

    w = check_weights(weights)
    frame = as_table("ratings", ratings, ["candidate", "rater", "criterion", "score"], noun="rating")
    for col in ("candidate", "rater", "criterion"):
        frame[col] = frame[col].astype(str)
    scores = frame["score"]
    if not (scores.dtype.kind in "iuf" and scores.isin([1, 2, 3, 4, 5]).all()):  # else find the first bad one
        for i, v in enumerate(scores):
            v = v.item() if hasattr(v, "item") else v
            if isinstance(v, bool) or not isinstance(v, (int, float)) or v not in (1, 2, 3, 4, 5):
                raise InputError(f"ratings[{i}].score", v, "a whole number from 1 to 5")
    unknown = sorted(set(frame["criterion"]) - set(w))
    if unknown:
        raise InputError("ratings.criterion", unknown, "criteria that have a weight (" + ", ".join(w) + ")")
    dupes = frame.duplicated(["candidate", "rater", "criterion"])
    if dupes.any():
        i = int(dupes.to_numpy().nonzero()[0][0])
        raise InputError(f"ratings[{i}]", frame.loc[i, ["candidate", "rater", "criterion"]].tolist(), "one score per candidate, rater and criterion")
    # Criteria known and no duplicates: every score is there exactly when the count is candidates x raters x criteria.
    complete = len(frame) == frame["candidate"].nunique(dropna=False) * frame["rater"].nunique(dropna=False) * len(w)
    full = None if complete else pd.MultiIndex.from_product([sorted(set(frame["candidate"])), sorted(set(frame["rater"])), list(w)])
    missing = [] if full is None else full.difference(pd.MultiIndex.from_frame(frame[["candidate", "rater", "criterion"]]))
    if len(missing):
        raise InputError("ratings", f"{len(missing)} missing", f"a score from every rater for every candidate and criterion (first missing: {list(missing[0])})")
    frame["score"] = frame["score"].astype(float)
    return frame


def weighted_scores(ratings: Any, weights: Mapping[str, float], *, without: str | None = None) -> pd.DataFrame:
    """Each rater's weighted score of each candidate (sum of weight x score), and the panel's ``mean``.

    ``without`` leaves one rater out. Rows are candidates (sorted by name),
    columns raters, then ``mean`` (unrounded).

    Examples
    --------
    >>> w = {"technical": 0.6, "service": 0.4}
    >>> r = [{"candidate": c, "rater": r, "criterion": k, "score": s} for c, r, k, s in [
    ...     ("Ana", "R1", "technical", 5), ("Ana", "R1", "service", 3), ("Ana", "R2", "technical", 4), ("Ana", "R2", "service", 4),
    ...     ("Ben", "R1", "technical", 3), ("Ben", "R1", "service", 5), ("Ben", "R2", "technical", 5), ("Ben", "R2", "service", 5)]]
    >>> weighted_scores(r, w).round(2).values.tolist()
    [[4.2, 4.0, 4.1], [3.8, 5.0, 4.4]]
    >>> weighted_scores(r, w, without="R2")["mean"].round(2).tolist()
    [4.2, 3.8]
    """
    w = check_weights(weights)
    return _weighted(ratings_frame(ratings, w), w, without)


def _weighted(frame: pd.DataFrame, w: dict[str, float], without: str | None) -> pd.DataFrame:
    """:func:`weighted_scores` of a table :func:`ratings_frame` has checked, with weights :func:`check_weights` has."""
    if without is not None:
        check_choice("without", without, sorted(set(frame["rater"])))
        frame = frame[frame["rater"] != without]
        if frame.empty:
            raise InputError("without", without, "a rater other than the only one")
    frame = frame.assign(points=frame["score"] * frame["criterion"].map(w))
    # the pivot table of the sums: the same grouped sums, unstacked (raters sorted), without pivot_table's overhead
    table = frame.groupby(["candidate", "rater"], sort=True)["points"].sum().unstack("rater").sort_index()
    table.columns.name = None
    table["mean"] = table.mean(axis=1)
    return table


def ranking(scores: pd.DataFrame) -> list[str]:
    """Candidates from the highest ``mean`` to the lowest; ties to the first by name.

    >>> import pandas as pd
    >>> ranking(pd.DataFrame({"mean": [4.1, 4.4, 4.1]}, index=["Cy", "Ben", "Ana"]))
    ['Ben', 'Ana', 'Cy']
    """
    if "mean" not in getattr(scores, "columns", ()):
        raise InputError("scores", type(scores).__name__, "the table weighted_scores returns (with a 'mean' column)")
    return sorted(scores.index, key=lambda c: (-round(float(scores.loc[c, "mean"]), 9), str(c)))


def ranking_without_each_rater(ratings: Any, weights: Mapping[str, float]) -> pd.DataFrame:
    """The ranking with the whole panel, then with each rater left out in turn; ``first`` and whether it changed.

    >>> w = {"technical": 0.6, "service": 0.4}
    >>> r = [{"candidate": c, "rater": r, "criterion": k, "score": s} for c, r, k, s in [
    ...     ("Ana", "R1", "technical", 5), ("Ana", "R1", "service", 3), ("Ana", "R2", "technical", 4), ("Ana", "R2", "service", 4),
    ...     ("Ben", "R1", "technical", 3), ("Ben", "R1", "service", 5), ("Ben", "R2", "technical", 5), ("Ben", "R2", "service", 5)]]
    >>> ranking_without_each_rater(r, w)[["left_out", "first", "first_changes"]].values.tolist()
    [['(nobody)', 'Ben', False], ['R1', 'Ben', False], ['R2', 'Ana', True]]
    """
    import pandas as pd

    w = check_weights(weights)
    frame = ratings_frame(ratings, w)
    full = ranking(_weighted(frame, w, None))
    rows = [{"left_out": "(nobody)", "ranking": full, "first": full[0], "first_changes": False}]
    for rater in sorted(set(frame["rater"])):
        order = ranking(_weighted(frame, w, rater))
        rows.append({"left_out": rater, "ranking": order, "first": order[0], "first_changes": order[0] != full[0]})
    return pd.DataFrame(rows)


def krippendorff_alpha(reliability_data: Any, level: str = "interval") -> float:
    """Krippendorff's alpha of raters (rows) by units (columns); NaN where a rater gave no value.

    A thin, validated call of ``krippendorff.alpha``. Krippendorff's (2011)
    worked example, four observers and twelve units with gaps:

    >>> n = float("nan")
    >>> data = [[1, 2, 3, 3, 2, 1, 4, 1, 2, n, n, n], [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, n, 3],
    ...         [n, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, n], [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, n]]
    >>> round(krippendorff_alpha(data, "nominal"), 3)
    0.743
    >>> krippendorff_alpha([[1, 2, 3]], "nominal")
    Traceback (most recent call last):
    ...
    workbook.errors.InputError: reliability_data = '1 rater' is not allowed: expected at least two raters (rows), each a list of values
    """
    import krippendorff

    kind = check_choice("level", level, ["nominal", "ordinal", "interval", "ratio"])
    try:
        values = np.asarray(reliability_data, dtype=float)
    except (TypeError, ValueError):
        raise InputError("reliability_data", reliability_data, "rows of numbers (NaN where a rater gave no value)") from None
    if values.ndim != 2 or values.shape[0] < 2:
        shown = f"{values.shape[0] if values.ndim == 2 else 0} rater"
        raise InputError("reliability_data", shown, "at least two raters (rows), each a list of values")
    if np.isinf(values).any():
        raise InputError("reliability_data", "infinity", "finite numbers (NaN where a rater gave no value)")
    pairable = (~np.isnan(values)).sum(axis=0) >= 2
    seen = values[:, pairable]
    if not pairable.any() or len(np.unique(seen[~np.isnan(seen)])) < 2:
        raise InputError("reliability_data", "fewer than two different values in units rated twice",
                         "at least two different values among units rated by two raters or more (alpha is undefined otherwise)")
    return float(krippendorff.alpha(reliability_data=values, level_of_measurement=kind))


def rater_agreement(ratings: Any, weights: Mapping[str, float], *, level: str = "interval") -> pd.DataFrame:
    """Krippendorff's alpha of the panel, and with each rater left out (``alpha_without``).

    The units are the (candidate, criterion) pairs; each rater's scores are
    one row of the reliability data given to ``krippendorff.alpha``.

    Examples
    --------
    Three raters who agree on everything but one score:

    >>> w = {"technical": 0.5, "service": 0.5}
    >>> rows = [{"candidate": c, "rater": r, "criterion": k, "score": s}
    ...         for c, s in [("Ana", 2), ("Ben", 4), ("Cy", 5)] for k in w for r in ("R1", "R2", "R3")]
    >>> rows[0]["score"] = 3
    >>> out = rater_agreement(rows, w)
    >>> round(float(out.loc[0, "alpha"]), 3), out["rater"].tolist()
    (0.963, ['(all)', 'R1', 'R2', 'R3'])
    >>> round(float(out.loc[1, "alpha"]), 3)   # without R1, whose score was the odd one
    1.0
    """
    import pandas as pd

    kind = check_choice("level", level, ["nominal", "ordinal", "interval", "ratio"])
    frame = ratings_frame(ratings, weights)
    # one score per rater, candidate and criterion (ratings_frame checked): the pivot table, by unstacking
    data = frame.set_index(["rater", "candidate", "criterion"])["score"].unstack(["candidate", "criterion"])
    data = data.sort_index(axis=1).sort_index()
    if len(data) < 2:
        raise InputError("ratings", f"{len(data)} rater", "at least two raters (agreement needs someone to agree with)")
    if len(np.unique(data.to_numpy())) < 2:
        raise InputError("ratings", "every score the same", "at least two different scores (alpha is undefined otherwise)")

    def alpha(rows: Any) -> float:
        values = rows.to_numpy(dtype=float)
        if len(rows) < 2 or len(np.unique(values)) < 2:
            return float("nan")
        return krippendorff_alpha(values, kind)

    out = [{"rater": "(all)", "alpha": alpha(data)}]
    out += [{"rater": r, "alpha": alpha(data.drop(index=r))} for r in data.index]
    return pd.DataFrame(out)


def agreement_level(alpha: float) -> str:
    """Krippendorff's reading of alpha: reliable (>= 0.800), tentative (>= 0.667) or not reliable.

    >>> agreement_level(0.81), agreement_level(0.7), agreement_level(0.5)
    ('reliable', 'tentative', 'not reliable')
    """
    a = check_number("alpha", alpha, minimum=-1, maximum=1)
    return "reliable" if a >= 0.8 else "tentative" if a >= 0.667 else "not reliable"


def workload_fte(tickets: Any, minutes_per_ticket: Mapping[str, float], *, visit_hours_per_site: float,
                 productive_hours: float, devices: int = 0, minutes_per_device: float = 0.0) -> pd.DataFrame:
    """Technician hours and full-time equivalents by site, from a year of tickets and the visits each site needs.

    hours = sum over tickets of the minutes its category takes / 60 + the
    site's visit hours (travel and walk-throughs) a year; FTE = hours /
    ``productive_hours`` (the hours one technician spends on this work in a
    year). Work on the fleet that no ticket records (imaging, deployment,
    summer checks, inventory: ``devices`` x ``minutes_per_device`` a year) is
    a last row, ``"fleet work (all sites)"``, when ``devices`` is given.

    Examples
    --------
    >>> log = [{"opened": "2026-09-01 08:00", "resolved": None, "category": "Password", "site": "A"},
    ...        {"opened": "2026-09-01 09:00", "resolved": None, "category": "Hardware", "site": "A"},
    ...        {"opened": "2026-09-02 09:00", "resolved": None, "category": "Hardware", "site": "B"}]
    >>> out = workload_fte(log, {"Password": 12, "Hardware": 48}, visit_hours_per_site=40, productive_hours=1000)
    >>> out.values.tolist()
    [['A', 2, 1.0, 40.0, 41.0, 0.041], ['B', 1, 0.8, 40.0, 40.8, 0.0408]]
    >>> workload_fte(log, {"Password": 12, "Hardware": 48}, visit_hours_per_site=40, productive_hours=1000,
    ...              devices=600, minutes_per_device=15).tail(1).values.tolist()[0]
    ['fleet work (all sites)', 0, 150.0, 0.0, 150.0, 0.15]
    >>> workload_fte(log, {"Password": 12}, visit_hours_per_site=40, productive_hours=1000)
    Traceback (most recent call last):
    ...
    workbook.errors.InputError: minutes_per_ticket = {'Password': 12} is not allowed: expected minutes for every category in the log (missing: Hardware)
    """
    import pandas as pd

    from workbook.tools.helpdesk import tickets_frame

    if not isinstance(minutes_per_ticket, Mapping) or not minutes_per_ticket:
        raise InputError("minutes_per_ticket", minutes_per_ticket, 'minutes per category, e.g. {"Password": 12}')
    minutes = {str(k): check_number(f"minutes_per_ticket[{k!r}]", v, minimum=0) for k, v in minutes_per_ticket.items()}
    visits = check_number("visit_hours_per_site", visit_hours_per_site, minimum=0)
    hours = check_number("productive_hours", productive_hours, minimum=0, strict_minimum=True)
    frame = tickets_frame(tickets, need=["category", "site"])
    category = frame["category"].astype(str)
    absent = sorted(set(category.unique()) - set(minutes))  # the distinct categories, not one Python object per ticket
    if absent:
        raise InputError("minutes_per_ticket", dict(minutes_per_ticket), f"minutes for every category in the log (missing: {', '.join(absent)})")
    frame["work"] = category.map(minutes) / 60
    by_site = frame.groupby("site", sort=True).agg(tickets=("work", "size"), ticket_hours=("work", "sum"))
    out = pd.DataFrame({"site": by_site.index, "tickets": by_site["tickets"].astype(int).to_numpy(),
                        "ticket_hours": by_site["ticket_hours"].round(2).to_numpy()})
    out["visit_hours"] = visits
    fleet = check_count("devices", devices)
    per_device = check_number("minutes_per_device", minutes_per_device, minimum=0)
    if fleet:
        out.loc[len(out)] = ["fleet work (all sites)", 0, round(fleet * per_device / 60, 2), 0.0]
    out["hours"] = (out["ticket_hours"] + out["visit_hours"]).round(2)
    out["fte"] = (out["hours"] / hours).round(4)
    return out


def technicians_to_hire(fte_needed: float, fte_on_staff: float) -> int:
    """Whole technician positions to ask for: the gap, rounded up; none when the staff suffice.

    >>> technicians_to_hire(6.2, 4.5), technicians_to_hire(4.0, 4.5), technicians_to_hire(5.5, 4.5)
    (2, 0, 1)
    """
    need = check_number("fte_needed", fte_needed, minimum=0)
    have = check_number("fte_on_staff", fte_on_staff, minimum=0)
    return max(0, math.ceil(round(need - have, 9)))
