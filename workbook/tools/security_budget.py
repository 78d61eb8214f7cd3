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

Overlapping controls
--------------------
Two controls against the same risk do not add up: MFA that stops 70% of
credential-phishing losses and training that stops 30% together stop
1 - 0.3 x 0.7 = 79%, not 100%. Give each risk's ALE (``risk_ale``, or the
controls table's ``attrs["risk_ale"]``) and, per control, the ``risks`` it acts
on and its ``effectiveness`` (the share of each such risk's remaining loss it
removes). A set's reduction on a risk is then its ALE x (1 - product of
(1 - effectiveness)) over the chosen controls acting on it, so it **never
exceeds the risk's loss**; the greedy ranking takes controls by the loss they
*add* per dollar, given those already taken. Without ``risk_ale`` the
``ale_reduction`` column is treated as additive, which is right only when no
two controls share a risk.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any

import numpy as np

from workbook.errors import InputError
from workbook.tools._validate import as_table, check_number

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = ["security_budget", "first_divergence", "EXHAUSTIVE_LIMIT", "MAX_DP_CELLS"]

#: Up to this many controls, every combination is tried.
EXHAUSTIVE_LIMIT = 20
#: Largest dynamic-programming table (budget units x controls) accepted.
MAX_DP_CELLS = 20_000_000


