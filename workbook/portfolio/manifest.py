"""What a portfolio site says about itself: whose it is, when and from what it was built.

``manifest.json`` records the candidate, the build time, the package versions
and each notebook's parameters and SHA-256, so a reader can tell exactly which
work a page shows. Used by :mod:`workbook.portfolio.build`.
"""

from __future__ import annotations

import copy
import datetime as dt
import hashlib
import json
import platform
from pathlib import Path
from typing import Any

from workbook.errors import InputError
from workbook.portfolio.assets import package_versions

__all__ = ["identity", "manifest", "sha256", "now", "strip_title"]

_PYTHON_PACKAGES = ("cto-workbook", "nbconvert", "nbformat", "papermill", "nh3", "jinja2", "mistune", "beautifulsoup4")


def _versions() -> dict[str, str]:
    from importlib import metadata as importlib_metadata  # measurable start-up (email, zipfile, ...)

    found = {"python": platform.python_version()}
    for name in _PYTHON_PACKAGES:
        try:
            found[name] = importlib_metadata.version(name)
        except importlib_metadata.PackageNotFoundError:
            pass
    return found


def identity(workspace: Path, candidate: str | None, cohort: str | None, params: dict[str, Any]) -> tuple[str, str]:
    """Who the portfolio is of, and their cohort: ``(name, cohort)``.

    The arguments win; then ``workspace/portfolio.json`` (``name`` or
    ``candidate``, ``cohort``); then the notebooks' ``candidate`` parameter;
    then the folder's name.

    >>> identity(Path("no-such-folder/ana"), None, None, {"candidate": "ana-reyes"})
    ('ana-reyes', '')
    >>> identity(Path("ana"), "Ana Reyes", "fall-2026", {})
    ('Ana Reyes', 'fall-2026')
    """
    info: dict[str, Any] = {}
    meta = workspace / "portfolio.json"
    if meta.is_file():
        try:
            info = json.loads(meta.read_text(encoding="utf-8"))
        except json.JSONDecodeError as exc:
            raise InputError("portfolio.json", str(meta), f"valid JSON ({exc.msg} at line {exc.lineno})") from None
    name = candidate or info.get("name") or info.get("candidate") or params.get("candidate") or workspace.name
    return str(name), str(cohort or info.get("cohort") or "")


def manifest(
    candidate: str,
    cohort: str,
    built: str,
    executed: bool,
    notebooks: list[dict[str, Any]],
    assets: dict[str, Any],
) -> dict[str, Any]:
    """The site's ``manifest.json``: who, when, from what, with which versions.

    >>> m = manifest("c", "", "2026-01-01T00:00:00Z", False, [], {})
    >>> sorted(m)
    ['assets', 'built_at', 'candidate', 'cohort', 'executed', 'notebooks', 'packages']
    """
    return {
        "candidate": candidate,
        "cohort": cohort,
        "built_at": built,
        "executed": executed,
        "packages": {**_versions(), **{f"npm:{k}": v for k, v in package_versions().items()}},
        "assets": assets,
        "notebooks": notebooks,
    }


def sha256(path: Path) -> str:
    """The file's SHA-256, so a reader can tell which version of a notebook was published."""
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def now() -> str:
    """The build time, UTC, to the second."""
    return dt.datetime.now(dt.timezone.utc).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def strip_title(nb: Any, title: str) -> Any:
    """A copy of ``nb`` whose page ``<title>`` is ``title``."""
    nb = copy.deepcopy(nb)
    nb.metadata["title"] = title
    return nb
