"""Money over time: NPV, IRR, payback, ROI and equivalent annual cost.

Conventions used by every function here:

* ``cashflows[0]`` is year 0 (today) and is **not** discounted;
  ``cashflows[t]`` falls at the end of year ``t``. This is
  ``numpy_financial.npv``'s convention. Excel's ``NPV()`` discounts its first
  value, so ``=NPV(r, B2:F2) + A2`` in a spreadsheet matches ``npv(r, flows)``.
* Rates are fractions: 3% is ``0.03``. A rate must be greater than -1.
* Money is in US dollars. Investments and costs paid out are negative,
  benefits received are positive, except in :func:`roi` and
  :func:`equivalent_annual_cost` (see each one).

Formulas (standard corporate-finance definitions):

* NPV = sum over t of CF_t / (1 + r)^t
* IRR is the rate r at which NPV = 0.
* Payback is the point where the cumulative cash flow first reaches 0.
* ROI = (benefits - costs) / costs.
* Equivalent annual cost = NPV * r / (1 - (1 + r)^-n).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import TYPE_CHECKING, Union

import numpy as np
import numpy_financial as npf

from workbook.errors import InputError
from workbook.tools._validate import as_float_array, check_count, check_number, check_rate

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "npv",
    "irr",
    "payback_period",
    "discounted_payback_period",
    "roi",
    "equivalent_annual_cost",
    "discount_factors",
    "cashflow_table",
    "npv_by_rate",
    "SENSITIVITY_RATES",
]

#: The discount rates every decision in the workbook is tested at (2%, 3%, 5%, 7%).
SENSITIVITY_RATES = (0.02, 0.03, 0.05, 0.07)

Amounts = Union[float, Sequence[float], np.ndarray]


def discount_factors(rate: float, years: int) -> np.ndarray:
    """Discount factors 1 / (1 + rate)^t for t = 0, 1, ..., ``years``.

    Parameters
    ----------
    rate
        Discount rate as a fraction (0.03 for 3%), greater than -1.
    years
        The last year; the result has ``years + 1`` factors, year 0 first.

    Examples
    --------
    >>> discount_factors(0.10, 3).round(4)
    array([1.    , 0.9091, 0.8264, 0.7513])
    >>> discount_factors(0.10, -1)
    Traceback (most recent call last):
    ...
    workbook.errors.InputError: years = -1 is not allowed: expected a whole number >= 0
    """
    r = check_rate("rate", rate)
    n = check_count("years", years)
    return 1.0 / (1.0 + r) ** np.arange(n + 1)


def npv(rate: float, cashflows: Sequence[float]) -> float:
    """Net present value of yearly cash flows, year 0 undiscounted.

    Parameters
    ----------
    rate
        Discount rate as a fraction, greater than -1.
    cashflows
        Cash flows for years 0, 1, 2, ...; outflows negative.

    Examples
    --------
    Spend $1,000 today, receive $500 at the end of each of the next 3 years, at 10%:

    >>> round(npv(0.10, [-1000, 500, 500, 500]), 2)
    243.43
    >>> npv(0.10, [])
    Traceback (most recent call last):
    ...
    workbook.errors.InputError: cashflows = [] is not allowed: expected at least 1 number
    """
    r = check_rate("rate", rate)
    flows = as_float_array("cashflows", cashflows)
    return float(npf.npv(r, flows))


def irr(cashflows: Sequence[float]) -> float | None:
    """Internal rate of return: the rate at which the NPV is zero.

    Returns ``None`` when there is no real IRR, for example when every cash
    flow has the same sign. When the cash flows change sign more than once
    there may be several IRRs; ``numpy_financial.irr`` returns the one
    closest to 0.

    Examples
    --------
    >>> irr([-250000, 100000, 150000, 200000, 250000, 300000])
    0.5672303344358536
    >>> round(irr([-100, 110]), 10)
    0.1
    >>> irr([100, 200]) is None
    True
    """
    flows = as_float_array("cashflows", cashflows, min_length=2)
    try:
        result = float(npf.irr(flows))
    except np.linalg.LinAlgError:  # degenerate flows (e.g. denormal amounts): no usable root
        return None
    if math.isnan(result):
        return None
    return result


def _payback(flows: np.ndarray) -> float | None:
    cumulative = np.cumsum(flows)
    if cumulative[0] >= 0:
        return 0.0
    reached = np.nonzero(cumulative >= 0)[0]
    if reached.size == 0:
        return None
    t = int(reached[0])
    shortfall = -cumulative[t - 1]  # still to recover at the start of year t
    return (t - 1) + float(shortfall / flows[t])


def payback_period(cashflows: Sequence[float]) -> float | None:
    """Years until the cumulative cash flow first reaches zero.

    Within the year in which the cumulative flow turns non-negative, the
    cash flow is assumed to arrive evenly, so the fraction of that year is
    interpolated linearly. Returns ``0.0`` if year 0 is already non-negative
    and ``None`` if the investment is never paid back within the flows given.

    Examples
    --------
    Cumulative: -1000, -700, -300, +200; 300 of the 500 in year 3 are needed:

    >>> payback_period([-1000, 300, 400, 500])
    2.6
    >>> payback_period([-1000, 100, 100]) is None
    True
    """
    return _payback(as_float_array("cashflows", cashflows))


def discounted_payback_period(rate: float, cashflows: Sequence[float]) -> float | None:
    """Payback period of the discounted cash flows (present values).

    Same convention as :func:`payback_period`, applied to CF_t / (1 + rate)^t.

    Examples
    --------
    Present values at 10%: -1000, 454.55, 413.22, 375.66; the cumulative PV
    is -132.23 after year 2, and 132.23 / 375.66 = 0.352 of year 3 covers it:

    >>> round(discounted_payback_period(0.10, [-1000, 500, 500, 500]), 3)
    2.352

    Undiscounted, [-1000, 300, 400, 500] pays back in 2.6 years; discounted
    at 10% it never does:

    >>> discounted_payback_period(0.10, [-1000, 300, 400, 500]) is None
    True
    """
    r = check_rate("rate", rate)
    flows = as_float_array("cashflows", cashflows)
    return _payback(flows / (1.0 + r) ** np.arange(flows.size))


def _total(name: str, value: Amounts, minimum: float | None = None) -> float:
    if isinstance(value, (int, float, np.integer, np.floating)) and not isinstance(value, bool):
        return check_number(name, float(value), minimum=minimum)
    return float(as_float_array(name, value, minimum=minimum).sum())


def roi(benefits: Amounts, costs: Amounts) -> float:
    """Return on investment: (benefits - costs) / costs, as a fraction.

    Both arguments are positive amounts, each either one number or a list
    that is summed (for example yearly benefits). The costs must add up to
    more than zero. ROI ignores when money arrives; discount the flows first
    (see :func:`npv`) if timing matters.

    Examples
    --------
    >>> roi(150_000, 100_000)
    0.5
    >>> roi([40_000, 50_000, 60_000], [100_000])
    0.5
    >>> roi(10, 0)
    Traceback (most recent call last):
    ...
    workbook.errors.InputError: costs = 0 is not allowed: expected costs that add up to more than 0
    """
    b = _total("benefits", benefits)
    c = _total("costs", costs, minimum=0.0)
    if c <= 0:
        raise InputError("costs", costs, "costs that add up to more than 0")
    return (b - c) / c


def equivalent_annual_cost(rate: float, cashflows: Sequence[float]) -> float:
    """The level yearly amount over years 1..n with the same NPV as ``cashflows``.

    EAC = NPV * r / (1 - (1 + r)^-n), where n = ``len(cashflows) - 1`` is the
    number of years after year 0; at ``rate == 0`` it is NPV / n.

    Sign convention: the result has the sign of the NPV. Pass **costs as
    positive numbers** (purchase in year 0, running costs after) to get a
    positive EAC, the usual way to compare options with different lives.
    Passing costs as negative numbers gives the same amount, negative.

    Examples
    --------
    A $1,000 device used 3 years with $100 a year of upkeep, at 10%:
    NPV = 1000 + 100*2.4869 = 1248.69; EAC = 1248.69 / 2.4869 = 502.11.

    >>> round(equivalent_annual_cost(0.10, [1000, 100, 100, 100]), 2)
    502.11
    >>> equivalent_annual_cost(0.0, [900, 0, 0, 0])
    300.0
    >>> equivalent_annual_cost(0.10, [1000])
    Traceback (most recent call last):
    ...
    workbook.errors.InputError: cashflows = [1000] is not allowed: expected at least 2 numbers
    """
    r = check_rate("rate", rate)
    flows = as_float_array("cashflows", cashflows, min_length=2)
    n = flows.size - 1
    value = float(npf.npv(r, flows))
    if r == 0:
        return value / n
    # 1 - (1 + r)^-n written with expm1/log1p stays accurate for tiny rates.
    return value * r / -math.expm1(-n * math.log1p(r))


def cashflow_table(rate: float, cashflows: Sequence[float]) -> pd.DataFrame:
    """A year-by-year table of the cash flows, their present values and running totals.

    Columns: ``year``, ``cash_flow``, ``discount_factor``, ``present_value``,
    ``cumulative`` and ``cumulative_pv``. The last ``cumulative_pv`` is the NPV.

    Examples
    --------
    >>> cashflow_table(0.10, [-1000, 600, 600]).round(2)
       year  cash_flow  discount_factor  present_value  cumulative  cumulative_pv
    0     0    -1000.0             1.00       -1000.00     -1000.0       -1000.00
    1     1      600.0             0.91         545.45      -400.0        -454.55
    2     2      600.0             0.83         495.87       200.0          41.32
    """
    import pandas as pd

    r = check_rate("rate", rate)
    flows = as_float_array("cashflows", cashflows)
    factors = 1.0 / (1.0 + r) ** np.arange(flows.size)
    present = flows * factors
    return pd.DataFrame(
        {
            "year": np.arange(flows.size),
            "cash_flow": flows,
            "discount_factor": factors,
            "present_value": present,
            "cumulative": np.cumsum(flows),
            "cumulative_pv": np.cumsum(present),
        }
    )


def npv_by_rate(cashflows: Sequence[float], rates: Sequence[float] = SENSITIVITY_RATES) -> pd.DataFrame:
    """NPV of the same cash flows at several discount rates: does the decision hold across them?

    >>> table = npv_by_rate([-180_000] + [42_000] * 5)
    >>> table["rate"].tolist(), table["npv"].round(0).tolist()
    ([0.02, 0.03, 0.05, 0.07], [17965.0, 12348.0, 1838.0, -7792.0])
    """
    import pandas as pd

    return pd.DataFrame({"rate": [float(r) for r in rates], "npv": [npv(r, cashflows) for r in rates]})
