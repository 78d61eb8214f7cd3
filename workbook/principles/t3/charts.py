"""Charts for T3 Technology Services, in the workbook style.

Each function takes a calculator's result from :mod:`workbook.tools.services`
and returns a matplotlib figure with a title, axis labels with units, and
patterns that read in grey scale. Show it with
:func:`workbook.notebook.display.show_figure` and a sentence of alt text.
"""

from __future__ import annotations

from typing import Any

from workbook.notebook.style import HATCHES, OTHER, PALETTE, fold_other, money_axis, new_figure

__all__ = ["fleet_age_chart", "refresh_schedule_chart", "ticket_volume_chart", "software_currency_chart"]


def fleet_age_chart(profile: Any, title: str = "Device fleet by age") -> Any:
    """Bars of devices by age from :func:`~workbook.tools.services.fleet_age_profile`.

    Ages at or past the planned lifespan (when the profile has ``past_lifespan``)
    are hatched and darker.

    >>> from workbook.tools.services import fleet_age_profile
    >>> fig = fleet_age_chart(fleet_age_profile([{"purchase_year": 2022, "count": 5}], "2026-27", lifespan_years=4))
    >>> fig.axes[0].get_xlabel()
    'Age (years, in whole fiscal years)'
    """
    fig, ax = new_figure(title, "Age (years, in whole fiscal years)", "Devices")
    past = profile["past_lifespan"] if "past_lifespan" in profile else [False] * len(profile)
    colors = [PALETTE[1] if p else PALETTE[0] for p in past]
    hatches = ["//" if p else "" for p in past]
    bars = ax.bar(profile["age_years"].astype(str), profile["devices"], color=colors, edgecolor="white")
    for bar, hatch in zip(bars, hatches):
        bar.set_hatch(hatch)
    if any(past):
        from matplotlib.patches import Patch

        ax.legend(handles=[Patch(color=PALETTE[0], label="within planned life"),
                           Patch(facecolor=PALETTE[1], hatch="//", edgecolor="white", label="at or past planned life")], fontsize=8)
    return fig


def refresh_schedule_chart(plan: Any, title: str = "Level-loaded refresh schedule") -> Any:
    """Devices replaced per year (bars) against devices still past their life (line).

    >>> import pandas as pd
    >>> plan = pd.DataFrame({"fiscal_year": ["2026-27"], "replaced": [10], "past_lifespan_after": [3], "cost": [3000.0], "budget": [3000.0]})
    >>> refresh_schedule_chart(plan).axes[0].get_ylabel()
    'Devices'
    """
    fig, ax = new_figure(title, "Fiscal year", "Devices")
    years = [str(y) for y in plan["fiscal_year"]]
    ax.bar(years, plan["replaced"], color=PALETTE[3], edgecolor=PALETTE[0], label="replaced this year")
    ax.plot(years, plan["past_lifespan_after"], color=PALETTE[1], marker="o", linestyle="--",
            label="still past planned life after purchases")
    ax.set_ylim(bottom=0)
    ax.legend(fontsize=8, loc="upper left", bbox_to_anchor=(1.0, 1.0))
    return fig


def ticket_volume_chart(volume: Any, title: str = "Help desk tickets by month and category") -> Any:
    """Stacked bars of tickets opened per month, one segment per category.

    ``volume`` is :func:`~workbook.tools.services.ticket_volume` by
    ``("category", "month")`` (categories as rows, months as columns).

    >>> import pandas as pd
    >>> v = pd.DataFrame({"2026-08": [3, 1], "2026-09": [5, 2]}, index=["Printing", "Other"])
    >>> ticket_volume_chart(v).axes[0].get_ylabel()
    'Tickets opened'
    """
    fig, ax = new_figure(title, "Month opened", "Tickets opened")
    months = [str(m) for m in volume.columns]
    shown, folded = fold_other(volume.sum(axis=1).to_dict())
    series = [(str(c), volume.loc[c].to_numpy(), PALETTE[i]) for i, c in enumerate(shown)]
    if folded:
        series.append(("all other categories", volume.loc[folded].sum(axis=0).to_numpy(), OTHER))
    bottom = None
    for i, (label, values, color) in enumerate(series):
        ax.bar(months, values, bottom=bottom, label=label, color=color,
               hatch=HATCHES[i % len(HATCHES)], edgecolor="white")
        bottom = values if bottom is None else bottom + values
    ax.tick_params(axis="x", labelrotation=45)
    ax.legend(fontsize=7, loc="upper left", bbox_to_anchor=(1.0, 1.0))
    return fig


def software_currency_chart(currency: Any, title: str = "Cost to stay current, by fiscal year support ends") -> Any:
    """Upgrade cost per unit times count, by the fiscal year in which support ends.

    ``currency`` is :func:`~workbook.tools.services.software_currency`'s table
    (with ``fiscal_year_of_end``, ``count`` and ``upgrade_cost_per_unit``).

    >>> import pandas as pd
    >>> c = pd.DataFrame({"fiscal_year_of_end": ["2026-27"], "count": [2], "upgrade_cost_per_unit": [100.0], "status": ["ending soon"]})
    >>> software_currency_chart(c).axes[0].get_ylabel()
    'Upgrade cost (US$)'
    """
    frame = currency.assign(upgrade=currency["count"] * currency["upgrade_cost_per_unit"])
    by_year = frame.groupby(["fiscal_year_of_end", "status"])["upgrade"].sum().unstack(fill_value=0.0)
    fig, ax = new_figure(title, "Fiscal year support ends", "Upgrade cost (US$)")
    bottom = None
    style = {"unsupported": (PALETTE[1], "//"), "ending soon": (PALETTE[5], ".."), "supported": (PALETTE[0], "")}
    for status in [s for s in style if s in by_year.columns]:
        values = by_year[status].to_numpy()
        color, hatch = style[status]
        ax.bar([str(y) for y in by_year.index], values, bottom=bottom, label=status, color=color, hatch=hatch, edgecolor="white")
        bottom = values if bottom is None else bottom + values
    top = float(by_year.to_numpy().sum(axis=1).max()) if len(by_year) else 0.0
    ax.set_ylim(0, top * 1.08 if top > 0 else 1.0)  # empty stacked segments would pin the top to the tallest bar
    money_axis(ax)
    ax.tick_params(axis="x", labelrotation=30)
    ax.legend(fontsize=8)
    return fig
