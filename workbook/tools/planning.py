"""Technology planning: a weighted needs assessment, SMART goals tracked, and the plan's cost over its life.

* :func:`needs_assessment` scores needs from a stakeholder survey: for each
  group the average **discrepancy** (how important a need is minus how well it
  is met today, both on a 1-5 scale), then a weighted average over groups with
  the weights the planning committee chose, so the choice of whose voice counts
  how much is explicit and can be varied.
* :func:`smart_problems` checks goals against Doran's SMART criteria (1981) as
  far as data can: a specific statement, a measure with a baseline and a target,
  an owner, the resources named, and dates; :func:`goal_status` says whether
  each goal is on track at a date, from its baseline, target and latest value.
* :func:`plan_cost` adds up each goal's cost items over the plan's fiscal years
  with :func:`workbook.tools.tco.tco` (refresh cycles and subscriptions
  included), :func:`plan_present_value` discounts them with
  :func:`workbook.tools.finance.npv`, and :func:`funding_gap` sets them against
  the funding sources, one-time and ongoing, to find the year the plan runs
  short.
* :func:`site_plan_review` checks a site's own plan against the elements CDE's
  legacy criteria looked for and against the district's goals.

Every function validates its input and raises
:class:`workbook.errors.InputError` naming the argument, the value and what is allowed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from workbook.errors import InputError
from workbook.tools._validate import as_table, check_choice, check_count, check_number, check_rate, check_ratings
from workbook.tools.finance import equivalent_annual_cost, npv
from workbook.tools.fiscal_year import check_fiscal_year, fiscal_years
from workbook.tools.tco import CostItem, tco

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "RATING",
    "SMART",
    "STATUSES",
    "needs_assessment",
    "smart_problems",
    "goal_status",
    "plan_cost",
    "plan_present_value",
    "funding_gap",
    "PLAN_ELEMENTS",
    "site_plan_review",
]

#: The survey's scale: 1 (not important / not met) to 5 (essential / fully met).
RATING = (1, 5)
#: Doran's letters (1981): Specific, Measurable, Assignable, Realistic, Time-related.
SMART = ("S", "M", "A", "R", "T")
#: What :func:`goal_status` can say, from best to worst.
STATUSES = ("met", "on track", "at risk", "off track", "overdue", "not started")


def _plain(values: Any) -> list[Any]:
    return values.tolist() if hasattr(values, "tolist") else list(values)


def needs_assessment(responses: Any, weights: Mapping[str, float]) -> pd.DataFrame:
    """Needs ranked by the weighted discrepancy between importance and how well each is met.

    Parameters
    ----------
    responses
        Columns ``group``, ``need``, ``importance`` and ``current`` (1-5 each).
    weights
        Each group's weight (any non-negative numbers; they are scaled to add up to 1
        over the groups that rated a need). Every group in the survey needs one.

    Returns
    -------
    One row per need: a column per group (its mean discrepancy), ``score``
    (the weighted mean) and ``rank``; sorted by score, ties by need name.

    Examples
    --------
    Teachers rate devices 5 important and 2 met (discrepancy 3), families 4 and 3 (1);
    with weights 3 and 1 the score is (3 x 3 + 1 x 1) / 4 = 2.5. Wi-Fi: 4-3 and 5-2 gives
    (3 x 1 + 1 x 3) / 4 = 1.5.

    >>> rows = [{"group": "teachers", "need": "devices", "importance": 5, "current": 2},
    ...         {"group": "families", "need": "devices", "importance": 4, "current": 3},
    ...         {"group": "teachers", "need": "Wi-Fi", "importance": 4, "current": 3},
    ...         {"group": "families", "need": "Wi-Fi", "importance": 5, "current": 2}]
    >>> needs_assessment(rows, {"teachers": 3, "families": 1})[["score", "rank"]].to_dict("index")
    {'devices': {'score': 2.5, 'rank': 1}, 'Wi-Fi': {'score': 1.5, 'rank': 2}}
    >>> needs_assessment(rows, {"teachers": 3})
    Traceback (most recent call last):
    ...
    workbook.errors.InputError: weights = {'teachers': 3} is not allowed: expected a weight for every group in the survey (missing: 'families')
    """
    frame = as_table("responses", responses, ["group", "need", "importance", "current"], noun="response")
    for column in ("importance", "current"):
        check_ratings(_plain(frame[column]), f"responses.{column}", RATING)
    if not isinstance(weights, Mapping):
        raise InputError("weights", weights, "a mapping of each stakeholder group to its weight")
    groups = sorted(frame["group"].astype(str).unique())
    missing = [g for g in groups if g not in weights]
    if missing:
        raise InputError("weights", dict(weights), f"a weight for every group in the survey (missing: {', '.join(map(repr, missing))})")
    w = {g: check_number(f"weights[{g!r}]", weights[g], minimum=0) for g in groups}
    if sum(w.values()) <= 0:
        raise InputError("weights", dict(weights), "at least one weight above 0")
    frame = frame.assign(group=frame["group"].astype(str), need=frame["need"].astype(str),
                         discrepancy=frame["importance"].astype(float) - frame["current"].astype(float))
    table = frame.pivot_table(index="need", columns="group", values="discrepancy", aggfunc="mean")
    weight_row = table.notna().mul(w).where(table.notna())
    table["score"] = (table[groups].mul(w).sum(axis=1, min_count=1) / weight_row.sum(axis=1)).fillna(0.0)
    table = table.reset_index().sort_values(["score", "need"], ascending=[False, True], kind="mergesort").set_index("need")
    table["rank"] = range(1, len(table) + 1)
    table.columns.name = None
    return table


def _date(name: str, value: Any) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise InputError(name, value, "a date written like 2027-06-30")


def _missing(value: Any) -> bool:
    return value is None or (isinstance(value, float) and value != value) or (isinstance(value, str) and not value.strip())


#: Owners that name nobody: a goal everyone owns is a goal no one owns.
_NOBODY = {"everyone", "all", "all staff", "staff", "district", "the district", "tbd", "team"}


def smart_problems(goals: Any) -> dict[str, str]:
    """Which SMART letters each goal fails, as far as its data show: goal id -> letters, in SMART order.

    ``goals`` has columns ``id``, ``goal`` (the statement), ``measure``,
    ``baseline``, ``target``, ``owner``, ``funding`` (the resources named),
    ``start`` and ``due``. A goal fails **S** if its statement has fewer than
    six words; **M** without a measure, or with a target equal to the baseline;
    **A** without a named owner ("everyone" and "staff" name nobody); **R**
    without resources named; **T** without dates, or due before it starts.
    Goals that pass are left out.

    >>> goals = [{"id": "G1", "goal": "Every student in grades 3-12 has a working device", "measure": "devices per student",
    ...           "baseline": 0.8, "target": 1.0, "owner": "CTO", "funding": "LCFF", "start": "2025-07-01", "due": "2027-06-30"},
    ...          {"id": "G2", "goal": "Better Wi-Fi", "measure": "", "baseline": 1, "target": 1, "owner": "everyone",
    ...           "funding": "", "start": "2026-07-01", "due": "2026-01-01"}]
    >>> smart_problems(goals)
    {'G2': 'SMART'}
    """
    frame = as_table("goals", goals, ["id", "goal", "measure", "baseline", "target", "owner", "funding", "start", "due"], noun="goal")
    out: dict[str, str] = {}
    for i, row in frame.iterrows():
        letters = []
        if _missing(row["goal"]) or len(str(row["goal"]).split()) < 6:
            letters.append("S")
        numbers_ok = not (_missing(row["baseline"]) or _missing(row["target"]))
        if _missing(row["measure"]) or not numbers_ok or float(row["baseline"]) == float(row["target"]):
            letters.append("M")
        if _missing(row["owner"]) or str(row["owner"]).strip().lower() in _NOBODY:
            letters.append("A")
        if _missing(row["funding"]):
            letters.append("R")
        if _missing(row["start"]) or _missing(row["due"]) or _date(f"goals[{i}].due", row["due"]) <= _date(f"goals[{i}].start", row["start"]):
            letters.append("T")
        if letters:
            out[str(row["id"])] = "".join(letters)
    return out


def goal_status(goals: Any, as_of: Any, *, tolerance: float = 0.10) -> pd.DataFrame:
    """Each goal's progress at ``as_of`` against a straight line from baseline (at start) to target (at due).

    ``progress`` is (current - baseline) / (target - baseline), so it works for
    targets below the baseline too (fewer tickets, less downtime); ``expected``
    is the share of the time from start to due that has passed. Status: **met**
    when progress reaches 1; **overdue** when the due date has passed without
    it; **not started** before the start; **on track** when progress is no more
    than ``tolerance`` behind expected, **at risk** within twice that, **off track** beyond.

    Halfway through a ten-day goal, 40% done is 10 points behind (on track at the
    default tolerance of 0.10); 12.5% done is 37.5 points behind (off track):

    >>> goals = [{"id": "G1", "baseline": 0, "target": 100, "current": 40, "start": "2026-01-01", "due": "2026-01-11"},
    ...          {"id": "G2", "baseline": 50, "target": 10, "current": 45, "start": "2026-01-01", "due": "2026-01-11"}]
    >>> goal_status(goals, "2026-01-06")[["progress", "expected", "status"]].round(3).to_dict("index")
    {'G1': {'progress': 0.4, 'expected': 0.5, 'status': 'on track'}, 'G2': {'progress': 0.125, 'expected': 0.5, 'status': 'off track'}}
    """
    import pandas as pd

    frame = as_table("goals", goals, ["id", "baseline", "target", "current", "start", "due"], noun="goal")
    when = _date("as_of", as_of)
    tol = check_number("tolerance", tolerance, minimum=0, maximum=1)
    rows = []
    for i, row in frame.iterrows():
        base = check_number(f"goals[{i}].baseline", row["baseline"])
        target = check_number(f"goals[{i}].target", row["target"])
        if target == base:
            raise InputError(f"goals[{i}].target", row["target"], "a target different from the baseline (otherwise there is nothing to track)")
        current = check_number(f"goals[{i}].current", row["current"])
        start, due = _date(f"goals[{i}].start", row["start"]), _date(f"goals[{i}].due", row["due"])
        if due <= start:
            raise InputError(f"goals[{i}].due", row["due"], f"a date after the start ({start.isoformat()})")
        progress = (current - base) / (target - base)
        expected = min(1.0, max(0.0, (when - start).days / (due - start).days))
        behind = expected - progress
        status = ("met" if progress >= 1 else "overdue" if when > due else "not started" if when < start
                  else "on track" if behind <= tol + 1e-12 else "at risk" if behind <= 2 * tol + 1e-12 else "off track")
        rows.append({"id": str(row["id"]), "progress": progress, "expected": expected, "behind": behind, "status": status})
    return pd.DataFrame(rows).set_index("id")


_ITEM_FIELDS = ("goal", "item", "category", "upfront", "annual", "repeat_every", "start_year", "escalation")


def plan_cost(items: Any, first_year: str, years: int) -> pd.DataFrame:
    """Each goal's cost in each fiscal year of the plan, from its cost items (:func:`workbook.tools.tco.tco`).

    ``items`` has columns ``goal``, ``item``, ``category`` (a TCO category
    such as ``hardware``, ``software``, ``professional_development``),
    ``upfront`` (paid in ``start_year`` and again every ``repeat_every``
    years, for a refresh), ``annual`` (a subscription or support, every year
    from ``start_year``), and optionally ``repeat_every``, ``start_year``
    (1 = the plan's first year) and ``escalation`` (a yearly price increase).

    Returns one row per goal and one column per fiscal year, plus ``total``.

    >>> items = [{"goal": "Devices", "item": "Chromebooks", "category": "hardware", "upfront": 100_000, "annual": 0, "repeat_every": 2},
    ...          {"goal": "Devices", "item": "Licences", "category": "software", "upfront": 0, "annual": 5_000},
    ...          {"goal": "Security", "item": "MFA", "category": "software", "upfront": 2_000, "annual": 10_000, "escalation": 0.10}]
    >>> plan_cost(items, "2026-27", 3).round(0).to_dict("index")
    {'Devices': {'2026-27': 105000.0, '2027-28': 5000.0, '2028-29': 105000.0, 'total': 215000.0}, 'Security': {'2026-27': 12000.0, '2027-28': 11000.0, '2028-29': 12100.0, 'total': 35100.0}}
    """
    import math

    import pandas as pd

    labels = fiscal_years(check_fiscal_year("first_year", first_year), check_count("years", years, minimum=1))
    frame = as_table("items", items, ["goal", "item", "category", "upfront", "annual"], noun="cost item")
    by_goal: dict[str, list[CostItem]] = {}
    for i, row in frame.iterrows():
        extra = {f: row[f] for f in ("repeat_every", "start_year", "escalation") if f in row and not (isinstance(row[f], float) and math.isnan(row[f]))}
        try:
            item = CostItem(str(row["item"]), row["category"], upfront=row["upfront"], annual=row["annual"], **extra)
        except InputError as exc:
            raise InputError(f"items[{i}].{exc.field}", exc.value, exc.allowed) from None
        by_goal.setdefault(str(row["goal"]), []).append(item)
    rows = {goal: tco(parts, devices=1, students=1, years=len(labels)).by_year["total"].to_numpy() for goal, parts in by_goal.items()}
    table = pd.DataFrame.from_dict(rows, orient="index", columns=labels).rename_axis("goal")
    table["total"] = table[labels].sum(axis=1)
    return table


def plan_present_value(costs: pd.DataFrame, rate: float) -> dict[str, float]:
    """The plan's yearly totals in today's dollars: present value (year 1 is today) and equivalent annual cost.

    The equivalent annual cost is the level amount, paid at the start of each
    plan year, with the same present value: a plan of 1,000 dollars a year has
    an equivalent annual cost of 1,000 at any rate.

    Uses :func:`workbook.tools.finance.npv` and
    :func:`workbook.tools.finance.equivalent_annual_cost` on the yearly totals of
    :func:`plan_cost` (costs as positive amounts).

    >>> pv = plan_present_value(plan_cost([{"goal": "g", "item": "x", "category": "software", "upfront": 0, "annual": 1000}], "2026-27", 3), 0.10)
    >>> round(pv["present_value"], 2), round(pv["equivalent_annual_cost"], 2)
    (2735.54, 1000.0)
    """
    r = check_rate("rate", rate)
    yearly = costs.drop(columns=["total"]).sum(axis=0).to_numpy(dtype=float)
    pv = npv(r, yearly)
    # the level amount paid at the start of each plan year with the same present value:
    # the plan's flows shifted one year later (a year-0 of nothing) have PV / (1 + r), whose EAC is that amount
    eac = equivalent_annual_cost(r, [0.0, *yearly])
    return {"total": float(yearly.sum()), "present_value": pv, "equivalent_annual_cost": eac}


def funding_gap(costs: pd.DataFrame, sources: Any) -> pd.DataFrame:
    """The plan's yearly cost against its funding, one-time and ongoing: the gap, and the first year it opens.

    ``sources`` has columns ``source``, ``kind`` (``ongoing`` or
    ``one-time``), ``amount`` (dollars a year), ``first`` and ``last``
    (fiscal years the money arrives in, inclusive). Returns a row per fiscal
    year: ``cost``, ``ongoing``, ``one_time``, ``funding`` and ``gap`` (cost
    minus funding; positive means short), with ``attrs["first_gap_year"]``
    (``None`` when the plan is funded every year).

    >>> costs = plan_cost([{"goal": "g", "item": "x", "category": "software", "upfront": 0, "annual": 100}], "2026-27", 3)
    >>> gap = funding_gap(costs, [{"source": "LCFF", "kind": "ongoing", "amount": 60, "first": "2026-27", "last": "2028-29"},
    ...                           {"source": "Grant", "kind": "one-time", "amount": 50, "first": "2026-27", "last": "2027-28"}])
    >>> gap["gap"].tolist(), gap.attrs["first_gap_year"]
    ([-10.0, -10.0, 40.0], '2028-29')
    """
    import pandas as pd

    years = [c for c in costs.columns if c != "total"]
    frame = as_table("sources", sources, ["source", "kind", "amount", "first", "last"], noun="funding source")
    table = pd.DataFrame(0.0, index=pd.Index(years, name="fiscal_year"), columns=["cost", "ongoing", "one_time"])
    table["cost"] = costs[years].sum(axis=0).astype(float)
    for i, row in frame.iterrows():
        kind = check_choice(f"sources[{i}].kind", row["kind"], ["ongoing", "one-time"])
        amount = check_number(f"sources[{i}].amount", row["amount"], minimum=0)
        first = check_fiscal_year(f"sources[{i}].first", row["first"])
        last = check_fiscal_year(f"sources[{i}].last", row["last"])
        if last < first:
            raise InputError(f"sources[{i}].last", row["last"], f"a fiscal year no earlier than first ({first})")
        column = "ongoing" if kind == "ongoing" else "one_time"
        for year in years:
            if first <= year <= last:
                table.loc[year, column] += amount
    table["funding"] = table["ongoing"] + table["one_time"]
    table["gap"] = table["cost"] - table["funding"]
    short = [y for y in years if table.loc[y, "gap"] > 0.005]
    table.attrs["first_gap_year"] = short[0] if short else None
    return table


#: The elements CDE's legacy technology plan criteria looked for (the workbook's checklist for reviewing a plan).
PLAN_ELEMENTS = ("duration", "stakeholders", "curriculum", "professional development", "infrastructure", "budget",
                 "evaluation", "adult literacy", "research-based methods")


def site_plan_review(plans: Any, district_goals: Any, elements: Any = PLAN_ELEMENTS) -> pd.DataFrame:
    """What each site's technology plan is missing, and which of its goals serve no district goal.

    ``plans`` has columns ``site``, ``covers`` (the elements the plan has: a
    list, or names separated by ``;``) and ``serves`` (the district goals its
    own goals serve, the same way). Returns a row per site, most elements
    missing first (ties by site): ``missing`` (in the checklist's order),
    ``missing_count``, and ``unaligned`` (goals named that the district does not have).

    >>> review = site_plan_review([{"site": "North", "covers": "duration; budget", "serves": "G1; G9"},
    ...                            {"site": "South", "covers": ["duration"], "serves": "G1"}],
    ...                           ["G1", "G2"], ["duration", "budget", "evaluation"])
    >>> review[["missing", "missing_count", "unaligned"]].to_dict("index")
    {'South': {'missing': 'budget; evaluation', 'missing_count': 2, 'unaligned': ''}, 'North': {'missing': 'evaluation', 'missing_count': 1, 'unaligned': 'G9'}}
    >>> site_plan_review([{"site": "North", "covers": "budgte", "serves": ""}], ["G1"], ["budget"])
    Traceback (most recent call last):
    ...
    workbook.errors.InputError: plans[0].covers = ['budgte'] is not allowed: expected elements of the checklist (unknown: 'budgte'): budget
    """
    import pandas as pd

    from workbook.tools.training_sequence import split_names

    checklist = [str(e) for e in split_names(elements)]
    goals = [str(g) for g in split_names(district_goals)]
    if not checklist:
        raise InputError("elements", elements, "a non-empty checklist of plan elements")
    frame = as_table("plans", plans, ["site", "covers", "serves"], noun="site plan")
    rows = []
    for i, row in frame.iterrows():
        covers = split_names(row["covers"])
        unknown = [c for c in covers if c not in checklist]
        if unknown:
            raise InputError(f"plans[{i}].covers", covers, f"elements of the checklist (unknown: {', '.join(map(repr, unknown))}): {', '.join(checklist)}")
        missing = [e for e in checklist if e not in covers]
        rows.append({"site": str(row["site"]), "missing": "; ".join(missing), "missing_count": len(missing),
                     "unaligned": "; ".join(g for g in split_names(row["serves"]) if g not in goals)})
    out = pd.DataFrame(rows).sort_values(["missing_count", "site"], ascending=[False, True], kind="mergesort")
    return out.set_index("site")
