"""The deployment files as far as this machine can test them without Kubernetes or Docker.

- deploy/z2jh/config.yaml parses and sets what a statewide program relies on;
- deploy/docker/Dockerfile installs only the workbook's wheel (candidate edition),
  built with the command the administrator guide gives;
- deploy/jupyterhub/jupyterhub_config.py loads in JupyterHub's own config loader.
"""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest
import yaml

REPO = Path(__file__).resolve().parents[1]
VALUES = REPO / "deploy" / "z2jh" / "config.yaml"
DOCKERFILE = REPO / "deploy" / "docker" / "Dockerfile"
HUB_CONFIG = REPO / "deploy" / "jupyterhub" / "jupyterhub_config.py"
_FLAGS = {"--no-cache-dir", "--quiet", "-q", "--upgrade", "-U", "--user", "-e", "--editable"}


def _installs(text: str) -> list[tuple[str, ...]]:
    """Every ``pip install ...`` in ``text``, as its package arguments without flags."""
    found = []
    for match in re.finditer(r"pip install ([^\n&;\\`]+)", text):
        words = [w for w in shlex.split(match.group(1)) if w not in _FLAGS]
        found.append(tuple(words))
    return found


@pytest.fixture(scope="module")
def values():
    return yaml.safe_load(VALUES.read_text(encoding="utf-8"))


def test_z2jh_values_parse_with_image_storage_limits(values):
    su = values["singleuser"]
    assert su["image"]["name"] and isinstance(su["image"]["tag"], str)
    assert su["storage"]["type"] == "dynamic"
    assert su["storage"]["capacity"].endswith("Gi")
    assert su["storage"]["homeMountPath"] == "/home/jovyan"
    assert su["memory"]["limit"] and su["memory"]["guarantee"]
    assert su["cpu"]["limit"] >= su["cpu"]["guarantee"] > 0
    assert su["defaultUrl"] == "/lab/tree/cto-workbook/00-start-here.ipynb"


def test_z2jh_values_cull_idle_servers(values):
    assert values["cull"]["enabled"] is True
    assert values["cull"]["timeout"] > 0 and values["cull"]["every"] > 0


def test_z2jh_values_instructor_profile_is_larger_and_limited_to_instructors(values):
    profiles = values["singleuser"]["profileList"]
    [default] = [p for p in profiles if p.get("default")]
    [teacher] = [p for p in profiles if p.get("instructors_only")]
    assert "kubespawner_override" not in default
    assert teacher["kubespawner_override"]["cpu_limit"] > values["singleuser"]["cpu"]["limit"]
    assert "instructors" in values["hub"]["extraConfig"]["profiles-by-group"]
    compile(values["hub"]["extraConfig"]["profiles-by-group"], "profiles-by-group", "exec")


def test_z2jh_values_cohort_admin_has_no_access_to_servers(values):
    role = values["hub"]["loadRoles"]["cohort-admin"]
    assert "access:servers" not in role["scopes"]
    assert "apiToken" not in values["hub"]["services"]["cohort-admin"]  # kept in secrets.yaml


def test_dockerfile_installs_only_the_candidate_wheel_as_the_guide_builds_it():
    text = DOCKERFILE.read_text(encoding="utf-8")
    assert re.search(r"ARG BASE_IMAGE=quay\.io/jupyter/[a-z-]+-notebook:", text)
    assert not re.search(r"^COPY \.", text, re.M), "the checkout (instructor notebooks, hidden checks) never enters a layer"
    [(wheel,)] = _installs(text)
    assert re.fullmatch(r"/tmp/wheels/cto_workbook-[\d.]+-py3-none-any\.whl", wheel)
    copied = re.search(r"^COPY (dist/\S+\.whl) /tmp/wheels/", text, re.M).group(1)
    assert copied.rsplit("/", 1)[1] == wheel.rsplit("/", 1)[1]
    from workbook import __version__

    assert f"cto_workbook-{__version__}-" in wheel, "the image installs the version this checkout builds"
    guide = (REPO / "docs" / "administrator.md").read_text(encoding="utf-8")
    assert "pip wheel --no-deps --wheel-dir dist ." in guide and "pip wheel --no-deps --wheel-dir dist ." in text


def test_hub_config_loads_in_jupyterhubs_loader(tmp_path, monkeypatch):
    pytest.importorskip("jupyterhub")
    from traitlets.config.loader import PyFileConfigLoader

    monkeypatch.setenv("WORKBOOK_HUB_STATE_DIR", str(tmp_path / "state"))
    monkeypatch.setenv("WORKBOOK_SINGLEUSER_CONFIG_DIR", str(tmp_path / "su"))
    monkeypatch.setenv("WORKBOOK_HUB_TOKEN", "t" * 32)
    monkeypatch.setenv("WORKBOOK_INSTRUCTORS", "pat-lee, sam-ortiz")
    monkeypatch.setenv("WORKBOOK_HUB_SPAWNER", "local")
    cfg = PyFileConfigLoader(HUB_CONFIG.name, path=str(HUB_CONFIG.parent)).load_config()
    assert cfg.JupyterHub.load_groups["instructors"] == {"users": ["pat-lee", "sam-ortiz"]}
    roles = {r["name"]: r for r in cfg.JupyterHub.load_roles}
    assert roles["admin"]["groups"] == ["instructors"]
    assert "access:servers" not in roles["cohort-admin"]["scopes"]
    assert {s["name"] for s in cfg.JupyterHub.services} == {"idle-culler", "cohort-admin"}
    assert cfg.Spawner.default_url == "/lab/tree/cto-workbook/00-start-here.ipynb"
    page = (tmp_path / "su" / "labconfig" / "page_config.json").read_text()
    assert "@jupyterlab/apputils-extension:announcements" in page
    assert oct((tmp_path / "state").stat().st_mode & 0o777) == "0o700"


def test_hub_config_refuses_an_unknown_authenticator(tmp_path, monkeypatch):
    pytest.importorskip("jupyterhub")
    from traitlets.config.loader import PyFileConfigLoader

    monkeypatch.setenv("WORKBOOK_HUB_STATE_DIR", str(tmp_path / "state"))
    monkeypatch.setenv("WORKBOOK_SINGLEUSER_CONFIG_DIR", str(tmp_path / "su"))
    monkeypatch.setenv("WORKBOOK_HUB_AUTH", "ldap")
    with pytest.raises(ValueError, match="WORKBOOK_HUB_AUTH = 'ldap'"):
        PyFileConfigLoader(HUB_CONFIG.name, path=str(HUB_CONFIG.parent)).load_config()
