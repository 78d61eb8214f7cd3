"""HTML from Jinja templates with autoescaping on: the only way the workbook assembles markup.

Every value a template receives is escaped unless it is :class:`Markup`, and
only two kinds of text become ``Markup``: what another of these templates
rendered, and what :func:`workbook.portfolio.preprocessors.sanitize.sanitize_html`
cleaned. Nothing is joined into HTML with f-strings or ``str.format``.

Examples
--------
>>> from pathlib import Path
>>> import tempfile
>>> folder = Path(tempfile.mkdtemp())
>>> _ = (folder / "hello.html.j2").write_text("<p>{{ name }}</p>")
>>> render(folder, "hello.html.j2", name="<img src=x onerror=alert(1)>")
'<p>&lt;img src=x onerror=alert(1)&gt;</p>'
>>> render(folder, "hello.html.j2", name=Markup("<b>ours</b>"))
'<p><b>ours</b></p>'
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

from markupsafe import Markup

__all__ = ["Markup", "environment", "render"]


@lru_cache(maxsize=16)
def environment(folder: str | Path) -> Any:
    """The autoescaping Jinja environment for the templates in ``folder`` (one per folder, cached).

    >>> environment(Path(__file__).parent).autoescape
    True
    """
    from jinja2 import Environment, FileSystemLoader, StrictUndefined

    return Environment(loader=FileSystemLoader(str(folder)), autoescape=True, undefined=StrictUndefined,
                       trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)


def render(folder: str | Path, template: str, /, **context: Any) -> str:
    """Render ``template`` from ``folder`` with ``context`` (every value escaped unless Markup)."""
    return environment(str(folder)).get_template(template).render(**context)