def security_budget(controls: Any, budget: float, *, unit: float = 100.0, risk_ale: Any = None) -> pd.DataFrame:
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
    risk_ale
        Optional mapping of risk id to its ALE in $; by default the table's
        ``attrs["risk_ale"]`` when it has one. With it, the table needs
        ``risks`` (ids, comma-separated or a list) and ``effectiveness``
        (0-1) instead of ``ale_reduction``, overlaps are modelled as above,
        and ``ale_reduction`` becomes each control's stand-alone reduction.
        At most 20 controls.

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

    Two controls on one risk (ALE $100,000): MFA removes 70% of it, training
    30%. Together they remove 79%, not 100%:

    >>> both = pd.DataFrame({"control": ["MFA", "Training"], "cost": [20_000, 5_000],
    ...                      "risks": ["R02", "R02"], "effectiveness": [0.7, 0.3]})
    >>> out = security_budget(both, 25_000, risk_ale={"R02": 100_000})
    >>> out["control"].tolist(), out["ale_reduction"].tolist(), out.attrs["chosen_reduction"]
    (['Training', 'MFA'], [30000.0, 70000.0], 79000.0)
    >>> out["marginal_reduction"].tolist()   # MFA adds 70% of the 70% training leaves
    [30000.0, 49000.0]
    """
    import pandas as pd

    if risk_ale is None:
        risk_ale = getattr(controls, "attrs", {}).get("risk_ale")
    if risk_ale is not None:
        return _with_overlap(controls, budget, risk_ale)
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
    order = sorted(range(n), key=lambda i: (-per_dollar[i], -gains[i], i))
    greedy = np.zeros(n, dtype=bool)
    spent = 0.0
    cumulative = np.zeros(n)
    for i in order:
        if spent + costs[i] <= cap + 1e-9:
            greedy[i] = True
            spent += costs[i]
        cumulative[i] = spent
    frame["marginal_reduction"] = gains
    return _finish(frame, order, greedy, cumulative, chosen, cap, method,
                   float(gains[chosen].sum()), float(gains[greedy].sum()))


def _finish(frame: pd.DataFrame, order: list[int], greedy: np.ndarray, cumulative: np.ndarray, chosen: np.ndarray,
            cap: float, method: str, chosen_reduction: float, greedy_reduction: float) -> pd.DataFrame:
    """Put the rows in greedy order, the main columns first, and the totals in ``attrs``."""
    import pandas as pd

    costs = frame["cost"].to_numpy(dtype=float)
    frame["chosen"] = chosen
    frame["greedy_chosen"] = greedy
    frame["greedy_cumulative_cost"] = cumulative
    frame = frame.iloc[order].reset_index(drop=True)
    frame.insert(1, "greedy_rank", range(1, len(frame) + 1))
    front = ["control", "greedy_rank", "cost", "ale_reduction", "reduction_per_dollar", "marginal_reduction",
             "greedy_chosen", "greedy_cumulative_cost", "chosen"]
    out = pd.DataFrame(frame[front + [c for c in frame.columns if c not in front]])
    out.attrs.update(
        budget=cap,
        method=method,
        chosen_cost=float(costs[chosen].sum()),
        chosen_reduction=round(chosen_reduction, 6),
        greedy_cost=float(costs[greedy].sum()),
        greedy_reduction=round(greedy_reduction, 6),
    )
    return out


def _risk_ids(i: int, value: Any) -> list[str]:
    items = value if isinstance(value, (list, tuple)) else str(value).split(",")
    ids = [str(x).strip() for x in items if str(x).strip()]
    if not ids:
        raise InputError(f"controls[{i}].risks", value, 'the ids of the risks it acts on, e.g. "R02, R10"')
    return ids


def _overlap_inputs(controls: Any, risk_ale: Any) -> tuple[pd.DataFrame, np.ndarray, np.ndarray, np.ndarray]:
    """Validated table, costs, stand-alone reductions and every subset's combined reduction (bit j = control j)."""
    from collections.abc import Mapping

    frame = as_table("controls", controls, ("control", "cost", "risks", "effectiveness"))
    if not isinstance(risk_ale, Mapping) or not risk_ale:
        raise InputError("risk_ale", risk_ale, "a mapping of risk id to its ALE in dollars")
    loss = {str(k): check_number(f"risk_ale[{k!r}]", _plain(v), minimum=0) for k, v in risk_ale.items()}
    n = len(frame)
    if n == 0:
        raise InputError("controls", [], "at least one control")
    if n > EXHAUSTIVE_LIMIT:
        raise InputError("controls", f"{n} controls", f"at most {EXHAUSTIVE_LIMIT} controls when risks overlap (risk_ale given)")
    costs = np.array([check_number(f"controls[{i}].cost", _plain(v), minimum=0) for i, v in enumerate(frame["cost"])])
    eff = np.array([check_number(f"controls[{i}].effectiveness", _plain(v), minimum=0, maximum=1)
                    for i, v in enumerate(frame["effectiveness"])])
    acts = [_risk_ids(i, v) for i, v in enumerate(frame["risks"])]
    for i, ids in enumerate(acts):
        unknown = sorted(set(ids) - set(loss))
        if unknown:
            raise InputError(f"controls[{i}].risks", frame["risks"].iloc[i], f"risk ids with an ALE in risk_ale (unknown: {', '.join(unknown)})")
    alone = np.array([sum(loss[r] for r in ids) * e for ids, e in zip(acts, eff)])
    frame["cost"], frame["effectiveness"], frame["ale_reduction"] = costs, eff, alone.round(2)
    total_gain = np.zeros(1 << n)
    for r in sorted({r for ids in acts for r in ids}):
        left = np.ones(1)
        for i in range(n):  # the share of risk r left after subset k: product of (1 - e) over its controls acting on r
            left = np.concatenate([left, left * ((1 - eff[i]) if r in acts[i] else 1.0)])
        total_gain += loss[r] * (1 - left)
    return frame, costs, alone, total_gain


def _subset_costs(costs: np.ndarray) -> np.ndarray:
    total = np.zeros(1)
    for c in costs:
        total = np.concatenate([total, total + c])
    return total


def _best(total_cost: np.ndarray, total_gain: np.ndarray, cap: float) -> int:
    """The subset (bit mask) with the largest reduction under ``cap``; ties go to the cheaper, then the earlier."""
    feasible = total_cost <= cap + 1e-9
    best_gain = total_gain[feasible].max()
    candidates = np.flatnonzero(feasible & (total_gain >= best_gain - 1e-6))
    return int(candidates[np.argmin(total_cost[candidates])])


