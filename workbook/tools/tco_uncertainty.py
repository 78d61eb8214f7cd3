"""What if the estimates are off? Sensitivity (tornado) tables and Monte Carlo runs.

* :func:`sensitivity` moves one input at a time between a low and a high
  value, the others held at their base values, and sorts the inputs by how
  much the output swings: the table behind a tornado chart.
* :func:`monte_carlo` draws every uncertain input at once from a simple
  distribution, ``n`` times, and evaluates a **vectorized** function once on
  the arrays of draws. Runs are reproducible: the same ``seed`` gives the
  same samples.
* :func:`device_program_total` is the device program's TCO
  (:func:`workbook.tools.tco_devices.device_program`) written for arrays, and
  :func:`device_program_monte_carlo` runs it through :func:`monte_carlo`.

Distribution specs are tuples: ``("triangular", low, mode, high)``,
``("uniform", low, high)``, ``("normal", mean, sd)`` or ``("fixed", value)``.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import numpy as np

from workbook.errors import InputError
from workbook.tools._validate import check_count, check_number
from workbook.tools.tco import yearly_costs
from workbook.tools.tco_devices import program_specs

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "DISTRIBUTIONS",
    "sensitivity",
    "monte_carlo",
    "MonteCarloResult",
    "device_program_total",
    "device_program_monte_carlo",
]

#: Distribution kinds and the parameters each one takes, in order.
DISTRIBUTIONS: dict[str, tuple[str, ...]] = {
    "triangular": ("low", "mode", "high"),
    "uniform": ("low", "high"),
    "normal": ("mean", "sd"),
    "fixed": ("value",),
}


def _check_func(func: Any) -> None:
    if not callable(func):
        raise InputError("func", func, "a function that takes keyword inputs and returns a number")


def _as_output(value: Any) -> float:
    try:
        out = float(np.asarray(value, dtype=float))
    except (TypeError, ValueError):
        raise InputError("func", value, "a function that returns one number") from None
    if not math.isfinite(out):
        raise InputError("func", value, "a function that returns a finite number")
    return out


def sensitivity(func: Callable[..., float], base: Mapping[str, Any],
                ranges: Mapping[str, tuple[float, float]]) -> pd.DataFrame:
    """One-at-a-time sensitivity: the table behind a tornado chart.

    Parameters
    ----------
    func
        Maps keyword inputs to one number, e.g. a 5-year TCO.
    base
        Every input of ``func`` at its base (best-guess) value.
    ranges
        For each input to vary, its ``(low, high)`` values.

    Returns
    -------
    DataFrame
        One row per varied input, largest ``swing`` first, with columns
        ``input``, ``base``, ``low``, ``high``, ``output_low``, ``output_high``,
        ``change_low`` and ``change_high`` (output minus the base output) and
        ``swing`` (the absolute difference between the two outputs).
        ``attrs["base_output"]`` holds the output at the base values.

    Examples
    --------
    >>> def cost(devices, price, support):
    ...     return devices * (price + support)
    >>> table = sensitivity(cost, {"devices": 100, "price": 300, "support": 50},
    ...                     {"price": (250, 400), "support": (25, 100)})
    >>> table[["input", "output_low", "output_high", "swing"]]
         input  output_low  output_high    swing
    0    price     30000.0      45000.0  15000.0
    1  support     32500.0      40000.0   7500.0
    >>> table.attrs["base_output"]
    35000.0
    """
    import pandas as pd

    _check_func(func)
    if not isinstance(base, Mapping):
        raise InputError("base", base, "a dict of input name -> base value")
    if not isinstance(ranges, Mapping) or not ranges:
        raise InputError("ranges", ranges, "a non-empty dict of input name -> (low, high)")
    base = dict(base)
    base_output = _as_output(func(**base))
    rows = []
    for name, pair in ranges.items():
        if name not in base:
            raise InputError("ranges", name, "names that are also in base: "
                             + ", ".join(repr(k) for k in base))
        if not isinstance(pair, (tuple, list)) or len(pair) != 2:
            raise InputError(f"ranges[{name!r}]", pair, "a pair (low, high)")
        low = check_number(f"ranges[{name!r}][0]", pair[0])
        high = check_number(f"ranges[{name!r}][1]", pair[1])
        out_low = _as_output(func(**{**base, name: low}))
        out_high = _as_output(func(**{**base, name: high}))
        rows.append({
            "input": name, "base": base[name], "low": low, "high": high,
            "output_low": out_low, "output_high": out_high,
            "change_low": out_low - base_output, "change_high": out_high - base_output,
            "swing": abs(out_high - out_low),
        })
    table = pd.DataFrame(rows).sort_values("swing", ascending=False, kind="stable")
    table = table.reset_index(drop=True)
    table.attrs["base_output"] = base_output
    return table


@dataclass(frozen=True)
class MonteCarloResult:
    """The output of :func:`monte_carlo`: one sample per draw, and the inputs drawn."""

    samples: np.ndarray
    inputs: dict[str, np.ndarray] = field(repr=False)
    seed: int = 0

    def percentile(self, q: float) -> float:
        """The ``q``-th percentile (0-100) of the samples.

        >>> MonteCarloResult(np.arange(101.0), {}).percentile(90)
        90.0
        """
        return float(np.percentile(self.samples, check_number("q", q, minimum=0, maximum=100)))

    def probability_above(self, threshold: float) -> float:
        """Share of the draws above ``threshold`` (e.g. the chance of exceeding a budget).

        >>> MonteCarloResult(np.arange(10.0), {}).probability_above(6.5)
        0.3
        """
        return float(np.mean(self.samples > check_number("threshold", threshold)))

    def summary(self) -> pd.Series:
        """Mean, standard deviation, 5th, 50th and 95th percentiles of the samples.

        >>> MonteCarloResult(np.arange(101.0), {}).summary()[["mean", "p5", "p50", "p95"]].tolist()
        [50.0, 5.0, 50.0, 95.0]
        """
        import pandas as pd

        p5, p50, p95 = np.percentile(self.samples, [5, 50, 95])
        return pd.Series({"mean": float(self.samples.mean()), "sd": float(self.samples.std()),
                          "p5": float(p5), "p50": float(p50), "p95": float(p95)})


def _draw(name: str, spec: Any, rng: np.random.Generator, n: int) -> np.ndarray:
    where = f"distributions[{name!r}]"
    kinds = ", ".join(f"({k!r}, {', '.join(v)})" for k, v in DISTRIBUTIONS.items())
    if not isinstance(spec, (tuple, list)) or not spec or spec[0] not in DISTRIBUTIONS:
        raise InputError(where, spec, "one of " + kinds)
    kind, params = spec[0], DISTRIBUTIONS[spec[0]]
    if len(spec) != 1 + len(params):
        raise InputError(where, spec, f"({kind!r}, {', '.join(params)})")
    v = [check_number(f"{where}.{p}", x) for p, x in zip(params, spec[1:])]
    if kind == "fixed":
        return np.full(n, v[0])
    if kind == "normal":
        check_number(f"{where}.sd", v[1], minimum=0)
        return rng.normal(v[0], v[1], n)
    if kind == "uniform":
        if v[0] > v[1]:
            raise InputError(where, spec, "low <= high")
        return rng.uniform(v[0], v[1], n)
    if not v[0] <= v[1] <= v[2] or v[0] == v[2]:
        raise InputError(where, spec, "low <= mode <= high with low < high "
                         "(use ('fixed', value) for a constant)")
    return rng.triangular(v[0], v[1], v[2], n)


def monte_carlo(func: Callable[..., Any], distributions: Mapping[str, tuple],
                n: int = 10_000, seed: int = 0) -> MonteCarloResult:
    """Evaluate ``func`` on ``n`` random draws of its inputs, all at once.

    Parameters
    ----------
    func
        A vectorized function: it receives each input as a numpy array of
        length ``n`` (keyword arguments named as in ``distributions``) and
        returns an array of ``n`` results. It is called once.
    distributions
        Input name -> spec, e.g. ``{"unit_cost": ("triangular", 280, 320, 400)}``.
        Inputs are drawn in the order given.
    n
        Number of draws (at least 1).
    seed
        Seed of ``numpy.random.default_rng``; the same seed gives the same samples.

    Examples
    --------
    >>> result = monte_carlo(lambda price, count: price * count,
    ...                      {"price": ("uniform", 250, 350), "count": ("fixed", 100)},
    ...                      n=20_000, seed=1)
    >>> round(result.percentile(50), -2)
    30000.0
    >>> result.summary().index.tolist()
    ['mean', 'sd', 'p5', 'p50', 'p95']
    >>> monte_carlo(lambda x: x, {"x": ("triangular", 5, 1, 3)})  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    workbook.errors.InputError: distributions['x'] = ('triangular', 5, 1, 3) is not allowed: expected low <= mode <= high ...
    """
    _check_func(func)
    if not isinstance(distributions, Mapping) or not distributions:
        raise InputError("distributions", distributions,
                         "a non-empty dict of input name -> distribution spec")
    count = check_count("n", n, minimum=1)
    rng = np.random.default_rng(check_count("seed", seed))
    draws = {name: _draw(name, spec, rng, count) for name, spec in distributions.items()}
    try:
        out = np.asarray(func(**draws), dtype=float)
    except (TypeError, ValueError) as exc:
        if isinstance(exc, InputError):
            raise
        raise InputError("func", func, f"a function of arrays returning numbers ({exc})") from None
    if out.ndim == 0:
        out = np.full(count, float(out))
    if out.shape != (count,):
        raise InputError("func", f"a result of shape {out.shape}",
                         f"one result per draw, shape ({count},); write the function with "
                         "numpy operations so it works on arrays")
    if not np.isfinite(out).all():
        raise InputError("func", "a result with NaN or infinity", "finite results for every draw")
    return MonteCarloResult(out, draws, int(seed))


def device_program_total(devices: Any, students: Any, unit_cost: Any, refresh_years: int,
                         years: int, **options: Any) -> Any:
    """Total cost of :func:`~workbook.tools.tco_devices.device_program`, on numbers or arrays.

    Takes the same arguments; every amount (and the counts) may be a 1-D
    array, all of the same length, and the result is then an array of
    totals, one per element. ``refresh_years`` and ``years`` stay whole numbers.

    Examples
    --------
    >>> device_program_total(100, 100, 300, 4, 5, software_per_device=20)
    70000.0
    >>> device_program_total(100, 100, np.array([250.0, 300.0]), 4, 5).tolist()
    [50000.0, 60000.0]
    >>> device_program_total(100, 100, np.array([250.0, 300.0]), 4, 5,
    ...                      software_per_device=np.array([1.0, 2.0, 3.0]))
    Traceback (most recent call last):
    ...
    workbook.errors.InputError: software_per_device = array([1., 2., 3.]) is not allowed: expected the same length as unit_cost (2), not 3
    """
    specs = program_specs(devices, students, unit_cost, refresh_years, years, options,
                          arrays=True)
    n = int(years)
    total = sum(yearly_costs(up, yearly, esc, start, every, n).sum(axis=-1)
                for _, _, up, yearly, esc, start, every in specs)
    return float(total) if np.ndim(total) == 0 else total


def device_program_monte_carlo(distributions: Mapping[str, tuple], *, n: int = 10_000,
                               seed: int = 0, **inputs: Any) -> MonteCarloResult:
    """Monte Carlo of a device program's total cost over its horizon.

    ``inputs`` are the fixed arguments of :func:`device_program_total`
    (``devices``, ``students``, ``unit_cost``, ``refresh_years``, ``years`` and any
    options); ``distributions`` gives the uncertain ones.

    Examples
    --------
    >>> mc = device_program_monte_carlo(
    ...     {"unit_cost": ("triangular", 280, 320, 400),
    ...      "support_hours_per_device": ("uniform", 1, 3)},
    ...     devices=1000, students=900, refresh_years=4, years=5, hourly_labor_cost=45)
    >>> mc.samples.shape
    (10000,)
    >>> mc.percentile(5) < mc.percentile(50) < mc.percentile(95)
    True
    """
    def total(**draws: np.ndarray) -> Any:
        return device_program_total(**{**inputs, **draws})

    return monte_carlo(total, distributions, n=n, seed=seed)
