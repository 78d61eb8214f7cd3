"""The technology department as an organization: org chart, RACI, change readiness, build/buy/share.

* :func:`org_chart` reads a positions table into a :class:`networkx.DiGraph`
  tree (manager -> direct report) and measures it: layers, span of control,
  vacancies; :func:`single_points_of_knowledge` finds the systems only one
  person in post knows.
* :func:`raci_faults` checks a RACI matrix and reports **every** fault at
  once: exactly one Accountable and at least one Responsible per activity,
  only the letters R, A, C and I, each activity once, each role used.
* :func:`change_readiness` scores a staff survey against Kotter's eight steps
  and finds the weakest ones.
* :func:`choose_solution` compares build, buy and share (with the county
  office) on weighted criteria, after a gate on the support staff each needs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import networkx as nx
import numpy as np

from workbook.errors import InputError
from workbook.tools._validate import as_table, check_count, check_number, check_rate
from workbook.tools.finance import npv
from workbook.tools.projects import rank_projects

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["org_chart", "OrgChart", "single_points_of_knowledge", "RACI_CODES", "raci_faults", "KOTTER_STEPS",
           "change_readiness", "choose_solution"]


def _text(where: str, value: Any) -> str:
    if not isinstance(value, str) or not value.strip():
        raise InputError(where, value, "a non-empty text")
    return value.strip()


def _is_blank(value: Any) -> bool:
    return value is None or (isinstance(value, float) and value != value) or (isinstance(value, str) and not value.strip())


@dataclass(frozen=True)
class OrgChart:
    """A department's org chart: ``graph`` (manager -> report) and one ``table`` row per position.

    ``table`` columns: ``id``, ``title``, ``reports_to``, ``vacant``, ``layer``
    (1 for the head of the department) and ``span`` (direct reports,
    vacant positions included: a manager supervises the post, and its
    recruitment, either way).
    """

    graph: nx.DiGraph
    table: pd.DataFrame

    @property
    def head(self) -> str:
        return next(n for n in self.graph if self.graph.in_degree(n) == 0)

    @property
    def layers(self) -> int:
        """Levels from the head to the deepest position (the head alone is 1)."""
        return int(self.table["layer"].max())

    @property
    def spans(self) -> pd.Series:
        """Span of control of each manager (a position with at least one report), by id."""
        managers = self.table[self.table["span"] > 0]
        return managers.set_index("id")["span"]

    @property
    def vacancies(self) -> list[str]:
        return self.table.loc[self.table["vacant"], "id"].tolist()

    @property
    def vacancy_share(self) -> float:
        return float(self.table["vacant"].mean())

    def widest_span(self) -> str:
        """The manager with the most direct reports (ties: the one listed first)."""
        spans = self.spans
        return str(spans.index[list(spans).index(spans.max())])


def org_chart(positions: Any) -> OrgChart:
    """The org chart from a positions table: a tree checked for one head, known managers and no loops.

    Parameters
    ----------
    positions
        One row per position: ``id``, ``title``, ``reports_to`` (the manager's
        id; empty for the head of the department) and optionally ``vacant``
        (True for a post nobody holds) and ``systems``.

    Examples
    --------
    >>> chart = org_chart([{"id": "cto", "title": "CTO", "reports_to": ""},
    ...                    {"id": "net", "title": "Network manager", "reports_to": "cto"},
    ...                    {"id": "t1", "title": "Technician", "reports_to": "net"},
    ...                    {"id": "t2", "title": "Technician", "reports_to": "net", "vacant": True}])
    >>> chart.layers, chart.spans.to_dict(), chart.vacancies, chart.widest_span()
    (3, {'cto': 1, 'net': 2}, ['t2'], 'net')
    >>> org_chart([{"id": "a", "title": "A", "reports_to": "b"}, {"id": "b", "title": "B", "reports_to": "a"}])
    Traceback (most recent call last):
    ...
    workbook.errors.InputError: positions = 'a -> b -> a' is not allowed: expected reporting lines without a loop: a, b report to each other in a circle
    >>> org_chart([{"id": "a", "title": "A", "reports_to": ""}, {"id": "b", "title": "B", "reports_to": ""}])
    Traceback (most recent call last):
    ...
    workbook.errors.InputError: positions = ['a', 'b'] is not allowed: expected exactly one head of the department (a position with no reports_to)
    """
    import pandas as pd

    table = as_table("positions", positions, ["id", "title", "reports_to"], noun="position")
    graph = nx.DiGraph()
    rows = []
    for i, row in table.iterrows():
        pid = _text(f"positions[{i}].id", row["id"])
        if pid in graph:
            raise InputError(f"positions[{i}].id", pid, f"a unique id ({pid!r} appears more than once)")
        vacant = row["vacant"] if "vacant" in table and not _is_blank(row["vacant"]) else False
        if not isinstance(vacant, bool):
            raise InputError(f"positions[{i}].vacant", vacant, "True or False")
        graph.add_node(pid, title=_text(f"positions[{i}].title", row["title"]), vacant=vacant, order=int(i))
        rows.append((i, pid, None if _is_blank(row["reports_to"]) else row["reports_to"]))
    for i, pid, boss in rows:
        if boss is None:
            continue
        if boss not in graph:
            raise InputError(f"positions[{i}].reports_to", boss, f"the id of another position ({', '.join(graph)})")
        graph.add_edge(boss, pid)
    try:
        loop = [u for u, _ in nx.find_cycle(graph)]
        raise InputError("positions", " -> ".join(loop + [loop[0]]),
                         f"reporting lines without a loop: {', '.join(loop)} report to each other in a circle")
    except nx.NetworkXNoCycle:
        pass
    heads = [n for n in graph if graph.in_degree(n) == 0]
    if len(heads) != 1:
        raise InputError("positions", heads, "exactly one head of the department (a position with no reports_to)")
    depth = nx.shortest_path_length(graph, heads[0])
    frame = pd.DataFrame([{"id": n, "title": graph.nodes[n]["title"], "reports_to": next(iter(graph.predecessors(n)), ""),
                           "vacant": graph.nodes[n]["vacant"], "layer": depth[n] + 1, "span": graph.out_degree(n)}
                          for n in sorted(graph, key=lambda k: graph.nodes[k]["order"])])
    return OrgChart(graph, frame)


def _items(where: str, value: Any) -> list[str]:
    if _is_blank(value):
        return []
    if isinstance(value, str):
        return [v.strip() for v in value.split(",") if v.strip()]
    if isinstance(value, (list, tuple, set)) and all(isinstance(v, str) for v in value):
        return [v.strip() for v in value if v.strip()]
    raise InputError(where, value, "a list of system names, or names separated by commas")


def single_points_of_knowledge(positions: Any) -> pd.DataFrame:
    """Who knows each system: people in post per system, fewest first (ties alphabetical, ignoring case).

    A system known by one person in post is a single point of knowledge; by
    none (its only expert's post is vacant), a gap already open.

    >>> t = single_points_of_knowledge([
    ...     {"id": "a", "title": "A", "reports_to": "", "systems": "SIS, firewall"},
    ...     {"id": "b", "title": "B", "reports_to": "a", "systems": ["firewall", "backups"]},
    ...     {"id": "c", "title": "C", "reports_to": "a", "systems": "backups, phones", "vacant": True}])
    >>> t[["system", "people", "who"]].values.tolist()
    [['phones', 0, ''], ['backups', 1, 'b'], ['SIS', 1, 'a'], ['firewall', 2, 'a, b']]
    """
    import pandas as pd

    chart = org_chart(positions)
    table = as_table("positions", positions, ["id", "title", "reports_to", "systems"])
    known: dict[str, list[str]] = {}
    for i, row in table.iterrows():
        pid = str(row["id"]).strip()
        for system in _items(f"positions[{i}].systems", row["systems"]):
            people = known.setdefault(system, [])
            if not chart.graph.nodes[pid]["vacant"]:
                people.append(pid)
    rows = [{"system": s, "people": len(p), "who": ", ".join(p)} for s, p in known.items()]
    return pd.DataFrame(rows, columns=["system", "people", "who"]).sort_values(
        ["people", "system"], key=lambda c: c.str.lower() if c.name == "system" else c, kind="stable").reset_index(drop=True)


#: The letters of a RACI matrix.
RACI_CODES = {"R": "Responsible", "A": "Accountable", "C": "Consulted", "I": "Informed"}
_SPLIT = re.compile(r"[\s/,+]+")


def raci_faults(matrix: Any) -> pd.DataFrame:
    """Every fault of a RACI matrix, one row each: ``activity``, ``role``, ``kind``, ``detail``.

    ``matrix`` has an ``activity`` column and one column per role; a cell
    holds letters among R, A, C and I (``"A/R"`` for both), or is empty.
    Kinds, in the order reported for each activity: ``duplicate activity``,
    ``unknown code``, ``no accountable``, ``several accountable``,
    ``no responsible``; then, once per role, ``unused role`` (a role column
    with nothing in it). An empty result means the matrix is valid.

    Examples
    --------
    >>> m = [{"activity": "Approve budget", "CTO": "A/R", "Board": "I"},
    ...      {"activity": "Image devices", "CTO": "A", "Board": "A"}]
    >>> raci_faults(m)[["activity", "role", "kind"]].values.tolist()
    [['Image devices', 'CTO, Board', 'several accountable'], ['Image devices', '', 'no responsible']]
    >>> raci_faults([{"activity": "x"}])
    Traceback (most recent call last):
    ...
    workbook.errors.InputError: matrix = ['activity'] is not allowed: expected an activity column and at least one role column
    """
    import pandas as pd

    table = as_table("matrix", matrix, ["activity"], noun="activity")
    roles = [str(c) for c in table.columns if c != "activity"]
    if not roles:
        raise InputError("matrix", list(table.columns), "an activity column and at least one role column")
    faults: list[dict[str, str]] = []
    seen: set[str] = set()
    used = dict.fromkeys(roles, False)

    def fault(activity: str, role: str, kind: str, detail: str) -> None:
        faults.append({"activity": activity, "role": role, "kind": kind, "detail": detail})

    for i, row in table.iterrows():
        activity = _text(f"matrix[{i}].activity", row["activity"])
        if activity in seen:
            fault(activity, "", "duplicate activity", f"row {i + 1} repeats an activity listed above")
        seen.add(activity)
        holders: dict[str, list[str]] = {"A": [], "R": []}
        for role in roles:
            cell = "" if _is_blank(row[role]) else str(row[role]).strip().upper()
            letters = [x for x in _SPLIT.split(cell) if x]
            letters = [ch for x in letters for ch in (list(x) if set(x) <= set(RACI_CODES) else [x])]
            used[role] = used[role] or bool(letters)
            for code in letters:
                if code not in RACI_CODES:
                    fault(activity, role, "unknown code", f"{row[role]!r}: use R, A, C or I")
                elif code in holders:
                    holders[code].append(role)
        if not holders["A"]:
            fault(activity, "", "no accountable", "nobody answers for it: name exactly one A")
        elif len(holders["A"]) > 1:
            fault(activity, ", ".join(holders["A"]), "several accountable", "two or more A: keep exactly one")
        if not holders["R"]:
            fault(activity, "", "no responsible", "nobody does the work: name at least one R")
    for role, was_used in used.items():
        if not was_used:
            fault("", role, "unused role", "a role with nothing to do: remove it or give it a letter")
    return pd.DataFrame(faults, columns=["activity", "role", "kind", "detail"])


#: Kotter's eight steps (Kotter, *Leading Change*, 1996), in order.
KOTTER_STEPS = (
    "Establish a sense of urgency",
    "Create the guiding coalition",
    "Develop a vision and strategy",
    "Communicate the change vision",
    "Empower broad-based action",
    "Generate short-term wins",
    "Consolidate gains and produce more change",
    "Anchor new approaches in the culture",
)


def change_readiness(responses: Any, *, threshold: float = 3.5, weakest: int = 2) -> pd.DataFrame:
    """A change-readiness survey scored against Kotter's eight steps.

    Parameters
    ----------
    responses
        One row per answer: ``step`` (1 to 8) and ``rating`` (1 strongly
        disagree to 5 strongly agree); other columns are ignored.
    threshold
        Mean rating below which a step is not ready.
    weakest
        How many of the lowest-scoring steps to flag.

    Returns
    -------
    DataFrame
        One row per step (index 1 to 8): ``step_name``, ``answers``, ``mean``,
        ``agree`` (share of 4s and 5s), ``ready`` (mean >= threshold) and
        ``weakest`` (True for the ``weakest`` lowest means; ties go to the
        earlier step, because Kotter's steps build on each other).

    Examples
    --------
    >>> rows = [{"step": s, "rating": r} for s in range(1, 9) for r in ([2, 3] if s in (2, 6) else [4, 5])]
    >>> t = change_readiness(rows)
    >>> t.loc[t["weakest"]].index.tolist(), float(t.loc[2, "mean"]), float(t.loc[2, "agree"]), bool(t.loc[2, "ready"])
    ([2, 6], 2.5, 0.0, False)
    >>> change_readiness([{"step": 9, "rating": 3}])
    Traceback (most recent call last):
    ...
    workbook.errors.InputError: responses[0].step = 9 is not allowed: expected a whole number >= 1 and <= 8 (Kotter's steps)
    """
    import pandas as pd

    table = as_table("responses", responses, ["step", "rating"], noun="answer")
    limit = check_number("threshold", threshold, minimum=1, maximum=5)
    k = check_count("weakest", weakest, minimum=1)
    if not _plainly_valid(table["step"], table["rating"]):  # then the first bad answer is named, one by one
        for i, row in enumerate(table[["step", "rating"]].to_dict("records")):  # plain Python values for the messages
            step = check_count(f"responses[{i}].step", row["step"], minimum=1)
            if step > 8:
                raise InputError(f"responses[{i}].step", step, "a whole number >= 1 and <= 8 (Kotter's steps)")
            check_number(f"responses[{i}].rating", row["rating"], minimum=1, maximum=5)
    work = table.assign(step=table["step"].astype(int), rating=table["rating"].astype(float))
    grouped = work.groupby("step")["rating"]
    out = pd.DataFrame({"step_name": list(KOTTER_STEPS)}, index=pd.Index(range(1, 9), name="step"))
    out["answers"] = grouped.size().reindex(out.index, fill_value=0)
    out["mean"] = grouped.mean().reindex(out.index)
    out["agree"] = (work["rating"] >= 4).groupby(work["step"]).mean().reindex(out.index)  # share of 4s and 5s
    out["ready"] = out["mean"] >= limit
    order = out.dropna(subset=["mean"]).assign(s=lambda f: f.index).sort_values(["mean", "s"], kind="stable").index[:k]
    out["weakest"] = out.index.isin(order)
    return out


def _plainly_valid(steps: Any, ratings: Any) -> bool:
    """True when numeric columns hold only whole steps 1-8 and finite ratings 1-5 (no answer to name one by one)."""
    if steps.dtype.kind not in "iuf" or ratings.dtype.kind not in "iuf":
        return False
    s, r = steps.to_numpy(dtype=float), ratings.to_numpy(dtype=float)
    return bool(((s >= 1) & (s <= 8) & (s == np.floor(s))).all() and ((r >= 1) & (r <= 5)).all())


def choose_solution(options: Any, weights: dict[str, float], *, support_fte: float, discount_rate: float = 0.03) -> pd.DataFrame:
    """Build, buy or share: the options that the department can support, ranked on weighted criteria.

    Parameters
    ----------
    options
        One row per option: ``option``, ``upfront`` (dollars, year 0),
        ``yearly`` (dollars a year), ``years``, ``support_fte`` (staff the
        option needs to run) and one column per criterion in ``weights``
        with a rating (0 to 3, higher is better).
    weights
        Criterion -> weight.
    support_fte
        Staff the department can give it. An option needing more is not
        feasible, however well it scores.
    discount_rate
        For the present cost of each option (year 0 undiscounted).

    Returns
    -------
    DataFrame
        The options with ``present_cost``, ``feasible``, ``score`` and
        ``rank`` (feasible options first, by score, ties to the lower present
        cost, then the name); the recommendation is the first row when it is
        feasible.

    Examples
    --------
    >>> opts = [{"option": "build", "upfront": 50_000, "yearly": 90_000, "years": 5, "support_fte": 1.5, "fit": 3, "risk": 1},
    ...         {"option": "buy", "upfront": 20_000, "yearly": 60_000, "years": 5, "support_fte": 0.5, "fit": 2, "risk": 2},
    ...         {"option": "share", "upfront": 0, "yearly": 45_000, "years": 5, "support_fte": 0.25, "fit": 2, "risk": 2}]
    >>> r = choose_solution(opts, {"fit": 0.6, "risk": 0.4}, support_fte=1.0)
    >>> r[["option", "feasible", "score", "rank"]].values.tolist()
    [['share', True, 2.0, 1], ['buy', True, 2.0, 2], ['build', False, 2.2, 3]]
    """
    table = as_table("options", options, ["option", "upfront", "yearly", "years", "support_fte"], noun="option")
    fte = check_number("support_fte", support_fte, minimum=0)
    rate = check_rate("discount_rate", discount_rate)
    costs, feasible = [], []
    for i, row in table.iterrows():
        years = check_count(f"options[{i}].years", row["years"], minimum=1)
        upfront = check_number(f"options[{i}].upfront", row["upfront"], minimum=0)
        yearly = check_number(f"options[{i}].yearly", row["yearly"], minimum=0)
        costs.append(npv(rate, [upfront + yearly] + [yearly] * (years - 1)))
        feasible.append(check_number(f"options[{i}].support_fte", row["support_fte"], minimum=0) <= fte + 1e-9)
    table = table.assign(project=table["option"].astype(str), cost=costs, feasible=feasible)
    ranked = rank_projects(table.drop(columns=["option"]), weights)
    ranked = ranked.sort_values(["feasible", "rank"], ascending=[False, True], kind="stable").reset_index(drop=True)
    ranked["rank"] = range(1, len(ranked) + 1)
    ranked = ranked.rename(columns={"project": "option", "cost": "present_cost"})
    return ranked[["option", "present_cost", "feasible", "score", "rank", *[c for c in ranked.columns if c not in
                   ("option", "present_cost", "feasible", "score", "rank")]]]
