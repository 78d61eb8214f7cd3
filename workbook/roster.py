"""The cohort roster: who the candidates are and which parameters each one gets.

A roster is a CSV file with the columns ``candidate,name,email,district`` and,
optionally, ``seed``, ``group`` and ``mentor``::

    candidate,name,email,district,seed,group,mentor
    ana-reyes,Ana Reyes,ana.reyes@example.org,sample-rural,,fall-2026,dr-lee
    ben-okafor,Ben Okafor,ben.okafor@example.org,sample-urban,4711,fall-2026,

``mentor`` is the hub user name of the candidate's CETPA mentor (same rules as
a candidate id): on the hub that mentor may open this candidate's server and
nobody else's.

``candidate`` is the candidate's id: it is also their hub user name and the
name of their folder under ``submissions/``, so it is lower case letters,
digits, ``-`` and ``_``, starting with a letter, at most 32 characters (the
limit for a Linux user name). Every problem in the file is reported at once,
one line per bad cell, naming the file, the row, the column and the value.

:func:`candidate_parameters` turns a roster entry into the values papermill
injects into each notebook (``candidate``, ``district``, ``seed``). When the
roster gives no seed, the seed is derived from a cohort secret with
HMAC-SHA256, so a candidate who knows another's id still cannot work out
that candidate's numbers. The hand-out (``workbook cohort handout``) and the
grader use the same function, so both see the same seed.
"""

from __future__ import annotations

import csv
import hashlib
import hmac
import io
import re
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from workbook.errors import InputError, ProblemsError


__all__ = [
    "REQUIRED_COLUMNS",
    "OPTIONAL_COLUMNS",
    "RESERVED_GROUPS",
    "RosterError",
    "RosterEntry",
    "read_roster",
    "parse_roster",
    "derive_seed",
    "candidate_parameters",
    "groups_of",
    "mentees_of",
    "candidates",
]

REQUIRED_COLUMNS: tuple[str, ...] = ("candidate", "name", "email", "district")
OPTIONAL_COLUMNS: tuple[str, ...] = ("seed", "group", "mentor")
#: Groups a roster may not put anyone into: membership there grants hub admin.
RESERVED_GROUPS: frozenset[str] = frozenset({"instructors", "admin", "admins"})

CANDIDATE_PATTERN = r"^[a-z][a-z0-9_-]{0,31}$"
GROUP_PATTERN = r"^[a-z0-9][a-z0-9_.-]{0,63}$"
EMAIL_PATTERN = r"^[^@\s,;]+@[^@\s,;]+\.[^@\s,;]+$"
#: Seeds are in [0, 2**31 - 1], fine for numpy, the standard library and papermill.
SEED_LIMIT = 2**31 - 1
MIN_SECRET_LENGTH = 16


class RosterError(ProblemsError):
    """A roster file has one or more problems; ``problems`` lists each one.

    Examples
    --------
    >>> print(RosterError("roster.csv", ["roster.csv: row 3, column email = 'x': expected an email"]))
    roster.csv: 1 problem
      roster.csv: row 3, column email = 'x': expected an email
    """


class RosterEntry(BaseModel):
    """One candidate of the roster (validated, immutable)."""

    model_config = ConfigDict(frozen=True, str_strip_whitespace=True, extra="forbid")

    candidate: str = Field(pattern=CANDIDATE_PATTERN)
    name: str = Field(min_length=1, max_length=200)
    email: str = Field(pattern=EMAIL_PATTERN, max_length=254)
    district: str = Field(min_length=1, max_length=500)
    seed: int | None = Field(default=None, ge=0, le=SEED_LIMIT)
    group: str | None = Field(default=None, pattern=GROUP_PATTERN)
    mentor: str | None = Field(default=None, pattern=CANDIDATE_PATTERN)

    @field_validator("seed", "group", "mentor", mode="before")
    @classmethod
    def _blank_is_none(cls, value: Any) -> Any:
        if isinstance(value, str) and not value.strip():
            return None
        return value

    @field_validator("group")
    @classmethod
    def _not_reserved(cls, value: str | None) -> str | None:
        if value in RESERVED_GROUPS:
            raise ValueError("reserved")
        return value

