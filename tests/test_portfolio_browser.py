"""The built portfolio in a real browser (Debian's Chromium via Playwright).

From ``file://`` and from a local HTTP server on 127.0.0.1: navigation works,
search works, local MathJax typesets, the hostile reflection stays inert, and no
request leaves the machine and no console error appears. One browser for the module.
"""

from __future__ import annotations

import functools
import http.server
import threading
from pathlib import Path
from urllib.parse import urlparse

import pytest

from workbook.portfolio import build_portfolio

playwright_sync = pytest.importorskip("playwright.sync_api")
CHROMIUM = Path("/usr/bin/chromium")
WORKSPACE = Path(__file__).resolve().parent / "notebooks" / "portfolio" / "workspace"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]

pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium (scripts/system-deps.sh)")


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    from workbook.portfolio.assets import node_modules_dir

    assert (node_modules_dir() / "mathjax").is_dir(), (
        f"{node_modules_dir()} has no MathJax: run `make system-deps` (npm ci) before these browser tests"
    )
    out = tmp_path_factory.mktemp("browser") / "site"
    build_portfolio(WORKSPACE, out)
    return out


@pytest.fixture(scope="module")
def browser():
    with playwright_sync.sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield b
        b.close()


@pytest.fixture(scope="module")
def server(site):
    handler = functools.partial(_QuietHandler, directory=str(site))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):  # keep pytest output clean
        pass


class Watch:
    """Every request, console error, page error and dialog of one browser context."""

    def __init__(self, browser, allowed_host: str | None):
        self.outside: list[str] = []
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        self.context = browser.new_context()
        self.context.route("**/*", self._route)
        self.page = self.context.new_page()
        self.page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))
        self.allowed_host = allowed_host

    def _route(self, route):
        url = urlparse(route.request.url)
        local = url.scheme in ("file", "data", "blob") or (url.scheme == "http" and url.netloc == self.allowed_host)
        if local:
            route.continue_()
        else:
            self.outside.append(route.request.url)
            route.abort()

    def close(self):
        self.context.close()


def _walk(watch: Watch, start: str) -> None:
    page = watch.page
    page.goto(start)
    assert page.locator("h1").inner_text().startswith("Portfolio of")
    page.get_by_role("link", name="L6 · Fiscal Management").first.click()
    page.wait_for_load_state()
    assert page.locator("h1").inner_text() == "L6 · Fiscal Management"
    page.locator(".mjx-chtml").first.wait_for(timeout=15000)  # local MathJax typeset the formula
    page.locator("#toggle-code").click()
    assert page.locator("details.wb-code").first.evaluate("d => d.open")
    page.locator("a[rel=next]").click()
    page.wait_for_load_state()
    assert page.locator("h1").inner_text() == "L7 · Project Management"
    page.locator(".wb-pager").get_by_role("link", name="Index").click()
    page.wait_for_load_state()
    page.locator("#wb-search-box").fill("phishing")
    page.locator("#wb-search-box").press("Enter")
    page.wait_for_load_state()
    assert page.url.split("?")[0].endswith("search.html")
    results = page.locator("#wb-search-results a")
    results.first.wait_for()
    assert "T1 · Security Fundamentals" in results.all_inner_texts()
    page.locator("#wb-search-box").fill("hotspot grant")  # live search as you type
    hit = page.locator("#wb-search-results a", has_text="Reflections")
    hit.wait_for()
    assert "T1 · Security Fundamentals" not in page.locator("#wb-search-results a").all_inner_texts()
    hit.click()
    page.wait_for_load_state()
    assert page.locator("h1").inner_text() == "Reflections"  # holds the hostile reflection too
    assert "HOSTILE_REFLECTION_TEXT" in page.locator("main").inner_text()
    assert page.evaluate("typeof window.__pwned") == "undefined"

def test_portfolio_browser_file_url_navigation_search_offline(browser, site):
    watch = Watch(browser, allowed_host=None)
    try:
        _walk(watch, (site / "index.html").as_uri())
        assert watch.outside == []
        assert watch.errors == []
        assert watch.dialogs == []
    finally:
        watch.close()


def test_portfolio_browser_local_http_every_page_offline(browser, site, server):
    watch = Watch(browser, allowed_host=urlparse(server).netloc)
    try:
        _walk(watch, f"{server}/index.html")
        for page in sorted(site.glob("*.html")):
            watch.page.goto(f"{server}/{page.name}")
            watch.page.wait_for_load_state("load")
        watch.page.goto(f"{server}/T1-security-fundamentals.html")
        watch.page.hover("text=Hover me")
        watch.page.locator("img[alt='an image']").count()
        assert watch.page.evaluate("typeof window.__pwned") == "undefined"
        assert watch.outside == []
        assert watch.errors == []
        assert watch.dialogs == []
    finally:
        watch.close()


def test_portfolio_browser_single_file_and_slides_offline(browser, tmp_path):
    from workbook.portfolio import make_slides

    single = tmp_path / "portfolio.html"
    build_portfolio(WORKSPACE, single, single_file=True)
    slides = make_slides(WORKSPACE / "L6-fiscal-management.ipynb", tmp_path / "talk")
    watch = Watch(browser, allowed_host=None)
    try:
        page = watch.page
        page.goto(single.as_uri())
        page.locator("nav[aria-label=Contents] a", has_text="L6 · Fiscal Management").click()
        assert page.url.endswith("#page-L6-fiscal-management")
        page.goto(slides.as_uri())
        page.wait_for_function("window.Reveal && Reveal.isReady()")
        assert page.evaluate("Reveal.getTotalSlides()") == 3
        page.keyboard.press("ArrowRight")
        assert page.evaluate("Reveal.getIndices().h") == 1
        assert watch.outside == [] and watch.errors == [] and watch.dialogs == []
    finally:
        watch.close()


