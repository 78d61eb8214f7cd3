"""The cohort: its folder, secret and roster; roster import, hand-out and collection.

    workbook cohort init --roster roster.csv            # cohort/ with its secret (0600) and the roster; no hub needed
    workbook cohort roster import roster.csv            # on a hub: the candidates (and mentors) as hub users
    workbook release                                    # writes release/notebooks
    workbook cohort handout [--source release/notebooks]   # each candidate's notebooks, with their parameters
    workbook cohort collect --due 2026-12-01T17:00      # into submissions/{candidate}/, late flags
    workbook cohort check                               # any instructor file a candidate could read?

handout and collect use the roster stored by init unless --roster is given.
The cohort secret is cohort/secret; $WORKBOOK_COHORT_SECRET, when set, is used instead.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Any

from workbook import paths
from workbook.commands.roster_args import add_roster_options, resolve_roster
from workbook.privatefs import exposures

__all__ = ["register"]


def _add_common(p: argparse.ArgumentParser) -> None:
    add_roster_options(p)
    p.add_argument("--homes", default=None, metavar="TEMPLATE",
                   help="where candidates' homes are, e.g. '/home/{candidate}' "
                        "(default: each system user's home)")
    p.add_argument("--only", nargs="+", metavar="CANDIDATE",
                   help="only these candidates (default: the whole roster)")


def register(subparsers: Any, name: str, help_text: str) -> None:
    parser = subparsers.add_parser(name, help=help_text, description=__doc__,
                                   formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="cohort_command", metavar="ACTION", required=True)

    init = sub.add_parser("init", help="create the cohort folder with its secret (0600) and store the roster "
                                       "(no hub needed)")
    init.add_argument("--roster", required=True, type=Path,
                      help="roster CSV: candidate,name,email,district[,seed,group,mentor]")
    init.add_argument("--cohort-dir", default="cohort", type=Path,
                      help="the cohort folder to create (default: cohort/); keep it private and back it up")
    init.set_defaults(func=_init)

    roster = sub.add_parser("roster", help="the cohort roster on the hub")
    rsub = roster.add_subparsers(dest="roster_command", metavar="ACTION", required=True)
    imp = rsub.add_parser("import", help="create the roster's candidates as hub users and groups")
    imp.add_argument("roster", type=Path, help="roster CSV: candidate,name,email,district[,seed,group,mentor]")
    imp.add_argument("--hub-url", default=None,
                     help="the hub API (default: $WORKBOOK_HUB_API_URL or "
                          "http://127.0.0.1:8000/hub/api)")
    imp.add_argument("--token-file", type=Path, default=None,
                     help="file holding the cohort-admin service token "
                          "(default: $WORKBOOK_HUB_TOKEN)")
    imp.add_argument("--cohort-dir", default="cohort", type=Path,
                     help="where the cohort secret and the roster are stored (default: cohort/)")
    imp.set_defaults(func=_roster_import)

    hand = sub.add_parser("handout", help="copy the candidate edition into each candidate's "
                                          "~/cto-workbook/ with their parameters")
    hand.add_argument("--source", type=Path, default=None,
                      help="the released candidate edition to hand out (default: release/notebooks, "
                           "where `workbook release` writes); instructor material is refused")
    _add_common(hand)
    hand.set_defaults(func=_handout)

    coll = sub.add_parser("collect", help="copy each candidate's notebooks into "
                                          "submissions/{candidate}/")
    coll.add_argument("--due", default=None,
                      help="due date, ISO 8601 (2026-12-01 or 2026-12-01T17:00); a notebook whose content "
                           "the collector first sees after it is flagged late (file times are not trusted): "
                           "collect at the due time to take the snapshot")
    coll.add_argument("--out", type=Path, default=Path("submissions"),
                      help="submissions folder (default: submissions/)")
    _add_common(coll)
    coll.set_defaults(func=_collect)

    check = sub.add_parser("check", help="report every instructor file another user could read "
                                         "(cohort folder, roster, submissions, gradebook, source tree)")
    check.add_argument("--cohort-dir", default="cohort", type=Path,
                       help="the cohort folder (secret, roster, hand-out records; default: cohort/)")
    check.add_argument("--roster", type=Path, default=None, help="the roster CSV, if kept elsewhere")
    check.add_argument("--submissions", type=Path, default=Path("submissions"),
                       help="the submissions folder (default: submissions/)")
    check.add_argument("--gradebook", type=Path, default=Path("grades/gradebook.sqlite"),
                       help="the gradebook (default: grades/gradebook.sqlite); its folder, -wal and -shm too")
    check.add_argument("--source-tree", type=Path, action="append", default=None, metavar="FOLDER",
                       help="the instructor's source checkout (instructor notebooks, hidden checks); "
                            "default: this workbook's checkout when it runs from one (repeatable)")
    check.set_defaults(func=_check)


def _init(args: argparse.Namespace) -> int:
    from workbook.cohort.preflight import check_roster
    from workbook.cohort.settings import SECRET_ENV, ensure_secret, store_roster

    entries = check_roster(args.roster)
    ensure_secret(args.cohort_dir)
    stored = store_roster(args.roster, args.cohort_dir)
    secret = f"${SECRET_ENV} (set)" if os.environ.get(SECRET_ENV) else f"{args.cohort_dir / 'secret'} (0600)"
    print(f"cohort {args.cohort_dir}: {len(entries)} candidate(s), roster {stored}, secret {secret}")
    print("keep this folder private and back it up: the seeds of every candidate come from its secret")
    return 0


def _roster_import(args: argparse.Namespace) -> int:
    from workbook.cohort.hub import HubClient, import_roster
    from workbook.cohort.preflight import check_roster
    from workbook.cohort.settings import ensure_secret, store_roster

    entries = check_roster(args.roster)
    token = args.token_file.read_text(encoding="utf-8").strip() if args.token_file else None
    client = HubClient.from_env(args.hub_url, token)
    report = import_roster(client, entries)
    ensure_secret(args.cohort_dir)
    store_roster(args.roster, args.cohort_dir)
    for line in report.lines():
        print(line)
    print(f"cohort secret: {args.cohort_dir / 'secret'} (keep it; seeds come from it)")
    return 0


def _handout(args: argparse.Namespace) -> int:
    from workbook.cohort.handout import handout

    roster = resolve_roster(args, command="cohort handout")
    results = handout(roster.entries, args.source, roster.secret, cohort_dir=args.cohort_dir,
                      homes=args.homes, only=args.only)
    skipped = 0
    for r in results:
        line = f"{r.candidate}: {r.action:9} {r.path}" + (f"  ({r.detail})" if r.detail else "")
        if r.action == "skipped":
            skipped += 1
            print(line, file=sys.stderr)
        else:
            print(line)
    return 1 if skipped else 0


def _collect(args: argparse.Namespace) -> int:
    from workbook.cohort.collect import collect

    results = collect(resolve_roster(args, command="cohort collect", secret=False).entries, args.out, due=args.due, homes=args.homes, only=args.only)
    problems = 0
    for c in results:
        flag = "LATE" if c.late else "on time"
        print(f"{c.candidate}: {len(c.files)} notebook(s), {flag}, -> {c.folder}")
        for s in c.skipped:
            problems += 1
            print(f"{c.candidate}: skipped {s}", file=sys.stderr)
    return 1 if problems else 0


def _check(args: argparse.Namespace) -> int:
    book = args.gradebook
    targets: list[Path] = [args.cohort_dir, args.submissions, book.parent, book,
                           Path(f"{book}-wal"), Path(f"{book}-shm")]
    if args.roster:
        targets.append(args.roster)
    trees = args.source_tree
    if trees is None:
        root = paths.repo_root()
        trees = [root] if (root / "exercises" / "hidden").is_dir() else []
    for tree in trees:
        targets += [tree / "notebooks", tree / "exercises" / "hidden"]
    checked = [t for t in dict.fromkeys(targets) if t.exists()]
    found = exposures(checked)
    for e in dict.fromkeys(found):
        print(e.line(), file=sys.stderr)
    if found:
        print(f"{len(found)} instructor file(s) or folder(s) another user could read", file=sys.stderr)
        return 1
    print("no instructor file is readable by another user (checked: "
          + ", ".join(str(t) for t in checked) + ")")
    return 0
