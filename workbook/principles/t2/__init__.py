"""T2 · Infrastructure: the givens, charts and widgets of its notebook (see workbook.principles)."""
