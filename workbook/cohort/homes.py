"""Where each candidate's workspace lives: a ``--homes`` template, or the system's record.

The template is the instructor's, but a wrong one is dangerous: without
``{candidate}`` every candidate's notebooks would be handed out into, and
collected from, one folder. It is checked before anything is written.
"""

from __future__ import annotations

import string
from pathlib import Path

from workbook.errors import InputError

__all__ = ["check_homes_template", "home_of"]


def check_homes_template(homes: str | None) -> None:
    """Refuse a ``--homes`` template that would not give each candidate a folder of their own.

    The template must name ``{candidate}`` and no other field: without it every
    candidate's notebooks would land in (and be collected from) one folder.

    >>> check_homes_template("/srv/homes/{candidate}")
    >>> check_homes_template("/srv/homes")
    Traceback (most recent call last):
    ...
    workbook.errors.InputError: --homes = '/srv/homes' is not allowed: expected a folder template with {candidate} in it, one folder per candidate, e.g. '/srv/homes/{candidate}'
    """
    if homes is None:
        return
    allowed = ("a folder template with {candidate} in it, one folder per candidate, "
               f"e.g. '{homes.rstrip('/') or '/home'}/{{candidate}}'")
    try:
        fields = [name for _, name, spec, conv in string.Formatter().parse(homes) if name is not None]
    except ValueError:
        fields = None
    if not fields or any(name != "candidate" for name in fields):
        raise InputError("--homes", homes, allowed)


def home_of(candidate: str, homes: str | None = None) -> Path:
    """A candidate's home: ``homes`` with ``{candidate}`` filled in, or the system's record.

    >>> str(home_of("ana-reyes", "/srv/homes/{candidate}"))
    '/srv/homes/ana-reyes'
    """
    if homes:
        check_homes_template(homes)
        return Path(homes.format(candidate=candidate))
    import pwd

    try:
        return Path(pwd.getpwnam(candidate).pw_dir)
    except KeyError:
        raise InputError("candidate", candidate, "a user on this system (import the roster "
                         "into the hub first, or pass --homes)") from None
