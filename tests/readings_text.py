"""A principle's readings, as its notebook source (notebooks/<strand>/<ID>-<slug>.md) holds them.

The readings are markdown cells of the notebook: the title cell, ``## Learning
outcomes``, the ``## <topic>`` cells after ``# Readings``, the ``### Reflection
prompt`` cell before each reflection cell, and ``## Sources``.
:func:`readings_text` puts them together as one document with a ``## `` section
each (``Reflection prompts`` lists each prompt after an ``<!-- id: ... -->``
line naming its reflection cell), so the checks read like checks of prose.
"""

from __future__ import annotations

import re
from pathlib import Path

import jupytext

from workbook.curriculum import principle


def readings_path(pid: str) -> Path:
    """The principle's notebook source."""
    return principle(pid).source_path


def _markdown_cells(pid: str) -> list:
    nb = jupytext.read(readings_path(pid), fmt="md:myst")
    return list(nb.cells)


def readings_text(pid: str) -> str:
    cells = _markdown_cells(pid)
    text = [c.source.strip() for c in cells if c.cell_type == "markdown"]
    parts = [text[0].splitlines()[0]]
    outcomes = next(t for t in text if t.startswith("## Learning outcomes"))
    parts.append(outcomes)
    start = next(i for i, t in enumerate(text) if t.startswith("# Readings"))
    for t in text[start + 1:]:
        if t.startswith("# "):
            break
        parts.append(t)
    prompts = []
    for before, cell in zip(cells, cells[1:]):
        if "reflection" in cell.metadata.get("tags", []):
            prompt = re.sub(r"\A### Reflection prompt\s*", "", before.source.strip())
            prompts.append(f"<!-- id: {cell.metadata['workbook']['id']} -->\n{len(prompts) + 1}. {prompt}")
    parts.append("## Reflection prompts\n\n" + "\n\n".join(prompts))
    parts.append(next(t for t in text if t.startswith("## Sources")))
    return "\n\n".join(parts) + "\n"


def sections(text: str) -> dict[str, str]:
    """``## `` sections by heading, in order."""
    parts = re.split(r"^## (.+)$", text, flags=re.M)
    return {parts[i].strip(): parts[i + 1] for i in range(1, len(parts), 2)}
