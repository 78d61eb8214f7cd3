"""Rubrics: exercises, checks, tolerances, partial credit and reflection criteria.

A rubric module in ``exercises/`` (for example ``exercises/L6.py``) defines
``RUBRIC``; ``exercises/hidden/L6.py`` may define ``HIDDEN``, extra checks that
only the grader loads. Expected values are functions of a :class:`Context`
(the notebook's parameters and its district), computed with the same library
the candidate uses: one source of truth, no answer typed in by hand.

This module knows nothing of Jupyter: the in-kernel self-check and the grader
both use it.
"""

from __future__ import annotations

import importlib.util
import math
import os
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any, Literal

from workbook.errors import InputError, WorkbookError

__all__ = [
    "Context",
    "Check",
    "Exercise",
    "Level",
    "Criterion",
    "Reflection",
    "Rubric",
    "Outcome",
    "compare",
    "load_rubric",
    "load_hidden_checks",
    "score_answers",
]

Visibility = Literal["public", "hidden"]


@dataclass(frozen=True)
class Context:
    """What an expected value may depend on: the principle and the parameters.

    ``district`` is loaded lazily from ``params["district"]`` (a sample id or a
    path), so a rubric that needs no district costs nothing.
    """

    principle: str
    params: Mapping[str, Any]

    @cached_property
    def _district_or_error(self) -> tuple[Any, WorkbookError | None]:
        from workbook.districts import load_district

        try:
            return load_district(self.params.get("district", "sample-suburban")), None
        except WorkbookError as exc:  # kept: every later check gets the same error without reading the file again
            return None, exc

    @property
    def district(self) -> Any:
        """The district, read once; a district that cannot be read raises the same error on every use.

        >>> ctx = Context("L6", {"district": "nowhere/bad.yaml"})
        >>> for _ in range(2):
        ...     try:
        ...         ctx.district
        ...     except WorkbookError as exc:
        ...         print(str(exc).splitlines()[-1].strip())
        bad.yaml: file not found (looked in ...nowhere)
        bad.yaml: file not found (looked in ...nowhere)
        """
        district, error = self._district_or_error
        if error is not None:
            raise error.with_traceback(None)
        return district

    def __getitem__(self, name: str) -> Any:
        try:
            return self.params[name]
        except KeyError:
            raise WorkbookError(
                f"parameter {name!r} is not set for {self.principle}; "
                f"the notebook's parameters are {sorted(self.params)}"
            ) from None


@dataclass(frozen=True)
class Outcome:
    """The result of one check on one answer. ``reason`` never reveals the expected value."""

    exercise: str
    check: str
    points: float
    possible: float
    status: Literal["correct", "partial", "incorrect", "missing", "error"]
    reason: str
    visibility: Visibility = "public"

    @property
    def fraction(self) -> float:
        return self.points / self.possible if self.possible else 0.0


@dataclass(frozen=True)
class Check:
    """One scored comparison of a recorded answer with an expected value.

    Parameters
    ----------
    exercise
        The exercise id whose recorded answer is checked.
    name
        A short name shown in feedback ("five-year total").
    points
        Points for a full match.
    expected
        ``expected(context) -> value``.
    rtol, atol
        Relative and absolute tolerance for numbers (and numeric table cells).
    partial
        ``((rtol, fraction), ...)``: looser bands that still earn a share of the points.
    select
        Optional ``select(answer) -> part`` to check one part of the answer.
    visibility
        ``"public"`` (the self-check uses it) or ``"hidden"`` (grader only).
    """

    exercise: str
    name: str
    points: float
    expected: Callable[[Context], Any]
    rtol: float = 1e-6
    atol: float = 0.0
    partial: tuple[tuple[float, float], ...] = ()
    select: Callable[[Any], Any] | None = None
    visibility: Visibility = "public"

    def run(self, answer: Any, context: Context, *, answered: bool = True) -> Outcome:
        """Score ``answer``; never raises, never reveals the expected value."""
        if not answered:
            return self._outcome(0.0, "missing", "no answer was recorded")
        try:
            value = self.select(answer) if self.select else answer
        except Exception as exc:  # noqa: BLE001 - a malformed answer is the candidate's, not ours
            return self._outcome(0.0, "incorrect", f"the answer has the wrong shape ({type(exc).__name__})")
        try:
            target = self.expected(context)
        except WorkbookError as exc:
            return self._outcome(0.0, "error", f"the expected value could not be computed: {exc}")
        fraction, reason = compare(value, target, rtol=self.rtol, atol=self.atol, partial=self.partial)
        status = "correct" if fraction >= 1 else "partial" if fraction > 0 else "incorrect"
        return self._outcome(self.points * fraction, status, reason)

    def _outcome(self, points: float, status: Any, reason: str) -> Outcome:
        return Outcome(self.exercise, self.name, points, self.points, status, reason, self.visibility)


