"""The California School Dashboard's five-by-five grid: status and change to a colour.

For a state indicator the Dashboard places this year's result (**status**)
in one of five levels and its difference from last year (**change**) in one
of five more; the 5x5 grid of the two gives a colour, from worst to best
Red, Orange, Yellow, Green, Blue. Cut points and grids are reference tables
(``dashboard_cut_points``, ``dashboard_colour_grids``), each row with its
source and confidence:

=======================  ============================================  ==============
indicator                status and change                             confidence
=======================  ============================================  ==============
``ela_3_8``              distance from standard, ELA grades 3-8        H (2017 guide)
``math_3_8``             distance from standard, math grades 3-8       illustrative
``chronic_absenteeism``  share of K-8 students chronically absent      H (2023 on)
=======================  ============================================  ==============

Conventions: academic status and change are points; chronic absenteeism
rates are **fractions** (0.123 is 12.3%), compared in percent. Status and
change are each rounded half up to one decimal (of a point, or of a percent)
before they meet the cut points, as the Dashboard reports them; every level's
lower bound is inclusive. For chronic absenteeism a *higher* rate is worse,
so its grid runs the other way.

Examples
--------
>>> dashboard_colour("ela_3_8", status=12.0, change=8.0)
'Green'
>>> dashboard_colour("chronic_absenteeism", status=0.123, change=-0.021)
'Yellow'
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache
from typing import TYPE_CHECKING, Any

import numpy as np

from workbook.errors import InputError
from workbook.tools._validate import as_table, check_choice, check_fraction, check_number
from workbook.tools.assessment import group_masks, group_reporting

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = [
    "INDICATORS",
    "STATUS_LEVELS",
    "CHANGE_LEVELS",
    "COLOURS",
    "reported",
    "status_level",
    "change_level",
    "grid_colour",
    "dashboard_colour",
    "colour_grid",
    "colour_rank",
    "absenteeism_by_group",
    "dashboard_table",
    "da_priorities",
]

INDICATORS = ("ela_3_8", "math_3_8", "chronic_absenteeism")
#: Level names, highest value first (for chronic absenteeism a high value is bad).
STATUS_LEVELS = ("very high", "high", "medium", "low", "very low")
CHANGE_LEVELS = ("increased significantly", "increased", "maintained", "declined", "declined significantly")
#: Worst to best.
COLOURS = ("Red", "Orange", "Yellow", "Green", "Blue")
_PERCENT = {"chronic_absenteeism"}


def colour_rank(colour: str) -> int:
    """0 for Red up to 4 for Blue.

    >>> colour_rank("Yellow")
    2
    """
    return COLOURS.index(check_choice("colour", colour, COLOURS))


def reported(value: float) -> float:
    """``value`` rounded half up to one decimal, as the Dashboard reports it.

    >>> reported(-0.45), reported(2.55), reported(-70.05)
    (-0.5, 2.6, -70.1)
    """
    return float(Decimal(repr(float(value))).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))


@lru_cache(maxsize=None)
def _cuts(indicator: str, measure: str) -> tuple[tuple[str, float | None], ...]:
    from workbook.tools.reference import shared_table

    table = shared_table("dashboard_cut_points")
    rows = table[(table["indicator"] == indicator) & (table["measure"] == measure)]
    return tuple((str(level), None if str(bound) in ("", "nan") else float(bound))
                 for level, bound in zip(rows["level"], rows["lower_bound"]))


def _indicator(indicator: Any) -> str:
    return check_choice("indicator", indicator, INDICATORS)


def _value(indicator: str, name: str, value: Any, *, change: bool) -> float:
    if indicator in _PERCENT:
        if change:
            return reported(round(100 * check_number(name, value, minimum=-1, maximum=1), 9))
        return reported(round(100 * check_fraction(name, value), 9))
    return reported(check_number(name, value))


def _level(indicator: str, measure: str, value: float) -> str:
    for level, bound in _cuts(indicator, measure):
        if bound is None or value >= bound:
            return level
    raise AssertionError("the last level has no lower bound")  # pragma: no cover


def status_level(indicator: str, status: float) -> str:
    """The status level of a result: distance from standard in points, or a chronic absenteeism rate (fraction).

    >>> [status_level("ela_3_8", s) for s in (45, 44.95, 10, -5, -5.06, -70, -70.1)]
    ['very high', 'very high', 'high', 'medium', 'low', 'low', 'very low']
    >>> [status_level("chronic_absenteeism", r) for r in (0.025, 0.026, 0.05, 0.051, 0.1004, 0.1005, 0.201)]
    ['very low', 'low', 'low', 'medium', 'medium', 'high', 'very high']
    >>> status_level("chronic_absenteeism", 12.3)
    Traceback (most recent call last):
    ...
    workbook.errors.InputError: status = 12.3 is not allowed: expected a fraction between 0 and 1 (write 25% as 0.25)
    """
    ind = _indicator(indicator)
    return _level(ind, "status", _value(ind, "status", status, change=False))


def change_level(indicator: str, change: float) -> str:
    """The change level of this year's status minus last year's (points, or a difference of rates as a fraction).

    >>> [change_level("ela_3_8", c) for c in (20, 19.9, 7, 6.9, -0.9, -1, -15, -15.1)]
    ['increased significantly', 'increased', 'increased', 'maintained', 'maintained', 'declined', 'declined', 'declined significantly']
    >>> [change_level("chronic_absenteeism", c) for c in (0.031, 0.005, 0.004, -0.004, -0.005, -0.029, -0.03)]
    ['increased significantly', 'increased', 'maintained', 'maintained', 'declined', 'declined', 'declined significantly']
    """
    ind = _indicator(indicator)
    return _level(ind, "change", _value(ind, "change", change, change=True))


@lru_cache(maxsize=None)
def _grid(indicator: str) -> dict[tuple[str, str], str]:
    from workbook.tools.reference import shared_table

    table = shared_table("dashboard_colour_grids")
    rows = table[table["indicator"] == indicator]
    return {(s, c): colour for s, c, colour in zip(rows["status_level"], rows["change_level"], rows["colour"])}


def grid_colour(indicator: str, status_level: str, change_level: str) -> str:
    """The colour of a cell of an indicator's 5x5 grid.

    >>> grid_colour("chronic_absenteeism", "high", "declined")
    'Yellow'
    >>> grid_colour("ela_3_8", "very low", "increased significantly")
    'Yellow'
    """
    ind = _indicator(indicator)
    s = check_choice("status_level", status_level, STATUS_LEVELS)
    c = check_choice("change_level", change_level, CHANGE_LEVELS)
    return _grid(ind)[s, c]


def dashboard_colour(indicator: str, status: float, change: float | None) -> str | None:
    """The colour of a result and its change from last year; ``None`` without a change (status only).

    >>> dashboard_colour("ela_3_8", -80.0, -20.0), dashboard_colour("ela_3_8", 50.0, 25.0)
    ('Red', 'Blue')
    >>> dashboard_colour("ela_3_8", -80.0, None) is None
    True
    >>> dashboard_colour("ela", 1.0, 1.0)
    Traceback (most recent call last):
    ...
    workbook.errors.InputError: indicator = 'ela' is not allowed: expected one of 'ela_3_8', 'math_3_8', 'chronic_absenteeism'
    """
    s = status_level(indicator, status)
    if change is None:
        return None
    return grid_colour(indicator, s, change_level(indicator, change))


def colour_grid(indicator: str) -> pd.DataFrame:
    """The indicator's 5x5 grid: status levels as rows (best first), change levels as columns (worst first).

    >>> colour_grid("ela_3_8").loc["very high"].tolist()
    ['Yellow', 'Green', 'Blue', 'Blue', 'Blue']
    >>> colour_grid("chronic_absenteeism").columns[0]
    'increased significantly'
    """
    import pandas as pd

    ind = _indicator(indicator)
    bad_to_good_change = CHANGE_LEVELS if ind in _PERCENT else CHANGE_LEVELS[::-1]
    good_to_bad_status = STATUS_LEVELS[::-1] if ind in _PERCENT else STATUS_LEVELS
    grid = _grid(ind)
    frame = pd.DataFrame([[grid[s, c] for c in bad_to_good_change] for s in good_to_bad_status],
                         index=list(good_to_bad_status), columns=list(bad_to_good_change))
    frame.index.name, frame.columns.name = "status", "change"
    return frame


def absenteeism_by_group(students: Any, flags: Sequence[str] = (), categories: Sequence[str] = (),
                         column: str = "chronic_absent") -> pd.DataFrame:
    """Per student group: students counted and the share chronically absent (``column`` true: absent 10% or more of the days enrolled).

    >>> rows = [{"chronic_absent": a, "Homeless Youth": h} for a, h in ((True, True), (False, True), (False, False), (False, False))]
    >>> absenteeism_by_group(rows, ["Homeless Youth"]).to_dict("index")
    {'All Students': {'students': 4, 'rate': 0.25}, 'Homeless Youth': {'students': 2, 'rate': 0.5}}
    """
    import pandas as pd

    table = as_table("students", students, (column, *flags, *categories), noun="student")
    if table[column].dtype != bool and not table[column].map(lambda v: isinstance(v, (bool, np.bool_))).all():
        raise InputError(f"students.{column}", table[column].tolist()[:5], "True or False for every student")
    absent = table[column].to_numpy()
    rows = []
    for g, m in group_masks(table, flags, categories).items():
        member = m.to_numpy(dtype=bool)
        n = int(np.count_nonzero(member))
        if n:  # the group's mean of true/false: those absent over those counted (the same division pandas does)
            rows.append({"group": g, "students": n, "rate": float(np.count_nonzero(absent[member]) / n)})
    return pd.DataFrame(rows).set_index("group")


def dashboard_table(current: Any, prior: Any, indicator: str, *, min_colour: int = 30, min_shown: int = 11) -> pd.DataFrame:
    """Each student group's status, change, levels and colour on one indicator, with the Dashboard's reporting rule.

    Parameters
    ----------
    current, prior
        Indexed by group, with ``students`` and the status (``dfs`` for an
        academic indicator, ``rate`` for chronic absenteeism), this year and
        last year; a group missing last year has no change.
    min_colour, min_shown
        Students a group needs for a colour, and for any result
        (:func:`workbook.tools.assessment.group_reporting`).

    Returns
    -------
    DataFrame
        Indexed by group: ``students``, ``status``, ``change`` (both as
        reported: points, or percent for chronic absenteeism; NaN where not
        shown), ``status_level``, ``change_level``, ``reporting`` and
        ``colour`` (None unless reported with a colour and a change).

    Examples
    --------
    >>> import pandas as pd
    >>> now = pd.DataFrame({"students": [300, 20], "dfs": [-12.0, -80.0]}, index=["All Students", "Foster Youth"])
    >>> before = pd.DataFrame({"students": [310, 18], "dfs": [-20.0, -60.0]}, index=["All Students", "Foster Youth"])
    >>> dashboard_table(now, before, "ela_3_8")[["status", "change", "reporting", "colour"]].values.tolist()
    [[-12.0, 8.0, 'colour', 'Yellow'], [-80.0, -20.0, 'no colour', None]]
    """
    import pandas as pd

    ind = _indicator(indicator)
    key = "rate" if ind in _PERCENT else "dfs"
    if not isinstance(current, pd.DataFrame) or not {"students", key} <= set(current.columns):
        raise InputError("current", type(current).__name__, f"a table indexed by group with 'students' and {key!r} columns")
    before = prior if isinstance(prior, pd.DataFrame) else pd.DataFrame(prior)
    if key not in before.columns:
        raise InputError("prior", list(before.columns), f"a table with a {key!r} column, indexed by group")
    scale = 100 if ind in _PERCENT else 1
    rows = []
    for group, n, value in zip(current.index, current["students"], current[key]):
        how = group_reporting(int(n), min_colour=min_colour, min_shown=min_shown)
        last = before[key].get(group) if group in before.index else None
        delta = None if last is None or pd.isna(last) else float(value) - float(last)
        shown = how != "not shown"
        rows.append({
            "group": group, "students": int(n),
            "status": reported(round(scale * float(value), 9)) if shown else float("nan"),
            "change": reported(round(scale * delta, 9)) if shown and delta is not None else float("nan"),
            "status_level": status_level(ind, value) if shown else None,
            "change_level": change_level(ind, delta) if shown and delta is not None else None,
            "reporting": how,
            "colour": dashboard_colour(ind, value, delta) if how == "colour" and delta is not None else None,
        })
    frame = pd.DataFrame(rows).set_index("group")
    for column in ("status_level", "change_level", "colour"):
        frame[column] = frame[column].astype(object).where(frame[column].notna(), None)
    return frame


def da_priorities(ela: str | None, math: str | None, chronic_absenteeism: str | None) -> list[int]:
    """The LCFF priority areas in which a student group meets the workbook's model of CDE's differentiated assistance criteria.

    Priority 4 (pupil achievement): Red on both ELA and math, or Red on one and
    Orange on the other. Priority 5 (pupil engagement): Red on chronic
    absenteeism. (CDE's criteria also use English learner progress,
    graduation, suspension and college/career, left out here.) A district is
    eligible when one group meets the criteria in two or more priorities.

    >>> da_priorities("Red", "Orange", "Red"), da_priorities("Orange", "Orange", "Red"), da_priorities(None, "Red", None)
    ([4, 5], [5], [])
    """
    colours = [c for c in (ela, math, chronic_absenteeism) if c is not None]
    for value in colours:
        check_choice("colour", value, COLOURS)
    pair = sorted(c for c in (ela, math) if c is not None)
    out = []
    if len(pair) == 2 and pair in (["Red", "Red"], ["Orange", "Red"]):
        out.append(4)
    if chronic_absenteeism == "Red":
        out.append(5)
    return out
