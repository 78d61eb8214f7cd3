"""A real Jupyter server (the lab environment's) opens a MyST source as a notebook and saves the pair.

jupytext's contents manager is what lets an author open ``notebooks/<strand>/<ID>-<slug>.md``
in JupyterLab, edit cells and tags, and save both files; this checks it over the
server's REST API, the same one JupyterLab uses.
"""

from __future__ import annotations

import json
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from workbook.paths import notebooks_dir
from workbook.sources import differences

TOKEN = "layout-test-token"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _request(url: str, method: str = "GET", body: dict | None = None) -> dict:
    data = json.dumps(body).encode() if body is not None else None
    req = urllib.request.Request(url, data=data, method=method, headers={"Authorization": f"token {TOKEN}", "Content-Type": "application/json"})
    with urllib.request.urlopen(req, timeout=30) as resp:
        return json.loads(resp.read() or b"{}")


@pytest.fixture()
def server(tmp_path):
    folder = tmp_path / "notebooks"
    shutil.copytree(notebooks_dir(), folder, ignore=shutil.ignore_patterns("*.ipynb_checkpoints"))
    port = _free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "jupyter", "server", "--no-browser", f"--port={port}", "--ip=127.0.0.1",
         f"--ServerApp.token={TOKEN}", f"--ServerApp.root_dir={folder}", "--ServerApp.open_browser=False", "--allow-root"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(300):
            try:
                _request(f"{base}/api/status")
                break
            except OSError:
                if proc.poll() is not None:
                    raise RuntimeError("jupyter server exited")
                time.sleep(0.1)
        yield base, folder
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def test_lab_opens_the_md_as_a_notebook_and_saving_keeps_the_pair_in_sync(server):
    base, folder = server
    url = f"{base}/api/contents/technology/T2-infrastructure.md"
    model = _request(f"{url}?type=notebook&content=1")
    assert model["type"] == "notebook"
    cells = model["content"]["cells"]
    assert model["content"]["metadata"]["workbook"]["principle"] == "T2"
    assert any(c["metadata"].get("tags") == ["parameters"] for c in cells)
    title = cells[0]
    title["source"] = title["source"].replace("# T2 · Infrastructure", "# T2 · Infrastructure (cohort 3)")
    _request(url, "PUT", {"type": "notebook", "format": "json", "content": model["content"]})
    md = (folder / "technology" / "T2-infrastructure.md").read_text(encoding="utf-8")
    assert "# T2 · Infrastructure (cohort 3)" in md and "notebook_metadata_filter: workbook,kernelspec" in md
    ipynb = json.loads((folder / "technology" / "T2-infrastructure.ipynb").read_text(encoding="utf-8"))
    assert "(cohort 3)" in "".join(ipynb["cells"][0]["source"]), "saving the .md writes the paired .ipynb too"
    assert ipynb["metadata"]["workbook"]["principle"] == "T2"
    assert differences(folder / "technology" / "T2-infrastructure.md") == [], "a save from the lab leaves the pair in sync"
