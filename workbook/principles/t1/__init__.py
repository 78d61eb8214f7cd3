"""T1 · Security Fundamentals: the givens, charts and widgets of its notebook (see workbook.principles)."""
