"""Where the workbook's data, rubrics and notebooks live.

In a source checkout (or an editable install) they are the repository's
``data/``, ``exercises/`` and ``notebooks/`` folders; in a wheel they are
copied into the package as ``_data``, ``_exercises`` and ``_notebooks``.

A wheel is what a candidate's environment gets, so it holds nothing a
candidate must not read: ``_notebooks`` is the *candidate* edition (released
at build time, see ``hatch_build.py``) and ``_exercises`` has the public
rubrics only, never ``hidden/``. The instructor edition and the hidden checks
stay in the source checkout, which the instructor keeps private.
"""

from __future__ import annotations

from pathlib import Path

__all__ = ["data_dir", "exercises_dir", "notebooks_dir", "repo_root", "extra_roots", "notebooks_dirs", "exercises_dirs", "PATH_VARIABLE"]

_PACKAGE = Path(__file__).resolve().parent


def repo_root() -> Path:
    """The folder that holds ``data/``, ``exercises/`` and ``notebooks/``."""
    return _PACKAGE.parent


def _locate(packaged: str, in_repo: str) -> Path:
    inside = _PACKAGE / packaged
    if inside.is_dir():
        return inside
    return repo_root() / in_repo


def data_dir() -> Path:
    """The data folder: synthetic districts and reference tables.

    >>> (data_dir() / "reference").is_dir()
    True
    """
    return _locate("_data", "data")


def exercises_dir() -> Path:
    """The rubrics folder: public rubrics, plus ``hidden/`` in a checkout only."""
    return _locate("_exercises", "exercises")


def notebooks_dir() -> Path:
    """The notebooks: the instructor edition in a checkout, the candidate edition in a wheel."""
    return _locate("_notebooks", "notebooks")


#: The environment variable naming extra content roots (``os.pathsep``-separated folders).
PATH_VARIABLE = "CTO_WORKBOOK_PATH"


def extra_roots() -> list[Path]:
    """Folders named in ``$CTO_WORKBOOK_PATH``, each laid out like the workbook's own content.

    A root may hold ``notebooks/<strand>/<ID>-<slug>.md`` (and its ``.ipynb``),
    ``exercises/<ID>.py`` (and ``exercises/hidden/<ID>.py``) and
    ``principles/<id>/`` (the principle's package, which joins
    ``workbook.principles``): a cohort's own principles, kept outside the
    workbook, are found as the workbook's own are. Folders that do not exist
    are left out.

    >>> import os
    >>> os.environ.pop(PATH_VARIABLE, None) and None
    >>> extra_roots()
    []
    """
    import os

    raw = os.environ.get(PATH_VARIABLE, "")
    return [Path(p).resolve() for p in raw.split(os.pathsep) if p and Path(p).is_dir()]


def notebooks_dirs() -> list[Path]:
    """The workbook's notebooks folder, then each extra root's ``notebooks/`` (first wins for a principle)."""
    return [notebooks_dir(), *(root / "notebooks" for root in extra_roots())]


def exercises_dirs() -> list[Path]:
    """The workbook's rubrics folder, then each extra root's ``exercises/`` (first wins for a principle)."""
    return [exercises_dir(), *(root / "exercises" for root in extra_roots())]
