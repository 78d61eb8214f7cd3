"""Showing figures and tables so that an HTML export or a portfolio keeps them.

``show_figure`` renders a PNG with real alt text in the output metadata
(``metadata["image/png"]["alt"]``) and the same text as ``text/plain``, then
closes the figure, so no object repr with a memory address lands in the
notebook. ``show_table`` renders a formatted HTML table with a caption.

In a grading kernel (the grader sets ``CTO_WORKBOOK_RENDER=0`` in the
kernel's environment) figures are closed without being drawn and leave a
short placeholder with their alt text, and tables leave their caption: no
score depends on a picture or a formatted table, and drawing them is a large
share of a notebook's time. Answers and self-checks are unchanged.
"""

from __future__ import annotations

import base64
import io
import numbers
import os
import re
from typing import Any

__all__ = ["figure_bundle", "show_figure", "table_html", "show_table", "RENDER_ENV", "rendering"]

#: ``0`` in a kernel's environment: figures are not drawn (grading kernels).
RENDER_ENV = "CTO_WORKBOOK_RENDER"


def rendering() -> bool:
    """Whether figures are drawn in this kernel (everywhere but in a grading kernel).

    >>> rendering() == (os.environ.get(RENDER_ENV, "1") != "0")
    True
    """
    return os.environ.get(RENDER_ENV, "1") != "0"


def figure_bundle(fig: Any, alt: str) -> tuple[dict[str, Any], dict[str, Any]]:
    """``(data, metadata)`` for a matplotlib figure with alt text.

    >>> from workbook.notebook.style import new_figure
    >>> fig, ax = new_figure("t", "x", "y")
    >>> data, meta = figure_bundle(fig, "An empty chart")
    >>> data["text/plain"], meta["image/png"]["alt"]
    ('An empty chart', 'An empty chart')
    """
    if not isinstance(alt, str) or not alt.strip():
        raise ValueError("alt = {!r} is not allowed: expected a sentence describing the chart".format(alt))
    if not rendering():
        import matplotlib.pyplot as plt

        plt.close(fig)
        return {"text/plain": f"[chart not drawn while grading] {alt}"}, {}
    buf = io.BytesIO()
    fig.savefig(buf, format="png", bbox_inches="tight")
    import matplotlib.pyplot as plt

    plt.close(fig)
    png = base64.b64encode(buf.getvalue()).decode("ascii")
    width, height = fig.get_size_inches() * fig.dpi
    data = {"image/png": png, "text/plain": alt}
    meta = {"image/png": {"alt": alt, "width": int(width), "height": int(height)}}
    return data, meta


def show_figure(fig: Any, alt: str) -> None:
    """Display a figure as a PNG with alt text, and close it."""
    from IPython.display import display

    data, meta = figure_bundle(fig, alt)
    display(data, metadata=meta, raw=True)


#: Column names and row labels that hold a share (a fraction shown as a percentage).
_SHARE = re.compile(r"\b(share|shares|percent|percentage|pct|rate|availability)\b|%", re.IGNORECASE)
#: Row labels of money (``price of one device ($)``, ``one-time migration cost``).
_MONEY_ROW = re.compile(r"\$|\b(costs?|price|budget|dollars)\b", re.IGNORECASE)
#: Column names of calendar years (``purchase_year``): whole numbers without a thousands separator.
_YEAR = re.compile(r"\byear\b", re.IGNORECASE)


def _words(label: Any) -> str:
    return str(label).replace("_", " ")


def _hides_index(frame: Any) -> bool:
    """A default 0..n-1 index says nothing: the table leaves it out."""
    import pandas as pd

    return isinstance(frame.index, pd.RangeIndex) and frame.index.name is None and frame.index.start == 0 and frame.index.step == 1


def _column_kinds(frame: Any, money: tuple[str, ...] | str, percent: tuple[str, ...]) -> dict[Any, str]:
    """``money``, ``money-all``, ``percent``, ``year``, ``number``, ``flag`` or ``text`` for each column."""
    import pandas as pd

    kinds: dict[Any, str] = {}
    for col in frame.columns:
        values = frame[col]
        numeric = pd.api.types.is_numeric_dtype(values) and not pd.api.types.is_bool_dtype(values)
        if col in percent:
            kinds[col] = "percent"
        elif money != "all" and col in money:
            kinds[col] = "money"
        elif pd.api.types.is_bool_dtype(values):
            kinds[col] = "flag"
        elif not numeric:
            kinds[col] = "text"
        elif _SHARE.search(_words(col)):
            kinds[col] = "percent"
        elif money == "all":
            kinds[col] = "money-all"  # a share row still shows as a percentage
        elif _YEAR.search(_words(col)) and pd.api.types.is_integer_dtype(values):
            kinds[col] = "year"
        else:
            kinds[col] = "number"
    return kinds


