"""Help desk: volume, backlog, time to resolve, SLA attainment, staffing, worked by hand."""

from __future__ import annotations

import pandas as pd
import pytest

from workbook.errors import InputError
from workbook.tools.helpdesk import backlog, sla_attainment, staffing_ratios, ticket_volume, time_to_resolve
from workbook.tools.services import backlog as backlog_again

LOG = pd.DataFrame([
    # opened, resolved, category, priority, site
    ("2026-08-20 08:00", "2026-08-20 10:00", "Password", "P1", "School 01"),   # 2 h
    ("2026-08-21 08:00", "2026-08-21 14:00", "Password", "P1", "School 01"),   # 6 h
    ("2026-09-01 08:00", "2026-09-02 08:00", "Wi-Fi", "P3", "School 02"),      # 24 h
    ("2026-09-02 08:00", "2026-09-05 08:00", "Hardware", "P3", "School 02"),   # 72 h
    ("2026-09-03 08:00", None, "Hardware", "P3", "School 01"),                 # open
], columns=["opened", "resolved", "category", "priority", "site"])


def test_ticket_volume_by_category_and_month():
    out = ticket_volume(LOG)
    assert out.loc["Password", "2026-08"] == 2 and out.loc["Hardware", "2026-09"] == 2
    assert int(out.to_numpy().sum()) == 5
    assert ticket_volume(LOG, by="site")["tickets"].tolist() == [3, 2]


def test_backlog_at_a_moment():
    b = backlog(LOG, "2026-09-03 12:00")
    assert b["category"].tolist() == ["Hardware", "Hardware"]  # the 72 h ticket and the open one
    assert b["age_days"].tolist() == [1.17, 0.17]
    assert backlog_again is backlog


def test_time_to_resolve_median_and_p90_by_hand():
    out = time_to_resolve(LOG)
    # resolved hours 2, 6, 24, 72: median 15; p90 = 24 + 0.7 x (72 - 24) = 57.6
    assert out.loc[0, "resolved"] == 4
    assert out.loc[0, "median_hours"] == 15
    assert out.loc[0, "p90_hours"] == pytest.approx(57.6)
    by = time_to_resolve(LOG, by="priority").set_index("priority")
    assert by.loc["P1", "median_hours"] == 4


def test_sla_attainment_by_hand():
    out = sla_attainment(LOG, {"P1": 4, "P3": 24}).set_index("priority")
    assert (out.loc["P1", "tickets"], out.loc["P1", "met"], out.loc["P1", "attainment"]) == (2, 1, 0.5)
    assert (out.loc["P3", "tickets"], out.loc["P3", "met"]) == (2, 1)
    # counting the open P3 ticket, already past 24 h on Sept 10, as missed
    late = sla_attainment(LOG, {"P1": 4, "P3": 24}, as_of="2026-09-10").set_index("priority")
    assert (late.loc["P3", "tickets"], late.loc["P3", "met"]) == (3, 1)


def test_staffing_ratios():
    assert staffing_ratios(6_000, 900, 4) == {"devices_per_technician": 1500, "staff_per_technician": 225}


def test_helpdesk_bad_input_named():
    with pytest.raises(InputError, match="missing: priority"):
        sla_attainment(LOG.drop(columns="priority"), {"P1": 4})
    with pytest.raises(InputError, match=r"tickets\[1\]\.opened = 'soon'"):
        time_to_resolve(LOG.assign(opened=["2026-08-20 08:00", "soon", "2026-09-01", "2026-09-02", "2026-09-03"]))
    with pytest.raises(InputError, match=r"tickets\[0\]\.resolved"):
        time_to_resolve(LOG.assign(resolved=["2026-08-19 08:00", None, None, None, None]))
    with pytest.raises(InputError, match="by = 'colour'"):
        ticket_volume(LOG, by="colour")
    with pytest.raises(InputError, match=r"targets\['P1'\] = -4"):
        sla_attainment(LOG, {"P1": -4, "P3": 24})
    with pytest.raises(InputError, match="technicians = 0"):
        staffing_ratios(10, 10, 0)
