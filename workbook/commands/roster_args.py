"""The roster options shared by ``grade``, ``cohort handout`` and ``review``: which roster, checked up front.

Without ``--roster`` a command uses the roster stored with the cohort
(``<cohort-dir>/roster.csv``, written by ``workbook cohort init``). When there
is none it refuses and says how to pass one; only ``--no-roster`` (where a
command offers it) runs with the notebooks' default parameters.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from workbook.errors import WorkbookError

__all__ = ["add_roster_options", "resolve_roster", "RosterChoice", "SECRET_HELP"]

SECRET_HELP = ("the cohort folder holding the secret for seeds and the stored roster (default: cohort/); "
               "$WORKBOOK_COHORT_SECRET, when set, is used instead of its secret file")


@dataclass
class RosterChoice:
    """The roster a command runs with (None with ``--no-roster``), its entries and the cohort secret."""

    path: Path | None
    entries: list[Any]
    secret: str | None


def add_roster_options(p: argparse.ArgumentParser, *, no_roster: bool = False) -> None:
    """``--roster``, ``--cohort-dir`` and, for commands that can run without one, ``--no-roster``."""
    p.add_argument("--roster", type=Path, help="roster CSV: candidate,name,email,district[,seed,group,mentor] "
                   "(default: the roster stored in the cohort folder by `workbook cohort init`)")
    p.add_argument("--cohort-dir", default="cohort", type=Path, help=SECRET_HELP)
    if no_roster:
        p.add_argument("--no-roster", action="store_true",
                       help="no roster: every folder is a candidate, run with the notebooks' default district and "
                            "seed (for practice; a stored result graded with other parameters is kept)")


def resolve_roster(args: argparse.Namespace, *, command: str, secret: bool = True) -> RosterChoice:
    """The roster to use, every problem of it and of its districts checked before anything runs.

    ``command`` names the caller (for the log line); ``secret`` loads the cohort secret too.

    Raises
    ------
    WorkbookError
        No roster given or stored (and no ``--no-roster``), or ``--roster`` with ``--no-roster``.
    workbook.roster.RosterError
        Every problem of the roster and its districts, one line each.
    """
    from workbook.cohort.preflight import check_roster
    from workbook.cohort.settings import load_secret, stored_roster

    if getattr(args, "no_roster", False):
        if args.roster:
            raise WorkbookError("--roster and --no-roster: choose one")
        return RosterChoice(None, [], None)
    path = args.roster or stored_roster(args.cohort_dir)
    if path is None:
        extra = " or --no-roster to run with the notebooks' default parameters" if hasattr(args, "no_roster") else ""
        raise WorkbookError(
            f"no roster: pass --roster roster.csv, or store it once with "
            f"`workbook cohort init --roster roster.csv` (into {args.cohort_dir}/){extra}")
    if not args.roster:
        print(f"{command}: using the cohort's roster {path}", file=sys.stderr)
    entries = check_roster(path)
    return RosterChoice(Path(path), entries, load_secret(args.cohort_dir) if secret else None)
