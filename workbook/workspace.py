"""A local candidate's workspace: the candidate edition, with their parameters, never overwritten.

``make lab`` (or ``workbook workspace``) writes the candidate edition of every
notebook into ``<home>/cto-workbook/`` with the local candidate's ``candidate``,
``district`` and ``seed`` injected, exactly as the hub's hand-out does for a
cohort (:func:`workbook.cohort.handout.hand_out_to`): a notebook the candidate
has changed is never overwritten; new material lands beside it as
``L6-fiscal-management (updated 2026-11-28).ipynb``. What was handed out is
recorded in ``<home>/cto-workbook/.handout.json``.
"""

from __future__ import annotations

import datetime as dt
import re
import tempfile
from pathlib import Path
from typing import Any

from workbook.cohort import WORKSPACE
from workbook.cohort.handout import HandoutResult, hand_out_to
from workbook.districts import load_district
from workbook.errors import InputError
from workbook.grading.release import release
from workbook.roster import CANDIDATE_PATTERN

__all__ = ["RECORD", "workspace_parameters", "prepare_workspace"]

#: The hand-out record, inside the workspace (hidden in JupyterLab's file browser).
RECORD = ".handout.json"


def workspace_parameters(candidate: str, district: str, seed: int | None = None) -> dict[str, Any]:
    """The parameters injected into every notebook of a local workspace, checked.

    Examples
    --------
    >>> workspace_parameters("ana-reyes", "sample-rural", 7)
    {'candidate': 'ana-reyes', 'district': 'sample-rural', 'seed': 7}
    >>> workspace_parameters("Ana Reyes", "sample-rural")
    Traceback (most recent call last):
    ...
    workbook.errors.InputError: candidate = 'Ana Reyes' is not allowed: expected an id of lower-case letters, digits, - or _, starting with a letter (at most 32), e.g. ana-reyes
    """
    if not isinstance(candidate, str) or not re.match(CANDIDATE_PATTERN, candidate):
        raise InputError("candidate", candidate, "an id of lower-case letters, digits, - or _, "
                         "starting with a letter (at most 32), e.g. ana-reyes")
    load_district(district)  # a bad district is reported now, not in every notebook
    params: dict[str, Any] = {"candidate": candidate, "district": district}
    if seed is not None:
        if isinstance(seed, bool) or not isinstance(seed, int) or seed < 0:
            raise InputError("seed", seed, "a whole number 0 or more")
        params["seed"] = seed
    return params


def prepare_workspace(
    home: str | Path,
    *,
    candidate: str,
    district: str = "sample-suburban",
    seed: int | None = None,
    notebooks: str | Path | None = None,
    today: dt.date | None = None,
) -> list[HandoutResult]:
    """Bring ``home/cto-workbook/`` up to date with the candidate edition of ``notebooks``.

    Parameters
    ----------
    home
        The folder that holds the workspace; created when missing.
    candidate, district, seed
        The local candidate's parameters (``seed`` left out: each notebook's default).
    notebooks
        The instructor notebooks (default: the workbook's own).
    today
        The date in the name of new material written beside a changed notebook.

    Returns
    -------
    list of HandoutResult
        One per notebook: ``new``, ``updated``, ``unchanged``, ``beside``, ``offered`` or ``skipped``.
    """
    params = workspace_parameters(candidate, district, seed)
    base = Path(home)
    base.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="wb-edition-") as tmp:
        release(tmp, notebooks=notebooks)
        source = Path(tmp) / "notebooks"
        return hand_out_to(base, params, source, base / WORKSPACE / RECORD, candidate=candidate, today=today)
