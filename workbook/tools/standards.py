"""IT knowledge: a standards crosswalk and a technical-concepts self-assessment.

The crosswalk (reference table ``standards_crosswalk``) says which standard or
law governs which district decision: NIST CSF 2.0, CIS Controls v8 IG1, K12 SIX,
NIST SP 800-30 and 800-34, FERPA, COPPA, CIPA, PPRA, SOPIPA, AB 1584, E-rate
rules, ISTE Standards for Education Leaders, ... Each row names what the
standard requires in plain words, its citation, its source and a confidence
mark (H, M, computed, illustrative; see ``data/reference/README.md``).

The self-assessment (reference table ``technical_concepts``) lists concepts a
district technology leader should be able to discuss, grouped by area; a
candidate rates each from 1 (new to me) to 5 (could teach it).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from workbook.errors import InputError
from workbook.tools._validate import check_choice
from workbook.tools.reference import reference_table

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = ["crosswalk", "decisions", "standards", "concepts", "self_assessment", "LIKERT"]

#: The 1-5 scale of the self-assessment.
LIKERT = {1: "new to me", 2: "heard of it", 3: "can explain it", 4: "have done it", 5: "could teach it"}


def _table(name: str) -> pd.DataFrame:
    return reference_table(name)


def decisions() -> list[str]:
    """The district decisions the crosswalk covers, sorted.

    >>> "internet content filtering" in decisions()
    True
    """
    return sorted(set(_table("standards_crosswalk")["decision"]))


def standards() -> list[str]:
    """The standards and laws the crosswalk covers, sorted.

    >>> "CIPA" in standards()
    True
    """
    return sorted(set(_table("standards_crosswalk")["standard"]))


def crosswalk(decision: str | None = None, standard: str | None = None) -> pd.DataFrame:
    """Which standard governs which decision, filtered by either or both.

    Matching is case-insensitive and by substring: ``standard="cis"`` finds
    "CIS Controls v8" and "CIS Controls v8 IG1" (and CISA); ``decision="student data"``
    finds the vendor-contract rows.

    Examples
    --------
    >>> crosswalk(decision="filtering")[["standard", "citation"]].values.tolist()
    [['CIPA', '47 U.S.C. 254(h) and (l); 47 CFR 54.520']]
    >>> sorted(crosswalk(decision="student data")["standard"])[:2]
    ['AB 1584 (Education Code 49073.1)', 'California Student Data Privacy Agreement']
    >>> crosswalk(standard="HIPAA")
    Traceback (most recent call last):
    ...
    workbook.errors.InputError: standard = 'HIPAA' is not allowed: expected part of a standard's name in the crosswalk, e.g. 'AB 1584 (Education Code 49073.1)', 'CIPA', 'CIS Controls v8', 'CIS Controls v8 IG1', ...
    """
    table = _table("standards_crosswalk")
    for field, value in (("decision", decision), ("standard", standard)):
        if value is None:
            continue
        if not isinstance(value, str) or not value.strip():
            raise InputError(field, value, f"text naming a {field}, or None for all")
        hit = table[field].str.lower().str.contains(value.strip().lower(), regex=False)
        if not hit.any():
            options = sorted(set(_table("standards_crosswalk")[field]))
            shown = ", ".join(repr(o) for o in options[:4])
            raise InputError(field, value, f"part of a {field}'s name in the crosswalk, e.g. {shown}, ...")
        table = table[hit]
    return table.reset_index(drop=True)


def concepts() -> pd.DataFrame:
    """The technical concepts of the self-assessment: ``concept_id``, ``area``, ``concept``, ``description``.

    >>> c = concepts()
    >>> len(c) >= 20, sorted(set(c["area"]))[0]
    (True, 'Data and integration')
    """
    return _table("technical_concepts")


def self_assessment(
    responses: Mapping[str, int], *, detail: bool = False, strength: int = 4, gap: int = 2
) -> pd.DataFrame:
    """Score a technical-concepts self-assessment: strengths and gaps by area.

    Parameters
    ----------
    responses
        ``{concept_id: rating}`` with ratings 1-5 (see :data:`LIKERT`). Concepts
        left out count as not rated.
    detail
        ``False`` (default): one row per area. ``True``: one row per concept.
    strength, gap
        A rating at or above ``strength`` is a strength; at or below ``gap`` a gap.

    Returns
    -------
    DataFrame
        By area: ``area``, ``concepts``, ``rated``, ``mean_score``, ``status``
        (strength, developing, gap or not rated, from the mean), ``strengths``
        and ``gaps`` (the concepts' names, joined by "; "). Sorted by mean
        score, lowest first, so the biggest gap heads the list.

    Examples
    --------
    >>> out = self_assessment({"net-wan": 5, "net-wireless": 4, "sec-backup": 2, "sec-identity": 1})
    >>> out[["area", "rated", "mean_score", "status"]].values.tolist()[:2]
    [['Security', 2, 1.5, 'gap'], ['Networking', 2, 4.5, 'strength']]
    >>> self_assessment({"net-wan": 7})
    Traceback (most recent call last):
    ...
    workbook.errors.InputError: responses['net-wan'] = 7 is not allowed: expected one of 1, 2, 3, 4, 5
    """
    import pandas as pd

    if not isinstance(responses, Mapping):
        raise InputError("responses", responses, "a dict of concept id -> rating 1-5")
    table = concepts()
    known = list(table["concept_id"])
    scores: dict[str, int] = {}
    for key, value in responses.items():
        if key not in known:
            raise InputError("responses", key, "concept ids from concepts(), e.g. " + ", ".join(repr(k) for k in known[:3]))
        v = value.item() if hasattr(value, "item") else value
        if isinstance(v, bool):
            raise InputError(f"responses[{key!r}]", v, "one of 1, 2, 3, 4, 5")
        scores[key] = check_choice(f"responses[{key!r}]", v, list(LIKERT))
    table["score"] = table["concept_id"].map(scores).astype(float)
    table["label"] = table["concept_id"].map(lambda k: LIKERT.get(scores.get(k, 0), "not rated"))
    table["status"] = [_status(s, strength, gap) for s in table["score"]]
    if detail:
        return table[["concept_id", "area", "concept", "score", "label", "status"]]
    rows = []
    for area, part in table.groupby("area", sort=True):
        rated = part["score"].dropna()
        mean = round(float(rated.mean()), 2) if len(rated) else float("nan")
        rows.append({
            "area": area,
            "concepts": int(len(part)),
            "rated": int(len(rated)),
            "mean_score": mean,
            "status": _status(mean, strength, gap),
            "strengths": "; ".join(part.loc[part["status"] == "strength", "concept"]),
            "gaps": "; ".join(part.loc[part["status"] == "gap", "concept"]),
        })
    out = pd.DataFrame(rows)
    return out.sort_values(["mean_score", "area"], na_position="last", kind="mergesort").reset_index(drop=True)


def _status(score: Any, strength: int, gap: int) -> str:
    import pandas as pd

    if pd.isna(score):
        return "not rated"
    if score >= strength:
        return "strength"
    if score <= gap:
        return "gap"
    return "developing"
