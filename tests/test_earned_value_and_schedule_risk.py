"""Earned value worked by hand, and the schedule on the calendar and under uncertainty."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from workbook.errors import InputError
from workbook.tools.earned_value import earned_value, earned_value_history, status_report
from workbook.tools.projects import critical_path_schedule
from workbook.tools.schedule_risk import WorkCalendar, finish_probability, project_durations, schedule_dates


def test_earned_value_worked_by_hand():
    # BAC 250,000; at the status date 120,000 of work was planned, 100,000 is done, and it cost 125,000.
    ev = earned_value(bac=250_000, pv=120_000, ev=100_000, ac=125_000)
    assert ev.cv == -25_000 and ev.sv == -20_000
    assert ev.cpi == pytest.approx(0.8) and ev.spi == pytest.approx(100 / 120)
    assert ev.eac == pytest.approx(312_500)  # 250,000 / 0.8
    assert ev.etc == pytest.approx(187_500)  # 312,500 - 125,000
    assert ev.vac == pytest.approx(-62_500)  # 250,000 - 312,500
    assert ev.tcpi == pytest.approx(150_000 / 125_000)  # (250 - 100) / (250 - 125)


def test_a_status_report_worked_by_hand_from_a_baseline_schedule():
    # A (4 days, 4,000) then B (6 days, 6,000) beside C (2 days, 1,000). Status at the end of day 7:
    # planned: A all, B 3/6, C all = 4,000 + 3,000 + 1,000; done: A all, B a third, C half.
    base = critical_path_schedule([
        {"id": "A", "duration": 4, "predecessors": "", "cost": 4_000},
        {"id": "B", "duration": 6, "predecessors": "A", "cost": 6_000},
        {"id": "C", "duration": 2, "predecessors": "A", "cost": 1_000},
    ])
    report = status_report(base, 7, {"A": 1.0, "B": 1 / 3, "C": 0.5}, {"A": 4_400, "B": 2_500, "C": 700})
    total = report.attrs["total"]
    assert (total.bac, total.pv, total.ev, total.ac) == (11_000, 8_000, 6_500, 7_600)
    assert total.sv == -1_500 and total.cv == -1_100
    assert report.set_index("id").loc["B", "sv"] == pytest.approx(-1_000)
    history = earned_value_history({"day 7": report, "day 7 again": total})
    assert history["cpi"].tolist() == pytest.approx([6_500 / 7_600] * 2)


@settings(max_examples=80, deadline=None)
@given(bac=st.floats(1, 1e7), done=st.floats(0, 1), planned=st.floats(0.01, 1))
def test_eac_equals_bac_when_cpi_is_one(bac, done, planned):
    spent = max(bac * done, 1e-6)
    ev = earned_value(bac=bac, pv=bac * planned, ev=spent, ac=spent)
    assert ev.cpi == pytest.approx(1.0)
    assert ev.eac == pytest.approx(bac) and ev.vac == pytest.approx(0, abs=1e-6 * bac)
    assert ev.tcpi == pytest.approx(1.0) or math.isclose(spent, bac, rel_tol=1e-9)


@pytest.mark.parametrize(("kwargs", "start"), [
    ({"bac": 0, "pv": 1, "ev": 1, "ac": 1}, "bac = 0 is not allowed"),
    ({"bac": 10, "pv": 1, "ev": 11, "ac": 1}, "ev = 11 is not allowed"),
    ({"bac": 10, "pv": -1, "ev": 1, "ac": 1}, "pv = -1 is not allowed"),
    ({"bac": 10, "pv": 1, "ev": 1, "ac": 0}, "ac = 0 is not allowed"),
    ({"bac": 10, "pv": 1, "ev": "1", "ac": 1}, "ev = '1' is not allowed"),
])
def test_bad_earned_value_input_names_the_argument_and_value(kwargs, start):
    with pytest.raises(InputError) as err:
        earned_value(**kwargs)
    assert str(err.value).startswith(start)


def test_status_report_rejects_an_unknown_activity():
    base = critical_path_schedule([{"id": "A", "duration": 2, "predecessors": "", "cost": 10}])
    with pytest.raises(InputError, match=r"^actual_cost = 'Z' is not allowed: expected ids of activities in the schedule \(A\)"):
        status_report(base, 1, {"A": 0.5}, {"Z": 3})


def test_calendar_skips_weekends_and_holidays_and_dates_the_schedule():
    cal = WorkCalendar("2026-06-08", holidays=("2026-07-03",))
    assert cal.date_of(4) == "2026-06-12" and cal.date_of(5) == "2026-06-15"
    assert cal.days_before("2026-07-06") == 19  # 20 weekdays from June 8 to July 3, less the holiday
    s = critical_path_schedule([{"id": "A", "duration": 19, "predecessors": ""}, {"id": "B", "duration": 1, "predecessors": "A"}],
                               deadline=cal.days_before("2026-07-08"))
    dated = schedule_dates(s, cal).set_index("id")
    assert dated.loc["B", "start_date"] == "2026-07-06" and dated.loc["B", "late_finish_date"] == "2026-07-07"
    assert dated.loc["A", "late_finish_date"] == "2026-07-06"
    with pytest.raises(InputError, match=r"^date = '2026-13-01' is not allowed"):
        cal.days_before("2026-13-01")
    with pytest.raises(InputError, match=r"^holidays\[0\] = 'July 3'"):
        WorkCalendar("2026-06-08", holidays=("July 3",))


PLAN = [{"id": "A", "duration": 3, "predecessors": ""}, {"id": "B", "duration": 5, "predecessors": "A"},
        {"id": "C", "duration": 4, "predecessors": "A"}, {"id": "D", "duration": 2, "predecessors": "B, C"}]


def test_monte_carlo_is_seeded_and_bounded_by_the_estimates():
    est = {"A": (2, 3, 6), "B": (4, 5, 9), "C": (3, 4, 10), "D": (2, 2, 3)}
    one = project_durations(PLAN, est, n=5_000, seed=7).samples
    assert np.array_equal(one, project_durations(PLAN, est, n=5_000, seed=7).samples)
    assert not np.array_equal(one, project_durations(PLAN, est, n=5_000, seed=8).samples)
    assert one.min() >= 2 + 4 + 2 and one.max() <= 6 + 10 + 3
    # merge bias: the simulated median is later than the plan of most likely durations (10 days)
    assert np.median(one) > critical_path_schedule(PLAN).duration


@settings(max_examples=30, deadline=None)
@given(st.integers(0, 20))
def test_with_fixed_estimates_the_probability_is_all_or_nothing(deadline):
    fixed = {a["id"]: (a["duration"],) * 3 for a in PLAN}
    assert finish_probability(PLAN, fixed, deadline, n=50, seed=1) == (1.0 if deadline >= 10 else 0.0)


def test_probability_grows_with_the_deadline():
    est = {"B": (4, 5, 12), "C": (3, 4, 12)}
    ps = [finish_probability(PLAN, est, d, n=4_000, seed=3) for d in (10, 12, 14, 16, 22)]
    assert ps == sorted(ps) and ps[0] < 0.5 < ps[-1] == 1.0


@pytest.mark.parametrize(("estimates", "start"), [
    ({"Z": (1, 2, 3)}, "estimates = 'Z' is not allowed"),
    ({"A": (1, 2)}, "estimates['A'] = (1, 2) is not allowed"),
    ({"A": (1, -2, 3)}, "estimates['A'] = -2 is not allowed"),
    ([1, 2, 3], "estimates = [1, 2, 3] is not allowed"),
])
def test_bad_estimates_name_the_argument_and_value(estimates, start):
    with pytest.raises(InputError) as err:
        project_durations(PLAN, estimates)
    assert str(err.value).startswith(start)
