"""A candidate's real workspace: L6 executed with papermill (sample district),
both reflections written, the other fifteen principles not started.

The site's index shows L6 completed and the rest not started; every page
passes the structural checks; Chromium opens it with no outside request and
no console error.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from workbook.curriculum import principle
from workbook.portfolio import build_portfolio

L6 = principle("L6").notebook_path
pytestmark = pytest.mark.skipif(not L6.is_file(), reason="L6 notebook not written yet")

REFLECTIONS = {
    "l6-reflect-tco-story": (
        "When we bought classroom displays five years ago nobody budgeted the replacement lamps or the "
        "staff time to mount them, so the second year's supply budget ran dry by February."
    ),
    "l6-reflect-voi-board": (
        "For the board I would lead with the outcomes the panels support, then the five-year cost per "
        "classroom, and only then the payback, because the savings are real but modest."
    ),
}


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    import nbformat
    from workbook.kernels import run_notebook

    root = tmp_path_factory.mktemp("l6")
    workspace = root / "home" / "leadership"
    workspace.mkdir(parents=True)
    nb = nbformat.read(L6, as_version=4)
    for cell in nb.cells:
        rid = (cell.metadata.get("workbook") or {}).get("id")
        if rid in REFLECTIONS:
            cell.source = REFLECTIONS[rid]
    draft = root / "draft.ipynb"
    nbformat.write(nb, draft)
    run_notebook(draft, workspace / L6.name, {"district": "sample-suburban", "candidate": "cand-042"}, cwd=str(L6.parent))
    out = root / "site"
    report = build_portfolio(root / "home", out, cohort="Sample cohort")
    return out, report


def test_portfolio_l6_index_shows_l6_completed_and_fifteen_not_started(site):
    out, report = site
    soup = BeautifulSoup((out / "index.html").read_text(), "html.parser")
    status = {tr.th.get_text(" ", strip=True).split(" ·")[0]: tr.find("td").get_text(strip=True)
              for tr in soup.select("table.wb-summary tbody tr")}
    assert len(status) == 16
    assert status.pop("L6") == "completed"
    assert set(status.values()) == {"not started"}
    assert "cand-042" in soup.find("dl").get_text()
    assert [n["id"] for n in report.notebooks] == ["L6"]


def test_portfolio_l6_page_structure(site):
    out, report = site
    soup = BeautifulSoup((out / "L6-fiscal-management.html").read_text(), "html.parser")
    assert len(soup.find_all("h1")) == 1 and soup.html["lang"] == "en"
    imgs = soup.find_all("img")
    assert imgs and all((i.get("alt") or "").strip() for i in imgs)
    assert "No description has been provided" not in str(soup)
    assert soup.select(".celltag_solution") == []
    assert len(soup.select("section.wb-reflection")) == 2
    for tag, attr in (("script", "src"), ("link", "href"), ("img", "src")):
        for el in soup.find_all(tag):
            assert not (el.get(attr) or "").startswith(("http:", "https:", "//"))
    gallery = BeautifulSoup((out / "artifacts.html").read_text(), "html.parser")
    assert "Three-year technology budget with a restricted grant" in gallery.get_text()
    assert sum(r["reason"].startswith("tagged solution") for r in report.removed) >= 5


def test_portfolio_l6_opens_in_chromium_offline(site):
    sync_api = pytest.importorskip("playwright.sync_api")
    if not Path("/usr/bin/chromium").exists():
        pytest.skip("needs Debian's chromium")
    out, _ = site
    outside, errors = [], []
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=[
            "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--no-first-run"])
        try:
            page = browser.new_page()
            page.route("**/*", lambda r: r.continue_() if r.request.url.startswith(("file:", "data:", "blob:"))
                       else (outside.append(r.request.url), r.abort()))
            page.on("console", lambda m: m.type == "error" and errors.append(m.text))
            page.on("pageerror", lambda e: errors.append(str(e)))
            page.goto((out / "index.html").as_uri())
            page.get_by_role("link", name="L6 · Fiscal Management").first.click()
            page.wait_for_load_state("load")
            page.wait_for_timeout(1500)  # let MathJax and any widget manager finish
            assert page.locator("h1").inner_text() == "L6 · Fiscal Management"
        finally:
            browser.close()
    assert outside == []
    assert errors == []
