"""L3 calculators: stakeholder map, communication plan gaps, Brown Act dates and customer service, worked by hand."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from workbook.errors import InputError
from workbook.principles.l3.givens import office_holidays
from workbook.tools.helpdesk import customer_service
from workbook.tools.stakeholders import (MAX_INTERVAL_DAYS, earliest_meeting, notice_is_timely, plan_gaps, posting_deadline,
                                         stakeholder_map, submission_deadline)

PEOPLE = [
    {"stakeholder": "Board", "power": 5, "interest": 4},          # manage closely
    {"stakeholder": "County office", "power": 3, "interest": 2},  # power at the threshold counts as high: keep satisfied
    {"stakeholder": "Parents", "power": 2.5, "interest": 3},      # keep informed
    {"stakeholder": "Chamber", "power": 1, "interest": 2.5},      # monitor
]


def _row(audience, cadence):
    return {"audience": audience, "message": "m", "channel": "c", "cadence": cadence, "owner": "CTO"}


def test_quadrants_by_hand_with_the_threshold_inclusive():
    m = stakeholder_map(PEOPLE)
    assert m["quadrant"].tolist() == ["manage closely", "keep satisfied", "keep informed", "monitor"]
    # a higher threshold moves the board's interest (4) below it
    assert stakeholder_map(PEOPLE, threshold=4.5)["quadrant"].tolist()[0] == "keep satisfied"


def test_plan_gaps_by_hand():
    plan = [_row("Board", "quarterly"), _row("Board", "monthly"),       # the most frequent contact counts: 30 <= 30
            _row("County office", "twice a year"),                        # 182 > 91: too rare
            _row("Chamber", "yearly")]                                    # 365 <= 365; Parents missing
    out = plan_gaps(plan, PEOPLE).set_index("stakeholder")
    assert out["status"].to_dict() == {"Board": "ok", "County office": "too rare", "Parents": "missing", "Chamber": "ok"}
    assert out.loc["Board", "planned_days"] == 30 and out.loc["County office", "needed_days"] == 91


def test_posting_deadlines_by_hand():
    # Tuesday 13 October 2026 18:00: regular 72 h -> Saturday 10th 18:00; special 24 h -> Monday 12th 18:00
    assert posting_deadline("2026-10-13 18:00") == pd.Timestamp("2026-10-10 18:00")
    assert posting_deadline("2026-10-13 18:00", "special") == pd.Timestamp("2026-10-12 18:00")
    assert posting_deadline("2026-10-13 18:00", "emergency") == pd.Timestamp("2026-10-13 17:00")
    # across the end of daylight saving time (1 November 2026) the statute's hours are local clock hours
    assert posting_deadline("2026-11-03 18:00") == pd.Timestamp("2026-10-31 18:00")
    assert earliest_meeting("2026-12-31 16:00") == pd.Timestamp("2027-01-01 16:00")
    assert notice_is_timely("2026-10-12 18:00", "2026-10-13 18:00", "special")
    assert not notice_is_timely("2026-10-12 18:00:01", "2026-10-13 18:00", "special")


def test_submission_deadline_around_thanksgiving_by_hand():
    holidays = office_holidays("2026-27")
    assert {"2026-11-26", "2026-11-27"} <= set(holidays)
    # Tuesday 1 December 18:00 -> posted by Saturday 28 November; office closed Thu, Fri -> posts Wednesday 25;
    # five business days before: 24, 23, 20, 19, 18 -> Wednesday 18 November
    assert submission_deadline("2026-12-01 18:00", holidays=holidays) == dt.date(2026, 11, 18)
    # with no lead time the item is due the day the clerk posts
    assert submission_deadline("2026-12-01 18:00", lead_business_days=0, holidays=holidays) == dt.date(2026, 11, 25)
    # a Thursday meeting: 72 h back is Monday, a business day
    assert submission_deadline("2026-10-15 18:00", lead_business_days=1) == dt.date(2026, 10, 9)


def test_office_holidays_observe_weekend_dates():
    days = office_holidays("2027-28")
    # 4 July 2027 is a Sunday: observed Monday 5 July; 25 December 2027 is a Saturday: observed Friday 24th
    assert "2027-07-05" in days and "2027-12-24" in days


meetings = st.datetimes(min_value=dt.datetime(2025, 1, 1), max_value=dt.datetime(2030, 12, 31)).map(lambda d: d.replace(second=0, microsecond=0))


@settings(max_examples=60, deadline=None)
@given(meetings, st.integers(0, 15))
def test_due_date_is_a_business_day_before_the_deadline_and_a_longer_lead_is_never_later(meeting, lead):
    due = submission_deadline(meeting, lead_business_days=lead)
    later = submission_deadline(meeting, lead_business_days=lead + 1)
    assert due.weekday() < 5 and due <= posting_deadline(meeting).date()
    assert later < due
    assert notice_is_timely(posting_deadline(meeting), meeting) and not notice_is_timely(posting_deadline(meeting, "special"), meeting)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.floats(1, 5), st.floats(1, 5)), min_size=1, max_size=12))
def test_raising_a_score_never_lowers_the_engagement(scores):
    rows = [{"stakeholder": f"s{i}", "power": p, "interest": q} for i, (p, q) in enumerate(scores)]
    raised = [{**r, "power": min(5.0, r["power"] + 1)} for r in rows]
    rank = {"monitor": 0, "keep informed": 1, "keep satisfied": 1, "manage closely": 2}
    before = stakeholder_map(rows)["quadrant"].map(rank)
    after = stakeholder_map(raised)["quadrant"].map(rank)
    assert (after >= before).all()
    # every quadrant's standard is met by a weekly contact
    plan = [_row(r["stakeholder"], "weekly") for r in rows]
    assert set(plan_gaps(plan, rows)["status"]) == {"ok"} and min(MAX_INTERVAL_DAYS.values()) >= 7


@pytest.mark.parametrize("call, message", [
    (lambda: stakeholder_map([{"stakeholder": "Board", "power": 0, "interest": 3}]), "stakeholders[0].power = 0"),
    (lambda: stakeholder_map([{"stakeholder": "Board", "power": 3, "interest": "high"}]), "stakeholders[0].interest = 'high'"),
    (lambda: stakeholder_map(PEOPLE + [PEOPLE[0]]), "stakeholders = ['Board']"),
    (lambda: stakeholder_map([{"stakeholder": "Board", "power": 3}]), "missing: interest"),
    (lambda: stakeholder_map(PEOPLE, threshold=9), "threshold = 9"),
    (lambda: plan_gaps([_row("Bored", "weekly")], PEOPLE), "plan[0].audience = 'Bored'"),
    (lambda: plan_gaps([_row("Board", "daily")], PEOPLE), "plan[0].cadence = 'daily'"),
    (lambda: plan_gaps([{**_row("Board", "weekly"), "owner": ""}], PEOPLE), "plan[0].owner = ''"),
    (lambda: posting_deadline("next Tuesday"), "meeting = 'next Tuesday'"),
    (lambda: posting_deadline("2026-10-13 18:00", "workshop"), "kind = 'workshop'"),
    (lambda: posting_deadline("2026-10-13 18:00+00:00"), "no time zone"),
    (lambda: earliest_meeting(None), "posted = None"),
    (lambda: submission_deadline("2026-10-13 18:00", lead_business_days=2.5), "lead_business_days = 2.5"),
    (lambda: submission_deadline("2026-10-13 18:00", holidays=["Labor Day"]), "holidays[0] = 'Labor Day'"),
    (lambda: submission_deadline("2026-10-13 18:00", holidays="2026-10-09"), "holidays = '2026-10-09'"),
])
def test_bad_input_names_the_argument_and_value(call, message):
    with pytest.raises(InputError) as err:
        call()
    assert message in str(err.value) and "expected" in str(err.value)


SURVEYED = pd.DataFrame([
    # opened, resolved, site, first contact, rating
    ("2026-09-01 08:00", "2026-09-01 08:15", "A", True, 5),
    ("2026-09-01 09:00", "2026-09-01 09:30", "A", True, 4),
    ("2026-09-01 10:00", "2026-09-03 10:00", "A", False, 2),
    ("2026-09-02 08:00", "2026-09-02 12:00", "B", False, None),
    ("2026-09-02 09:00", "2026-09-02 09:05", "B", True, 3),
    ("2026-09-04 09:00", None, "B", False, None),   # open: left out of every share
], columns=["opened", "resolved", "site", "first_contact", "satisfaction"])


def test_customer_service_by_hand():
    overall = customer_service(SURVEYED).iloc[0]
    # resolved 5; first contact 3 -> 0.6; answers 4 (5, 4, 2, 3) -> response 0.8, csat 2/4 = 0.5, mean 3.5
    assert (overall["tickets"], overall["resolved"], overall["first_contact_rate"]) == (6, 5, 0.6)
    assert (overall["responses"], overall["response_rate"], overall["csat"], overall["mean_rating"]) == (4, 0.8, 0.5, 3.5)
    by_site = customer_service(SURVEYED, by="site").set_index("site")
    assert by_site.loc["A", "csat"] == 0.6667 and by_site.loc["B", "first_contact_rate"] == 0.5
    # a stricter "satisfied" (5 only)
    assert customer_service(SURVEYED, satisfied_at=5).loc[0, "csat"] == 0.25


@pytest.mark.parametrize("column, value, message", [
    ("satisfaction", 0, "tickets[0].satisfaction = 0"),
    ("satisfaction", "great", "tickets[0].satisfaction = 'great'"),
    ("satisfaction", 4.5, "tickets[0].satisfaction = 4.5"),
    ("first_contact", "maybe", "tickets[0].first_contact = 'maybe'"),
])
def test_customer_service_rejects_bad_fields(column, value, message):
    bad = SURVEYED.copy()
    bad[column] = bad[column].astype(object)
    bad.loc[0, column] = value
    with pytest.raises(InputError, match="expected") as err:
        customer_service(bad)
    assert message in str(err.value)
