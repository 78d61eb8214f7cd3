"""The ``workbook`` command: a thin layer over the library.

Each subcommand lives in ``workbook/commands/<name>.py`` and exposes
``register(subparsers)``; the module is imported only when needed, so
``workbook --help`` stays fast. Errors the user can fix (a
:class:`~workbook.errors.WorkbookError`) print as a message and exit 2,
never as a traceback.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence

from workbook import __version__
from workbook.errors import WorkbookError

# One line per subcommand: (name, module under workbook.commands, one-line help).
COMMANDS: list[tuple[str, str, str]] = [
    ("curriculum", "curriculum", "list the strands, principles and their notebooks"),
    ("districts", "districts", "sample districts, a blank template, and checking your own file"),
    ("workspace", "workspace", "your own workspace: the candidate edition with your parameters, never overwriting your work"),
    ("cohort", "cohort", "the cohort hub: import the roster, hand notebooks out, collect submissions"),
    ("portfolio", "portfolio", "build a candidate's offline portfolio site, or slides for an oral presentation"),
    ("notebooks", "notebooks", "write each notebook's .ipynb from its MyST Markdown source (.md), or check they agree"),
    ("release", "release", "write the candidate edition: placeholders for solutions, no outputs, public rubrics only"),
    ("grade", "grade", "grade a cohort's submissions in sandboxed kernels into the SQLite gradebook"),
    ("gradebook", "gradebook", "read the gradebook: the grade table, CSV/Excel/Canvas exports, replaced results"),
    ("review", "review", "after grading: feedback pages, reflection scores (CSV or widget), similarity report"),
]


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="workbook",
        description="CTO Workbook: notebooks, calculators, grading and portfolios "
        "for the CETPA CTO Mentor program.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, module, help_text in COMMANDS:
        if only is None or only == name:
            mod = importlib.import_module(f"workbook.commands.{module}")
            mod.register(sub, name, help_text)
        else:
            sub.add_parser(name, help=help_text)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    first = next((a for a in args_list if not a.startswith("-")), None)
    known = {name for name, _, _ in COMMANDS}
    parser = build_parser(first if first in known else None)
    args = parser.parse_args(args_list)
    if not getattr(args, "func", None):
        parser.print_help()
        return 0
    try:
        result = args.func(args)
    except WorkbookError as exc:
        print(f"workbook {args.command}: {exc}", file=sys.stderr)
        return 2
    except FileNotFoundError as exc:
        print(f"workbook {args.command}: file not found: {exc.filename}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:  # `workbook ... | head` closed the pipe: stop quietly, as other commands do
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 141
    return int(result or 0)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
