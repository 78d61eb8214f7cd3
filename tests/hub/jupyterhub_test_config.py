"""The shipped one-server configuration, with what only the tests change.

Loads ``deploy/jupyterhub/jupyterhub_config.py`` unchanged, then swaps in a
test-only password authenticator (real system users are still created), free
ports on 127.0.0.1, and a harness service that may reach candidates' servers.
"""

# ruff: noqa: F821
import os

from jupyterhub.auth import LocalAuthenticator

load_subconfig(os.environ["CWTEST_DEPLOY_CONFIG"])  # noqa: F821
c = get_config()  # noqa: F821


class TestPasswordAuthenticator(LocalAuthenticator):
    """One shared password for the test users; never use outside the tests."""

    async def authenticate(self, handler, data):
        if data.get("password") == os.environ["CWTEST_PASSWORD"]:
            return data["username"]
        return None


c.JupyterHub.authenticator_class = TestPasswordAuthenticator
c.JupyterHub.template_paths = []
c.JupyterHub.hub_bind_url = os.environ["CWTEST_HUB_BIND"]
c.ConfigurableHTTPProxy.api_url = os.environ["CWTEST_PROXY_API"]
c.JupyterHub.services.append(
    {"name": "cwtest-harness", "api_token": os.environ["CWTEST_HARNESS_TOKEN"]}
)
c.JupyterHub.load_roles.append(
    {
        "name": "cwtest-harness",
        "scopes": ["access:servers", "read:users", "admin:servers"],
        "services": ["cwtest-harness"],
    }
)
