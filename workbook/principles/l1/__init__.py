"""L1 · Professional Development and Training: the givens, charts and widgets of its notebook (see workbook.principles)."""
