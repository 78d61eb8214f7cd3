"""Reading a principle's readings file (docs/readings/<ID>-<slug>.md) in tests."""

from __future__ import annotations

import re
from pathlib import Path

import workbook.paths
from workbook.curriculum import principle


def readings_path(pid: str) -> Path:
    return workbook.paths.repo_root() / "docs" / "readings" / f"{pid}-{principle(pid).slug}.md"


def readings_text(pid: str) -> str:
    return readings_path(pid).read_text(encoding="utf-8")


def sections(text: str) -> dict[str, str]:
    """``## `` sections by heading, in order."""
    parts = re.split(r"^## (.+)$", text, flags=re.M)
    return {parts[i].strip(): parts[i + 1] for i in range(1, len(parts), 2)}
