"""docs/administrator.md followed as written: a real hub on 127.0.0.1, two candidates, one instructor.

The blocks of the guide marked ``<!-- guide-test: NAME -->`` run as they are,
in bash as root, with one temporary folder in place of ``/opt``, ``/etc``,
``/srv`` and ``/var/log`` and this checkout as ``REPO``. The ``system`` block
(apt-get, npm's proxy) is what ``scripts/system-deps.sh`` installs before the
tests, so it is not run again. Then:

- the three users sign up at /hub/signup (the roster names and the instructor
  are told they can log in) and log in with their passwords;
- a candidate lands on the start notebook, the instructor on the file browser;
- from a candidate's kernel, every instructor file (instructor notebooks, hidden
  checks, roster, secret, hand-out records, submissions, gradebook, feedback,
  the hub's secrets, the other candidate's home) fails to open;
- the collection and grading block ran with the hidden checks present;
- the candidate builds their portfolio in their own environment, as the guide says;
- the hub's log carries none of the three warnings the guide's hub used to print.

Needs root, the ``hub`` extra, network for pip and npm (their caches when warm).
"""

from __future__ import annotations

import json
import os
import re
import secrets
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent / "hub"))
import hubharness as hh  # noqa: E402

pytest.importorskip("jupyterhub")
requests = pytest.importorskip("requests")
if os.geteuid() != 0:
    pytest.skip("the guide runs as root and creates system users: run as root (CI does)", allow_module_level=True)

REPO = Path(__file__).resolve().parents[1]
GUIDE = REPO / "docs" / "administrator.md"
# Own prefix: the other hub tests remove every "cwtest-" user, and may run at the same time.
PREFIX = "cwguide-"
ANA, BEN, PAT = "cwguide-ana", "cwguide-ben", "cwguide-pat"
PLACES = ("/opt/cto-workbook", "/etc/cto-workbook", "/srv/cto-workbook", "/var/log/cto-workbook-hub.log")
NOISE = ("JupyterEventsVersionWarning", "Could not load pycurl", "'extra_template_paths' was found in both")
L6 = "leadership/L6-fiscal-management.ipynb"


def guide_blocks(text: str) -> dict[str, str]:
    """The bash blocks of the guide marked for this test, by name.

    >>> guide_blocks("<!-- guide-test: a -->\\n   ```bash\\n   echo hi\\n   ```\\n")
    {'a': 'echo hi\\n'}
    """
    found = re.finditer(r"<!-- guide-test: (\S+) -->\s*\n( *)```bash\n(.*?)\n *```", text, re.S)
    return {m.group(1): textwrap.dedent(m.group(2) + m.group(3)) + "\n" for m in found}


class Guide:
    """The guide's blocks, run with the test's folder in place of the system paths."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.blocks = guide_blocks(GUIDE.read_text(encoding="utf-8"))

    def path(self, system_path: str) -> Path:
        return Path(f"{self.root}{system_path}")

    def script(self, name: str) -> str:
        text = self.blocks[name]
        for place in PLACES:
            text = text.replace(place, f"{self.root}{place}")
        return text

    def run(self, name: str, *, cwd: Path, replace: dict[str, str] | None = None, timeout: float = 1500) -> str:
        text = self.script(name)
        for old, new in (replace or {}).items():
            assert old in text, f"the guide's {name} block no longer has {old!r}"
            text = text.replace(old, new)
        env = {"PATH": "/usr/local/bin:/usr/bin:/bin:/usr/sbin:/sbin", "HOME": "/root", "LANG": "C.UTF-8"}
        done = subprocess.run(["bash", "-euo", "pipefail", "-c", text], cwd=cwd, env=env, capture_output=True,
                              text=True, timeout=timeout)
        assert done.returncode == 0, f"guide block {name} failed ({done.returncode}):\n{text}\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}"
        return done.stdout


def _free_port() -> int:
    return hh.free_port()


def _processes_under(root: Path) -> list[int]:
    """Processes whose command line or working folder names the test's folder (the hub, user servers,
    and the proxy, whose command line does not name it but which runs in the hub's folder)."""
    pids = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit() and int(entry.name) != os.getpid():
            try:
                cmd = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
                cwd = os.readlink(entry / "cwd")
            except OSError:
                continue
            if str(root) in cmd or cwd == str(root) or cwd.startswith(f"{root}/"):
                pids.append(int(entry.name))
    return pids