def _greedy(costs: np.ndarray, total_gain: np.ndarray, cap: float) -> tuple[list[int], int, np.ndarray, np.ndarray]:
    """Greedy by added reduction per dollar, given the controls taken: (order, mask, marginal, cumulative cost)."""
    n = len(costs)
    remaining, order = list(range(n)), []
    marginal, cumulative = np.zeros(n), np.zeros(n)
    mask, spent = 0, 0.0
    while remaining:
        gains = {i: float(total_gain[mask | (1 << i)] - total_gain[mask]) for i in remaining}
        i = min(remaining, key=lambda j: (-(gains[j] / costs[j] if costs[j] > 0 else np.inf), -gains[j], j))
        marginal[i] = round(gains[i], 2)
        if spent + costs[i] <= cap + 1e-9:
            mask |= 1 << i
            spent += costs[i]
        cumulative[i] = spent
        order.append(i)
        remaining.remove(i)
    return order, mask, marginal, cumulative


def _with_overlap(controls: Any, budget: float, risk_ale: Any) -> pd.DataFrame:
    """Security budget when controls share risks: combined effect 1 - product of (1 - effectiveness)."""
    frame, costs, alone, total_gain = _overlap_inputs(controls, risk_ale)
    cap = check_number("budget", budget, minimum=0)
    n = len(frame)
    with np.errstate(divide="ignore", invalid="ignore"):
        frame["reduction_per_dollar"] = np.where(costs > 0, alone / np.where(costs > 0, costs, 1), np.inf)
    total_cost = _subset_costs(costs)
    k = _best(total_cost, total_gain, cap)
    chosen = np.array([(k >> j) & 1 == 1 for j in range(n)], dtype=bool)
    order, mask, marginal, cumulative = _greedy(costs, total_gain, cap)
    taken = np.array([(mask >> j) & 1 == 1 for j in range(n)], dtype=bool)
    frame["marginal_reduction"] = marginal
    return _finish(frame, order, taken, cumulative, chosen, cap, "exhaustive, overlapping controls combined",
                   float(total_gain[k]), float(total_gain[mask]))


def first_divergence(controls: Any, *, risk_ale: Any = None) -> float | None:
    """The smallest budget cap (dollars) at which the greedy ranking reduces less loss than the best set.

    Both choices can change only where the cap reaches the cost of some set of
    controls, so those costs are the caps tried, smallest first. ``None`` when
    the greedy ranking is as good as the best set at every cap. Overlapping
    controls are combined as in :func:`security_budget` (``risk_ale``, or the
    table's ``attrs["risk_ale"]``). At most 20 controls.

    Examples
    --------
    >>> import pandas as pd
    >>> c = pd.DataFrame({"control": ["MFA", "Backups", "EDR", "Training"],
    ...                   "cost": [30_000, 50_000, 60_000, 10_000],
    ...                   "ale_reduction": [90_000, 140_000, 150_000, 20_000]})
    >>> first_divergence(c)      # at 50,000: greedy takes MFA and training (110,000), the best is backups (140,000)
    50000.0
    >>> first_divergence(c.iloc[:1]) is None
    True
    """
    if risk_ale is None:
        risk_ale = getattr(controls, "attrs", {}).get("risk_ale")
    if risk_ale is not None:
        _, costs, _, total_gain = _overlap_inputs(controls, risk_ale)
    else:
        frame = as_table("controls", controls, ("control", "cost", "ale_reduction"))
        if frame.empty:
            raise InputError("controls", [], "at least one control")
        if len(frame) > EXHAUSTIVE_LIMIT:
            raise InputError("controls", f"{len(frame)} controls", f"at most {EXHAUSTIVE_LIMIT} controls")
        costs = np.array([check_number(f"controls[{i}].cost", _plain(v), minimum=0) for i, v in enumerate(frame["cost"])])
        gains = np.array([check_number(f"controls[{i}].ale_reduction", _plain(v), minimum=0) for i, v in enumerate(frame["ale_reduction"])])
        total_gain = _subset_costs(gains)
    total_cost = _subset_costs(costs)
    for cap in np.unique(total_cost):
        best = total_gain[_best(total_cost, total_gain, float(cap))]
        _, mask, _, _ = _greedy(costs, total_gain, float(cap))
        if total_gain[mask] < best - 0.5:
            return float(cap)
    return None
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
