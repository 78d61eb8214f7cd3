"""How adoption of a tool spreads: Rogers' adopter categories, the Bass model and the logistic curve.

**Adoption** is cumulative: how many of the people who could use a tool (the
*market*, such as the district's teachers) use it by month ``t`` after launch.
The Bass model (Bass, *Management Science*, 1969) splits adopters into those
who start on their own (coefficient of innovation ``p``, per month) and those
who follow colleagues (coefficient of imitation ``q``, per month); the
logistic curve is the symmetric S-curve behind Rogers' *Diffusion of
Innovations*. Fits use scipy's least squares (``scipy.optimize.curve_fit``).
:mod:`workbook.tools.adoption` re-exports every name here.

Examples
--------
>>> adopter_category(0.30)
'early majority'
>>> round(BassFit(p=0.02, q=0.3, market=500, rmse=0).peak_month, 2)
8.46
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

import numpy as np

from workbook.errors import InputError
from workbook.tools._validate import as_float_array, check_fraction, check_number, check_same_length

__all__ = [
    "ROGERS_CATEGORIES",
    "adopter_category",
    "bass_cumulative",
    "BassFit",
    "fit_bass",
    "LogisticFit",
    "fit_logistic",
]

#: Rogers' adopter categories and the cumulative share of adopters at which each ends
#: (Rogers, *Diffusion of Innovations*: 2.5%, 13.5%, 34%, 34% and 16% of adopters).
ROGERS_CATEGORIES: tuple[tuple[str, float], ...] = (
    ("innovators", 0.025),
    ("early adopters", 0.16),
    ("early majority", 0.50),
    ("late majority", 0.84),
    ("laggards", 1.0),
)


def adopter_category(share: float) -> str:
    """The Rogers category of the people adopting now, once ``share`` of the market has adopted.

    A share below 2.5% means innovators are still adopting; from 2.5% to
    16% early adopters; to 50% the early majority; to 84% the late majority;
    from 84% the laggards.

    >>> [adopter_category(s) for s in (0.0, 0.025, 0.159, 0.5, 0.9)]
    ['innovators', 'early adopters', 'early adopters', 'late majority', 'laggards']
    >>> adopter_category(1.2)
    Traceback (most recent call last):
    ...
    workbook.errors.InputError: share = 1.2 is not allowed: expected a fraction between 0 and 1 (write 25% as 0.25)
    """
    value = check_fraction("share", share)
    for name, upper in ROGERS_CATEGORIES:
        if value < upper:
            return name
    return ROGERS_CATEGORIES[-1][0]


def _months(name: str, months: Any) -> np.ndarray:
    return as_float_array(name, months, minimum=0)


def bass_cumulative(months: Any, p: float, q: float, market: float) -> np.ndarray:
    """Cumulative adopters of the Bass model at each month after launch.

    ``market * (1 - e^{-(p+q)t}) / (1 + (q/p) e^{-(p+q)t})``.

    >>> [round(float(v), 1) for v in bass_cumulative([0, 6, 12], p=0.02, q=0.3, market=500)]
    [0.0, 133.4, 370.0]
    """
    t = _months("months", months)
    p = check_number("p", p, minimum=0, strict_minimum=True)
    q = check_number("q", q, minimum=0)
    m = check_number("market", market, minimum=0)
    decay = np.exp(-(p + q) * t)
    return m * (1 - decay) / (1 + (q / p) * decay)


@dataclass(frozen=True)
class BassFit:
    """A fitted Bass curve: coefficients per month, the market and the fit's error."""

    p: float
    q: float
    market: float
    rmse: float

    @property
    def peak_month(self) -> float:
        """Month in which new adoptions peak (0 when innovation outweighs imitation)."""
        return math.log(self.q / self.p) / (self.p + self.q) if self.q > self.p else 0.0

    def predict(self, months: Any) -> np.ndarray:
        """Cumulative adopters the curve gives at ``months``."""
        return bass_cumulative(months, self.p, self.q, self.market)

    def month_reaching(self, share: float) -> float:
        """Months after launch at which the curve reaches ``share`` of the market (fraction, below 1).

        >>> round(BassFit(p=0.02, q=0.3, market=500, rmse=0).month_reaching(0.5), 3)
        8.854
        """
        s = check_fraction("share", share)
        if s >= 1:
            raise InputError("share", share, "a fraction below 1 (the curve reaches the whole market only in the limit)")
        return -math.log((1 - s) / (1 + s * self.q / self.p)) / (self.p + self.q)


def _fit_inputs(months: Any, adopters: Any, market: float | None) -> tuple[np.ndarray, np.ndarray, float | None]:
    t = _months("months", months)
    y = as_float_array("adopters", adopters, minimum=0)
    check_same_length(months=t, adopters=y)
    if len(t) < 4:
        raise InputError("months", list(months), "at least 4 months of adoption data to fit a curve")
    m = None if market is None else check_number("market", market, minimum=float(y.max()), strict_minimum=False)
    if m is not None and m <= 0:
        raise InputError("market", market, "a number > 0 (the people who could adopt)")
    return t, y, m


