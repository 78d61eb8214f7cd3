"""``workbook portfolio slides --pptx``: the slide cells as a PowerPoint file a board secretary can open.

The same cells as the reveal.js slides (tagged ``slide``; speaker notes
tagged ``notes``) become one ``.pptx`` slide each, written with python-pptx:

- the first markdown heading of the cell (its source, or a code cell's
  markdown output) is the slide's title; ``- `` lines are bullets, other lines
  plain paragraphs, with markdown emphasis, code marks and link targets dropped;
- a chart (a PNG output) becomes a picture, with its alt text as the picture's
  description;
- a table (an HTML output) becomes a PowerPoint table, up to :data:`MAX_ROWS` rows;
- the ``notes`` cells after a slide become its speaker notes.

Cells tagged ``private``, ``instructor`` or ``solution`` are never exported.
"""

from __future__ import annotations

import base64
import io
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from workbook.errors import InputError

__all__ = ["SlideContent", "slide_contents", "make_pptx", "MAX_ROWS"]

#: Rows of a table kept on a slide (header included); a longer table is cut, and a last row says so.
MAX_ROWS = 12
_SKIP = {"private", "instructor", "solution"}
_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+(.*)$")


@dataclass
class SlideContent:
    """What one slide shows: a title, lines of text, pictures (png bytes, alt) and tables (rows of cells)."""

    title: str = ""
    lines: list[tuple[int, str]] = field(default_factory=list)  # (level: 0 paragraph, 1 bullet, text)
    pictures: list[tuple[bytes, str]] = field(default_factory=list)
    tables: list[list[list[str]]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def _plain(text: str) -> str:
    """Markdown emphasis, code marks, images and link targets removed.

    >>> _plain("**Ask:** approve the [plan](plan.html) for `2026-27`")
    'Ask: approve the plan for 2026-27'
    """
    text = re.sub(r"!\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"(\*\*|__|\*|`)", "", text)
    return " ".join(text.split())


def _add_markdown(slide: SlideContent, markdown: str) -> None:
    for raw in markdown.splitlines():
        line = raw.rstrip()
        if not line.strip() or line.strip().startswith("<!--") or set(line.strip()) <= {"-", "*", "_"}:
            continue
        heading = _HEADING.match(line)
        if heading and not slide.title:
            slide.title = _plain(heading.group(2))
        elif heading:
            slide.lines.append((0, _plain(heading.group(2))))
        elif re.match(r"^\s*([-*+]|\d+[.)])\s+", line):
            slide.lines.append((1, _plain(re.sub(r"^\s*([-*+]|\d+[.)])\s+", "", line))))
        else:
            slide.lines.append((0, _plain(line)))


def _table_rows(html: str) -> list[list[str]]:
    from bs4 import BeautifulSoup

    table = BeautifulSoup(html, "html.parser").find("table")
    if table is None:
        return []
    rows = [[" ".join(c.get_text(" ").split()) for c in tr.find_all(["th", "td"])] for tr in table.find_all("tr")]
    rows = [r for r in rows if any(r)]
    if len(rows) > MAX_ROWS:
        rows = rows[: MAX_ROWS - 1] + [[f"... {len(rows) - MAX_ROWS + 1} more rows in the notebook"] + [""] * (len(rows[0]) - 1)]
    width = max((len(r) for r in rows), default=0)
    return [r + [""] * (width - len(r)) for r in rows]


def _text(value: Any) -> str:
    return "".join(value) if isinstance(value, list) else str(value)


def slide_contents(nb: Any) -> list[SlideContent]:
    """The slides of a notebook (an ``nbformat`` node): one per cell tagged ``slide``.

    >>> import nbformat.v4 as v4
    >>> nb = v4.new_notebook(cells=[v4.new_markdown_cell("## Our ask\\n- approve the plan\\n- fund year one",
    ...                                                   metadata={"tags": ["slide"]}),
    ...                             v4.new_markdown_cell("Say why now.", metadata={"tags": ["notes"]}),
    ...                             v4.new_markdown_cell("## Secret", metadata={"tags": ["slide", "private"]})])
    >>> [(s.title, s.lines, s.notes) for s in slide_contents(nb)]
    [('Our ask', [(1, 'approve the plan'), (1, 'fund year one')], ['Say why now.'])]
    """
    from workbook.portfolio.preprocessors._common import tags_of

    slides: list[SlideContent] = []
    for cell in nb.cells:
        tags = tags_of(cell)
        if tags & _SKIP or not tags & {"slide", "notes"}:
            continue
        if "slide" in tags:
            slides.append(SlideContent())
        elif not slides:
            continue
        current = slides[-1]
        if "slide" not in tags:  # speaker notes
            current.notes.append(_plain(_text(cell.source)) if cell.cell_type == "markdown" else "")
            continue
        if cell.cell_type == "markdown":
            _add_markdown(current, _text(cell.source))
            continue
        for out in cell.get("outputs", []):
            data = out.get("data", {})
            if "image/png" in data:
                alt = out.get("metadata", {}).get("image/png", {}).get("alt") or _text(data.get("text/plain", "chart"))
                current.pictures.append((base64.b64decode(_text(data["image/png"])), alt))
            elif "text/markdown" in data:
                _add_markdown(current, _text(data["text/markdown"]))
            elif "text/html" in data and "<table" in _text(data["text/html"]):
                rows = _table_rows(_text(data["text/html"]))
                if rows:
                    current.tables.append(rows)
            elif out.get("output_type") == "stream":
                _add_markdown(current, _text(out.get("text", "")))
    return slides


def make_pptx(notebook: Path, out: Path, *, title: str | None = None) -> Path:
    """Write ``out`` (a ``.pptx``) from the notebook's slide cells; return its path.

    Parameters
    ----------
    notebook
        An executed ``.ipynb`` whose presentation cells are tagged ``slide``.
    out
        The file to write (its folder is created when missing).
    title
        The title of a slide whose cell has no heading (default: the notebook's name).
    """
    import nbformat
    from pptx import Presentation
    from pptx.util import Emu, Inches, Pt

    notebook, out = Path(notebook), Path(out)
    if not notebook.is_file() or notebook.suffix != ".ipynb":
        raise InputError("notebook", str(notebook), "an .ipynb file that exists")
    if out.suffix != ".pptx":
        raise InputError("out", str(out), "a file name ending in .pptx")
    slides = slide_contents(nbformat.read(notebook, as_version=4))
    if not slides:
        raise InputError("notebook", notebook.name, "a notebook with at least one cell tagged 'slide'")
    fallback = title or notebook.stem.replace("-", " ")
    deck = Presentation()
    deck.slide_width, deck.slide_height = Inches(13.333), Inches(7.5)
    margin, width = Inches(0.6), Inches(13.333 - 1.2)
    for content in slides:
        slide = deck.slides.add_slide(deck.slide_layouts[5])  # "Title Only"
        slide.shapes.title.text = content.title or fallback
        slide.shapes.title.left, slide.shapes.title.top = margin, Inches(0.3)
        slide.shapes.title.width, slide.shapes.title.height = width, Inches(1.0)
        top = Inches(1.4)
        if content.lines:
            height = Inches(min(0.42 * len(content.lines) + 0.2, 5.6 if not (content.pictures or content.tables) else 2.2))
            frame = slide.shapes.add_textbox(margin, top, width, height).text_frame
            frame.word_wrap = True
            for i, (level, text) in enumerate(content.lines):
                para = frame.paragraphs[0] if i == 0 else frame.add_paragraph()
                para.text = ("\u2022 " if level else "") + text
                para.font.size = Pt(20 if len(content.lines) <= 6 else 16)
            top += height
        room = Emu(deck.slide_height - top - Inches(0.3))
        blocks = len(content.pictures) + len(content.tables)
        for png, alt in content.pictures:
            pic = slide.shapes.add_picture(io.BytesIO(png), margin, top, height=Emu(room // max(1, blocks)))
            if pic.width > width:  # keep the aspect ratio inside the slide
                ratio = width / pic.width
                pic.width, pic.height = width, int(pic.height * ratio)
            pic.left = int((deck.slide_width - pic.width) / 2)
            pic._element.nvPicPr.cNvPr.set("descr", alt)  # alt text: python-pptx has no public setter (pinned <2)
            top += pic.height
        for rows in content.tables:
            height = Emu(min(room // max(1, blocks), Inches(0.36) * len(rows)))
            table = slide.shapes.add_table(len(rows), len(rows[0]), margin, top, width, height).table
            for r, row in enumerate(rows):
                for c, text in enumerate(row):
                    cell = table.cell(r, c)
                    cell.text = text
                    for para in cell.text_frame.paragraphs:
                        para.font.size = Pt(12 if len(rows) <= 8 else 10)
            top += height
        if content.notes:
            slide.notes_slide.notes_text_frame.text = "\n".join(n for n in content.notes if n)
    out.parent.mkdir(parents=True, exist_ok=True)
    deck.save(str(out))
    return out