CONTRAST_JS = """() => {
  const rgb = s => s.match(/[\\d.]+/g).map(Number);
  const lum = ([r, g, b]) => {
    const f = c => { c /= 255; return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4); };
    return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
  };
  const background = el => {
    for (; el; el = el.parentElement) {
      const v = rgb(getComputedStyle(el).backgroundColor);
      if (v.length < 4 || v[3] > 0) return v;
    }
    return [255, 255, 255];
  };
  const low = [];
  document.querySelectorAll("body *").forEach(el => {
    if (!el.checkVisibility()) return;
    if (![...el.childNodes].some(n => n.nodeType === 3 && n.textContent.trim())) return;
    const a = lum(rgb(getComputedStyle(el).color)), b = lum(background(el));
    const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    if (ratio < 4.5) low.push(`${el.tagName}.${el.className} ${ratio.toFixed(2)} "${el.textContent.trim().slice(0, 30)}"`);
  });
  return low;
}"""


def test_portfolio_browser_text_contrast_meets_wcag_aa(browser, site):
    watch = Watch(browser, allowed_host=None)
    try:
        for name in ("index.html", "L6-fiscal-management.html", "T1-security-fundamentals.html", "E1-student-centered-aspects.html",
                     "artifacts.html", "reflections.html", "search.html"):
            watch.page.goto((site / name).as_uri())
            watch.page.locator("#toggle-code").click() if name.startswith("L6") else None  # code visible too
            assert watch.page.evaluate(CONTRAST_JS) == [], name
    finally:
        watch.close()


# --------------------------------------------------------------------------- a candidate attacking the portfolio

HOSTILE = Path(__file__).resolve().parent / "notebooks" / "portfolio" / "hostile"
STATE_MIME = "application/vnd.jupyter.widget-state+json"
ATTACKS_JS = """() => {
  for (const el of document.querySelectorAll("img, p, a, h2, h3, input, .widget-html, .widget-label")) {
    el.dispatchEvent(new MouseEvent("mouseover", {bubbles: true}));
    el.dispatchEvent(new FocusEvent("focus"));
  }
  return typeof window.__pwned === "undefined" ? null : window.__pwned;
}"""


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    from workbook.portfolio import make_slides

    root = tmp_path_factory.mktemp("hostile-browser")
    site = root / "site"
    report = build_portfolio(HOSTILE, site)
    single = root / "portfolio.html"
    build_portfolio(HOSTILE, single, single_file=True)
    slides = make_slides(HOSTILE / "T2-infrastructure.ipynb", root / "talk")
    return {"site": site, "report": report, "single": single, "slides": slides}


def _visit(watch: Watch, url: str) -> object:
    watch.page.goto(url)
    watch.page.wait_for_load_state("load")
    return watch.page.evaluate(ATTACKS_JS)


def test_portfolio_browser_hostile_candidate_runs_no_script_and_sends_nothing(browser, hostile):
    """Forged trust metadata, HTML in widget state, markup in execution counts, outputs, headings
    and the candidate's name: in Chromium, no script runs and no request leaves the machine."""
    site = hostile["site"]
    watch = Watch(browser, allowed_host=None)
    try:
        page = watch.page
        assert _visit(watch, (site / "T2-infrastructure.html").as_uri()) is None
        page.get_by_text("WIDGET_HTML_MARKER").wait_for(timeout=15000)  # the widget manager did render the widgets
        assert page.locator(".widget-slider").count() == 1 and page.locator(".widget-label").count() >= 1
        assert "FORGED_TRUST_SOURCE_TEXT" in page.locator("main").inner_text()  # the source, rendered and sanitized
        assert "FORGED_TRUST_HTML" not in page.content()
        assert "ODD_OUTPUT_TEXT" in page.locator("main").inner_text()
        for name in ("reflections.html", "index.html", "artifacts.html", "T3-technology-services.html"):
            assert _visit(watch, (site / name).as_uri()) is None, name
        assert _visit(watch, hostile["single"].as_uri()) is None
        assert page.locator("nav[aria-label=Contents] img").count() == 0
        assert _visit(watch, hostile["slides"].as_uri()) is None
        page.wait_for_function("window.Reveal && Reveal.isReady()")
        assert watch.outside == [] and watch.dialogs == [] and watch.errors == []
        assert page.evaluate("typeof window.__pwned") == "undefined"
    finally:
        watch.close()


def test_portfolio_browser_unsanitized_widget_state_would_run(browser, hostile, tmp_path):
    """Control: the same page with the notebook's raw widget state put back runs the candidate's
    onerror handler in the widget manager, so the test above could have failed."""
    import json
    import re

    page_file = hostile["site"] / "T2-infrastructure.html"
    raw = json.loads((HOSTILE / "T2-infrastructure.ipynb").read_text(encoding="utf-8"))["metadata"]["widgets"][STATE_MIME]
    text = page_file.read_text(encoding="utf-8")
    pattern = re.compile(rf'(<script type="{re.escape(STATE_MIME)}">).*?(</script>)', re.S)
    assert pattern.search(text)
    control = page_file.with_name("control.html")
    control.write_text(pattern.sub(lambda m: m.group(1) + json.dumps(raw).replace("</", "<\\/") + m.group(2), text), encoding="utf-8")
    watch = Watch(browser, allowed_host=None)
    try:
        watch.page.goto(control.as_uri())
        watch.page.wait_for_function("window.__pwned === 11", timeout=15000)
        assert any("evil.example" in url for url in watch.outside)
    finally:
        watch.close()
        control.unlink()
