"""Repository-wide pytest settings: what is a test and what is only a fixture."""

collect_ignore_glob = [
    "tests/notebooks/*",
    "tests/hub/*",  # hub fixtures: a jupyterhub config file is not importable on its own
    "benchmarks/*",
    "exercises/*",
    "release/*",
    "demo-output/*",
    "node_modules/*",
    "deploy/*",
    "scripts/*",
    "docs/*",
]


import sys  # noqa: E402

import pytest  # noqa: E402


@pytest.fixture(autouse=True)
def _close_figures():
    """Close matplotlib figures a test or doctest left open (only if pyplot was used)."""
    yield
    if "matplotlib.pyplot" in sys.modules:
        sys.modules["matplotlib.pyplot"].close("all")
