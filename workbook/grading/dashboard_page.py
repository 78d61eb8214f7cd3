"""Draw the cohort dashboard: one offline HTML page from :func:`workbook.grading.dashboard.dashboard_data`.

The page is rendered by the portfolio's exporter (:func:`workbook.portfolio.exporter.make_exporter`)
with the ``dashboard`` template, which extends the portfolio's; its styles are
the portfolio's ``site.css`` and the dashboard's own, inline. The score
distributions are charts in the workbook's plot style, embedded as PNG with
alt text that states what the chart shows. No script and no request to any
host: the page opens from a USB stick.
"""

from __future__ import annotations

import base64
import datetime as dt
import io
import statistics
from pathlib import Path
from typing import Any

from workbook import __version__
from workbook.grading.dashboard import DashboardData

__all__ = ["TEMPLATES", "distribution_chart", "render_dashboard", "write_dashboard"]

TEMPLATES = Path(__file__).resolve().parent / "templates"


def distribution_chart(principle: str, scores: list[float]) -> tuple[str, str]:
    """A histogram of scores (percent of points possible) as base64 PNG, and its alt text.

    >>> png, alt = distribution_chart("Z9", [100.0, 0.0, 50.0])
    >>> alt
    'Z9: scores of 3 candidates, in bands of 10 percent: median 50%, lowest 0%, highest 100%.'
    >>> base64.b64decode(png)[:4]
    b'\\x89PNG'
    """
    import matplotlib.pyplot as plt

    from workbook.notebook.style import new_figure

    fig, ax = new_figure(f"{principle}: score distribution", "Score (% of points possible)", "Candidates",
                         figsize=(6, 3))
    try:
        ax.hist(scores, bins=list(range(0, 101, 10)), color="#0b4f8a", edgecolor="white", hatch="//")
        ax.set_xlim(0, 100)
        ax.yaxis.get_major_locator().set_params(integer=True)
        buf = io.BytesIO()
        fig.savefig(buf, format="png", dpi=100, bbox_inches="tight")
    finally:
        plt.close(fig)
    if scores:
        alt = (f"{principle}: scores of {len(scores)} candidate{'s' if len(scores) != 1 else ''}, in bands of 10 percent: "
               f"median {statistics.median(scores):.0f}%, lowest {min(scores):.0f}%, highest {max(scores):.0f}%.")
    else:
        alt = f"{principle}: no candidate has worked on this notebook yet."
    return base64.b64encode(buf.getvalue()).decode("ascii"), alt


def _notebook(data: DashboardData) -> Any:
    from nbformat.v4 import new_code_cell, new_notebook, new_output

    cells = []
    for p in data.principles:
        png, alt = distribution_chart(p, data.scores.get(p, []))
        cell = new_code_cell("", metadata={"tags": ["hide-input"]})
        cell.outputs = [new_output("display_data", data={"image/png": png, "text/plain": alt},
                                   metadata={"image/png": {"alt": alt}})]
        cells.append(cell)
    nb = new_notebook(cells=cells)
    nb.metadata["title"] = "Cohort dashboard"
    return nb


def _css() -> str:
    from workbook.portfolio.exporter import TEMPLATES as PORTFOLIO_TEMPLATES

    parts = [(PORTFOLIO_TEMPLATES / "site" / "static" / "site.css").read_text(encoding="utf-8"),
             (TEMPLATES / "dashboard" / "static" / "dashboard.css").read_text(encoding="utf-8")]
    return "\n".join(parts).replace("</", "<\\/")


def render_dashboard(data: DashboardData) -> str:
    """The page's HTML."""
    from workbook.portfolio.exporter import make_exporter

    title = "Cohort dashboard" + (f": mentees of {data.mentor}" if data.mentor else "")
    context = {
        "title": title, "css": _css(), "candidates": data.candidates, "principles": data.principles,
        "cells": {f"{c}|{p}": cell for (c, p), cell in data.cells.items()},
        "item_rows": [{"principle": i.principle, "exercise": i.exercise, "title": i.title, "attempted": i.attempted,
                   "right": i.right, "wrong": i.wrong_answers, "right_answers": i.right_answers} for i in data.items],
        "not_submitted": sorted(data.not_submitted.items()), "publish_answers": data.publish_answers,
        "mentor": data.mentor, "version": __version__,
        "generated": dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
    }
    exporter = make_exporter(template_name="dashboard", template_dirs=(TEMPLATES,))
    resources = {"dashboard": context, "metadata": {"name": title},
                 "portfolio": {"notebook": "dashboard", "widgets": False, "mathjax": False}}
    body, _ = exporter.from_notebook_node(_notebook(data), resources=resources)
    return body


def write_dashboard(data: DashboardData, out: str | Path) -> Path:
    """Write ``out/index.html`` and return its path."""
    folder = Path(out)
    folder.mkdir(parents=True, exist_ok=True)
    page = folder / "index.html"
    page.write_text(render_dashboard(data), encoding="utf-8")
    return page
