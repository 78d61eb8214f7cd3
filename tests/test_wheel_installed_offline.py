"""The built wheel, installed into a fresh virtual environment outside the checkout, is complete:
its own dependencies build a portfolio and slides, and its own offline assets make them typeset
math and advance slides in Chromium with zero requests to another host.

Slow (a pip install of the whole dependency set, from pip's cache when it is warm); CI runs it.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlparse

import pytest

ROOT = Path(__file__).resolve().parents[1]
WORKSPACE = ROOT / "tests" / "notebooks" / "portfolio" / "workspace"
CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]
playwright_sync = pytest.importorskip("playwright.sync_api")


def _clean_env() -> dict[str, str]:
    """No trace of the checkout or the test environment: no PYTHONPATH, no virtualenv, no node_modules."""
    env = {k: v for k, v in os.environ.items()
           if k not in ("PYTHONPATH", "VIRTUAL_ENV", "WORKBOOK_NODE_MODULES", "CTO_WORKBOOK_EXERCISES")}
    env["PATH"] = "/usr/local/bin:/usr/bin:/bin"
    return env


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> dict:
    from hatchling.builders.wheel import WheelBuilder

    base = tmp_path_factory.mktemp("installed")
    [wheel] = list(WheelBuilder(str(ROOT)).build(directory=str(base / "dist"), versions=["standard"]))
    venv = base / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, env=_clean_env())
    py = venv / "bin" / "python"
    pip = subprocess.run([str(py), "-m", "pip", "install", "--quiet", "--disable-pip-version-check", wheel],
                         capture_output=True, text=True, env=_clean_env(), timeout=1200)
    assert pip.returncode == 0, pip.stderr[-3000:]
    work = base / "work"
    shutil.copytree(WORKSPACE, work / "workspace")
    return {"venv": venv, "py": py, "workbook": venv / "bin" / "workbook", "work": work}


def _run(installed: dict, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([str(installed["workbook"]), *args], cwd=installed["work"], capture_output=True,
                          text=True, env=_clean_env(), timeout=600)


def test_wheel_installed_workbook_is_the_wheel_not_the_checkout(installed) -> None:
    probe = ("import json, workbook, workbook.paths as p, workbook.portfolio.assets as a; print(json.dumps("
             "[workbook.__file__, str(p.notebooks_dir()), str(a.node_modules_dir())]))")
    out = subprocess.run([str(installed["py"]), "-c", probe], cwd=installed["work"], capture_output=True,
                         text=True, env=_clean_env(), check=True).stdout
    package, notebooks, assets = json.loads(out)
    venv = str(installed["venv"])
    assert package.startswith(venv) and notebooks.startswith(venv) and assets.startswith(venv)
    assert not any(str(ROOT) in p for p in (package, notebooks, assets))


def test_wheel_installed_builds_portfolio_and_slides_offline_in_chromium(installed) -> None:
    built = _run(installed, "portfolio", "build", "workspace", "-o", "site")
    assert built.returncode == 0, built.stderr
    slides = _run(installed, "portfolio", "slides", "workspace/L6-fiscal-management.ipynb", "-o", "talk")
    assert slides.returncode == 0, slides.stderr
    site, talk = installed["work"] / "site", installed["work"] / "talk"
    assert (site / "assets" / "vendor" / "mathjax" / "MathJax.js").is_file()
    assert (talk / "reveal.js" / "dist" / "reveal.js").is_file()

    outside: list[str] = []
    errors: list[str] = []

    def route(r):
        scheme = urlparse(r.request.url).scheme
        if scheme in ("file", "data", "blob"):
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
            page.goto((site / "L6-fiscal-management.html").as_uri())
            page.locator(".mjx-chtml").first.wait_for(timeout=20000)  # the wheel's MathJax typeset it
            page.goto((talk / "slides.html").as_uri())
            page.wait_for_function("window.Reveal && Reveal.isReady()", timeout=20000)
            assert page.evaluate("Reveal.getIndices().h") == 0
            page.keyboard.press("ArrowRight")
            assert page.evaluate("Reveal.getIndices().h") == 1
        finally:
            browser.close()
    assert outside == []
    assert errors == []


def test_wheel_installed_without_its_assets_says_so_and_exits_nonzero(installed, tmp_path) -> None:
    env = _clean_env() | {"WORKBOOK_NODE_MODULES": str(tmp_path / "gone")}
    r = subprocess.run([str(installed["workbook"]), "portfolio", "slides", "workspace/L6-fiscal-management.ipynb",
                        "-o", str(tmp_path / "talk")], cwd=installed["work"], capture_output=True, text=True, env=env)
    assert r.returncode == 2
    assert "reveal.js" in r.stderr and "Traceback" not in r.stderr
