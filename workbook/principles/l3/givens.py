"""L3 Communications and Public Relations: the givens of the exercises, per district and seed.

The stakeholders, the draft communication plan, the board's meeting calendar,
the district office's holidays, the special-meeting scenario and the help
desk's satisfaction survey are **synthetic and illustrative**: plausible for a
California district, varied by ``seed`` so candidates get different answers.
The tickets themselves are T3's (:func:`workbook.datasets.helpdesk_tickets`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np

from workbook.datasets._common import as_district, rng_for
from workbook.tools._validate import check_count
from workbook.tools.fiscal_year import check_fiscal_year, fiscal_year_start

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = [
    "STAKEHOLDERS",
    "stakeholders",
    "draft_plan",
    "office_holidays",
    "board_meetings",
    "presentation_meeting",
    "SpecialMeeting",
    "special_meeting",
    "tickets_with_survey",
    "LEAD_BUSINESS_DAYS",
]

#: Business days the superintendent's office wants an item before it posts the agenda (illustrative).
LEAD_BUSINESS_DAYS = 5

#: Stakeholder, typical power and interest (1-5) in a district technology decision, and a plan row
#: (message, channel, cadence, owner). The scores are illustrative starting points; the seed moves them.
STAKEHOLDERS: list[tuple[str, float, float, tuple[str, str, str, str]]] = [
    ("Board of education", 5.0, 4.0, ("Technology plan progress and decisions needed", "update at each regular board meeting", "monthly", "CTO")),
    ("Superintendent and cabinet", 5.0, 4.5, ("Priorities, risks and budget", "cabinet meeting", "every two weeks", "CTO")),
    ("Chief business official", 4.0, 3.0, ("Spending against budget, E-rate and contracts", "one-to-one meeting", "monthly", "CTO")),
    ("Principals", 3.5, 4.5, ("What changes at their sites, and when", "principals' meeting", "monthly", "CTO")),
    ("Teachers", 3.0, 4.5, ("Classroom technology news and training", "staff newsletter", "monthly", "Instructional technology coach")),
    ("Classified staff association", 2.5, 3.0, ("Changes to work and training for classified staff", "labour-management meeting", "monthly", "Human resources")),
    ("Parents and PTA", 2.5, 4.0, ("Devices, safety and privacy at home", "parent newsletter and website", "monthly", "Communications office")),
    ("Students", 1.5, 4.0, ("Device care, accounts and digital citizenship", "notices in the learning management system", "monthly", "Site technology leads")),
    ("County office of education", 3.5, 2.0, ("Shared services and reporting", "county CTO meeting", "quarterly", "CTO")),
    ("Local news media", 3.0, 2.0, ("Major projects and incidents", "press briefing", "quarterly", "Communications office")),
    ("City and public library", 2.0, 2.5, ("Joint connectivity and community access", "partner meeting", "twice a year", "CTO")),
    ("Community college", 2.0, 2.5, ("Dual enrollment and shared pathways", "partner meeting", "quarterly", "CTO")),
    ("Vendors and service providers", 1.5, 3.5, ("Roadmap, contract performance and privacy terms", "service review meeting", "monthly", "IT manager")),
    ("Local businesses and chamber", 1.5, 2.0, ("Partnership and internship opportunities", "chamber breakfast", "yearly", "CTO")),
]
_RARER = {"every two weeks": "monthly", "monthly": "quarterly", "quarterly": "twice a year", "twice a year": "yearly", "yearly": "yearly"}


def stakeholders(district: Any, seed: int) -> pd.DataFrame:
    """The district's stakeholders with power and interest scores (1-5, to the half point).

    Each score is the typical score moved by up to one point (seeded).

    Examples
    --------
    >>> s = stakeholders("sample-rural", 1)
    >>> len(s), bool(s["power"].between(1, 5).all()), bool((s["interest"] * 2 % 1 == 0).all())
    (14, True, True)
    """
    import pandas as pd

    rng = rng_for(as_district(district), seed, "l3/stakeholders")
    rows = []
    for name, power, interest, _ in STAKEHOLDERS:
        move = rng.choice([-1.0, -0.5, 0.0, 0.5, 1.0], size=2, p=[0.1, 0.25, 0.3, 0.25, 0.1])
        rows.append({"stakeholder": name, "power": float(np.clip(power + move[0], 1, 5)),
                     "interest": float(np.clip(interest + move[1], 1, 5))})
    return pd.DataFrame(rows)


def draft_plan(district: Any, seed: int) -> pd.DataFrame:
    """A colleague's draft communication plan: two stakeholders left out, two contacted one step rarer.

    >>> plan = draft_plan("sample-rural", 1)
    >>> len(plan), list(plan.columns)
    (12, ['audience', 'message', 'channel', 'cadence', 'owner'])
    """
    import pandas as pd

    rng = rng_for(as_district(district), seed, "l3/draft_plan")
    order = rng.permutation(len(STAKEHOLDERS))
    left_out, rarer = set(order[:2].tolist()), set(order[2:4].tolist())
    rows = []
    for i, (name, _, _, (message, channel, cadence, owner)) in enumerate(STAKEHOLDERS):
        if i in left_out:
            continue
        rows.append({"audience": name, "message": message, "channel": channel,
                     "cadence": _RARER[cadence] if i in rarer else cadence, "owner": owner})
    return pd.DataFrame(rows)


def _observed(day: dt.date) -> dt.date:
    """A holiday on Saturday is observed on Friday, on Sunday on Monday."""
    return day - dt.timedelta(days=1) if day.weekday() == 5 else day + dt.timedelta(days=1) if day.weekday() == 6 else day


def _nth_weekday(year: int, month: int, weekday: int, n: int) -> dt.date:
    first = dt.date(year, month, 1)
    day = first + dt.timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))
    if n < 0:  # the last one
        nxt = dt.date(year + month // 12, month % 12 + 1, 1)
        day = nxt - dt.timedelta(days=(nxt.weekday() - weekday) % 7 or 7)
    return day


def office_holidays(fiscal_year: str) -> list[str]:
    """The district office's holidays in the fiscal year (an illustrative calendar), as ISO dates.

    The school holidays of Education Code 37220 (New Year's Day, Martin Luther King Jr. Day,
    Lincoln Day on February 12, Washington Day, Memorial Day, Independence Day, Labor Day,
    Veterans Day, Thanksgiving) plus days many districts add by agreement (the day after
    Thanksgiving, December 24 and 31). A real calendar is the board's and the bargaining
    agreements' (EC 45203 for classified staff); check it for Juneteenth, Cesar Chavez Day
    and any day moved by agreement.

    >>> office_holidays("2026-27")[:4]
    ['2026-07-03', '2026-09-07', '2026-11-11', '2026-11-26']
    """
    y = fiscal_year_start(check_fiscal_year("fiscal_year", fiscal_year))
    days = [
        _observed(dt.date(y, 7, 4)), _nth_weekday(y, 9, 0, 1), _observed(dt.date(y, 11, 11)),
        _nth_weekday(y, 11, 3, 4), _nth_weekday(y, 11, 3, 4) + dt.timedelta(days=1),
        _observed(dt.date(y, 12, 24)), _observed(dt.date(y, 12, 25)), _observed(dt.date(y, 12, 31)),
        _observed(dt.date(y + 1, 1, 1)), _nth_weekday(y + 1, 1, 0, 3), _observed(dt.date(y + 1, 2, 12)), _nth_weekday(y + 1, 2, 0, 3),
        _nth_weekday(y + 1, 5, 0, -1),
    ]
    return sorted({d.isoformat() for d in days})


def board_meetings(district: Any, seed: int, fiscal_year: str) -> pd.DataFrame:
    """The board's regular meetings: one a month on a seeded week and weekday, at a seeded time.

    >>> m = board_meetings("sample-urban", 3, "2026-27")
    >>> len(m), m["meeting"].dt.month.tolist()[:3]
    (12, [7, 8, 9])
    """
    import pandas as pd

    y = fiscal_year_start(check_fiscal_year("fiscal_year", fiscal_year))
    rng = rng_for(as_district(district), seed, f"l3/board_meetings/{y}")
    week, weekday = int(rng.choice([2, 3])), int(rng.choice([0, 1, 2, 3]))
    hour, minute = [(17, 0), (17, 30), (18, 0), (18, 30), (19, 0)][int(rng.integers(5))]
    stamps = []
    for k in range(12):
        year, month = y + (6 + k) // 12, (6 + k) % 12 + 1
        day = _nth_weekday(year, month, weekday, week)
        stamps.append(pd.Timestamp(dt.datetime(day.year, day.month, day.day, hour, minute)))
    return pd.DataFrame({"meeting": stamps, "weekday": [s.day_name() for s in stamps], "kind": "regular"})


def presentation_meeting(district: Any, seed: int, fiscal_year: str) -> pd.Timestamp:
    """The regular meeting (September to March) at which you present: seeded.

    >>> presentation_meeting("sample-rural", 1, "2026-27").month in (9, 10, 11, 12, 1, 2, 3)
    True
    """
    meetings = board_meetings(district, seed, fiscal_year)
    rng = rng_for(as_district(district), seed, "l3/presentation")
    return meetings["meeting"].iloc[2 + int(rng.integers(7))]


@dataclass(frozen=True)
class SpecialMeeting:
    """A contract that cannot wait for the next regular meeting: when notice can go up, and the quote's end."""

    posted: Any  # when the clerk can post the notice
    quote_expires: Any  # the vendor's price holds until then
    next_regular: Any

    def table(self) -> pd.DataFrame:
        import pandas as pd

        return pd.DataFrame({"when": [str(self.posted)[:16], str(self.quote_expires)[:16], str(self.next_regular)[:16]]},
                            index=pd.Index(["notice of the special meeting can be posted", "the vendor's quote expires",
                                            "the next regular meeting"], name="event"))


