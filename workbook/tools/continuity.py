"""Business impact analysis: can each process come back in time, with little enough data lost?

Terms as in NIST SP 800-34 Rev. 1, *Contingency Planning Guide for Federal
Information Systems* (2010), and the FFIEC business continuity booklet:

* **MTD**, maximum tolerable downtime: how long the process can be down before
  the harm is unacceptable;
* **RTO**, recovery time objective: how long restoring the system may take;
* **WRT**, work recovery time: after the system is back, the time to check data,
  re-enter lost work and resume normal service;
* **RPO**, recovery point objective: how much data, measured in time, may be lost.

Two checks follow: RTO + WRT <= MTD, and the time between backups <= RPO (with
backups every *b* hours, a failure just before the next backup loses up to *b*
hours of work).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from workbook.tools._validate import as_table, check_number

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = ["bia", "BIA_COLUMNS"]

#: Required columns, all in hours except ``process``.
BIA_COLUMNS = ("process", "mtd_hours", "rto_hours", "wrt_hours", "rpo_hours", "backup_interval_hours")


def bia(processes: Any) -> pd.DataFrame:
    """Check recovery objectives for each process and explain every finding.

    Parameters
    ----------
    processes
        A DataFrame (or list of dicts) with ``process`` and the hours
        ``mtd_hours``, ``rto_hours``, ``wrt_hours``, ``rpo_hours`` and
        ``backup_interval_hours``. Other columns (owner, system, ...) are kept.

    Returns
    -------
    DataFrame
        The input plus ``recovery_hours`` (RTO + WRT), ``slack_hours``
        (MTD - recovery; negative is a shortfall), ``meets_mtd``,
        ``worst_data_loss_hours`` (the backup interval), ``meets_rpo``,
        ``ok`` (both checks) and ``finding``, a sentence for the board.

    Examples
    --------
    >>> out = bia([
    ...     {"process": "Payroll", "mtd_hours": 72, "rto_hours": 24, "wrt_hours": 8,
    ...      "rpo_hours": 24, "backup_interval_hours": 24},
    ...     {"process": "Attendance (SIS)", "mtd_hours": 8, "rto_hours": 6, "wrt_hours": 4,
    ...      "rpo_hours": 1, "backup_interval_hours": 24},
    ... ])
    >>> out[["process", "recovery_hours", "slack_hours", "meets_mtd", "meets_rpo"]].values.tolist()
    [['Payroll', 32.0, 40.0, True, True], ['Attendance (SIS)', 10.0, -2.0, False, False]]
    >>> print(out.loc[1, "finding"])
    Attendance (SIS): misses the MTD: RTO 6 h + work recovery 4 h = 10 h, 2 h over the 8 h MTD. Misses the RPO: backups every 24 h can lose up to 24 h of data; the RPO allows 1 h.
    >>> bia([{"process": "Email", "mtd_hours": 24}])
    Traceback (most recent call last):
    ...
    workbook.errors.InputError: processes = ['process', 'mtd_hours'] is not allowed: expected columns process, mtd_hours, rto_hours, wrt_hours, rpo_hours, backup_interval_hours (missing: rto_hours, wrt_hours, rpo_hours, backup_interval_hours)
    """
    import pandas as pd

    frame = as_table("processes", processes, BIA_COLUMNS, noun="process")
    for col in BIA_COLUMNS[1:]:
        frame[col] = [
            check_number(f"processes[{i}].{col}", v.item() if hasattr(v, "item") else v, minimum=0)
            for i, v in enumerate(frame[col])
        ]
    frame["process"] = frame["process"].astype(str)
    frame["recovery_hours"] = frame["rto_hours"] + frame["wrt_hours"]
    frame["slack_hours"] = frame["mtd_hours"] - frame["recovery_hours"]
    frame["meets_mtd"] = frame["slack_hours"] >= 0
    frame["worst_data_loss_hours"] = frame["backup_interval_hours"]
    frame["meets_rpo"] = frame["backup_interval_hours"] <= frame["rpo_hours"]
    frame["ok"] = frame["meets_mtd"] & frame["meets_rpo"]
    frame["finding"] = [_finding(row) for row in frame.to_dict("records")]
    return pd.DataFrame(frame)


def _h(x: float) -> str:
    return f"{x:g} h"


def _finding(r: dict[str, Any]) -> str:
    parts = []
    sum_text = f"RTO {_h(r['rto_hours'])} + work recovery {_h(r['wrt_hours'])} = {_h(r['recovery_hours'])}"
    if r["meets_mtd"]:
        parts.append(f"meets the MTD: {sum_text}, within the {_h(r['mtd_hours'])} MTD ({_h(r['slack_hours'])} to spare).")
    else:
        parts.append(
            f"misses the MTD: {sum_text}, {_h(-r['slack_hours'])} over the {_h(r['mtd_hours'])} MTD."
        )
    loss = f"backups every {_h(r['backup_interval_hours'])} can lose up to {_h(r['backup_interval_hours'])} of data"
    if r["meets_rpo"]:
        parts.append(f"Meets the RPO: {loss}; the RPO allows {_h(r['rpo_hours'])}.")
    else:
        parts.append(f"Misses the RPO: {loss}; the RPO allows {_h(r['rpo_hours'])}.")
    return f"{r['process']}: " + " ".join(parts)
