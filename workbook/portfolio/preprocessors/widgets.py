"""Saved widget state is the candidate's: only standard widgets, with text that cannot become script.

The site renders widgets from the state saved in the notebook
(``metadata.widgets``) with the Jupyter widgets HTML manager. That manager
writes some strings as HTML (an ``HTML`` widget's value, descriptions that
allow HTML, and everything in the older 1.x views), shows an ``Image`` whose
format is ``url`` by fetching the URL, and loads any widget module it does not
know from a CDN. So, before a page is written:

- only models of the standard modules (``@jupyter-widgets/controls``, ``base``,
  ``output``) at the versions this ipywidgets writes, with a model and view
  pair ipywidgets defines and a plain model id, are kept;
- ``Image``, ``Audio`` and ``Video`` models that point at a URL are dropped;
- every string with markup in it is sanitized like any candidate HTML, and
  ``description_allow_html`` is off; strings that name a ``url(`` go;
- an ``Output`` widget's outputs are cleaned like cell outputs;
- references to dropped models are removed, and a view of a dropped model
  falls back to the output's plain text.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from nbconvert.preprocessors import Preprocessor

from workbook.portfolio.preprocessors._common import context, record_removal
from workbook.portfolio.preprocessors.sanitize import sanitize_html, sanitize_output

__all__ = ["WidgetStatePreprocessor", "clean_widget_state"]

STATE_MIME = "application/vnd.jupyter.widget-state+json"
VIEW_MIME = "application/vnd.jupyter.widget-view+json"
_MODULES = ("@jupyter-widgets/controls", "@jupyter-widgets/base", "@jupyter-widgets/output")
_ID = re.compile(r"[A-Za-z0-9_-]{1,64}")
_REF = re.compile(r"IPY_MODEL_([A-Za-z0-9_-]{1,64})")
_MEDIA = {"ImageModel", "AudioModel", "VideoModel"}


@lru_cache(maxsize=1)
def _known() -> tuple[dict[tuple[str, str], tuple[str | None, str | None]], dict[str, str]]:
    """(model module, model) -> (view module, view) of every ipywidgets widget; the version major per module."""
    from ipywidgets import Widget

    def subclasses(cls: type) -> Any:
        for sub in cls.__subclasses__():
            yield sub
            yield from subclasses(sub)

    def default(traits: dict[str, Any], name: str) -> Any:
        return traits[name].default_value if name in traits else None

    known, majors = {}, {}
    for cls in subclasses(Widget):
        t = cls.class_traits()
        module = default(t, "_model_module")
        if module in _MODULES:
            known[(module, default(t, "_model_name"))] = (default(t, "_view_module"), default(t, "_view_name"))
            majors[module] = str(default(t, "_model_module_version")).split(".")[0]
    return known, majors


def _allowed(model_id: Any, model: Any) -> bool:
    if not isinstance(model_id, str) or not _ID.fullmatch(model_id) or not isinstance(model, dict):
        return False
    state = model.get("state")
    if not isinstance(state, dict):
        return False
    known, majors = _known()
    module, name = model.get("model_module"), model.get("model_name")
    version = str(model.get("model_module_version", ""))
    if (module, name) not in known or version.split(".")[0] != majors[module]:
        return False
    if any(state.get(k, v) != v for k, v in (("_model_module", module), ("_model_name", name),
                                             ("_model_module_version", version))):
        return False
    view_module, view_name = known[(module, name)]
    if (state.get("_view_module", view_module), state.get("_view_name", view_name)) != (view_module, view_name):
        return False  # a model shown with another widget's view (a Label drawn as HTML)
    if view_module is not None and str(state.get("_view_module_version", version)).split(".")[0] != majors[view_module]:
        return False
    return not (name in _MEDIA and state.get("format") == "url")


def _clean_value(value: Any, dropped: set[str]) -> Any:
    """Sanitize markup in strings, drop ``url(`` strings and references to dropped models (recursively)."""
    if isinstance(value, str):
        ref = _REF.fullmatch(value)
        if (ref and ref.group(1) in dropped) or "url(" in value.lower():
            return None
        return sanitize_html(value) if "<" in value else value  # without "<" no markup can form
    if isinstance(value, list):
        cleaned = [_clean_value(v, dropped) for v in value]
        return [v for v, old in zip(cleaned, value) if v is not None or old is None]
    if isinstance(value, dict):
        return {k: _clean_value(v, dropped) for k, v in value.items()}
    return value


def clean_widget_state(widgets: Any) -> tuple[dict[str, Any], list[str]]:
    """The saved widget state with only safe models and text; the ids of the models dropped.

    Examples
    --------
    >>> state = {"version_major": 2, "version_minor": 0, "state": {
    ...     "a1": {"model_name": "HTMLModel", "model_module": "@jupyter-widgets/controls", "model_module_version": "2.0.0",
    ...            "state": {"value": "<img src=x onerror=alert(1)>Hi", "description": "<b>x</b>",
    ...                      "description_allow_html": True, "_view_name": "HTMLView",
    ...                      "_view_module": "@jupyter-widgets/controls", "_view_module_version": "2.0.0"}},
    ...     "b2": {"model_name": "EvilModel", "model_module": "evil-widgets", "model_module_version": "1.0.0", "state": {}}}}
    >>> clean, dropped = clean_widget_state({STATE_MIME: state})
    >>> clean[STATE_MIME]["state"]["a1"]["state"]["value"], dropped
    ('Hi', ['b2'])
    >>> clean[STATE_MIME]["state"]["a1"]["state"]["description_allow_html"]
    False
    """
    saved = widgets.get(STATE_MIME) if isinstance(widgets, dict) else None
    models = saved.get("state") if isinstance(saved, dict) else None
    if not isinstance(models, dict):
        return {}, []
    dropped = {str(k) for k, m in models.items() if not _allowed(k, m)}
    kept: dict[str, Any] = {}
    for model_id, model in models.items():
        if model_id in dropped:
            continue
        state = _clean_value(model["state"], dropped)
        if "description_allow_html" in state:
            state["description_allow_html"] = False
        if model["model_name"] == "OutputModel":
            outputs = state.get("outputs") if isinstance(state.get("outputs"), list) else []
            state["outputs"] = [o for o in outputs if isinstance(o, dict)]
            for output in state["outputs"]:
                sanitize_output(output, widgets=True)
        buffers = [b for b in model.get("buffers", []) if isinstance(b, dict) and isinstance(b.get("data"), str)]
        kept[model_id] = {k: model[k] for k in ("model_name", "model_module", "model_module_version")} | {"state": state, "buffers": buffers}
    version = {k: saved.get(k) for k in ("version_major", "version_minor") if isinstance(saved.get(k), int)}
    return {STATE_MIME: {**version, "state": kept}}, sorted(dropped)


class WidgetStatePreprocessor(Preprocessor):
    """Keep only safe widget state (see the module's docstring); views of dropped models show their text."""

    def preprocess(self, nb: Any, resources: dict[str, Any]) -> tuple[Any, dict[str, Any]]:
        if "widgets" not in nb.metadata:
            return nb, resources
        clean, dropped = clean_widget_state(nb.metadata["widgets"])
        kept = set(clean.get(STATE_MIME, {}).get("state", {}))
        if kept:
            nb.metadata["widgets"] = clean
        else:
            nb.metadata.pop("widgets")
        if dropped:
            record_removal(resources, "widget", f"{len(dropped)} widget(s)",
                           "saved widget state that is not a standard widget, or that loads a URL")
        for cell in nb.cells:
            for output in cell.get("outputs", []):
                view = (output.get("data") or {}).get(VIEW_MIME)
                if view is not None and (not isinstance(view, dict) or view.get("model_id") not in kept):
                    del output["data"][VIEW_MIME]
        context(resources)
        return nb, resources
