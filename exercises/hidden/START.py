"""Hidden checks for the start notebook: none (its practice exercise scores zero points).

The file exists so that the grader can tell "no hidden checks" from "hidden
checks not found": `workbook grade` refuses a rubric folder without them.
"""

HIDDEN: list = []