@dataclass(frozen=True)
class Exercise:
    """An exercise: an id the notebook's ``answer()`` uses, a title, a hint and its public checks."""

    id: str
    title: str
    checks: tuple[Check, ...]
    hint: str = ""

    @property
    def points(self) -> float:
        return sum(c.points for c in self.checks)


@dataclass(frozen=True)
class Level:
    name: str
    points: float
    description: str


@dataclass(frozen=True)
class Criterion:
    name: str
    description: str
    levels: tuple[Level, ...]

    @property
    def points(self) -> float:
        return max(level.points for level in self.levels)


@dataclass(frozen=True)
class Reflection:
    """A reflection prompt and the criteria an instructor scores it by."""

    id: str
    prompt: str
    criteria: tuple[Criterion, ...]
    min_words: int = 150

    @property
    def points(self) -> float:
        return sum(c.points for c in self.criteria)


@dataclass(frozen=True)
class Rubric:
    """Everything the grader needs to score one principle's notebook."""

    principle: str
    notebook: str
    exercises: tuple[Exercise, ...]
    reflections: tuple[Reflection, ...] = ()
    hidden: tuple[Check, ...] = field(default=())

    def exercise(self, exercise_id: str) -> Exercise:
        for ex in self.exercises:
            if ex.id == exercise_id:
                return ex
        raise InputError("exercise_id", exercise_id, "one of " + ", ".join(e.id for e in self.exercises))

    def checks(self, *, include_hidden: bool = True) -> list[Check]:
        out = [c for ex in self.exercises for c in ex.checks]
        if include_hidden:
            out += list(self.hidden)
        return out

    @property
    def exercise_points(self) -> float:
        return sum(c.points for c in self.checks())

    @property
    def reflection_points(self) -> float:
        return sum(r.points for r in self.reflections)


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
        return 0.0, "does not match" + (f" within {_pct(max(b for b, _ in partial))}" if partial else "")
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
        return _share([compare(a, b, rtol=rtol, atol=atol)[0] for a, b in zip(items, expected_list)], bool(partial))
    return (1.0, "matches") if value == expected else (0.0, "does not match")


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


# --------------------------------------------------------------------------- loading


def _module_from(path: Path, name: str) -> Any:
    spec = importlib.util.spec_from_file_location(name, path)
    if spec is None or spec.loader is None:  # pragma: no cover - a .py file always has a loader
        raise WorkbookError(f"cannot load rubric file {path}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _rubric_folder(folder: str | Path | None) -> Path:
    if folder is not None:
        return Path(folder)
    env = os.environ.get("CTO_WORKBOOK_EXERCISES")
    if env:
        return Path(env)
    from workbook.paths import exercises_dir

    return exercises_dir()


def load_rubric(principle: str, *, folder: str | Path | None = None, hidden: bool = False) -> Rubric:
    """Load a principle's rubric: its public checks, plus hidden ones when ``hidden``.

    ``folder`` defaults to ``$CTO_WORKBOOK_EXERCISES`` or the package's ``exercises/``.
    Hidden checks come from ``<folder>/hidden/<ID>.py`` and are loaded only when
    asked for: the grader does, the in-kernel self-check never does.
    """
    pid = principle.upper()
    base = _rubric_folder(folder)
    path = base / f"{pid}.py"
    if not path.is_file():
        raise WorkbookError(f"no rubric for principle {pid!r}: {path} does not exist")
    rubric: Rubric = _module_from(path, f"_workbook_rubric_{pid}").RUBRIC
    if hidden:
        from dataclasses import replace

        rubric = replace(rubric, hidden=tuple(load_hidden_checks(pid, folder=base)))
    return rubric


def load_hidden_checks(principle: str, *, folder: str | Path | None = None) -> list[Check]:
    """The hidden checks of a principle (an empty list when it has none)."""
    path = _rubric_folder(folder) / "hidden" / f"{principle.upper()}.py"
    if not path.is_file():
        return []
    checks = list(_module_from(path, f"_workbook_hidden_{principle.upper()}").HIDDEN)
    return [c if c.visibility == "hidden" else _as_hidden(c) for c in checks]


def _as_hidden(check: Check) -> Check:
    from dataclasses import replace

    return replace(check, visibility="hidden")


def score_answers(
    rubric: Rubric,
    answers: Mapping[str, Any],
    context: Context,
    *,
    include_hidden: bool = True,
) -> list[Outcome]:
    """Score every check of ``rubric`` against ``answers`` (exercise id -> value)."""
    return [
        check.run(answers.get(check.exercise), context, answered=check.exercise in answers)
        for check in rubric.checks(include_hidden=include_hidden)
    ]