def special_meeting(district: Any, seed: int, fiscal_year: str) -> SpecialMeeting:
    """A network-switch quote that expires between two regular meetings (synthetic).

    The clerk can post the notice on a weekday between 08:00 and 15:30, a few
    days after a regular meeting; the quote expires before the next one.

    >>> s = special_meeting("sample-suburban", 2, "2026-27")
    >>> s.posted < s.quote_expires < s.next_regular
    True
    """
    import pandas as pd

    meetings = board_meetings(district, seed, fiscal_year)["meeting"]
    rng = rng_for(as_district(district), seed, "l3/special")
    k = 1 + int(rng.integers(9))
    after, nxt = meetings.iloc[k], meetings.iloc[k + 1]
    day = np.busday_offset(np.datetime64(after.date(), "D"), int(rng.integers(2, 6)), roll="forward")
    minutes = 8 * 60 + 30 * int(rng.integers(0, 16))
    posted = pd.Timestamp(str(day)) + pd.Timedelta(minutes=minutes)
    expires = posted + pd.Timedelta(days=int(rng.integers(3, 8)), hours=17 - posted.hour, minutes=-posted.minute)
    return SpecialMeeting(posted, min(expires, nxt - pd.Timedelta(days=1)), nxt)


_SURVEYS: dict[tuple[Any, ...], Any] = {}
_FIRST_CONTACT = {"Account or password": 0.80, "Software or app": 0.50, "Printing": 0.45, "Student information system": 0.40,
                  "Other": 0.40, "Network or Wi-Fi": 0.25, "Classroom display or audio": 0.15, "Chromebook hardware": 0.10}