def _form(session, url: str, fields: dict[str, str]) -> requests.Response:
    page = session.get(url, timeout=30)
    page.raise_for_status()
    xsrf = re.search(r'name="_xsrf" value="([^"]+)"', page.text).group(1)
    return session.post(url, data={**fields, "_xsrf": xsrf}, timeout=60)


class UserHub:
    """What hubharness.execute needs: the hub's URL and a token that reaches one user's server."""

    def __init__(self, url: str, token: str) -> None:
        self.url, self.harness_token = url, token

    def harness(self):
        s = requests.Session()
        s.headers["Authorization"] = f"token {self.harness_token}"
        return s


@pytest.fixture(scope="module")
def site():
    hh.kill_user_processes(PREFIX)
    hh.remove_test_users(PREFIX)
    root = Path(tempfile.mkdtemp(prefix="cwguide-"))
    os.chmod(root, 0o755)
    (root / "var" / "log").mkdir(parents=True)  # there on any Debian server
    guide = Guide(root)
    work = root / "instructor-desk"
    work.mkdir()
    port = _free_port()
    url = f"http://127.0.0.1:{port}"
    try:
        guide.run("install", cwd=root, replace={"REPO=https://example.org/cto-workbook.git": f"REPO={REPO}"})
        guide.run("configure", cwd=root, replace={"WORKBOOK_INSTRUCTORS=pat-lee": f"WORKBOOK_INSTRUCTORS={PAT}",
                                                    "WORKBOOK_HUB_BIND_URL=http://127.0.0.1:8000": f"WORKBOOK_HUB_BIND_URL={url}"})
        env_file = guide.path("/etc/cto-workbook/hub.env")
        assert oct(env_file.stat().st_mode & 0o777) == "0o600"
        with env_file.open("a", encoding="utf-8") as fh:  # what a temporary folder needs instead of /srv
            fh.write(f"WORKBOOK_HUB_STATE_DIR={guide.path('/srv/cto-workbook/hub')}\n"
                     f"WORKBOOK_SINGLEUSER_CONFIG_DIR={guide.path('/srv/cto-workbook/singleuser-config')}\n"
                     f"WORKBOOK_HUB_API_URL={url}/hub/api\nWORKBOOK_HUB_SPAWNER=local\n"
                     # its own internal ports: another hub (a test run beside this one) may hold 8081 and 8001
                     f"WORKBOOK_HUB_INTERNAL_URL=http://127.0.0.1:{_free_port()}\n"
                     f"WORKBOOK_PROXY_API_URL=http://127.0.0.1:{_free_port()}\n")
        guide.run("start", cwd=root)
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            try:
                if requests.get(f"{url}/hub/api/", timeout=2).status_code == 200:
                    break
            except requests.RequestException:
                time.sleep(0.5)
        else:
            pytest.fail("the hub did not answer:\n" + guide.path("/var/log/cto-workbook-hub.log").read_text()[-4000:])
        (work / "roster.csv").write_text(
            "candidate,name,email,district,seed,group\n"
            f"{ANA},Ana Reyes (synthetic),ana@example.org,sample-rural,,fall-2026\n"
            f"{BEN},Ben Okafor (synthetic),ben@example.org,sample-urban,,fall-2026\n", encoding="utf-8")
        guide.run("cohort-folder", cwd=work)
        guide.run("start-cohort", cwd=work, timeout=600)
        yield {"guide": guide, "root": root, "url": url, "cohort": guide.path("/srv/cto-workbook/fall-2026"),
               "src": guide.path("/opt/cto-workbook/src"), "log": guide.path("/var/log/cto-workbook-hub.log"),
               "passwords": {u: secrets.token_urlsafe(12) for u in (ANA, BEN, PAT)}, "tokens": {}}
    finally:
        pid_file = guide.path("/srv/cto-workbook/hub/jupyterhub.pid")
        if pid_file.is_file():
            try:
                os.kill(int(pid_file.read_text().strip()), signal.SIGTERM)
            except (ProcessLookupError, ValueError):
                pass
            time.sleep(5)
        for pid in _processes_under(root):
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        hh.kill_user_processes(PREFIX)
        hh.remove_test_users(PREFIX)
        shutil.rmtree(root, ignore_errors=True)


