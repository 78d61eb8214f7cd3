"""``workbook portfolio``: a candidate's completed notebooks as an offline site, and slides.

::

    workbook portfolio build WORKSPACE -o SITE [--execute] [--single-file] [--scores FILE]
    workbook portfolio slides NOTEBOOK -o OUT [--pptx]
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

__all__ = ["register", "run_build", "run_slides"]


def register(subparsers: Any, name: str, help_text: str) -> argparse.ArgumentParser:
    """Add ``portfolio build`` and ``portfolio slides`` to the ``workbook`` parser."""
    parser = subparsers.add_parser(name, help=help_text, description=help_text)
    sub = parser.add_subparsers(dest="action", metavar="ACTION", required=True)

    build = sub.add_parser("build", help="build the portfolio site from a folder of notebooks",
                           description="Build an offline, accessible portfolio site from a candidate's notebooks.")
    build.add_argument("workspace", type=Path, help="the candidate's folder of notebooks")
    build.add_argument("-o", "--out", type=Path, required=True,
                       help="the site folder (or, with --single-file, the .html file or its folder)")
    build.add_argument("--execute", action="store_true", help="re-run each notebook with papermill and its own parameters first")
    build.add_argument("--single-file", action="store_true", help="write one self-contained portfolio.html")
    build.add_argument("--scores", type=Path, help="gradebook export (JSON or CSV) with scores by principle")
    build.add_argument("--candidate", help="the name shown on the portfolio (default: portfolio.json or the notebooks' parameters)")
    build.add_argument("--cohort", help="the cohort shown on the index")
    build.set_defaults(func=run_build)

    slides = sub.add_parser("slides", help="reveal.js slides from the cells tagged 'slide'",
                            description="Make offline reveal.js slides from the cells tagged 'slide' (speaker notes: tag 'notes').")
    slides.add_argument("notebook", type=Path, help="the notebook to present")
    slides.add_argument("-o", "--out", type=Path, required=True, help="the folder to write slides.html and reveal.js into")
    slides.add_argument("--pptx", action="store_true", help="also write slides.pptx (PowerPoint) from the same cells")
    slides.set_defaults(func=run_slides)
    return parser


def run_build(args: argparse.Namespace) -> int:
    """Build the site and print the report's summary and the page to open."""
    from workbook.portfolio.site import build_portfolio

    report = build_portfolio(args.workspace, args.out, execute=args.execute, single_file=args.single_file,
                             scores=args.scores, candidate=args.candidate, cohort=args.cohort)
    print(report.summary())
    print(f"open {report.index.resolve().as_uri()}")
    return 0


def run_slides(args: argparse.Namespace) -> int:
    """Write the slides and print where they are."""
    from workbook.portfolio.slides import make_slides

    path = make_slides(args.notebook, args.out)
    print(f"slides: {path}")
    if getattr(args, "pptx", False):
        from workbook.portfolio.pptx import make_pptx

        print(f"pptx: {make_pptx(args.notebook, args.out / 'slides.pptx')}")
    print(f"open {path.resolve().as_uri()}")
    return 0
