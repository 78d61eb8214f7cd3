"""Helpers for the real-hub tests: ports, a hub process, system users, kernel calls.

Everything here is test scaffolding; the hub, the proxy, the spawner, the
single-user servers and the kernels are the real ones.
"""

from __future__ import annotations

import json
import os
import pwd
import secrets
import signal
import socket
import stat
import subprocess
import sys
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path

import requests

REPO = Path(__file__).resolve().parents[2]
DEPLOY_CONFIG = REPO / "deploy" / "jupyterhub" / "jupyterhub_config.py"
TEST_CONFIG = Path(__file__).with_name("jupyterhub_test_config.py")
PREFIX = "cwtest-"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def remove_test_users(prefix: str = PREFIX) -> list[str]:
    """``userdel -r`` every system user whose name starts with ``prefix``."""
    gone = []
    for entry in pwd.getpwall():
        if entry.pw_name.startswith(prefix):
            subprocess.run(["userdel", "-r", entry.pw_name], capture_output=True, timeout=30)
            gone.append(entry.pw_name)
    return gone


def grant_traverse(paths: list[Path]) -> list[tuple[Path, int]]:
    """Add o+x to every ancestor folder of ``paths`` that lacks it; return what to restore.

    Candidate servers run as their own users and must reach the Python that
    runs them (here under /root/.pyenv, whose /root is 0700).
    """
    changed: list[tuple[Path, int]] = []
    seen: set[Path] = set()
    for p in paths:
        for d in [p, *p.parents]:
            if d in seen or not d.is_dir():
                continue
            seen.add(d)
            mode = stat.S_IMODE(d.stat().st_mode)
            if not mode & stat.S_IXOTH:
                os.chmod(d, mode | stat.S_IXOTH)
                changed.append((d, mode))
    return changed


def restore_modes(changed: list[tuple[Path, int]]) -> None:
    for d, mode in reversed(changed):
        os.chmod(d, mode)


@dataclass
class Hub:
    """A running hub started by the tests."""

    root: Path
    url: str
    admin_token: str
    harness_token: str
    password: str
    process: subprocess.Popen
    log: Path
    env: dict[str, str] = field(default_factory=dict)

    @property
    def api(self) -> str:
        return f"{self.url}/hub/api"

    def harness(self) -> requests.Session:
        s = requests.Session()
        s.headers["Authorization"] = f"token {self.harness_token}"
        return s

    def log_tail(self, n: int = 60) -> str:
        try:
            return "\n".join(self.log.read_text(errors="replace").splitlines()[-n:])
        except OSError:
            return ""


def start_hub(root: Path, timeout: float = 90.0, extra_env: dict[str, str] | None = None) -> Hub:
    """Start JupyterHub with the shipped configuration plus the test overlay (and ``extra_env``, e.g. mentors)."""
    os.chmod(root, 0o755)
    port, api_port, hub_port = free_port(), free_port(), free_port()
    url = f"http://127.0.0.1:{port}"
    admin_token, harness_token = secrets.token_hex(24), secrets.token_hex(24)
    password = secrets.token_urlsafe(12)
    env = dict(os.environ)
    env.update({
        "WORKBOOK_HUB_BIND_URL": url,
        "WORKBOOK_HUB_STATE_DIR": str(root / "hub-state"),
        "WORKBOOK_SINGLEUSER_CONFIG_DIR": str(root / "singleuser-config"),
        "WORKBOOK_HUB_TOKEN": admin_token,
        "WORKBOOK_HUB_SPAWNER": "local",
        "WORKBOOK_HUB_CULL_TIMEOUT": "3600",
        "CWTEST_DEPLOY_CONFIG": str(DEPLOY_CONFIG),
        "CWTEST_PASSWORD": password,
        "CWTEST_HARNESS_TOKEN": harness_token,
        "CWTEST_HUB_BIND": f"http://127.0.0.1:{hub_port}",
        "CWTEST_PROXY_API": f"http://127.0.0.1:{api_port}",
        "PATH": f"{Path(sys.executable).parent}:{env.get('PATH', '/usr/bin:/bin')}:/usr/sbin:/sbin",
    })
    env.update(extra_env or {})
    env.pop("JUPYTERHUB_API_TOKEN", None)
    log = root / "jupyterhub.log"
    jupyterhub = Path(sys.executable).parent / "jupyterhub"
    with open(log, "wb") as out:
        proc = subprocess.Popen(
            [str(jupyterhub), "-f", str(TEST_CONFIG)],
            cwd=root, env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True,
        )
    hub = Hub(root, url, admin_token, harness_token, password, proc, log, env)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"jupyterhub exited with {proc.returncode}:\n{hub.log_tail()}")
        try:
            if requests.get(f"{hub.api}/", timeout=2).status_code == 200:
                return hub
        except requests.RequestException:
            pass
        time.sleep(0.5)
    stop_hub(hub)
    raise RuntimeError(f"jupyterhub did not answer within {timeout:g} s:\n{hub.log_tail()}")


