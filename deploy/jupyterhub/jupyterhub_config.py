"""JupyterHub configuration for one cohort server (JupyterHub 5, configurable-http-proxy).

Run as root on a Debian server, from the environment where the workbook is
installed (``pip install 'cto-workbook[hub]'``)::

    jupyterhub -f /etc/cto-workbook/jupyterhub_config.py

Each candidate is a real system user with a private home (mode 0700); their
JupyterLab runs as that user, so one candidate cannot read another's work.
Everything a district changes is an environment variable (see
docs/administrator.md), so this file stays as shipped:

=================================  ==========================================
WORKBOOK_HUB_BIND_URL              public address (default http://127.0.0.1:8000,
                                   behind a TLS reverse proxy)
WORKBOOK_HUB_INTERNAL_URL          the hub's internal API (default http://127.0.0.1:8081)
WORKBOOK_PROXY_API_URL             the proxy's API (default http://127.0.0.1:8001);
                                   change both only for a second hub on one server
WORKBOOK_HUB_STATE_DIR             hub database and secrets (0700)
                                   (default /srv/cto-workbook/hub)
WORKBOOK_SINGLEUSER_CONFIG_DIR     read-only Jupyter settings for every candidate
                                   (default /srv/cto-workbook/singleuser-config)
WORKBOOK_HUB_TOKEN                 token of the cohort-admin service
                                   (``workbook cohort`` uses the same variable)
WORKBOOK_INSTRUCTORS               comma-separated instructor user names (admins)
WORKBOOK_HUB_MENTORS               comma-separated mentor user names: each opens
                                   only their mentees' servers (roster column mentor)
WORKBOOK_HUB_AUTH                  native (default), google or azuread
WORKBOOK_HUB_MEM_LIMIT             memory per candidate server (default 2G)
WORKBOOK_HUB_CPU_LIMIT             CPUs per candidate server (default 1)
WORKBOOK_HUB_CULL_TIMEOUT          seconds idle before a server is stopped (3600)
WORKBOOK_HUB_SPAWNER               systemd or local (default: systemd when
                                   systemd runs and jupyterhub-systemdspawner
                                   is installed)
WORKBOOK_HUB_START                 notebook JupyterLab opens first
                                   (default cto-workbook/00-start-here.ipynb)
=================================  ==========================================
"""

# ruff: noqa: F821  (``c`` and ``load_subconfig`` come from JupyterHub)
import importlib.util
import json
import os
import resource
import sys
import warnings

from jupyterhub.auth import LocalAuthenticator
from jupyterhub.spawner import LocalProcessSpawner

env = os.environ.get
c = get_config()  # noqa: F821

# JupyterHub 5's own event schema still says `version: 1` (an int): jupyter-events warns
# at every start that it coerced it. Nothing to fix on our side; silence exactly that.
warnings.filterwarnings("ignore", message=r"The `version` property of an event schema must be a string",
                        module=r"jupyter_events\..*")

# --- where things live ------------------------------------------------------
state_dir = env("WORKBOOK_HUB_STATE_DIR", "/srv/cto-workbook/hub")
os.makedirs(state_dir, mode=0o700, exist_ok=True)
os.chmod(state_dir, 0o700)  # the database holds password hashes and tokens
c.JupyterHub.db_url = f"sqlite:///{os.path.join(state_dir, 'jupyterhub.sqlite')}"
c.JupyterHub.cookie_secret_file = os.path.join(state_dir, "jupyterhub_cookie_secret")
c.JupyterHub.pid_file = os.path.join(state_dir, "jupyterhub.pid")
c.JupyterHub.bind_url = env("WORKBOOK_HUB_BIND_URL", "http://127.0.0.1:8000")
# The hub's internal API (default 127.0.0.1:8081) and the proxy's API (default 127.0.0.1:8001):
# set these only to run a second hub on the same server (each hub needs its own).
if env("WORKBOOK_HUB_INTERNAL_URL"):
    c.JupyterHub.hub_bind_url = env("WORKBOOK_HUB_INTERNAL_URL")
if env("WORKBOOK_PROXY_API_URL"):
    c.ConfigurableHTTPProxy.api_url = env("WORKBOOK_PROXY_API_URL")
c.JupyterHub.cleanup_servers = True

# --- accounts: real system users with private homes --------------------------
instructors = sorted({u.strip() for u in env("WORKBOOK_INSTRUCTORS", "").split(",") if u.strip()})
auth = env("WORKBOOK_HUB_AUTH", "native")

