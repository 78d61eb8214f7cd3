"""The workbook's one plot style: readable in grey scale, titles and units always.

Colours come from a short palette that stays distinct in grey; every series
also gets its own hatch or line style, so a printed portfolio still reads.
"""

from __future__ import annotations

from typing import Any

__all__ = ["PALETTE", "HATCHES", "LINESTYLES", "use_style", "money_axis", "new_figure"]

# Dark blue, orange, grey-green, light blue, dark grey: distinct in colour and in luminance.
PALETTE = ["#1f3b73", "#e07b00", "#5b8c5a", "#8fb8de", "#4d4d4d", "#c9a227"]
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
