"""``workbook portfolio build`` and ``workbook portfolio slides`` from the command line."""

from __future__ import annotations

import json
from pathlib import Path

import nbformat
from bs4 import BeautifulSoup

from workbook.cli import main

HERE = Path(__file__).resolve().parent / "notebooks" / "portfolio"
WORKSPACE = HERE / "workspace"


def test_portfolio_cli_build_prints_summary_and_path(tmp_path, capsys):
    out = tmp_path / "site"
    assert main(["portfolio", "build", str(WORKSPACE), "-o", str(out), "--scores", str(HERE / "scores.csv")]) == 0
    printed = capsys.readouterr().out
    assert "Portfolio built" in printed and "tagged private" in printed
    assert f"open {(out / 'index.html').resolve().as_uri()}" in printed
    assert (out / "index.html").is_file() and (out / "report.txt").is_file()
    # building again over an earlier portfolio replaces it
    assert main(["portfolio", "build", str(WORKSPACE), "-o", str(out)]) == 0


def test_portfolio_cli_refuses_to_overwrite_a_folder_that_is_not_a_portfolio(tmp_path, capsys):
    out = tmp_path / "documents"
    out.mkdir()
    (out / "thesis.docx").write_text("precious")
    assert main(["portfolio", "build", str(WORKSPACE), "-o", str(out)]) == 2
    assert "an empty folder or an earlier portfolio" in capsys.readouterr().err
    assert (out / "thesis.docx").read_text() == "precious"


def test_portfolio_cli_bad_scores_file_is_a_clear_error(tmp_path, capsys):
    bad = tmp_path / "scores.json"
    bad.write_text('{"L6": "lots"}')
    assert main(["portfolio", "build", str(WORKSPACE), "-o", str(tmp_path / "s"), "--scores", str(bad)]) == 2
    assert "score = 'lots' is not allowed" in capsys.readouterr().err


def test_portfolio_cli_missing_workspace(tmp_path, capsys):
    assert main(["portfolio", "build", str(tmp_path / "nope"), "-o", str(tmp_path / "s")]) == 2
    assert "workspace" in capsys.readouterr().err


def test_portfolio_single_file_is_self_contained(tmp_path):
    target = tmp_path / "mail" / "portfolio.html"
    assert main(["portfolio", "build", str(WORKSPACE), "-o", str(target), "--single-file"]) == 0
    assert sorted(p.name for p in target.parent.iterdir()) == ["portfolio.html", "report.json", "report.txt"]
    soup = BeautifulSoup(target.read_text(), "html.parser")
    assert soup.html["lang"] == "en" and len(soup.find_all("h1")) == 1 and len(soup.find_all("main")) == 1
    for el in soup.find_all(["script", "link", "img", "iframe"]):
        url = el.get("src") or el.get("href") or ""
        assert url == "" or url.startswith("data:"), url
    ids = {el["id"] for el in soup.find_all(id=True)}
    for a in soup.find_all("a", href=True):
        href = a["href"]
        assert not href.endswith(".html") and ".html#" not in href, href
        if href.startswith("#"):
            assert href[1:] in ids, href
    assert all((img.get("alt") or "").strip() for img in soup.find_all("img"))
    text = target.read_text()
    assert "SOLUTION_MARKER" not in text and "PRIVATE_CELL_MARKER" not in text and "Zephyrine" not in text


def test_portfolio_build_and_slides_without_offline_assets_say_so_and_exit_nonzero(tmp_path, monkeypatch, capsys):
    """No CDN fallback and no silent TeX: a missing asset is an error that names it and where it looked."""
    nowhere = tmp_path / "no-node-modules"
    monkeypatch.setenv("WORKBOOK_NODE_MODULES", str(nowhere))
    assert main(["portfolio", "build", str(WORKSPACE), "-o", str(tmp_path / "site")]) == 2
    err = capsys.readouterr().err
    assert "mathjax" in err and str(nowhere) in err and "Traceback" not in err
    assert not list((tmp_path / "site").glob("*.html"))
    assert main(["portfolio", "slides", str(WORKSPACE / "L6-fiscal-management.ipynb"), "-o", str(tmp_path / "talk")]) == 2
    err = capsys.readouterr().err
    assert "reveal.js" in err and str(nowhere) in err
    assert not (tmp_path / "talk" / "slides.html").exists()


def test_portfolio_execute_reruns_with_the_candidates_parameters(tmp_path):
    ws = tmp_path / "ws"
    ws.mkdir()
    nb = nbformat.v4.new_notebook(cells=[
        nbformat.v4.new_code_cell('district = "sample-suburban"\ncandidate = "demo"', metadata={"tags": ["parameters"]}),
        nbformat.v4.new_code_cell('candidate = "cand-555"', metadata={"tags": ["injected-parameters"]}),
        nbformat.v4.new_code_cell('print("hello from", candidate)'),
    ])
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nbformat.write(nb, ws / "T2-infrastructure.ipynb")
    assert main(["portfolio", "build", str(ws), "-o", str(tmp_path / "site"), "--execute"]) == 0
    page = (tmp_path / "site" / "T2-infrastructure.html").read_text()
    assert "hello from cand-555" in page
    assert json.loads((tmp_path / "site" / "manifest.json").read_text())["executed"] is True
    assert nbformat.read(ws / "T2-infrastructure.ipynb", as_version=4).cells[2].outputs == []  # the candidate's file is untouched


def test_portfolio_slides_from_marked_cells_with_notes(tmp_path, capsys):
    out = tmp_path / "talk"
    assert main(["portfolio", "slides", str(WORKSPACE / "L6-fiscal-management.ipynb"), "-o", str(out)]) == 0
    assert "slides:" in capsys.readouterr().out
    soup = BeautifulSoup((out / "slides.html").read_text(), "html.parser")
    sections = soup.select(".slides > section")
    assert len(sections) == 3  # title + two slide cells
    assert "NOTES_MARKER" in sections[2].find("aside", class_="notes").get_text()
    assert sections[2].find("img")["alt"].startswith("Bar chart")
    for el in soup.find_all(["script", "link"]):
        url = el.get("src") or el.get("href")
        if url:
            assert not url.startswith(("http", "//")) and (out / url).is_file(), url
    assert (out / "reveal.js" / "dist" / "reveal.js").is_file()
    assert "SOLUTION_MARKER" not in (out / "slides.html").read_text()


def test_portfolio_slides_sanitize_a_hostile_slide(tmp_path):
    from workbook.portfolio import make_slides

    page = make_slides(WORKSPACE / "T1-security-fundamentals.ipynb", tmp_path / "t1")
    main_el = BeautifulSoup(page.read_text(), "html.parser").find("main")
    assert "HOSTILE_REFLECTION_TEXT" in main_el.get_text()
    assert main_el.find("script") is None
    assert not any(a.startswith("on") for t in main_el.find_all(True) for a in t.attrs)


def test_portfolio_slides_need_a_marked_cell(tmp_path, capsys):
    assert main(["portfolio", "slides", str(WORKSPACE / "E1-student-centered-aspects.ipynb"), "-o", str(tmp_path)]) == 2
    assert "at least one cell tagged 'slide'" in capsys.readouterr().err
