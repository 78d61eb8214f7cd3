"""E1 · Student Centered Aspects: the givens, charts and widgets of its notebook (see workbook.principles)."""
