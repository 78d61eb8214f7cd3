"""The built site's structure: pages, landmarks, alt text, no leaks, no outside URLs.

Built once from the fixture workspace (tests/notebooks/portfolio/workspace):
L6 completed, T1 in progress (hostile reflection), E1 completed (student data),
the other thirteen principles not started.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from workbook.portfolio import build_portfolio

HERE = Path(__file__).resolve().parent
WORKSPACE = HERE / "notebooks" / "portfolio" / "workspace"
SCORES = HERE / "notebooks" / "portfolio" / "scores.csv"
DEFAULT_ALT = "No description has been provided for this image"


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    site = tmp_path_factory.mktemp("portfolio") / "site"
    report = build_portfolio(WORKSPACE, site, scores=SCORES)
    return site, report


def _soup(site: Path, name: str) -> BeautifulSoup:
    return BeautifulSoup((site / name).read_text(encoding="utf-8"), "html.parser")


def _pages(site: Path) -> list[Path]:
    return sorted(site.glob("*.html"))


def test_portfolio_site_has_a_page_per_principle_and_the_site_pages(built):
    site, report = built
    names = {p.name for p in _pages(site)}
    assert {"index.html", "artifacts.html", "reflections.html", "search.html"} <= names
    assert len([n for n in names if n[0] in "TEL" and n[1].isdigit()]) == 16
    assert "L6-fiscal-management.html" in names
    assert sorted(report.pages) == sorted(names)


def test_portfolio_every_page_has_lang_main_one_h1_and_landmarks(built):
    site, _ = built
    for page in _pages(site):
        soup = _soup(site, page.name)
        assert soup.html.get("lang") == "en", page.name
        assert len(soup.find_all("main")) == 1, page.name
        assert len(soup.find_all("h1")) == 1, page.name
        assert soup.find("header") is not None and soup.find("footer") is not None, page.name
        assert soup.find("nav", attrs={"aria-label": "Site"}) is not None, page.name
        assert soup.find("nav", attrs={"aria-label": "Previous and next page"}) is not None, page.name
        assert soup.title and soup.title.get_text(strip=True), page.name


def test_portfolio_every_image_has_real_alt_text(built):
    site, report = built
    seen = 0
    for page in _pages(site):
        for img in _soup(site, page.name).find_all("img"):
            seen += 1
            alt = (img.get("alt") or "").strip()
            assert alt, f"{page.name}: an <img> without alt text"
            assert DEFAULT_ALT not in alt
    assert seen >= 3  # two figures on L6, the budget artifact again in the gallery (T1's source-less <img> is gone)
    l6 = _soup(site, "L6-fiscal-management.html")
    alts = [img["alt"] for img in l6.find_all("img")]
    assert any(a.startswith("Bar chart: the technology budget rises") for a in alts)
    assert "Figure: Sensitivity to the discount rate" in alts
    assert [a["alt"] for a in report.alt_fallbacks] == ["Figure: Sensitivity to the discount rate"]


def test_portfolio_no_resource_url_leaves_the_site(built):
    site, _ = built
    for page in _pages(site):
        soup = _soup(site, page.name)
        for tag, attr in (("script", "src"), ("link", "href"), ("img", "src"), ("iframe", "src"), ("source", "src")):
            for el in soup.find_all(tag):
                url = el.get(attr) or ""
                assert not url.lower().startswith(("http:", "https:", "//")), f"{page.name}: <{tag} {attr}={url}>"
                if url and not url.startswith("data:"):
                    assert (site / url.split("?")[0]).is_file(), f"{page.name}: {url} missing from the site"
    for css in (site / "assets").glob("*.css"):
        assert "url(http" not in css.read_text().replace(" ", ""), css.name


def test_portfolio_links_to_sources_stay_links(built):
    site, _ = built
    hrefs = [a["href"] for a in _soup(site, "L6-fiscal-management.html").find_all("a", href=True)]
    assert "https://www.cosn.org/" in hrefs


def test_portfolio_solution_instructor_and_injected_cells_are_gone(built):
    site, report = built
    text = "".join(p.read_text(encoding="utf-8") for p in _pages(site))
    text += (site / "search-index.json").read_text(encoding="utf-8")
    for marker in ("SOLUTION_MARKER", "SOLUTION_OUTPUT_MARKER", "INSTRUCTOR_MARKER", "celltag_solution", "celltag_injected-parameters"):
        assert marker not in text, marker
    reasons = {(r["notebook"], r["reason"].split(":")[0]) for r in report.removed}
    assert ("L6", "tagged solution") in reasons and ("L6", "tagged instructor") in reasons


def test_portfolio_parameters_show_as_a_table_with_the_injected_values(built):
    site, _ = built
    table = _soup(site, "L6-fiscal-management.html").find("table", class_="wb-parameters")
    rows = {tr.th.get_text(strip=True): tr.find_all("td")[0].get_text(strip=True) for tr in table.tbody.find_all("tr")}
    assert rows["candidate"] == "cand-017" and rows["district"] == "sample-rural" and rows["discount_rate"] == "0.03"


def test_portfolio_answers_render_as_self_check_text_only(built):
    site, _ = built
    html = (site / "L6-fiscal-management.html").read_text(encoding="utf-8")
    assert "vnd.ctoworkbook.answer" not in html
    outputs = " ".join(d.get_text(" ") for d in _soup(site, "L6-fiscal-management.html").select(".jp-OutputArea"))
    assert "l6-tco-5yr:" in outputs and "482000" not in outputs  # the self-check, never the recorded value


def test_portfolio_reflections_are_marked_and_collected(built):
    site, _ = built
    sections = _soup(site, "L6-fiscal-management.html").find_all("section", class_="wb-reflection")
    assert len(sections) == 2
    assert all("In the candidate's own words" in s.get_text() for s in sections)
    page = _soup(site, "reflections.html").get_text(" ")
    assert "hotspot program runs on a grant" in page and "phishing exposure" in page


def test_portfolio_artifacts_gallery_links_back_to_each_artifact(built):
    site, _ = built
    gallery = _soup(site, "artifacts.html")
    captions = [f.figcaption.a for f in gallery.find_all("figure")]
    assert {c.get_text(strip=True) for c in captions} >= {"Three-year technology budget", "Budget by category", "Enrollment by school and grade"}
    l6 = _soup(site, "L6-fiscal-management.html")
    for a in captions:
        page, _, frag = a["href"].partition("#")
        assert _soup(site, page).find(id=frag) is not None, a["href"]
    assert l6.find(id="artifact-l6-artifact-budget") is not None


def test_portfolio_index_shows_the_curriculum_summary(built):
    site, _ = built
    index = _soup(site, "index.html")
    rows = {tr.th.get_text(" ", strip=True).split(" ·")[0]: [td.get_text(" ", strip=True) for td in tr.find_all("td")]
            for table in index.find_all("table", class_="wb-summary") for tr in table.tbody.find_all("tr")}
    assert len(rows) == 16
    assert rows["L6"][0] == "completed" and rows["L6"][1] == "2 of 2" and rows["L6"][2] == "2"
    assert rows["L6"][3] == "45 / 50 (90%)"
    assert rows["T1"][0] == "in progress" and rows["T1"][3] == "—"  # the other candidate's T1 score is ignored
    assert rows["E1"][0] == "completed"
    assert sum(r[0] == "not started" for r in rows.values()) == 13
    facts = index.find("dl").get_text(" ")
    assert "Jordan Rivera (synthetic)" in facts and "CTO Mentor 2026 sample cohort" in facts


def test_portfolio_pages_link_previous_next_and_index(built):
    site, _ = built
    pager = _soup(site, "L6-fiscal-management.html").find("nav", attrs={"aria-label": "Previous and next page"})
    assert pager.find("a", rel="prev")["href"] == "L5-organizational-management.html"
    assert pager.find("a", rel="next")["href"] == "L7-project-management.html"
    assert pager.find("a", string="Index")["href"] == "index.html"


def test_portfolio_inputs_hidden_by_default_with_a_toggle(built):
    site, _ = built
    l6 = _soup(site, "L6-fiscal-management.html")
    assert l6.find(id="toggle-code") is not None
    assert all(not d.has_attr("open") for d in l6.find_all("details", class_="wb-code"))
    budget = l6.find(id="artifact-l6-artifact-budget")
    assert budget.find("details") is None  # hide-input: output only


def test_portfolio_manifest_and_report(built):
    site, _ = built
    manifest = json.loads((site / "manifest.json").read_text())
    assert manifest["candidate"] == "Jordan Rivera (synthetic)"
    assert {"nbconvert", "nbformat", "python"} <= set(manifest["packages"])
    assert manifest["built_at"].endswith("Z")
    l6 = next(n for n in manifest["notebooks"] if n["principle"] == "L6")
    assert l6["parameters"]["district"] == "sample-rural" and len(l6["sha256"]) == 64
    report = json.loads((site / "report.json").read_text())
    assert report["removed"] and "removed" in (site / "report.txt").read_text()


def test_portfolio_search_index_is_small_and_script_safe(built):
    site, _ = built
    entries = json.loads((site / "search-index.json").read_text())
    assert {e["url"] for e in entries} >= {"index.html", "L6-fiscal-management.html"}
    script = (site / "assets" / "search-index.js").read_text()
    assert "</script" not in script.lower()
