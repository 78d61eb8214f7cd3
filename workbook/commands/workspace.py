"""``workbook workspace``: your own copy of the candidate edition, with your parameters.

::

    workbook workspace --candidate ana-reyes --district sample-rural     # writes ./cto-workbook/
    workbook workspace --home ~ --candidate ana-reyes --district my-district.yaml --seed 42

Run it again whenever the workbook is updated: a notebook you have changed is
never overwritten; the new material lands beside it.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

__all__ = ["register", "run"]


def register(subparsers: Any, name: str, help_text: str) -> argparse.ArgumentParser:
    """Add the ``workspace`` subcommand to the ``workbook`` parser."""
    parser = subparsers.add_parser(name, help=help_text, description=help_text)
    parser.add_argument("--home", type=Path, default=Path("."),
                        help="the folder that holds your workspace, cto-workbook/ (default: this folder)")
    parser.add_argument("--candidate", required=True, help="your candidate id, e.g. ana-reyes")
    parser.add_argument("--district", default="sample-suburban",
                        help="a sample id (sample-rural, sample-suburban, sample-urban) or your district file")
    parser.add_argument("--seed", type=int, default=None,
                        help="the seed your instructor gave you (default: each notebook's own)")
    parser.set_defaults(func=run)
    return parser


def run(args: argparse.Namespace) -> int:
    """Prepare the workspace and say what happened to each notebook."""
    from workbook.cohort import WORKSPACE
    from workbook.workspace import prepare_workspace

    results = prepare_workspace(args.home, candidate=args.candidate, district=args.district, seed=args.seed)
    skipped = 0
    for r in results:
        line = f"{r.action:9} {r.path}" + (f"  ({r.detail})" if r.detail else "")
        if r.action == "skipped":
            skipped += 1
            print(line, file=sys.stderr)
        else:
            print(line)
    print(f"Your workspace: {(args.home / WORKSPACE).resolve()}")
    return 1 if skipped else 0
