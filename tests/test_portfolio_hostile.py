"""A candidate attacking their own portfolio (tests/notebooks/portfolio/hostile/): forged
``metadata.portfolio`` trust, HTML in saved widget state, markup in execution counts, outputs and
headings, files no tool can hold. Nothing of it reaches a page as markup, and the build finishes.
The same pages in Chromium: tests/test_portfolio_browser.py."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import nbformat
import pytest
from bs4 import BeautifulSoup

from workbook.portfolio import build_portfolio
from workbook.portfolio.exporter import make_exporter
from workbook.portfolio.preprocessors.sanitize import sanitize_html
from workbook.portfolio.preprocessors.widgets import STATE_MIME, clean_widget_state
from workbook.portfolio.single_file import combine

HERE = Path(__file__).resolve().parent
HOSTILE = HERE / "notebooks" / "portfolio" / "hostile"
WORKSPACE = HERE / "notebooks" / "portfolio" / "workspace"


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    site = tmp_path_factory.mktemp("hostile") / "site"
    return site, build_portfolio(HOSTILE, site)


def _pages(site: Path) -> str:
    return "\n".join(p.read_text(encoding="utf-8") for p in site.glob("*.html"))


def test_forged_trust_metadata_is_stripped_and_reported(built):
    site, report = built
    everything = _pages(site)
    assert "FORGED_TRUST_HTML" not in everything and "window.__pwned = 21" not in everything
    assert "onmouseover" not in everything
    t2 = BeautifulSoup((site / "T2-infrastructure.html").read_text(encoding="utf-8"), "html.parser")
    reflection = t2.find(class_="wb-reflection")
    assert "FORGED_TRUST_SOURCE_TEXT" in reflection.get_text()  # rendered from the source, sanitized
    assert "FORGED_TRUST_SOURCE_TEXT" in (site / "reflections.html").read_text(encoding="utf-8")
    forged = [r for r in report.removed if r["what"] == "metadata"]
    assert {r["where"] for r in forged} >= {"t2-reflect"}
    assert all(r["reason"].startswith("metadata.portfolio in the notebook file") for r in forged)


def test_markup_in_execution_counts_outputs_and_headings_stays_text(built):
    site, _ = built
    t2 = (site / "T2-infrastructure.html").read_text(encoding="utf-8")
    main = BeautifulSoup(t2, "html.parser").find("main")
    assert "window.__pwned=27" not in t2  # the execution count became empty, not markup
    assert "ODD_OUTPUT_TEXT" in main.get_text() and "jp-Mermaid" not in t2  # text/vnd.mermaid is never shown
    assert 'onerror="window.__pwned=24"' in main.find("h3").get_text()  # a heading that shows markup as text
    for tag in main.find_all(True):
        assert not any(a.lower().startswith("on") for a in tag.attrs), tag
    for img in main.find_all("img"):
        assert img.get("src", "").startswith("data:") and img.get("alt") is not None, img
    assert "Sourceless image gone." in main.get_text()


def test_unreadable_notebooks_are_skipped_with_a_reason(built):
    site, report = built
    assert any(w.startswith("T3-technology-services.ipynb: not a readable notebook (cell 2 contains a lone surrogate")
               for w in report.warnings)
    assert any(w.startswith("T4-it-knowledge.ipynb: not a readable notebook (the file nests") for w in report.warnings)
    assert "not-started" in (site / "T3-technology-services.html").read_text(encoding="utf-8")


def test_candidate_name_with_markup_is_text_everywhere(built, tmp_path):
    site, _ = built
    single = tmp_path / "one.html"
    combine(site, single)
    for page in [*site.glob("*.html"), single]:
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        assert "Casey (synthetic)" in soup.get_text(), page.name
        for tag in soup.find_all(True):
            assert not any(a.lower().startswith("on") for a in tag.attrs), (page.name, tag.name)


def test_widget_state_keeps_standard_widgets_with_clean_text(built):
    site, report = built
    raw = json.loads((HOSTILE / "T2-infrastructure.ipynb").read_text(encoding="utf-8"))["metadata"]["widgets"]
    clean, dropped = clean_widget_state(raw)
    models = clean[STATE_MIME]["state"]
    names = sorted(m["model_name"] for m in models.values() if not m["model_name"].endswith(("LayoutModel", "StyleModel")))
    assert names == ["ComboboxModel", "HTMLModel", "IntSliderModel", "LabelModel"]
    assert {"legacy0html", "evil0module"} <= set(dropped)  # 1.x views write HTML; unknown modules load from a CDN
    assert len(dropped) == 3  # and the Image that points at a URL
    text = json.dumps(models)
    assert "onerror" not in text and "evil.example/image.png" not in text
    assert all(m["state"].get("description_allow_html") in (None, False) for m in models.values())
    page = (site / "T2-infrastructure.html").read_text(encoding="utf-8")
    state = re.search(rf'<script type="{re.escape(STATE_MIME)}">(.*?)</script>', page, re.S).group(1)
    assert json.loads(state) == clean[STATE_MIME]
    views = re.findall(r'"model_id": "([^"]+)"', page)
    assert views and set(views) <= set(models)  # a view of a dropped model shows its plain text instead
    assert any(r["what"] == "widget" for r in report.removed)


def test_label_model_drawn_with_the_html_view_is_dropped():
    legit = {"model_name": "LabelModel", "model_module": "@jupyter-widgets/controls", "model_module_version": "2.0.0",
             "state": {"value": "x"}}
    disguised = json.loads(json.dumps(legit))
    disguised["state"].update(_view_name="HTMLView", value="<img src=x onerror=alert(1)>")
    clean, dropped = clean_widget_state({STATE_MIME: {"version_major": 2, "version_minor": 0,
                                                      "state": {"ok": legit, "disguised": disguised, "bad id!": legit}}})
    assert set(clean[STATE_MIME]["state"]) == {"ok"} and dropped == ["bad id!", "disguised"]


def test_sanitizer_drops_images_without_a_source_and_gives_the_rest_alt():
    assert sanitize_html('<img src=x onerror="alert(1)">') == ""
    assert sanitize_html('<p><img src="x" alt="a <b>chart</b>"></p>') == "<p>a &lt;b&gt;chart&lt;/b&gt;</p>"
    kept = BeautifulSoup(sanitize_html('<img src="data:image/png;base64,AAAA">'), "html.parser").find("img")
    assert kept["alt"] == "" and kept["src"].startswith("data:image/png")


def test_single_file_contents_keep_heading_text_as_text(tmp_path):
    """A page heading that displays markup (entities in the HTML) stays text in the single file's contents."""
    site = tmp_path / "site"
    build_portfolio(WORKSPACE, site)
    page = site / "artifacts.html"
    html = page.read_text(encoding="utf-8")
    page.write_text(html.replace("<h1>Artifacts</h1>", '<h1>&lt;img src=x onerror="window.__pwned=30"&gt;</h1>', 1), encoding="utf-8")
    single = combine(site, tmp_path / "one.html")
    nav = BeautifulSoup(single.read_text(encoding="utf-8"), "html.parser").find("nav", attrs={"aria-label": "Contents"})
    assert nav.find("img") is None
    assert '<img src=x onerror="window.__pwned=30">' in nav.get_text()


