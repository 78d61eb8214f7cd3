"""``workbook gradebook``: read the gradebook: the grade table, exports, the history of replaced results.

::

    workbook gradebook show                                   # the grade table, a reason on every row short of full marks
    workbook gradebook export --excel grades.xlsx              # for the business office
    workbook gradebook export --csv grades.csv --canvas canvas.csv
    workbook gradebook history --candidate ana-reyes           # scores that a regrade replaced

Nothing here grades: every subcommand only reads the gradebook that
``workbook grade`` wrote (``--gradebook``, default ``grades/gradebook.sqlite``).
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from workbook.errors import WorkbookError
from workbook.grading.gradebook import Gradebook
from workbook.grading.lms import write_canvas_csv
from workbook.grading.report import grade_table, table_rows

__all__ = ["register"]

_GRADEBOOK = "grades/gradebook.sqlite"


def register(subparsers: Any, name: str, help_text: str) -> argparse.ArgumentParser:
    """Add ``gradebook`` with ``show``, ``export`` and ``history``."""
    p = subparsers.add_parser(name, help=help_text, description=help_text)
    sub = p.add_subparsers(dest="gradebook_command", metavar="ACTION", required=True)

    show = sub.add_parser("show", help="the grade table: status, score and the reason on every row short of full marks")
    show.add_argument("--candidate", action="append", default=[], metavar="ID", help="only this candidate (repeatable)")
    show.set_defaults(func=_show)

    ex = sub.add_parser("export", help="write the gradebook as CSV, Excel or a Canvas gradebook import (grades nothing)")
    ex.add_argument("--csv", type=Path, help="one row per candidate and notebook, with district and seed")
    ex.add_argument("--excel", type=Path, help="an Excel workbook: summary and checks sheets")
    ex.add_argument("--canvas", type=Path, help="Canvas's gradebook import CSV: one column per principle, "
                    "a Points Possible row; SIS User ID is the candidate id, SIS Login ID the email")
    ex.add_argument("--roster", type=Path, help="roster CSV for names, emails and sections in --canvas "
                    "(default: the roster stored in the cohort folder)")
    ex.add_argument("--cohort-dir", default="cohort", type=Path, help="the cohort folder (default: cohort/)")
    ex.set_defaults(func=_export)

    hist = sub.add_parser("history", help="earlier results that a regrade replaced")
    hist.add_argument("--candidate", metavar="ID", help="only this candidate")
    hist.set_defaults(func=_history)
    for q in (show, ex, hist):
        q.add_argument("--gradebook", default=_GRADEBOOK, type=Path, help=f"SQLite gradebook (default: {_GRADEBOOK})")
    return p


def _open(path: Path) -> Any:
    if not path.is_file():
        raise WorkbookError(f"no gradebook at {path}: run `workbook grade` first, or pass --gradebook")
    return Gradebook(path)


def _show(args: argparse.Namespace) -> int:
    from rich.console import Console

    with _open(args.gradebook) as book:
        rows = table_rows(book, args.candidate or None)
    if not rows:
        raise WorkbookError(f"the gradebook {args.gradebook} holds no results" + (" for those candidates" if args.candidate else ""))
    Console().print(grade_table(rows, title=f"Gradebook {args.gradebook}"))
    return 0


def _export(args: argparse.Namespace) -> int:
    from workbook.cohort.settings import stored_roster
    from workbook.roster import read_roster

    if not (args.csv or args.excel or args.canvas):
        raise WorkbookError("nothing to export: pass --csv FILE, --excel FILE and/or --canvas FILE")
    with _open(args.gradebook) as book:
        if not book.results():
            raise WorkbookError(f"the gradebook {args.gradebook} holds no results to export")
        if args.csv:
            print(f"wrote {book.export_csv(args.csv)}")
        if args.excel:
            print(f"wrote {book.export_excel(args.excel)}")
        if args.canvas:
            roster = args.roster or stored_roster(args.cohort_dir)
            entries = read_roster(roster) if roster else []
            print(f"wrote {write_canvas_csv(book, args.canvas, entries)} (Canvas: Grades > Import)"
                  + ("" if entries else "; no roster, so no names or emails: SIS User ID is the candidate id"))
    return 0


def _history(args: argparse.Namespace) -> int:
    with _open(args.gradebook) as book:
        rows = book.history(args.candidate)
    if not rows:
        print("no result has been replaced")
        return 0
    for h in rows:
        params = ", ".join(f"{k} {v}" for k, v in h["params"].items() if k in ("district", "seed")) or "parameters not stored"
        print(f"{h['candidate']} {h['notebook']}: {h['score']:g} / {h['possible']:g} ({h['status']}), "
              f"graded {h['graded_at']} with {params}; replaced {h['replaced_at']}")
    return 0
