"""``--single-file``: the whole portfolio as one self-contained ``portfolio.html``.

Every page's ``<main>`` becomes a section of one document; links between pages
become links to those sections; stylesheets and the code toggle are inlined;
figures are already data URIs. Math stays as TeX source and there is no site
search (the browser's find does that job in one page): no external file is needed.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from workbook.portfolio.fragments import SITE_TEMPLATES
from workbook.templating import Markup, render

__all__ = ["combine"]


def _key(file: str) -> str:
    return "page-" + re.sub(r"[^A-Za-z0-9-]+", "-", file.removesuffix(".html"))


def combine(site: Path, target: Path) -> Path:
    """Combine the built ``site`` into the single file ``target``; return it."""
    from bs4 import BeautifulSoup

    from workbook.portfolio.preprocessors.headings import demote_headings

    site = Path(site)
    manifest = json.loads((site / "manifest.json").read_text(encoding="utf-8"))
    order = ["index.html"] + sorted(
        (p.name for p in site.glob("[TEL][0-9]-*.html")), key=lambda n: ("TEL".index(n[0]), n)
    ) + ["artifacts.html", "reflections.html"]
    pages = set(order)
    sections, toc = [], []
    for file in order:
        soup = BeautifulSoup((site / file).read_text(encoding="utf-8"), "html.parser")
        main = soup.find("main")
        key = _key(file)
        for tag in main.select("#toggle-code, script"):
            tag.decompose()
        for tag in main.find_all(id=True):
            tag["id"] = f"{key}--{tag['id']}"
        for a in main.find_all("a", href=True):
            href = a["href"]
            page, _, frag = href.partition("#")
            if href.startswith("#"):
                a["href"] = f"#{key}--{frag}"
            elif page in pages:
                a["href"] = f"#{_key(page)}--{frag}" if frag else f"#{_key(page)}"
        h1 = main.find("h1")
        if file != "index.html":
            toc.append((key, h1.get_text(" ", strip=True) if h1 else file))  # text: the template escapes it
        inner = main.decode_contents()
        sections.append((key, Markup(demote_headings(inner) if file != "index.html" else inner)))  # noqa: S704 - our own pages
    assets = site / "assets"
    css = "\n".join((assets / n).read_text(encoding="utf-8") for n in ("notebook.css", "site.css"))
    doc = render(
        SITE_TEMPLATES, "single_file.html.j2",
        candidate=BeautifulSoup(manifest["candidate"], "html.parser").get_text(),
        built=manifest["built_at"], toc=toc, sections=sections,
        css=_raw_text(css), print_css=_raw_text((assets / "print.css").read_text(encoding="utf-8")),
        script=_raw_text((assets / "site.js").read_text(encoding="utf-8")),
    )
    target.write_text(doc, encoding="utf-8")
    return target


def _raw_text(text: str) -> Markup:
    """Our own stylesheet or script, for a ``<style>`` or ``<script>`` element: nothing in it may close the element.

    >>> str(_raw_text("a { content: '</style>' }"))
    "a { content: '<\\\\/style>' }"
    """
    return Markup(text.replace("</", "<\\/"))  # noqa: S704 - the site's own static files
