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
