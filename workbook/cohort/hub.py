"""A small client for JupyterHub's REST API, and roster import through it.

The instructor's tools talk to the hub as the ``cohort-admin`` service whose
role ``deploy/jupyterhub/jupyterhub_config.py`` limits to what these calls
need: create users, manage groups, start and stop servers. It cannot read a
candidate's files or run code on their server (no ``access:servers``), and it
cannot make anyone an administrator (roster groups exclude ``instructors``).
"""

from __future__ import annotations

import os
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from workbook.errors import InputError, WorkbookError
from workbook.roster import groups_of, mentees_of

__all__ = ["HubError", "HubClient", "ImportReport", "import_roster", "COHORT_GROUP", "MENTOR_GROUP",
           "mentee_group", "TOKEN_ENV", "URL_ENV", "DEFAULT_API_URL"]

TOKEN_ENV = "WORKBOOK_HUB_TOKEN"
URL_ENV = "WORKBOOK_HUB_API_URL"
DEFAULT_API_URL = "http://127.0.0.1:8000/hub/api"
#: Every imported candidate joins this group (instructors' tools select on it).
COHORT_GROUP = "candidates"
#: Every mentor named in the roster joins this group.
MENTOR_GROUP = "mentors"


def mentee_group(mentor: str) -> str:
    """The hub group of one mentor's mentees; the hub's ``mentor-<name>`` role opens their servers.

    >>> mentee_group("dr-lee")
    'mentees-dr-lee'
    """
    return f"mentees-{mentor}"


class HubError(WorkbookError):
    """The hub refused a request or could not be reached."""


class HubClient:
    """JupyterHub REST API calls used by ``workbook cohort``.

    Parameters
    ----------
    api_url
        The hub's API, e.g. ``https://hub.example.org/hub/api``.
    token
        A service token (``cohort-admin`` in the shipped configuration).
    timeout
        Seconds to wait for each HTTP request.
    """

    def __init__(self, api_url: str, token: str, *, timeout: float = 30.0) -> None:
        if not isinstance(api_url, str) or not api_url.startswith(("http://", "https://")):
            raise InputError("hub API URL", api_url, "a URL like https://hub.example.org/hub/api")
        if not isinstance(token, str) or not token.strip():
            raise InputError("hub token", "<empty>", f"a service token (set {TOKEN_ENV})")
        try:
            import requests
        except ImportError as exc:  # pragma: no cover
            raise WorkbookError("install the hub extra: pip install 'cto-workbook[hub]'") from exc
        self.api_url = api_url.rstrip("/")
        self.timeout = timeout
        self._session = requests.Session()
        self._session.headers["Authorization"] = f"token {token.strip()}"

    @classmethod
    def from_env(cls, api_url: str | None = None, token: str | None = None) -> "HubClient":
        """Build from arguments, else ``$WORKBOOK_HUB_API_URL`` and ``$WORKBOOK_HUB_TOKEN``."""
        return cls(api_url or os.environ.get(URL_ENV, DEFAULT_API_URL),
                   token or os.environ.get(TOKEN_ENV, ""))

    def request(self, method: str, path: str, json: Any = None,
                ok: Sequence[int] = (200, 201, 202, 204)) -> Any:
        """Call the API; return the decoded JSON (or None); raise HubError otherwise."""
        import requests

        url = f"{self.api_url}/{path.lstrip('/')}"
        try:
            resp = self._session.request(method, url, json=json, timeout=self.timeout)
        except requests.RequestException as exc:
            raise HubError(f"{method} {url}: the hub did not answer ({exc.__class__.__name__})") from None
        if resp.status_code not in ok:
            try:
                detail = resp.json().get("message", resp.text)
            except ValueError:
                detail = resp.text[:200]
            raise HubError(f"{method} {url}: HTTP {resp.status_code}: {detail}")
        if resp.status_code == 204 or not resp.content:
            return None
        return resp.json()

    # users -----------------------------------------------------------------
    def users(self) -> dict[str, dict[str, Any]]:
        """Every hub user by name (follows the API's pagination)."""
        out: dict[str, dict[str, Any]] = {}
        offset, limit = 0, 200
        while True:
            page = self.request("GET", f"users?offset={offset}&limit={limit}")
            for u in page:
                out[u["name"]] = u
            if len(page) < limit:
                return out
            offset += limit

    def user(self, name: str) -> dict[str, Any]:
        return self.request("GET", f"users/{name}")

    def create_users(self, names: Sequence[str]) -> list[str]:
        """Create the users that do not exist yet; return the names created."""
        if not names:
            return []
        created = self.request("POST", "users", json={"usernames": list(names)}, ok=(201,))
        return [u["name"] for u in created]

    # groups ----------------------------------------------------------------
    def groups(self) -> dict[str, dict[str, Any]]:
        return {g["name"]: g for g in self.request("GET", "groups")}

    def ensure_group(self, name: str) -> bool:
        """Create group ``name`` unless it exists; True when created."""
        if name in self.groups():
            return False
        self.request("POST", f"groups/{name}", ok=(201,))
        return True

    def add_to_group(self, name: str, users: Sequence[str]) -> None:
        self.request("POST", f"groups/{name}/users", json={"users": list(users)})

    # servers ---------------------------------------------------------------
    def start_server(self, name: str) -> None:
        """Ask the hub to start ``name``'s server (no error if it already runs)."""
        self.request("POST", f"users/{name}/server", ok=(201, 202, 400))

    def stop_server(self, name: str) -> None:
        self.request("DELETE", f"users/{name}/server", ok=(202, 204, 400))

    def wait_until_ready(self, name: str, timeout: float = 60.0, poll: float = 0.5) -> dict[str, Any]:
        """Wait for ``name``'s default server to be ready; return its model.

        Raises HubError after ``timeout`` seconds.
        """
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            server = self.user(name).get("servers", {}).get("")
            if server and server.get("ready"):
                return server
            time.sleep(poll)
        raise HubError(f"the server of {name} was not ready after {timeout:g} s")


