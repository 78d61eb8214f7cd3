"""An information security assessment against CIS Controls v8 Implementation Group 1.

IG1 is the 56 safeguards the Center for Internet Security calls essential
cyber hygiene, spread over 15 of the 18 controls (reference table
``cis_ig1_safeguards``: how many IG1 safeguards each control has). An
assessment records, per control, how many of its IG1 safeguards the district
has **in place** (with evidence); the gaps are the rest.

Examples
--------
>>> table = ig1_gap_assessment({1: 2, 3: 4, 14: 5})
>>> table.attrs["implemented"], table.attrs["total"], table.attrs["coverage"]
(11, 56, 0.1964)
>>> int(table.loc[0, "control"]), table.loc[0, "name"], int(table.loc[0, "missing"])   # most missing first
(4, 'Secure Configuration of Enterprise Assets and Software', 7)
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from workbook.errors import InputError
from workbook.tools._validate import check_count

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = ["ig1_safeguards", "ig1_gap_assessment"]


def ig1_safeguards() -> pd.DataFrame:
    """The 18 CIS Controls with their number of IG1 safeguards (56 in all).

    >>> int(ig1_safeguards()["ig1_safeguards"].sum())
    56
    """
    from workbook.tools.reference import reference_table

    table = reference_table("cis_ig1_safeguards")
    table["control"] = table["control"].astype(int)
    table["ig1_safeguards"] = table["ig1_safeguards"].astype(int)
    return table[["control", "name", "ig1_safeguards"]]


def ig1_gap_assessment(implemented: Mapping[Any, int]) -> pd.DataFrame:
    """Coverage and gaps of an IG1 assessment, controls with the most missing safeguards first.

    Parameters
    ----------
    implemented
        IG1 safeguards in place, per control number (1-18). Controls left out
        count as none in place.

    Returns
    -------
    DataFrame
        ``control``, ``name``, ``ig1_safeguards``, ``implemented``, ``missing``
        and ``coverage`` (share in place), sorted by ``missing`` (largest
        first), ties by control number; controls without IG1 safeguards are
        left out. ``attrs``: ``implemented``, ``total`` and ``coverage``
        (rounded to 4 decimals).

    Examples
    --------
    >>> ig1_gap_assessment({2: 4})
    Traceback (most recent call last):
    ...
    workbook.errors.InputError: implemented[2] = 4 is not allowed: expected a whole number between 0 and 3 (the IG1 safeguards of control 2)
    >>> ig1_gap_assessment({19: 1})
    Traceback (most recent call last):
    ...
    workbook.errors.InputError: implemented = 19 is not allowed: expected CIS Control numbers 1 to 18
    """
    if not isinstance(implemented, Mapping):
        raise InputError("implemented", implemented, "a mapping of CIS Control number to IG1 safeguards in place")
    table = ig1_safeguards()
    limits = dict(zip(table["control"], table["ig1_safeguards"]))
    done = {}
    for key, value in implemented.items():
        try:
            number = int(key)
        except (TypeError, ValueError):
            raise InputError("implemented", key, "CIS Control numbers 1 to 18") from None
        if number not in limits:
            raise InputError("implemented", key, "CIS Control numbers 1 to 18")
        count = check_count(f"implemented[{key}]", value)
        if count > limits[number]:
            raise InputError(f"implemented[{key}]", value,
                             f"a whole number between 0 and {limits[number]} (the IG1 safeguards of control {number})")
        done[number] = count
    table = table[table["ig1_safeguards"] > 0].copy()
    table["implemented"] = [done.get(c, 0) for c in table["control"]]
    table["missing"] = table["ig1_safeguards"] - table["implemented"]
    table["coverage"] = (table["implemented"] / table["ig1_safeguards"]).round(4)
    table = table.sort_values(["missing", "control"], ascending=[False, True], kind="mergesort").reset_index(drop=True)
    total, have = int(table["ig1_safeguards"].sum()), int(table["implemented"].sum())
    table.attrs.update(implemented=have, total=total, coverage=round(have / total, 4))
    return table
