"""``workbook grade SUBMISSIONS``: grade a cohort into the gradebook.

::

    workbook grade submissions/ --roster roster.csv            # every core, resumes
    workbook grade submissions/                                # the roster stored by `workbook cohort init`
    workbook grade submissions/ --only L6 --regrade ana-reyes   # one notebook, redo one candidate
    workbook grade submissions/ --dask-scheduler tcp://10.0.0.5:8786

Submissions are found by ``--layout`` (default ``{candidate}/{notebook}.ipynb``).
The roster and every district it names are checked before any kernel starts.
Each submission is run in a sandboxed kernel with that candidate's parameters
and scored in this process; the gradebook (SQLite) gets one transaction per
result, with the parameters it was graded with, so an interrupted run picks up
where it stopped. A stored result is replaced only by a changed submission or
rubric, or by ``--regrade``/``--no-resume``; the earlier one stays in the
gradebook's history. Exporting is ``workbook gradebook export``: it never grades.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from pathlib import Path
from typing import Any

from workbook.commands.roster_args import add_roster_options, resolve_roster
from workbook.errors import WorkbookError
from workbook.grading.execute import Limits
from workbook.grading.gradebook import Gradebook
from workbook.grading.layout import DEFAULT_FORMAT, stray_entries
from workbook.grading.report import summary_table
from workbook.grading.runner import grade_cohort, plan_jobs, prepare_workers
from workbook.grading.warm import KERNEL_NAME, WarmKernelPool

__all__ = ["register", "run"]


def register(subparsers: Any, name: str, help_text: str) -> argparse.ArgumentParser:
    """Add the ``grade`` subcommand."""

    p = subparsers.add_parser(name, help=help_text, description=help_text)

    p.add_argument("submissions", help="the folder of submissions")
    add_roster_options(p, no_roster=True)
    p.add_argument("--layout", default=DEFAULT_FORMAT, help=f"path format of a submission (default: {DEFAULT_FORMAT})")
    p.add_argument("--notebooks", help="instructor notebooks (default: the workbook's notebooks/)")
    p.add_argument("--exercises", help="rubric folder with hidden/ (default: the workbook's exercises/)")
    p.add_argument("--public-only", action="store_true",
                   help="grade with the public checks only when the hidden checks are not at hand; every "
                        "result is marked public-only in the gradebook and the feedback")
    p.add_argument("--gradebook", default="grades/gradebook.sqlite", help="SQLite gradebook (default: grades/gradebook.sqlite)")
    p.add_argument("--only", action="append", default=[], metavar="ID", help="grade only this principle (repeatable)")
    p.add_argument("--workers", type=int, help="processes (default: all cores)")
    p.add_argument("--dask-scheduler", metavar="ADDRESS", help="run on a Dask cluster (e.g. tcp://host:8786)")
    p.add_argument("--regrade", action="append", default=[], metavar="CANDIDATE", help="grade this candidate again (repeatable)")
    p.add_argument("--no-resume", dest="resume", action="store_false", help="grade everything again")
    p.add_argument("--cell-timeout", type=float, default=60.0, help="seconds per cell (default 60)")
    p.add_argument("--notebook-timeout", type=float, default=600.0, help="seconds per notebook (default 600)")
    p.add_argument("--memory-mb", type=float, default=2048.0, help="kernel memory limit in MB (default 2048)")
    p.add_argument(
        "--kernel", default="warm",
        help="'warm' (default): a fresh kernel per submission forked from a warm parent that has "
        "already imported pandas, matplotlib and the workbook (Linux); or a kernelspec name such as python3",
    )
    # Exporting moved to `workbook gradebook export`; these only say so, before anything is graded.
    p.add_argument("--export-csv", help=argparse.SUPPRESS)
    p.add_argument("--export-excel", help=argparse.SUPPRESS)
    p.add_argument("--no-progress", dest="progress", action="store_false", help="no progress bar")
    p.set_defaults(func=run)
    return p


def _kernel_and_pool(args: argparse.Namespace, console: Any) -> tuple[str, Any, int | None]:
    """The kernel name, the context that holds a warm parent (if any), and the worker count.

    Warm kernels spend most of a run waiting on the kernel, not on a core, so
    with them the default is two workers per core (measured in
    benchmarks/grading.py); plain kernels default to one per core.
    """
    if args.kernel != "warm":
        return args.kernel, contextlib.nullcontext(), args.workers
    if args.dask_scheduler:  # each Dask worker starts and owns its warm parent (workbook.grading.dask_warm)
        return KERNEL_NAME, contextlib.nullcontext(), args.workers
    if not (hasattr(os, "fork") and hasattr(os, "pidfd_open")):
        console.print("[yellow]note:[/yellow] warm kernels need Linux; using plain python3 kernels", highlight=False)
        return "python3", contextlib.nullcontext(), args.workers

    return KERNEL_NAME, WarmKernelPool(), args.workers or 2 * (os.cpu_count() or 1)


def run(args: argparse.Namespace) -> int:
    """Check, plan, grade, record, print the table; 0 when every planned submission has a result."""
    from rich.console import Console

    if args.export_csv or args.export_excel:
        wanted = " ".join(f"--{k} {v}" for k, v in (("csv", args.export_csv), ("excel", args.export_excel)) if v)
        raise WorkbookError(f"grading does not export: run `workbook gradebook export {wanted}` "
                            "(it reads the gradebook and grades nothing)")
    console = Console(stderr=False)
    roster = resolve_roster(args, command="grade")
    book = Path(args.gradebook)
    hide = [args.cohort_dir, book, Path(f"{book}-wal"), Path(f"{book}-shm")]
    limits = Limits(cell_timeout=args.cell_timeout, notebook_timeout=args.notebook_timeout, memory_mb=args.memory_mb)
    kernel, pool, workers = _kernel_and_pool(args, console)
    # The gradebook exists (0600, in a 0700 folder) before the plan and before any kernel starts.
    with Gradebook(book) as gradebook, contextlib.ExitStack() as early:
        if hasattr(pool, "launch"):  # the warm parent and the workers' fork server warm up while the run is planned
            early.callback(pool.stop)
            pool.launch()
        if args.dask_scheduler is None and (workers or 2) > 1:
            prepare_workers()
        for w in gradebook.warnings:
            console.print(f"[yellow]warning:[/yellow] {w}", highlight=False)
        jobs, warnings = plan_jobs(
            args.submissions, roster=roster.path, cohort_secret=roster.secret, notebooks=args.notebooks,
            exercises=args.exercises, layout=args.layout, only=args.only, limits=limits,
            kernel_name=kernel, hide=hide, public_only=args.public_only,
        )
        present = [j for j in jobs if Path(j.submission).is_file()]
        if roster.path is None:  # without a roster, a folder holding none of the notebooks is no candidate
            jobs = [j for j in jobs if j.candidate in {p.candidate for p in present}]
        who = f"the {len(roster.entries)} candidate(s) of {roster.path}" if roster.path else "any folder"
        if not present:
            raise WorkbookError(f"nothing to grade: no submission under {args.submissions} for {who} "
                                f"(layout {args.layout})")
        for w in warnings:
            console.print(f"[yellow]warning:[/yellow] {w}", highlight=False)
        strays = stray_entries(args.submissions, {j.candidate for j in jobs}, {Path(j.submission) for j in jobs})
        if strays:
            console.print(f"skipped (not graded): {', '.join(strays)}", highlight=False)
        with pool:
            summary = grade_cohort(
                jobs, gradebook, workers=workers, dask_scheduler=args.dask_scheduler, resume=args.resume,
                regrade=args.regrade, progress=args.progress and sys.stderr.isatty(), console=console,
            )
    console.print(summary_table(summary))
    counts = ", ".join(f"{n} {s}" for s, n in sorted(summary.counts().items())) or "nothing new"
    console.print(f"{counts}; {summary.skipped} unchanged; gradebook {book}", highlight=False)
    for candidate, notebook, why in summary.kept:
        console.print(f"[yellow]kept:[/yellow] {candidate} {notebook}: {why}; "
                      f"pass --regrade {candidate} to replace it (the earlier score stays in the history)",
                      highlight=False)
    return 1 if summary.kept else 0
