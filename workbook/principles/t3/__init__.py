"""T3 · Technology Services: the givens, charts and widgets of its notebook (see workbook.principles)."""
