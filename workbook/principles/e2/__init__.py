"""E2 · Staff Centered Aspects: the givens, charts and widgets of its notebook (see workbook.principles)."""
