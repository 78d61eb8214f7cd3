"""``workbook districts``: the sample districts, a blank template, checking your own file.

Examples
--------
>>> from workbook.cli import main
>>> main(["districts", "check", "no-such-file.csv"])  # doctest: +ELLIPSIS
no-such-file.csv: file not found (looked in ...)
1
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

__all__ = ["register"]


def register(subparsers: Any, name: str, help_text: str) -> argparse.ArgumentParser:
    """Add ``workbook districts`` and its subcommands to the top-level parser."""
    parser: argparse.ArgumentParser = subparsers.add_parser(
        name,
        help=help_text,
        description="Sample district profiles, a blank template for your own district, "
        "and a check that lists every problem in a district file (.yaml, .yml, .csv, .xlsx).",
    )
    sub = parser.add_subparsers(dest="districts_command", metavar="SUBCOMMAND")
    parser.set_defaults(func=lambda args: _help(parser))

    p = sub.add_parser("list", help="the sample districts: id, name, county, enrollment")
    p.set_defaults(func=_list)

    p = sub.add_parser("show", help="every field of a sample district or a district file")
    p.add_argument("district", metavar="ID_OR_FILE", help="a sample id (see `list`) or a path to a district file")
    p.set_defaults(func=_show)

    p = sub.add_parser("template", help="write a blank, commented district file to fill in")
    p.add_argument("file", type=Path, metavar="FILE", help="where to write it: .yaml, .yml, .csv or .xlsx")
    p.add_argument("--force", action="store_true", help="replace FILE if it exists")
    p.set_defaults(func=_template)

    p = sub.add_parser("check", help="list every problem in a district file (exit 1 if any)")
    p.add_argument("file", type=Path, metavar="FILE", help="the district file to check")
    p.set_defaults(func=_check)

    p = sub.add_parser("generate", help="write a synthetic district (for practice or a cohort)")
    p.add_argument("kind", choices=["rural", "suburban", "urban"], help="the size and setting of the district")
    p.add_argument("--seed", type=int, default=2026, help="any whole number >= 0 (default 2026, the samples)")
    p.add_argument("--fiscal-year", default="2026-27", help="like 2026-27 (default)")
    p.add_argument("-o", "--output", type=Path, metavar="FILE", help="where to write it (.yaml, .csv, .xlsx); default: print YAML")
    p.add_argument("--force", action="store_true", help="replace FILE if it exists")
    p.set_defaults(func=_generate)
    return parser


def _help(parser: argparse.ArgumentParser) -> int:
    parser.print_help()
    return 0


def _console() -> Any:
    from rich.console import Console

    return Console(highlight=False, soft_wrap=False)


def _list(args: argparse.Namespace) -> int:
    from rich.table import Table

    from workbook.districts import load_district, sample_ids

    table = Table(title="Sample districts (synthetic)")
    for column in ("id", "name", "county", "locale"):
        table.add_column(column)
    table.add_column("enrollment", justify="right")
    for sample in sample_ids():
        d = load_district(sample)
        table.add_row(d.id, d.name, d.county, d.locale, f"{d.enrollment.total:,}")
    _console().print(table)
    return 0


def _format(value: object, unit: str) -> str:
    if isinstance(value, float) and unit.startswith("$"):
        return f"${value:,.0f}"
    if isinstance(value, int) and not isinstance(value, bool):
        return f"{value:,}"
    if isinstance(value, float) and unit == "fraction":
        return f"{value:.3f} ({value:.1%})"
    if isinstance(value, float):
        return f"{value:,.2f}".rstrip("0").rstrip(".")
    return str(value)


def _show(args: argparse.Namespace) -> int:
    from rich.table import Table

    from workbook.districts import field_specs, load_district

    d = load_district(args.district)
    specs = field_specs()
    table = Table(title=f"{d.name} ({d.id}), {d.fiscal_year}")
    table.add_column("field", no_wrap=True)
    table.add_column("value", justify="right")
    table.add_column("meaning")
    for field, value in d.to_flat(include_totals=True).items():
        if field in specs:
            spec = specs[field]
            meaning = spec.description.split(": ", 1)[-1] if "." in field else spec.description
            table.add_row(field, _format(value, spec.unit), meaning)
        else:  # a group total
            unit = "$" if field.split(".")[0] in ("budget", "revenue") else ""
            table.add_row(f"[bold]{field}[/bold]", f"[bold]{_format(value, unit)}[/bold]", "sum of the lines above")
    _console().print(table)
    return 0


def _template(args: argparse.Namespace) -> int:
    from workbook.district_files import district_template

    path = district_template(args.file, overwrite=args.force)
    print(f"wrote {path}: fill in every value, then run: workbook districts check {path}")
    return 0


def _check(args: argparse.Namespace) -> int:
    from workbook.district_files import check_district_file, read_district

    problems = check_district_file(args.file)
    if problems:
        for problem in problems:
            print(problem)
        return 1
    print(f"OK: {read_district(args.file).name}")
    return 0


def _generate(args: argparse.Namespace) -> int:
    from workbook.district_files import district_yaml, save_district
    from workbook.district_generator import generate_district

    district = generate_district(args.kind, seed=args.seed, fiscal_year=args.fiscal_year)
    if args.output is None:
        sys.stdout.write(district_yaml(district))
        return 0
    path = save_district(district, args.output, overwrite=args.force)
    print(f"wrote {path}: {district.name}, {district.enrollment.total:,} students")
    return 0
