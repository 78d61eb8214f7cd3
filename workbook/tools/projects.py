"""Project schedules: the activity network, the critical path method and the WBS.

Conventions
-----------
* Durations and dates are **working days** counted from the project's start:
  an activity with early start 0 and duration 5 occupies working days 0 to 4
  and finishes at the end of day 4, written as early finish 5 (the "day 0"
  convention). :mod:`workbook.tools.schedule_risk` turns day numbers into
  calendar dates.
* An activity table has one row per activity with the columns ``id``,
  ``duration`` and ``predecessors`` (a list of ids, or ids separated by
  commas; empty for an activity that can start at once), and optionally
  ``name``, ``wbs`` and ``cost``.
* The network is a :class:`networkx.DiGraph`: one node per activity, one edge
  from each predecessor to its successor (finish-to-start, no lag). A loop of
  dependencies is rejected with the activities on it named.
* Total float = late start - early start; an activity is **critical** when its
  float is the least in the network (zero when no deadline is imposed).

Examples
--------
>>> plan = [{"id": "A", "duration": 3, "predecessors": ""},
...         {"id": "B", "duration": 2, "predecessors": "A"},
...         {"id": "C", "duration": 4, "predecessors": "A"},
...         {"id": "D", "duration": 1, "predecessors": "B, C"}]
>>> s = critical_path_schedule(plan)
>>> s.duration, s.critical_path
(8.0, ['A', 'C', 'D'])
>>> s.table.set_index("id").loc["B", ["early_start", "late_start", "total_float"]].tolist()
[3.0, 5.0, 2.0]
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import networkx as nx

from workbook.errors import InputError
from workbook.tools._validate import as_table, check_number

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["activity_network", "critical_path_schedule", "Schedule", "wbs_rollup", "rank_projects", "TOLERANCE"]

#: Floats closer than this (in working days) count as equal.
TOLERANCE = 1e-9
_WBS = re.compile(r"^\d+(\.\d+)*$")


def _predecessors(where: str, value: Any) -> list[str]:
    if value is None or (isinstance(value, float) and value != value):  # None or NaN: no predecessors
        return []
    if isinstance(value, str):
        return [p.strip() for p in value.split(",") if p.strip()]
    if isinstance(value, (list, tuple, set, frozenset)) and all(isinstance(p, str) for p in value):
        return [p.strip() for p in value]
    raise InputError(where, value, "a list of activity ids, or ids separated by commas")


def activity_network(activities: Any) -> nx.DiGraph:
    """The activity network as a directed graph, checked: ids unique, predecessors known, no loops.

    Parameters
    ----------
    activities
        A DataFrame or a list of dicts with ``id``, ``duration`` and
        ``predecessors`` (optional ``name``, ``wbs``, ``cost``).

    Returns
    -------
    networkx.DiGraph
        Nodes carry ``duration``, ``name``, ``wbs`` and ``cost``; edges run
        from each predecessor to its successor.

    Examples
    --------
    >>> g = activity_network([{"id": "A", "duration": 2, "predecessors": []},
    ...                       {"id": "B", "duration": 1, "predecessors": ["A"]}])
    >>> list(g.edges), g.nodes["B"]["duration"]
    ([('A', 'B')], 1.0)
    >>> activity_network([{"id": "A", "duration": 2, "predecessors": "C"},
    ...                   {"id": "B", "duration": 1, "predecessors": "A"},
    ...                   {"id": "C", "duration": 1, "predecessors": "B"}])
    Traceback (most recent call last):
    ...
    workbook.errors.InputError: activities = 'A -> B -> C -> A' is not allowed: expected a network without a loop: each of A, B, C waits for another on the loop, so none can start
    >>> activity_network([{"id": "A", "duration": 2, "predecessors": "Z"}])
    Traceback (most recent call last):
    ...
    workbook.errors.InputError: activities[0].predecessors = 'Z' is not allowed: expected ids of activities in the table (A)
    >>> activity_network([{"id": "A", "duration": -2, "predecessors": ""}])
    Traceback (most recent call last):
    ...
    workbook.errors.InputError: activities[0].duration = -2 is not allowed: expected a number >= 0
    """
    table = as_table("activities", activities, ["id", "duration", "predecessors"], noun="activity")
    graph = nx.DiGraph()
    rows = []
    for i, row in table.iterrows():
        aid = row["id"]
        if not isinstance(aid, str) or not aid.strip():
            raise InputError(f"activities[{i}].id", aid, "a non-empty text id such as 'A' or 'cabling'")
        aid = aid.strip()
        if aid in graph:
            raise InputError(f"activities[{i}].id", aid, f"a unique id ({aid!r} appears more than once)")
        duration = check_number(f"activities[{i}].duration", row["duration"], minimum=0)
        cost = check_number(f"activities[{i}].cost", row["cost"], minimum=0) if "cost" in table and row["cost"] == row["cost"] else 0.0
        wbs = str(row["wbs"]).strip() if "wbs" in table and row["wbs"] is not None and row["wbs"] == row["wbs"] else ""
        name = str(row["name"]) if "name" in table and isinstance(row["name"], str) and row["name"].strip() else aid
        graph.add_node(aid, duration=duration, name=name, wbs=wbs, cost=cost, order=int(i))
        rows.append((i, aid, _predecessors(f"activities[{i}].predecessors", row["predecessors"])))
    known = ", ".join(graph.nodes)
    for i, aid, preds in rows:
        for pred in preds:
            if pred not in graph:
                raise InputError(f"activities[{i}].predecessors", pred, f"ids of activities in the table ({known})")
            graph.add_edge(pred, aid)
    try:
        loop = nx.find_cycle(graph)
    except nx.NetworkXNoCycle:
        return graph
    on_loop = [u for u, _ in loop]
    raise InputError("activities", " -> ".join(on_loop + [on_loop[0]]),
                     f"a network without a loop: each of {', '.join(on_loop)} waits for another on the loop, so none can start")


@dataclass(frozen=True)
class Schedule:
    """The result of :func:`critical_path_schedule`.

    ``table`` has one row per activity, in the order given: ``id``, ``name``,
    ``wbs``, ``duration``, ``cost``, ``predecessors`` (text), ``early_start``,
    ``early_finish``, ``late_start``, ``late_finish``, ``total_float``,
    ``free_float`` and ``critical``. ``graph`` is the checked network.
    """

    table: pd.DataFrame
    graph: nx.DiGraph
    deadline: float | None = None

    @property
    def duration(self) -> float:
        """Working days from the start to the last early finish."""
        return float(self.table["early_finish"].max())

    @property
    def critical_path(self) -> list[str]:
        """The critical activities (least float), ordered by early start, then by id."""
        crit = self.table[self.table["critical"]].sort_values(["early_start", "id"], kind="stable")
        return crit["id"].tolist()

    def critical_paths(self) -> list[list[str]]:
        """Every chain of critical activities from a start to an end, each in order.

        >>> s = critical_path_schedule([{"id": "A", "duration": 2, "predecessors": ""},
        ...                             {"id": "B", "duration": 3, "predecessors": "A"},
        ...                             {"id": "C", "duration": 3, "predecessors": "A"}])
        >>> s.critical_paths()
        [['A', 'B'], ['A', 'C']]
        """
        t = self.table.set_index("id")
        crit = set(self.critical_path)
        # a driving link: the successor starts as soon as this critical predecessor finishes
        sub = nx.DiGraph((u, v) for u, v in self.graph.edges
                         if u in crit and v in crit and abs(t.at[u, "early_finish"] - t.at[v, "early_start"]) <= TOLERANCE)
        sub.add_nodes_from(crit)
        starts = sorted(n for n in sub if sub.in_degree(n) == 0)
        ends = sorted(n for n in sub if sub.out_degree(n) == 0)
        paths = [p for s in starts for e in ends for p in (nx.all_simple_paths(sub, s, e) if s != e else [[s]])]
        return sorted(paths)

    @property
    def slack_to_deadline(self) -> float | None:
        """Deadline minus duration in working days (negative: late), or None without a deadline."""
        return None if self.deadline is None else self.deadline - self.duration


def critical_path_schedule(activities: Any, *, deadline: float | None = None) -> Schedule:
    """Early and late dates, floats and the critical path of an activity network (CPM).

    The forward pass gives each activity its early start (the latest early
    finish of its predecessors, 0 for a start activity) and early finish
    (early start + duration). The backward pass, from the project's finish or
    from ``deadline`` when one is imposed, gives the late finish (the earliest
    late start of its successors) and late start (late finish - duration).

    Parameters
    ----------
    activities
        See :func:`activity_network`.
    deadline
        Working day by which everything must be finished (optional). With a
        deadline earlier than the project can finish, floats turn negative:
        the schedule cannot be met as planned.

    Returns
    -------
    Schedule

    Examples
    --------
    >>> plan = [{"id": "A", "duration": 3, "predecessors": ""},
    ...         {"id": "B", "duration": 2, "predecessors": "A"}]
    >>> critical_path_schedule(plan, deadline=4).table["total_float"].tolist()
    [-1.0, -1.0]
    >>> critical_path_schedule(plan, deadline=10).slack_to_deadline
    5.0
    >>> critical_path_schedule(plan, deadline=-1)
    Traceback (most recent call last):
    ...
    workbook.errors.InputError: deadline = -1 is not allowed: expected a number >= 0
    """
    import pandas as pd

    graph = activity_network(activities)
    limit = None if deadline is None else check_number("deadline", deadline, minimum=0)
    order = list(nx.topological_sort(graph))
    dur = nx.get_node_attributes(graph, "duration")
    es: dict[str, float] = {}
    ef: dict[str, float] = {}
    for n in order:
        es[n] = max((ef[p] for p in graph.predecessors(n)), default=0.0)
        ef[n] = es[n] + dur[n]
    finish = max(ef.values())
    end = finish if limit is None else limit
    ls: dict[str, float] = {}
    lf: dict[str, float] = {}
    for n in reversed(order):
        lf[n] = min((ls[s] for s in graph.successors(n)), default=end)
        ls[n] = lf[n] - dur[n]
    total = {n: ls[n] - es[n] for n in graph}
    least = min(total.values())
    rows = []
    for n in sorted(graph, key=lambda k: graph.nodes[k]["order"]):
        node = graph.nodes[n]
        free = min((es[s] for s in graph.successors(n)), default=end) - ef[n]
        rows.append({
            "id": n, "name": node["name"], "wbs": node["wbs"], "duration": dur[n], "cost": node["cost"],
            "predecessors": ", ".join(sorted(graph.predecessors(n), key=lambda k: graph.nodes[k]["order"])),
            "early_start": es[n], "early_finish": ef[n], "late_start": ls[n], "late_finish": lf[n],
            "total_float": total[n], "free_float": free, "critical": bool(total[n] <= least + TOLERANCE),
        })
    return Schedule(pd.DataFrame(rows), graph, limit)


def wbs_rollup(activities: Any, deliverables: dict[str, str]) -> pd.DataFrame:
    """The work breakdown structure as a tree, with costs rolled up from the work packages.

    Each activity is a work package whose ``wbs`` code (``"2.1"``) sits under
    the deliverable whose code is its prefix (``"2"``); every level above a
    work package must be named in ``deliverables``, so nothing is left out of
    the tree (the 100% rule: a parent is exactly the sum of its children).

    Returns
    -------
    DataFrame
        One row per WBS element, in outline order: ``wbs``, ``name``,
        ``level`` (1 for a top deliverable), ``work_packages`` (how many below
        or itself) and ``cost`` (rolled up), and ``share`` of the total cost.

    Examples
    --------
    >>> plan = [{"id": "A", "duration": 1, "predecessors": "", "wbs": "1.1", "cost": 100},
    ...         {"id": "B", "duration": 1, "predecessors": "A", "wbs": "1.2", "cost": 300},
    ...         {"id": "C", "duration": 1, "predecessors": "A", "wbs": "2.1", "cost": 600}]
    >>> wbs_rollup(plan, {"1": "Design", "2": "Install"})[["wbs", "level", "work_packages", "cost"]].values.tolist()
    [['1', 1, 2, 400.0], ['1.1', 2, 1, 100.0], ['1.2', 2, 1, 300.0], ['2', 1, 1, 600.0], ['2.1', 2, 1, 600.0]]
    >>> wbs_rollup(plan, {"1": "Design"})
    Traceback (most recent call last):
    ...
    workbook.errors.InputError: deliverables = ['1'] is not allowed: expected a name for every level above a work package (missing: 2)
    """
    import pandas as pd

    graph = activity_network(activities)
    if not isinstance(deliverables, dict) or not all(isinstance(k, str) and _WBS.match(k) for k in deliverables):
        raise InputError("deliverables", deliverables, "a dict of WBS code (such as '2' or '2.1') -> name")
    tree = nx.DiGraph()
    for code, name in deliverables.items():
        tree.add_node(code, name=str(name), cost=0.0, package=False)
    for n, node in graph.nodes(data=True):
        code = node["wbs"]
        if not _WBS.match(code):
            raise InputError(f"activities[{node['order']}].wbs", code, "a WBS code such as '2.1' (numbers separated by dots)")
        if code in tree:
            raise InputError(f"activities[{node['order']}].wbs", code, "a code of its own (each work package has one)")
        tree.add_node(code, name=node["name"], cost=node["cost"], package=True)
    missing = sorted({c.rpartition(".")[0] for c in tree if "." in c} - set(tree), key=_outline)
    if missing:
        raise InputError("deliverables", list(deliverables), f"a name for every level above a work package (missing: {', '.join(missing)})")
    tree.add_edges_from((c.rpartition(".")[0], c) for c in tree if "." in c)
    rows = []
    for code in sorted(tree, key=_outline):
        below = nx.descendants(tree, code) | {code}
        packages = [c for c in below if tree.nodes[c]["package"]]
        rows.append({"wbs": code, "name": tree.nodes[code]["name"], "level": code.count(".") + 1,
                     "work_packages": len(packages), "cost": float(sum(tree.nodes[c]["cost"] for c in packages))})
    frame = pd.DataFrame(rows)
    total = frame.loc[frame["level"] == 1, "cost"].sum()
    frame["share"] = frame["cost"] / total if total else 0.0
    return frame


def _outline(code: str) -> tuple[int, ...]:
    return tuple(int(p) for p in code.split("."))


def rank_projects(proposals: Any, weights: dict[str, float], budget: float | None = None) -> pd.DataFrame:
    """Projects ranked by their weighted contribution to the strategic goals, and funded in that order.

    Parameters
    ----------
    proposals
        One row per project: ``project``, ``cost`` (dollars) and one column per
        goal in ``weights`` holding the project's rating for that goal (any
        scale, the same for every goal, such as 0 to 3).
    weights
        Goal -> weight (each >= 0, not all 0); they are scaled to sum to 1.
    budget
        Dollars available (optional). Going down the ranking, a project is
        funded if it fits in what is left; one that does not fit is skipped
        and the next is tried.

    Returns
    -------
    DataFrame
        The proposals with ``score`` (the weighted rating) and ``rank`` (1 is
        best; ties go to the cheaper project, then to the name), sorted by rank,
        and ``funded`` (True/False) when a budget is given.

    Examples
    --------
    >>> ideas = [{"project": "MFA", "cost": 90, "safety": 3, "learning": 0},
    ...          {"project": "Wi-Fi", "cost": 400, "safety": 1, "learning": 3},
    ...          {"project": "Displays", "cost": 300, "safety": 0, "learning": 2}]
    >>> r = rank_projects(ideas, {"learning": 0.6, "safety": 0.4}, budget=450)
    >>> r[["project", "score", "rank", "funded"]].values.tolist()
    [['Wi-Fi', 2.2, 1, True], ['MFA', 1.2, 2, False], ['Displays', 1.2, 3, False]]
    >>> rank_projects(ideas, {"learning": 1, "cost_savings": 1})
    Traceback (most recent call last):
    ...
    workbook.errors.InputError: weights = 'cost_savings' is not allowed: expected goals that are columns of proposals (safety, learning)
    """
    table = as_table("proposals", proposals, ["project", "cost"], noun="project")
    goals = [str(c) for c in table.columns if c not in ("project", "cost")]
    if not isinstance(weights, dict) or not weights:
        raise InputError("weights", weights, "a dict of goal -> weight")
    for goal, w in weights.items():
        if goal not in goals:
            raise InputError("weights", goal, f"goals that are columns of proposals ({', '.join(goals)})")
        check_number(f"weights[{goal!r}]", w, minimum=0)
    total = float(sum(weights.values()))
    if total <= 0:
        raise InputError("weights", weights, "at least one weight above 0")
    for i, row in table.iterrows():
        check_number(f"proposals[{i}].cost", row["cost"], minimum=0)
        for goal in weights:
            check_number(f"proposals[{i}].{goal}", row[goal], minimum=0)
    table["score"] = sum(table[g].astype(float) * (w / total) for g, w in weights.items()).round(9)
    table = table.sort_values(["score", "cost", "project"], ascending=[False, True, True], kind="stable").reset_index(drop=True)
    table["rank"] = range(1, len(table) + 1)
    if budget is not None:
        left = check_number("budget", budget, minimum=0)
        funded = []
        for cost in table["cost"]:
            funded.append(bool(cost <= left + 1e-9))
            left -= cost if funded[-1] else 0
        table["funded"] = funded
    return table