@pytest.fixture(scope="module")
def signed_in(site):
    """Each user signs up and logs in as the guide tells them; each gets a token for their own server."""
    messages, sessions = {}, {}
    for user in (ANA, BEN, PAT):
        s = requests.Session()
        pw = site["passwords"][user]
        r = _form(s, f"{site['url']}/hub/signup", {"username": user, "signup_password": pw,
                                                    "signup_password_confirmation": pw, "email": ""})
        messages[user] = r.text
        r = _form(s, f"{site['url']}/hub/login", {"username": user, "password": pw})
        assert r.status_code == 200 and "/hub/login" not in r.url, (user, r.url)
        xsrf = s.cookies.get("_xsrf", path="/hub/") or s.cookies.get("_xsrf")
        r = s.post(f"{site['url']}/hub/api/users/{user}/tokens", json={"note": "guide test", "expires_in": 3600},
                   headers={"X-XSRFToken": xsrf}, timeout=30)
        assert r.status_code in (200, 201), r.text
        site["tokens"][user] = r.json()["token"]
        sessions[user] = s
    return {"messages": messages, "sessions": sessions}


def _start(site, user: str) -> None:
    api = site["url"] + "/hub/api"
    h = {"Authorization": f"token {site['tokens'][user]}"}
    r = requests.post(f"{api}/users/{user}/server", headers=h, timeout=120)
    assert r.status_code in (201, 202, 400), r.text  # 400: already running
    deadline = time.monotonic() + 150
    while time.monotonic() < deadline:
        state = requests.get(f"{api}/users/{user}", headers=h, timeout=30).json()
        if state.get("servers", {}).get("", {}).get("ready"):
            return
        time.sleep(1)
    pytest.fail(f"{user}'s server did not start:\n" + site["log"].read_text()[-4000:])


def _execute(site, user: str, code: str) -> str:
    result = hh.execute(UserHub(site["url"], site["tokens"][user]), user, code, timeout=600)
    assert result["error"] is None, "\n".join(result["traceback"])
    return result["stdout"]


def test_hub_guide_signup_tells_roster_names_and_instructors_they_can_log_in(signed_in):
    for user, page in signed_in["messages"].items():
        assert "The signup was successful" in page, user
        assert "sent to the admin" not in page, user


def test_hub_guide_first_login_lands_on_start_notebook_or_file_browser(site, signed_in):
    for user in (ANA, PAT):
        _start(site, user)
        r = signed_in["sessions"][user].get(f"{site['url']}/user/{user}/", timeout=60)
        assert r.status_code == 200, (user, r.url)
        if user == PAT:
            assert r.url.rstrip("/").endswith(f"/user/{user}/lab"), r.url
        else:
            assert r.url.endswith(f"/user/{user}/lab/tree/cto-workbook/00-start-here.ipynb"), r.url


def test_hub_guide_grades_with_hidden_checks_and_writes_feedback(site, signed_in):
    site["guide"].run("grade", cwd=site["root"], timeout=1800)
    cohort = site["cohort"]
    db = sqlite3.connect(cohort / "grades" / "gradebook.sqlite")
    try:
        results = db.execute("SELECT candidate, status, rubric_version FROM results").fetchall()
        hidden = db.execute("SELECT count(*) FROM outcomes WHERE visibility = 'hidden'").fetchone()[0]
    finally:
        db.close()
    assert {r[0] for r in results} == {ANA, BEN}
    assert all(status == "graded" and not version.endswith("+public-only") for _, status, version in results), results
    assert hidden > 0, "the hidden checks ran"
    assert list((cohort / "feedback" / ANA).glob("*.html"))
    site["graded"] = True


