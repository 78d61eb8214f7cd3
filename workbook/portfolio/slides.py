"""``workbook portfolio slides``: reveal.js slides for the oral presentation.

The candidate tags cells ``slide`` (each starts a new slide) and ``notes``
(speaker notes for the slide before it). Cells go through the same
preprocessors as the site (sanitized, private cells removed, alt text), and
reveal.js is copied from the npm package next to the slides: no CDN. Without
reveal.js the slides are written as one plain, script-free page.
"""

from __future__ import annotations

import html
from pathlib import Path

from workbook.contract import notebook_meta
from workbook.errors import InputError
from workbook.portfolio.assets import copy_reveal, require_assets
from workbook.portfolio.exporter import make_exporter, notebook_css

__all__ = ["make_slides"]

_STYLE = """
.reveal .slides section { text-align: left; font-size: 0.8em; }
.reveal img { max-height: 60vh; }
.reveal table { font-size: 0.7em; border-collapse: collapse; }
.reveal th, .reveal td { border: 1px solid #555; padding: .2em .5em; }
.wb-static section { border-bottom: 2px solid #555; padding: 1em 0; }
.jp-InputPrompt, .jp-OutputPrompt, details.wb-code { display: none; }
"""


def make_slides(notebook: Path, out: Path, *, candidate: str | None = None) -> Path:
    """Write ``out/slides.html`` (and ``out/reveal.js/``) from the notebook's marked cells.

    Parameters
    ----------
    notebook
        A notebook whose presentation cells are tagged ``slide`` (notes: ``notes``).
    out
        The folder to write into (created when missing).
    candidate
        The presenter's name on the title slide (default: the notebook's ``candidate`` parameter).

    Returns
    -------
    Path
        The slides page.
    """
    import nbformat
    from bs4 import BeautifulSoup

    from workbook.portfolio.execute import candidate_parameters
    from workbook.portfolio.preprocessors._common import tags_of

    notebook, out = Path(notebook), Path(out)
    if not notebook.is_file() or notebook.suffix != ".ipynb":
        raise InputError("notebook", str(notebook), "an .ipynb file that exists")
    require_assets(("reveal.js",))  # slides without reveal.js would show nothing
    nb = nbformat.read(notebook, as_version=4)
    marked = [c for c in nb.cells if tags_of(c) & {"slide", "notes"} or tags_of(c) & {"parameters", "injected-parameters"}]
    if not any("slide" in tags_of(c) for c in marked):
        raise InputError("notebook", notebook.name, "a notebook with at least one cell tagged 'slide'")
    params = candidate_parameters(nb)
    presenter = candidate or str(params.get("candidate", ""))
    nb.cells = marked
    exporter = make_exporter()
    meta = notebook_meta(nb)
    title = (meta.principle if meta else None) or notebook.stem
    body, _ = exporter.from_notebook_node(nb, resources={"metadata": {"name": title}, "portfolio": {
        "notebook": notebook.stem, "header_html": "", "footer_html": "", "page_title": title, "intro_html": "",
    }})
    soup = BeautifulSoup(body, "html.parser")
    sections: list[str] = []
    for cell in soup.select(".celltag_slide, .celltag_notes"):
        classes = cell.get("class", [])
        inner = cell.decode_contents()
        if "celltag_slide" in classes:
            sections.append(f"<section>{inner}")
        elif sections:
            sections[-1] += f'<aside class="notes">{inner}</aside>'
    sections = [s + "</section>" for s in sections]
    heading = html.escape(notebook.stem.replace("-", " "))
    who = f"<p>{html.escape(presenter)}</p>" if presenter else ""
    sections.insert(0, f"<section><h1>{heading}</h1>{who}</section>")

    out.mkdir(parents=True, exist_ok=True)
    (out / "notebook.css").write_text(notebook_css(exporter), encoding="utf-8")
    reveal = copy_reveal(out)
    head = (f'<link rel="stylesheet" href="{reveal}/dist/reveal.css">'
            f'<link rel="stylesheet" href="{reveal}/dist/theme/white.css">')
    tail = (f'<script src="{reveal}/dist/reveal.js"></script><script src="{reveal}/plugin/notes/notes.js"></script>'
            "<script>Reveal.initialize({hash: true, plugins: [RevealNotes]});</script>")
    wrapper = ('<main class="reveal" aria-label="Slides">', '<div class="slides">', "</div></main>")
    page = (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1.0">\n'
        f"<title>{heading} · slides</title>\n{head}\n"
        f'<link rel="stylesheet" href="notebook.css"><style>{_STYLE}</style>\n</head>\n<body>\n'
        f"{wrapper[0]}{wrapper[1]}\n" + "\n".join(sections) + f"\n{wrapper[2]}\n{tail}\n</body>\n</html>\n"
    )
    target = out / "slides.html"
    target.write_text(page, encoding="utf-8")
    return target