_EXPECTED = {
    "candidate": "a candidate id: lower case letters, digits, '-' or '_', starting with a letter, "
    "at most 32 characters (it becomes the hub user name)",
    "name": "the candidate's name (not empty)",
    "email": "an email address like name@district.org",
    "district": "a sample district id (sample-rural, sample-suburban, sample-urban) or a path",
    "seed": f"a whole number from 0 to {SEED_LIMIT}, or empty to derive one from the cohort secret",
    "mentor": "empty or the mentor's hub user name (lower case letters, digits, '-' or '_', starting with a letter)",
    "group": "empty or a group name: lower case letters, digits, '.', '-' or '_' "
    f"(not {', '.join(sorted(RESERVED_GROUPS))}: instructors are set in the hub configuration)",
}


def parse_roster(text: str, source: str = "roster") -> list[Any]:
    """Parse roster CSV text into a list of ``RosterEntry``.

    Every problem is collected and raised together as one :class:`RosterError`.
    Rows are numbered as a spreadsheet shows them (the header is row 1).

    Examples
    --------
    >>> rows = parse_roster(
    ...     "candidate,name,email,district\\n"
    ...     "ana-reyes,Ana Reyes,ana@example.org,sample-rural\\n")
    >>> rows[0].candidate, rows[0].seed
    ('ana-reyes', None)
    >>> parse_roster("candidate,name,email,district\\nAna,Ana,ana-at-example,sample-rural\\n",
    ...              source="r.csv")
    Traceback (most recent call last):
    ...
    workbook.roster.RosterError: r.csv: 2 problems
      r.csv: row 2, column candidate = 'Ana': expected a candidate id: lower case letters, digits, '-' or '_', starting with a letter, at most 32 characters (it becomes the hub user name)
      r.csv: row 2, column email = 'ana-at-example': expected an email address like name@district.org
    """
    model = RosterEntry
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff")))
    header = [(h or "").strip() for h in (reader.fieldnames or [])]
    missing = [c for c in REQUIRED_COLUMNS if c not in header]
    unknown = [c for c in header if c not in REQUIRED_COLUMNS + OPTIONAL_COLUMNS]
    problems: list[str] = []
    if missing:
        problems.append(
            f"{source}: missing column{'s' if len(missing) > 1 else ''} {', '.join(missing)} "
            f"(the header must name {', '.join(REQUIRED_COLUMNS)}; optional: "
            f"{', '.join(OPTIONAL_COLUMNS)})"
        )
    if unknown:
        problems.append(
            f"{source}: unknown column{'s' if len(unknown) > 1 else ''} {', '.join(unknown)} "
            f"(allowed: {', '.join(REQUIRED_COLUMNS + OPTIONAL_COLUMNS)})"
        )
    if problems:
        raise RosterError(source, problems)
    reader.fieldnames = header
    entries: list[Any] = []
    seen: dict[str, int] = {}
    for row_number, row in enumerate(reader, start=2):
        if None in row:
            problems.append(f"{source}: row {row_number} has more cells than the header")
            continue
        values = {k: (v if v is not None else "") for k, v in row.items()}
        if not any(v.strip() for v in values.values()):
            continue  # blank line
        raw_id = values.get("candidate", "").strip()
        if raw_id and raw_id in seen:
            problems.append(
                f"{source}: row {row_number}, column candidate = {raw_id!r}: "
                f"expected a unique id (row {seen[raw_id]} has it already)"
            )
            continue
        if raw_id:
            seen[raw_id] = row_number
        try:
            entry = model(**values)
        except ValidationError as exc:
            for err in exc.errors():
                column = str(err["loc"][0]) if err["loc"] else "?"
                shown = values.get(column, "")
                problems.append(
                    f"{source}: row {row_number}, column {column} = {shown!r}: "
                    f"expected {_EXPECTED.get(column, err['msg'])}"
                )
            continue
        if entry.mentor and entry.mentor == entry.candidate:
            problems.append(f"{source}: row {row_number}, column mentor = {entry.mentor!r}: expected someone "
                            "other than the candidate")
            continue
        entries.append(entry)
    ids = {e.candidate for e in entries}
    for e in entries:
        if e.mentor and e.mentor in ids and e.mentor != e.candidate:
            problems.append(f"{source}: column mentor = {e.mentor!r} (candidate {e.candidate}): expected a mentor "
                            "who is not a candidate on this roster")
    if problems:
        raise RosterError(source, problems)
    if not entries:
        raise RosterError(source, [f"{source}: no candidates (only a header)"])
    return entries


