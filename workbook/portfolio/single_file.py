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
        title = h1.get_text(" ", strip=True) if h1 else file
        inner = main.decode_contents()
        if file != "index.html":
            inner = demote_headings(inner)
            toc.append(f'<li><a href="#{key}">{title}</a></li>')
        sections.append(f'<section id="{key}" class="wb-single-page">{inner}</section>')
    assets = site / "assets"
    css = "\n".join((assets / n).read_text(encoding="utf-8") for n in ("notebook.css", "site.css"))
    print_css = (assets / "print.css").read_text(encoding="utf-8")
    script = (assets / "site.js").read_text(encoding="utf-8").replace("</", "<\\/")
    candidate = BeautifulSoup(manifest["candidate"], "html.parser").get_text()
    from html import escape

    doc = (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1.0">\n'
        f"<title>Portfolio of {escape(candidate)}</title>\n<style>\n{css}\n.wb-single-page {{ border-bottom: 2px solid #c4ccd4; padding-bottom: 1rem; }}\n"
        f"@media print {{\n{print_css}\n.wb-single-page {{ break-before: page; }}\n}}\n</style>\n</head>\n"
        '<body class="wb-page">\n<a class="wb-skip" href="#content">Skip to main content</a>\n'
        f'<header class="wb-header"><p class="wb-site-title">Portfolio of {escape(candidate)}</p>'
        f'<nav class="wb-nav" aria-label="Contents"><ul><li><a href="#page-index">Curriculum summary</a></li>{"".join(toc)}</ul></nav></header>\n'
        '<main id="content" class="wb-main">\n' + "\n".join(sections) + "\n</main>\n"
        f'<footer class="wb-footer"><p>Built {escape(manifest["built_at"])}; one self-contained file.</p></footer>\n'
        f"<script>\n{script}\n</script>\n</body>\n</html>\n"
    )
    target.write_text(doc, encoding="utf-8")
    return target
