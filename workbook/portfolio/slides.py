"""``workbook portfolio slides``: reveal.js slides for the oral presentation.

The candidate tags cells ``slide`` (each starts a new slide) and ``notes``
(speaker notes for the slide before it). Cells go through the same
preprocessors as the site (sanitized, private cells removed, alt text), and
reveal.js is copied from the npm package next to the slides: no CDN. Without
reveal.js the slides are written as one plain, script-free page.
"""

from __future__ import annotations

from pathlib import Path

from workbook.errors import InputError
from workbook.portfolio.assets import copy_reveal, require_assets
from workbook.portfolio.exporter import make_exporter, notebook_css
from workbook.portfolio.fragments import SITE_TEMPLATES
from workbook.templating import Markup, render

__all__ = ["make_slides"]


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

    from workbook.contract import notebook_meta  # pydantic: keeps `import workbook.portfolio` light
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
    slides: list[tuple[Markup, list[Markup]]] = []
    for cell in soup.select(".celltag_slide, .celltag_notes"):
        inner = Markup(cell.decode_contents())  # noqa: S704 - rendered by the portfolio exporter after sanitizing
        if "celltag_slide" in cell.get("class", []):
            slides.append((inner, []))
        elif slides:
            slides[-1][1].append(inner)

    out.mkdir(parents=True, exist_ok=True)
    (out / "notebook.css").write_text(notebook_css(exporter), encoding="utf-8")
    page = render(SITE_TEMPLATES, "slides.html.j2", heading=notebook.stem.replace("-", " "), presenter=presenter,
                  slides=slides, reveal=copy_reveal(out))
    target = out / "slides.html"
    target.write_text(page, encoding="utf-8")
    return target
