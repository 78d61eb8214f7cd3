"""L1 Professional Development and Training: the givens of the exercises, per district and seed.

Everything here is **synthetic and illustrative**: a staff skills survey, a
catalog of offerings and the cost rates of each professional learning model,
derived from the district profile's head counts and salaries and varied by
``seed`` so every candidate gets their own numbers. No real staff member
appears; candidates replace these with their own survey and quotes.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from workbook.principles import salted_rng as _rng
from workbook.tools.training import ISTE_EDUCATORS, ISTE_LEADERS, training_cost

__all__ = [
    "ISTE_EDUCATORS",
    "ISTE_LEADERS",
    "DISTRICT_GOALS",
    "SKILLS",
    "MONTHS",
    "staff_headcounts",
    "skills_survey",
    "offerings_catalog",
    "trainer_capacity",
    "model_rates",
    "offering_costs",
    "pd_budget",
    "model_comparison",
    "COHORT",
    "grant_cap_per_trained",
    "PLAN_MONTHS",
    "with_priority",
    "rates_table",
]


#: The district's technology goals the offerings align to (synthetic, in the style of an LCAP goal).
DISTRICT_GOALS = (
    "G1 every student uses technology to create, not only consume",
    "G2 staff and students protect their data and accounts",
    "G3 teachers use assessment data to adjust instruction",
)

#: Skills the survey asks about, each with the ISTE roles it serves (synthetic catalog).
SKILLS = {
    "learning management system": ("Designer", "Facilitator"),
    "student data privacy": ("Citizen",),
    "phishing and account security": ("Citizen",),
    "assessment data use": ("Analyst",),
    "collaboration tools": ("Collaborator",),
    "generative AI in instruction": ("Learner", "Designer"),
    "accessibility tools": ("Designer",),
}

#: The training year: August to May (June is for the summer institute, outside this plan).
MONTHS = ("Aug", "Sep", "Oct", "Nov", "Dec", "Jan", "Feb", "Mar", "Apr", "May")


def staff_headcounts(district: Any) -> dict[str, int]:
    """Staff by role, from the profile's certificated, classified and IT head counts (shares illustrative).

    >>> from workbook.districts import load_district
    >>> d = load_district("sample-suburban")
    >>> counts = staff_headcounts(d)
    >>> sum(counts.values()) == d.staff.certificated + d.staff.classified
    True
    """
    cert, classified, it = int(district.staff.certificated), int(district.staff.classified), int(district.staff.it)
    admins = max(1, round(cert * 0.07))
    aides = max(1, round((classified - it) * 0.35))
    return {
        "teacher": cert - admins,
        "site administrator": admins,
        "instructional aide": aides,
        "office staff": max(1, classified - it - aides),
        "IT staff": max(1, it),
    }


#: Which roles are asked about which skills (aides and office staff are not asked about teaching skills).
_ASKED = {
    "teacher": tuple(SKILLS),
    "site administrator": tuple(SKILLS),
    "instructional aide": ("learning management system", "student data privacy", "phishing and account security", "accessibility tools"),
    "office staff": ("student data privacy", "phishing and account security", "collaboration tools"),
    "IT staff": ("student data privacy", "phishing and account security", "accessibility tools", "generative AI in instruction"),
}


def skills_survey(district: Any, seed: int) -> Any:
    """A staff skills survey: one row per respondent and skill, self-rated 1 (beginning) to 4 (advanced).

    Respondents are a sample of each role (35% to 70% answer, at most 160 a
    role), spread over the district's schools; each role has its own
    strengths, varied by ``seed``.

    >>> from workbook.districts import load_district
    >>> s = skills_survey(load_district("sample-rural"), 3)
    >>> sorted(s.columns), bool(s["level"].between(1, 4).all())
    (['level', 'respondent', 'role', 'school', 'skill'], True)
    """
    import pandas as pd

    rng = _rng(seed, 1001)
    schools = np.array([f"School {i + 1:02d}" for i in range(max(1, int(district.schools)))])
    frames, n = [], 0
    for role, count in staff_headcounts(district).items():
        answering = max(2, min(160, round(count * float(rng.uniform(0.35, 0.70)))))
        skills = _ASKED[role]
        means = rng.uniform(1.4, 3.3, size=len(skills))
        where = schools[rng.integers(0, len(schools), size=answering)] if role != "IT staff" else np.full(answering, "District office")
        lift = rng.normal(0, 0.35, size=(answering, 1))  # some people rate themselves higher on everything
        levels = np.clip(np.rint(means + lift + rng.normal(0, 0.6, size=(answering, len(skills)))), 1, 4).astype(int)
        ids = np.array([f"R{n + i + 1:04d}" for i in range(answering)])
        n += answering
        frames.append(pd.DataFrame({"respondent": np.repeat(ids, len(skills)), "role": role, "school": np.repeat(where, len(skills)),
                                    "skill": np.tile(skills, answering), "level": levels.ravel()}))
    return pd.concat(frames, ignore_index=True)


def offerings_catalog(district: Any, seed: int) -> Any:
    """The offerings proposed for the year: who they serve, model, hours, prerequisites and alignment.

    ``participants`` is the cohort reached this year (all of a small role, a
    cohort of a large one). ``standards`` lists the ISTE Standards for
    Educators roles and ``goals`` the district goals each addresses; one or
    two standards are left without an offering, varied by ``seed``.

    >>> from workbook.districts import load_district
    >>> cat = offerings_catalog(load_district("sample-urban"), 2)
    >>> len(cat), bool(cat["participants"].min() >= 1)
    (10, True)
    """
    import pandas as pd

    rng = _rng(seed, 1002)
    heads = staff_headcounts(district)
    teachers, cohort = heads["teacher"], lambda share: max(8, round(heads["teacher"] * share))
    rows = [
        ("LMS foundations", "teacher", "learning management system", "one-day workshop", cohort(0.30), 6, 30, "", "Designer", "G1"),
        ("LMS: designing units", "teacher", "learning management system", "PLC", cohort(0.20), 12, 8, "LMS foundations", "Designer; Facilitator", "G1"),
        ("Privacy in practice", "teacher", "student data privacy", "online course", cohort(0.50), 3, 40, "", "Citizen", "G2"),
        ("Privacy for office staff", "office staff", "student data privacy", "after-school series", heads["office staff"], 4, 25, "", "", "G2"),
        ("Phishing drill and debrief", "office staff", "phishing and account security", "online course", heads["office staff"], 2, 40, "", "", "G2"),
        ("Data chats with assessment results", "teacher", "assessment data use", "coaching cycle", cohort(0.06), 12, 1, "LMS foundations", "Analyst", "G3"),
        ("Co-teaching with collaboration tools", "teacher", "collaboration tools", "after-school series", cohort(0.15), 6, 25, "", "Collaborator", "G1"),
        ("AI in the classroom: first steps", "teacher", "generative AI in instruction", "one-day workshop", cohort(0.25), 6, 30, "Privacy in practice", "Learner; Citizen", "G1"),
        ("AI micro-credential", "teacher", "generative AI in instruction", "micro-credential", cohort(0.10), 15, 40, "AI in the classroom: first steps", "Learner; Designer", "G1"),
        ("Accessibility toolkit", "instructional aide", "accessibility tools", "after-school series", heads["instructional aide"], 4, 25, "", "Designer", "G1"),
    ]
    frame = pd.DataFrame(rows, columns=["offering", "role", "skill", "model", "participants", "hours", "group_size",
                                        "prerequisites", "standards", "goals"])
    # Leave one or two ISTE roles without an offering this year (which ones varies with the seed).
    drop = [s for s in ("Collaborator", "Analyst", "Leader", "Facilitator") if rng.random() < 0.5][:2] or ["Leader"]
    frame["standards"] = ["; ".join(s for s in (x.strip() for x in v.split(";")) if s and s not in drop) for v in frame["standards"]]
    frame["participants"] = frame["participants"].clip(upper=teachers).astype(int)
    return frame


def trainer_capacity(district: Any, seed: int, catalog: Any) -> int:
    """Trainer hours a month the district's coaches can deliver (synthetic): close to the year's load.

    The catalog's total load (sections x hours) spread over the ten months,
    scaled by a seeded factor between 0.75 and 1.15, so some years everything
    fits and some years it does not.

    >>> from workbook.districts import load_district
    >>> d = load_district("sample-rural")
    >>> trainer_capacity(d, 1, offerings_catalog(d, 1)) > 0
    True
    """
    import math

    load = sum(math.ceil(p / g) * h for p, g, h in zip(catalog["participants"], catalog["group_size"], catalog["hours"]))
    factor = float(_rng(seed, 1003).uniform(0.75, 1.15))
    return max(6, int(round(load / len(MONTHS) * factor)))


def model_rates(district: Any, seed: int) -> dict[str, dict[str, float]]:
    """Cost rates of each professional learning model (keyword arguments of ``training_cost``, synthetic).

    Facilitators and coaches are valued at a loaded certificated hourly cost
    from the profile (salary x 1.4 over 1,400 hours a year: illustrative); the
    substitute daily rate, stipends and fees vary with ``seed``.

    >>> from workbook.districts import load_district
    >>> rates = model_rates(load_district("sample-urban"), 4)
    >>> sorted(rates)
    ['PLC', 'after-school series', 'coaching cycle', 'micro-credential', 'one-day workshop', 'online course']
    """
    rng = _rng(seed, 1004)
    loaded = round(float(district.salaries.certificated) * 1.4 / 1400, 2)
    sub = round(float(rng.uniform(180, 260)), 0)
    stipend = round(float(rng.uniform(45, 62)), 0)
    return {
        "one-day workshop": {"facilitator_hourly": loaded, "materials_per_participant": round(float(rng.uniform(10, 30)), 0),
                             "release_days": 1.0, "substitute_daily_rate": sub, "completion_rate": 0.95},
        "after-school series": {"facilitator_hourly": loaded, "stipend_hourly": stipend, "completion_rate": round(float(rng.uniform(0.80, 0.92)), 2)},
        "coaching cycle": {"facilitator_hourly": loaded, "release_days": 0.5, "substitute_daily_rate": sub,
                           "completion_rate": round(float(rng.uniform(0.85, 0.95)), 2)},
        "PLC": {"facilitator_hourly": round(stipend * 1.2, 0), "completion_rate": round(float(rng.uniform(0.80, 0.95)), 2)},
        "micro-credential": {"fee_per_participant": round(float(rng.uniform(40, 120)), 0), "stipend_hourly": stipend,
                             "completion_rate": round(float(rng.uniform(0.45, 0.70)), 2)},
        "online course": {"fee_per_participant": round(float(rng.uniform(20, 60)), 0), "completion_rate": round(float(rng.uniform(0.55, 0.80)), 2)},
    }


def offering_costs(catalog: Any, rates: dict[str, dict[str, float]]) -> Any:
    """Each offering's cost at its model's rates: total, per trained staff member, per contact hour.

    Micro-credentials pay their stipend for the hours of the credential;
    after-school series for the series' hours.

    >>> from workbook.districts import load_district
    >>> d = load_district("sample-rural")
    >>> costs = offering_costs(offerings_catalog(d, 1), model_rates(d, 1))
    >>> bool((costs["total"] > 0).all())
    True
    """
    import pandas as pd

    rows = []
    for _, row in catalog.iterrows():
        kwargs = dict(rates[row["model"]])
        if "stipend_hourly" in kwargs:
            kwargs["stipend_hours"] = float(row["hours"])
        c = training_cost(int(row["participants"]), float(row["hours"]), group_size=int(row["group_size"]), **kwargs)
        rows.append({"offering": row["offering"], "model": row["model"], "participants": c.participants, "total": c.total,
                     "per_trained": c.per_trained, "per_contact_hour": c.per_contact_hour})
    return pd.DataFrame(rows)


def pd_budget(district: Any, seed: int) -> float:
    """This year's money for technology professional learning (synthetic): the profile's PD line and a
    share of other sources (Title II-A, the Educator Effectiveness Block Grant's last funds), to the hundred.

    >>> from workbook.districts import load_district
    >>> d = load_district("sample-suburban")
    >>> pd_budget(d, 1) >= d.budget.professional_development
    True
    """
    factor = float(_rng(seed, 1005).uniform(1.3, 2.2))
    return float(round(float(district.budget.professional_development) * factor, -2))


#: The cohort every model is priced for in :func:`model_comparison`: teachers, and each model's usual hours and group size.
COHORT = 30
_MODEL_SHAPE = {  # model: (contact hours, participants per section)
    "one-day workshop": (6, 30),
    "after-school series": (8, 25),
    "coaching cycle": (12, 1),
    "PLC": (18, 8),
    "micro-credential": (15, 30),
    "online course": (10, 30),
}


def model_comparison(rates: dict[str, dict[str, float]], participants: int = COHORT) -> Any:
    """Each professional learning model priced for the same cohort of teachers, at its usual hours and group size.

    >>> from workbook.districts import load_district
    >>> table = model_comparison(model_rates(load_district("sample-suburban"), 2))
    >>> list(table.columns)
    ['hours', 'group_size', 'completion_rate', 'total', 'staff_trained', 'per_trained', 'per_contact_hour']
    """
    import pandas as pd

    rows = {}
    for model, (hours, size) in _MODEL_SHAPE.items():
        kwargs = dict(rates[model])
        if "stipend_hourly" in kwargs:
            kwargs["stipend_hours"] = float(hours)
        c = training_cost(participants, hours, group_size=size, **kwargs)
        rows[model] = {"hours": hours, "group_size": size, "completion_rate": kwargs["completion_rate"], "total": c.total,
                       "staff_trained": c.trained, "per_trained": c.per_trained, "per_contact_hour": c.per_contact_hour}
    return pd.DataFrame.from_dict(rows, orient="index").rename_axis("model")


def grant_cap_per_trained(seed: int) -> float:
    """What a (synthetic) county office grant reimburses per teacher who completes, in dollars: 150 to 700, to the ten.

    >>> 150 <= grant_cap_per_trained(3) <= 700
    True
    """
    return float(round(float(_rng(seed, 1006).uniform(150, 700)), -1))


#: The months of a personal development plan: the fiscal year, July to June.
PLAN_MONTHS = ("Jul", "Aug", "Sep", "Oct", "Nov", "Dec", "Jan", "Feb", "Mar", "Apr", "May", "Jun")


def with_priority(catalog: Any, needs: Any) -> Any:
    """The catalog with ``priority``: the gap of the need each offering meets (its role and skill) times its participants.

    An offering for a role and skill the survey did not ask about has priority 0.

    >>> from workbook.districts import load_district
    >>> from workbook.tools.training import training_needs
    >>> d = load_district("sample-rural")
    >>> needs = training_needs(skills_survey(d, 1), staff_headcounts(d))
    >>> bool((with_priority(offerings_catalog(d, 1), needs)["priority"] >= 0).all())
    True
    """
    gaps = {(r, s): g for r, s, g in zip(needs["role"], needs["skill"], needs["gap"])}
    return catalog.assign(priority=[gaps.get((r, s), 0.0) * p for r, s, p in zip(catalog["role"], catalog["skill"], catalog["participants"])])


def rates_table(rates: dict[str, dict[str, float]]) -> Any:
    """The model rates as one table: a row per model, a column per rate (0 where a model has none).

    >>> from workbook.districts import load_district
    >>> rates_table(model_rates(load_district("sample-rural"), 1)).shape[0]
    6
    """
    import pandas as pd

    return pd.DataFrame(rates).T.fillna(0.0).rename_axis("model")