def test_portfolio_exporter_ignores_trust_claimed_in_metadata():
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell("plain words")])
    nb.cells[0].metadata["portfolio"] = {"trusted": True, "html": "<script>window.__pwned=1</script>"}
    body, res = make_exporter().from_notebook_node(nb, resources={"portfolio": {
        "notebook": "X", "header_html": "", "footer_html": "", "page_title": "X", "intro_html": ""}})
    assert "__pwned" not in body and "plain words" in body
    assert nb.cells[0].metadata["portfolio"]["html"].startswith("<script>")  # the caller's notebook is untouched


def test_hostile_workspace_copied_elsewhere_builds_the_same(tmp_path):
    """No fixture depends on its folder: the workspace can be moved, as a candidate's home can."""
    copy = tmp_path / "ws"
    shutil.copytree(HOSTILE, copy)
    report = build_portfolio(copy, tmp_path / "site")
    assert "T2-infrastructure.html" in report.pages and len(report.warnings) >= 2


def test_notebook_nbconvert_refuses_gets_the_principle_page_and_the_rest_builds(tmp_path):
    """A notebook nbformat reads but nbconvert refuses (a stream output without its name) costs its own
    page only: the page lists the principle, the report says why, every other page is built."""
    ws = tmp_path / "ws"
    shutil.copytree(WORKSPACE, ws)
    raw = json.loads((ws / "L6-fiscal-management.ipynb").read_text(encoding="utf-8"))
    stream = next(o for c in raw["cells"] for o in c.get("outputs", []) if o["output_type"] == "stream")
    del stream["name"]
    raw["metadata"]["language_info"] = "python"  # the wrong shape, which the exporter itself reads
    (ws / "L6-fiscal-management.ipynb").write_text(json.dumps(raw), encoding="utf-8")
    report = build_portfolio(ws, tmp_path / "site")
    assert any(w.startswith("L6-fiscal-management.ipynb: could not be rendered (NotebookValidationError")
               for w in report.warnings), report.warnings
    l6 = (tmp_path / "site" / "L6-fiscal-management.html").read_text(encoding="utf-8")
    assert "not-started" in l6 and "Learning outcomes" in l6
    t1 = (tmp_path / "site" / "T1-security-fundamentals.html").read_text(encoding="utf-8")
    assert "HOSTILE_REFLECTION_TEXT" in t1
