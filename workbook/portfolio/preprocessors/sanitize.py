"""Sanitize everything the candidate wrote or a cell printed as HTML.

Markdown cells are rendered to HTML here (nbconvert's own markdown renderer,
so math stays for MathJax) and cleaned with nh3 (the Rust ``ammonia``
sanitizer): no ``<script>``, no event-handler attributes, no ``javascript:``
links, no remote images (a remote image would be a request to another host; it
becomes a link). HTML and markdown outputs are cleaned the same way;
JavaScript outputs are dropped. The result lives in ``cell.metadata.portfolio.html``.
"""

from __future__ import annotations

import re
from typing import Any

from nbconvert.preprocessors import Preprocessor

from workbook.portfolio.fragments import remote_image_link
from workbook.portfolio.preprocessors._common import cell_label, context, record_removal

__all__ = ["SanitizePreprocessor", "sanitize_html", "sanitize_output", "markdown_to_html"]

_TAGS = {
    "a", "abbr", "b", "blockquote", "br", "caption", "cite", "code", "col", "colgroup",
    "dd", "del", "details", "div", "dl", "dt", "em", "figcaption", "figure", "h1", "h2",
    "h3", "h4", "h5", "h6", "hr", "i", "img", "ins", "kbd", "li", "mark", "ol", "p", "pre",
    "q", "s", "samp", "small", "span", "strong", "sub", "summary", "sup", "table", "tbody",
    "td", "tfoot", "th", "thead", "time", "tr", "u", "ul", "var",
}
_ATTRIBUTES = {
    "*": {"title", "lang", "dir", "id", "class"},
    "a": {"href", "hreflang"},
    "img": {"src", "alt", "width", "height"},
    "td": {"colspan", "rowspan", "headers", "align"},
    "th": {"colspan", "rowspan", "headers", "scope", "align"},
    "ol": {"start"},
    "time": {"datetime"},
}
_REMOTE = re.compile(r"^\s*(?:https?:)?//", re.I)


def _attribute_filter(tag: str, attr: str, value: str) -> str | None:
    if attr == "href" and value.strip().lower().startswith("data:"):
        return None
    if tag == "img" and attr == "src" and not value.strip().lower().startswith("data:image/"):
        return None  # remote and local files alike: a site page must not fetch them
    return value


def sanitize_html(markup: str) -> str:
    """Clean untrusted HTML: allowed tags and attributes only, safe URLs only.

    Script and style elements lose their tags; their text stays, inert.

    Examples
    --------
    >>> sanitize_html('<p onclick="x()">Hi<script>alert(1)</script></p>')
    '<p>Hialert(1)</p>'
    >>> sanitize_html('<a href="javascript:alert(1)">x</a>')
    '<a rel="noopener noreferrer">x</a>'
    >>> sanitize_html('<p><img src="x.png" onerror="alert(1)" alt="chart"> and <img src=x onerror=alert(1)></p>')
    '<p>chart and </p>'
    """
    import nh3

    remote_imgs = _remote_images_to_links(markup)
    clean = nh3.clean(
        remote_imgs,
        tags=_TAGS,
        clean_content_tags=set(),
        attributes=_ATTRIBUTES,
        attribute_filter=_attribute_filter,
        url_schemes={"http", "https", "mailto", "data"},
        link_rel="noopener noreferrer",
        strip_comments=True,
    )
    # An image whose source was refused shows nothing but a broken-image icon (and checkers flag an
    # img without alt): it goes, and its alt text, if any, stays as text.
    return _drop_sourceless_images(clean) if "<img" in clean else clean


def _drop_sourceless_images(markup: str) -> str:
    """Replace each ``<img>`` without ``src`` by its alt text (escaped), or by nothing; give the rest ``alt``.

    >>> _drop_sourceless_images('<p><img alt="a &lt;b&gt;"><img src="data:image/png;base64,AA"></p>')
    '<p>a &lt;b&gt;<img alt="" src="data:image/png;base64,AA"/></p>'
    """
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(markup, "html.parser")
    images = [img for img in soup.find_all("img") if not img.get("src") or img.get("alt") is None]
    if not images:
        return markup
    for img in images:
        if img.get("src"):
            img.attrs = {"alt": "", **img.attrs}
        else:
            img.replace_with(str(img.get("alt") or ""))
    return str(soup)


_IMG = re.compile(r"<img\b[^>]*>", re.I)
_ATTR = re.compile(r"""(\w+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""")