def tickets_with_survey(district: Any, seed: int, fiscal_year: str, *, response_rate: float = 0.3) -> pd.DataFrame:
    """T3's help desk tickets with ``first_contact`` and a 1-5 ``satisfaction`` survey answer (empty: no answer).

    First contact depends on the category and the site's desk; the rating
    falls with the hours to resolve and rises after a first-contact fix,
    plus a seeded site effect (all illustrative).

    Examples
    --------
    >>> t = tickets_with_survey("sample-rural", 5, "2026-27")
    >>> set(t["satisfaction"].dropna().unique()) <= {1, 2, 3, 4, 5}, bool(t.loc[t["resolved"].isna(), "first_contact"].any())
    (True, False)
    """
    from workbook.datasets import helpdesk_tickets

    d = as_district(district)
    check_count("seed", seed)
    fy = check_fiscal_year("fiscal_year", fiscal_year)
    key = (d.model_dump_json() if hasattr(d, "model_dump_json") else repr(d), int(seed), fy, float(response_rate))
    if key in _SURVEYS:  # the notebook, its slides and the self-checks ask for the same log: build it once
        return _SURVEYS[key].copy()
    tickets = helpdesk_tickets(d, seed, fy)
    rng = rng_for(d, seed, "l3/survey")
    sites = sorted(tickets["site"].unique())
    site_fcr = dict(zip(sites, rng.uniform(0.75, 1.25, size=len(sites))))
    site_mood = dict(zip(sites, rng.normal(0.0, 0.35, size=len(sites))))
    resolved = tickets["resolved"].notna().to_numpy()
    p = tickets["category"].map(_FIRST_CONTACT).to_numpy() * tickets["site"].map(site_fcr).to_numpy()
    first = resolved & (rng.random(len(tickets)) < np.clip(p, 0, 0.95))
    hours = ((tickets["resolved"] - tickets["opened"]).dt.total_seconds() / 3600).fillna(0).to_numpy()
    score = 4.6 - 0.55 * np.log10(1 + hours / 4) + 0.3 * first + tickets["site"].map(site_mood).to_numpy()
    rating = np.clip(np.rint(score + rng.normal(0, 0.7, len(tickets))), 1, 5)
    answered = resolved & (rng.random(len(tickets)) < response_rate)
    out = tickets.copy()
    out["first_contact"] = first
    out["satisfaction"] = np.where(answered, rating, np.nan)
    if len(_SURVEYS) >= 4:
        _SURVEYS.pop(next(iter(_SURVEYS)))
    _SURVEYS[key] = out
    return out.copy()
