"""``workbook release``: write the candidate edition of every notebook.

::

    workbook release                    # into release/
    workbook release --out handout/     # elsewhere

Solution cells get a placeholder, outputs are cleared, instructor cells are
removed; the public rubrics are copied, the hidden checks never are.
Releasing twice writes the same bytes.
"""

from __future__ import annotations

import argparse
from typing import Any

__all__ = ["register", "run"]


def register(subparsers: Any, name: str, help_text: str) -> argparse.ArgumentParser:
    """Add the ``release`` subcommand."""
    parser = subparsers.add_parser(name, help=help_text, description=help_text)
    parser.add_argument("--out", default="release", help="folder for the candidate edition (default: release/)")
    parser.add_argument("--notebooks", help="the instructor notebooks (default: the workbook's notebooks/)")
    parser.add_argument("--exercises", help="the rubric folder (default: the workbook's exercises/)")
    parser.set_defaults(func=run)
    return parser


def run(args: argparse.Namespace) -> int:
    """Release and print what was written."""
    from pathlib import Path

    from workbook.grading.release import release

    written = release(args.out, notebooks=args.notebooks, exercises=args.exercises)
    notebooks = sum(1 for p in written if p.suffix == ".ipynb")
    print(f"released {notebooks} notebook(s) and {len(written) - notebooks} public rubric(s) into {Path(args.out)}/")
    for path in written:
        print(f"  {path}")
    return 0
