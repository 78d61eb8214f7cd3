"""L3's board presentation: the slide cells of an executed notebook as reveal.js slides and a .pptx.

The notebook runs for real (papermill); the .pptx is opened again with python-pptx
and checked slide by slide: titles, bullets with the district's numbers, the chart
as a picture with its alt text, the plan as a table, the speaker notes.
"""

from __future__ import annotations

import nbformat
import pytest
from bs4 import BeautifulSoup
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE

from notebook_runs import execute
from workbook.cli import main
from workbook.errors import InputError
from workbook.portfolio.pptx import make_pptx
from workbook.principles.l3.givens import tickets_with_survey
from workbook.tools.helpdesk import customer_service


@pytest.fixture(scope="module")
def executed(tmp_path_factory):
    out = tmp_path_factory.mktemp("l3-run")
    execute("leadership/L3-communications-and-public-relations.ipynb", out, district="sample-rural", seed=41, candidate="cand-41")
    return out / "L3-communications-and-public-relations.ipynb"


def _texts(slide):
    return [s.text_frame.text for s in slide.shapes if s.has_text_frame]


def test_pptx_opens_with_the_slides_in_order_and_the_districts_numbers(executed, tmp_path):
    path = make_pptx(executed, tmp_path / "deck" / "board.pptx")
    deck = Presentation(str(path))
    slides = list(deck.slides)
    titles = [s.shapes.title.text for s in slides]
    assert titles == ["Technology customer service: what our schools tell us", "2026-27 in numbers",
                      "Where we will listen first", "How we will keep you and our schools informed", "Our request"]
    summary = customer_service(tickets_with_survey("sample-rural", 41, "2026-27")).iloc[0]
    numbers = " ".join(_texts(slides[1]))
    assert f"{int(summary['tickets']):,} requests for help" in numbers
    assert f"{summary['csat']:.0%} of users satisfied" in numbers
    pictures = [s for s in slides[2].shapes if s.shape_type == MSO_SHAPE_TYPE.PICTURE]
    assert len(pictures) == 1
    alt = pictures[0]._element.nvPicPr.cNvPr.get("descr")
    assert alt.startswith("Bar chart of first-contact resolution and satisfaction")
    assert pictures[0].left >= 0 and pictures[0].left + pictures[0].width <= deck.slide_width
    assert pictures[0].top + pictures[0].height <= deck.slide_height
    tables = [s.table for s in slides[3].shapes if s.has_table]
    assert len(tables) == 1
    header = [c.text for c in tables[0].rows[0].cells]
    assert header == ["audience", "message", "channel", "cadence"]
    assert "Thank the board" in slides[0].notes_slide.notes_text_frame.text
    assert "**" not in " ".join(" ".join(_texts(s)) for s in slides)  # markdown marks dropped


def test_cli_writes_reveal_slides_and_the_pptx_from_the_same_cells(executed, tmp_path, capsys):
    out = tmp_path / "board-talk"
    assert main(["portfolio", "slides", str(executed), "-o", str(out), "--pptx"]) == 0
    printed = capsys.readouterr().out
    assert "pptx:" in printed and (out / "slides.pptx").is_file()
    sections = BeautifulSoup((out / "slides.html").read_text(), "html.parser").select(".slides > section")
    assert len(sections) == 1 + len(Presentation(str(out / "slides.pptx")).slides)  # reveal adds a title slide


def test_private_and_solution_cells_never_reach_the_pptx(executed, tmp_path):
    nb = nbformat.read(executed, as_version=4)
    secret = nbformat.v4.new_markdown_cell("## PRIVATE_MARKER", metadata={"tags": ["slide", "private"]})
    nb.cells.append(secret)
    nb.cells.append(nbformat.v4.new_code_cell("x", metadata={"tags": ["slide", "solution"]}))
    edited = tmp_path / "edited.ipynb"
    nbformat.write(nb, edited)
    deck = Presentation(str(make_pptx(edited, tmp_path / "d.pptx")))
    assert len(deck.slides) == 5
    assert all("PRIVATE_MARKER" not in t for s in deck.slides for t in _texts(s))


def test_bad_paths_are_clear_errors(executed, tmp_path):
    with pytest.raises(InputError, match="out = .*a file name ending in .pptx"):
        make_pptx(executed, tmp_path / "deck.ppt")
    with pytest.raises(InputError, match="notebook = .*an .ipynb file that exists"):
        make_pptx(tmp_path / "missing.ipynb", tmp_path / "deck.pptx")
    plain = tmp_path / "plain.ipynb"
    nbformat.write(nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell("# no slides")]), plain)
    with pytest.raises(InputError, match="at least one cell tagged 'slide'"):
        make_pptx(plain, tmp_path / "deck.pptx")
