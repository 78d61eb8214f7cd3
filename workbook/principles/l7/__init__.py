"""L7 · Project Management: the givens, charts and widgets of its notebook (see workbook.principles)."""