def stop_hub(hub: Hub, timeout: float = 30.0) -> None:
    """Stop the hub (it stops the servers and the proxy), then anything left in its group."""
    if hub.process.poll() is None:
        hub.process.send_signal(signal.SIGTERM)
        try:
            hub.process.wait(timeout)
        except subprocess.TimeoutExpired:
            pass
    try:
        os.killpg(hub.process.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    hub.process.wait(10)


def kill_user_processes(prefix: str = PREFIX) -> None:
    """Candidate servers run in their own sessions; end those of the test users."""
    for entry in pwd.getpwall():
        if entry.pw_name.startswith(prefix):
            subprocess.run(["pkill", "-KILL", "-u", entry.pw_name], capture_output=True, timeout=10)


def execute(hub: Hub, user: str, code: str, *, path: str = "", timeout: float = 90.0) -> dict:
    """Run ``code`` in a new kernel on ``user``'s server through the REST and websocket APIs.

    Returns ``{"stdout": ..., "error": ename or None, "traceback": ...}``.
    """
    import websocket

    base = f"{hub.url}/user/{user}/api"
    s = hub.harness()
    r = s.post(f"{base}/kernels", json={"name": "python3", "path": path}, timeout=60)
    r.raise_for_status()
    kernel = r.json()["id"]
    try:
        ws = websocket.create_connection(
            f"ws://127.0.0.1:{hub.url.rsplit(':', 1)[1]}/user/{user}/api/kernels/{kernel}/channels",
            header=[f"Authorization: token {hub.harness_token}"],
            timeout=timeout,
        )
        try:
            msg_id = uuid.uuid4().hex
            ws.send(json.dumps({
                "header": {"msg_id": msg_id, "username": "cwtest", "session": uuid.uuid4().hex,
                           "msg_type": "execute_request", "version": "5.3"},
                "parent_header": {}, "metadata": {}, "buffers": [], "channel": "shell",
                "content": {"code": code, "silent": False, "store_history": False,
                            "user_expressions": {}, "allow_stdin": False, "stop_on_error": True},
            }))
            out, error, tb = [], None, []
            deadline = time.monotonic() + timeout
            while time.monotonic() < deadline:
                msg = json.loads(ws.recv())
                if msg.get("parent_header", {}).get("msg_id") != msg_id:
                    continue
                kind = msg["header"]["msg_type"]
                if kind == "stream":
                    out.append(msg["content"]["text"])
                elif kind == "error":
                    error, tb = msg["content"]["ename"], msg["content"]["traceback"]
                elif kind == "status" and msg["content"]["execution_state"] == "idle":
                    break
            else:
                raise TimeoutError(f"no reply from {user}'s kernel within {timeout:g} s")
            return {"stdout": "".join(out), "error": error, "traceback": tb}
        finally:
            ws.close()
    finally:
        s.delete(f"{base}/kernels/{kernel}", timeout=30)
