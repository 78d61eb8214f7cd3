"""A real JupyterHub on 127.0.0.1: roster import, spawns, hand-out, isolation, collection.

One hub for the whole module (started from deploy/jupyterhub/jupyterhub_config.py
plus tests/hub/jupyterhub_test_config.py), two candidates created as real system
users from a roster, everything removed afterwards. Needs root (system users),
configurable-http-proxy on PATH (scripts/system-deps.sh) and the `hub` extra.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import pwd
import shutil
import sys
import tempfile
import time
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent / "hub"))
import hubharness as hh  # noqa: E402

from workbook.cli import main as workbook  # noqa: E402
from workbook.roster import candidate_parameters, read_roster  # noqa: E402

pytest.importorskip("jupyterhub")
if os.geteuid() != 0:
    pytest.skip("the hub tests create system users: run them as root (CI does)",
                allow_module_level=True)
if not shutil.which("configurable-http-proxy"):
    pytest.fail("configurable-http-proxy is missing: run scripts/system-deps.sh", pytrace=False)

SOURCE = Path(__file__).parent / "hub" / "source"
ANA, BEN = "cwtest-ana", "cwtest-ben"
L6 = "leadership/L6-fiscal-management.ipynb"


@pytest.fixture(scope="module")
def hub():
    hh.kill_user_processes()
    hh.remove_test_users()
    root = Path(tempfile.mkdtemp(prefix="cwtest-hub-"))
    modes = hh.grant_traverse([Path(sys.executable).resolve(), Path(sys.prefix), hh.REPO])
    hub = None
    try:
        hub = hh.start_hub(root)
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
    """The roster imported, both servers running, the notebooks handed out once."""
    work = tmp_path_factory.mktemp("instructor")
    roster = work / "roster.csv"
    roster.write_text(
        "candidate,name,email,district,seed,group\n"
        f"{ANA},Ana Reyes (synthetic),ana@example.org,sample-rural,,fall-2026\n"
        f"{BEN},Ben Okafor (synthetic),ben@example.org,sample-urban,4711,fall-2026\n",
        encoding="utf-8",
    )
    token = work / "token"
    token.write_text(hub.admin_token)
    rc = workbook(["cohort", "roster", "import", str(roster), "--hub-url", hub.api,
                   "--token-file", str(token), "--cohort-dir", str(work / "cohort")])
    assert rc == 0, hub.log_tail()
    rc = workbook(["cohort", "handout", "--roster", str(roster), "--source", str(SOURCE),
                   "--cohort-dir", str(work / "cohort")])
    assert rc == 0
    handed_out = time.time()
    time.sleep(1.1)  # so a later save has a later modification time than the hand-out

    from workbook.cohort.hub import HubClient

    client = HubClient(hub.api, hub.admin_token)
    for name in (ANA, BEN):
        client.start_server(name)
    for name in (ANA, BEN):
        try:
            client.wait_until_ready(name, timeout=120)
        except Exception:
            pytest.fail(f"{name}'s server did not start:\n{hub.log_tail()}", pytrace=False)
    secret = (work / "cohort" / "secret").read_text().strip()
    return {"work": work, "roster": roster, "client": client, "secret": secret,
            "handed_out": handed_out}


def test_hub_roster_import_makes_users_groups_and_private_homes(hub, cohort):
    users = cohort["client"].users()
    assert {ANA, BEN} <= set(users)
    groups = cohort["client"].groups()
    assert set(groups["candidates"]["users"]) >= {ANA, BEN}
    assert set(groups["fall-2026"]["users"]) == {ANA, BEN}
    for name in (ANA, BEN):
        home = Path(pwd.getpwnam(name).pw_dir)
        assert oct(home.stat().st_mode & 0o777) == "0o700"
        assert home.stat().st_uid == pwd.getpwnam(name).pw_uid


def test_hub_cohort_admin_token_cannot_make_an_admin(hub, cohort):
    from workbook.cohort.hub import HubError

    with pytest.raises(HubError, match="403"):
        cohort["client"].request("PATCH", f"users/{ANA}", json={"admin": True})


def test_hub_each_candidate_finds_notebooks_with_own_parameters(hub, cohort):
    s = hub.harness()
    for entry in read_roster(cohort["roster"]):
        params = candidate_parameters(entry, cohort["secret"])
        r = s.get(f"{hub.url}/user/{entry.candidate}/api/contents/cto-workbook/{L6}", timeout=30)
        assert r.status_code == 200, r.text
        cells = r.json()["content"]["cells"]
        [injected] = [c for c in cells if "injected-parameters" in c["metadata"].get("tags", [])]
        assert f'candidate = "{entry.candidate}"' in injected["source"]
        assert f'district = "{entry.district}"' in injected["source"]
        assert f"seed = {params['seed']}" in injected["source"]
        listing = s.get(f"{hub.url}/user/{entry.candidate}/api/contents/cto-workbook", timeout=30)
        assert {c["name"] for c in listing.json()["content"]} >= {"00-start-here.ipynb", "leadership"}
        # the cohort's server settings are read: no terminals for candidates
        terminals = s.get(f"{hub.url}/user/{entry.candidate}/api/terminals", timeout=30)
        assert terminals.status_code == 404


def test_hub_notebook_executes_on_candidate_server_through_kernel_api(hub, cohort):
    s = hub.harness()
    nb = s.get(f"{hub.url}/user/{ANA}/api/contents/cto-workbook/{L6}", timeout=30).json()["content"]
    code = "\n\n".join(c["source"] for c in nb["cells"] if c["cell_type"] == "code")
    code += "\nimport getpass, os\nprint('user=' + getpass.getuser(), 'cwd=' + os.getcwd())"
    result = hh.execute(hub, ANA, code, path="cto-workbook/leadership")
    assert result["error"] is None, result["traceback"]
    [entry] = [e for e in read_roster(cohort["roster"]) if e.candidate == ANA]
    seed = candidate_parameters(entry, cohort["secret"])["seed"]
    assert f"candidate={ANA} district=sample-rural seed={seed}" in result["stdout"]
    assert f"user={ANA}" in result["stdout"]
    assert result["stdout"].strip().endswith("cto-workbook/leadership")


def test_hub_candidate_cannot_read_another_candidates_home(hub, cohort):
    ben_home = pwd.getpwnam(BEN).pw_dir
    code = (
        "try:\n"
        f"    open({ben_home + '/cto-workbook/00-start-here.ipynb'!r}).read()\n"
        "    print('READ-OK')\n"
        "except PermissionError:\n"
        "    print('PermissionError')\n"
        "try:\n"
        f"    __import__('os').listdir({ben_home!r})\n"
        "    print('LIST-OK')\n"
        "except PermissionError:\n"
        "    print('PermissionError')\n"
    )
    result = hh.execute(hub, ANA, code)
    assert result["error"] is None, result["traceback"]
    assert result["stdout"].split() == ["PermissionError", "PermissionError"]


def test_hub_collect_then_changed_notebook_survives_second_handout(hub, cohort):
    s = hub.harness()
    # the on-time snapshot (run at the due time, from cron): lateness is when the collector
    # first saw a notebook's content, never the file's own modification time
    out = cohort["work"] / "submissions"
    assert workbook(["cohort", "collect", "--roster", str(cohort["roster"]), "--out", str(out)]) == 0
    on_time = time.time()
    time.sleep(1.1)
    url = f"{hub.url}/user/{ANA}/api/contents/cto-workbook/{L6}"
    model = s.get(url, timeout=30).json()
    model["content"]["cells"].append(
        {"cell_type": "markdown", "metadata": {"tags": ["reflection"]}, "id": "ana-note",
         "source": "Ana's reflection: our rural district would phase the refresh."})
    r = s.put(url, json={"type": "notebook", "format": "json", "content": model["content"]},
              timeout=30)
    assert r.status_code == 200, r.text

    # collect: Ana saved after the due date, Ben did not
    due = dt.datetime.fromtimestamp(on_time + 0.5, dt.timezone.utc).isoformat()
    rc = workbook(["cohort", "collect", "--roster", str(cohort["roster"]), "--due", due,
                   "--out", str(out)])
    assert rc == 0
    ana = json.loads((out / ANA / "collection.json").read_text())
    ben = json.loads((out / BEN / "collection.json").read_text())
    assert ana["late"] is True and ben["late"] is False
    assert {f["path"] for f in ben["files"]} == {"00-start-here.ipynb", L6}
    assert dt.datetime.fromisoformat(ana["collected_at"]) > dt.datetime.fromisoformat(due)
    assert "Ana's reflection" in (out / ANA / L6).read_text()

    # a second hand-out with new material: Ana's changed notebook stays, the new one lands beside
    release = cohort["work"] / "release"
    shutil.copytree(SOURCE, release)
    import nbformat

    nb = nbformat.read(release / L6, as_version=4)
    nb.cells.append(nbformat.v4.new_markdown_cell("Erratum: the 2026-27 figures were updated."))
    nbformat.write(nb, release / L6)
    rc = workbook(["cohort", "handout", "--roster", str(cohort["roster"]), "--source", str(release),
                   "--cohort-dir", str(cohort["work"] / "cohort")])
    assert rc == 0
    mine = s.get(url, timeout=30).json()["content"]
    assert "Ana's reflection" in json.dumps(mine)
    assert "Erratum" not in json.dumps(mine)
    listing = s.get(f"{hub.url}/user/{ANA}/api/contents/cto-workbook/leadership", timeout=30).json()
    names = {c["name"] for c in listing["content"]}
    today = dt.date.today().isoformat()
    assert f"L6-fiscal-management (updated {today}).ipynb" in names
    ben_nb = s.get(f"{hub.url}/user/{BEN}/api/contents/cto-workbook/{L6}", timeout=30).json()
    assert "Erratum" in json.dumps(ben_nb["content"])
    owner = Path(pwd.getpwnam(ANA).pw_dir) / "cto-workbook" / "leadership"
    assert {p.stat().st_uid for p in owner.iterdir()} == {pwd.getpwnam(ANA).pw_uid}


def test_hub_collected_work_is_graded(hub, cohort):
    """What `collect` gathered (strand folders kept) goes straight into `workbook grade`."""
    import hashlib

    from workbook.grading.gradebook import Gradebook

    out = cohort["work"] / "submissions"
    if not (out / ANA / L6).exists():
        rc = workbook(["cohort", "collect", "--roster", str(cohort["roster"]), "--out", str(out)])
        assert rc == 0
    before = {p: hashlib.sha256(p.read_bytes()).hexdigest() for p in out.rglob("*.ipynb")}
    book = cohort["work"] / "grades.sqlite"
    rc = workbook(["grade", str(out), "--roster", str(cohort["roster"]), "--cohort-dir",
                   str(cohort["work"] / "cohort"), "--only", "L6", "--gradebook", str(book),
                   "--workers", "1", "--no-progress"])
    assert rc == 0
    results = {r["candidate"]: r for r in Gradebook(book).results()}
    assert set(results) == {ANA, BEN}
    for name, row in results.items():
        assert row["status"] == "graded", (name, row["reason"])
        assert row["possible"] > 0
    assert all(o["reason"] for o in Gradebook(book).outcomes())
    assert before == {p: hashlib.sha256(p.read_bytes()).hexdigest() for p in out.rglob("*.ipynb")}


def test_hub_browser_login_opens_jupyterlab_on_the_start_notebook(hub, cohort):
    sync_api = pytest.importorskip("playwright.sync_api")
    chromium = shutil.which("chromium") or "/usr/bin/chromium"
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=chromium,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--no-first-run"],
        )
        try:
            page = browser.new_page()
            page.set_default_timeout(90_000)
            page.goto(f"{hub.url}/hub/login")
            page.fill("input[name=username]", BEN)
            page.fill("input[name=password]", hub.password)
            page.click("#login_submit")
            page.wait_for_url(f"**/user/{BEN}/lab/tree/cto-workbook/00-start-here.ipynb**")
            tab = page.locator(".lm-DockPanel-tabBar .lm-TabBar-tab", has_text="00-start-here.ipynb")
            tab.wait_for(state="visible")
            page.locator(".jp-NotebookPanel .jp-Cell").first.wait_for(state="visible")
            # the notebook's content arrives after the first cell appears: wait for its heading
            page.locator(".jp-NotebookPanel").get_by_text("Start here (hub test)").first.wait_for(state="attached")
            # the cohort has JupyterLab's news announcements switched off
            page.wait_for_timeout(1500)
            assert page.get_by_text("official Jupyter news").count() == 0
            assert "@jupyterlab/apputils-extension:announcements" in page.evaluate(
                "JSON.stringify(JSON.parse(document.getElementById("
                "'jupyter-config-data').textContent).disabledExtensions)")
        finally:
            browser.close()
