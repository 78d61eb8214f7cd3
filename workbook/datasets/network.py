"""A year of daily peak internet use for a district: synthetic, shaped like a school year.

The calendar is a simplified, synthetic California school year: school days
are weekdays from mid-August to early June, without a winter break (Dec 20 -
Jan 3) and a spring break (the first full week of April). Peak use per user
(0.25-0.5 Mbps on school days, rising through the year, with a bump during
the spring testing window) is **illustrative**, not a measurement.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

import numpy as np

from workbook.datasets._common import as_district, fiscal_year_of, rng_for, users_of

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = ["network_utilization", "school_days", "CIRCUIT_SIZES"]

#: Common circuit sizes in Mbps; the district is given the smallest that covers most peaks.
CIRCUIT_SIZES = (100, 200, 500, 1_000, 2_000, 3_000, 5_000, 10_000, 20_000, 40_000, 50_000, 100_000)


def school_days(start_year: int) -> pd.DataFrame:
    """Every day of the fiscal year starting July 1 of ``start_year``, with ``school_day`` marked.

    >>> days = school_days(2026)
    >>> len(days), int(days["school_day"].sum()) > 170
    (365, True)
    """
    import pandas as pd

    dates = pd.date_range(f"{start_year}-07-01", f"{start_year + 1}-06-30", freq="D")
    d = dates.date
    first, last = dt.date(start_year, 8, 15), dt.date(start_year + 1, 6, 5)
    winter = (dt.date(start_year, 12, 20), dt.date(start_year + 1, 1, 3))
    april1 = dt.date(start_year + 1, 4, 1)
    spring_start = april1 + dt.timedelta(days=(7 - april1.weekday()) % 7)  # first Monday of April
    spring = (spring_start, spring_start + dt.timedelta(days=4))
    school = [
        (x.weekday() < 5) and first <= x <= last
        and not (winter[0] <= x <= winter[1]) and not (spring[0] <= x <= spring[1])
        for x in d
    ]
    return pd.DataFrame({"date": dates, "school_day": school})


def network_utilization(district: Any, seed: int, fiscal_year: str | None = None) -> pd.DataFrame:
    """Daily peak internet use (Mbps) for one fiscal year, with the circuit it runs on.

    Returns
    -------
    DataFrame
        ``date``, ``school_day``, ``peak_mbps``, ``circuit_mbps`` and
        ``utilization`` (peak / circuit, at most 1: a saturated circuit
        cannot carry more).

    Examples
    --------
    >>> from workbook.districts import load_district
    >>> net = network_utilization(load_district("sample-suburban"), 7)
    >>> len(net), bool((net["peak_mbps"] <= net["circuit_mbps"]).all())
    (365, True)
    >>> net["peak_mbps"][net["school_day"]].mean() > net["peak_mbps"][~net["school_day"]].mean()
    np.True_
    """
    d = as_district(district)
    _, start = fiscal_year_of(d, fiscal_year)
    rng = rng_for(d, seed, "network_utilization")
    frame = school_days(start)
    n = len(frame)
    users = users_of(d)
    per_user = rng.uniform(0.25, 0.5)
    trend = 1 + rng.uniform(0.15, 0.35) * np.arange(n) / n  # demand grows through the year
    month = frame["date"].dt.month.to_numpy()
    testing = np.where(np.isin(month, [4, 5]), 1.12, 1.0)
    school = frame["school_day"].to_numpy()
    base = np.where(school, users * per_user, users * per_user * rng.uniform(0.12, 0.25))
    demand = base * trend * testing * rng.lognormal(0.0, 0.12, size=n)
    target = np.quantile(demand[school], 0.9)
    circuit = next((c for c in CIRCUIT_SIZES if c >= target), CIRCUIT_SIZES[-1])
    frame["peak_mbps"] = np.minimum(demand, circuit).round(1)
    frame["circuit_mbps"] = float(circuit)
    frame["utilization"] = (frame["peak_mbps"] / circuit).round(4)
    return frame
