"""L5 · Organizational Management: the givens, charts and widgets of its notebook (see workbook.principles)."""
