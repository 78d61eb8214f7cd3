"""L2 · Vision and Technology Planning: the givens, charts and widgets of its notebook (see workbook.principles)."""
