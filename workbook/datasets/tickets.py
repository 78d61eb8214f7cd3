"""A year of help desk tickets for a district: synthetic, shaped like a school year.

Volume is about 0.45-0.75 tickets per device a year, busiest at the start of
the school year; categories, priorities and resolution times (log-normal, with
medians of roughly 3, 10, 30 and 80 hours for P1-P4) are **illustrative**
choices, not benchmarks. Tickets still open at the end of the fiscal year have
no ``resolved`` time. No person is named: sites are "School 01", ... and
"District Office".
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np

from workbook.datasets._common import as_district, fiscal_year_of, rng_for
from workbook.datasets.network import school_days

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = ["helpdesk_tickets", "CATEGORIES", "PRIORITIES"]

#: Ticket categories and their share of volume (illustrative).
CATEGORIES = {
    "Account or password": 0.22,
    "Chromebook hardware": 0.20,
    "Software or app": 0.16,
    "Network or Wi-Fi": 0.10,
    "Classroom display or audio": 0.10,
    "Printing": 0.08,
    "Student information system": 0.07,
    "Other": 0.07,
}
#: Priorities: share of volume and median hours to resolve (illustrative).
PRIORITIES = {"P1": (0.03, 3.0), "P2": (0.15, 10.0), "P3": (0.62, 30.0), "P4": (0.20, 80.0)}
_SLOWER = {"Chromebook hardware": 1.6, "Classroom display or audio": 1.3, "Account or password": 0.4}


def helpdesk_tickets(district: Any, seed: int, fiscal_year: str | None = None) -> pd.DataFrame:
    """Every ticket opened in one fiscal year: ``ticket_id``, ``opened``, ``resolved``, ``category``, ``priority``, ``site``.

    Examples
    --------
    >>> from workbook.districts import load_district
    >>> t = helpdesk_tickets(load_district("sample-rural"), 2026)
    >>> bool(t["opened"].is_monotonic_increasing), bool((t["resolved"].dropna() >= t.loc[t["resolved"].notna(), "opened"]).all())
    (True, True)
    >>> str(t["opened"].min().date()) >= "2026-07-01", str(t["opened"].max().date()) <= "2027-06-30"
    (True, True)
    """
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
    median = _lookup(priority, {p: m for p, (_, m) in PRIORITIES.items()}) * _lookup(category, _SLOWER)
    hours = median * rng.lognormal(0.0, 0.9, size=n)
    resolved = opened + (hours * 3600).astype("timedelta64[s]")
    year_end = np.datetime64(f"{start + 1}-07-01T00:00:00")
    still_open = (resolved >= year_end) | (rng.random(n) < 0.005)
    resolved = np.where(still_open, np.datetime64("NaT"), resolved)

    sites = [f"School {i + 1:02d}" for i in range(d.schools)] + ["District Office"]
    site_weight = np.append(rng.uniform(0.6, 1.4, size=d.schools), 0.15 * d.schools)
    site = rng.choice(np.array(sites), size=n, p=site_weight / site_weight.sum())

    frame = pd.DataFrame({
        "opened": pd.to_datetime(opened),
        "resolved": pd.to_datetime(resolved),
        "category": category,
        "priority": priority,
        "site": site,
    })
    frame = frame.sort_values("opened", kind="mergesort").reset_index(drop=True)
    frame.insert(0, "ticket_id", np.char.add(f"T{fy[:4]}-", np.char.zfill(np.arange(1, n + 1).astype(str), 6)))
    return frame


def _lookup(keys: np.ndarray, values: dict[str, float], default: float = 1.0) -> np.ndarray:
    """``values[k]`` for each of ``keys`` (``default`` for a key not in ``values``), without a loop per element."""
    out = np.full(len(keys), default, dtype=float)
    for key, value in values.items():  # a handful of keys: one comparison of the whole array each
        out[keys == key] = value
    return out
