"""The in-kernel side: ``start()``, ``answer()``, plots and widgets.

``from workbook.notebook import answer`` is cheap: these modules import
matplotlib, pandas and IPython only inside the functions that draw or display.
This package knows nothing of grading.
"""

from __future__ import annotations

from workbook.notebook.display import show_figure, show_table
from workbook.notebook.recording import answer
from workbook.notebook.session import start
from workbook.notebook.style import use_style

__all__ = ["start", "answer", "show_figure", "show_table", "use_style"]
