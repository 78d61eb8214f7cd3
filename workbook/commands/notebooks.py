"""``workbook notebooks``: each notebook's MyST Markdown source and the ``.ipynb`` made from it.

::

    workbook notebooks build             # every source under notebooks/ (what `make notebooks` runs)
    workbook notebooks build notebooks/technology/T1-security-fundamentals.md
    workbook notebooks build --execute   # also re-run the notebooks to refresh checked outputs
    workbook notebooks check             # exit 1 and list what differs when a pair is out of sync
    workbook notebooks new E1            # the skeleton of a principle: source, package, rubric

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
    parser.add_argument("action", choices=("build", "check", "new"),
                        help="build: write each .ipynb from its .md; check: report pairs out of sync; "
                        "new: write the skeleton of a principle (source, package, rubric) and build it")
    parser.add_argument("sources", nargs="*", metavar="SOURCE",
                        help="build, check: MyST sources (.md), default every source under the workbook's notebooks/; "
                        "new: principle ids (E1 ...)")
    parser.add_argument("--execute", action="store_true", help="build: re-run each notebook to refresh the outputs nbval checks")
    parser.add_argument("--root", type=Path, help="new: write into this folder, laid out as a CTO_WORKBOOK_PATH root, "
                        "instead of the workbook's own folders")
    parser.set_defaults(func=run)
    return parser


def run(args: argparse.Namespace) -> int:
    """Build, check or scaffold; return the exit code (1 when ``check`` finds a difference)."""
    from workbook import sources
    from workbook.paths import notebooks_dir

    if args.action == "new":
        from workbook.scaffold import new_principle

        if not args.sources:
            print("workbook notebooks new: name at least one principle id (for example E1)", file=sys.stderr)
            return 2
        for pid in args.sources:
            written = new_principle(pid, args.root)
            for path in written:
                print(f"  wrote {path}")
            sources.build([written[0]])
            print(f"  wrote {sources.paired_notebook(written[0])}")
        return 0
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
