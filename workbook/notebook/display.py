"""Showing figures and tables so that an HTML export or a portfolio keeps them.

``show_figure`` renders a PNG with real alt text in the output metadata
(``metadata["image/png"]["alt"]``) and the same text as ``text/plain``, then
closes the figure, so no object repr with a memory address lands in the
notebook. ``show_table`` renders a formatted HTML table with a caption.

In a grading kernel (the grader sets ``CTO_WORKBOOK_RENDER=0`` in the
kernel's environment) figures are closed without being drawn and leave a
short placeholder with their alt text: no score depends on a picture, and
drawing is a large share of a notebook's time. Answers are unchanged.
"""

from __future__ import annotations

import base64
import html
import io
import os
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


def table_html(df: Any, caption: str = "", *, money: tuple[str, ...] | str = (), percent: tuple[str, ...] = (), decimals: int = 0) -> str:
    """A DataFrame as an accessible HTML table: caption, header scopes, money formatted.

    ``money="all"`` formats every numeric column as dollars.

    >>> import pandas as pd
    >>> print(table_html(pd.DataFrame({"cost": [1200.0]}, index=["2026-27"]), "Cost", money="all"))  # doctest: +ELLIPSIS
    <table class="workbook-table">...<caption>Cost</caption>...<td>$1,200</td>...
    """
    import pandas as pd

    frame = df.to_frame() if isinstance(df, pd.Series) else df
    numeric = [c for c in frame.columns if pd.api.types.is_numeric_dtype(frame[c]) and not pd.api.types.is_bool_dtype(frame[c])]
    money_cols = numeric if money == "all" else [c for c in money if c in frame.columns]

    def fmt(col: Any, v: Any) -> str:
        if v is None or (isinstance(v, float) and v != v):
            return "—"
        if col in money_cols:
            return f"-${abs(v):,.{decimals}f}" if v < 0 else f"${v:,.{decimals}f}"
        if col in percent:
            return f"{v:.1%}"
        if isinstance(v, float):
            return f"{v:,.2f}"
        if isinstance(v, int):
            return f"{v:,}"
        return html.escape(str(v))

    head = "".join(f'<th scope="col">{html.escape(str(c))}</th>' for c in frame.columns)
    index_name = html.escape(str(frame.index.name or ""))
    rows = []
    for idx, row in frame.iterrows():
        cells = "".join(f"<td>{fmt(c, row[c])}</td>" for c in frame.columns)
        rows.append(f'<tr><th scope="row">{html.escape(str(idx))}</th>{cells}</tr>')
    cap = f"<caption>{html.escape(caption)}</caption>" if caption else ""
    return (
        f'<table class="workbook-table">{cap}<thead><tr><th scope="col">{index_name}</th>{head}</tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table>"
    )


def show_table(df: Any, caption: str = "", **fmt: Any) -> None:
    """Display a DataFrame as a formatted table with a caption (and plain text for nbval)."""
    from IPython.display import display

    text = (caption + "\n" if caption else "") + df.to_string()
    display({"text/html": table_html(df, caption, **fmt), "text/plain": text}, raw=True)
