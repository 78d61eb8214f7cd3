"""The in-kernel side: ``start()``, ``answer()``, plots and widgets.

Names load lazily so ``from workbook.notebook import answer`` stays cheap.
This package knows nothing of grading.
"""

from __future__ import annotations

import importlib
from typing import Any

__all__ = ["start", "answer", "show_figure", "show_table", "use_style"]

_WHERE = {
    "start": "workbook.notebook.session",
    "answer": "workbook.notebook.recording",
    "show_figure": "workbook.notebook.display",
    "show_table": "workbook.notebook.display",
    "use_style": "workbook.notebook.style",
}


def __getattr__(name: str) -> Any:
    if name in _WHERE:
        return getattr(importlib.import_module(_WHERE[name]), name)
    raise AttributeError(f"module 'workbook.notebook' has no attribute {name!r}")
