"""Charts for the finance notebooks, in the workbook style.

Each function takes a calculator's result, returns a matplotlib figure with a
title, axis labels with units, and patterns that read in grey scale. Show it
with :func:`workbook.notebook.display.show_figure` and a sentence of alt text.
"""

from __future__ import annotations

from typing import Any

from workbook.notebook.style import HATCHES, OTHER, PALETTE, fold_other, money_axis, new_figure

__all__ = ["tco_by_year_chart", "tornado_chart", "distribution_chart", "cumulative_cashflow_chart", "budget_chart", "refresh_cycle_chart"]


def tco_by_year_chart(result: Any, title: str = "Total cost of ownership by year") -> Any:
    """Stacked bars of a :class:`~workbook.tools.tco.TCOResult`'s categories per year.

    >>> from workbook.tools.tco_devices import device_program_tco
    >>> fig = tco_by_year_chart(device_program_tco(100, 100, 300, 4, 5, software_per_device=20))
    >>> fig.axes[0].get_ylabel()
    'Cost (US$)'
    """
    frame = result.by_year.drop(columns=["total"], errors="ignore")
    frame = frame.loc[:, (frame != 0).any(axis=0)]
    shown, folded = fold_other(frame.sum().to_dict())
    series = [(str(c).replace("_", " "), frame[c].to_numpy(), PALETTE[i]) for i, c in enumerate(shown)]
    if folded:
        series.append(("other (" + ", ".join(str(c).replace("_", " ") for c in folded) + ")",
                       frame[folded].sum(axis=1).to_numpy(), OTHER))
    fig, ax = new_figure(title, "Year of the program", "Cost (US$)")
    bottom = None
    for i, (label, values, color) in enumerate(series):
        ax.bar([str(y) for y in frame.index], values, bottom=bottom, label=label,
               color=color, hatch=HATCHES[i % len(HATCHES)], edgecolor="white")
        bottom = values if bottom is None else bottom + values
    money_axis(ax)
    ax.legend(loc="upper left", bbox_to_anchor=(1.0, 1.0), fontsize=8)
    return fig


def tornado_chart(table: Any, title: str = "What moves the total most", label: str = "Change in total (US$)") -> Any:
    """A tornado chart from :func:`workbook.tools.tco_uncertainty.sensitivity`'s table."""
    rows = table.iloc[::-1]
    fig, ax = new_figure(title, label, "Input")
    names = [str(n).replace("_", " ") for n in rows["input"]]
    ax.barh(names, rows["change_low"], color=PALETTE[3], hatch="//", edgecolor="white", label="input at its low value")
    ax.barh(names, rows["change_high"], color=PALETTE[0], edgecolor="white", label="input at its high value")
    ax.axvline(0, color="black", linewidth=0.8)
    money_axis(ax, "x")
    ax.legend(loc="lower right", fontsize=8)
    return fig


def distribution_chart(samples: Any, title: str, xlabel: str = "Total cost (US$)", marks: tuple[float, ...] = (5, 50, 95)) -> Any:
    """A histogram of Monte Carlo samples with percentile lines."""
    import numpy as np

    fig, ax = new_figure(title, xlabel, "Share of simulations")
    weights = np.full(len(samples), 1 / len(samples))
    ax.hist(samples, bins=40, weights=weights, color=PALETTE[3], edgecolor="white")
    for q, style in zip(marks, ["--", "-", ":"]):
        value = float(np.percentile(samples, q))
        ax.axvline(value, color="black", linestyle=style, linewidth=1, label=f"P{q:g}")
    money_axis(ax, "x")
    ax.legend(fontsize=8)
    return fig


def cumulative_cashflow_chart(table: Any, title: str = "Cumulative cash flow") -> Any:
    """Cumulative and discounted cumulative cash flow from :func:`workbook.tools.finance.cashflow_table`."""
    fig, ax = new_figure(title, "Year", "Cumulative cash flow (US$)")
    years = table["year"] if "year" in table else table.index
    ax.plot(years, table["cumulative"], marker="o", color=PALETTE[0], linestyle="-", label="cumulative")
    ax.plot(years, table["cumulative_pv"], marker="s", color=PALETTE[1], linestyle="--", label="cumulative, discounted")
    ax.axhline(0, color="black", linewidth=0.8)
    money_axis(ax)
    ax.legend(fontsize=8)
    return fig


def budget_chart(worksheet: Any, title: str = "Technology budget: revenue and spending") -> Any:
    """Revenue and expenditure per year, unrestricted and restricted, from a budget worksheet."""
    import numpy as np

    summary = worksheet.summary()
    years = list(worksheet.years)
    x = np.arange(len(years))
    fig, ax = new_figure(title, "Fiscal year", "US$")
    width = 0.2
    series = [
        ("unrestricted", "revenue", PALETTE[0], ""),
        ("unrestricted", "expenditure", PALETTE[3], "//"),
        ("restricted", "revenue", PALETTE[1], ".."),
        ("restricted", "expenditure", PALETTE[5], "xx"),
    ]
    for i, (fund, measure, color, hatch) in enumerate(series):
        ax.bar(x + (i - 1.5) * width, summary.loc[(fund, measure), years], width, color=color, hatch=hatch, edgecolor="white", label=f"{fund} {measure}")
    ax.set_xticks(x, years)
    money_axis(ax)
    ax.legend(fontsize=8, loc="upper left", bbox_to_anchor=(1.0, 1.0))
    return fig


def refresh_cycle_chart(table: Any, title: str = "TCO per device-year by refresh cycle") -> Any:
    """Bars of TCO per device-year for each refresh cycle (from ``tco_by_refresh_cycle``)."""
    fig, ax = new_figure(title, "Refresh cycle (years)", "Cost per device-year (US$)")
    labels = [str(k) for k in table.index]
    ax.bar(labels, table["per_device_year"], color=PALETTE[0], edgecolor="white")
    for i, v in enumerate(table["per_device_year"]):
        ax.annotate(f"${v:,.0f}", (i, v), ha="center", va="bottom", fontsize=9)
    money_axis(ax)
    return fig
