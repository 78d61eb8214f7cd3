"""Professional development and training: needs, a scope and sequence, and cost.

Three calculators a district technology leader uses to plan a year of staff training:

* :func:`training_needs` ranks needs from a staff skills survey by
  **gap x headcount**: how far the group's average self-rating falls short of
  the target level, times how many staff the group has. A small gap in a large
  group can outrank a large gap in a small one.
* :func:`scope_and_sequence` places offerings across the months of a school
  year, after their prerequisites (a graph in networkx) and within the
  trainers' capacity (trainer hours a month).
* :func:`training_cost` prices one offering: facilitation, fees, materials,
  **substitute release time** and stipends, per trained staff member and per
  contact hour; :func:`fund_offerings` funds offerings within a budget, the
  most need met per dollar first.
* :func:`uncovered` finds the standards or goals no offering serves, and
  :func:`development_plan` checks a personal professional development plan.

Conventions: a survey has one row per respondent and skill, with a
self-rating ``level`` from 1 (beginning) to 4 (advanced); hours are contact
hours; money is US dollars. Every function validates its input and raises
:class:`workbook.errors.InputError` naming the argument, the value and what is
allowed (a prerequisite cycle names the offerings on it).
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from workbook.errors import InputError
from workbook.tools._validate import as_table, check_count, check_fraction, check_number, check_ratings
from workbook.tools.training_sequence import prerequisite_graph, scope_and_sequence, split_names

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "ISTE_EDUCATORS",
    "ISTE_LEADERS",
    "LEVELS",
    "training_needs",
    "prerequisite_graph",
    "scope_and_sequence",
    "TrainingCost",
    "training_cost",
    "fund_offerings",
    "uncovered",
    "development_plan",
]

#: ISTE Standards for Educators (2017): the seven roles, in ISTE's order.
ISTE_EDUCATORS = ("Learner", "Leader", "Citizen", "Collaborator", "Designer", "Facilitator", "Analyst")
#: ISTE Standards for Education Leaders (2018), in ISTE's order (the current page calls the first "Digital Citizenship Advocate").
ISTE_LEADERS = ("Equity and Citizenship Advocate", "Visionary Planner", "Empowering Leader", "Systems Designer", "Connected Learner")

#: Self-rating scale of the skills survey: 1 beginning, 2 developing, 3 proficient, 4 advanced.
LEVELS = (1, 4)


def _target_for(target: Any, skills: Sequence[str]) -> dict[str, float]:
    if isinstance(target, Mapping):
        missing = [s for s in skills if s not in target]
        if missing:
            raise InputError("target", dict(target), f"a target level for every skill in the survey (missing: {', '.join(map(repr, missing))})")
        return {s: check_number(f"target[{s!r}]", target[s], minimum=LEVELS[0], maximum=LEVELS[1]) for s in skills}
    value = check_number("target", target, minimum=LEVELS[0], maximum=LEVELS[1])
    return {s: value for s in skills}


def training_needs(responses: Any, headcounts: Mapping[str, int], target: Any = 3, *, by: str = "role") -> pd.DataFrame:
    """Training needs from a skills survey, ranked by gap x headcount.

    Parameters
    ----------
    responses
        A DataFrame or list of dicts with columns ``skill``, ``level`` (1-4)
        and the grouping column ``by`` (``role`` by default; ``school`` works too).
    headcounts
        Staff in each group (all of them, not only those who answered): the
        survey is a sample, the training is for everyone.
    target
        The level every group should reach: one number, or one per skill.
    by
        The column that groups respondents.

    Returns
    -------
    One row per group and skill: ``respondents``, ``mean_level``, ``target``,
    ``gap`` (target minus mean, never below 0), ``headcount``, ``priority``
    (gap x headcount) and ``rank`` (1 = first need), sorted by priority, then
    group and skill alphabetically.

    Examples
    --------
    Ten teachers average 2.5 on data privacy, two administrators average 1.5:
    gaps 0.5 and 1.5 against a target of 3; with 400 teachers and 20
    administrators the teachers' need (0.5 x 400 = 200) comes first (1.5 x 20 = 30).

    >>> rows = ([{"role": "teacher", "skill": "data privacy", "level": lv} for lv in [2, 3] * 5]
    ...         + [{"role": "administrator", "skill": "data privacy", "level": lv} for lv in [1, 2]])
    >>> needs = training_needs(rows, {"teacher": 400, "administrator": 20})
    >>> needs[["role", "gap", "headcount", "priority", "rank"]].to_string(index=False)
    '         role  gap  headcount  priority  rank\\n      teacher  0.5        400     200.0     1\\nadministrator  1.5         20      30.0     2'
    >>> training_needs(rows, {"teacher": 400})
    Traceback (most recent call last):
    ...
    workbook.errors.InputError: headcounts = {'teacher': 400} is not allowed: expected a head count for every role in the survey (missing: 'administrator')
    """
    import pandas as pd

    if not isinstance(by, str) or not by:
        raise InputError("by", by, "the name of the column that groups respondents, such as 'role' or 'school'")
    frame = as_table("responses", responses, [by, "skill", "level"], noun="response")
    check_ratings(frame["level"].tolist(), "responses.level", LEVELS)
    if not isinstance(headcounts, Mapping):
        raise InputError("headcounts", headcounts, f"a mapping of each {by} to its number of staff")
    groups = sorted(frame[by].astype(str).unique())
    missing = [g for g in groups if g not in headcounts]
    if missing:
        raise InputError("headcounts", dict(headcounts), f"a head count for every {by} in the survey (missing: {', '.join(map(repr, missing))})")
    counts = {g: check_count(f"headcounts[{g!r}]", headcounts[g], minimum=1) for g in groups}
    skills = sorted(frame["skill"].astype(str).unique())
    targets = _target_for(target, skills)
    frame = frame.assign(**{by: frame[by].astype(str), "skill": frame["skill"].astype(str), "level": frame["level"].astype(float)})
    out = frame.groupby([by, "skill"], as_index=False).agg(respondents=("level", "size"), mean_level=("level", "mean"))
    out["target"] = out["skill"].map(targets)
    out["gap"] = (out["target"] - out["mean_level"]).clip(lower=0.0)
    out["headcount"] = out[by].map(counts).astype(int)
    out["priority"] = out["gap"] * out["headcount"]
    out = out.sort_values(["priority", by, "skill"], ascending=[False, True, True], kind="mergesort").reset_index(drop=True)
    out["rank"] = range(1, len(out) + 1)
    return pd.DataFrame(out)


@dataclass(frozen=True)
class TrainingCost:
    """The cost of one offering, by part, and the two ratios boards compare.

    ``per_trained`` is the total over the staff who complete it;
    ``per_contact_hour`` is the total over their contact hours
    (completers x hours each).
    """

    participants: int
    trained: float
    contact_hours: float
    facilitation: float
    fees: float
    materials: float
    release: float
    stipends: float

    @property
    def total(self) -> float:
        return self.facilitation + self.fees + self.materials + self.release + self.stipends

    @property
    def per_trained(self) -> float:
        return self.total / self.trained

    @property
    def per_contact_hour(self) -> float:
        return self.total / (self.trained * self.contact_hours)

    def as_dict(self) -> dict[str, float]:
        """The parts, the total and the ratios, for a table."""
        return {"facilitation": self.facilitation, "fees": self.fees, "materials": self.materials,
                "substitute release": self.release, "stipends": self.stipends, "total": self.total,
                "staff trained": self.trained, "per trained staff member": self.per_trained,
                "per contact hour": self.per_contact_hour}


def training_cost(participants: int, contact_hours: float, *, group_size: int = 25, facilitator_hourly: float = 0.0,
                  fee_per_participant: float = 0.0, materials_per_participant: float = 0.0, released: int | None = None,
                  release_days: float = 0.0, substitute_daily_rate: float = 0.0, stipend_hourly: float = 0.0,
                  stipend_hours: float = 0.0, completion_rate: float = 1.0) -> TrainingCost:
    """What one offering costs, including substitute release time.

    Parameters
    ----------
    participants
        Staff who start the offering.
    contact_hours
        Hours of professional learning each participant receives.
    group_size
        Participants per section (1 for one-to-one coaching); each section
        takes ``contact_hours`` of the facilitator's time.
    facilitator_hourly
        Facilitator or coach cost per hour, loaded (salary and benefits, or a consultant's rate).
    fee_per_participant, materials_per_participant
        Registration, licence or credential fees, and materials, per participant.
    released, release_days, substitute_daily_rate
        Participants who need a substitute while they train in the school day
        (default: all when ``release_days`` > 0), days each, and the district's
        daily substitute rate.
    stipend_hourly, stipend_hours
        Extra-duty pay for training outside the contract day, hours per participant.
    completion_rate
        Share of participants who complete (a fraction).

    Examples
    --------
    A one-day workshop (6 hours) for 60 teachers in sections of 30, a 90-dollar
    facilitator hour, 20 dollars of materials each, a 200-dollar substitute per
    teacher, 95% completing: 2 x 6 x 90 + 60 x 20 + 60 x 200 = 14,280 dollars;
    57 trained, 250.53 dollars each, 41.75 dollars per contact hour.

    >>> c = training_cost(60, 6, group_size=30, facilitator_hourly=90, materials_per_participant=20,
    ...                   release_days=1, substitute_daily_rate=200, completion_rate=0.95)
    >>> c.total, round(c.per_trained, 2), round(c.per_contact_hour, 2)
    (14280.0, 250.53, 41.75)
    >>> training_cost(60, 6, completion_rate=0)
    Traceback (most recent call last):
    ...
    workbook.errors.InputError: completion_rate = 0 is not allowed: expected a share above 0 and at most 1 (nobody trained has no cost per person)
    """
    people = check_count("participants", participants, minimum=1)
    hours = check_number("contact_hours", contact_hours, minimum=0, strict_minimum=True)
    size = check_count("group_size", group_size, minimum=1)
    rate = check_fraction("completion_rate", completion_rate)
    if rate == 0:
        raise InputError("completion_rate", completion_rate, "a share above 0 and at most 1 (nobody trained has no cost per person)")
    days = check_number("release_days", release_days, minimum=0)
    subs = people if released is None and days > 0 else check_count("released", released or 0)
    if subs > people:
        raise InputError("released", released, f"at most the {people} participants")
    facilitation = math.ceil(people / size) * hours * check_number("facilitator_hourly", facilitator_hourly, minimum=0)
    fees = people * check_number("fee_per_participant", fee_per_participant, minimum=0)
    materials = people * check_number("materials_per_participant", materials_per_participant, minimum=0)
    release = subs * days * check_number("substitute_daily_rate", substitute_daily_rate, minimum=0)
    stipends = people * check_number("stipend_hours", stipend_hours, minimum=0) * check_number("stipend_hourly", stipend_hourly, minimum=0)
    return TrainingCost(people, people * rate, hours, float(facilitation), float(fees), float(materials), float(release), float(stipends))


def fund_offerings(offerings: Any, budget: float) -> pd.DataFrame:
    """Fund offerings within a budget, the most need met per dollar first.

    ``offerings`` has columns ``offering``, ``cost`` (dollars) and ``value``
    (the priority, gap x headcount, of the need it meets). Offerings are taken
    in order of value per 1,000 dollars (ties: the cheaper, then by name); one
    that no longer fits is skipped and the next is tried.

    Returns the offerings in that order with ``value_per_1000``, ``funded`` and
    ``cumulative_cost`` (of funded offerings so far).

    Examples
    --------
    >>> out = fund_offerings([{"offering": "A", "cost": 6000, "value": 30}, {"offering": "B", "cost": 5000, "value": 40},
    ...                       {"offering": "C", "cost": 2000, "value": 4}], 8000)
    >>> out[["offering", "value_per_1000", "funded", "cumulative_cost"]].to_string(index=False)
    'offering  value_per_1000  funded  cumulative_cost\\n       B             8.0    True           5000.0\\n       A             5.0   False           5000.0\\n       C             2.0    True           7000.0'
    >>> fund_offerings([{"offering": "A", "cost": 0, "value": 3}], 100)
    Traceback (most recent call last):
    ...
    workbook.errors.InputError: offerings[0].cost = 0 is not allowed: expected a number > 0
    """
    frame = as_table("offerings", offerings, ["offering", "cost", "value"], noun="offering")
    cap = check_number("budget", budget, minimum=0)
    for i, (cost, value) in enumerate(zip(frame["cost"].tolist(), frame["value"].tolist())):
        check_number(f"offerings[{i}].cost", cost, minimum=0, strict_minimum=True)
        check_number(f"offerings[{i}].value", value, minimum=0)
    frame["cost"] = frame["cost"].astype(float)
    frame["value"] = frame["value"].astype(float)
    frame["value_per_1000"] = frame["value"] / frame["cost"] * 1000
    frame = frame.sort_values(["value_per_1000", "cost", "offering"], ascending=[False, True, True], kind="mergesort").reset_index(drop=True)
    spent, funded, cumulative = 0.0, [], []
    for cost in frame["cost"]:
        ok = spent + cost <= cap + 1e-9
        spent += cost if ok else 0.0
        funded.append(ok)
        cumulative.append(spent)
    frame["funded"] = funded
    frame["cumulative_cost"] = cumulative
    return frame


def uncovered(alignment: Any, standards: Sequence[str], *, column: str = "standards") -> list[str]:
    """The standards (or district goals) no offering is aligned to, in the order given.

    ``alignment`` has an ``offering`` column and ``column``: the standards
    each offering addresses (a list, or names separated by ``;``).

    >>> uncovered([{"offering": "A", "standards": "Learner; Analyst"}, {"offering": "B", "standards": ["Citizen"]}],
    ...           ["Learner", "Leader", "Citizen", "Analyst"])
    ['Leader']
    >>> uncovered([{"offering": "A", "standards": "Learner; Lerner"}], ["Learner", "Leader"])
    Traceback (most recent call last):
    ...
    workbook.errors.InputError: alignment[0].standards = ['Learner', 'Lerner'] is not allowed: expected names from the list given (unknown: 'Lerner')
    """
    frame = as_table("alignment", alignment, ["offering", column], noun="offering")
    if isinstance(standards, str) or not list(standards):
        raise InputError("standards", standards, "a non-empty list of standard or goal names")
    known = [str(s) for s in standards]
    covered: set[str] = set()
    for i, value in enumerate(frame[column]):
        names = split_names(value)
        unknown = [n for n in names if n not in known]
        if unknown:
            raise InputError(f"alignment[{i}].{column}", names, f"names from the list given (unknown: {', '.join(map(repr, unknown))})")
        covered.update(names)
    return [s for s in known if s not in covered]


def development_plan(goals: Any, months: Sequence[str], standards: Sequence[str]) -> pd.DataFrame:
    """A personal professional development plan, checked: every goal has a standard, activity, evidence and dates.

    ``goals`` has columns ``goal``, ``standard`` (one of ``standards``),
    ``activity``, ``evidence`` (what will show growth), ``start`` and ``end``
    (labels from ``months``, start no later than end). Returns the plan with
    ``start_index`` and ``end_index`` (1-based) for a timeline.

    >>> months = ["Jan", "Feb", "Mar"]
    >>> plan = development_plan([{"goal": "Lead a PLC", "standard": "Empowering Leader", "activity": "CTO Mentor class",
    ...                           "evidence": "PLC agendas", "start": "Jan", "end": "Mar"}], months, ["Empowering Leader"])
    >>> plan[["goal", "start_index", "end_index"]].values.tolist()
    [['Lead a PLC', 1, 3]]
    >>> development_plan([{"goal": "Lead a PLC", "standard": "Empowering Leader", "activity": "CTO Mentor class",
    ...                    "evidence": "", "start": "Jan", "end": "Mar"}], months, ["Empowering Leader"])
    Traceback (most recent call last):
    ...
    workbook.errors.InputError: goals[0].evidence = '' is not allowed: expected what will show the growth (a product, an observation, a credential)
    """
    frame = as_table("goals", goals, ["goal", "standard", "activity", "evidence", "start", "end"], noun="goal")
    labels = [str(m) for m in months]
    allowed = [str(s) for s in standards]
    wanted = {"goal": "a goal in a few words", "activity": "what you will do to reach it",
              "evidence": "what will show the growth (a product, an observation, a credential)"}
    starts, ends = [], []
    for i, row in frame.iterrows():
        for field, what in wanted.items():
            if not isinstance(row[field], str) or not row[field].strip():
                raise InputError(f"goals[{i}].{field}", row[field], what)
        if row["standard"] not in allowed:
            raise InputError(f"goals[{i}].standard", row["standard"], "one of " + ", ".join(map(repr, allowed)))
        for field, out in (("start", starts), ("end", ends)):
            if row[field] not in labels:
                raise InputError(f"goals[{i}].{field}", row[field], "one of " + ", ".join(labels))
            out.append(labels.index(row[field]) + 1)
        if starts[-1] > ends[-1]:
            raise InputError(f"goals[{i}].end", row["end"], f"a month no earlier than its start ({row['start']})")
    return frame.assign(start_index=starts, end_index=ends)