def _remote_images_to_links(markup: str) -> str:
    """Turn ``<img src="https://...">`` into a link to the image (no request on load)."""

    def swap(match: re.Match[str]) -> str:
        attrs = {m.group(1).lower(): m.group(2) or m.group(3) or m.group(4) or "" for m in _ATTR.finditer(match.group(0))}
        src = attrs.get("src", "")
        if not _REMOTE.match(src):
            return match.group(0)
        return remote_image_link(src, attrs.get("alt") or "image")

    return _IMG.sub(swap, markup)


def markdown_to_html(source: str, attachments: dict[str, Any] | None = None) -> str:
    """Render markdown (with math left for MathJax) and sanitize the result.

    >>> markdown_to_html("**bold** $x^2$ <script>alert(1)</script>")
    '<p><strong>bold</strong> $x^2$ alert(1)</p>\\n'
    """
    from nbconvert.filters.markdown_mistune import IPythonRenderer, MarkdownWithMath

    renderer = IPythonRenderer(escape=False, exclude_anchor_links=True, attachments=attachments or {})
    rendered = MarkdownWithMath(renderer=renderer).render(source)
    return sanitize_html(rendered)


def sanitize_output(output: Any, *, widgets: bool = False) -> list[str]:
    """Clean one output in place: HTML and markdown sanitized, scripts and SVG dropped; say what went.

    ``widgets``: keep widget views (the site renders widgets from their sanitized saved state).

    >>> out = {"output_type": "display_data", "metadata": {},
    ...        "data": {"text/html": "<b onclick='x()'>b</b>", "application/javascript": "x()"}}
    >>> sanitize_output(out), out["data"]
    (['JavaScript output: a portfolio page runs no notebook code'], {'text/html': '<b>b</b>'})
    """
    removed: list[str] = []
    data = output.get("data")
    if not data:
        return removed
    for mime in [m for m in data if "javascript" in m or m == "application/vnd.jupyter.widget-view+json"]:
        if mime == "application/vnd.jupyter.widget-view+json" and widgets:
            continue
        del data[mime]
        if "javascript" in mime:
            removed.append("JavaScript output: a portfolio page runs no notebook code")
    if "text/markdown" in data:
        data["text/html"] = markdown_to_html(_text(data.pop("text/markdown")))
    if "text/html" in data:
        data["text/html"] = sanitize_html(_text(data["text/html"]))
    if "image/svg+xml" in data:
        data.pop("image/svg+xml")
        if not any(m.startswith("image/") for m in data):
            removed.append("SVG output (may carry script); export charts as PNG")
    return removed


class SanitizePreprocessor(Preprocessor):
    """Render and clean markdown cells; clean HTML and markdown outputs; drop script outputs.

    Examples
    --------
    >>> import nbformat
    >>> cell = nbformat.v4.new_markdown_cell('<img src=x onerror="alert(1)" alt="a">')
    >>> nb, _ = SanitizePreprocessor().preprocess(nbformat.v4.new_notebook(cells=[cell]), {})
    >>> "onerror" in nb.cells[0].metadata.portfolio["html"]
    False
    """

    def preprocess_cell(self, cell: Any, resources: dict[str, Any], index: int) -> tuple[Any, dict[str, Any]]:
        ctx = context(resources)
        if cell.cell_type == "markdown":
            meta = cell.metadata.setdefault("portfolio", {})
            # Input never carries metadata.portfolio (UntrustedInputPreprocessor removed it), so "html"
            # here was made by an earlier step of this pipeline; it is cleaned all the same.
            meta["html"] = sanitize_html(meta["html"]) if "html" in meta else markdown_to_html(cell.source, cell.get("attachments"))
        elif cell.cell_type == "raw":
            cell.source = ""  # raw cells are for other formats; never raw HTML in a page
        for output in cell.get("outputs", []):
            for reason in sanitize_output(output, widgets=bool(ctx.get("widgets"))):
                record_removal(resources, "output", cell_label(cell, index), reason)
        return cell, resources

    def preprocess(self, nb: Any, resources: dict[str, Any]) -> tuple[Any, dict[str, Any]]:
        if not context(resources).get("widgets"):
            nb.metadata.pop("widgets", None)
        return super().preprocess(nb, resources)


def _text(value: Any) -> str:
    return "".join(value) if isinstance(value, list) else str(value)
