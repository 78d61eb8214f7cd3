"""L4 · Personnel Management: the givens and charts of its notebook (see workbook.principles)."""
