"""Mentors on a real JupyterHub: mentor M opens mentee A's server and is refused on B's.

The shipped configuration (deploy/jupyterhub/jupyterhub_config.py) with
WORKBOOK_HUB_MENTORS naming the mentor; `workbook cohort roster import` reads
the roster's `mentor` column and puts the mentee into `mentees-<mentor>`, the
group the mentor's role (`access:servers!group=mentees-<mentor>`) opens. The
mentor signs in with a password like anyone else. Needs root (system users),
configurable-http-proxy and the `hub` extra, as tests/test_hub_cohort.py.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from pathlib import Path

import pytest
import requests

sys.path.insert(0, str(Path(__file__).parent / "hub"))
import hubharness as hh  # noqa: E402

from workbook.cli import main as workbook  # noqa: E402

pytest.importorskip("jupyterhub")
if os.geteuid() != 0:
    pytest.skip("the hub tests create system users: run them as root (CI does)", allow_module_level=True)
if not shutil.which("configurable-http-proxy"):
    pytest.fail("configurable-http-proxy is missing: run scripts/system-deps.sh", pytrace=False)

MENTOR, ANA, BEN = "cwtest-mentor", "cwtest-mana", "cwtest-mben"


@pytest.fixture(scope="module")
def hub():
    hh.kill_user_processes()
    hh.remove_test_users()
    root = Path(tempfile.mkdtemp(prefix="cwtest-mentors-"))
    modes = hh.grant_traverse([Path(sys.executable).resolve(), Path(sys.prefix), hh.REPO])
    hub = None
    try:
        hub = hh.start_hub(root, extra_env={"WORKBOOK_HUB_MENTORS": MENTOR})
        yield hub
    finally:
        if hub is not None:
            hh.stop_hub(hub)
        hh.kill_user_processes()
        hh.remove_test_users()
        hh.restore_modes(modes)
        shutil.rmtree(root, ignore_errors=True)


@pytest.fixture(scope="module")
def cohort(hub, tmp_path_factory):
    work = tmp_path_factory.mktemp("mentors")
    roster = work / "roster.csv"
    roster.write_text("candidate,name,email,district,mentor\n"
                      f"{ANA},Ana (synthetic),ana@example.org,sample-rural,{MENTOR}\n"
                      f"{BEN},Ben (synthetic),ben@example.org,sample-urban,\n", encoding="utf-8")
    token = work / "token"
    token.write_text(hub.admin_token)
    assert workbook(["cohort", "roster", "import", str(roster), "--hub-url", hub.api, "--token-file", str(token),
                     "--cohort-dir", str(work / "cohort")]) == 0, hub.log_tail()
    from workbook.cohort.hub import HubClient

    client = HubClient(hub.api, hub.admin_token)
    for name in (ANA, BEN):
        client.start_server(name)
    for name in (ANA, BEN):
        try:
            client.wait_until_ready(name, timeout=120)
        except Exception:
            pytest.fail(f"{name}'s server did not start:\n{hub.log_tail()}", pytrace=False)
    return {"client": client}


def _signed_in(hub, user: str) -> requests.Session:
    s = requests.Session()
    s.get(f"{hub.url}/hub/login", timeout=30)
    r = s.post(f"{hub.url}/hub/login", data={"username": user, "password": hub.password,
                                             "_xsrf": s.cookies.get("_xsrf", "")}, timeout=60)
    assert r.status_code == 200 and "/hub/login" not in r.url, (r.status_code, r.url, hub.log_tail())
    return s


def test_hub_mentor_is_a_user_in_the_mentors_group_with_mentee_group(hub, cohort):
    groups = cohort["client"].groups()
    assert set(groups["mentors"]["users"]) == {MENTOR}
    assert set(groups[f"mentees-{MENTOR}"]["users"]) == {ANA}
    assert MENTOR not in groups["candidates"]["users"]


def _open_server(s: requests.Session, hub, user: str) -> requests.Response:
    """Open ``user``'s JupyterLab as a browser does: the hub's OAuth hand-off, and its
    "Authorize access" page (shown when the server is someone else's) confirmed."""
    import html
    import re

    r = s.get(f"{hub.url}/user/{user}/lab", timeout=60)
    if r.status_code == 200 and "/hub/api/oauth2/authorize" in r.url:
        fields = [(html.unescape(n), html.unescape(v))
                  for n, v in re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', r.text)]
        assert ("_xsrf", s.cookies.get("_xsrf", "")) in fields or any(n == "_xsrf" for n, _ in fields)
        r = s.post(r.url, data=fields, timeout=60)
    return r


def test_hub_mentor_reaches_own_mentee_and_is_refused_on_another(hub, cohort):
    s = _signed_in(hub, MENTOR)
    lab = _open_server(s, hub, ANA)
    assert lab.status_code == 200 and f"/user/{ANA}/lab" in lab.url, (lab.status_code, lab.url, hub.log_tail(20))
    mine = s.get(f"{hub.url}/user/{ANA}/api/contents", timeout=60)
    assert mine.status_code == 200 and mine.headers["content-type"].startswith("application/json"), (mine.status_code, mine.url)
    assert isinstance(mine.json()["content"], list)
    other = _open_server(s, hub, BEN)
    assert other.status_code == 403, (other.status_code, other.url)
    assert s.get(f"{hub.url}/user/{BEN}/api/contents", timeout=60).status_code == 403
    # The control: Ben opens his own server, and is refused on the mentee's, as the mentor is on his.
    ben = _signed_in(hub, BEN)
    assert _open_server(ben, hub, BEN).status_code == 200
    assert ben.get(f"{hub.url}/user/{BEN}/api/contents", timeout=60).status_code == 200
    assert _open_server(ben, hub, ANA).status_code == 403
