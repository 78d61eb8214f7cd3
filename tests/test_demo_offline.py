"""`make demo`'s HTML in Chromium: the portfolio's offline exporter, formulas typeset, zero outside requests.

The demo runs L6 for a sample district (a real kernel) and prints the path of
the portfolio's L6 page; that page must load nothing from another host (no
CDN for require.js, MathJax, mermaid or the widget embedder) and still typeset
its formulas.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlparse

import pytest

playwright_sync = pytest.importorskip("playwright.sync_api")
CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]

pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium (scripts/system-deps.sh)")


def test_demo_html_typesets_math_with_zero_outside_requests(tmp_path: Path, capsys) -> None:
    from workbook.demo import main

    assert main(["--district", "sample-suburban", "--out", str(tmp_path / "demo")]) == 0
    printed = capsys.readouterr().out
    [html] = [Path(w) for w in printed.split() if w.endswith(".html") and Path(w).is_file() and "L6" in w]
    text = html.read_text(encoding="utf-8")
    assert 'src="http' not in text and "src='http" not in text, "a script or image from another host"

    outside: list[str] = []
    errors: list[str] = []

    def route(r):
        if urlparse(r.request.url).scheme in ("file", "data", "blob"):
            r.continue_()
        else:
            outside.append(r.request.url)
            r.abort()

    with playwright_sync.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        try:
            context = browser.new_context()
            context.route("**/*", route)
            page = context.new_page()
            page.on("pageerror", lambda e: errors.append(str(e)))
            page.goto(html.as_uri())
            page.locator(".mjx-chtml").first.wait_for(timeout=20000)  # the local MathJax typeset a formula
            assert page.locator("h1").inner_text().startswith("L6")
        finally:
            browser.close()
    assert outside == []
    assert errors == []
