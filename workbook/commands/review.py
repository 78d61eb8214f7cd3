"""``workbook review``: after grading, feedback pages, reflection scores and a similarity report.

::

    workbook review feedback submissions/ -o feedback/                                # one page per candidate and notebook
    workbook review feedback submissions/ -o feedback/ --publish-answers              # with the expected values
    workbook review reflections export --submissions submissions/ -o scores.csv       # a sheet to fill in
    workbook review reflections import scores.csv --grader dr-lee                     # all rows or nothing
    workbook review similarity submissions/ -o similarity/                            # pairs unusually alike
    workbook review dashboard -o dashboard/                                           # the cohort at a glance, item analysis
    workbook review dashboard -o dashboard-lee/ --mentor dr-lee                       # one mentor's mentees

Every subcommand reads the gradebook that ``workbook grade`` wrote
(``--gradebook``, default ``grades/gradebook.sqlite``). Reflections can also be
scored in JupyterLab with :func:`workbook.grading.reflection_widget.reflection_grader`.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from workbook.commands.roster_args import SECRET_HELP, resolve_roster
from workbook.errors import WorkbookError
from workbook.grading.dashboard import dashboard_data
from workbook.grading.dashboard_page import write_dashboard
from workbook.grading.gradebook import Gradebook
from workbook.grading.layout import DEFAULT_FORMAT
from workbook.rubric import load_rubric

__all__ = ["register"]

_GRADEBOOK = "grades/gradebook.sqlite"


def _common(p: argparse.ArgumentParser, *, layout: bool = True, gradebook: bool = True) -> None:
    if gradebook:
        p.add_argument("--gradebook", default=_GRADEBOOK, help=f"SQLite gradebook (default: {_GRADEBOOK})")
    p.add_argument("--notebooks", help="instructor notebooks (default: the workbook's notebooks/)")
    p.add_argument("--exercises", help="rubric folder (default: the workbook's exercises/)")
    if layout:
        p.add_argument("--layout", default=DEFAULT_FORMAT, help=f"path format of a submission (default: {DEFAULT_FORMAT})")


def register(subparsers: Any, name: str, help_text: str) -> argparse.ArgumentParser:
    """Add ``review`` with its subcommands ``feedback``, ``reflections export|import``, ``similarity`` and ``dashboard``."""
    p = subparsers.add_parser(name, help=help_text, description=help_text)
    sub = p.add_subparsers(dest="review_command", metavar="SUBCOMMAND", required=True)

    fb = sub.add_parser("feedback", help="write one static HTML feedback page per candidate and notebook")
    fb.add_argument("submissions", help="the folder of submissions")
    fb.add_argument("-o", "--out", default="feedback", help="output folder (default: feedback/): OUT/<candidate>/<notebook>.html")
    fb.add_argument("--roster", type=Path, help="roster CSV, checked up front; parameters come from the gradebook "
                    "(default: the roster stored in the cohort folder, if any)")
    fb.add_argument("--cohort-dir", default="cohort", type=Path, help=SECRET_HELP)
    fb.add_argument("--only", action="append", default=[], metavar="ID", help="only this principle (repeatable)")
    fb.add_argument("--candidate", action="append", default=[], metavar="ID", help="only this candidate (repeatable)")
    fb.add_argument("--publish-answers", action="store_true", help="show the expected values and hidden checks' details")
    _common(fb)
    fb.set_defaults(func=_feedback)

    rf = sub.add_parser("reflections", help="score reflections with the rubric: export a CSV sheet, import it filled in")
    rsub = rf.add_subparsers(dest="reflections_command", metavar="ACTION", required=True)
    ex = rsub.add_parser("export", help="write the scoring sheet: one row per candidate, reflection and criterion")
    ex.add_argument("--submissions", default="submissions", help="the folder of submissions (default: submissions/)")
    ex.add_argument("-o", "--out", default="reflection-scores.csv", help="the CSV to write (default: reflection-scores.csv)")
    _common(ex)
    ex.set_defaults(func=_export)
    im = rsub.add_parser("import", help="store a filled-in sheet in the gradebook (nothing is stored if any row is bad)")
    im.add_argument("csv", help="the filled-in scoring sheet")
    im.add_argument("--grader", required=True, help="your name or id, stored with every score")
    _common(im, layout=False)
    im.set_defaults(func=_import)

    sm = sub.add_parser("similarity", help="report pairs of candidates whose reflections or code are unusually alike")
    sm.add_argument("submissions", help="the folder of submissions")
    sm.add_argument("-o", "--out", default="similarity", help="output folder (default: similarity/)")
    sm.add_argument("--only", action="append", default=[], metavar="ID", help="only this principle (repeatable)")
    sm.add_argument("--z", type=float, default=3.5, help="robust z-score above the cohort to flag a pair (default 3.5)")
    sm.add_argument("--min-similarity", type=float, default=0.25, help="and at least this Jaccard similarity (default 0.25)")
    _common(sm, gradebook=False)
    sm.set_defaults(func=_similarity)

    db = sub.add_parser("dashboard", help="an offline HTML page: the cohort by principle, item analysis with the "
                                          "commonest wrong answers, score distributions, who has not submitted")
    db.add_argument("-o", "--out", default="dashboard", help="output folder (default: dashboard/): OUT/index.html")
    db.add_argument("--submissions", default="submissions", type=Path,
                    help="the folder of submissions, for the collection's late flags (default: submissions/)")
    db.add_argument("--roster", type=Path, help="roster CSV: who should have submitted, and mentors "
                    "(default: the roster stored in the cohort folder, if any)")
    db.add_argument("--cohort-dir", default="cohort", type=Path, help="the cohort folder (default: cohort/)")
    db.add_argument("--mentor", metavar="NAME", help="only this mentor's mentees (the roster's mentor column)")
    db.add_argument("--publish-answers", action="store_true",
                    help="also list the right answers the cohort gave (by default no expected value appears)")
    _common(db, layout=False)
    db.set_defaults(func=_dashboard)
    return p


def _read(args: argparse.Namespace, submissions: str, *, candidates: Any = None) -> list[Any]:
    """Every submission read once (never run); a bad file is kept with its reason, never fatal."""
    from workbook.grading.submission_texts import candidate_notebooks

    return candidate_notebooks(submissions, notebooks=args.notebooks, exercises=args.exercises,
                               layout=args.layout, only=getattr(args, "only", ()), candidates=candidates)


def _list_unreadable(items: list[Any]) -> None:
    from workbook.grading.submission_texts import unreadable

    bad = unreadable(items)
    if bad:
        print(f"{len(bad)} submission(s) could not be read; the rest were processed:")
        for line in bad:
            print(f"  {line}")


def _dashboard(args: argparse.Namespace) -> int:
    from workbook.cohort.preflight import check_roster
    from workbook.cohort.settings import stored_roster

    if not Path(args.gradebook).is_file():
        raise WorkbookError(f"no gradebook at {args.gradebook}: run `workbook grade` first, or pass --gradebook")
    roster = args.roster or stored_roster(args.cohort_dir)
    entries = check_roster(roster) if roster else []
    if args.mentor and not entries:
        raise WorkbookError("--mentor needs the roster (its mentor column): pass --roster or run `workbook cohort init`")
    with Gradebook(args.gradebook) as book:
        if not book.results():
            raise WorkbookError(f"the gradebook {args.gradebook} holds no results yet: run `workbook grade` first")
        data = dashboard_data(book, roster=entries, submissions=args.submissions, exercises=args.exercises,
                              mentor=args.mentor, publish_answers=args.publish_answers)
    page = write_dashboard(data, args.out)
    print(f"wrote {page}: {len(data.candidates)} candidate(s), {len(data.items)} exercise(s) analysed"
          + (f", mentees of {args.mentor}" if args.mentor else "")
          + (" (right answers published)" if args.publish_answers else ""))
    return 0


def _feedback(args: argparse.Namespace) -> int:
    from workbook.cohort.settings import stored_roster
    from workbook.grading.feedback import write_feedback

    roster, secret = None, None
    if args.roster or stored_roster(args.cohort_dir):
        choice = resolve_roster(args, command="review feedback")  # every problem of the roster, before any page
        roster, secret = choice.path, choice.secret
    items = _read(args, args.submissions, candidates=args.candidate or None)
    pages = write_feedback(
        args.submissions, args.out, gradebook=args.gradebook, roster=roster, cohort_secret=secret,
        notebooks=args.notebooks, exercises=args.exercises, layout=args.layout, only=args.only,
        candidates=args.candidate, publish_answers=args.publish_answers, items=items,
    )
    print(f"wrote {len(pages)} feedback page(s) under {args.out}" + (" (expected values published)" if args.publish_answers else ""))
    _list_unreadable(items)
    return 0


def _export(args: argparse.Namespace) -> int:
    from workbook.grading.reflection_csv import export_csv

    items = _read(args, args.submissions)
    with Gradebook(args.gradebook) as book:
        path = export_csv(book, args.submissions, args.out, notebooks=args.notebooks, exercises=args.exercises,
                          layout=args.layout, items=items)
    print(f"wrote {path}: fill in level (and optionally points and comment; #N reuses comment N), then "
          f"`workbook review reflections import {path} --grader NAME`")
    _list_unreadable(items)
    return 0


def _import(args: argparse.Namespace) -> int:
    from workbook.grading.reflection_csv import import_csv

    with Gradebook(args.gradebook) as book:
        stored = import_csv(book, args.csv, grader=args.grader, exercises=args.exercises)
    print(f"stored {len(stored)} score(s) from {args.csv} as {args.grader}")
    return 0


def _similarity(args: argparse.Namespace) -> int:
    from workbook.grading.similarity import collect_passages, compare_passages, write_report
    from workbook.grading.submission_texts import unreadable

    items = _read(args, args.submissions)
    rubrics = {pid: load_rubric(pid, folder=args.exercises) for pid in {i.principle for i in items}}
    passages = collect_passages(items, rubrics)
    pairs = compare_passages(passages, z_threshold=args.z, min_similarity=args.min_similarity)
    page, table = write_report(pairs, passages, args.out, unreadable=unreadable(items))
    flagged = sum(p.flagged for p in pairs)
    print(f"{len(pairs)} pairs compared, {flagged} flagged; wrote {page} and {table}")
    _list_unreadable(items)
    return 0
