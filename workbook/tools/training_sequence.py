"""A training scope and sequence: offerings across a school year, after their prerequisites, within capacity.

The prerequisite graph is a networkx ``DiGraph`` (an edge from each
prerequisite to the offering that needs it); a cycle is rejected with the
offerings on it named. :func:`scope_and_sequence` places the offerings month
by month within the trainers' capacity. :mod:`workbook.tools.training`
re-exports both.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from workbook.errors import InputError
from workbook.tools._validate import as_table, check_count, check_number

if TYPE_CHECKING:
    import networkx as nx
    import pandas as pd

__all__ = ["split_names", "prerequisite_graph", "scope_and_sequence"]


def split_names(value: Any) -> list[str]:
    """Names as a list: a list as it is, or one string separated by ``;`` (empty: none).

    >>> split_names("LMS basics; Privacy"), split_names(None), split_names(["A"])
    (['LMS basics', 'Privacy'], [], ['A'])
    """
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return []
    if isinstance(value, str):
        return [p.strip() for p in value.split(";") if p.strip()]
    return [str(p).strip() for p in value]


def prerequisite_graph(offerings: Any) -> nx.DiGraph:
    """The offerings as a networkx graph: an edge from each prerequisite to the offering that needs it.

    ``offerings`` has an ``offering`` column (unique names) and may have a
    ``prerequisites`` column: a list of names, or names separated by ``;``.

    Examples
    --------
    >>> g = prerequisite_graph([{"offering": "LMS basics"}, {"offering": "LMS quizzes", "prerequisites": "LMS basics"}])
    >>> list(g.edges)
    [('LMS basics', 'LMS quizzes')]
    >>> prerequisite_graph([{"offering": "A", "prerequisites": "B"}, {"offering": "B", "prerequisites": ["C"]},
    ...                     {"offering": "C", "prerequisites": "A"}])
    Traceback (most recent call last):
    ...
    workbook.errors.InputError: prerequisites = ['A', 'B', 'C'] is not allowed: expected no cycle: A needs B, B needs C, C needs A, so none of them can ever start
    >>> prerequisite_graph([{"offering": "A", "prerequisites": "Z"}])
    Traceback (most recent call last):
    ...
    workbook.errors.InputError: offerings[0].prerequisites = ['Z'] is not allowed: expected names of offerings in the table (unknown: 'Z')
    """
    import networkx as nx

    frame = as_table("offerings", offerings, ["offering"], noun="offering")
    names = [str(n).strip() for n in frame["offering"]]
    for i, name in enumerate(names):
        if not name:
            raise InputError(f"offerings[{i}].offering", frame["offering"][i], "a non-empty name")
    dupes = sorted({n for n in names if names.count(n) > 1})
    if dupes:
        raise InputError("offerings.offering", dupes, "each offering named once")
    graph = nx.DiGraph()
    graph.add_nodes_from(names)
    prereqs = frame["prerequisites"] if "prerequisites" in frame else [None] * len(names)
    for i, (name, value) in enumerate(zip(names, prereqs)):
        needed = split_names(value)
        unknown = [p for p in needed if p not in graph]
        if unknown:
            raise InputError(f"offerings[{i}].prerequisites", needed, f"names of offerings in the table (unknown: {', '.join(map(repr, unknown))})")
        graph.add_edges_from((p, name) for p in needed)
    try:
        cycle = nx.find_cycle(graph)
    except nx.NetworkXNoCycle:
        return graph
    # An edge u -> v reads "v needs u": walk the cycle backwards so each clause leads to the next,
    # starting from the first name in alphabetical order.
    chain = list(reversed(cycle))
    start = min(range(len(chain)), key=lambda k: chain[k][1])
    ordered = chain[start:] + chain[:start]
    said = ", ".join(f"{v} needs {u}" for u, v in ordered)
    raise InputError("prerequisites", sorted(v for _, v in cycle), f"no cycle: {said}, so none of them can ever start")


def _capacity(capacity: Any, months: Sequence[str]) -> list[float]:
    if isinstance(capacity, (str, bytes, Mapping)) or capacity is None:
        raise InputError("capacity", capacity, "trainer hours a month: one number, or one per month")
    if isinstance(capacity, Sequence) or hasattr(capacity, "__len__"):
        values = list(capacity)
        if len(values) != len(months):
            raise InputError("capacity", values, f"one number per month ({len(months)}), not {len(values)}")
        return [check_number(f"capacity[{i}]", v, minimum=0) for i, v in enumerate(values)]
    value = check_number("capacity", capacity, minimum=0)
    return [value] * len(months)


def scope_and_sequence(offerings: Any, months: Sequence[str], capacity: Any) -> pd.DataFrame:
    """Place offerings across the school year's months, after their prerequisites, within capacity.

    Each offering runs in sections of at most ``group_size`` participants
    (default 25), and each section takes ``hours`` of a trainer's time, so its
    load is ``ceil(participants / group_size) x hours`` trainer hours.
    Offerings are placed one at a time, in an order the prerequisite graph
    allows, the highest ``priority`` first (then by name): each starts in the
    first month after all its prerequisites have finished that still has
    capacity, and uses the capacity left month after month until its load is
    delivered. An offering that cannot finish by the last month, or whose
    prerequisite did not, is left unscheduled with the reason.

    Parameters
    ----------
    offerings
        Columns ``offering``, ``hours``, ``participants``; optional
        ``group_size``, ``prerequisites`` and ``priority``.
    months
        The months of the training year in order, e.g. ``["Aug", "Sep", ...]``.
    capacity
        Trainer hours each month: one number, or one per month.

    Returns
    -------
    One row per offering in the order placed: ``offering``, ``sections``,
    ``trainer_hours``, ``start`` and ``finish`` (month labels, ``None`` when
    unscheduled), ``start_index`` and ``finish_index`` (1-based, ``None``),
    ``scheduled`` and ``reason``.

    Examples
    --------
    Two offerings of 60 trainer hours each, the second needing the first, 40 hours a month:

    >>> plan = scope_and_sequence(
    ...     [{"offering": "LMS basics", "hours": 3, "participants": 500, "group_size": 25},
    ...      {"offering": "LMS quizzes", "hours": 3, "participants": 500, "group_size": 25, "prerequisites": "LMS basics"}],
    ...     ["Aug", "Sep", "Oct", "Nov"], 40)
    >>> plan[["offering", "trainer_hours", "start", "finish", "scheduled"]].to_string(index=False)
    '   offering  trainer_hours start finish  scheduled\\n LMS basics           60.0   Aug    Sep       True\\nLMS quizzes           60.0   Oct    Nov       True'
    >>> scope_and_sequence([{"offering": "A", "hours": 0, "participants": 5}], ["Aug"], 10)
    Traceback (most recent call last):
    ...
    workbook.errors.InputError: offerings[0].hours = 0 is not allowed: expected a number > 0
    """
    import networkx as nx
    import pandas as pd

    graph = prerequisite_graph(offerings)
    frame = as_table("offerings", offerings, ["offering", "hours", "participants"], noun="offering")
    labels = [str(m) for m in months] if isinstance(months, Sequence) and not isinstance(months, str) else None
    if not labels:
        raise InputError("months", months, "a list of month labels in order, such as ['Aug', 'Sep', 'Oct']")
    left = _capacity(capacity, labels)
    info: dict[str, dict[str, Any]] = {}
    for i, row in frame.iterrows():
        name = str(row["offering"]).strip()
        hours = check_number(f"offerings[{i}].hours", _plain(row["hours"]), minimum=0, strict_minimum=True)
        people = check_count(f"offerings[{i}].participants", _plain(row["participants"]), minimum=1)
        size = check_count(f"offerings[{i}].group_size", _plain(row.get("group_size", 25)), minimum=1) if _given(row.get("group_size")) else 25
        prio = check_number(f"offerings[{i}].priority", _plain(row.get("priority", 0.0))) if _given(row.get("priority")) else 0.0
        sections = math.ceil(people / size)
        info[name] = {"sections": sections, "load": sections * hours, "priority": prio}
    order = list(nx.lexicographical_topological_sort(graph, key=lambda n: (-info[n]["priority"], n)))
    finish: dict[str, int | None] = {}
    rows = []
    for name in order:
        load = info[name]["load"]
        blocked = [p for p in graph.predecessors(name) if finish[p] is None]
        earliest = max((finish[p] + 1 for p in graph.predecessors(name) if finish[p] is not None), default=0)
        start = end = None
        reason = ""
        if blocked:
            reason = "a prerequisite does not fit this year: " + ", ".join(sorted(blocked))
        else:
            room = sum(left[earliest:])
            if room + 1e-9 < load:
                reason = f"needs {load:g} trainer hours; only {room:g} are left after its prerequisites"
            else:
                need = load
                for m in range(earliest, len(labels)):
                    if need <= 1e-9:
                        break
                    used = min(left[m], need)
                    if used > 0:
                        start = m if start is None else start
                        end = m
                        left[m] -= used
                        need -= used
        finish[name] = end
        rows.append({
            "offering": name, "sections": info[name]["sections"], "trainer_hours": float(load),
            "start": labels[start] if start is not None else None, "finish": labels[end] if end is not None else None,
            "start_index": start + 1 if start is not None else None, "finish_index": end + 1 if end is not None else None,
            "scheduled": end is not None, "reason": reason,
        })
    out = pd.DataFrame(rows)
    out.attrs["capacity_left"] = dict(zip(labels, left))
    return out


def _given(value: Any) -> bool:
    return value is not None and not (isinstance(value, float) and math.isnan(value))


def _plain(value: Any) -> Any:
    return value.item() if hasattr(value, "item") else value
