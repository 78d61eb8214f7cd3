"""L6 · Fiscal Management: the givens, charts and widgets of its notebook (see workbook.principles)."""
