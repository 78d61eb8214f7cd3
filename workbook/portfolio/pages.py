"""The site's own pages (index, not-started principles, artifacts, reflections, search)
and the chrome every page shares (header, navigation, footer), from Jinja templates
with autoescaping on."""

from __future__ import annotations

import html
import json
import re
import shutil
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from workbook.portfolio.exporter import TEMPLATES

__all__ = ["PageRef", "Chrome", "render_page", "copy_static", "search_entry", "write_search_index"]


@dataclass(frozen=True)
class PageRef:
    """A page's file name and title, for navigation."""

    file: str
    title: str


@lru_cache(maxsize=1)
def _env() -> Any:
    from jinja2 import Environment, FileSystemLoader, select_autoescape

    return Environment(
        loader=FileSystemLoader(str(TEMPLATES / "site")),
        autoescape=select_autoescape(["html", "j2"], default_for_string=True, default=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )


@dataclass
class Chrome:
    """What every page's header and footer show, and the order of pages for previous/next."""

    candidate: str
    cohort: str
    built: str
    version: str
    order: list[PageRef]
    search: bool = True

    def header(self, current: str) -> str:
        """The skip link, site header, navigation and search form.

        >>> c = Chrome("Ana <B>", "", "today", "0.1", [PageRef("index.html", "Index")])
        >>> "Ana &lt;B&gt;" in c.header("index.html")
        True
        """
        return _env().get_template("header.html.j2").render(candidate=self.candidate, current=current, search=self.search)

    def footer(self, current: str, scripts: tuple[str, ...] = ("assets/site.js",)) -> str:
        """Previous / index / next links, the footer line and the page's scripts.

        >>> c = Chrome("Ana", "", "today", "0.1", [PageRef("a.html", "A"), PageRef("b.html", "B")])
        >>> 'rel="prev" href="a.html"' in c.footer("b.html"), 'rel="next"' in c.footer("b.html")
        (True, False)
        """
        files = [p.file for p in self.order]
        prev = nxt = None
        if current in files:
            i = files.index(current)
            prev = self.order[i - 1] if i > 0 else None
            nxt = self.order[i + 1] if i + 1 < len(self.order) else None
        return _env().get_template("footer.html.j2").render(
            prev=prev, next=nxt, candidate=self.candidate, cohort=self.cohort,
            built=self.built, version=self.version, scripts=scripts,
        )


def render_page(template: str, chrome: Chrome, file: str, title: str, scripts: tuple[str, ...] = ("assets/site.js",), **context: Any) -> str:
    """One of the site's own pages, with the shared chrome."""
    return _env().get_template(template).render(
        header=_markup(chrome.header(file)),
        footer=_markup(chrome.footer(file, scripts)),
        title=title,
        candidate=chrome.candidate,
        cohort=chrome.cohort,
        **context,
    )


def _markup(text: str) -> Any:
    from markupsafe import Markup

    return Markup(text)  # noqa: S704 - rendered by our own autoescaping templates


def copy_static(site: Path, notebook_css: str) -> None:
    """Write the shared stylesheets and script into ``site/assets``."""
    assets = site / "assets"
    assets.mkdir(parents=True, exist_ok=True)
    for item in (TEMPLATES / "site" / "static").iterdir():
        shutil.copy2(item, assets / item.name)
    (assets / "notebook.css").write_text(notebook_css, encoding="utf-8")


_DROP = [re.compile(rf"<{t}\b.*?</{t}>", re.S | re.I) for t in ("script", "style", "details")]
_TAG = re.compile(r"<[^>]+>")


def search_entry(url: str, title: str, markup: str, kind: str = "page") -> dict[str, str]:
    """A search-index entry: the page's visible text in ``<main>``, whitespace folded.

    >>> search_entry("a.html", "A", "<main><h1>A</h1><p>Total  cost</p><script>x</script></main>")
    {'url': 'a.html', 'title': 'A', 'kind': 'page', 'text': 'A Total cost'}
    """
    start, end = markup.find("<main"), markup.rfind("</main>")
    body = markup[start:end] if start != -1 and end != -1 else markup
    for pattern in _DROP:
        body = pattern.sub(" ", body)
    text = re.sub(r"\s+", " ", html.unescape(_TAG.sub(" ", body))).strip()
    return {"url": url, "title": title, "kind": kind, "text": text[:20000]}


def write_search_index(site: Path, entries: list[dict[str, str]]) -> None:
    """``search-index.json`` and ``assets/search-index.js`` (the same data, loadable from ``file://``).

    The script form escapes ``</`` so no text in the index can close its script element.
    """
    data = json.dumps(entries, ensure_ascii=False)
    (site / "search-index.json").write_text(data, encoding="utf-8")
    safe = data.replace("</", "<\\/").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    (site / "assets" / "search-index.js").write_text(f"window.PORTFOLIO_SEARCH = {safe};\n", encoding="utf-8")
