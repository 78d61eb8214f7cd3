"""Plan a cohort's grading: one :class:`Job` per candidate and notebook, and what to hide from kernels.

:func:`plan_jobs` pairs each released template with each candidate's
submission (by the layout's path format) and that candidate's parameters
(from the roster and the cohort secret); :func:`safe_hide` keeps only the
paths a kernel can be kept from without failing to start. The jobs are plain
data that cross process boundaries to :func:`workbook.grading.runner.grade_one`.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import workbook
from workbook.errors import InputError, WorkbookError
from workbook.grading.execute import Limits
from workbook.grading.hidden import HiddenChecksMissing, missing_hidden_checks
from workbook.grading.layout import DEFAULT_FORMAT, candidates_in, find_submission

__all__ = ["Job", "plan_jobs", "safe_hide"]


@dataclass(frozen=True)
class Job:
    """Everything a worker needs to grade one submission (plain data: it crosses processes)."""

    candidate: str
    principle: str
    notebook: str
    submission: str
    template: str
    exercises: str
    params: dict[str, Any]
    hide: tuple[str, ...] = ()
    limits: Limits = field(default_factory=Limits)
    kernel_name: str = "python3"
    sandbox: bool = True
    public_only: bool = False


def _needed_by_kernel() -> list[Path]:
    import tempfile

    return [Path(p).resolve() for p in (sys.prefix, sys.base_prefix, Path(workbook.__file__).parent, tempfile.gettempdir())]


def safe_hide(paths: Iterable[str | Path]) -> tuple[list[str], list[str]]:
    """The paths that can be hidden from the kernel, and warnings for those that cannot.

    A folder that holds the Python installation, the workbook package or the
    temporary folder cannot be hidden (the kernel would not start).
    """
    needed = _needed_by_kernel()
    keep: list[str] = []
    warnings: list[str] = []
    for raw in paths:
        p = Path(raw).resolve()
        if not p.exists():
            continue
        if any(p == n or p in n.parents for n in needed):
            warnings.append(f"{p} holds what the kernel needs to run, so it cannot be hidden from it: keep submissions, rosters and gradebooks elsewhere")
            continue
        keep.append(str(p))
    return sorted(set(keep)), warnings


def _scored(principle: str, exercises: Path) -> bool:
    """Whether a principle's rubric gives any points (the start notebook's practice gives none: never graded).

    >>> from workbook.paths import exercises_dir
    >>> _scored("L6", exercises_dir()), _scored("START", exercises_dir())
    (True, False)
    """
    from workbook.rubric import load_rubric

    return load_rubric(principle, folder=exercises).exercise_points > 0


def plan_jobs(
    submissions: str | Path,
    *,
    roster: str | Path | None = None,
    cohort_secret: str | None = None,
    notebooks: str | Path | None = None,
    exercises: str | Path | None = None,
    layout: str = DEFAULT_FORMAT,
    only: Sequence[str] = (),
    limits: Limits | None = None,
    kernel_name: str = "python3",
    hide: Sequence[str | Path] = (),
    sandbox: bool = True,
    public_only: bool = False,
) -> tuple[list[Job], list[str]]:
    """One job per candidate and notebook, and warnings about the plan.

    Candidates come from the roster (with :func:`workbook.roster.candidate_parameters`,
    so grading uses the same seed as the hand-out) or, without a roster, from the
    folder names under ``submissions``. A notebook whose rubric gives no points
    (the start notebook) is never graded. Every principle graded needs its hidden
    checks (``<exercises>/hidden/<ID>.py``; an empty ``HIDDEN`` when it has none):
    without them planning stops with :class:`HiddenChecksMissing`, unless
    ``public_only``, which marks every result as graded with public checks only.
    """
    from workbook.grading.release import course_notebooks

    root = Path(submissions)
    if not root.is_dir():
        raise InputError("submissions", str(submissions), "an existing folder of submissions")
    course = course_notebooks(notebooks, exercises)  # pid -> (template, its notebooks folder, its rubrics folder)
    templates = {pid: c[0] for pid, c in course.items()}
    if only:
        wanted = {o.upper() for o in only}
        unknown = wanted - set(templates)
        if unknown:
            raise InputError("only", sorted(unknown), "principles with a notebook: " + ", ".join(sorted(templates)))
        templates = {k: v for k, v in templates.items() if k in wanted}
    rubrics = {k: course[k][2].resolve() for k in templates if (course[k][2] / f"{k}.py").is_file() and _scored(k, course[k][2].resolve())}
    templates = {k: v for k, v in templates.items() if k in rubrics}
    if not templates:
        raise WorkbookError("no notebook under " + ", ".join(sorted({str(c[1]) for c in course.values()}) or [str(notebooks)])
                            + " has a rubric in " + ", ".join(sorted({str(c[2]) for c in course.values()}) or [str(exercises)]))
    for ex_dir in sorted(set(rubrics.values())):
        absent = missing_hidden_checks(ex_dir, [k for k, d in rubrics.items() if d == ex_dir])
        if absent and not public_only:
            raise HiddenChecksMissing(ex_dir, absent)
    warnings: list[str] = []
    if roster is not None:
        from workbook.roster import candidate_parameters, read_roster

        if not cohort_secret:
            raise InputError("cohort_secret", cohort_secret, "the cohort's secret (the cohort folder's secret file or $WORKBOOK_COHORT_SECRET) to derive the seeds")
        people = [(e.candidate, candidate_parameters(e, cohort_secret)) for e in read_roster(roster)]
    else:
        people = [(c, {"candidate": c}) for c in candidates_in(root, layout)]
        warnings.append("no roster: every folder is a candidate, run with the notebooks' default district and seed")
    secret_files = [roster] if roster else []
    folders = [*(d / "hidden" for d in set(rubrics.values())), *{course[k][1] for k in templates}]
    hidden, hide_warnings = safe_hide([*folders, root, *secret_files, *hide])
    warnings += hide_warnings
    jobs = [
        Job(candidate, pid, tpl.stem, str(find_submission(root, candidate, tpl.stem, layout)), str(tpl), str(rubrics[pid]),
            params, tuple(hidden), limits or Limits(), kernel_name, sandbox, public_only)
        for candidate, params in people
        for pid, tpl in sorted(templates.items())
    ]
    return jobs, warnings