if auth == "native":
    # Candidates sign up at /hub/signup with the user name from the roster and
    # choose their own password; names on the roster are authorized at once,
    # anyone else waits for an instructor at /hub/authorize.
    import nativeauthenticator
    from nativeauthenticator import NativeAuthenticator

    from nativeauthenticator.handlers import SignUpHandler

    class RosterSignUpHandler(SignUpHandler):
        """Names on the roster (or instructors) may sign in at once: say so, not "sent to the admin"."""

        def get_result_message(self, user, assume_user_is_human, username_already_taken,
                               confirmation_matches, user_is_admin):
            authorized = bool(user is not None and getattr(user, "is_authorized", False))
            return super().get_result_message(user, assume_user_is_human, username_already_taken,
                                              confirmation_matches, user_is_admin or authorized)

    class LocalNativeAuthenticator(LocalAuthenticator, NativeAuthenticator):
        """NativeAuthenticator that also creates the system user of each hub user."""

        def get_handlers(self, app):
            return [(path, RosterSignUpHandler if path == r"/signup" else handler)
                    for path, handler in super().get_handlers(app)]

    c.JupyterHub.authenticator_class = LocalNativeAuthenticator
    c.JupyterHub.template_paths = [os.path.join(os.path.dirname(nativeauthenticator.__file__), "templates")]
    c.NativeAuthenticator.open_signup = False
    c.NativeAuthenticator.minimum_password_length = 10
    c.NativeAuthenticator.check_common_password = True
    c.NativeAuthenticator.allowed_failed_logins = 5
    c.NativeAuthenticator.seconds_before_next_try = 300
elif auth in ("google", "azuread"):
    # Districts on Google Workspace or Microsoft 365 (pip install oauthenticator):
    # set OAUTH_CLIENT_ID, OAUTH_CLIENT_SECRET and OAUTH_CALLBACK_URL, plus
    # WORKBOOK_HUB_DOMAIN (Google) or AAD_TENANT_ID (Microsoft).
    if auth == "google":
        from oauthenticator.google import LocalGoogleOAuthenticator as _OAuth

        c.GoogleOAuthenticator.hosted_domain = [env("WORKBOOK_HUB_DOMAIN", "")]
    else:
        from oauthenticator.azuread import AzureAdOAuthenticator

        class _OAuth(LocalAuthenticator, AzureAdOAuthenticator):
            """Azure AD sign-in that also creates the system user."""

        c.AzureAdOAuthenticator.tenant_id = env("AAD_TENANT_ID", "")
        c.AzureAdOAuthenticator.username_claim = "preferred_username"
    c.JupyterHub.authenticator_class = _OAuth
else:
    raise ValueError(f"WORKBOOK_HUB_AUTH = {auth!r} is not allowed: expected native, google or azuread")

c.Authenticator.allow_existing_users = True  # users made by `workbook cohort roster import`
# Mentors (CETPA pairs every candidate with one): WORKBOOK_HUB_MENTORS=dr-lee,ms-kim.
mentors = sorted({u.strip() for u in env("WORKBOOK_HUB_MENTORS", "").split(",") if u.strip()})
c.Authenticator.allowed_users = set(instructors) | set(mentors)
c.LocalAuthenticator.create_system_users = True
# Private homes: 0700, so candidates cannot read each other's work. JupyterHub
# appends the user name to this command.
c.LocalAuthenticator.add_user_cmd = [
    "useradd", "--create-home", "--shell", "/bin/bash", "-K", "HOME_MODE=0700", "-K", "UMASK=0077",
]

# Instructors: an admin group. The group is defined here only: roster import
# refuses to put anyone into it.
c.JupyterHub.load_groups = {"instructors": {"users": instructors}, "mentors": {"users": mentors}}

# --- services ----------------------------------------------------------------
cull_timeout = int(env("WORKBOOK_HUB_CULL_TIMEOUT", "3600"))
c.JupyterHub.services = [
    {
        "name": "idle-culler",
        "command": [sys.executable, "-m", "jupyterhub_idle_culler", f"--timeout={cull_timeout}"],
    },
]
roles = [
    {"name": "admin", "groups": ["instructors"]},
    {
        "name": "idle-culler",
        "scopes": ["list:users", "read:users:activity", "read:servers", "delete:servers"],
        "services": ["idle-culler"],
    },
]
if env("WORKBOOK_HUB_TOKEN"):
    # `workbook cohort roster import` and friends: create users (it cannot make
    # anyone an admin: the hub refuses that without the admin role), manage
    # groups, start and stop servers. No access:servers: it cannot open a
    # candidate's notebooks or run code as them.
    c.JupyterHub.services.append({"name": "cohort-admin", "api_token": env("WORKBOOK_HUB_TOKEN")})
    roles.append({
        "name": "cohort-admin",
        "scopes": ["admin:users", "admin:groups", "servers"],
        "services": ["cohort-admin"],
    })
# Each mentor may open (and see the state of) the servers of their own mentees and
# nobody else's: `workbook cohort roster import` puts the candidates the roster's
# `mentor` column gives a mentor into the group `mentees-<mentor>`.
for mentor in mentors:
    roles.append({
        "name": f"mentor-{mentor}",
        "description": f"{mentor} may open the servers of their mentees (group mentees-{mentor}) only",
        "scopes": [f"access:servers!group=mentees-{mentor}", f"read:servers!group=mentees-{mentor}"],
        "users": [mentor],
    })
c.JupyterHub.load_roles = roles

# --- candidate servers ---------------------------------------------------------
config_dir = env("WORKBOOK_SINGLEUSER_CONFIG_DIR", "/srv/cto-workbook/singleuser-config")