def fit_bass(months: Any, adopters: Any, market: float | None = None) -> BassFit:
    """Fit the Bass model to cumulative adopters by least squares (scipy ``curve_fit``).

    Parameters
    ----------
    months
        Months since launch (0 is launch), one per observation.
    adopters
        Cumulative adopters at each month.
    market
        The people who could adopt (for a teacher tool: the teachers). Fixed
        when given; fitted (at least the largest count) when ``None``.

    Examples
    --------
    >>> t = list(range(1, 19))
    >>> fit = fit_bass(t, bass_cumulative(t, 0.015, 0.35, 800), market=800)
    >>> round(fit.p, 4), round(fit.q, 4), round(fit.rmse, 6)
    (0.015, 0.35, 0.0)
    >>> fit_bass([1, 2, 3, 4], [5, 9, 14, 20], market=10)
    Traceback (most recent call last):
    ...
    workbook.errors.InputError: market = 10 is not allowed: expected a number >= 20
    """
    from scipy.optimize import curve_fit

    t, y, m = _fit_inputs(months, adopters, market)
    top = float(y.max()) or 1.0
    if m is not None:
        f = lambda x, p, q: bass_cumulative(x, p, q, m)  # noqa: E731
        (p, q), _ = curve_fit(f, t, y, p0=(0.01, 0.3), bounds=([1e-6, 0.0], [1.0, 5.0]), maxfev=20_000)
        fitted_m = m
    else:
        f = lambda x, p, q, mm: bass_cumulative(x, p, q, mm)  # noqa: E731
        (p, q, fitted_m), _ = curve_fit(f, t, y, p0=(0.01, 0.3, top * 1.5),
                                        bounds=([1e-6, 0.0, top], [1.0, 5.0, top * 100]), maxfev=20_000)
    rmse = float(np.sqrt(np.mean((bass_cumulative(t, p, q, fitted_m) - y) ** 2)))
    return BassFit(p=float(p), q=float(q), market=float(fitted_m), rmse=rmse)


@dataclass(frozen=True)
class LogisticFit:
    """A fitted logistic curve ``market / (1 + e^{-rate (t - midpoint)})``."""

    market: float
    rate: float
    midpoint: float
    rmse: float

    def predict(self, months: Any) -> np.ndarray:
        t = _months("months", months)
        return self.market / (1 + np.exp(-self.rate * (t - self.midpoint)))

    def month_reaching(self, share: float) -> float:
        """Months after launch at which the curve reaches ``share`` of the market (between 0 and 1, exclusive)."""
        s = check_fraction("share", share)
        if not 0 < s < 1:
            raise InputError("share", share, "a fraction strictly between 0 and 1")
        return self.midpoint + math.log(s / (1 - s)) / self.rate


def fit_logistic(months: Any, adopters: Any, market: float | None = None) -> LogisticFit:
    """Fit a logistic S-curve to cumulative adopters (scipy ``curve_fit``); ``market`` fixed when given.

    >>> t = np.arange(1, 25)
    >>> y = 600 / (1 + np.exp(-0.5 * (t - 10)))
    >>> fit = fit_logistic(t, y, market=600)
    >>> round(fit.rate, 4), round(fit.midpoint, 4)
    (0.5, 10.0)
    >>> round(fit.month_reaching(0.5), 4)
    10.0
    """
    from scipy.optimize import curve_fit

    t, y, m = _fit_inputs(months, adopters, market)
    top = float(y.max()) or 1.0
    mid0 = float(t[min(int(np.searchsorted(np.maximum.accumulate(y), top / 2)), len(t) - 1)])
    if m is not None:
        f = lambda x, r, c: m / (1 + np.exp(-r * (x - c)))  # noqa: E731
        (r, c), _ = curve_fit(f, t, y, p0=(0.3, mid0), bounds=([1e-6, -1e3], [10.0, 1e3]), maxfev=20_000)
        fitted_m = m
    else:
        f = lambda x, r, c, mm: mm / (1 + np.exp(-r * (x - c)))  # noqa: E731
        (r, c, fitted_m), _ = curve_fit(f, t, y, p0=(0.3, mid0, top * 1.2),
                                        bounds=([1e-6, -1e3, top], [10.0, 1e3, top * 100]), maxfev=20_000)
    fit = LogisticFit(market=float(fitted_m), rate=float(r), midpoint=float(c), rmse=0.0)
    rmse = float(np.sqrt(np.mean((fit.predict(t) - y) ** 2)))
    return LogisticFit(market=fit.market, rate=fit.rate, midpoint=fit.midpoint, rmse=rmse)
