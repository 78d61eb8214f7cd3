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

import copy
import functools
import importlib.util
import inspect
import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any, Literal

from workbook.compare import compare
from workbook.errors import InputError, WorkbookError
from workbook.paths import exercises_dirs
from workbook.principles import include_extra_roots

__all__ = [
    "Context",
    "derived",
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

    @cached_property
    def _derived(self) -> dict[tuple[Any, ...], Any]:
        """What :func:`derived` helpers computed for this context."""
        return {}

    def __getitem__(self, name: str) -> Any:
        try:
            return self.params[name]
        except KeyError:
            raise WorkbookError(
                f"parameter {name!r} is not set for {self.principle}; "
                f"the notebook's parameters are {sorted(self.params)}"
            ) from None


def derived(helper: Callable[..., Any]) -> Callable[..., Any]:
    """A rubric helper ``helper(context, *args)`` computed once per context, a fresh copy on every call.

    Several checks (and the self-check of several exercises) often start from
    the same table: decorated, it is built once for a context (one notebook's
    parameters) whichever checks ask for it, and in whichever module the
    rubric file was loaded (the hidden checks load the public rubric again).
    Each caller gets a deep copy, so no check can change what another sees.
    Errors are not kept: each call raises again.

    Examples
    --------
    >>> calls = []
    >>> @derived
    ... def table(ctx, subject):
    ...     calls.append(subject)
    ...     return [ctx["seed"], subject]
    >>> ctx = Context("L6", {"seed": 3})
    >>> table(ctx, "ela").append("changed")
    >>> table(ctx, "ela"), table(ctx, "math"), calls
    ([3, 'ela'], [3, 'math'], ['ela', 'math'])
    >>> table(ctx, subject="ela"), calls
    ([3, 'ela'], ['ela', 'math'])
    >>> table(Context("L6", {"seed": 4}), "ela"), calls
    ([4, 'ela'], ['ela', 'math', 'ela'])

    A test can give a context the value of an edge case no seed produces:

    >>> other = Context("L6", {"seed": 5})
    >>> table.provide(other, ["given"], "ela")
    >>> table(other, "ela")
    ['given']
    """
    code = helper.__code__
    where = (code.co_filename, code.co_firstlineno, helper.__qualname__)
    signature = inspect.signature(helper)

    def key(context: Context, args: tuple[Any, ...], kwargs: dict[str, Any]) -> tuple[Any, ...]:
        bound = signature.bind(context, *args, **kwargs)
        bound.apply_defaults()
        return (where, bound.args[1:], tuple(sorted(bound.kwargs.items())))

    @functools.wraps(helper)
    def once(context: Context, *args: Any, **kwargs: Any) -> Any:
        memo, at = context._derived, key(context, args, kwargs)
        if at not in memo:
            memo[at] = helper(context, *args, **kwargs)
        return copy.deepcopy(memo[at])

    def provide(context: Context, value: Any, *args: Any, **kwargs: Any) -> None:
        """Give ``context`` this helper's value (a test's edge case: a table no seed produces)."""
        context._derived[key(context, args, kwargs)] = value

    once.provide = provide  # type: ignore[attr-defined]
    return once


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


# --------------------------------------------------------------------------- loading


def _module_from(path: Path, name: str) -> Any:
    include_extra_roots()  # a rubric imports its principle's package, which may live in an extra root
    spec = importlib.util.spec_from_file_location(name, path)
    if spec is None or spec.loader is None:  # pragma: no cover - a .py file always has a loader
        raise WorkbookError(f"cannot load rubric file {path}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _rubric_folder(folder: str | Path | None, principle: str = "") -> Path:
    """``folder``; else the first of ``$CTO_WORKBOOK_EXERCISES`` (or the workbook's
    ``exercises/``) and the extra roots' ``exercises/`` that has the principle's rubric."""
    if folder is not None:
        return Path(folder)
    env = os.environ.get("CTO_WORKBOOK_EXERCISES")
    candidates = exercises_dirs()
    if env:
        candidates[0] = Path(env)
    return next((c for c in candidates if (c / f"{principle.upper()}.py").is_file()), candidates[0])


def load_rubric(principle: str, *, folder: str | Path | None = None, hidden: bool = False) -> Rubric:
    """Load a principle's rubric: its public checks, plus hidden ones when ``hidden``.

    ``folder`` defaults to ``$CTO_WORKBOOK_EXERCISES`` or the package's ``exercises/``,
    then the ``exercises/`` of the extra roots (``$CTO_WORKBOOK_PATH``), whichever has it.
    Hidden checks come from ``<folder>/hidden/<ID>.py`` and are loaded only when
    asked for: the grader does, the in-kernel self-check never does.
    """
    pid = principle.upper()
    base = _rubric_folder(folder, pid)
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
    path = _rubric_folder(folder, principle) / "hidden" / f"{principle.upper()}.py"
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