@dataclass
class ImportReport:
    """What ``roster import`` did."""

    created: list[str] = field(default_factory=list)
    existing: list[str] = field(default_factory=list)
    groups: dict[str, list[str]] = field(default_factory=dict)

    mentors: list[str] = field(default_factory=list)

    def lines(self) -> list[str]:
        out = [f"created {len(self.created)} user(s): {', '.join(self.created) or '-'}",
               f"already on the hub: {', '.join(self.existing) or '-'}"]
        out += [f"group {g}: {', '.join(m)}" for g, m in self.groups.items()]
        if self.mentors:
            out.append(f"mentors: {', '.join(self.mentors)}: each may open only their mentees' servers once the hub "
                       f"lists them in WORKBOOK_HUB_MENTORS (hub.env) and has been restarted")
        return out


def import_roster(client: HubClient, entries: Sequence[Any]) -> ImportReport:
    """Create the roster's candidates (and mentors) as hub users and put them in their groups.

    Every candidate joins :data:`COHORT_GROUP`; a ``group`` column adds more.
    Each mentor of the ``mentor`` column joins :data:`MENTOR_GROUP`, and their
    mentees join :func:`mentee_group`. Safe to run again: existing users and
    memberships are left as they are.
    """
    mentees = mentees_of(entries)
    names = [e.candidate for e in entries]
    everyone = names + [m for m in mentees if m not in names]
    present = client.users()
    report = ImportReport(existing=[n for n in everyone if n in present], mentors=sorted(mentees))
    report.created = client.create_users([n for n in everyone if n not in present])
    wanted = {COHORT_GROUP: names, **groups_of(entries)}
    if mentees:
        wanted[MENTOR_GROUP] = sorted(mentees)
        wanted.update({mentee_group(m): people for m, people in sorted(mentees.items())})
    for group, members in wanted.items():
        client.ensure_group(group)
        client.add_to_group(group, members)
        report.groups[group] = list(members)
    return report
