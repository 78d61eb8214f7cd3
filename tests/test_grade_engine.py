"""The grading engine: answers stay with the cell that displays them, and nothing private of nbclient is overridden."""

from __future__ import annotations

import inspect
from typing import Any

from nbformat.v4 import new_code_cell, new_notebook

from workbook.grading.engine import grading_engine
from workbook.grading.execute import Limits, execute_notebook
from workbook.notebook.answers import ANSWER_MIME

SHOW = "from IPython.display import display, update_display\nfrom workbook.notebook.answers import ANSWER_MIME, encode_answer"


def _run(*sources: str) -> list[list[Any]]:
    cells = [new_code_cell("x = 0", metadata={"tags": ["parameters"]})] + [new_code_cell(s) for s in sources]
    nb = new_notebook(cells=cells, metadata={"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}})
    run = execute_notebook(nb, {}, limits=Limits(cell_timeout=30))
    assert run.status == "completed", run.reason
    by_source = {c.source: c for c in run.notebook.cells}
    return [by_source[s].get("outputs", []) for s in sources]


def _answers(outputs: list[Any]) -> list[Any]:
    return [o["data"][ANSWER_MIME]["value"] for o in outputs if ANSWER_MIME in o.get("data", {})]


def test_grade_engine_answer_is_never_changed_by_a_later_update_or_display() -> None:
    first, later = _run(
        SHOW + "\ndisplay({ANSWER_MIME: encode_answer('z9-total', 105)}, raw=True, display_id='d')\n"
        "display({'text/plain': 'plain'}, raw=True, display_id='e');",
        SHOW + "\nupdate_display({ANSWER_MIME: encode_answer('z9-total', -1)}, raw=True, display_id='d')\n"
        "display({ANSWER_MIME: encode_answer('z9-total', -2)}, raw=True, display_id='d')\n"
        "display({ANSWER_MIME: encode_answer('z9-total', -3)}, raw=True, display_id='e');",
    )
    assert _answers(first) == [105], "the first cell keeps the answer it displayed"
    assert [o["data"].get("text/plain") for o in first if ANSWER_MIME not in o["data"]] == ["plain"], \
        "another cell's answer never lands in an earlier display"
    assert _answers(later) == [-2, -3], "the later cell's own displays are its own"


def test_grade_engine_overrides_no_private_method_of_nbclient() -> None:
    client = grading_engine().client_class
    bases = client.__mro__[1:]
    private = [name for name, value in vars(client).items() if inspect.isfunction(value)
               and name.startswith("_") and not name.startswith("__") and any(hasattr(b, name) for b in bases)]
    assert private == []
