"""One ``HTMLExporter`` for the whole site: the portfolio template and preprocessors.

Reusing one in-process exporter costs about 0.1 s a notebook, against about
6 s for each ``jupyter nbconvert`` process (see ``benchmarks/portfolio.py``).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from workbook.portfolio.assets import SiteAssets

__all__ = ["TEMPLATES", "make_exporter", "notebook_css"]

TEMPLATES = Path(__file__).resolve().parent / "templates"


def make_exporter(assets: SiteAssets | None = None) -> Any:
    """An ``HTMLExporter`` using the ``portfolio`` template and the portfolio preprocessors.

    Asset URLs point at the site's local copies; with none, pages carry no
    vendor script tags at all (never a CDN).

    >>> e = make_exporter()
    >>> e.template_name, e.mathjax_url, e.require_js_url
    ('portfolio', '', '')
    """
    from nbconvert import HTMLExporter

    from workbook.portfolio.preprocessors import pipeline

    assets = assets or SiteAssets()
    exporter = HTMLExporter(
        template_name="portfolio",
        extra_template_basedirs=[str(TEMPLATES)],
        exclude_anchor_links=True,
        sanitize_html=False,  # the portfolio preprocessors sanitize with nh3 before rendering
    )
    exporter.mathjax_url = assets.mathjax_url or ""
    exporter.require_js_url = assets.require_js_url or ""
    exporter.widget_renderer_url = assets.widget_renderer_url or ""
    exporter.mermaid_js_url = ""
    exporter.jupyter_widgets_base_url = ""
    for pre in pipeline():
        exporter.register_preprocessor(pre, enabled=True)
    return exporter


def notebook_css(exporter: Any) -> str:
    """JupyterLab's notebook CSS (light theme) and the code highlighting styles, once for the site.

    >>> "jp-Cell" in notebook_css(make_exporter())
    True
    """
    from pygments.formatters import HtmlFormatter

    env = exporter.environment
    parts = [env.loader.get_source(env, name)[0] for name in ("static/index.css", "static/theme-light.css")]
    parts.append(HtmlFormatter(style="default").get_style_defs(".highlight"))
    return "\n".join(parts)
