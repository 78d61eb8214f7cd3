"""``workbook notebooks``: generate each notebook's ``.ipynb`` from its MyST Markdown source.

::

    workbook notebooks build             # every source under notebooks/ (what `make notebooks` runs)
    workbook notebooks build notebooks/technology/T1-security-fundamentals.md
    workbook notebooks build --execute   # also re-run the notebooks to refresh checked outputs
    workbook notebooks check             # exit 1 and list what differs when a pair is out of sync

The ``.md`` is the source; the ``.ipynb`` is written from it (stable cell ids,
shared texts, outputs only where nbval checks them). See docs/authoring.md.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

__all__ = ["register", "run"]


def register(subparsers: Any, name: str, help_text: str) -> argparse.ArgumentParser:
    """Add the ``notebooks`` subcommand."""
    parser = subparsers.add_parser(name, help=help_text, description=help_text)
    parser.add_argument("action", choices=("build", "check"), help="build: write each .ipynb from its .md; check: report pairs out of sync")
    parser.add_argument("sources", nargs="*", help="MyST sources (.md); default: every source under the workbook's notebooks/")
    parser.add_argument("--execute", action="store_true", help="build: re-run each notebook to refresh the outputs nbval checks")
    parser.set_defaults(func=run)
    return parser


def run(args: argparse.Namespace) -> int:
    """Build or check; return the exit code (1 when ``check`` finds a difference)."""
    from workbook import sources
    from workbook.paths import notebooks_dir

    chosen = [Path(s) for s in args.sources] or sources.source_paths(notebooks_dir())
    for path in chosen:
        if path.suffix != ".md" or not path.is_file():
            print(f"workbook notebooks: source = {str(path)!r} is not allowed: expected an existing .md notebook source", file=sys.stderr)
            return 2
    if args.action == "check":
        found = [line for path in chosen for line in sources.differences(path)]
        for line in found:
            print(line)
        print(f"{len(chosen)} source(s) checked, {'all in sync' if not found else f'{len(found)} difference(s): run make notebooks'}")
        return 1 if found else 0
    written = sources.build(chosen, execute=args.execute)
    for path in written:
        print(f"  wrote {path}")
    print(f"{len(chosen)} source(s), {len(written)} file(s) written")
    return 0
