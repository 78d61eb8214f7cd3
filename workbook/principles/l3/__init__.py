"""L3 · Communications and Public Relations: the givens and charts of its notebook (see workbook.principles)."""
