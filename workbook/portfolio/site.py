"""Build a candidate's portfolio site from their workspace of notebooks.

::

    SITE/index.html              candidate, cohort, curriculum summary (16 principles)
    SITE/T1-security-fundamentals.html ... one page per principle
    SITE/artifacts.html          every artifact, with its alt text
    SITE/reflections.html        every written reflection
    SITE/search.html             search over the site (search-index.json, plain JS)
    SITE/assets/                 stylesheets (screen, print), site.js, local MathJax ...
    SITE/manifest.json           parameters, package versions, build time
    SITE/report.json, report.txt what was removed and why, figures without alt text
"""

from __future__ import annotations

import copy
import datetime as dt
import hashlib
import json
import platform
import shutil
import tempfile
import time
from importlib import metadata as importlib_metadata
from pathlib import Path
from typing import Any

from workbook.errors import InputError
from workbook.portfolio.report import BuildReport

__all__ = ["build_portfolio"]

_PYTHON_PACKAGES = ("cto-workbook", "nbconvert", "nbformat", "papermill", "nh3", "jinja2", "mistune", "beautifulsoup4")


def _versions() -> dict[str, str]:
    found = {"python": platform.python_version()}
    for name in _PYTHON_PACKAGES:
        try:
            found[name] = importlib_metadata.version(name)
        except importlib_metadata.PackageNotFoundError:
            pass
    return found


def _prepare_out(out: Path, workspace: Path) -> None:
    """Empty ``out`` when it is an earlier portfolio; refuse to overwrite anything else."""
    out = out.resolve()
    if out == workspace.resolve() or out in workspace.resolve().parents:
        raise InputError("out", str(out), "a folder outside the workspace (the site is rebuilt from scratch)")
    if out.exists():
        if not out.is_dir():
            raise InputError("out", str(out), "a folder (or a path that does not exist yet)")
        if any(out.iterdir()) and not (out / "manifest.json").is_file():
            raise InputError("out", str(out), "an empty folder or an earlier portfolio (it has no manifest.json)")
        shutil.rmtree(out)
    out.mkdir(parents=True)


def _identity(workspace: Path, candidate: str | None, cohort: str | None, params: dict[str, Any]) -> tuple[str, str]:
    info: dict[str, Any] = {}
    meta = workspace / "portfolio.json"
    if meta.is_file():
        try:
            info = json.loads(meta.read_text(encoding="utf-8"))
        except json.JSONDecodeError as exc:
            raise InputError("portfolio.json", str(meta), f"valid JSON ({exc.msg} at line {exc.lineno})") from None
    name = candidate or info.get("name") or info.get("candidate") or params.get("candidate") or workspace.name
    return str(name), str(cohort or info.get("cohort") or "")


def build_portfolio(
    workspace: Path,
    out: Path,
    *,
    execute: bool = False,
    single_file: bool = False,
    scores: Path | str | None = None,
    candidate: str | None = None,
    cohort: str | None = None,
) -> BuildReport:
    """Build the portfolio site of the notebooks in ``workspace`` into ``out``.

    Parameters
    ----------
    workspace
        The candidate's folder of notebooks (home folder or submission folder).
    out
        The site folder (emptied when it holds an earlier portfolio). With
        ``single_file``, the ``.html`` file to write, or a folder to write
        ``portfolio.html`` into.
    execute
        Re-run each notebook with papermill and its own parameters first.
    single_file
        Write one self-contained ``portfolio.html`` instead of a site.
    scores
        A gradebook export (JSON or CSV) with scores by principle.
    candidate, cohort
        Shown on the index; default: ``workspace/portfolio.json``, else the
        notebooks' ``candidate`` parameter, else the folder's name.

    Returns
    -------
    BuildReport
        Pages written, what was removed and why, figures that lacked alt text.
    """
    from workbook.portfolio.build import build_site

    started = time.perf_counter()
    workspace = Path(workspace)
    out = Path(out)
    if not workspace.is_dir():
        raise InputError("workspace", str(workspace), "a folder of notebooks")
    if single_file:
        from workbook.portfolio.single_file import combine

        target = out if out.suffix.lower() == ".html" else out / "portfolio.html"
        with tempfile.TemporaryDirectory(prefix="portfolio-") as tmp:
            site = Path(tmp) / "site"
            report = build_site(workspace, site, execute=execute, scores=scores, candidate=candidate, cohort=cohort)
            target.parent.mkdir(parents=True, exist_ok=True)
            combine(site, target)
        report.site = target
        report.pages = [target.name]
        report.seconds = time.perf_counter() - started
        report.write(target.parent)
        return report
    _prepare_out(out, workspace)
    report = build_site(workspace, out, execute=execute, scores=scores, candidate=candidate, cohort=cohort)
    report.seconds = time.perf_counter() - started
    report.write(out)
    return report


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
    from workbook.portfolio.assets import package_versions

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
