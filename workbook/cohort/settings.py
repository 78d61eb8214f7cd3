"""The cohort's own state: its secret (for seeds) and the hand-out records.

Everything lives in one instructor-only folder, ``cohort/`` by default::

    cohort/secret              the cohort secret (mode 0600), made by `workbook cohort init`
                               (or `workbook cohort roster import` on a hub)
    cohort/roster.csv          the cohort's roster, stored by `workbook cohort init`: grading,
                               hand-out and feedback use it when no --roster is given
    cohort/handouts/<id>.json  what was handed out to each candidate (checksums)

The environment variable ``WORKBOOK_COHORT_SECRET`` overrides the secret file
(for a Kubernetes secret or a CI variable).
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path

from workbook import privatefs
from workbook.errors import InputError
from workbook.roster import MIN_SECRET_LENGTH

__all__ = ["DEFAULT_COHORT_DIR", "SECRET_ENV", "ROSTER_NAME", "load_secret", "ensure_secret", "private_dir",
           "stored_roster", "store_roster"]

DEFAULT_COHORT_DIR = Path("cohort")
SECRET_ENV = "WORKBOOK_COHORT_SECRET"
ROSTER_NAME = "roster.csv"


def private_dir(path: str | Path) -> Path:
    """Create ``path`` (and parents) if needed, readable by its owner only.

    >>> import tempfile
    >>> d = private_dir(Path(tempfile.mkdtemp()) / "cohort")
    >>> oct(d.stat().st_mode & 0o777)
    '0o700'
    """

    return privatefs.private_dir(path)


def load_secret(cohort_dir: str | Path = DEFAULT_COHORT_DIR) -> str:
    """The cohort secret: ``$WORKBOOK_COHORT_SECRET`` or ``<cohort_dir>/secret``.

    Raises
    ------
    InputError
        When neither exists or the secret is too short.
    """
    value = os.environ.get(SECRET_ENV)
    source = SECRET_ENV
    if not value:
        path = Path(cohort_dir) / "secret"
        source = str(path)
        if not path.is_file():
            raise InputError(
                "cohort secret", str(path),
                f"an existing secret file (run `workbook cohort init --roster roster.csv`, or "
                f"`workbook cohort roster import` on a hub, first; "
                f"or set {SECRET_ENV})",
            )
        value = path.read_text(encoding="utf-8").strip()
    if len(value) < MIN_SECRET_LENGTH:
        raise InputError("cohort secret", source, f"at least {MIN_SECRET_LENGTH} characters")
    return value


def ensure_secret(cohort_dir: str | Path = DEFAULT_COHORT_DIR) -> str:
    """Return the cohort secret, creating ``<cohort_dir>/secret`` (0600) on first use.

    >>> import tempfile
    >>> d = Path(tempfile.mkdtemp())
    >>> ensure_secret(d) == ensure_secret(d) == load_secret(d)
    True
    >>> oct((d / "secret").stat().st_mode & 0o777)
    '0o600'
    """
    if os.environ.get(SECRET_ENV):
        return load_secret(cohort_dir)
    path = private_dir(cohort_dir) / "secret"
    if not path.exists():
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        os.fchmod(fd, 0o600)  # whatever the umask
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(secrets.token_hex(32) + "\n")
    return load_secret(cohort_dir)


def stored_roster(cohort_dir: str | Path = DEFAULT_COHORT_DIR) -> Path | None:
    """The roster stored with the cohort (``<cohort_dir>/roster.csv``), or None."""
    path = Path(cohort_dir) / ROSTER_NAME
    return path if path.is_file() else None


def store_roster(roster: str | Path, cohort_dir: str | Path = DEFAULT_COHORT_DIR) -> Path:
    """Copy ``roster`` into the cohort folder (0600); an earlier one is kept as ``roster.csv.<n>``.

    >>> import tempfile
    >>> d = Path(tempfile.mkdtemp()); r = d / "in.csv"; _ = r.write_text("a")
    >>> store_roster(r, d / "c").read_text(), oct((d / "c" / "roster.csv").stat().st_mode & 0o777)
    ('a', '0o600')
    >>> _ = r.write_text("b"); store_roster(r, d / "c").read_text(), (d / "c" / "roster.csv.1").read_text()
    ('b', 'a')
    """
    data = Path(roster).read_bytes()
    target = private_dir(cohort_dir) / ROSTER_NAME
    if target.is_file() and target.read_bytes() != data:
        n = 1
        while target.with_name(f"{ROSTER_NAME}.{n}").exists():
            n += 1
        target.replace(target.with_name(f"{ROSTER_NAME}.{n}"))
    tmp = target.with_name(ROSTER_NAME + ".tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as fh:
        fh.write(data)
    os.chmod(tmp, 0o600)
    tmp.replace(target)
    return target
