"""The cohort's own state: its secret (for seeds) and the hand-out records.

Everything lives in one instructor-only folder, ``cohort/`` by default::

    cohort/secret              the cohort secret (mode 0600), made by roster import
    cohort/handouts/<id>.json  what was handed out to each candidate (checksums)

The environment variable ``WORKBOOK_COHORT_SECRET`` overrides the secret file
(for a Kubernetes secret or a CI variable).
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path

from workbook.errors import InputError
from workbook.roster import MIN_SECRET_LENGTH

__all__ = ["DEFAULT_COHORT_DIR", "SECRET_ENV", "load_secret", "ensure_secret", "private_dir"]

DEFAULT_COHORT_DIR = Path("cohort")
SECRET_ENV = "WORKBOOK_COHORT_SECRET"


def private_dir(path: str | Path) -> Path:
    """Create ``path`` (and parents) if needed, readable by its owner only.

    >>> import tempfile
    >>> d = private_dir(Path(tempfile.mkdtemp()) / "cohort")
    >>> oct(d.stat().st_mode & 0o777)
    '0o700'
    """
    from workbook import privatefs  # missing parents are made 0700 too, whatever the umask

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
                f"an existing secret file (run `workbook cohort roster import` first, "
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
