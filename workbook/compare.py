"""Comparing an answer with its expected value: tolerances, partial credit, a reason.

The one comparison the grader and the in-kernel self-check share
(:class:`workbook.rubric.Check` calls it). Numbers within a relative tolerance,
text case-insensitively, lists, mappings and tables item by item; the reason
says how close the answer was, never what was expected. Pure Python (pandas
only when a table is compared).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

__all__ = ["compare"]


def _is_number(x: Any) -> bool:
    import numbers

    return isinstance(x, numbers.Real) and not isinstance(x, bool)


def _close(v: float, e: float, rtol: float, atol: float) -> bool:
    if math.isnan(v) or math.isnan(e):
        return math.isnan(v) and math.isnan(e)
    return abs(v - e) <= atol + rtol * abs(e)


def compare(
    value: Any,
    expected: Any,
    *,
    rtol: float = 1e-6,
    atol: float = 0.0,
    partial: Sequence[tuple[float, float]] = (),
) -> tuple[float, str]:
    """Compare an answer with the expected value: ``(fraction of credit, reason)``.

    The reason says how close the answer was, never what was expected.

    Examples
    --------
    >>> compare(100.4, 100.0, rtol=0.005)
    (1.0, 'matches within 0.5%')
    >>> compare(104.0, 100.0, rtol=0.005, partial=[(0.05, 0.5)])
    (0.5, 'within 5% but not within 0.5%: partial credit')
    >>> compare("12", 12.0)
    (0.0, 'expected a number, got text')
    >>> compare(None, 3)
    (0.0, 'expected a number, got nothing (None)')
    >>> compare(["P2", "P1"], ["P1", "P2"], partial=[(0.5, 0.5)])[1]
    '0 of 2 items match (the right items in another order: check the order the exercise asks for)'
    >>> compare(43.21, 0.4321, rtol=0, atol=0.0001)[1]
    'does not match (it looks like a percentage: write 43.21% as the fraction 0.4321)'
    """
    if expected is None:
        return 1.0, "any answer is accepted"
    if _is_number(expected):
        if not _is_number(value):
            return 0.0, f"expected a number, got {_kind(value)}"
        v, e = float(value), float(expected)
        if _close(v, e, rtol, atol):
            return 1.0, f"matches within {_pct(rtol)}" if rtol else "matches"
        for band, fraction in sorted(partial):
            if _close(v, e, band, atol):
                return fraction, f"within {_pct(band)} but not within {_pct(rtol)}: partial credit"
        reason = "does not match" + (f" within {_pct(max(b for b, _ in partial))}" if partial else "")
        if e and abs(e) <= 1 and _close(v / 100, e, max([rtol, *(b for b, _ in partial)]), atol):
            reason += " (it looks like a percentage: write 43.21% as the fraction 0.4321)"
        return 0.0, reason
    if isinstance(expected, bool):
        if value is expected or (isinstance(value, bool) and value == expected):
            return 1.0, "matches"
        return 0.0, "does not match" if isinstance(value, bool) else f"expected yes/no, got {_kind(value)}"
    if isinstance(expected, str):
        if not isinstance(value, str):
            return 0.0, f"expected text, got {_kind(value)}"
        ok = value.strip().casefold() == expected.strip().casefold()
        return (1.0, "matches") if ok else (0.0, "does not match")
    if _is_pandas(expected):
        return _compare_frames(value, expected, rtol=rtol, atol=atol, partial=bool(partial))
    if isinstance(expected, Mapping):
        if not isinstance(value, Mapping):
            return 0.0, f"expected a mapping, got {_kind(value)}"
        return _share([compare(value.get(k), v, rtol=rtol, atol=atol)[0] for k, v in expected.items()], bool(partial))
    if isinstance(expected, Iterable):
        expected_list = list(expected)
        if not isinstance(value, (list, tuple)) and not _is_array(value):
            return 0.0, f"expected a list, got {_kind(value)}"
        items = list(value)
        if len(items) != len(expected_list):
            return 0.0, f"expected {len(expected_list)} items, got {len(items)}"
        score, reason = _share([compare(a, b, rtol=rtol, atol=atol)[0] for a, b in zip(items, expected_list)], bool(partial))
        if score < 1 and _same_items(items, expected_list, rtol=rtol, atol=atol):
            reason += " (the right items in another order: check the order the exercise asks for)"
        return score, reason
    return (1.0, "matches") if value == expected else (0.0, "does not match")


def _same_items(items: list[Any], expected: list[Any], *, rtol: float, atol: float) -> bool:
    """Whether ``items`` holds the expected items, each matched once, in any order."""
    left = list(expected)
    for item in items:
        hit = next((i for i, e in enumerate(left) if compare(item, e, rtol=rtol, atol=atol)[0] >= 1), None)
        if hit is None:
            return False
        left.pop(hit)
    return not left


def _share(scores: list[float], partial: bool) -> tuple[float, str]:
    good = sum(1 for s in scores if s >= 1)
    if good == len(scores):
        return 1.0, "matches"
    if partial and good:
        return good / len(scores), f"{good} of {len(scores)} items match: partial credit"
    return 0.0, f"{good} of {len(scores)} items match"


def _compare_frames(value: Any, expected: Any, *, rtol: float, atol: float, partial: bool) -> tuple[float, str]:
    import pandas as pd

    if isinstance(expected, pd.Series):
        expected = expected.to_frame()
        if isinstance(value, pd.Series):
            value = value.to_frame()
    if not isinstance(value, pd.DataFrame):
        return 0.0, f"expected a table, got {_kind(value)}"
    if value.shape != expected.shape:
        return 0.0, f"expected a table of {expected.shape[0]} rows x {expected.shape[1]} columns, got {value.shape[0]} x {value.shape[1]}"
    scores = []
    for (_, a_col), (_, b_col) in zip(value.items(), expected.items()):
        for a, b in zip(a_col.tolist(), b_col.tolist()):
            if _is_number(b) and _is_number(a):
                scores.append(1.0 if _close(float(a), float(b), rtol, atol) else 0.0)
            else:
                scores.append(1.0 if (a == b or (pd.isna(a) and pd.isna(b))) else 0.0)
    return _share(scores, partial)


def _is_pandas(x: Any) -> bool:
    mod = type(x).__module__
    return mod.startswith("pandas") and type(x).__name__ in {"DataFrame", "Series"}


def _is_array(x: Any) -> bool:
    return type(x).__module__ == "numpy" and type(x).__name__ == "ndarray"


def _kind(x: Any) -> str:
    if x is None:
        return "nothing (None)"
    if isinstance(x, str):
        return "text"
    if isinstance(x, bool):
        return "yes/no"
    if _is_number(x):
        return "a number"
    if _is_pandas(x):
        return "a table"
    return type(x).__name__


def _pct(x: float) -> str:
    return f"{x * 100:g}%"
