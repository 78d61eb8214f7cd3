"""``workbook curriculum``: the strands, principles and their notebooks.

::

    workbook curriculum                    # a table of every principle
    workbook curriculum --strand leadership
    workbook curriculum L6                 # topics, tools and outcomes of one principle
    workbook curriculum --json             # everything, as JSON
    workbook curriculum --summary          # one sentence of counts (the README's)
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from workbook import curriculum

__all__ = ["register", "run"]


def register(subparsers: Any, name: str, help_text: str) -> argparse.ArgumentParser:
    """Add the ``curriculum`` subcommand to the ``workbook`` parser."""
    parser = subparsers.add_parser(name, help=help_text, description=help_text)
    parser.add_argument(
        "principle",
        nargs="?",
        help="one principle's id (for example L6) to show its topics, tools and outcomes",
    )
    parser.add_argument(
        "--strand",
        help="only this strand: Technology, Education or Leadership (or T, E, L)",
    )
    parser.add_argument(
        "--json",
        action="store_true",
        help="print the curriculum as JSON (topics, tools, outcomes, notebook, status)",
    )
    parser.add_argument(
        "--summary",
        action="store_true",
        help="print one sentence: how many principles and strands, which have a notebook (the README's counts)",
    )
    parser.set_defaults(func=run)
    return parser


def run(args: argparse.Namespace) -> int:
    """Print the curriculum table, one principle, or JSON; return the exit code."""

    if args.summary:
        print(curriculum.program_summary())
        return 0
    if args.principle:
        chosen = (curriculum.principle(args.principle),)
    else:
        chosen = curriculum.principles(args.strand)
    if args.json:
        data: Any = [p.to_dict() for p in chosen]
        if args.principle:
            data = data[0]
        json.dump(data, sys.stdout, indent=2)
        sys.stdout.write("\n")
        return 0

    from rich.console import Console

    console = Console(file=sys.stdout)
    if not console.is_terminal:  # piped or captured: wide enough that paths do not fold
        console = Console(file=sys.stdout, width=140)
    if args.principle:
        _print_one(console, chosen[0])
    else:
        _print_table(console, curriculum.curriculum_table(args.strand))
    return 0


def _print_table(console: Any, rows: list[dict[str, Any]]) -> None:
    from rich.table import Table

    available = sum(r["status"] == "available" for r in rows)
    table = Table(
        title="CTO Mentor curriculum",
        caption=f"{len(rows)} principles, {available} with a notebook available",
    )
    table.add_column("id", no_wrap=True)
    table.add_column("strand", no_wrap=True)
    table.add_column("principle")
    table.add_column("topics", justify="right")
    table.add_column("status", no_wrap=True)
    table.add_column("notebook", overflow="fold")
    for r in rows:
        status = r["status"] if r["status"] == "planned" else f"[green]{r['status']}[/green]"
        table.add_row(
            r["id"], r["strand"], r["principle"], str(r["topics"]), status, r["notebook"]
        )
    console.print(table)


def _print_one(console: Any, p: Any) -> None:
    console.print(f"[bold]{p.id} · {p.title}[/bold]  ({p.strand} strand, {p.status})")
    console.print(f"source:   {p.source_path}", highlight=False)
    console.print(f"notebook: {p.notebook_path}", highlight=False)
    console.print(f"package:  {p.package}", highlight=False)
    sections = (("Topics", p.topics), ("Tools", p.tools), ("Learning outcomes", p.outcomes))
    for heading, items in sections:
        console.print(f"\n[bold]{heading}[/bold]")
        for item in items:
            console.print(f"  • {item}", highlight=False, markup=False)
