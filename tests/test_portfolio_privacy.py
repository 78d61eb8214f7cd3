"""Private cells, student-level tables and hostile candidate HTML never reach a page.

Fixtures: E1 (a roster with student ids, names and birth dates as an HTML
table, as printed text and pasted into markdown; an aggregated table; a cell
tagged private) and T1 (a reflection with a script tag, javascript: links, an
onerror attribute; an HTML output with onclick and a script; a JavaScript output).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from workbook.portfolio import build_portfolio
from workbook.portfolio.preprocessors.ferpa import identifier_columns
from workbook.portfolio.preprocessors.sanitize import markdown_to_html, sanitize_html

WORKSPACE = Path(__file__).resolve().parent / "notebooks" / "portfolio" / "workspace"
ROSTER_VALUES = ("Zephyrine", "Quixotely", "Balthazar", "Wrenfield", "900001", "2014-03-09")


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    site = tmp_path_factory.mktemp("privacy") / "site"
    return site, build_portfolio(WORKSPACE, site)


def _everything(site: Path) -> str:
    parts = [p.read_text(encoding="utf-8") for p in site.glob("*.html")]
    parts += [(site / n).read_text(encoding="utf-8") for n in ("search-index.json", "manifest.json")]
    return "\n".join(parts)


def test_portfolio_private_cell_is_removed_and_reported(built):
    site, report = built
    assert "PRIVATE_CELL_MARKER" not in _everything(site)
    assert any(r["notebook"] == "E1" and r["reason"].startswith("tagged private") for r in report.removed)


def test_portfolio_student_level_tables_are_withheld_everywhere(built):
    site, report = built
    text = _everything(site)
    for value in ROSTER_VALUES:
        assert value not in text, value
    e1 = BeautifulSoup((site / "E1-student-centered-aspects.html").read_text(), "html.parser")
    assert len(e1.find_all(class_="wb-withheld")) == 2  # the HTML table and the pasted markdown table
    assert "Table withheld" in e1.get_text()
    ferpa = [r for r in report.removed if r["what"] == "table"]
    assert len(ferpa) == 3 and all("FERPA" in r["reason"] for r in ferpa)
    assert any("student_id" in r["reason"] and "birth_date" in r["reason"] for r in ferpa)


def test_portfolio_aggregated_table_is_kept(built):
    site, _ = built
    e1 = (site / "E1-student-centered-aspects.html").read_text()
    assert "Oak Valley Elementary" in e1 and "212" in e1


def test_portfolio_hostile_reflection_is_inert(built):
    site, report = built
    for name in ("T1-security-fundamentals.html", "reflections.html"):
        soup = BeautifulSoup((site / name).read_text(), "html.parser")
        main = soup.find("main")
        assert "HOSTILE_REFLECTION_TEXT" in main.get_text()
        assert main.find("script") is None, name
        for tag in main.find_all(True):
            for attr, value in tag.attrs.items():
                assert not attr.lower().startswith("on"), f"{name}: {tag.name} {attr}"
                assert "style" != attr, f"{name}: inline style kept on {tag.name}"
                joined = " ".join(value) if isinstance(value, list) else str(value)
                assert not joined.strip().lower().startswith("javascript:"), f"{name}: {tag.name} {attr}={joined}"
        assert "https://www.cisa.gov/" in [a.get("href") for a in main.find_all("a")]
    scripts = BeautifulSoup((site / "T1-security-fundamentals.html").read_text(), "html.parser").find_all("script")
    assert all(s.get("src", "").startswith("assets/") or s.get("type") == "text/x-mathjax-config" for s in scripts)
    assert any("JavaScript output" in r["reason"] for r in report.removed)


def test_portfolio_sanitizer_keeps_tables_and_drops_active_content():
    clean = sanitize_html('<table><caption>c</caption><tr><th scope="col">a</th></tr></table>'
                          '<iframe src="https://evil.example"></iframe><svg onload="x()"></svg>'
                          '<img src="https://tracker.example/p.gif" alt="pixel">')
    assert '<th scope="col">a</th>' in clean and "<caption>c</caption>" in clean
    assert "iframe" not in clean and "svg" not in clean and "onload" not in clean
    assert "<img" not in clean and 'href="https://tracker.example/p.gif"' in clean  # a link, not a request


def test_portfolio_markdown_javascript_link_loses_its_href():
    html = markdown_to_html("[x](javascript:alert(1)) and <a href='JaVaScRiPt:alert(1)'>y</a> <a href='data:text/html,hi'>z</a>")
    links = BeautifulSoup(html, "html.parser").find_all("a")
    assert links and all(not a.has_attr("href") for a in links)


@pytest.mark.parametrize(
    "headers, expected",
    [
        (["Student ID", "score"], ["Student ID"]),
        (["SSID", "Last Name", "school"], ["SSID", "Last Name"]),
        (["DOB", "grade"], ["DOB"]),
        (["school", "grade", "students", "mean score"], []),
        (["vendor name", "device name", "district"], []),
    ],
)
def test_portfolio_identifier_columns(headers, expected):
    assert identifier_columns(headers) == expected
