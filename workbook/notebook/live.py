"""Every explorer's one view: controls, then a figure and a table that the controls redraw in place.

An explorer calls :func:`live_panel` with its controls and a ``render``
function that shows the view (``show_figure``, ``show_table``, ``print``).
:func:`live_panel` shows the controls, then the view for the starting values as
ordinary outputs, each with a display id; moving a control re-runs ``render``
and *replaces* those outputs (``update_display_data``) instead of adding new
ones. So there is one chart and one table, ever: the saved notebook, an HTML
export and a portfolio hold the view as last drawn, as plain PNG and HTML that
need no kernel and no widget manager. A value the calculators reject shows
their message in place of the view, never a traceback. In a grading kernel
(:func:`workbook.notebook.display.rendering` is false) the view is not drawn:
a one-line placeholder with ``intro`` stands in for it.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from workbook.errors import WorkbookError

__all__ = ["rendered", "live_panel"]

Bundle = tuple[dict[str, Any], dict[str, Any]]


def rendered(render: Callable[[], Any]) -> list[Bundle]:
    """The outputs ``render()`` shows, as ``(data, metadata)`` bundles, without showing them.

    Printed text becomes one ``text/plain`` bundle after the displays; a
    :class:`~workbook.errors.WorkbookError` becomes a "Cannot compute" message.

    >>> rendered(lambda: print("42 devices"))
    [({'text/plain': '42 devices\\n'}, {})]
    >>> from workbook.errors import InputError
    >>> def bad():
    ...     raise InputError("unit_cost", 0, "a price above 0")
    >>> rendered(bad)[0][0]["text/plain"]
    'Cannot compute: unit_cost = 0 is not allowed: expected a price above 0\\n'
    """
    from IPython.utils.capture import capture_output

    with capture_output(stdout=True, stderr=False, display=True) as cap:
        try:
            render()
        except WorkbookError as exc:
            print(f"Cannot compute: {exc}")
    bundles: list[Bundle] = [(dict(o.data), dict(o.metadata or {})) for o in cap.outputs]
    if cap.stdout:
        bundles.append(({"text/plain": cap.stdout}, {}))
    return bundles


def _merged(bundles: Sequence[Bundle]) -> Bundle:
    """Several bundles in one slot (only when a redraw shows more than the first drawing did)."""
    from workbook.notebook.recording import fragments
    from workbook.templating import Markup

    parts, texts = [], []
    for data, _meta in bundles:
        text = str(data.get("text/plain", ""))
        texts.append(text)
        if "text/html" in data:
            parts.append(("html", Markup(str(data["text/html"])), text))  # noqa: S704 - our own views' HTML
        elif "image/png" in data:
            parts.append(("png", str(data["image/png"]), text))
        else:
            parts.append(("text", "", text))
    return {"text/html": str(fragments().merged(parts)), "text/plain": "\n".join(texts)}, {}


def live_panel(intro: str, rows: Sequence[Any], controls: Iterable[Any], render: Callable[[], Any]) -> Any:
    """Display ``intro`` and the widget ``rows``, then the view ``render()`` shows, redrawn in place on every change.

    Parameters
    ----------
    intro
        One sentence telling the candidate what to move (plain text, shown in bold).
    rows
        Widgets or boxes laid out one per line.
    controls
        The widgets whose ``value`` changes redraw the view. A control whose label
        width was not set shows its whole label.
    render
        Shows the view for the controls' current values.

    Returns
    -------
    The ipywidgets container of the controls (also displayed).
    """
    import ipywidgets as w
    from IPython.display import display, update_display

    from workbook.notebook.display import rendering

    controls = list(controls)
    for control in controls:
        style = getattr(control, "style", None)
        if style is not None and hasattr(style, "description_width") and not style.description_width:
            style.description_width = "initial"
    box = w.VBox([w.Label(value=intro, style={"font_weight": "bold"}), *rows])
    if not rendering():  # a grading kernel: nobody moves the controls, no score reads the view
        display({"text/plain": f"[explorer not drawn while grading] {intro}"}, raw=True)
        return box
    display(box)

    first = rendered(render) or [({"text/plain": ""}, {})]
    slots = [f"wb-view-{uuid.uuid4().hex}" for _ in first]
    for slot, (data, meta) in zip(slots, first):
        display(data, raw=True, metadata=meta, display_id=slot)

    def update(_change: Any = None) -> None:
        bundles = rendered(render)
        if len(bundles) > len(slots):
            bundles = bundles[: len(slots) - 1] + [_merged(bundles[len(slots) - 1:])]
        bundles += [({"text/plain": ""}, {})] * (len(slots) - len(bundles))
        for slot, (data, meta) in zip(slots, bundles):
            update_display(data, raw=True, metadata=meta, display_id=slot)

    for control in controls:
        control.observe(update, names="value")
    return box
