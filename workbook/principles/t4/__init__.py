"""T4 · IT Knowledge: the givens, charts and widgets of its notebook (see workbook.principles)."""