def read_roster(path: str | Path) -> list[Any]:
    """Read and validate a roster CSV file (UTF-8, a spreadsheet's BOM allowed).

    Raises
    ------
    RosterError
        Listing every bad row, column and value.
    FileNotFoundError
        When ``path`` does not exist.
    """
    p = Path(path)
    return parse_roster(p.read_text(encoding="utf-8-sig"), source=str(p))


def _check_secret(cohort_secret: Any) -> bytes:
    if not isinstance(cohort_secret, str) or len(cohort_secret.strip()) < MIN_SECRET_LENGTH:
        raise InputError(
            "cohort_secret",
            "<hidden>" if isinstance(cohort_secret, str) else cohort_secret,
            f"a secret string of at least {MIN_SECRET_LENGTH} characters "
            "(`workbook cohort init` creates one)",
        )
    return cohort_secret.strip().encode("utf-8")


def derive_seed(cohort_secret: str, candidate: str) -> int:
    """A candidate's seed: HMAC-SHA256(cohort_secret, candidate) as an int in [0, 2**31 - 1].

    Without the secret, knowing a candidate's id does not reveal the seed.

    Examples
    --------
    >>> s = "a-cohort-secret-of-some-length"
    >>> derive_seed(s, "ana-reyes") == derive_seed(s, "ana-reyes")
    True
    >>> derive_seed(s, "ana-reyes") == derive_seed(s, "ben-okafor")
    False
    >>> 0 <= derive_seed(s, "ana-reyes") <= 2**31 - 1
    True
    >>> derive_seed("short", "ana-reyes")
    Traceback (most recent call last):
    ...
    workbook.errors.InputError: cohort_secret = '<hidden>' is not allowed: expected a secret string of at least 16 characters (`workbook cohort init` creates one)
    """
    key = _check_secret(cohort_secret)
    if not isinstance(candidate, str) or not re.match(CANDIDATE_PATTERN, candidate):
        raise InputError("candidate", candidate, _EXPECTED["candidate"])
    digest = hmac.new(key, candidate.encode("utf-8"), hashlib.sha256).digest()
    return int.from_bytes(digest[:8], "big") % (SEED_LIMIT + 1)


def candidate_parameters(entry: Any, cohort_secret: str) -> dict[str, Any]:
    """The parameters papermill injects for one candidate: ``candidate``, ``district``, ``seed``.

    The roster's ``seed`` wins when given; otherwise :func:`derive_seed`.

    Examples
    --------
    >>> [e] = parse_roster("candidate,name,email,district,seed\\n"
    ...                    "ana-reyes,Ana Reyes,ana@example.org,sample-rural,42\\n")
    >>> candidate_parameters(e, "a-cohort-secret-of-some-length")
    {'candidate': 'ana-reyes', 'district': 'sample-rural', 'seed': 42}
    """
    if not isinstance(entry, RosterEntry):
        raise InputError("entry", entry, "a RosterEntry from read_roster or parse_roster")
    seed = entry.seed if entry.seed is not None else derive_seed(cohort_secret, entry.candidate)
    if entry.seed is not None:
        _check_secret(cohort_secret)
    return {"candidate": entry.candidate, "district": entry.district, "seed": int(seed)}


def groups_of(entries: Iterable[Any]) -> dict[str, list[str]]:
    """Map each group named in the roster to its candidates, in roster order.

    >>> rows = parse_roster("candidate,name,email,district,group\\n"
    ...     "a1,A,a@example.org,sample-rural,fall\\nb1,B,b@example.org,sample-urban,\\n")
    >>> groups_of(rows)
    {'fall': ['a1']}
    """
    out: dict[str, list[str]] = {}
    for e in entries:
        if e.group:
            out.setdefault(e.group, []).append(e.candidate)
    return out


def mentees_of(entries: Iterable[Any]) -> dict[str, list[str]]:
    """Map each mentor named in the roster to their mentees, in roster order.

    >>> rows = parse_roster("candidate,name,email,district,mentor\\n"
    ...     "a1,A,a@example.org,sample-rural,dr-lee\\nb1,B,b@example.org,sample-urban,\\n")
    >>> mentees_of(rows)
    {'dr-lee': ['a1']}
    """
    out: dict[str, list[str]] = {}
    for e in entries:
        if e.mentor:
            out.setdefault(e.mentor, []).append(e.candidate)
    return out


def candidates(entries: Sequence[Any]) -> list[str]:
    """The candidate ids, in roster order."""
    return [e.candidate for e in entries]
