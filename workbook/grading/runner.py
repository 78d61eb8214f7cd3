"""Grade a cohort: plan the jobs, run them on every core or on Dask, record each result.

:func:`grade_one` is the whole pipeline for one submission (read, restore,
execute, extract, score) and never raises: whatever goes wrong becomes a
status and a reason. :func:`grade_cohort` skips what the gradebook already
holds for the same submission, rubric and parameters, runs the rest in a
process pool (``workers``, all cores by default) or on a Dask cluster
(``dask_scheduler``: an address, or a ``distributed.Client``), and writes each
result in its own transaction as soon as it arrives.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from workbook.errors import InputError
from workbook.grading.execute import execute_notebook
from workbook.grading.gradebook import Gradebook, Result
from workbook.grading.hidden import PUBLIC_ONLY, PUBLIC_ONLY_NOTE, HiddenChecksMissing, missing_hidden_checks
from workbook.grading.plan import Job, plan_jobs, safe_hide
from workbook.grading.reader import read_submission
from workbook.grading.report import answer_payloads, params_change
from workbook.grading.score import notebook_defaults, rubric_fingerprint, score_submission
from workbook.rubric import load_rubric

__all__ = ["Job", "Summary", "prepare_workers", "HiddenChecksMissing", "missing_hidden_checks", "PUBLIC_ONLY", "PUBLIC_ONLY_NOTE", "plan_jobs", "grade_one", "grade_cohort", "params_hash", "file_sha256", "safe_hide"]


@dataclass
class Summary:
    """What a run did: the new results, how many were unchanged, and the results it kept.

    ``kept`` lists ``(candidate, notebook, why)`` for stored results that were
    graded with other parameters and were not replaced, because no regrade was
    asked for.
    """

    results: list[Result] = field(default_factory=list)
    skipped: int = 0
    kept: list[tuple[str, str, str]] = field(default_factory=list)

    def counts(self) -> dict[str, int]:
        out: dict[str, int] = {}
        for r in self.results:
            out[r.status] = out.get(r.status, 0) + 1
        return out


def params_hash(params: dict[str, Any]) -> str:
    """A short, stable hash of a parameter dict.

    >>> params_hash({"seed": 1, "candidate": "a"}) == params_hash({"candidate": "a", "seed": 1})
    True
    """
    return hashlib.sha256(json.dumps(params, sort_keys=True, default=str).encode()).hexdigest()[:16]


def file_sha256(path: str | Path) -> str | None:
    p = Path(path)
    if not p.is_file():
        return None
    digest = hashlib.sha256()
    with p.open("rb") as fh:
        for block in iter(lambda: fh.read(2**20), b""):
            digest.update(block)
    return digest.hexdigest()


def _rubric_version(job: Job) -> str:
    return rubric_fingerprint(job.principle, job.exercises, Path(job.template).read_bytes())


@functools.lru_cache(maxsize=32)
def _released(template: str, stamp: tuple[int, int]) -> Any:
    """The released template, read and released once per worker while the file is unchanged (``stamp``).

    Read-only for callers: :func:`restore_submission` works on a copy.
    """
    import nbformat

    from workbook.grading.release import release_notebook

    return release_notebook(nbformat.read(template, as_version=4))


@functools.lru_cache(maxsize=32)
def _rubric(principle: str, folder: str, hidden: bool, version: str) -> Any:
    """The rubric, loaded once per worker for each rubric version (its fingerprint)."""
    return load_rubric(principle, folder=folder, hidden=hidden)


def grade_one(job: Job) -> Result:
    """Grade one submission; never raises."""
    start = time.perf_counter()
    base = Result(job.candidate, job.notebook, job.principle, "crashed", params_hash=params_hash(job.params))
    try:
        result = _grade(job, base)
    except Exception as exc:  # noqa: BLE001 - one bad submission or rubric must not stop the cohort
        base.status = "crashed"
        base.reason = f"the grader failed on this submission: {type(exc).__name__}: {exc}"
        result = base
    result.seconds = round(time.perf_counter() - start, 3)
    return result


def _zero(rubric: Any, params: dict[str, Any], reason: str) -> list[Any]:
    return score_submission(rubric, {}, params, problems={e.id: reason for e in rubric.exercises} | {c.exercise: reason for c in rubric.hidden})


def _grade(job: Job, result: Result) -> Result:
    from workbook.grading.extract import extract_answers
    from workbook.grading.restore import restore_submission

    version = _rubric_version(job)
    result.rubric_version = version + (PUBLIC_ONLY if job.public_only else "")
    rubric = _rubric(job.principle, str(job.exercises), not job.public_only, version)
    if job.public_only:
        result.warnings.append(PUBLIC_ONLY_NOTE)
    info = Path(job.template).stat()
    template = _released(str(job.template), (info.st_mtime_ns, info.st_size))
    params = notebook_defaults(template) | dict(job.params)
    result.params = dict(params)
    result.possible = float(rubric.exercise_points)

    read = read_submission(job.submission)
    result.submission_sha256 = read.sha256
    result.warnings += read.warnings
    if read.status != "ok":
        result.status, result.reason = read.status, read.reason
        if read.status == "missing":
            result.reason = f"not submitted ({read.reason})"
        outcomes = _zero(rubric, params, f"not graded: {result.reason}")
    else:
        restored = restore_submission(read.notebook, template)
        result.warnings += restored.warnings
        run = execute_notebook(
            restored.notebook, dict(job.params), limits=job.limits, hide=job.hide,
            exercises_dir=job.exercises, kernel_name=job.kernel_name, sandbox=job.sandbox,
        )
        result.warnings += run.warnings
        result.status = {"completed": "graded", "timeout": "timeout", "crashed": "crashed"}[run.status]
        result.reason = run.reason
        executed = run.notebook if run.notebook is not None else restored.notebook
        extraction = extract_answers(executed, [e.id for e in rubric.exercises])
        result.warnings += extraction.warnings
        problems = dict(extraction.problems)
        for key, note in restored.notes.items():
            if note == "deleted" and key in problems:
                problems[key] = "not answered: the exercise cell was deleted from the notebook (the released placeholder was run)"
        if run.status != "completed":
            for key, text in problems.items():
                if "did not run" in text:
                    problems[key] = f"no answer was recorded: the cell did not run ({run.reason})"
        outcomes = score_submission(rubric, extraction.answers, params, problems=problems, notes=restored.notes)
        result.answers = answer_payloads(extraction.answers)
        if result.status == "graded" and not extraction.answers and not result.reason:
            result.reason = "not started: no exercise was answered"
    result.outcomes = [
        {"exercise": o.exercise, "check_name": o.check, "points": float(o.points), "possible": float(o.possible),
         "status": o.status, "reason": o.reason, "visibility": o.visibility}
        for o in outcomes
    ]
    result.score = round(sum(o["points"] for o in result.outcomes), 6)
    result.possible = float(sum(o["possible"] for o in result.outcomes))
    return result


# --------------------------------------------------------------------------- running


def _die_with(grader: int) -> None:
    """In a pool worker: leave at once when the grader dies (even by ``kill -9``), or if it already has.

    A worker's parent is the grader, or the fork server, which in turn lives
    as long as any worker does: so the worker watches the grader itself (a
    pidfd, in a thread that only waits), and asks to be killed with its parent.
    """
    if sys.platform == "linux":
        import ctypes
        import select
        import signal
        import threading

        ctypes.CDLL(None, use_errno=True).prctl(1, ctypes.c_ulong(signal.SIGKILL), 0, 0, 0)  # PR_SET_PDEATHSIG
        try:
            pidfd = os.pidfd_open(grader)
        except ProcessLookupError:
            os._exit(1)

        def watch() -> None:
            select.select([pidfd], [], [])
            os._exit(1)

        threading.Thread(target=watch, name="watch-grader", daemon=True).start()
    elif os.getppid() != grader:
        os._exit(1)


def _worker_start(grader: int, environ: dict[str, str]) -> None:
    """In a pool worker: the grader's environment as it is now, then :func:`_die_with` the grader.

    The fork server outlives the pool (Python keeps one per process and reuses
    it), so it holds the environment of the first pool's time; a later pool
    in the same process (a test, a notebook) must not grade with that one.
    """
    os.environ.clear()
    os.environ.update(environ)
    _die_with(grader)


def _context() -> Any:
    import multiprocessing

    if "forkserver" in multiprocessing.get_all_start_methods():
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(["workbook.grading.pool_preload"])  # imported once, not once per worker
        return context
    return multiprocessing.get_context("spawn")


def prepare_workers() -> None:
    """Start the fork server the grading workers come from, and return at once.

    It imports the grader (about a second of CPU) while the caller plans the
    run, rather than when the first job is submitted. Harmless to call twice,
    or with no pool to follow.
    """
    if _context().get_start_method() == "forkserver":
        from multiprocessing import forkserver

        forkserver.ensure_running()


def _executor(workers: int) -> Any:
    """A process pool; on Linux its workers fork from a fork server that imported the grader once.

    The fork server is a single-threaded process started from scratch (never a
    fork of the caller), so workers inherit none of the caller's state but the
    environment, which each worker takes afresh from the grader when the pool starts.
    """
    from concurrent.futures import ProcessPoolExecutor

    return ProcessPoolExecutor(max_workers=workers, mp_context=_context(), initializer=_worker_start,
                               initargs=(os.getpid(), dict(os.environ)))


def _run_local(jobs: list[Job], workers: int, on_result: Callable[[Result], None]) -> None:
    from concurrent.futures import as_completed

    if workers == 1:
        for job in jobs:
            on_result(grade_one(job))
        return
    pool = _executor(workers)
    try:
        futures = [pool.submit(grade_one, job) for job in jobs]
        for fut in as_completed(futures):
            on_result(fut.result())
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _run_dask(jobs: list[Job], scheduler: Any, on_result: Callable[[Result], None]) -> None:
    from distributed import Client, as_completed

    from workbook.grading.warm import KERNEL_NAME

    client = scheduler if isinstance(scheduler, Client) else Client(scheduler)
    try:
        if any(job.kernel_name == KERNEL_NAME for job in jobs):
            from workbook.grading.dask_warm import WarmParentPlugin

            client.register_plugin(WarmParentPlugin())  # each worker starts (once) and owns its warm parent
        futures = client.map(grade_one, jobs, pure=False)
        for fut in as_completed(futures):
            on_result(fut.result())
    finally:
        if client is not scheduler:
            client.close()


def grade_cohort(
    jobs: Sequence[Job],
    gradebook: str | Path | Gradebook,
    *,
    workers: int | None = None,
    dask_scheduler: Any = None,
    resume: bool = True,
    regrade: Sequence[str] = (),
    progress: bool = True,
    console: Any = None,
) -> Summary:
    """Grade ``jobs`` and record each result in ``gradebook`` as it arrives.

    Parameters
    ----------
    workers
        Processes on this machine; all cores by default.
    dask_scheduler
        A Dask scheduler address (``tcp://host:8786``) or a ``distributed.Client``:
        run the jobs there instead. Its workers need the workbook installed and the
        same paths (a shared file system). With warm kernels, each worker starts
        and keeps a warm parent of its own (:mod:`workbook.grading.dask_warm`).
    resume
        Skip submissions whose hash, rubric and parameters have not changed.
    regrade
        Candidates to grade again whatever the gradebook holds.

    A stored result is replaced (and moved to the gradebook's history) only
    when its submission or rubric changed, or when a regrade was asked for
    (``regrade``, ``resume=False``). A result graded with other parameters is
    kept and listed in :attr:`Summary.kept`: a command line without the
    roster never overwrites a candidate's grade with the notebook's defaults.
    """
    if workers is not None and (not isinstance(workers, int) or isinstance(workers, bool) or workers < 1):
        raise InputError("workers", workers, "a whole number of processes, 1 or more")
    workers = workers or os.cpu_count() or 1
    book = gradebook if isinstance(gradebook, Gradebook) else Gradebook(gradebook)
    summary = Summary()
    try:
        again = set(regrade)
        todo: list[Job] = []
        versions: dict[tuple[str, str, bool], str] = {}
        for job in jobs:
            key = (job.principle, job.template, job.public_only)
            if key not in versions:
                versions[key] = _rubric_version(job) + (PUBLIC_ONLY if job.public_only else "")
            asked = not resume or job.candidate in again
            if not asked and book.is_current(job.candidate, job.notebook, file_sha256(job.submission), versions[key], params_hash(job.params)):
                summary.skipped += 1
                continue
            stored = book.result(job.candidate, job.notebook)
            if not asked and stored is not None and stored["params_hash"] != params_hash(job.params):
                summary.kept.append((job.candidate, job.notebook, params_change(stored["params"], job.params)))
                continue
            todo.append(job)
        bar = _progress(progress, console, len(todo))

        def on_result(result: Result) -> None:
            book.record(result)
            summary.results.append(result)
            if bar is not None:
                bar[0].advance(bar[1])

        try:
            if bar is not None:
                bar[0].start()
            if dask_scheduler is not None:
                _run_dask(todo, dask_scheduler, on_result)
            else:
                _run_local(todo, min(workers, max(1, len(todo))), on_result)
        finally:
            if bar is not None:
                bar[0].stop()
    finally:
        if not isinstance(gradebook, Gradebook):
            book.close()
    return summary


def _progress(enabled: bool, console: Any, total: int) -> tuple[Any, Any] | None:
    if not enabled or total == 0:
        return None
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    bar = Progress(TextColumn("grading"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(), console=console)
    return bar, bar.add_task("grading", total=total)
