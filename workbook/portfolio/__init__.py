"""The portfolio: completed notebooks assembled into an offline, accessible HTML site.

``build_portfolio(workspace, out)`` is the library entry point (the
``workbook portfolio build`` command and ``make demo`` call it);
``make_slides(notebook, out)`` makes reveal.js slides for an oral presentation.
Importing this package is cheap: nbconvert, nh3 and papermill load only when
these run.
"""

from __future__ import annotations

from workbook.portfolio.report import BuildReport
from workbook.portfolio.site import build_portfolio
from workbook.portfolio.slides import make_slides

__all__ = ["build_portfolio", "make_slides", "BuildReport"]