_QUIET_SINGLEUSER = '''# Written by /etc/cto-workbook/jupyterhub_config.py: start-up warnings no candidate can act on.
import logging
import warnings

warnings.filterwarnings("ignore", message=r"The `version` property of an event schema must be a string")


class _KnownNoise(logging.Filter):
    def filter(self, record):
        return not str(record.msg).startswith("'extra_template_paths' was found in both NotebookApp and ServerApp")


for _name in ("LabApp", "ServerApp", "JupyterHubSingleUser", "NotebookApp"):
    logging.getLogger(_name).addFilter(_KnownNoise())
'''


def _write_singleuser_config(root: str) -> None:
    """Jupyter settings every candidate server reads (root-owned, world-readable)."""
    os.makedirs(os.path.join(root, "labconfig"), mode=0o755, exist_ok=True)
    files = {
        # JupyterLab's news announcements: off for the whole cohort.
        os.path.join(root, "labconfig", "page_config.json"): {
            "disabledExtensions": {"@jupyterlab/apputils-extension:announcements": True}
        },
        # ipykernel warns about unencrypted TCP on every start unless this is set.
        os.path.join(root, "jupyter_server_config.json"): {
            "KernelManager": {"transport_encryption": "auto"},
            # Candidates never need a terminal, nor to install JupyterLab extensions.
            "ServerApp": {"terminals_enabled": False},
            "LabApp": {"extension_manager": "readonly"},
        },
    }
    for path, content in files.items():
        with open(path, "w", encoding="utf-8") as fh:
            json.dump(content, fh, indent=1)
        os.chmod(path, 0o644)
    # Two start-up warnings no candidate can act on, silenced by their exact text: the
    # JupyterHub extension sets NotebookApp.extra_template_paths, which notebook_shim
    # reports as found in both NotebookApp and ServerApp; jupyter-events coerces an int
    # schema version.
    quiet = os.path.join(root, "jupyter_server_config.py")
    with open(quiet, "w", encoding="utf-8") as fh:
        fh.write(_QUIET_SINGLEUSER)
    os.chmod(quiet, 0o644)
    for d in (root, os.path.join(root, "labconfig")):
        os.chmod(d, 0o755)


_write_singleuser_config(config_dir)

mem_limit = env("WORKBOOK_HUB_MEM_LIMIT", "2G")
cpu_limit = float(env("WORKBOOK_HUB_CPU_LIMIT", "1"))
start = env("WORKBOOK_HUB_START", "cto-workbook/00-start-here.ipynb")


class LimitedLocalProcessSpawner(LocalProcessSpawner):
    """LocalProcessSpawner with a per-process memory limit (RLIMIT_DATA) and lower priority.

    Without systemd there are no cgroups: memory is limited per process (the
    server and each kernel), and CPU is shared by priority rather than capped.
    """

    def make_preexec_fn(self, name):
        become_user = super().make_preexec_fn(name)
        limit = self.mem_limit

        def preexec():
            become_user()
            if limit:
                resource.setrlimit(resource.RLIMIT_DATA, (limit, limit))
            os.nice(5)

        return preexec


spawner = env("WORKBOOK_HUB_SPAWNER") or (
    "systemd"
    if os.path.isdir("/run/systemd/system") and importlib.util.find_spec("systemdspawner")
    else "local"
)
if spawner == "systemd":
    # cgroup limits, private /tmp, no sudo, no devices.
    c.JupyterHub.spawner_class = "systemdspawner.SystemdSpawner"
    c.SystemdSpawner.dynamic_users = False
    c.SystemdSpawner.isolate_tmp = True
    c.SystemdSpawner.isolate_devices = True
    c.SystemdSpawner.disable_user_sudo = True
    c.SystemdSpawner.unit_extra_properties = {"ReadOnlyPaths": sys.prefix}
else:
    c.JupyterHub.spawner_class = LimitedLocalProcessSpawner

c.Spawner.cmd = [os.path.join(os.path.dirname(sys.executable), "jupyterhub-singleuser")]
c.Spawner.default_url = f"/lab/tree/{start}"


def _land_where_the_notebook_is(spawner):
    """Open the start notebook when it is there; otherwise JupyterLab's file browser.

    Instructors get no hand-out, and a candidate may sign in before the first one:
    neither should meet a "Could not find path" dialog.
    """
    import pwd

    try:
        home = pwd.getpwnam(spawner.user.name).pw_dir
    except KeyError:
        return
    there = os.path.isfile(os.path.join(home, *start.split("/")))
    spawner.default_url = f"/lab/tree/{start}" if there else "/lab"


c.Spawner.pre_spawn_hook = _land_where_the_notebook_is
c.Spawner.notebook_dir = "~"
c.Spawner.mem_limit = mem_limit
c.Spawner.cpu_limit = cpu_limit
c.Spawner.start_timeout = 120
c.Spawner.http_timeout = 60
c.Spawner.environment = {"JUPYTER_CONFIG_PATH": config_dir}
# The workbook's sample districts and reference tables ship inside the installed
# package (root-owned, 0644): every candidate reads them, nobody can change them.
