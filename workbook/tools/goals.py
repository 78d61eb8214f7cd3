"""Mission and goals: which of the district's LCAP goals the department's goals serve.

A department goal names the LCAP goal (or goals) it serves; :func:`goal_alignment`
lists, for each LCAP goal, the department goals that serve it, and finds the
two kinds of gap a cabinet notices: an LCAP goal no department goal serves, and
a department goal that serves no LCAP goal.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from workbook.errors import InputError
from workbook.tools._validate import as_table

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["goal_alignment"]


def goal_alignment(goals: Any, lcap_goals: dict[str, str]) -> pd.DataFrame:
    """The department's goals against the LCAP's: one row per LCAP goal.

    Parameters
    ----------
    goals
        One row per department goal: ``goal`` (its text) and ``lcap`` (the id
        of the LCAP goal it serves, several separated by commas, or empty).
    lcap_goals
        LCAP goal id -> its title, in the LCAP's order.

    Returns
    -------
    DataFrame
        Index: the LCAP goal ids; columns ``title``, ``department_goals`` (how
        many serve it), ``served`` (at least one) and ``by`` (their texts).
        ``attrs["unaligned"]`` lists the department goals that serve no LCAP goal.

    Examples
    --------
    >>> lcap = {"1": "Readers by grade 3", "2": "Safe schools", "3": "Graduates ready"}
    >>> mine = [{"goal": "Wi-Fi in every room", "lcap": "1, 3"}, {"goal": "MFA for staff", "lcap": "2"},
    ...         {"goal": "Move email to the cloud", "lcap": ""}]
    >>> t = goal_alignment(mine, lcap)
    >>> t["department_goals"].to_dict(), t.attrs["unaligned"]
    ({'1': 1, '2': 1, '3': 1}, ['Move email to the cloud'])
    >>> goal_alignment([{"goal": "Wi-Fi", "lcap": "7"}], lcap)
    Traceback (most recent call last):
    ...
    workbook.errors.InputError: goals[0].lcap = '7' is not allowed: expected ids of LCAP goals (1, 2, 3), separated by commas
    """
    import pandas as pd

    if not isinstance(lcap_goals, dict) or not lcap_goals:
        raise InputError("lcap_goals", lcap_goals, "a dict of LCAP goal id -> title")
    ids = [str(k) for k in lcap_goals]
    table = as_table("goals", goals, ["goal", "lcap"], noun="goal")
    serving: dict[str, list[str]] = {i: [] for i in ids}
    unaligned = []
    for i, row in enumerate(table[["goal", "lcap"]].to_dict("records")):
        text = row["goal"]
        if not isinstance(text, str) or not text.strip():
            raise InputError(f"goals[{i}].goal", text, "the goal's text")
        cell = row["lcap"]
        if cell is None or (isinstance(cell, float) and cell != cell):
            cell = ""
        links = [p.strip() for p in str(cell).split(",") if p.strip()]
        for link in links:
            if link not in serving:
                raise InputError(f"goals[{i}].lcap", link, f"ids of LCAP goals ({', '.join(ids)}), separated by commas")
            serving[link].append(text.strip())
        if not links:
            unaligned.append(text.strip())
    out = pd.DataFrame({"title": [lcap_goals[k] for k in lcap_goals], "department_goals": [len(serving[i]) for i in ids],
                        "served": [bool(serving[i]) for i in ids], "by": ["; ".join(serving[i]) for i in ids]},
                       index=pd.Index(ids, name="lcap"))
    out.attrs["unaligned"] = unaligned
    return out
