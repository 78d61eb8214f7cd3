"""Business impact analysis: RTO + WRT <= MTD and backup interval vs RPO, worked by hand."""

from __future__ import annotations

import pandas as pd
import pytest

from workbook.errors import InputError
from workbook.tools.continuity import bia

PROCESSES = pd.DataFrame([
    # process, MTD, RTO, WRT, RPO, backup interval (hours)
    ("Payroll", 72, 24, 8, 24, 24),
    ("Attendance", 8, 6, 4, 1, 24),
    ("Email", 24, 20, 4, 4, 1),       # exactly at the MTD: meets it
    ("Food service POS", 48, 12, 4, 2, 4),
], columns=["process", "mtd_hours", "rto_hours", "wrt_hours", "rpo_hours", "backup_interval_hours"])


def test_bia_checks_worked_by_hand():
    out = bia(PROCESSES).set_index("process")
    assert out.loc["Payroll", "recovery_hours"] == 32 and out.loc["Payroll", "slack_hours"] == 40
    assert bool(out.loc["Payroll", "ok"])
    assert out.loc["Attendance", "slack_hours"] == -2
    assert not out.loc["Attendance", "meets_mtd"] and not out.loc["Attendance", "meets_rpo"]
    assert out.loc["Email", "slack_hours"] == 0 and bool(out.loc["Email", "meets_mtd"])
    assert bool(out.loc["Food service POS", "meets_mtd"]) and not out.loc["Food service POS", "meets_rpo"]
    assert out["ok"].tolist() == [True, False, True, False]


def test_bia_findings_are_plain_sentences():
    out = bia(PROCESSES).set_index("process")
    assert "misses the MTD" in out.loc["Attendance", "finding"]
    assert "2 h over the 8 h MTD" in out.loc["Attendance", "finding"]
    assert "Misses the RPO" in out.loc["Food service POS", "finding"]
    assert "meets the MTD" in out.loc["Payroll", "finding"] and "Meets the RPO" in out.loc["Payroll", "finding"]


def test_bia_bad_input_named():
    with pytest.raises(InputError, match=r"processes\[1\]\.rto_hours = -6"):
        bia(PROCESSES.assign(rto_hours=[24, -6, 20, 12]))
    with pytest.raises(InputError, match="missing: backup_interval_hours"):
        bia(PROCESSES.drop(columns="backup_interval_hours"))
    with pytest.raises(InputError, match="at least one process"):
        bia(PROCESSES.iloc[0:0])
