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


import os  # noqa: E402
import sys  # noqa: E402

import pytest  # noqa: E402
from hypothesis import settings  # noqa: E402

# CI explores the same examples on every run (a red build must be reproducible,
# never a lucky draw); no per-example deadline, since a shared 2-core machine
# stalls now and then. Locally, hypothesis keeps finding new examples.
settings.register_profile("ci", derandomize=True, deadline=None, print_blob=True)
settings.register_profile("dev", deadline=None)
settings.load_profile("ci" if os.environ.get("CI") else "dev")


@pytest.fixture(autouse=True)
def _close_figures():
    """Close matplotlib figures a test or doctest left open (only if pyplot was used)."""
    yield
    if "matplotlib.pyplot" in sys.modules:
        sys.modules["matplotlib.pyplot"].close("all")
