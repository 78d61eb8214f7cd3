"""The portfolio: completed notebooks assembled into an offline, accessible HTML site.

``build_portfolio(workspace, out)`` is the library entry point (the
``workbook portfolio build`` command and ``make demo`` call it);
``make_slides(notebook, out)`` makes reveal.js slides for an oral presentation.
Heavy imports (nbconvert, nh3, papermill) load only when these run.
"""

from __future__ import annotations

from typing import Any

__all__ = ["build_portfolio", "make_slides", "BuildReport"]


def __getattr__(name: str) -> Any:
    if name == "build_portfolio":
        from workbook.portfolio.site import build_portfolio

        return build_portfolio
    if name == "make_slides":
        from workbook.portfolio.slides import make_slides

        return make_slides
    if name == "BuildReport":
        from workbook.portfolio.report import BuildReport

        return BuildReport
    raise AttributeError(f"module 'workbook.portfolio' has no attribute {name!r}")

