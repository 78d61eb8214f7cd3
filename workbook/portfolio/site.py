"""Build a candidate's portfolio site from their workspace of notebooks.

::

    SITE/index.html              candidate, cohort, curriculum summary (every principle)
    SITE/T1-security-fundamentals.html ... one page per principle
    SITE/artifacts.html          every artifact, with its alt text
    SITE/reflections.html        every written reflection
    SITE/search.html             search over the site (search-index.json, plain JS)
    SITE/assets/                 stylesheets (screen, print), site.js, local MathJax ...
    SITE/manifest.json           parameters, package versions, build time
    SITE/report.json, report.txt what was removed and why, figures without alt text
"""

from __future__ import annotations

import shutil
import tempfile
import time
from pathlib import Path

from workbook.errors import InputError
from workbook.portfolio.build import build_site
from workbook.portfolio.report import BuildReport

__all__ = ["build_portfolio"]

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
    started = time.perf_counter()
    workspace = Path(workspace)
    out = Path(out)
    if not workspace.is_dir():
        raise InputError("workspace", str(workspace), "a folder of notebooks")
    from workbook.portfolio.workspace import find_notebooks

    if not find_notebooks(workspace)[0]:
        raise InputError("workspace", str(workspace), "a folder holding at least one principle's notebook "
                         "(e.g. leadership/L6-fiscal-management.ipynb); it has none, so there is no portfolio to build")
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
