"""The cohort dashboard in Chromium: item analysis with the wrong answers grouped, no expected value, offline.

Four candidates graded for real on the Z9 fixture with seed 3 (so the right
total is 103 and its double 206): ana right, ben and cara both typed the base
(100) without the seed's remainder, dan submitted nothing; ben's collection
record says late. The page is opened in Debian's Chromium with every request
outside file:/data: refused and counted.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from urllib.parse import urlparse

import pytest

from workbook.cli import main

HERE = Path(__file__).parent
GRADING = HERE / "notebooks" / "grading"
CORRECT = HERE / "notebooks" / "hostile" / "correct.ipynb"
NAME = "Z9-grading-fixture.ipynb"
CHROMIUM = Path("/usr/bin/chromium")
ROSTER = (
    "candidate,name,email,district,seed,group,mentor\n"
    "ana,Ana Reyes,ana@example.org,sample-rural,3,fall,dr-lee\n"
    "ben,Ben Okafor,ben@example.org,sample-urban,3,fall,dr-lee\n"
    "cara,Cara Diaz,cara@example.org,sample-suburban,3,fall,ms-kim\n"
    "dan,Dan Wu,dan@example.org,sample-rural,3,fall,\n"
)


@pytest.fixture(scope="module")
def cohort(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("dashboard")
    (root / "roster.csv").write_text(ROSTER, encoding="utf-8")
    assert main(["cohort", "init", "--roster", str(root / "roster.csv"), "--cohort-dir", str(root / "cohort")]) == 0
    subs = root / "submissions"
    wrong = CORRECT.read_text(encoding="utf-8").replace("total = base + seed % 7", "total = base")
    assert wrong != CORRECT.read_text(encoding="utf-8")
    for who, text in {"ana": CORRECT.read_text(encoding="utf-8"), "ben": wrong, "cara": wrong}.items():
        (subs / who).mkdir(parents=True)
        (subs / who / NAME).write_text(text, encoding="utf-8")
    (subs / "ben" / "collection.json").write_text(json.dumps({"candidate": "ben", "late": True, "files": [
        {"path": f"technology/{NAME}", "late": True}]}), encoding="utf-8")
    assert main(["grade", str(subs), "--cohort-dir", str(root / "cohort"), "--notebooks", str(GRADING / "notebooks"),
                 "--exercises", str(GRADING / "exercises"), "--gradebook", str(root / "gb.sqlite"),
                 "--cell-timeout", "20", "--notebook-timeout", "90", "--no-progress", "--workers", "2"]) == 0
    return root


def _dashboard(cohort: Path, out: str, *extra: str) -> Path:
    assert main(["review", "dashboard", "-o", str(cohort / out), "--gradebook", str(cohort / "gb.sqlite"),
                 "--submissions", str(cohort / "submissions"), "--cohort-dir", str(cohort / "cohort"),
                 "--exercises", str(GRADING / "exercises"), *extra]) == 0
    return cohort / out / "index.html"


def _open(page_path: Path) -> tuple[str, list[str], list[str], list[str]]:
    """The page's visible text, every outside request, console errors, and the alt texts of its images."""
    from playwright.sync_api import sync_playwright

    assert CHROMIUM.exists(), "Chromium is missing: run scripts/system-deps.sh"
    outside: list[str] = []
    errors: list[str] = []

    def route(r: object) -> None:
        url = urlparse(r.request.url)  # type: ignore[attr-defined]
        if url.scheme in ("file", "data"):
            r.continue_()  # type: ignore[attr-defined]
        else:
            outside.append(r.request.url)  # type: ignore[attr-defined]
            r.abort()  # type: ignore[attr-defined]

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=["--no-sandbox", "--disable-gpu",
                                    "--disable-background-networking", "--disable-component-update", "--no-first-run"])
        try:
            context = browser.new_context()
            context.route("**/*", route)
            page = context.new_page()
            page.on("console", lambda m: m.type == "error" and errors.append(m.text))
            page.goto(page_path.as_uri())
            text = page.locator("body").inner_text()
            alts = page.locator("img").evaluate_all("imgs => imgs.map(i => i.naturalWidth > 0 ? i.alt : '')")
        finally:
            browser.close()
    return text, outside, errors, alts


def test_dashboard_item_analysis_groups_wrong_answers_without_expected_values_offline(cohort: Path) -> None:
    text, outside, errors, alts = _open(_dashboard(cohort, "dash"))
    assert outside == [] and errors == []
    # Item analysis: 1 of 3 who worked on Z9 got the total right; the two wrong answers are grouped.
    assert "1 of 3 (33%)" in text
    assert "100 (2)" in text and "200 (2)" in text
    assert "103" not in text and "206" not in text, "no expected value without --publish-answers"
    # Standing: scores, late flag, reflections waiting, not submitted.
    assert "late" in text and "not submitted" in text and "reflection criterion to score" in text
    assert "Who has not submitted" in text and "dan: Z9" in text
    # The chart is drawn and described.
    assert alts == ["Z9: scores of 3 candidates, in bands of 10 percent: median 25%, lowest 25%, highest 100%."]


def test_dashboard_publish_answers_lists_right_answers_given(cohort: Path) -> None:
    text, outside, _, _ = _open(_dashboard(cohort, "dash-pub", "--publish-answers"))
    assert outside == []
    assert "103 (1)" in text and "Right answers given" in text


def test_dashboard_for_one_mentor_shows_only_their_mentees(cohort: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text, outside, _, _ = _open(_dashboard(cohort, "dash-lee", "--mentor", "dr-lee"))
    assert outside == []
    assert "mentees of dr-lee" in text and "ana" in text and "ben" in text
    assert "cara" not in text and "dan" not in text
    assert "1 of 2 (50%)" in text
    capsys.readouterr()
    assert main(["review", "dashboard", "-o", str(cohort / "x"), "--gradebook", str(cohort / "gb.sqlite"),
                 "--cohort-dir", str(cohort / "cohort"), "--exercises", str(GRADING / "exercises"),
                 "--mentor", "dr-lea"]) == 2
    assert "dr-lee, ms-kim" in capsys.readouterr().err


def test_dashboard_escapes_what_candidates_typed() -> None:
    from workbook.grading.dashboard import Cell, DashboardData, Item
    from workbook.grading.dashboard_page import render_dashboard

    hostile = '<script>window.__pwned=1</script><img src=x onerror="alert(1)">'
    data = DashboardData(
        candidates=["ana"], principles=["Z9"], titles={}, cells={("ana", "Z9"): Cell("graded", 1, 4, reason=hostile)},
        items=[Item("Z9", "z9-t", "The total", 1, 0, [(hostile, 1)])], scores={"Z9": [25.0]}, not_submitted={})
    page = render_dashboard(data)
    assert "<script" not in page and "<img src=x" not in page
    assert "&lt;script&gt;window.__pwned=1&lt;/script&gt;" in page
