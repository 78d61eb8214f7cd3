"""Write the Z9 instructor notebook of the grading fixture (run once; the output is committed)."""

from pathlib import Path

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

HERE = Path(__file__).parent


def sol(cell_id: str, source: str) -> object:
    return new_code_cell(source, id=cell_id, metadata={"tags": ["solution"], "workbook": {"id": cell_id, "kind": "exercise"}})


def build() -> object:
    cells = [
        new_markdown_cell("# Z9 · Grading fixture", id="z9-cell-00"),
        new_code_cell('candidate: str = "demo"  # your candidate id\nseed: int = 2026  # set by the roster\nbase: float = 100.0  # the base amount in dollars',
                      id="z9-cell-01", metadata={"tags": ["parameters"]}),
        new_code_cell("from workbook.notebook import answer", id="z9-cell-02", metadata={"tags": ["hide-input"]}),
        new_markdown_cell("A reading: the total is the base plus the seed's remainder after division by 7.", id="z9-cell-03"),
        sol("z9-total", "# Exercise 1: compute the total and record it.\ntotal = base + seed % 7\nanswer(\"z9-total\", total)"),
        sol("z9-double", "# Exercise 2: twice your total.\nanswer(\"z9-double\", 2 * total)"),
        new_markdown_cell("I would tell the board that the total is small.", id="z9-reflect",
                          metadata={"tags": ["reflection"], "workbook": {"id": "z9-reflect", "kind": "reflection"}}),
        new_code_cell("# Instructor only: the answer key\nprint(base + seed % 7)", id="z9-cell-07", metadata={"tags": ["instructor"]}),
        new_code_cell('print("done")', id="z9-cell-08"),
    ]
    nb = new_notebook(cells=cells)
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nb.metadata["workbook"] = {"principle": "Z9", "schema_version": 1}
    return nb


if __name__ == "__main__":
    nbformat.write(build(), HERE / "notebooks" / "technology" / "Z9-grading-fixture.ipynb")
