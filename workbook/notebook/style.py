"""The workbook's one plot style: readable in grey scale, titles and units always.

Series colours come from the Okabe-Ito palette (Okabe and Ito, *Color
Universal Design*, 2008), eight colours that stay distinct for the common
kinds of colour blindness. A chart never gives two series the same colour: a
chart with more categories than colours shows the largest ones and folds the
rest into "other" (:func:`fold_other`), drawn in :data:`OTHER`. Hatching and
line styles are a second cue only, so a page printed in grey still reads.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

__all__ = ["PALETTE", "OTHER", "HATCHES", "LINESTYLES", "use_style", "money_axis", "new_figure", "fold_other"]

#: Okabe-Ito: blue, orange, bluish green, sky blue, vermillion, reddish purple, yellow, black.
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#56B4E9", "#D55E00", "#CC79A7", "#F0E442", "#000000"]
#: The colour of an "other" series: a mid grey that is none of the palette's.
OTHER = "#999999"
HATCHES = ["", "//", "..", "xx", "\\\\", "++"]
LINESTYLES = ["-", "--", ":", "-."]

_RC = {
    "figure.figsize": (7.5, 4.2),
    "figure.dpi": 100,
    "savefig.dpi": 110,
    "axes.prop_cycle": None,  # set in use_style (needs cycler)
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.grid": True,
    "grid.color": "#d9d9d9",
    "grid.linewidth": 0.6,
    "axes.titlesize": 12,
    "axes.titleweight": "bold",
    "axes.labelsize": 10,
    "legend.frameon": False,
    "font.size": 10,
}


def use_style() -> None:
    """Apply the workbook style to matplotlib (idempotent)."""
    import matplotlib as mpl
    from cycler import cycler

    rc = dict(_RC)
    rc["axes.prop_cycle"] = cycler(color=PALETTE[:4]) + cycler(linestyle=LINESTYLES)
    mpl.rcParams.update(rc)


def new_figure(title: str, xlabel: str, ylabel: str, **kwargs: Any) -> tuple[Any, Any]:
    """A styled figure and axes with its title and axis labels set.

    >>> fig, ax = new_figure("Cost by year", "Fiscal year", "Cost (US$)")
    >>> ax.get_title()
    'Cost by year'
    """
    import matplotlib.pyplot as plt

    use_style()
    fig, ax = plt.subplots(**kwargs)
    ax.set_title(title)
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    return fig, ax


def money_axis(ax: Any, axis: str = "y") -> None:
    """Format an axis in dollars: $1.2M, $350k, $900."""
    from matplotlib.ticker import FuncFormatter

    def fmt(x: float, _pos: int) -> str:
        a = abs(x)
        if a >= 1e6:
            return f"${x / 1e6:.1f}M"
        if a >= 1e3:
            return f"${x / 1e3:.0f}k"
        return f"${x:.0f}"

    target = ax.yaxis if axis == "y" else ax.xaxis
    target.set_major_formatter(FuncFormatter(fmt))


def fold_other(totals: Mapping[str, float], limit: int = len(PALETTE)) -> tuple[list[str], list[str]]:
    """Which categories a chart shows on their own (largest first) and which it folds into "other".

    At most ``limit`` series are drawn, "other" included, so each gets its own colour.

    >>> fold_other({"a": 5, "b": 1, "c": 3}, limit=3)
    (['a', 'c', 'b'], [])
    >>> fold_other({"a": 5, "b": 1, "c": 3, "d": 2}, limit=3)
    (['a', 'c'], ['d', 'b'])
    """
    if limit < 2:
        raise ValueError(f"limit = {limit!r} is not allowed: expected at least 2")
    order = sorted(totals, key=lambda k: (-abs(float(totals[k])), str(k)))
    if len(order) <= limit:
        return order, []
    return order[: limit - 1], order[limit - 1:]