def _percent(v: float) -> str:
    """A share as a percentage, with a decimal more while rounding would hide the gap to 100%.

    >>> _percent(0.722), _percent(0.9999), _percent(1.0)
    ('72.2%', '99.99%', '100.0%')
    """
    digits = 1
    while digits < 4 and v != 1 and round(v * 100, digits) == 100:
        digits += 1
    return f"{v:.{digits}%}"


def _cell(v: Any, kind: str, row: str, decimals: int) -> str:
    """One cell as text: ``kind`` is its column's, ``row`` is ``percent``, ``money`` or ``""`` by its row's label."""
    if v is None or (isinstance(v, float) and v != v):
        return "—"
    if kind == "flag" or type(v).__name__ in ("bool", "bool_"):
        return "yes" if v else "no"
    if isinstance(v, str) or not isinstance(v, numbers.Real):
        return str(v)  # text: the template escapes it
    if kind == "percent" or (row == "percent" and kind != "money"):
        return _percent(float(v))
    if kind in ("money", "money-all") or row == "money":
        return f"-${abs(v):,.{decimals}f}" if v < 0 else f"${v:,.{decimals}f}"
    if kind == "year":
        return f"{v:.0f}"
    if float(v).is_integer():
        return f"{v:,.0f}"
    return f"{v:,.2f}"


def table_html(df: Any, caption: str = "", *, money: tuple[str, ...] | str = (), percent: tuple[str, ...] = (), decimals: int = 0) -> str:
    """A DataFrame as an accessible HTML table: caption, header scopes, numbers shown as what they are.

    Money as dollars (``money`` names the columns; ``"all"``: every numeric
    column), shares as percentages (``percent`` names the columns; a column or a
    row whose name says *share*, *percent* or *rate* is one too, even under
    ``money="all"``), counts as whole numbers with thousands separators, other
    numbers with two decimals (none when whole), calendar years (``purchase_year``)
    as they are, true/false as yes/no. A row whose label names a cost, a price
    or a budget (or ``$``) shows money. A default 0..n-1 index is left out.

    >>> import pandas as pd
    >>> print(table_html(pd.DataFrame({"cost": [1200.0]}, index=["2026-27"]), "Cost", money="all"))  # doctest: +ELLIPSIS
    <table class="workbook-table">...<caption>Cost</caption>...<td>$1,200</td>...
    >>> summary = pd.DataFrame({"measure": ["total", "indirect share of total"], "value": [19.8e6, 0.127]})
    >>> cells = table_html(summary, money="all")
    >>> "$19,800,000" in cells, "12.7%" in cells, ">0<" in cells
    (True, True, False)
    >>> cells = table_html(pd.DataFrame({"staff": [651.0, 12.0], "ratio": [1.5, 2.25], "purchase_year": [2025, 2026]}))
    >>> "651.00" in cells, ">651<" in cells, ">2.25<" in cells, ">2025<" in cells
    (False, True, True, True)
    >>> ">yes<" in table_html(pd.DataFrame({"restricted": [True]}))
    True
    """
    import pandas as pd

    frame = df.to_frame() if isinstance(df, pd.Series) else df
    kinds = _column_kinds(frame, money, percent)
    hide_index = _hides_index(frame)
    label_col = next((c for c in frame.columns if kinds[c] == "text"), None) if hide_index else None
    columns = list(frame.columns)
    rows = []
    for i, idx in enumerate(frame.index):
        label = _words(frame[label_col].iloc[i] if label_col is not None else idx if not hide_index else "")
        row = "percent" if _SHARE.search(label) else "money" if _MONEY_ROW.search(label) else ""
        rows.append((idx, [_cell(frame[c].iloc[i], kinds[c], row, decimals) for c in columns]))
    from workbook.notebook.recording import fragments

    return str(fragments().table(caption, None if hide_index else frame.index.name or "", columns, rows))


def show_table(df: Any, caption: str = "", **fmt: Any) -> None:
    """Display a DataFrame as a formatted table with a caption (and plain text for nbval)."""
    from IPython.display import display

    import pandas as pd

    frame = df.to_frame() if isinstance(df, pd.Series) else df
    if not rendering() and isinstance(frame, pd.DataFrame):
        display({"text/plain": f"[table not drawn while grading] {caption}".rstrip()}, raw=True)
        return
    text = (caption + "\n" if caption else "") + frame.to_string(index=not _hides_index(frame))
    display({"text/html": table_html(df, caption, **fmt), "text/plain": text}, raw=True)