def test_hub_guide_candidate_kernel_reads_no_instructor_file(site, signed_in):
    if not site.get("graded"):
        site["guide"].run("grade", cwd=site["root"], timeout=1800)
    cohort, src, root = site["cohort"], site["src"], site["root"]
    import pwd

    targets = [
        src / "notebooks" / L6, src / "notebooks" / L6.replace(".ipynb", ".md"), src / "exercises" / "hidden" / "L6.py",
        cohort / "roster.csv", cohort / "cohort" / "secret", cohort / "cohort" / "handouts" / f"{BEN}.json",
        cohort / "submissions" / BEN / L6, cohort / "submissions" / ANA / "collection.json",
        cohort / "grades" / "gradebook.sqlite", cohort / "feedback" / BEN,
        root / "etc" / "cto-workbook" / "hub.env", root / "srv" / "cto-workbook" / "hub" / "jupyterhub.sqlite",
        root / "srv" / "cto-workbook" / "hub" / "jupyterhub_cookie_secret",
        Path(pwd.getpwnam(BEN).pw_dir) / "cto-workbook" / L6,
    ]
    targets += [p for p in (cohort / "grades").glob("gradebook.sqlite-*")]
    missing = [str(t) for t in targets if not t.exists()]
    assert missing == [], f"the test's list names files the guide did not make: {missing}"
    folders = [src, cohort, cohort / "submissions", cohort / "grades", root / "srv" / "cto-workbook" / "hub"]
    code = textwrap.dedent(f"""
        import json, os
        got = {{}}
        for p in {json.dumps([str(t) for t in targets])}:
            try:
                if os.path.isdir(p):
                    os.listdir(p)
                else:
                    open(p, "rb").read(1)
                got[p] = "READ"
            except PermissionError:
                got[p] = "denied"
            except OSError as e:
                got[p] = type(e).__name__
        for p in {json.dumps([str(f) for f in folders])}:
            try:
                os.listdir(p)
                got[p] = "READ"
            except PermissionError:
                got[p] = "denied"
        import workbook.paths as wp
        nb = json.load(open(wp.notebooks_dir() / {L6!r}))
        tags = {{t for c in nb["cells"] for t in c.get("metadata", {{}}).get("tags", [])}}
        got["installed notebook"] = sorted(tags & {{"solution", "instructor"}}) or nb["metadata"]["workbook"]["edition"]
        got["installed hidden"] = os.path.exists(wp.exercises_dir() / "hidden")
        print("RESULT" + json.dumps(got))
    """)
    _start(site, ANA)
    out = _execute(site, ANA, code)
    got = json.loads(out.split("RESULT", 1)[1])
    assert got.pop("installed notebook") == "candidate"
    assert got.pop("installed hidden") is False
    read = {p: v for p, v in got.items() if v != "denied"}
    assert read == {}, f"a candidate's kernel could read: {read}"


def test_hub_guide_candidate_builds_portfolio_in_own_environment(site, signed_in):
    _start(site, BEN)
    out = _execute(site, BEN, "!workbook portfolio build ~/cto-workbook -o ~/portfolio\n"
                              "import os\nprint('INDEX', os.path.isfile(os.path.expanduser('~/portfolio/index.html')))")
    assert "INDEX True" in out, out
    assert "Traceback" not in out, out


def test_hub_guide_hub_log_is_free_of_known_noise(site, signed_in):
    _start(site, ANA)
    log = site["log"].read_text(errors="replace")
    assert "JupyterHub is now running" in log or "running at" in log
    assert [n for n in NOISE if n in log] == []
