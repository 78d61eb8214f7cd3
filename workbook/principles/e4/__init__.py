"""E4 · Assessment and Accountability: the givens, charts and widgets of its notebook (see workbook.principles)."""
