"""One ``HTMLExporter`` for the whole site: the portfolio template and preprocessors.

Reusing one in-process exporter costs about 0.1 s a notebook, against about
6 s for each ``jupyter nbconvert`` process (see ``benchmarks/portfolio.py``).
"""

from __future__ import annotations

import copy
import re
from pathlib import Path
from typing import Any

from workbook.portfolio.assets import SiteAssets

__all__ = ["TEMPLATES", "exporter_class", "make_exporter", "notebook_css", "focusable"]

TEMPLATES = Path(__file__).resolve().parent / "templates"
_OUTPUT = re.compile(r'<div class="([^"]*\bjp-OutputArea-output\b[^"]*)"')


def focusable(markup: str) -> str:
    """Let keyboard users reach (and scroll) inputs and outputs, as nbconvert does.

    >>> focusable('<div class="jp-RenderedText jp-OutputArea-output">')
    '<div class="jp-RenderedText jp-OutputArea-output" tabindex="0">'
    """
    markup = markup.replace('<div class="jp-Cell-inputWrapper">', '<div class="jp-Cell-inputWrapper" tabindex="0">')
    return _OUTPUT.sub(r'<div class="\1" tabindex="0"', markup)


def exporter_class() -> Any:
    """The portfolio's ``HTMLExporter`` subclass: no whole-page BeautifulSoup pass.

    A class made on first call, so that importing this module does not import
    nbconvert; :func:`make_exporter` configures an instance of it.

    nbconvert re-parses every page only to add a meaningless default alt text and
    ``tabindex``; the portfolio's template writes real alt text itself and
    :func:`focusable` adds the ``tabindex`` with a string pass (about 40% of the
    build time saved).
    """
    from nbconvert import HTMLExporter
    from nbconvert.exporters.templateexporter import TemplateExporter
    from nbconvert.filters.highlight import Highlight2HTML
    from nbconvert.filters.widgetsdatatypefilter import WidgetsDataTypeFilter

    from workbook.portfolio.preprocessors.untrusted import UntrustedInputPreprocessor

    class PortfolioHTMLExporter(HTMLExporter):  # type: ignore[misc, valid-type]
        def from_notebook_node(self, nb: Any, resources: Any = None, **kw: Any) -> tuple[str, Any]:
            # Before anything of nbconvert's: the file is the candidate's (keys only the pipeline may set are
            # removed, and fields nbconvert prints or validates are brought to nbformat's shapes).
            resources = self._init_resources(resources)
            nb, resources = UntrustedInputPreprocessor().preprocess(copy.deepcopy(nb), resources)
            langinfo = nb.metadata.get("language_info", {})
            lexer = langinfo.get("pygments_lexer", langinfo.get("name", None))
            self.register_filter("highlight_code", self.filters.get("highlight_code", Highlight2HTML(pygments_lexer=lexer, parent=self)))
            self.register_filter("filter_data_type", WidgetsDataTypeFilter(notebook_metadata=self._nb_metadata, parent=self, resources=resources))
            markup, resources = TemplateExporter.from_notebook_node(self, nb, resources, **kw)
            return focusable(markup), resources

    return PortfolioHTMLExporter


def make_exporter(
    assets: SiteAssets | None = None,
    *,
    template_name: str = "portfolio",
    template_dirs: tuple[Path, ...] = (),
) -> Any:
    """An ``HTMLExporter`` using the ``portfolio`` template and the portfolio preprocessors.

    Asset URLs point at the site's local copies; with none, pages carry no
    vendor script tags at all (never a CDN). Another template that extends
    ``portfolio/index.html.j2`` (the grader's feedback page) is named with
    ``template_name`` and found in ``template_dirs``.

    >>> e = make_exporter()
    >>> e.template_name, e.mathjax_url, e.require_js_url
    ('portfolio', '', '')
    """
    from workbook.portfolio.preprocessors import pipeline

    assets = assets or SiteAssets()
    exporter = exporter_class()(
        template_name=template_name,
        extra_template_basedirs=[*(str(d) for d in template_dirs), str(TEMPLATES)],
        # so that {% extends 'portfolio/index.html.j2' %} resolves from another template
        extra_template_paths=[str(TEMPLATES)] if template_dirs else [],
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
