"""Repository-wide pytest settings: what is a test and what is only a fixture."""

collect_ignore_glob = [
    "tests/notebooks/*",
    "benchmarks/*",
    "exercises/*",
    "release/*",
    "demo-output/*",
    "node_modules/*",
    "deploy/*",
    "scripts/*",
    "docs/*",
]
