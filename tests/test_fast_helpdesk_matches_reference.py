"""The help desk calculators and the ticket generator, made faster, still give exactly what they gave.

Each ``ref_*`` function below is the implementation as it stood before the speed-up
(row-wise loops, one boolean mask per priority), kept verbatim as the reference: the
library's result must equal it, values, dtypes, index, column and row order, for every
sample district and several seeds, and for the hand-made logs of the edge cases.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np
import pandas as pd
import pytest

from workbook.datasets._common import as_district, fiscal_year_of, rng_for
from workbook.datasets.network import school_days
from workbook.datasets.tickets import CATEGORIES, PRIORITIES, _SLOWER, helpdesk_tickets
from workbook.districts import load_district
from workbook.errors import InputError
from workbook.principles.l3.givens import tickets_with_survey
from workbook.tools._validate import as_table, check_count, check_number
from workbook.tools.business_hours import DEFAULT_BUSINESS_DAY, BusinessDay, business_hours_between
from workbook.tools.helpdesk import _GROUPS, customer_service, sla_attainment, tickets_frame, time_to_resolve
from reference_match import outcome as _outcome

DISTRICTS = ("sample-rural", "sample-suburban", "sample-urban")
SEEDS = (1, 7, 2024)
TARGETS = {"P1": 4, "P2": 8, "P3": 24, "P4": 72}


def ref_helpdesk_tickets(district: Any, seed: int, fiscal_year: str | None = None) -> pd.DataFrame:
    import pandas as pd

    d = as_district(district)
    fy, start = fiscal_year_of(d, fiscal_year)
    rng = rng_for(d, seed, f"helpdesk_tickets/{fy}")
    devices = d.devices.student_devices + d.devices.staff_devices
    n = max(50, int(round(devices * rng.uniform(0.45, 0.75))))

    days = school_days(start)
    month = days["date"].dt.month.to_numpy()
    weekday = days["date"].dt.day_of_week.to_numpy()
    weight = np.where(days["school_day"].to_numpy(), 1.0, np.where(weekday < 5, 0.25, 0.03))
    weight = weight * np.where(np.isin(month, [8, 9]), 1.8, 1.0)
    day_index = np.sort(rng.choice(len(days), size=n, p=weight / weight.sum()))
    minutes = np.clip(rng.normal(630, 120, size=n), 420, 1_020)  # about 7:00 to 17:00
    opened = days["date"].to_numpy()[day_index] + (minutes * 60).astype("timedelta64[s]")

    cats = np.array(list(CATEGORIES))
    category = rng.choice(cats, size=n, p=np.array(list(CATEGORIES.values())))
    prios = np.array(list(PRIORITIES))
    priority = rng.choice(prios, size=n, p=np.array([p for p, _ in PRIORITIES.values()]))
    median = np.array([PRIORITIES[p][1] for p in priority]) * np.array([_SLOWER.get(c, 1.0) for c in category])
    hours = median * rng.lognormal(0.0, 0.9, size=n)
    resolved = opened + (hours * 3600).astype("timedelta64[s]")
    year_end = np.datetime64(f"{start + 1}-07-01T00:00:00")
    still_open = (resolved >= year_end) | (rng.random(n) < 0.005)
    resolved = np.where(still_open, np.datetime64("NaT"), resolved)

    sites = [f"School {i + 1:02d}" for i in range(d.schools)] + ["District Office"]
    site_weight = np.append(rng.uniform(0.6, 1.4, size=d.schools), 0.15 * d.schools)
    site = rng.choice(np.array(sites), size=n, p=site_weight / site_weight.sum())

    frame = pd.DataFrame({
        "ticket_id": [f"T{fy[:4]}-{i + 1:06d}" for i in range(n)],
        "opened": pd.to_datetime(opened),
        "resolved": pd.to_datetime(resolved),
        "category": category,
        "priority": priority,
        "site": site,
    })
    frame = frame.sort_values("opened", kind="mergesort").reset_index(drop=True)
    frame["ticket_id"] = [f"T{fy[:4]}-{i + 1:06d}" for i in range(n)]
    return frame


def ref_time_to_resolve(tickets: Any, by: str | None = None) -> pd.DataFrame:
    import pandas as pd

    if by is not None and by not in _GROUPS:
        raise InputError("by", by, "None or one of " + ", ".join(repr(g) for g in _GROUPS))
    frame = tickets_frame(tickets, need=[by] if by in ("category", "priority", "site") else [])
    done = frame[frame["resolved"].notna()]
    groups = [("all", done)] if by is None else list(done.groupby(by, sort=True))
    rows = []
    for key, part in groups:
        hours = part["hours"]
        rows.append({
            by or "group": key,
            "resolved": int(len(hours)),
            "median_hours": round(float(hours.quantile(0.5)), 2) if len(hours) else float("nan"),
            "p90_hours": round(float(hours.quantile(0.9)), 2) if len(hours) else float("nan"),
        })
    return pd.DataFrame(rows)


def ref_sla_attainment(
    tickets: Any,
    targets: Mapping[str, float],
    *,
    as_of: Any = None,
    clock: str = "business",
    business_day: BusinessDay = DEFAULT_BUSINESS_DAY,
) -> pd.DataFrame:
    import pandas as pd

    if not isinstance(targets, Mapping) or not targets:
        raise InputError("targets", targets, 'hours per priority, e.g. {"P1": 4, "P2": 8}')
    goal = {str(k): check_number(f"targets[{k!r}]", v, minimum=0) for k, v in targets.items()}
    if clock not in ("business", "calendar"):
        raise InputError("clock", clock, "'business' or 'calendar'")
    if not isinstance(business_day, BusinessDay):
        raise InputError("business_day", business_day, "a BusinessDay (support window, workdays, holidays)")
    frame = tickets_frame(tickets, need=["priority"])
    frame["priority"] = frame["priority"].astype(str)
    absent = sorted(set(frame["priority"]) - set(goal))
    if absent:
        raise InputError("targets", dict(targets), f"hours for every priority in the log (missing: {', '.join(absent)})")
    priorities = sorted(set(frame["priority"]))
    if as_of is None:
        when = max(frame["opened"].max(), frame["resolved"].max()) if frame["resolved"].notna().any() else frame["opened"].max()
    else:
        try:
            when = pd.Timestamp(as_of)
        except (ValueError, TypeError):
            raise InputError("as_of", as_of, 'a date and time such as "2026-09-01 08:00"') from None
        if pd.isna(when):
            raise InputError("as_of", as_of, 'a date and time such as "2026-09-01 08:00"')
    frame = frame[frame["opened"] <= when].copy()
    done = frame["resolved"].notna() & (frame["resolved"] <= when)
    stop = frame["resolved"].where(done, when)
    if clock == "business":
        elapsed = business_hours_between(frame["opened"], stop, business_day)
    else:
        elapsed = ((stop - frame["opened"]).dt.total_seconds() / 3600).to_numpy()
    frame["elapsed"] = elapsed
    frame["target_hours"] = frame["priority"].map(goal)
    frame["met"] = done & (frame["elapsed"] <= frame["target_hours"] + 1e-9)
    counted = done | (frame["elapsed"] > frame["target_hours"] + 1e-9)
    part = frame[counted]
    rows = []
    for prio in priorities:
        sub = part[part["priority"] == prio]
        n, met = int(len(sub)), int(sub["met"].sum())
        rows.append({"priority": prio, "target_hours": goal[prio], "tickets": n, "met": met,
                     "attainment": round(met / n, 4) if n else float("nan")})
    return pd.DataFrame(rows)


def ref_customer_service(tickets: Any, by: str | None = None, *, satisfied_at: int = 4) -> pd.DataFrame:
    import pandas as pd

    if by is not None and by not in _GROUPS:
        raise InputError("by", by, "None or one of " + ", ".join(repr(g) for g in _GROUPS))
    top = check_count("satisfied_at", satisfied_at, minimum=1)
    if top > 5:
        raise InputError("satisfied_at", satisfied_at, "a whole number from 1 to 5")
    frame = tickets_frame(tickets, need=["first_contact", "satisfaction", *([by] if by in ("category", "priority", "site") else [])])
    flags = frame["first_contact"]
    ok = flags.map(lambda v: isinstance(v, (bool, np.bool_)) or (isinstance(v, (int, np.integer)) and v in (0, 1)))
    if not ok.all():
        i = int((~ok).to_numpy().nonzero()[0][0])
        shown = flags.iloc[i]
        raise InputError(f"tickets[{i}].first_contact", shown.item() if hasattr(shown, "item") else shown, "True or False")
    rating = pd.to_numeric(frame["satisfaction"], errors="coerce")
    bad = (rating.isna() & frame["satisfaction"].notna()) | ~(rating.isna() | rating.isin([1, 2, 3, 4, 5]))
    if bad.any():
        i = int(bad.to_numpy().nonzero()[0][0])
        shown = frame["satisfaction"].iloc[i]
        raise InputError(f"tickets[{i}].satisfaction", shown.item() if hasattr(shown, "item") else shown,
                         "a whole number from 1 to 5, or empty (no answer)")
    done = frame["resolved"].notna()
    work = pd.DataFrame({
        "key": "all" if by is None else frame[by],
        "ticket": 1,
        "resolved": done.astype(int),
        "first": (done & flags.astype(bool)).astype(int),
        "answered": (done & rating.notna()).astype(int),
        "top": (done & (rating >= top)).astype(int),
        "points": rating.where(done, float("nan")),
    })
    sums = work.groupby("key", sort=True).agg(tickets=("ticket", "sum"), resolved=("resolved", "sum"), first=("first", "sum"),
                                              answered=("answered", "sum"), top=("top", "sum"), mean=("points", "mean"))
    n, answers = sums["resolved"], sums["answered"]
    out = pd.DataFrame({
        by or "group": sums.index,
        "tickets": sums["tickets"].astype(int).to_numpy(),
        "resolved": n.astype(int).to_numpy(),
        "first_contact_rate": (sums["first"] / n.where(n > 0)).round(4).to_numpy(),
        "responses": answers.astype(int).to_numpy(),
        "response_rate": (answers / n.where(n > 0)).round(4).to_numpy(),
        "csat": (sums["top"] / answers.where(answers > 0)).round(4).to_numpy(),
        "mean_rating": sums["mean"].round(2).to_numpy(),
    })
    return out


def ref_tickets_frame(tickets: Any, *, need: Sequence[str] = ()) -> pd.DataFrame:
    import pandas as pd

    frame = as_table("tickets", tickets, ["opened", "resolved", *need])
    for col in ("opened", "resolved"):
        parsed = pd.to_datetime(frame[col], errors="coerce")
        bad = parsed.isna() & frame[col].notna()
        if bad.any():  # only the cells that did not parse: an empty text is an empty cell
            bad[bad] = frame.loc[bad, col].astype(str).str.strip() != ""
        if col == "opened":
            bad |= parsed.isna()
        if bad.any():
            i = int(bad.to_numpy().nonzero()[0][0])
            raise InputError(f"tickets[{i}].{col}", frame[col].iloc[i], 'a date and time such as "2026-09-01 08:00"')
        frame[col] = parsed
    early = frame["resolved"].notna() & (frame["resolved"] < frame["opened"])
    if early.any():
        i = int(early.to_numpy().nonzero()[0][0])
        raise InputError(f"tickets[{i}].resolved", str(frame["resolved"].iloc[i]), "a time no earlier than opened")
    opened = frame["opened"].dt
    ym = opened.year * 100 + opened.month  # labels built once per distinct month, not once per ticket
    frame["month"] = ym.map({v: f"{v // 100}-{v % 100:02d}" for v in ym.unique()})
    frame["weekday"] = opened.day_name()
    year = opened.year - (opened.month < 7)
    frame["fiscal_year"] = year.map({y: f"{y}-{(y + 1) % 100:02d}" for y in year.unique()})
    frame["hours"] = (frame["resolved"] - frame["opened"]).dt.total_seconds() / 3600
    return frame


def _same(new: Any, ref: Any) -> None:
    pd.testing.assert_frame_equal(new, ref, check_exact=True)
    assert list(new.columns) == list(ref.columns) and list(new.dtypes) == list(ref.dtypes)


@pytest.mark.parametrize("name", DISTRICTS)
@pytest.mark.parametrize("seed", SEEDS)
def test_generated_tickets_and_their_analytics_match_the_reference(name: str, seed: int) -> None:
    district = load_district(name)
    tickets = helpdesk_tickets(district, seed)
    _same(tickets, ref_helpdesk_tickets(district, seed))
    for need in ((), ("priority", "site")):
        _same(tickets_frame(tickets, need=need), ref_tickets_frame(tickets, need=need))
    for clock in ("business", "calendar"):
        for as_of in (None, "2026-10-15 12:00", "2027-03-01"):
            _same(sla_attainment(tickets, TARGETS, as_of=as_of, clock=clock),
                  ref_sla_attainment(tickets, TARGETS, as_of=as_of, clock=clock))
    holidays = BusinessDay("08:00", "17:00", holidays=["2026-11-26", "2026-11-27", "2026-12-25"])
    _same(sla_attainment(tickets, TARGETS, business_day=holidays), ref_sla_attainment(tickets, TARGETS, business_day=holidays))
    for by in (None, "category", "priority", "site", "month", "weekday", "fiscal_year"):
        _same(time_to_resolve(tickets, by), ref_time_to_resolve(tickets, by))
    survey = tickets_with_survey(district, seed, "2026-27")
    for by in (None, "site", "category", "month"):
        for top in (4, 5):
            _same(customer_service(survey, by, satisfied_at=top), ref_customer_service(survey, by, satisfied_at=top))


def _log() -> list[dict[str, Any]]:
    return [
        {"opened": "2026-09-01 08:00", "resolved": "2026-09-01 10:00", "priority": "P1", "site": "A",
         "first_contact": True, "satisfaction": 5},
        {"opened": "2026-09-01 08:00", "resolved": "2026-09-01 14:00", "priority": "P1", "site": "A",
         "first_contact": 0, "satisfaction": 2},
        {"opened": "2026-09-04 15:00", "resolved": "2026-09-07 09:00", "priority": "P1", "site": "B",
         "first_contact": np.bool_(True), "satisfaction": None},
        {"opened": "2026-09-01 08:00", "resolved": "2026-09-02 08:00", "priority": "P3", "site": "B",
         "first_contact": 1, "satisfaction": 4.0},
        {"opened": "2026-09-03 08:00", "resolved": None, "priority": "P3", "site": "B",
         "first_contact": False, "satisfaction": None},
    ]


def _agree_outcome(new: Any, ref: Any) -> None:
    if isinstance(ref, str):
        assert new == ref
    else:
        _same(new, ref)


@pytest.mark.parametrize("case", ["plain", "open past target", "empty before as_of", "priority missing",
                                  "numbers as priorities", "one ticket"])
def test_sla_edge_cases_match_the_reference(case: str) -> None:
    log, targets, kwargs = _log(), {"P1": 4, "P3": 16}, {}
    if case == "open past target":
        kwargs = {"as_of": "2026-09-30"}
    elif case == "empty before as_of":
        kwargs = {"as_of": "2026-08-01"}
    elif case == "priority missing":
        log[1]["priority"] = None
    elif case == "numbers as priorities":
        for row in log:
            row["priority"] = int(row["priority"][1])
        targets = {"1": 4, "3": 16}
    elif case == "one ticket":
        log = log[:1]
    for clock in ("business", "calendar"):
        new = _outcome(sla_attainment, log, targets, clock=clock, **kwargs)
        ref = _outcome(ref_sla_attainment, log, targets, clock=clock, **kwargs)
        if isinstance(ref, str):
            assert new == ref
        else:
            _same(new, ref)


@pytest.mark.parametrize("case", ["mixed flags", "bool flags", "bad flag", "none resolved"])
def test_customer_service_and_time_to_resolve_edge_cases_match_the_reference(case: str) -> None:
    log = _log()
    if case == "bool flags":
        log = pd.DataFrame(log).astype({"first_contact": bool})
    elif case == "bad flag":
        log[2]["first_contact"] = "yes"
    elif case == "none resolved":
        for row in log:
            row["resolved"] = None
    _agree_outcome(_outcome(tickets_frame, log), _outcome(ref_tickets_frame, log))
    for by in (None, "site", "priority"):
        for fn, ref in ((customer_service, ref_customer_service), (time_to_resolve, ref_time_to_resolve)):
            new, old = _outcome(fn, log, by), _outcome(ref, log, by)
            if isinstance(old, str):
                assert new == old
            else:
                _same(new, old)


@pytest.mark.parametrize("case", ["texts", "opened missing", "opened unreadable", "resolved blank text", "resolved early",
                                  "timestamps", "june and july"])
def test_tickets_frame_matches_the_reference(case: str) -> None:
    log: Any = _log()
    if case == "opened missing":
        log[2]["opened"] = None
    elif case == "opened unreadable":
        log[3]["opened"] = "yesterday"
    elif case == "resolved blank text":
        log[1]["resolved"] = "  "
    elif case == "resolved early":
        log[0]["resolved"] = "2026-08-01 08:00"
    elif case == "timestamps":
        log = pd.DataFrame(log).assign(opened=lambda f: pd.to_datetime(f["opened"]))
    elif case == "june and july":
        log[0]["opened"], log[0]["resolved"] = "2026-06-30 23:00", "2026-07-01 01:00"
        log[1]["opened"] = "2027-07-01 00:00"
        log[1]["resolved"] = "2027-07-02 00:00"
    _agree_outcome(_outcome(tickets_frame, log), _outcome(ref_tickets_frame, log))
