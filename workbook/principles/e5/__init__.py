"""E5 · Finance Centered Aspects: the givens, charts and widgets of its notebook (see workbook.principles)."""
