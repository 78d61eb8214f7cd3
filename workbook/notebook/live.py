"""The live half of every explorer: controls that re-run a view into one output area.

An explorer first leaves its static figure and table (for exports and
portfolios), then calls :func:`live_panel` with its sliders and a ``render``
function. A value the calculators reject shows their message, never a traceback.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any

from workbook.errors import WorkbookError

__all__ = ["live_panel"]


def live_panel(intro: str, rows: Sequence[Any], controls: Iterable[Any], render: Callable[[], None]) -> Any:
    """Display ``intro``, the widget ``rows`` and an output area that ``render()`` fills on every change.

    Parameters
    ----------
    intro
        One sentence telling the candidate what to move (HTML allowed; it is our text, not theirs).
    rows
        Widgets or boxes laid out one per line above the output.
    controls
        The widgets whose ``value`` changes trigger ``render``.
    render
        Shows the view for the controls' current values.

    Returns
    -------
    The ipywidgets container (also displayed).
    """
    import ipywidgets as w
    from IPython.display import display

    out = w.Output()

    def update(_change: Any = None) -> None:
        out.clear_output(wait=True)
        with out:
            try:
                render()
            except WorkbookError as exc:
                print(f"Cannot compute: {exc}")

    for control in controls:
        control.observe(update, names="value")
    box = w.VBox([w.Label(value=intro, style={"font_weight": "bold"}), *rows, out])
    display(box)
    return box
