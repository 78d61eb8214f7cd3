"""A security budget: which controls cut the most annualized loss for the money.

Two answers side by side, because the curriculum asks for the first and a board
deserves the second:

* the **greedy ranking**: controls ordered by annualized loss reduced per dollar,
  taken in that order while they still fit under the cap (a control that does
  not fit is skipped and the next one tried);
* the **best choice** (an exact 0/1 knapsack): the set of controls whose total
  cost fits the cap and whose total loss reduction is largest. With 20 controls
  or fewer every combination is tried, in exact dollars. With more, a dynamic
  program runs over costs rounded *up* to ``unit`` dollars and the budget
  rounded *down*, so the chosen set always fits the real cap; it may miss a set
  that fits only to the dollar.

Reductions are treated as additive (two controls against the same threat may
overlap in practice; list such a pair as one combined control when that matters).
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any

import numpy as np

from workbook.errors import InputError
from workbook.tools._validate import as_table, check_number

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = ["security_budget", "EXHAUSTIVE_LIMIT", "MAX_DP_CELLS"]

#: Up to this many controls, every combination is tried.
EXHAUSTIVE_LIMIT = 20
#: Largest dynamic-programming table (budget units x controls) accepted.
MAX_DP_CELLS = 20_000_000


def security_budget(controls: Any, budget: float, *, unit: float = 100.0) -> pd.DataFrame:
    """Rank controls by loss reduced per dollar and pick the best set under ``budget``.

    Parameters
    ----------
    controls
        A DataFrame (or list of dicts) with ``control`` (name), ``cost`` (annual
        cost in $, >= 0) and ``ale_reduction`` (annualized loss expectancy it
        removes, in $, >= 0). Other columns are kept.
    budget
        The annual cap in dollars.
    unit
        Rounding unit in dollars for the dynamic program (more than 20 controls only).

    Returns
    -------
    DataFrame
        One row per control in greedy order: ``greedy_rank``,
        ``reduction_per_dollar``, ``greedy_chosen``, ``greedy_cumulative_cost``,
        and ``chosen`` (the best set). ``attrs`` holds the totals
        (``chosen_cost``, ``chosen_reduction``, ``greedy_cost``,
        ``greedy_reduction``, ``method``).

    Examples
    --------
    >>> import pandas as pd
    >>> c = pd.DataFrame({
    ...     "control": ["MFA", "Backups", "EDR", "Training"],
    ...     "cost": [30_000, 50_000, 60_000, 10_000],
    ...     "ale_reduction": [90_000, 140_000, 150_000, 20_000],
    ... })
    >>> out = security_budget(c, 110_000)
    >>> print(out[["control", "greedy_rank", "greedy_chosen", "chosen"]].to_string(index=False))
     control  greedy_rank  greedy_chosen  chosen
         MFA            1           True   False
     Backups            2           True    True
         EDR            3          False    True
    Training            4           True   False
    >>> out.attrs["greedy_reduction"], out.attrs["chosen_reduction"]
    (250000.0, 290000.0)
    >>> security_budget(c, -5)
    Traceback (most recent call last):
    ...
    workbook.errors.InputError: budget = -5 is not allowed: expected a number >= 0
    """
    import pandas as pd

    frame = as_table("controls", controls, ("control", "cost", "ale_reduction"))
    cap = check_number("budget", budget, minimum=0)
    step = check_number("unit", unit, minimum=0, strict_minimum=True)
    if frame.empty:
        raise InputError("controls", [], "at least one control")
    costs = np.array(
        [check_number(f"controls[{i}].cost", _plain(v), minimum=0) for i, v in enumerate(frame["cost"])]
    )
    gains = np.array(
        [check_number(f"controls[{i}].ale_reduction", _plain(v), minimum=0) for i, v in enumerate(frame["ale_reduction"])]
    )
    frame["cost"], frame["ale_reduction"] = costs, gains
    with np.errstate(divide="ignore", invalid="ignore"):
        per_dollar = np.where(costs > 0, gains / np.where(costs > 0, costs, 1), np.inf)
    frame["reduction_per_dollar"] = per_dollar

    n = len(frame)
    if n <= EXHAUSTIVE_LIMIT:
        chosen, method = _exhaustive(costs, gains, cap), "exhaustive"
    else:
        chosen, method = _dynamic(costs, gains, cap, step), f"dynamic program over ${step:g} units"
    frame["chosen"] = chosen

    order = sorted(range(n), key=lambda i: (-per_dollar[i], -gains[i], i))
    greedy = np.zeros(n, dtype=bool)
    spent = 0.0
    cumulative = np.zeros(n)
    for i in order:
        if spent + costs[i] <= cap + 1e-9:
            greedy[i] = True
            spent += costs[i]
        cumulative[i] = spent
    frame["greedy_chosen"] = greedy
    frame["greedy_cumulative_cost"] = cumulative
    frame = frame.iloc[order].reset_index(drop=True)
    frame.insert(1, "greedy_rank", range(1, n + 1))
    front = ["control", "greedy_rank", "cost", "ale_reduction", "reduction_per_dollar",
             "greedy_chosen", "greedy_cumulative_cost", "chosen"]
    out = pd.DataFrame(frame[front + [c for c in frame.columns if c not in front]])
    out.attrs.update(
        budget=cap,
        method=method,
        chosen_cost=float(costs[chosen].sum()),
        chosen_reduction=float(gains[chosen].sum()),
        greedy_cost=float(costs[greedy].sum()),
        greedy_reduction=float(gains[greedy].sum()),
    )
    return out


def _plain(v: Any) -> Any:
    return v.item() if isinstance(v, np.generic) else v


def _exhaustive(costs: np.ndarray, gains: np.ndarray, cap: float) -> np.ndarray:
    """Best subset by trying all 2**n; ties go to the cheaper, then the earlier set."""
    total_cost = np.zeros(1)
    total_gain = np.zeros(1)
    for c, g in zip(costs, gains):  # subset k includes control j iff bit j of k is set
        total_cost = np.concatenate([total_cost, total_cost + c])
        total_gain = np.concatenate([total_gain, total_gain + g])
    feasible = total_cost <= cap + 1e-9
    best_gain = total_gain[feasible].max()
    candidates = np.flatnonzero(feasible & (total_gain >= best_gain - 1e-9))
    k = int(candidates[np.argmin(total_cost[candidates])])
    return np.array([(k >> j) & 1 == 1 for j in range(len(costs))], dtype=bool)


def _dynamic(costs: np.ndarray, gains: np.ndarray, cap: float, unit: float) -> np.ndarray:
    """0/1 knapsack over costs rounded up to ``unit`` and the cap rounded down."""
    weights = np.ceil(costs / unit - 1e-9).astype(np.int64)
    capacity = int(math.floor(cap / unit + 1e-9))
    n = len(costs)
    if (capacity + 1) * n > MAX_DP_CELLS:
        raise InputError("unit", unit, f"a larger rounding unit: budget / unit x controls must stay under {MAX_DP_CELLS:,}")
    best = np.zeros(capacity + 1)
    took = np.zeros((n, capacity + 1), dtype=bool)
    for i in range(n):
        w = weights[i]
        if w > capacity:
            continue
        candidate = np.full(capacity + 1, -np.inf)
        candidate[w:] = best[: capacity + 1 - w] + gains[i]
        better = candidate > best + 1e-9
        took[i] = better
        best = np.where(better, candidate, best)
    chosen = np.zeros(n, dtype=bool)
    room = int(np.argmax(best))  # smallest capacity reaching the best value
    for i in range(n - 1, -1, -1):
        if took[i, room]:
            chosen[i] = True
            room -= weights[i]
    return chosen
