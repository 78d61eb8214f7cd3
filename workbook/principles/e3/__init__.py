"""E3 · Educational Technology: the givens, charts and widgets of its notebook (see workbook.principles)."""
