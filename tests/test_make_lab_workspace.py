"""`make lab`: a candidate workspace (candidate edition, own parameters, never overwritten), quiet JupyterLab."""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import signal
import socket
import subprocess
import time
import urllib.request
import uuid
from pathlib import Path

import nbformat

from workbook.grading.release import is_placeholder
from workbook.kernels import run_notebook
from workbook.workspace import prepare_workspace

ROOT = Path(__file__).resolve().parents[1]
L6 = Path("cto-workbook") / "leadership" / "L6-fiscal-management.ipynb"
DAY = dt.date(2026, 11, 28)


def _injected(nb: nbformat.NotebookNode) -> str:
    return next(c.source for c in nb.cells if "injected-parameters" in c.metadata.get("tags", []))


def test_workspace_is_candidate_edition_with_own_parameters_and_keeps_changes(tmp_path: Path) -> None:
    first = prepare_workspace(tmp_path, candidate="ana-reyes", district="sample-rural", seed=42, today=DAY)
    assert {r.action for r in first} == {"new"} and any(r.path == "00-start-here.ipynb" for r in first)
    nb = nbformat.read(tmp_path / L6, as_version=4)
    assert nb.metadata["workbook"]["edition"] == "candidate"
    assert not any("solution" in c.metadata.get("tags", []) for c in nb.cells)
    assert all(is_placeholder(c.source) for c in nb.cells if "answer" in c.metadata.get("tags", []))
    params = _injected(nb)
    assert 'candidate = "ana-reyes"' in params and 'district = "sample-rural"' in params and "seed = 42" in params

    again = prepare_workspace(tmp_path, candidate="ana-reyes", district="sample-rural", seed=42, today=DAY)
    assert {r.action for r in again} == {"unchanged"}

    # The start notebook's progress table counts the workspace's exercises (the candidate edition's answer cells).
    folder = tmp_path / "cto-workbook"
    run_notebook(folder / "00-start-here.ipynb", tmp_path / "start-ran.ipynb", cwd=str(folder))
    shown = "".join(o.get("data", {}).get("text/plain", "")
                    for c in nbformat.read(tmp_path / "start-ran.ipynb", as_version=4).cells for o in c.get("outputs", []))
    exercises = sum(1 for c in nb.cells if "answer" in c.metadata.get("tags", []))
    l6_row = next(line for line in shown.splitlines() if line.startswith("L6 "))
    assert f"0/{exercises}" in l6_row and "not started" in l6_row

    mine = tmp_path / L6
    work = mine.read_text(encoding="utf-8").replace('answer(\\"l6-tco-5yr\\", ...)', 'answer(\\"l6-tco-5yr\\", 123)')
    assert work != mine.read_text(encoding="utf-8")
    mine.write_text(work, encoding="utf-8")
    # New material (here: another district) replaces untouched notebooks and lands beside the changed one.
    later = {r.path: r.action for r in prepare_workspace(tmp_path, candidate="ana-reyes", district="sample-urban",
                                                         seed=42, today=DAY)}
    assert mine.read_text(encoding="utf-8") == work
    assert later["leadership/L6-fiscal-management (updated 2026-11-28).ipynb"] == "beside"
    beside = nbformat.read(mine.with_name("L6-fiscal-management (updated 2026-11-28).ipynb"), as_version=4)
    assert 'district = "sample-urban"' in _injected(beside)
    assert later["technology/T1-security-fundamentals.ipynb"] == "updated"
    assert 'district = "sample-urban"' in _injected(nbformat.read(tmp_path / "cto-workbook" / "technology" /
                                                                  "T1-security-fundamentals.ipynb", as_version=4))


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str, data: bytes | None = None) -> bytes:
    with urllib.request.urlopen(urllib.request.Request(url, data=data, method="POST" if data is not None else "GET"),
                                timeout=20) as resp:
        return resp.read()


def _run_code(url: str, code: str) -> str:
    """Execute ``code`` in a running kernel over the server's websocket; return its stdout."""
    import websocket

    ws = websocket.create_connection(url, timeout=120)
    try:
        msg_id = uuid.uuid4().hex
        ws.send(json.dumps({
            "header": {"msg_id": msg_id, "msg_type": "execute_request", "username": "test", "session": uuid.uuid4().hex,
                       "date": "", "version": "5.3"},
            "parent_header": {}, "metadata": {}, "channel": "shell",
            "content": {"code": code, "silent": False, "store_history": False, "user_expressions": {},
                        "allow_stdin": False, "stop_on_error": True},
        }))
        text = ""
        while True:
            msg = json.loads(ws.recv())
            if msg.get("parent_header", {}).get("msg_id") != msg_id:
                continue
            if msg["msg_type"] == "stream":
                text += msg["content"]["text"]
            if msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
                return text
    finally:
        ws.close()


def test_make_lab_opens_workspace_without_announcements_or_tcp_warning(tmp_path: Path) -> None:
    port, token = _free_port(), "wb-lab-test"
    log = tmp_path / "lab.log"
    args = f"--no-browser --port={port} --ServerApp.port_retries=0 --IdentityProvider.token={token}"
    env = {k: v for k, v in os.environ.items() if not k.startswith("JUPYTER")}
    with log.open("w") as out:
        proc = subprocess.Popen(
            ["make", "-s", "-C", str(ROOT), "-o", ".venv/.installed", "lab", f"LAB_HOME={tmp_path / 'home'}",
             "CANDIDATE=ana-reyes", "DISTRICT=sample-rural", f"LAB_ARGS={args}"],
            stdout=out, stderr=subprocess.STDOUT, env=env, start_new_session=True)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 180
        while True:
            assert proc.poll() is None, log.read_text()
            try:
                _get(f"{base}/api/status?token={token}")
                break
            except OSError:
                assert time.monotonic() < deadline, log.read_text()
                time.sleep(0.5)
        workspace = tmp_path / "home" / "cto-workbook"
        assert 'candidate = "ana-reyes"' in _injected(nbformat.read(workspace / L6.relative_to("cto-workbook"), as_version=4))
        contents = json.loads(_get(f"{base}/api/contents/leadership?token={token}"))
        assert "L6-fiscal-management.ipynb" in {c["name"] for c in contents["content"]}, "the lab serves the workspace"

        page = _get(f"{base}/lab?token={token}").decode()
        config = json.loads(re.search(r'id="jupyter-config-data"[^>]*>(.*?)</script>', page, re.S).group(1))
        assert "@jupyterlab/apputils-extension:announcements" in config["disabledExtensions"]

        kernel = json.loads(_get(f"{base}/api/kernels?token={token}", data=b"{}"))
        assert _run_code(f"ws://127.0.0.1:{port}/api/kernels/{kernel['id']}/channels?token={token}", "print(6 * 7)") == "42\n"
        time.sleep(1)  # the kernel's stderr reaches the server's log through a pipe
        assert "without encryption" not in log.read_text(), log.read_text()
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
